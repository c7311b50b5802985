#pragma once
/// A complete procedure on the simulated probe, for demonstrations, tests and the command line.

#include <hipguide/procedure/Procedure.h>

#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>

namespace hipguide::procedure {

/// What the autopilot procedure uses. Defaults give a reproducible example record.
struct AutopilotOptions {
  ProcedureType type = ProcedureType::IntraArticular;
  std::string patientId = "SIM-0001";
  std::string operatorName = "HipGuide autopilot";
  std::uint32_t seed = 1;
  double framesPerSecond = 10.0;
  /// Session recording (.hgrec folder, must not exist); empty: not recorded (much faster, since
  /// only the key images are rendered then).
  std::filesystem::path recordingFolder;
  std::function<void(double fraction)> progress;  ///< Called now and then; may be empty.
};

/// Performs a procedure of `options.type` on the phantom (on the phantom's side): the checklist ticked, the
/// usual injectate of the type (DrugCatalog::defaults()), the type's usual needle and an example pain score
/// before; the training autopilot inserts the needle along the type's scenario plan aimed at the type's
/// target (training::runAutopilotAttempt); the injection is marked at the sample closest to the target, with
/// key images rendered (B-mode with guidance overlay) halfway in and at injection; the minimum clearances
/// come from the attempt's ground-truth trace; example pain scores after. Returns the record, not stored.
/// Runs on the calling thread (seconds to a minute); needs a QGuiApplication
/// (records::ensureGuiApplication()).
Procedure runAutopilotProcedure(const AutopilotOptions& options);

}  // namespace hipguide::procedure
