#pragma once
/// Complications noted after the injection, from a fixed list plus free text.

#include <string>
#include <string_view>
#include <vector>

namespace hipguide::procedure {

/// What can follow a hip injection; Other needs a description.
enum class Complication { Bruising, Bleeding, VasovagalReaction, Flare, TransientNumbness, Other };

/// Database id and human label of a complication.
struct ComplicationInfo {
  Complication complication;
  std::string id;     ///< "bruising", "vasovagal", ...
  std::string label;  ///< "Vasovagal reaction", ...
};

/// Every complication in list order.
const std::vector<ComplicationInfo>& complicationList();
const ComplicationInfo& complicationInfo(Complication complication);
/// Throws std::invalid_argument listing the ids for an unknown id.
Complication complicationFromId(std::string_view id);

/// The complications of one procedure. Empty `noted`: none.
struct Complications {
  std::vector<Complication> noted;  ///< In the order they were noted, each at most once.
  std::string otherText;            ///< What "Other" was; required when Other is noted.
};

/// "None", or the labels joined ("Bruising; Other: dizziness on standing").
std::string describe(const Complications& complications);

}  // namespace hipguide::procedure
