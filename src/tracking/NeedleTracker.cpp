#include <hipguide/tracking/NeedleTracker.h>

#include "EntryWatch.h"
#include "FreshStructure.h"
#include "MotionCue.h"
#include "NeedleFilter.h"
#include "RidgeFilter.h"
#include "SectorMask.h"
#include "ShaftDetector.h"
#include "ShaftExtender.h"
#include "TipLocator.h"
#include "WorkingImage.h"

#include <hipguide/core/Geometry.h>
#include <hipguide/core/SteadyClock.h>

#include <algorithm>
#include <cmath>

namespace hipguide::tracking {
namespace {

/// Frames without a track after which the learned insertion side is forgotten.
constexpr int kForgetSideFrames = 40;
/// Contrast at the shaft's end relative to further up (TipLocation::endToShaftContrast) at and
/// below which the end is taken for the shaft leaving the slice rather than the tip; confidence
/// rises linearly from there to a fully bright end (simulated tips: 0.83-1.06, shafts leaving
/// the slice: 0.55-0.75; a steeper ramp to 0.8 let a real fascia through on 8 of 21 frames
/// instead of 3).
constexpr double kFadedEnd = 0.5;
/// Default frame interval when timestamps are missing or not increasing.
constexpr double kDefaultDtSeconds = 0.05;

/// Collects per-stage times of one frame.
class StageClock {
 public:
  explicit StageClock(std::vector<core::StageTime>& times) : m_times(times), m_last(core::steadyNowNs()) {}
  void lap(const char* stage) {
    const std::int64_t now = core::steadyNowNs();
    m_times.push_back({stage, core::nsToMs(now - m_last)});
    m_last = now;
  }

 private:
  std::vector<core::StageTime>& m_times;
  std::int64_t m_last;
};

}  // namespace

struct NeedleTracker::Impl {
  explicit Impl(const TrackerConfig& c)
      : config(c),
        sector(c.image.sectorMarginPx, c.image.sectorLearnFrames),
        ridge(c.ridge.sigmaPx, c.ridge.noisePercentile),
        motion(c.motion.backgroundRate, c.motion.rateIntervalS),
        fresh(c.fresh),
        shaft(c.shaft, c.needleLike),
        extender(c.extend),
        tip(c.tip),
        entry(c.entry),
        filter(c.filter) {
    checkWorkingImageConfig(c.image);
  }

  void resetTrack() {
    filter.reset();
    entry.reset();
    prior = {};
    framesWithoutTrack = 0;
  }
  void startOverIfGeometryChanged(const core::Frame& frame);
  /// Forgets what was learned from earlier frames (backgrounds, the track, the insertion side).
  void forgetTheImage();
  NeedleMeasurement measure(const ShaftCandidate& best);
  /// Orientation of a working-image line in image mm.
  double angleMm(const Line& line) const;
  /// How far a needle along `candidate` would run under the skin before the image shows it (mm):
  /// its line followed back from where it leaves the sector up to the skin's depth. 0 for a frame
  /// without a calibration: an assumed scale can be off by twice or more, too much for a limit.
  double hiddenLengthMm(const ShaftCandidate& candidate) const;
  /// The best accepted candidate that may start a track (NeedleFilter::mayStartAt), or
  /// candidates.size() when there is none. A fresh segment starts one only through the entry
  /// watch: while its blob is young its angle is not yet settled.
  std::size_t bestStartable(const std::vector<ShaftCandidate>& candidates) const;
  /// The tip at the extended end, or at the end of a bridged run when only that one is bright.
  TipLocation locateTip(const Line& line, const ShaftEnd& end);
  void remember(const FilteredNeedle& filtered, const std::optional<NeedleMeasurement>& measurement);
  /// Tracking mm (see trackingSpacingMm) → the frame's own units.
  core::Vec2 toFrameUnits(const core::Vec2& trackingMm) const;
  double angleInFrameUnits(double trackingAngleDeg) const;
  /// The frame has no calibration: the stages work at an assumed scale (trackingSpacingMm).
  bool spacingAssumed() const { return trackingSpacing != spacingMm; }

  TrackerConfig config;
  WorkingImage work;
  SectorMask sector;
  RidgeFilter ridge;
  RidgeMaps ridges;
  MotionCue motion;
  FreshStructure fresh;
  ShaftDetector shaft;
  ShaftExtender extender;
  TipLocator tip;
  EntryWatch entry;
  NeedleFilter filter;
  ShaftPrior prior;
  Line measuredShaft;
  cv::Point2f measuredTip;
  core::Vec2 lastEntryMm{0.0, 0.0};
  int framesWithoutTrack = 0;
  int width = 0, height = 0;
  core::Vec2 spacingMm{0.0, 0.0};
  core::Vec2 trackingSpacing{1.0, 1.0};  ///< mm per frame pixel the stages and the filter work in.
  core::Vec2 workScale{1.0, 1.0};        ///< Working pixels per frame pixel.
  std::int64_t lastTimestampNs = 0;
};

void NeedleTracker::Impl::startOverIfGeometryChanged(const core::Frame& frame) {
  if (frame.width == width && frame.height == height && frame.spacingMm == spacingMm) return;
  width = frame.width;
  height = frame.height;
  spacingMm = frame.spacingMm;
  trackingSpacing = trackingSpacingMm(frame, config.image);
  workScale = workingScale(frame, config.image);
  sector.reset();
  forgetTheImage();
}

void NeedleTracker::Impl::forgetTheImage() {
  motion.reset();
  fresh.reset();
  resetTrack();
  prior.insertionSide = 0;
}

TipLocation NeedleTracker::Impl::locateTip(const Line& line, const ShaftEnd& end) {
  const TipLocation farthest = tip.locate(line, end.endT, work.greyF(), sector.sector(), end.structureT);
  const double fullBrightness = config.needleLike.minEndContrast;
  if (farthest.endToShaftContrast >= fullBrightness) return farthest;
  // A faded end past a bridged gap is tissue crossing the line beyond the tip (vessel-risk: an
  // interface at 23°); the farthest bridged run that ends at full brightness ends at the tip.
  for (auto bridged = end.bridgedEnds.rbegin(); bridged != end.bridgedEnds.rend(); ++bridged) {
    const TipLocation earlier = tip.locate(line, *bridged, work.greyF(), sector.sector());
    if (earlier.fromProfile && earlier.endToShaftContrast >= fullBrightness) return earlier;
  }
  return farthest;
}

NeedleMeasurement NeedleTracker::Impl::measure(const ShaftCandidate& best) {
  const ShaftEnd end =
      extender.extend(best.line, best.endT, best.across.spreadGrey, work.greyF(), sector.sector(), ridges);
  const TipLocation located = locateTip(best.line, end);
  measuredShaft = best.line;
  measuredTip = best.line.at(located.tipT);
  const core::Vec2 tipMm = work.toMm(measuredTip);
  const core::Vec2 entryMm = work.toMm(best.entry());
  lastEntryMm = entryMm;
  NeedleMeasurement measurement;
  measurement.tipMm = tipMm;
  measurement.angleDeg = angleMm(best.line);
  // A shaft that fades out toward its end leaves the slice there: its end is not the tip.
  const double inPlane = std::clamp((located.endToShaftContrast - kFadedEnd) / (1.0 - kFadedEnd), 0.0, 1.0);
  measurement.confidence = inPlane * (1.0 - std::exp(-best.needleScore / config.filter.evidenceScale));
  measurement.advance = best.motion;
  measurement.hiddenLengthMm = hiddenLengthMm(best);
  // Without the advance, only a shaft whose end is seen (against darker tissue, with a step as
  // large as its contrast across) at full brightness (its tip in the slice) may start a track.
  measurement.needleLike = best.needleLike && located.fromProfile &&
                           located.endToShaftContrast >= config.needleLike.minEndContrast &&
                           located.contrast >= config.needleLike.minEndSigma * best.across.spreadGrey;
  return measurement;
}

double NeedleTracker::Impl::angleMm(const Line& line) const {
  const core::Vec2 spacing = work.workSpacingMm();
  return core::lineOrientationDeg({line.direction.x * spacing.x(), line.direction.y * spacing.y()});
}

double NeedleTracker::Impl::hiddenLengthMm(const ShaftCandidate& candidate) const {
  if (spacingAssumed()) return 0.0;
  const double depthMm =
      depthBelowSectorTop(sector.sector(), candidate.borderPoint()) * work.workSpacingMm().y();
  const double sine = std::sin(core::degToRad(core::orientationDifferenceDeg(angleMm(candidate.line), 0.0)));
  return depthMm / std::max(sine, 1e-3);
}

std::size_t NeedleTracker::Impl::bestStartable(const std::vector<ShaftCandidate>& candidates) const {
  const auto startable = std::find_if(candidates.begin(), candidates.end(), [&](const ShaftCandidate& c) {
    return c.rejection.empty() && !c.fresh && filter.mayStartAt(angleMm(c.line), hiddenLengthMm(c));
  });
  return static_cast<std::size_t>(startable - candidates.begin());
}

core::Vec2 NeedleTracker::Impl::toFrameUnits(const core::Vec2& trackingMm) const {
  return trackingMm.cwiseQuotient(trackingSpacing).cwiseProduct(spacingMm);
}

double NeedleTracker::Impl::angleInFrameUnits(double trackingAngleDeg) const {
  if (!spacingAssumed()) return trackingAngleDeg;
  const double radians = core::degToRad(trackingAngleDeg);
  return core::lineOrientationDeg(toFrameUnits({std::cos(radians), std::sin(radians)}));
}

void NeedleTracker::Impl::remember(const FilteredNeedle& filtered,
                                   const std::optional<NeedleMeasurement>& measurement) {
  if (!filtered.detected) {
    prior.shaft.reset();
    if (++framesWithoutTrack > kForgetSideFrames) prior.insertionSide = 0;
    return;
  }
  framesWithoutTrack = 0;
  if (measurement && !filtered.coasting) {
    prior.shaft = measuredShaft;
    if (prior.insertionSide == 0) prior.insertionSide = measuredShaft.direction.x > 0.0f ? -1 : 1;
  }
  prior.tip = work.fromMm(filtered.tipMm);
}

NeedleTracker::NeedleTracker(const TrackerConfig& config) : m_impl(std::make_unique<Impl>(config)) {}
NeedleTracker::~NeedleTracker() = default;

const TrackerConfig& NeedleTracker::config() const { return m_impl->config; }

std::optional<core::Vec2> NeedleTracker::assumedSpacingMm() const {
  if (m_impl->width == 0 || !m_impl->spacingAssumed()) return std::nullopt;
  return m_impl->trackingSpacing;
}

void NeedleTracker::reset() {
  m_impl->width = m_impl->height = 0;
  m_impl->lastTimestampNs = 0;
}

core::NeedleEstimate NeedleTracker::process(const core::Frame& frame) {
  Impl& s = *m_impl;
  core::NeedleEstimate estimate;
  estimate.frameId = frame.frameId;
  estimate.deviceTimestampNs = frame.deviceTimestampNs;
  StageClock clock(estimate.stageTimes);
  s.startOverIfGeometryChanged(frame);
  s.work.assign(frame, s.workScale, s.trackingSpacing);
  clock.lap("resample");
  const cv::Mat& mask = s.sector.update(s.work.grey());
  if (s.sector.restarted()) s.forgetTheImage();  // the depth or zoom changed: a new image
  clock.lap("sector");
  s.ridge.apply(s.work.greyF(), mask, s.ridges);
  clock.lap("ridge");
  const double dt = (s.lastTimestampNs && frame.deviceTimestampNs > s.lastTimestampNs)
                        ? core::nsToSeconds(frame.deviceTimestampNs - s.lastTimestampNs)
                        : kDefaultDtSeconds;
  s.lastTimestampNs = frame.deviceTimestampNs;
  const cv::Mat& change = s.motion.update(s.work.greyF(), mask, dt);
  clock.lap("motion");
  const std::optional<FreshSegment> fresh = s.fresh.update(s.work.greyF(), mask, dt);
  clock.lap("fresh");
  const std::vector<ShaftCandidate> candidates =
      s.shaft.detect(s.ridges, s.sector, s.work.greyF(), change, s.prior, fresh);
  clock.lap("shaft");
  // Without a track, a needle seen entering is measured even when it is not the best candidate,
  // and otherwise the best candidate that may start a track (a flatter line may not).
  std::optional<std::size_t> entering;
  std::size_t chosen = 0;
  if (s.filter.tracking()) {
    s.entry.reset();
  } else {
    entering = s.entry.observe(candidates, dt);
    chosen = entering ? *entering : s.bestStartable(candidates);
  }
  std::optional<NeedleMeasurement> measurement;
  if (chosen < candidates.size() && candidates[chosen].rejection.empty()) {
    measurement = s.measure(candidates[chosen]);
    measurement->entering = entering.has_value();
  }
  clock.lap("tip");
  const FilteredNeedle filtered = s.filter.update(measurement, dt);
  s.remember(filtered, measurement);
  clock.lap("filter");
  estimate.detected = filtered.detected;
  if (filtered.detected) {
    estimate.tipMm = s.toFrameUnits(filtered.tipMm);
    estimate.angleDeg = s.angleInFrameUnits(filtered.angleDeg);
    estimate.confidence = std::clamp(filtered.confidence, 0.0, 1.0);
    estimate.entryMm = s.toFrameUnits(s.lastEntryMm);
    estimate.visibleLengthMm = (estimate.tipMm - estimate.entryMm).norm();
  }
  return estimate;
}

}  // namespace hipguide::tracking
