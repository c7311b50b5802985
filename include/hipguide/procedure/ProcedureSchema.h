#pragma once
/// The procedure tables of the workstation database (component "procedure").

#include <hipguide/records/Database.h>

namespace hipguide::procedure {

/// The "procedure" schema component with its migrations (ProcedureSchema.cpp); pass it to
/// records::Database::open together with the other components the program uses.
/// v1: procedures, checklist, injectate, complications, key images (PNG).
/// v2: key images gain their pixel spacing (for DICOM Pixel Spacing).
const records::SchemaComponent& procedureSchema();

}  // namespace hipguide::procedure
