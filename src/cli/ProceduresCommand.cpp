// hipguide-cli procedures: the procedures stored in a database, one per line.
#include "Arguments.h"
#include "Commands.h"

#include <hipguide/procedure/ProcedureSchema.h>
#include <hipguide/procedure/ProcedureStore.h>

#include <cstdio>
#include <iostream>

namespace hipguide::cli {

int runProcedures(const std::vector<std::string>& arguments) {
  Arguments args;
  args.option("db");
  args.parse(arguments);
  const auto database = records::Database::open(args.required("db"), {procedure::procedureSchema()},
                                                records::OpenMode::ExistingOnly);
  const auto procedures = procedure::ProcedureStore(database).list();
  std::printf("%-5s %-17s %-19s %-6s %-16s %-20s %-9s %s\n", "id", "started (UTC)", "type", "side", "patient",
              "operator", "injected", "key images");
  for (const auto& p : procedures)
    std::printf("%-5lld %-17s %-19s %-6s %-16s %-20s %-9s %d\n", static_cast<long long>(p.id),
                p.startedAt.toUTC().toString("yyyy-MM-dd HH:mm").toStdString().c_str(),
                procedure::procedureTypeInfo(p.type).id.c_str(),
                std::string(procedure::toString(p.side)).c_str(), p.patientId.c_str(), p.operatorName.c_str(),
                p.injected ? "yes" : "no", p.keyImageCount);
  std::cout << procedures.size() << " procedure" << (procedures.size() == 1 ? "" : "s") << "\n";
  return 0;
}

}  // namespace hipguide::cli
