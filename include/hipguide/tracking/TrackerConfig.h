#pragma once
/// Settings of the needle tracker (NeedleTracker). Plain values with defaults that work on
/// 640×480 B-mode frames; every stage reads its own block.

#include <cstdint>

namespace hipguide::tracking {

/// Working resolution and the imaging sector.
struct WorkingImageConfig {
  int maxWidthPx = 320;  ///< Frames wider than this are downsampled (area average) to this width...
  /// ...except that a calibrated frame (core::Frame::spacingCalibrated) is resampled, never enlarged, so
  /// that a working pixel lies within this range: the scales the stages' pixel settings (ridge scale,
  /// lengths, gaps) were tuned and tested at, 0.344-0.501 mm on the simulated scenarios, 0.30 mm in the
  /// constructed test scenes. A fine linear probe or a great depth would otherwise show the needle
  /// twice as many working pixels wide, or half.
  double minWorkingSpacingMm = 0.30;
  double maxWorkingSpacingMm = 0.51;
  /// Without a calibration the tracker assumes this many mm per working pixel, the scale its millimetre
  /// settings (speeds, noise, distances) were tuned at. Its output stays in the frame's own units.
  double assumedWorkingSpacingMm = 0.44;
  int sectorMarginPx = 4;     ///< Sector mask erosion in working pixels (keeps the sector edge out).
  int sectorLearnFrames = 5;  ///< Frames whose non-zero pixels are merged into the sector mask.
};

/// Needle-scale ridge enhancement (Hessian of a Gaussian).
struct RidgeConfig {
  double sigmaPx = 1.5;           ///< Gaussian scale in working pixels (about a third of the shaft width).
  double noisePercentile = 95.0;  ///< Speckle response percentile that defines strength 1.
};

/// Temporal cue: running background of the working image.
struct MotionConfig {
  /// Weight of the newest frame in the running background for frames `rateIntervalS` apart (a
  /// memory of 0.22 s). A faster stream gives each frame less weight, so that the memory stays as
  /// long in time: its needle advances less per frame (steep at 40 fps: 96.1 % detected with the
  /// weight per frame, 98.2 % with it per time). A slower stream keeps this weight, a memory of 5
  /// frames: with 0.22 s the real 11.5 fps SpinePhantomFreehand showed a swept line advancing.
  double backgroundRate = 0.2;
  double rateIntervalS = 0.05;
};

/// Structure that appeared under a still probe (FreshStructure): a needle entering among bright
/// fascia, whose ridge the Hough transform does not find for dozens of frames.
struct FreshConfig {
  bool enabled = true;
  double memoryS = 3.0;  ///< Time constant of the slow background the frame is compared with.
  /// Fresh: brighter than the background by this many spreads of the difference over the sector
  /// (its 84th percentile: one SD of tissue noise, whatever a needle adds).
  double thresholdSpreads = 2.2;
  /// ...and by at least this (grey levels): a frame repeated exactly differs by nothing but the
  /// faint halo of what entered.
  double minThresholdGrey = 5.0;
  /// The image counts as still while that spread is at most this (grey levels).
  double maxSpreadGrey = 7.0;
  int minAreaPx = 15;          ///< The largest fresh blob needs this many pixels...
  double minLengthPx = 12.0;   ///< ...this length along its line...
  double minElongation = 3.0;  ///< ...this ratio of length to width (an early, round blob has no angle)...
  double maxResidualPx = 0.9;  ///< ...and its crest this straight (RMS distance from the fitted line).
  double strengthCap = 3.0;    ///< Its evidence counts a pixel at most this many thresholds bright.
  /// Blobs on its line this close to its ends are pieces of it (pixels): where a needle crosses a
  /// layer brighter than itself nothing is fresh (the blob stopped at the layer, the tip 6 mm on).
  double maxGapPx = 12.0;
};

/// Shaft hypotheses: oriented Hough voting, segment extraction, refinement and rejection.
struct ShaftConfig {
  double voteThreshold = 1.5;           ///< Ridge strength (speckle units) a pixel needs to vote.
  double strengthCap = 6.0;             ///< Votes and segment evidence are capped at this strength.
  double voteSpreadDeg = 4.0;           ///< A pixel votes for line angles within ± this of its own.
  int maxCandidates = 12;               ///< Hough peaks examined per frame.
  double onThreshold = 1.5;             ///< Strength above which a point along a line counts as shaft.
  double orientationToleranceDeg = 20;  ///< Ridge orientation must agree with the line within this.
  double minLengthPx = 8.0;      ///< Shorter visible segments are not a needle (3.5 mm at 0.44 mm per px: a
                                 ///< needle entering the image is caught from its first 5 mm; a short
                                 ///< shaft starts a track only with the advance cue).
  double maxResidualPx = 0.9;    ///< RMS distance of ridge centres from the fitted line (straightness).
  double minShadowRatio = 0.45;  ///< Mean below / above the segment; bone casts a shadow, a needle does not.
  double interfaceMaxAngleDeg =
      12.0;                       ///< Lines this close to horizontal that span the sector are interfaces.
  double interfaceMinSpan = 0.6;  ///< ...when they cover this fraction of the sector's width.
  double reverberationMaxOffsetPx = 16;  ///< Parallel lines below a shaft within this offset are its echoes.
  double priorDistancePx = 12.0;         ///< While tracking, candidates this far from the last shaft lose.
  double priorAngleDeg = 10.0;           ///< ...as do candidates whose angle differs by more than this.
  double entryGapScalePx = 15.0;  ///< Without a track, score × exp(1 − gap / this) for longer gaps between
                                  ///< the visible entry and the sector's border.
  float acrossFromPx = 3.0f;      ///< Tissue bands beside the shaft for its across contrast start here...
  float acrossToPx = 6.0f;        ///< ...and end here (pixels from the line, both sides).
  double acrossMinSpreadGrey = 2.0;  ///< Floor of the speckle spread the across contrast is divided by.
  /// A Hough peak on the fresh segment's line (FreshStructure) is lengthened to the segment's deep
  /// end by at most this (painted needles held still: tip p95 2.3-3.9 → 1.0-1.3 px at 60 dB; 8 px
  /// cut detection on probe-motion to 91 % with the fresh stage forced on in the simulator).
  double maxFreshReachPx = 4.0;
  /// ...unless the segment's evidence is this many times the peak's: then the ridge barely sees
  /// the needle (a dim one crossing bright layers) and the shaft spans the segment, however far it
  /// goes. Painted needles held still: 87.1 → 87.9 % (a ratio of 1: 87.7 %, with tips of 60 dB
  /// needles up to 0.4 px worse); with the fresh stage forced on in the simulator (a moving
  /// probe), probe-motion lost one frame, where a ratio of 1 cut it from 94.7 to 52.0 %.
  double freshTakeoverRatio = 4.0;
};

/// When a still shaft may start a track without the advance cue: it must look like a needle
/// entering from the skin, not like tissue (all of these at once).
struct NeedleLikeConfig {
  double minAboveSigma = 3.5;    ///< Across contrast against the tissue above (speckle spreads).
  double minBelowSigma = 2.5;    ///< ...and below (lower: reverberation may brighten it).
  double maxEntryGapPx = 8.0;    ///< The visible shaft reaches back to the sector's border (the skin).
  double minAngleDeg = 15.0;     ///< Oblique: steeper than interfaces, which run near-horizontal.
  double minLengthPx = 25.0;     ///< Long enough to be a shaft rather than a texture streak: 11 mm at
                                 ///< 0.44 mm per working px (40 px = 17.5 mm missed still needles'
                                 ///< first 1-2 cm, e.g. a probe sweeping onto one).
  double minDepthPx = 20.0;      ///< Its deep end lies this far below the sector's top (through the skin
                                 ///< and the near field; the skin line runs along the top).
  double maxResidualPx = 0.5;    ///< Straight (RMS of ridge centres from the fitted line).
  double minBelowToAbove = 0.9;  ///< No shadow below (ShaftCandidate::shadowRatio): a thin needle casts
                                 ///< none and its reverberation brightens below it; the skin line and
                                 ///< interfaces between layers have darker tissue below.
  double minEndContrast = 0.8;   ///< Ends at full brightness (TipLocation::endToShaftContrast): a tip in
                                 ///< the slice, not a shaft fading out of it...
  double minEndSigma = 2.5;      ///< ...and abruptly: shaft − tissue beyond its end in speckle spreads
                                 ///< (a shaft running into bright tissue ends in a low step: not its tip).
};

/// Following a shaft past the end of its ridge evidence (ShaftExtender).
struct ExtendConfig {
  /// At most this far past the ridge's end (39 mm at 0.44 mm per px: the ridge of a 52° steep
  /// shaft ends 34 mm before its tip; 60 cut steep to 72 %); 0: off.
  double maxExtendPx = 90.0;
  double maxGapPx = 5.0;    ///< The walk ends after this many pixels' worth of cost without contrast (2 mm
                            ///< at 0.44 mm per px; 8 and 12 lost more tracks on vessel-risk).
  float sideFromPx = 3.0f;  ///< Tissue bands beside the line start here...
  float sideToPx = 6.0f;    ///< ...and end here (pixels from the line, both sides).
  double costSigma = 1.0;   ///< Contrast (speckle spreads) a pixel needs to lengthen the shaft.
  double capSigma = 4.0;    ///< One pixel's contrast counts at most this much.
  /// A pixel this much brighter than the darker side band but not the brighter (a layer beside
  /// the shaft where it crosses it) neither lengthens the shaft nor ends it (steep 80 → 96 %;
  /// 0.5 and 0.8 alike, 1.25: 86 %).
  double oneSidedSigma = 0.8;
  double crossingStrength = 2.5;   ///< A ridge this strong (speckle units) crossing the line...
  double crossingAngleDeg = 25.0;  ///< ...at more than this angle is another structure, not the shaft
                                   ///< (trochanteric-bursa tip p95 2.5 → 0.6 mm: its bone cortex).
};

/// Tip localisation along the shaft.
struct TipConfig {
  double searchBeyondPx = 20.0;  ///< How far past the segment end the profile is examined.
  double levelWindowPx = 10.0;   ///< Length of the windows that define the shaft and background levels.
  double maxShiftPx = 6.0;       ///< The profile may move the tip at most this far from the ridge's end.
  /// Echo range assumed mapped onto grey 0-255 (log compression), to find the tip's half
  /// maximum in echo amplitude rather than in grey levels. 0 keeps grey levels.
  double displayRangeDb = 60.0;
};

/// A needle entering the image before its shaft is long and bright enough for confidence: the
/// same line advancing frame after frame (EntryWatch).
struct EntryConfig {
  int frames = 3;                  ///< Consecutive frames of advance along one line (steep, 52°: 2 let a
                                   ///< real fascia through on 5 of 21 frames, 4 started 1 frame too late)...
  double minSeconds = 0.09;        ///< ...spanning at least this long (3 frames at 20 fps span 0.1 s, less
                                   ///< their timestamps' jitter). A faster stream advances less per frame:
                                   ///< at 40 fps 3 frames started vessel-risk's needle 8 frames before
                                   ///< 5 mm of it were in the image.
  double minAdvance = 1.0;         ///< Advance (motion units) a candidate needs to count (1-2.5 alike).
  double angleToleranceDeg = 5.0;  ///< Same line: the angle within this...
  double offsetTolerancePx = 2.0;  ///< ...the new deep end within this of the previous line...
  double maxStepBackPx = 1.5;      ///< ...and moved along it by no less than −this...
  double maxStepPx = 6.0;          ///< ...and no more than this (2.6 mm per frame).
};

/// Confidence and the temporal filter (Kalman on the tip and the angle, in mm and degrees).
struct FilterConfig {
  double evidenceScale = 40.0;     ///< Segment evidence at which confidence reaches 1 - 1/e.
  double acquireConfidence = 0.6;  ///< Confidence needed to start tracking.
  double acquireAdvance = 1.0;     ///< Tip brightening over the shaft's (motion units) needed to start.
  double strongAdvance = 2.5;      ///< A tip brightening this much (a needle entering: 3-5)...
  double acquireStrongAdvanceConfidence = 0.5;  ///< ...starts a track from this confidence (its shaft
                                                ///< is still short: 0.6 waited 10-15 frames).
  double keepConfidence = 0.35;                 ///< Confidence needed to keep tracking (with the prior).
  /// A track starts only on a shaft at least this far from horizontal (a track once started follows
  /// its needle at any angle): the probe sliding sideways moves a flatter line along itself, which
  /// brightens its end as an advancing tip does (a real fascia at 8°, BoneUltrasound_L14: 3 of 21
  /// frames). The simulated needles run at 30-60°; flatter ones do not reach a hip joint.
  double minStartAngleDeg = 12.0;
  /// A track starts only on a shaft whose line, followed back from where it enters the image up to
  /// the skin's depth (the sector's top), runs at most this far under the skin unseen: in plane,
  /// the needle goes in beside the probe and comes into view within a few centimetres (simulated
  /// needles: under 5 mm). A deep, flat line reaching the side of a linear image is not one (a
  /// femoral head's cortex 43 mm deep at 20°: 126 mm). Only for calibrated frames: under an
  /// assumed scale a real needle could seem to have run twice as far.
  double maxHiddenLengthMm = 80.0;
  double tipNoiseMm = 0.3;          ///< Measurement noise of the tip.
  double accelerationMmS2 = 400.0;  ///< Process noise: tip acceleration.
  double angleNoiseDeg = 0.7;       ///< Measurement noise of the angle.
  double angleRateDegS2 = 200.0;    ///< Process noise: angular acceleration.
  double gateSigma = 4.0;           ///< Innovations beyond this many sigma are outliers.
  int maxCoastFrames = 2;           ///< Frames reported from the prediction alone before "lost"...
  double maxCoastSeconds = 0.11;    ///< ...and at least this long: 2 frames at 20 fps, 4 at 40 fps
                                    ///< (steep at 30 fps: 96.0 % detected with 2 frames, 97.5 %).
  int reacquireFrames = 3;          ///< Consistent outliers in a row that restart the track there.
  /// A tip moves at most this fast in the image (needle advance and probe motion together); a
  /// measurement farther from the last seen tip is an outlier (the gate alone, widened while
  /// coasting, took a tip 6 mm short after two frames).
  double maxTipSpeedMmS = 40.0;
  double seenTipMemoryS = 3.0;   ///< For this long after the tip was last seen (SeenTip)...
  double seenTipShortMm = 3.0;   ///< ...a tip this much short of it on the same shaft (the shaft leaving
                                 ///< the slice: 4-17 mm) neither updates nor starts a track, and one within
                                 ///< this of it (the same needle seen again) restarts at acquireConfidence
                                 ///< (2 refused true tips jittering by 1.5 mm at the femoral head).
  double seenTipAcrossMm = 1.5;  ///< Same shaft: the tip within this of the seen tip's line...
  double seenTipAngleDeg = 5.0;  ///< ...and the shaft within this of its angle.
  /// Only a tip seen by a track of at least this many measurements restarts one where it is seen
  /// again: a line tracked for one frame and lost (a fascia swept by the probe in BoneUltrasound_L14)
  /// is no needle to come back to (3-10 alike on the scenarios).
  int establishedMeasurements = 5;
};

/// All tracker settings.
struct TrackerConfig {
  WorkingImageConfig image;
  RidgeConfig ridge;
  MotionConfig motion;
  FreshConfig fresh;
  ShaftConfig shaft;
  NeedleLikeConfig needleLike;
  ExtendConfig extend;
  TipConfig tip;
  EntryConfig entry;
  FilterConfig filter;
};

}  // namespace hipguide::tracking
