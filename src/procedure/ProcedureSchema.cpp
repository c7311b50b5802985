// Tables of component "procedure". Times are ISO 8601 UTC text; distances mm; child rows go with
// their procedure (ON DELETE CASCADE; Database turns foreign keys on).
#include <hipguide/procedure/ProcedureSchema.h>

namespace hipguide::procedure {

const records::SchemaComponent& procedureSchema() {
  static const records::SchemaComponent schema{
      "procedure",
      {
          {1,
           "procedure records: procedure, checklist, injectate, complications, key images",
           {
               "CREATE TABLE procedure_record ("
               " id INTEGER PRIMARY KEY AUTOINCREMENT,"
               " patient_id TEXT NOT NULL,"
               " operator TEXT NOT NULL,"
               " started_at TEXT NOT NULL,"
               " type TEXT NOT NULL,"
               " side TEXT NOT NULL,"
               " needle_gauge INTEGER NOT NULL,"
               " needle_length_mm REAL NOT NULL,"
               " needle_kind TEXT NOT NULL,"
               " pain_before INTEGER,"
               " pain_after INTEGER,"
               " pain_later INTEGER,"
               " pain_later_days REAL,"
               " injected_at TEXT,"
               " tip_to_target_mm REAL,"
               " min_vessel_clearance_mm REAL,"
               " min_nerve_clearance_mm REAL,"
               " complication_other TEXT NOT NULL DEFAULT '',"
               " aftercare TEXT NOT NULL,"
               " recording TEXT NOT NULL DEFAULT '')",
               "CREATE INDEX procedure_record_started ON procedure_record(started_at)",
               "CREATE TABLE procedure_checklist ("
               " procedure_id INTEGER NOT NULL REFERENCES procedure_record(id) ON DELETE CASCADE,"
               " item TEXT NOT NULL,"
               " PRIMARY KEY (procedure_id, item))",
               "CREATE TABLE procedure_injectate ("
               " procedure_id INTEGER NOT NULL REFERENCES procedure_record(id) ON DELETE CASCADE,"
               " position INTEGER NOT NULL,"
               " drug TEXT NOT NULL,"
               " drug_class TEXT NOT NULL,"
               " dose REAL NOT NULL,"
               " dose_unit TEXT NOT NULL,"
               " volume_ml REAL NOT NULL,"
               " PRIMARY KEY (procedure_id, position))",
               "CREATE TABLE procedure_complication ("
               " procedure_id INTEGER NOT NULL REFERENCES procedure_record(id) ON DELETE CASCADE,"
               " position INTEGER NOT NULL,"
               " complication TEXT NOT NULL,"
               " PRIMARY KEY (procedure_id, position))",
               "CREATE TABLE procedure_key_image ("
               " procedure_id INTEGER NOT NULL REFERENCES procedure_record(id) ON DELETE CASCADE,"
               " position INTEGER NOT NULL,"
               " captured_at TEXT NOT NULL,"
               " frame_id INTEGER NOT NULL,"
               " at_injection INTEGER NOT NULL,"
               " tip_to_target_mm REAL,"
               " nearest_vessel_mm REAL,"
               " nearest_nerve_mm REAL,"
               " caption TEXT NOT NULL DEFAULT '',"
               " png BLOB NOT NULL,"
               " PRIMARY KEY (procedure_id, position))",
           }},
          {2,
           "key images: pixel spacing for DICOM export",
           {"ALTER TABLE procedure_key_image ADD COLUMN pixel_spacing_mm REAL NOT NULL DEFAULT 0"}},
      }};
  return schema;
}

}  // namespace hipguide::procedure
