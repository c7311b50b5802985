#include "Arguments.h"
#include "Commands.h"

#include <hipguide/session/SourceTable.h>

#include <iostream>

namespace hipguide::cli {

int runSources(const std::vector<std::string>& arguments) {
  Arguments parsed;
  parsed.parse(arguments);
  if (!parsed.positional().empty())
    throw UsageError("unexpected argument '" + parsed.positional().front() + "'");
  for (const session::SourceKindInfo& kind : session::sourceKinds())
    std::cout << "  " << kind.example << "\n      " << kind.description << "\n";
  return 0;
}

}  // namespace hipguide::cli
