#pragma once
/// The pre-procedure checklist the physician ticks before the needle goes in.

#include <array>
#include <string>
#include <string_view>
#include <vector>

namespace hipguide::procedure {

/// One check; the order is the order on screen and in the report.
enum class ChecklistItem { SideAndSite, Consent, Allergies, Anticoagulation, SterilePreparation };

/// How a check is named in the database (`id`) and shown to people (`label`).
struct ChecklistItemInfo {
  ChecklistItem item;
  std::string id;     ///< "side-and-site", "consent", ...
  std::string label;  ///< "Side and site confirmed", ...
};

/// Every check in order.
const std::vector<ChecklistItemInfo>& checklistItems();
const ChecklistItemInfo& checklistItemInfo(ChecklistItem item);
/// The item of an id; throws std::invalid_argument listing the ids otherwise.
ChecklistItem checklistItemFromId(std::string_view id);

/// Which checks are ticked. Plain value type.
class Checklist {
 public:
  void tick(ChecklistItem item, bool ticked = true) { m_ticked[index(item)] = ticked; }
  bool isTicked(ChecklistItem item) const { return m_ticked[index(item)]; }
  /// All checks ticked: the needle may go in.
  bool complete() const;
  /// The checks not ticked yet, in order.
  std::vector<ChecklistItem> missing() const;
  /// A checklist with every check ticked (the autopilot's defaults).
  static Checklist allTicked();

 private:
  static std::size_t index(ChecklistItem item) { return static_cast<std::size_t>(item); }
  std::array<bool, 5> m_ticked{};
};

}  // namespace hipguide::procedure
