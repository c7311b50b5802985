#include "EntryWatch.h"

#include <gtest/gtest.h>

#include <cmath>

namespace hipguide::tracking {
namespace {

constexpr double kDt = 0.05;  ///< 20 fps.

/// A candidate on a line from (40, 10) at `angleDeg`, visible from t = 0 to `endT`, with `motion`.
ShaftCandidate candidate(float endT, double motion, double angleDeg = 52.0, float shiftPx = 0.0f) {
  ShaftCandidate result;
  const auto radians = static_cast<float>(angleDeg * M_PI / 180.0);
  result.line.direction = {std::cos(radians), std::sin(radians)};
  result.line.point =
      cv::Point2f(40.0f, 10.0f) + cv::Point2f(-result.line.direction.y, result.line.direction.x) * shiftPx;
  result.startT = 0.0f;
  result.endT = endT;
  result.motion = motion;
  return result;
}

/// A still tissue line that outranks the entering needle (first in the list).
ShaftCandidate tissueLine() { return candidate(50.0f, -0.3, 10.0); }

TEST(EntryWatch, ANeedleAdvancingAlongOneLineInConsecutiveFramesIsSeenEnteringBehindTissue) {
  const EntryConfig config;
  EntryWatch watch(config);
  std::optional<std::size_t> seen;
  for (int frame = 0; frame < config.frames; ++frame) {
    seen = watch.observe({tissueLine(), candidate(8.0f + 0.5f * frame, 2.5)}, kDt);
    if (frame + 1 < config.frames) {
      EXPECT_FALSE(seen.has_value()) << "frame " << frame;
    }
  }
  ASSERT_TRUE(seen.has_value());
  EXPECT_EQ(*seen, 1u) << "the entering needle, not the better-ranked tissue line";
  EXPECT_TRUE(watch.observe({tissueLine(), candidate(10.0f, 2.0)}, kDt).has_value()) << "and it stays seen";
}

TEST(EntryWatch, AFrameWithoutTheAdvanceStartsTheCountAgain) {
  const EntryConfig config;
  EntryWatch watch(config);
  for (int frame = 0; frame + 1 < config.frames; ++frame) watch.observe({candidate(8.0f + frame, 2.5)}, kDt);
  EXPECT_FALSE(watch.observe({candidate(10.0f, config.minAdvance - 0.5)}, kDt).has_value())
      << "still this frame";
  for (int frame = 0; frame + 1 < config.frames; ++frame)
    EXPECT_FALSE(watch.observe({candidate(11.0f + frame, 2.5)}, kDt).has_value()) << "frame " << frame;
  EXPECT_TRUE(watch.observe({candidate(14.0f, 2.5)}, kDt).has_value());
}

TEST(EntryWatch, AFasterStreamNeedsAsLongAnAdvance) {
  const EntryConfig config;
  EntryWatch watch(config);
  const double dt = 0.025;  // 40 fps: the same advance takes twice as many frames.
  int frames = 0;
  while (!watch.observe({candidate(8.0f + 0.5f * frames, 2.5)}, dt).has_value() && frames < 20) ++frames;
  EXPECT_EQ(frames + 1, 5) << "frames until seen: " << config.minSeconds << " s at 40 fps";
  EXPECT_GT(frames + 1, config.frames) << "more than at 20 fps (the test above)";
}

TEST(EntryWatch, AnotherLineEachFrameIsNoEntry) {
  const EntryConfig config;
  EntryWatch watch(config);
  const double angles[] = {52.0, 52.0 + 2 * config.angleToleranceDeg, 52.0,
                           52.0 + 2 * config.angleToleranceDeg};
  for (double angle : angles) EXPECT_FALSE(watch.observe({candidate(10.0f, 2.5, angle)}, kDt).has_value());
  EntryWatch beside(config);
  for (int frame = 0; frame < 4; ++frame)
    EXPECT_FALSE(
        beside
            .observe({candidate(10.0f, 2.5, 52.0, (frame % 2) * 3.0f * float(config.offsetTolerancePx))}, kDt)
            .has_value());
  EntryWatch jumping(config);
  for (int frame = 0; frame < 4; ++frame)
    EXPECT_FALSE(
        jumping.observe({candidate(10.0f + frame * float(config.maxStepPx + 2.0), 2.5)}, kDt).has_value());
}

TEST(EntryWatch, RejectedCandidatesAreNotWatched) {
  EntryWatch watch{EntryConfig{}};
  ShaftCandidate bone = candidate(10.0f, 3.0);
  bone.rejection = "acoustic shadow below (bone)";
  for (int frame = 0; frame < 5; ++frame) EXPECT_FALSE(watch.observe({bone}, kDt).has_value());
}

}  // namespace
}  // namespace hipguide::tracking
