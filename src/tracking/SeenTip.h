#pragma once
/// Memory of where the tracked tip was last seen. A shaft leaving the slice, or hidden behind
/// tissue near its tip, ends short of the tip on the same line; a needle cannot be pulled back
/// by millimetres between two frames. So a tip that turns up short of the one just seen, on the
/// same shaft, is not the tip; one that turns up where it was seen is the same needle again.

#include <hipguide/core/Geometry.h>
#include <hipguide/tracking/TrackerConfig.h>

namespace hipguide::tracking {

class SeenTip {
 public:
  /// How a measured tip lies relative to the remembered one.
  enum class Relation {
    Elsewhere,  ///< Another line, farther along the shaft, or nothing remembered (any longer).
    Short,      ///< On the same shaft, short of the seen tip by more than `seenTipShortMm`.
    AtIt,       ///< On the same shaft, within `seenTipShortMm` of the seen tip.
  };

  explicit SeenTip(const FilterConfig& config);

  /// The tip was seen here now, by a track `established` over enough measurements or not.
  void see(const core::Vec2& tipMm, double angleDeg, bool established);
  /// Time passes; the memory lapses after `seenTipMemoryS`.
  void age(double dtSeconds);
  void forget();

  bool remembered() const;
  /// Seconds since the tip was last seen (meaningful while remembered()).
  double secondsSince() const { return m_secondsSince; }
  /// Whether the track that saw it was established (FilterConfig::establishedMeasurements).
  bool established() const { return m_established; }
  Relation relationOf(const core::Vec2& tipMm, double angleDeg) const;

 private:
  FilterConfig m_config;
  bool m_seen = false;
  bool m_established = false;
  double m_secondsSince = 0.0;
  core::Vec2 m_tipMm{0.0, 0.0};
  double m_angleDeg = 0.0;
};

}  // namespace hipguide::tracking
