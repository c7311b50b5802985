#include <hipguide/procedure/Procedure.h>

#include <algorithm>
#include <cctype>

namespace hipguide::procedure {
namespace {

constexpr std::size_t kMaxPatientIdLength = 64;
constexpr double kMaxVolumeMl = 20.0;

void checkScore(std::vector<std::string>& problems, const char* name, std::optional<int> score) {
  if (score && (*score < 0 || *score > 10))
    problems.push_back(std::string("pain score ") + name + " is " + std::to_string(*score) + "; use 0-10");
}

void checkPatientId(std::vector<std::string>& problems, const std::string& patientId) {
  if (patientId.empty()) problems.push_back("patient id is empty");
  if (patientId.size() > kMaxPatientIdLength)
    problems.push_back("patient id has " + std::to_string(patientId.size()) + " characters; at most 64");
  if (std::any_of(patientId.begin(), patientId.end(),
                  [](char c) { return std::iscntrl(static_cast<unsigned char>(c)); }))
    problems.push_back("patient id holds control characters");
}

void checkInjectate(std::vector<std::string>& problems, const std::vector<InjectateComponent>& injectate) {
  for (std::size_t i = 0; i < injectate.size(); ++i) {
    const auto& component = injectate[i];
    const std::string where = "injectate " + std::to_string(i + 1) + " ('" + component.drug + "')";
    if (component.drug.empty()) problems.push_back(where + " has no drug name");
    if (component.dose < 0) problems.push_back(where + " has a negative dose");
    if (component.volumeMl <= 0 || component.volumeMl > kMaxVolumeMl)
      problems.push_back(where + " volume is " + std::to_string(component.volumeMl) + " mL; use (0, 20]");
  }
}

void checkComplications(std::vector<std::string>& problems, const Complications& complications) {
  auto noted = complications.noted;
  std::sort(noted.begin(), noted.end());
  if (std::adjacent_find(noted.begin(), noted.end()) != noted.end())
    problems.push_back("a complication is listed twice");
  const bool other = std::find(noted.begin(), noted.end(), Complication::Other) != noted.end();
  if (other && complications.otherText.empty())
    problems.push_back("complication 'Other' needs a description");
}

std::string missingChecks(const Checklist& checklist) {
  std::string text;
  for (ChecklistItem item : checklist.missing())
    text += (text.empty() ? "" : ", ") + checklistItemInfo(item).label;
  return text;
}

}  // namespace

Procedure newProcedure(ProcedureType type, Side side, std::string patientId, std::string operatorName) {
  const ProcedureTypeInfo& info = procedureTypeInfo(type);
  Procedure procedure;
  procedure.type = type;
  procedure.side = side;
  procedure.patientId = std::move(patientId);
  procedure.operatorName = std::move(operatorName);
  procedure.startedAt = QDateTime::currentDateTimeUtc();
  procedure.needle = info.usualNeedle;
  procedure.aftercare = info.defaultAftercare;
  return procedure;
}

std::vector<std::string> validationProblems(const Procedure& procedure) {
  std::vector<std::string> problems;
  checkPatientId(problems, procedure.patientId);
  if (procedure.operatorName.empty()) problems.push_back("operator is empty");
  if (!procedure.startedAt.isValid()) problems.push_back("start time is missing");
  checkScore(problems, "before", procedure.pain.before);
  checkScore(problems, "immediately after", procedure.pain.immediatelyAfter);
  checkScore(problems, "later", procedure.pain.later);
  if (procedure.needle.gauge < 18 || procedure.needle.gauge > 27)
    problems.push_back("needle gauge is " + std::to_string(procedure.needle.gauge) + " G; use 18-27");
  if (procedure.needle.lengthMm < 25 || procedure.needle.lengthMm > 200)
    problems.push_back("needle length is " + std::to_string(procedure.needle.lengthMm) + " mm; use 25-200");
  checkInjectate(problems, procedure.injectate);
  if (procedure.injectedAt && !procedure.checklist.complete())
    problems.push_back("injection marked with checklist items open: " + missingChecks(procedure.checklist));
  if (procedure.injectedAt && procedure.injectate.empty())
    problems.push_back("injection marked without an injectate");
  checkComplications(problems, procedure.complications);
  return problems;
}

void validate(const Procedure& procedure) {
  const auto problems = validationProblems(procedure);
  if (problems.empty()) return;
  std::string text = "invalid procedure record:";
  for (const auto& problem : problems) text += "\n  - " + problem;
  throw ProcedureError(text);
}

void markInjection(Procedure& procedure, const QDateTime& time, std::optional<double> tipToTargetMm) {
  if (!procedure.checklist.complete())
    throw ProcedureError("tick the checklist before injecting; open: " + missingChecks(procedure.checklist));
  if (procedure.injectate.empty()) throw ProcedureError("plan the injectate before injecting");
  procedure.injectedAt = time.toUTC();
  procedure.tipToTargetAtInjectionMm = tipToTargetMm;
}

}  // namespace hipguide::procedure
