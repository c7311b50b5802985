#include <hipguide/app/TrainingDebrief.h>

#include <hipguide/app/VtkHostWidget.h>
#include <hipguide/render/AnatomySurfaces.h>
#include <hipguide/render/NeedleTrail.h>
#include <hipguide/render/Scene.h>

#include <hipguide/training/AttemptCharts.h>
#include <hipguide/training/AttemptReport.h>

#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace hipguide::app {
namespace {

QTableWidget* table(const QStringList& headers, int rows) {
  auto* widget = new QTableWidget(rows, static_cast<int>(headers.size()));
  widget->setHorizontalHeaderLabels(headers);
  widget->verticalHeader()->hide();
  widget->setEditTriggers(QAbstractItemView::NoEditTriggers);
  widget->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
  widget->setSelectionMode(QAbstractItemView::NoSelection);
  return widget;
}

QString number(double value, const std::string& unit) {
  if (!std::isfinite(value)) return QStringLiteral("–");
  return unit.empty() ? QString::number(value, 'g', 3)
                      : QStringLiteral("%1 %2").arg(value, 0, 'f', 1).arg(QString::fromStdString(unit));
}

}  // namespace

TrainingDebrief::TrainingDebrief(training::AttemptResult result, QString trainee,
                                 std::shared_ptr<const render::AnatomySurfaces> surfaces, QWidget* parent)
    : QDialog(parent), m_result(std::move(result)), m_trainee(std::move(trainee)) {
  setObjectName("trainingDebrief");
  setWindowTitle(tr("Debrief: %1").arg(QString::fromStdString(m_result.exercise.title)));
  auto* heading = new QLabel(tr("<h2 style='color:%1'>%2</h2>%3, %4 attempt by %5")
                                 .arg(m_result.verdict.passed ? "#188a2e" : "#c0262d",
                                      m_result.verdict.passed ? tr("PASSED") : tr("FAILED"),
                                      QString::fromStdString(m_result.exercise.title),
                                      QString::fromStdString(m_result.driver), m_trainee));
  heading->setObjectName("debriefHeading");
  auto* replay = new QPushButton(tr("Replay"));
  auto* pdf = new QPushButton(tr("Export PDF..."));
  auto* close = new QPushButton(tr("Close"));
  replay->setObjectName("replayButton");
  pdf->setObjectName("pdfButton");
  replay->setEnabled(!m_result.recording.empty());
  connect(replay, &QPushButton::clicked, this,
          [this] { emit replayRequested(QString::fromStdString(m_result.recording.string())); });
  connect(pdf, &QPushButton::clicked, this, [this] {
    const QString file =
        QFileDialog::getSaveFileName(this, tr("Training report"), "training-report.pdf", "PDF (*.pdf)");
    if (!file.isEmpty()) exportPdf(file);
  });
  connect(close, &QPushButton::clicked, this, &QDialog::close);
  auto* buttons = new QHBoxLayout;
  buttons->addStretch();
  buttons->addWidget(replay);
  buttons->addWidget(pdf);
  buttons->addWidget(close);
  auto* body = new QHBoxLayout;
  body->addWidget(buildTables(), 3);
  body->addWidget(buildPath3d(std::move(surfaces)), 3);
  body->addWidget(buildCharts(), 4);
  auto* layout = new QVBoxLayout(this);
  layout->addWidget(heading);
  layout->addLayout(body, 1);
  layout->addLayout(buttons);
  resize(1600, 900);
}

QWidget* TrainingDebrief::buildTables() {
  const auto& criteria = m_result.verdict.criteria;
  QTableWidget* verdict =
      table({tr("Criterion"), tr("Measured"), tr("Result")}, static_cast<int>(criteria.size()));
  verdict->setObjectName("criteriaTable");
  for (int row = 0; row < static_cast<int>(criteria.size()); ++row) {
    const training::CriterionResult& criterion = criteria[static_cast<std::size_t>(row)];
    verdict->setItem(row, 0, new QTableWidgetItem(QString::fromStdString(criterion.description)));
    verdict->setItem(row, 1, new QTableWidgetItem(number(criterion.measured, "")));
    auto* outcome = new QTableWidgetItem(criterion.passed ? tr("met") : tr("NOT MET"));
    outcome->setForeground(criterion.passed ? QColor(24, 138, 46) : QColor(192, 38, 45));
    verdict->setItem(row, 2, outcome);
  }
  verdict->setMaximumHeight(40 + 30 * static_cast<int>(criteria.size()));
  const std::vector<training::NamedScore> scores = training::scoreTable(m_result.scores);
  QTableWidget* values = table({tr("Score"), tr("Value")}, static_cast<int>(scores.size()));
  values->setObjectName("scoresTable");
  for (int row = 0; row < static_cast<int>(scores.size()); ++row) {
    const training::NamedScore& score = scores[static_cast<std::size_t>(row)];
    values->setItem(row, 0, new QTableWidgetItem(QString::fromStdString(score.label)));
    values->setItem(row, 1, new QTableWidgetItem(number(score.value, score.unit)));
  }
  auto* column = new QWidget;
  auto* layout = new QVBoxLayout(column);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->addWidget(verdict);
  layout->addWidget(values, 1);
  return column;
}

QWidget* TrainingDebrief::buildCharts() {
  auto* column = new QWidget;
  auto* layout = new QVBoxLayout(column);
  layout->setContentsMargins(0, 0, 0, 0);
  for (const records::TimeChartSpec& chart : training::attemptCharts(m_result)) {
    auto* label = new QLabel;
    label->setObjectName("chart");
    label->setPixmap(QPixmap::fromImage(records::renderTimeChart(chart, QSize(680, 250))));
    layout->addWidget(label);
  }
  layout->addStretch();
  return column;
}

TrainingDebrief::~TrainingDebrief() = default;

QWidget* TrainingDebrief::buildPath3d(std::shared_ptr<const render::AnatomySurfaces> surfaces) {
  m_scene = std::make_unique<render::Scene>();
  m_trail = std::make_unique<render::NeedleTrail>();
  const std::vector<training::AttemptSample>& samples = m_result.trace.samples;
  std::vector<core::Vec3> tips;
  for (const training::AttemptSample& sample : samples)
    if (sample.inserted) tips.push_back(sample.tipMm);
  m_trail->setPoints(tips);
  m_trail->addTo(m_scene->renderer());
  guidance::GuidanceState last;
  last.poseKnown = true;
  last.targetMm = m_result.trace.targetMm;
  const auto inserted = std::find_if(samples.rbegin(), samples.rend(),
                                     [](const training::AttemptSample& sample) { return sample.inserted; });
  if (inserted != samples.rend())
    last.needle = guidance::NeedlePose{
        .tipMm = inserted->tipMm, .entryMm = inserted->entryMm, .directionMm = inserted->direction};
  m_scene->showGuidance(last);
  m_view = new VtkHostWidget;
  m_view->setObjectName("path3d");
  m_view->addRenderer(m_scene->renderer());
  m_view->setMinimumSize(360, 360);
  m_view->resetCamera();
  setAnatomy(std::move(surfaces));
  auto* column = new QWidget;
  auto* layout = new QVBoxLayout(column);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->addWidget(new QLabel(tr("<b>Needle path in 3D</b> (orange: tip path; drag to turn)")));
  layout->addWidget(m_view, 1);
  return column;
}

void TrainingDebrief::setAnatomy(std::shared_ptr<const render::AnatomySurfaces> surfaces) {
  if (!surfaces) return;
  m_scene->setAnatomy(std::move(surfaces));
  m_hasAnatomy = true;
  m_view->render();
}

bool TrainingDebrief::exportPdf(const QString& file) {
  try {
    training::writeAttemptReport(m_result, m_trainee.toStdString(), file.toStdString());
    return true;
  } catch (const std::exception& error) {
    QMessageBox::warning(this, tr("Training report"), tr("Cannot write the report: %1").arg(error.what()));
    return false;
  }
}

}  // namespace hipguide::app
