#include <hipguide/guidance/GuidanceState.h>

#include <algorithm>

namespace hipguide::guidance {

const StructureClearance* GuidanceState::nearestOnPath() const {
  if (pathClearances.empty()) return nullptr;
  return &*std::min_element(pathClearances.begin(), pathClearances.end(),
                            [](const auto& a, const auto& b) { return a.clearanceMm < b.clearanceMm; });
}

}  // namespace hipguide::guidance
