#pragma once
/// One documented hip injection: plan, checklist, what was injected, measurements, outcome.

#include <hipguide/procedure/Checklist.h>
#include <hipguide/procedure/Complication.h>
#include <hipguide/procedure/Injectate.h>
#include <hipguide/procedure/KeyImage.h>
#include <hipguide/procedure/PainScores.h>
#include <hipguide/procedure/ProcedureType.h>

#include <QDateTime>

#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace hipguide::procedure {

/// A procedure record that breaks a rule; the message lists every problem.
class ProcedureError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// The record of one procedure. Plain data; the only patient data is `patientId` (what the
/// report and DICOM need). Distances in mm, times UTC.
struct Procedure {
  std::int64_t id = 0;  ///< Database id; 0 until stored.
  std::string patientId;
  std::string operatorName;
  QDateTime startedAt;
  ProcedureType type = ProcedureType::IntraArticular;
  Side side = Side::Right;
  Checklist checklist;
  std::vector<InjectateComponent> injectate;
  NeedleSpec needle;
  PainScores pain;
  std::optional<QDateTime> injectedAt;             ///< When the injection was marked.
  std::optional<double> tipToTargetAtInjectionMm;  ///< Tip to target when marked.
  std::optional<double> minVesselClearanceMm;      ///< Over the whole insertion, watched vessels.
  std::optional<double> minNerveClearanceMm;       ///< Over the whole insertion, watched nerves.
  std::vector<KeyImage> keyImages;
  Complications complications;
  std::string aftercare;  ///< The aftercare sheet given (the type's default unless edited).
  std::string recording;  ///< Session recording folder, if the session was recorded.
};

/// A new record of a type: started now, the type's usual needle and default aftercare.
Procedure newProcedure(ProcedureType type, Side side, std::string patientId, std::string operatorName);

/// Every rule the record breaks, as sentences naming the field and value (empty: valid):
/// patient id 1-64 printable characters; operator given; pain scores 0-10; needle 18-27 G and
/// 25-200 mm; injectate drugs named with dose ≥ 0 and 0 < volume ≤ 20 mL; an injection marked
/// only with a complete checklist and an injectate; complications listed once, "Other" described.
std::vector<std::string> validationProblems(const Procedure& procedure);
/// Throws ProcedureError listing validationProblems() when there are any.
void validate(const Procedure& procedure);

/// Marks the injection at `time` with the tip-to-target distance then. Throws ProcedureError
/// when the checklist is incomplete (naming the missing checks) or no injectate is planned.
void markInjection(Procedure& procedure, const QDateTime& time, std::optional<double> tipToTargetMm);

}  // namespace hipguide::procedure
