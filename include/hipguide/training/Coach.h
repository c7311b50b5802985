#pragma once
/// Live coaching hints during a training attempt.

#include <hipguide/anatomy/Anatomy.h>
#include <hipguide/training/AttemptTrace.h>

#include <string>
#include <vector>

namespace hipguide::training {

/// What a hint is about, most urgent first.
enum class HintKind { TipPastTarget, PathThreatensStructure, NeedleNotVisible };

/// One hint: its kind and the sentence shown to the trainee.
struct CoachingHint {
  HintKind kind;
  std::string text;
};

/// Turns the newest sample into hints: the tip is past the target; the straight path ahead of
/// the tip (`lookAheadMm`) or the shaft comes within `marginMm` of a vessel or nerve; the tip
/// is not in the image (with the side to tilt or slide the probe to). Holds the anatomy;
/// one thread calls it.
class Coach {
 public:
  Coach(anatomy::Anatomy anatomy, double marginMm = 3.0, double lookAheadMm = 30.0);

  std::vector<CoachingHint> hints(const AttemptTrace& trace, const AttemptSample& sample) const;

 private:
  anatomy::Anatomy m_anatomy;
  double m_marginMm;
  double m_lookAheadMm;
};

}  // namespace hipguide::training
