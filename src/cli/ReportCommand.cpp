// hipguide-cli report: the PDF report (and optionally DICOM key images) of a stored procedure.
#include "Arguments.h"
#include "Commands.h"

#include <hipguide/procedure/DicomExport.h>
#include <hipguide/procedure/ProcedureReport.h>
#include <hipguide/procedure/ProcedureSchema.h>
#include <hipguide/procedure/ProcedureStore.h>

#include <iostream>

namespace hipguide::cli {

int runReport(const std::vector<std::string>& arguments) {
  Arguments args;
  args.option("db").option("procedure").option("out").option("dicom");
  args.parse(arguments);
  const std::string out = args.required("out");
  const long long id = args.integer("procedure", 0);
  if (id <= 0) throw UsageError("--procedure ID is required (hipguide-cli procedures lists the ids)");
  const auto database = records::Database::open(args.required("db"), {procedure::procedureSchema()},
                                                records::OpenMode::ExistingOnly);
  const procedure::Procedure record = procedure::ProcedureStore(database).load(id);
  const int pages = procedure::writeProcedureReport(record, out);
  std::cout << "report of procedure " << id << ": " << out << " (" << pages << " pages)\n";
  if (const auto dicom = args.value("dicom")) {
    const auto files = procedure::exportKeyImagesDicom(record, *dicom);
    std::cout << "DICOM: " << files.size() << " files in " << *dicom << "\n";
  }
  return 0;
}

}  // namespace hipguide::cli
