// hipguide-cli procedure: a complete procedure on the simulated probe, stored in the database.
#include "Arguments.h"
#include "Commands.h"
#include "ProgressLine.h"

#include <hipguide/procedure/DicomExport.h>
#include <hipguide/procedure/ProcedureAutopilot.h>
#include <hipguide/procedure/ProcedureReport.h>
#include <hipguide/procedure/ProcedureSchema.h>
#include <hipguide/procedure/ProcedureStore.h>
#include <hipguide/records/GuiApplication.h>

#include <cstdio>
#include <iostream>

namespace hipguide::cli {
namespace {

std::string millimetres(const std::optional<double>& valueMm) {
  if (!valueMm) return "not measured";
  char text[32];
  std::snprintf(text, sizeof text, "%.1f mm", *valueMm);
  return text;
}

}  // namespace

int runProcedure(const std::vector<std::string>& arguments) {
  Arguments args;
  args.option("type").flag("autopilot").option("db").option("report").option("dicom").option("seed");
  args.option("patient").option("operator").option("record");
  args.parse(arguments);
  if (!args.has("autopilot"))
    throw UsageError("only --autopilot procedures run from the command line; live procedures use the GUI");
  procedure::AutopilotOptions options;
  try {
    options.type = procedure::procedureTypeFromId(args.required("type"));
  } catch (const std::invalid_argument& error) {
    throw UsageError(error.what());
  }
  options.seed = static_cast<std::uint32_t>(args.integer("seed", 1));
  options.patientId = args.valueOr("patient", options.patientId);
  options.operatorName = args.valueOr("operator", options.operatorName);
  options.recordingFolder = args.valueOr("record", "");
  const std::filesystem::path databaseFile = args.required("db");

  records::ensureGuiApplication();
  const auto database = records::Database::open(databaseFile, {procedure::procedureSchema()});
  ProgressLine progress("autopilot " + procedure::procedureTypeInfo(options.type).id);
  options.progress = [&](double fraction) {
    progress.update(static_cast<std::int64_t>(fraction * 100), 100);
  };
  procedure::Procedure record = procedure::runAutopilotProcedure(options);
  progress.update(100, 100);
  progress.finish();
  procedure::ProcedureStore(database).save(record);

  std::cout << "procedure " << record.id << " stored in " << databaseFile.string() << ": "
            << procedure::procedureTypeInfo(record.type).id << ", " << procedure::toString(record.side)
            << " side\n"
            << "  tip to target at injection: " << millimetres(record.tipToTargetAtInjectionMm) << "\n"
            << "  minimum clearance: vessels " << millimetres(record.minVesselClearanceMm) << ", nerves "
            << millimetres(record.minNerveClearanceMm) << "\n"
            << "  key images: " << record.keyImages.size() << "\n";
  if (const auto report = args.value("report")) {
    const int pages = procedure::writeProcedureReport(record, *report);
    std::cout << "  report: " << *report << " (" << pages << " pages)\n";
  }
  if (const auto dicom = args.value("dicom")) {
    const auto files = procedure::exportKeyImagesDicom(record, *dicom);
    std::cout << "  DICOM: " << files.size() << " files in " << *dicom << "\n";
  }
  return 0;
}

}  // namespace hipguide::cli
