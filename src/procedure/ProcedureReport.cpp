#include <hipguide/procedure/ProcedureReport.h>

#include <hipguide/core/Logging.h>
#include <hipguide/procedure/KeyImageCapture.h>
#include <hipguide/records/GuiApplication.h>

#include <cstdio>

namespace hipguide::procedure {
namespace {

using records::ReportRow;

QString q(const std::string& text) { return QString::fromStdString(text); }

QString formatted(const char* format, double value) {
  char text[64];
  std::snprintf(text, sizeof text, format, value);
  return QString::fromLatin1(text);
}

QString distance(const std::optional<double>& valueMm) {
  return valueMm ? formatted("%.1f mm", *valueMm) : QStringLiteral("not measured");
}

QString score(const std::optional<int>& value) {
  return value ? QStringLiteral("%1 / 10").arg(*value) : QStringLiteral("not entered");
}

QString timeText(const QDateTime& time) { return time.toUTC().toString("yyyy-MM-dd HH:mm 'UTC'"); }

QString humanLabel(const std::string& label) { return q(label).replace('_', ' '); }

std::vector<ReportRow> procedureRows(const Procedure& p) {
  const ProcedureTypeInfo& info = procedureTypeInfo(p.type);
  QString injectate;
  for (const auto& component : p.injectate)
    injectate += (injectate.isEmpty() ? "" : "\n") + q(describe(component));
  QString watched;
  for (const auto& name : info.criticalStructures)
    watched += (watched.isEmpty() ? "" : ", ") + humanLabel(name);
  std::vector<ReportRow> rows = {
      {"Patient ID", q(p.patientId)},
      {"Date", timeText(p.startedAt)},
      {"Operator", q(p.operatorName)},
      {"Procedure", q(info.title)},
      {"Side", q(std::string(toString(p.side)))},
      {"Target", humanLabel(info.targetLabel)},
      {"Approach", q(info.approach)},
      {"Needle",
       QStringLiteral("%1G %2, %3 mm").arg(p.needle.gauge).arg(q(p.needle.kind)).arg(p.needle.lengthMm)},
      {"Injectate", injectate.isEmpty() ? QStringLiteral("none recorded") : injectate},
      {"Total volume", formatted("%.1f mL", totalVolumeMl(p.injectate))},
      {"Injection time", p.injectedAt ? timeText(*p.injectedAt) : QStringLiteral("not marked")},
      {"Watched structures", watched}};
  if (!p.recording.empty()) rows.push_back({"Session recording", q(p.recording)});
  return rows;
}

std::vector<ReportRow> checklistRows(const Checklist& checklist) {
  std::vector<ReportRow> rows;
  for (const auto& info : checklistItems())
    rows.push_back({q(info.label),
                    checklist.isTicked(info.item) ? QStringLiteral("Yes") : QStringLiteral("NOT TICKED")});
  return rows;
}

std::vector<ReportRow> painRows(const Procedure& p) {
  std::vector<ReportRow> rows = {{"Before", score(p.pain.before)},
                                 {"Immediately after", score(p.pain.immediatelyAfter)}};
  QString later = score(p.pain.later);
  if (p.pain.later && p.pain.laterAfterDays) later += formatted(" (after %.0f days)", *p.pain.laterAfterDays);
  rows.push_back({"Later", later});
  if (!isDiagnostic(p.injectate)) return rows;
  const auto immediate = reliefPercent(p.pain.before, p.pain.immediatelyAfter);
  const auto afterwards = reliefPercent(p.pain.before, p.pain.later);
  rows.push_back(
      {"Relief, immediately after", immediate ? formatted("%.0f %%", *immediate) : "cannot be computed"});
  rows.push_back({"Relief, later", afterwards ? formatted("%.0f %%", *afterwards) : "cannot be computed"});
  const auto positive = positiveDiagnosticResponse(p.pain);
  rows.push_back(
      {"Diagnostic response",
       !positive ? QStringLiteral("undetermined")
       : *positive
           ? formatted("positive (immediate relief of at least %.0f %%)", kPositiveDiagnosticReliefPercent)
           : formatted("negative (immediate relief below %.0f %%)", kPositiveDiagnosticReliefPercent)});
  return rows;
}

}  // namespace

records::ReportDocument procedureReport(const Procedure& p) {
  records::ReportDocument document(QStringLiteral("Ultrasound-guided hip injection"));
  document.setFooterText(QStringLiteral("HipGuide procedure %1, patient %2, %3")
                             .arg(p.id)
                             .arg(q(p.patientId), p.startedAt.toUTC().toString("yyyy-MM-dd")));
  document.addTable(procedureRows(p));
  document.addHeading(QStringLiteral("Pre-procedure checklist"));
  document.addTable(checklistRows(p.checklist));
  document.addHeading(QStringLiteral("Guidance measurements"));
  document.addTable({{"Tip to target at injection", distance(p.tipToTargetAtInjectionMm)},
                     {"Minimum clearance to vessels", distance(p.minVesselClearanceMm)},
                     {"Minimum clearance to nerves", distance(p.minNerveClearanceMm)}});
  document.addParagraph(QStringLiteral(
      "Clearances are the smallest distance between the needle shaft and a watched structure's surface "
      "during the insertion, from the anatomy model; negative values mean the shaft entered it."));
  document.addHeading(QStringLiteral("Pain scores"));
  document.addTable(painRows(p));
  document.addHeading(QStringLiteral("Complications"));
  document.addParagraph(q(describe(p.complications)));
  if (!p.keyImages.empty()) document.addHeading(QStringLiteral("Key images"));
  for (std::size_t i = 0; i < p.keyImages.size(); ++i)
    document.addImage(p.keyImages[i].image, q(describeKeyImage(p.keyImages[i], static_cast<int>(i + 1))),
                      0.75);
  document.addPageBreak();
  document.addHeading(QStringLiteral("Aftercare: %1, %2 side")
                          .arg(q(procedureTypeInfo(p.type).title), q(std::string(toString(p.side)))));
  document.addParagraph(q(p.aftercare));
  return document;
}

int writeProcedureReport(const Procedure& procedure, const std::filesystem::path& file) {
  records::ensureGuiApplication();
  const int pages = procedureReport(procedure).writePdf(file);
  core::logger("procedure")->info("wrote the report of procedure {} ({} pages)", procedure.id, pages);
  return pages;
}

}  // namespace hipguide::procedure
