#include <hipguide/procedure/Checklist.h>

#include "InfoById.h"

#include <stdexcept>

namespace hipguide::procedure {

const std::vector<ChecklistItemInfo>& checklistItems() {
  static const std::vector<ChecklistItemInfo> items = {
      {ChecklistItem::SideAndSite, "side-and-site", "Side and site confirmed"},
      {ChecklistItem::Consent, "consent", "Informed consent obtained"},
      {ChecklistItem::Allergies, "allergies", "Allergies checked"},
      {ChecklistItem::Anticoagulation, "anticoagulation", "Anticoagulation reviewed"},
      {ChecklistItem::SterilePreparation, "sterile-preparation", "Sterile preparation done"},
  };
  return items;
}

const ChecklistItemInfo& checklistItemInfo(ChecklistItem item) {
  return checklistItems().at(static_cast<std::size_t>(item));
}

ChecklistItem checklistItemFromId(std::string_view id) {
  return infoById(checklistItems(), id, "checklist item").item;
}

bool Checklist::complete() const { return missing().empty(); }

std::vector<ChecklistItem> Checklist::missing() const {
  std::vector<ChecklistItem> result;
  for (const auto& info : checklistItems())
    if (!isTicked(info.item)) result.push_back(info.item);
  return result;
}

Checklist Checklist::allTicked() {
  Checklist checklist;
  for (const auto& info : checklistItems()) checklist.tick(info.item);
  return checklist;
}

}  // namespace hipguide::procedure
