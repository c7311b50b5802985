#pragma once
/// Lookup by command-line / database id in the procedure layer's small tables.

#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace hipguide::procedure {

/// The entry of `table` whose `id` member equals `id`; throws std::invalid_argument naming
/// `what` and listing the known ids otherwise.
template <typename Info>
const Info& infoById(const std::vector<Info>& table, std::string_view id, std::string_view what) {
  std::string known;
  for (const Info& info : table) {
    if (info.id == id) return info;
    known += (known.empty() ? "" : ", ") + info.id;
  }
  throw std::invalid_argument("unknown " + std::string(what) + " '" + std::string(id) + "' (known: " + known +
                              ")");
}

}  // namespace hipguide::procedure
