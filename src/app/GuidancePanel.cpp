#include <hipguide/app/GuidancePanel.h>

#include <QApplication>
#include <QLabel>
#include <QTimer>
#include <QVBoxLayout>

namespace hipguide::app {
namespace {

constexpr qint64 kReadoutIntervalMs = 100;  ///< Numbers change at most 10 times a second.

QLabel* readout(const QString& objectName, int pointSize) {
  auto* label = new QLabel;
  label->setObjectName(objectName);
  QFont font = label->font();
  font.setPointSize(pointSize);
  font.setBold(true);
  label->setFont(font);
  label->setTextFormat(Qt::RichText);
  label->setWordWrap(true);
  return label;
}

QString severityStyle(guidance::AlertSeverity severity) {
  switch (severity) {
    case guidance::AlertSeverity::Critical: return "background:#c0282d;color:white;";
    case guidance::AlertSeverity::Warning: return "background:#e8a317;color:black;";
    case guidance::AlertSeverity::Info: return "background:#2f9e57;color:white;";
  }
  return {};
}

}  // namespace

GuidancePanel::GuidancePanel(QWidget* parent)
    : QWidget(parent),
      m_target(readout("targetReadout", 20)),
      m_clearance(readout("clearanceReadout", 16)),
      m_tracking(readout("trackingReadout", 11)),
      m_alerts(readout("alertBanner", 14)),
      m_anatomy(readout("anatomyReadout", 9)),
      m_readoutTimer(new QTimer(this)) {
  auto* layout = new QVBoxLayout(this);
  for (QLabel* label : {m_target, m_clearance, m_tracking, m_alerts}) layout->addWidget(label);
  layout->addStretch(1);
  layout->addWidget(m_anatomy);
  setMinimumWidth(250);
  setMaximumWidth(340);
  m_alerts->setMargin(6);
  m_readoutTimer->setSingleShot(true);
  connect(m_readoutTimer, &QTimer::timeout, this, &GuidancePanel::showReadouts);
  showGuidance({});
  showAnatomy(tr("no anatomy"));
}

void GuidancePanel::showAnatomy(const QString& description) {
  m_anatomy->setText(tr("Anatomy: %1").arg(description.toHtmlEscaped()));
}

QString GuidancePanel::alertText() const { return m_alerts->text(); }

void GuidancePanel::showGuidance(const guidance::GuidanceState& state) {
  showAlerts(state);
  m_pendingReadouts = state;
  if (m_readoutTimer->isActive()) return;
  const qint64 sinceMs = m_sinceReadouts.isValid() ? m_sinceReadouts.elapsed() : kReadoutIntervalMs;
  if (sinceMs >= kReadoutIntervalMs)
    showReadouts();
  else
    m_readoutTimer->start(static_cast<int>(kReadoutIntervalMs - sinceMs));
}

void GuidancePanel::showReadouts() {
  if (!m_pendingReadouts) return;
  const guidance::GuidanceState state = std::move(*m_pendingReadouts);
  m_pendingReadouts.reset();
  m_sinceReadouts.start();
  m_target->setText(
      state.tipToTargetMm
          ? tr("Target<br><span style='font-size:30pt'>%1 mm</span>").arg(*state.tipToTargetMm, 0, 'f', 1)
          : tr("Target<br><span style='font-size:30pt'>–</span>"));
  if (const guidance::StructureClearance* nearest = state.nearestOnPath())
    m_clearance->setText(tr("Path clearance<br>%1 mm <span style='font-size:10pt'>%2</span>")
                             .arg(nearest->clearanceMm, 0, 'f', 1)
                             .arg(QString::fromStdString(nearest->structure)));
  else
    m_clearance->setText(tr("Path clearance<br>–"));
  m_tracking->setText(state.estimate.detected
                          ? tr("Needle tracked · confidence %1%").arg(qRound(state.estimate.confidence * 100))
                          : tr("Needle not found"));
}

void GuidancePanel::showAlerts(const guidance::GuidanceState& state) {
  QStringList lines;
  QString style;
  std::set<std::string> active;
  for (const guidance::Alert& alert : state.alerts) {
    if (style.isEmpty()) style = severityStyle(alert.severity);
    lines << QString::fromStdString(guidance::describe(alert)).toHtmlEscaped();
    const std::string key = std::string(guidance::toString(alert.kind)) + alert.structure;
    active.insert(key);
    if (alert.severity != guidance::AlertSeverity::Info && !m_activeAlerts.contains(key)) {
      QApplication::beep();
      emit alertRaised(lines.back());
    }
  }
  m_activeAlerts = std::move(active);
  m_alerts->setText(lines.join("<br>"));
  if (m_alerts->styleSheet() != style) m_alerts->setStyleSheet(style);  // re-polishing is costly
  m_alerts->setVisible(!lines.isEmpty());
}

}  // namespace hipguide::app
