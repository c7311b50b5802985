#pragma once
/// The PDF report of a procedure.

#include <hipguide/procedure/Procedure.h>
#include <hipguide/records/ReportDocument.h>

#include <filesystem>

namespace hipguide::procedure {

/// The report as a document: patient id, date, operator, type and side, approach, needle,
/// injectate, checklist, tip-to-target at injection, minimum clearances to vessels and nerves,
/// key images with their measurements, pain scores and relief (diagnostic injections),
/// complications, and the aftercare sheet on its own page (to hand to the patient).
records::ReportDocument procedureReport(const Procedure& procedure);

/// Writes procedureReport() as PDF (records::ensureGuiApplication() is called). Returns the
/// page count; throws records::ReportError when the file cannot be written.
int writeProcedureReport(const Procedure& procedure, const std::filesystem::path& file);

}  // namespace hipguide::procedure
