#include <hipguide/training/AttemptReport.h>

#include <hipguide/training/AttemptCharts.h>

#include <QDateTime>

#include <cmath>

namespace hipguide::training {
namespace {

QString text(const std::string& value) { return QString::fromStdString(value); }

QString valueText(const NamedScore& score) {
  if (!std::isfinite(score.value)) return QStringLiteral("not measured");
  if (score.unit.empty()) return QString::number(score.value, 'g', 4);
  return QStringLiteral("%1 %2").arg(QString::number(score.value, 'f', 2), text(score.unit));
}

std::vector<records::ReportRow> verdictRows(const Verdict& verdict) {
  std::vector<records::ReportRow> rows;
  for (const CriterionResult& criterion : verdict.criteria)
    rows.emplace_back(text(criterion.description),
                      QStringLiteral("%1 (measured %2)")
                          .arg(criterion.passed ? QStringLiteral("met") : QStringLiteral("NOT MET"),
                               std::isfinite(criterion.measured) ? QString::number(criterion.measured, 'f', 2)
                                                                 : QStringLiteral("never")));
  return rows;
}

}  // namespace

records::ReportDocument attemptReport(const AttemptResult& result, const std::string& trainee) {
  const Exercise& exercise = result.exercise;
  records::ReportDocument document(QStringLiteral("HipGuide training report: %1").arg(text(exercise.title)));
  document.setFooterText(QStringLiteral("HipGuide training, %1, %2")
                             .arg(text(trainee), QDateTime::currentDateTimeUtc().toString(Qt::ISODate)));
  document.addTable(
      {{QStringLiteral("Trainee"), text(trainee)},
       {QStringLiteral("Exercise"), QStringLiteral("%1 (scenario %2, seed %3, difficulty %4 of 5)")
                                        .arg(text(exercise.title), text(exercise.scenario))
                                        .arg(result.seed)
                                        .arg(exercise.difficulty)},
       {QStringLiteral("Target"), QStringLiteral("%1, tolerance %2 mm")
                                      .arg(text(exercise.targetStructure))
                                      .arg(exercise.toleranceMm, 0, 'f', 1)},
       {QStringLiteral("Driven by"), text(result.driver)},
       {QStringLiteral("Result"),
        result.verdict.passed ? QStringLiteral("PASSED") : QStringLiteral("FAILED")},
       {QStringLiteral("Recording"),
        result.recording.empty() ? QStringLiteral("not recorded") : text(result.recording.string())}});
  document.addParagraph(text(exercise.brief));
  document.addHeading(QStringLiteral("Criteria"));
  document.addTable(verdictRows(result.verdict));
  document.addHeading(QStringLiteral("Scores"));
  std::vector<records::ReportRow> scores;
  for (const NamedScore& score : scoreTable(result.scores))
    scores.emplace_back(text(score.label), valueText(score));
  const std::vector<std::string> breaches = result.scores.breaches();
  if (!breaches.empty()) {
    std::string names;
    for (const std::string& name : breaches) names += (names.empty() ? "" : ", ") + name;
    scores.emplace_back(QStringLiteral("Structures entered"), text(names));
  }
  document.addTable(scores);
  document.addHeading(QStringLiteral("Over time"));
  for (const records::TimeChartSpec& chart : attemptCharts(result))
    document.addImage(records::renderTimeChart(chart, QSize(1200, 420)), chart.title);
  return document;
}

int writeAttemptReport(const AttemptResult& result, const std::string& trainee,
                       const std::filesystem::path& file) {
  return attemptReport(result, trainee).writePdf(file);
}

}  // namespace hipguide::training
