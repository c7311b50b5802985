#include <hipguide/procedure/Complication.h>

#include "InfoById.h"

#include <stdexcept>

namespace hipguide::procedure {

const std::vector<ComplicationInfo>& complicationList() {
  static const std::vector<ComplicationInfo> list = {
      {Complication::Bruising, "bruising", "Bruising"},
      {Complication::Bleeding, "bleeding", "Bleeding"},
      {Complication::VasovagalReaction, "vasovagal", "Vasovagal reaction"},
      {Complication::Flare, "flare", "Post-injection flare"},
      {Complication::TransientNumbness, "numbness", "Transient numbness or weakness"},
      {Complication::Other, "other", "Other"},
  };
  return list;
}

const ComplicationInfo& complicationInfo(Complication complication) {
  return complicationList().at(static_cast<std::size_t>(complication));
}

Complication complicationFromId(std::string_view id) {
  return infoById(complicationList(), id, "complication").complication;
}

std::string describe(const Complications& complications) {
  if (complications.noted.empty()) return "None";
  std::string text;
  for (Complication complication : complications.noted) {
    if (!text.empty()) text += "; ";
    text += complicationInfo(complication).label;
    if (complication == Complication::Other && !complications.otherText.empty())
      text += ": " + complications.otherText;
  }
  return text;
}

}  // namespace hipguide::procedure
