#include <hipguide/app/StatusPanel.h>

#include <QHBoxLayout>
#include <QLabel>

namespace hipguide::app {
namespace {

QColor stateColour(acquisition::DriverState state) {
  using acquisition::DriverState;
  switch (state) {
    case DriverState::Streaming: return {90, 200, 120};
    case DriverState::Connecting: return {220, 190, 80};
    case DriverState::Stalled: return {240, 150, 60};
    case DriverState::Error: return {235, 80, 70};
    default: return {160, 160, 160};
  }
}

}  // namespace

StatusPanel::StatusPanel(QWidget* parent)
    : QWidget(parent), m_source(new QLabel), m_rates(new QLabel), m_latency(new QLabel), m_drops(new QLabel) {
  auto* layout = new QHBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->setSpacing(18);
  for (QLabel* label : {m_source, m_rates, m_latency, m_drops}) layout->addWidget(label);
  m_source->setObjectName("sourceState");
  m_rates->setObjectName("frameRates");
  m_latency->setObjectName("latency");
  m_drops->setObjectName("drops");
  showStats({});
}

void StatusPanel::showSource(const QString& description, acquisition::DriverState state,
                             const QString& reason) {
  const QString stateName = QString::fromUtf8(acquisition::toString(state).data());
  m_source->setText(QStringLiteral("<b>%1</b>: <span style='color:%2'>%3</span>")
                        .arg(description.toHtmlEscaped(), stateColour(state).name(), stateName));
  m_source->setToolTip(reason);
}

void StatusPanel::showStats(const DisplayStatsSummary& summary) {
  m_rates->setText(QStringLiteral("in %1 fps · shown %2 fps")
                       .arg(summary.fpsIn, 0, 'f', 1)
                       .arg(summary.fpsShown, 0, 'f', 1));
  m_latency->setText(QStringLiteral("latency %1 ms (p95 %2)")
                         .arg(summary.latencyMedianMs, 0, 'f', 1)
                         .arg(summary.latencyP95Ms, 0, 'f', 1));
  m_drops->setText(QStringLiteral("dropped %1").arg(summary.framesDropped));
}

}  // namespace hipguide::app
