#include "Command.h"
#include "Commands.h"

namespace hipguide::cli {

const std::vector<Command>& commands() {
  static const std::vector<Command> table = {
      {"sources", "list the kinds of source --source accepts", "hipguide-cli sources\n", runSources},
  };
  return table;
}

}  // namespace hipguide::cli
