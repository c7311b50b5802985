#pragma once
/// Entry points of the subcommands, one file each; listed in CommandTable.cpp.

#include <string>
#include <vector>

namespace hipguide::cli {

int runSources(const std::vector<std::string>& arguments);

}  // namespace hipguide::cli
