#include "StagePipeline.h"
#include "SyntheticScene.h"

#include <hipguide/core/Geometry.h>

#include <gtest/gtest.h>

#include <algorithm>
#include <opencv2/imgproc.hpp>
#include <optional>

namespace hipguide::tracking {
namespace {

using test::bestAccepted;

test::SyntheticScene baseScene(std::uint64_t seed = 11) {
  test::SyntheticScene scene;
  scene.size = {320, 240};
  scene.speckleSeed = seed;
  return scene;
}

test::SyntheticNeedle needleAt30Deg() { return {{90, 70}, {190, 127.7f}, 8.0}; }

/// The same 30° line without a sector, once drawn from outside the image (coming in through
/// the skin) and once starting mid-image.
std::pair<test::SyntheticScene, test::SyntheticScene> borderAndMidImageScenes() {
  test::SyntheticScene fromBorder = baseScene(), midImage = baseScene();
  fromBorder.sector = midImage.sector = false;
  fromBorder.needles.push_back({{-20, 6.5f}, {190, 127.7f}, 8.0});
  midImage.needles.push_back(needleAt30Deg());
  return {fromBorder, midImage};
}

const ShaftCandidate* findRejected(const std::vector<ShaftCandidate>& candidates, const std::string& reason) {
  for (const ShaftCandidate& candidate : candidates)
    if (candidate.rejection.find(reason) != std::string::npos) return &candidate;
  return nullptr;
}

TEST(ShaftDetector, FindsTheNeedleInSpeckleWithItsEndsAndAngle) {
  test::SyntheticScene scene = baseScene();
  scene.needles.push_back(needleAt30Deg());
  test::StagePipeline pipeline;
  const auto candidates = pipeline.run(scene);
  const ShaftCandidate* best = bestAccepted(candidates);
  ASSERT_NE(best, nullptr);
  EXPECT_LT(core::orientationDifferenceDeg(best->line.angleDeg(), 30.0), 1.0);
  EXPECT_LT(cv::norm(best->entry() - cv::Point2f(90, 70)), 4.0);
  EXPECT_LT(cv::norm(best->deepEnd() - cv::Point2f(190, 127.7f)), 4.0);
  EXPECT_GT(best->line.direction.y, 0.0f) << "direction points from the entry to the deep end";
}

TEST(ShaftDetector, MeasuresHowFarTheVisibleEntryIsFromTheSectorBorder) {
  const auto [fromBorder, midImage] = borderAndMidImageScenes();
  test::StagePipeline pipeline;
  const std::vector<ShaftCandidate> connectedCandidates = pipeline.run(fromBorder);
  const ShaftCandidate* connected = bestAccepted(connectedCandidates);
  ASSERT_NE(connected, nullptr);
  const double connectedGapPx = connected->entryGapPx;
  const std::vector<ShaftCandidate> floatingCandidates = pipeline.run(midImage);
  const ShaftCandidate* floating = bestAccepted(floatingCandidates);
  ASSERT_NE(floating, nullptr);
  EXPECT_LT(connectedGapPx, 10.0);
  EXPECT_GT(floating->entryGapPx, 60.0) << "the line meets the border about 100 px before (90, 70)";
}

TEST(ShaftDetector, AStillShaftFromTheSkinIsNeedleLikeAFloatingOneIsNot) {
  const auto [fromBorder, midImage] = borderAndMidImageScenes();
  test::StagePipeline pipeline;
  const std::vector<ShaftCandidate> connectedCandidates = pipeline.run(fromBorder);
  const ShaftCandidate* connected = bestAccepted(connectedCandidates);
  ASSERT_NE(connected, nullptr);
  EXPECT_GT(connected->across.aboveSigma, pipeline.config.needleLike.minAboveSigma);
  EXPECT_GT(connected->across.belowSigma, pipeline.config.needleLike.minBelowSigma);
  EXPECT_TRUE(connected->needleLike);
  const std::vector<ShaftCandidate> floatingCandidates = pipeline.run(midImage);
  const ShaftCandidate* floating = bestAccepted(floatingCandidates);
  ASSERT_NE(floating, nullptr);
  EXPECT_GT(floating->across.weakerSigma(), pipeline.config.needleLike.minBelowSigma) << "as bright a shaft";
  EXPECT_FALSE(floating->needleLike) << "but it does not come in from the skin";
}

TEST(ShaftDetector, AStillShallowOrShortShaftIsNotNeedleLike) {
  test::SyntheticScene shallow = baseScene(), shortShaft = baseScene();
  shallow.sector = shortShaft.sector = false;
  shallow.needles.push_back({{-20, 60}, {150, 84}, 8.0});      // 8°: runs like an interface
  shortShaft.needles.push_back({{-20, 6.5f}, {12, 25}, 8.0});  // 15 px inside the image
  test::StagePipeline pipeline;
  for (const auto* scene : {&shallow, &shortShaft}) {
    const auto candidates = pipeline.run(*scene);
    for (const ShaftCandidate& candidate : candidates) EXPECT_FALSE(candidate.needleLike);
  }
}

TEST(ShaftDetector, AStillShaftAboutOneCentimetreIntoTheImageIsNeedleLike) {
  // 30° from outside the image to 34 px inside it (the first centimetre of a needle at 0.44 mm
  // per working px): long enough; the same shaft ending 15 px inside is not.
  test::SyntheticScene scene = baseScene();
  scene.sector = false;
  scene.needles.push_back({{-20, 6.5f}, {30, 35.4f}, 8.0});
  test::StagePipeline pipeline;
  const std::vector<ShaftCandidate> bestCandidates = pipeline.run(scene);
  const ShaftCandidate* best = bestAccepted(bestCandidates);
  ASSERT_NE(best, nullptr);
  EXPECT_LT(best->lengthPx(), 40.0);
  EXPECT_GE(best->lengthPx(), pipeline.config.needleLike.minLengthPx);
  EXPECT_TRUE(best->needleLike);
}

TEST(ShaftDetector, AShaftThatStaysInTheNearFieldIsNotNeedleLike) {
  // 20° from outside the image to 46 px below its top: needle-like; the same shaft is not when
  // the near field (the skin line's depth) reaches deeper than its end.
  test::SyntheticScene scene = baseScene();
  scene.sector = false;
  scene.needles.push_back({{-20, -4}, {120, 46}, 8.0});
  test::StagePipeline pipeline;
  const std::vector<ShaftCandidate> deepCandidates = pipeline.run(scene);
  const ShaftCandidate* deep = bestAccepted(deepCandidates);
  ASSERT_NE(deep, nullptr);
  EXPECT_TRUE(deep->needleLike);
  NeedleLikeConfig deeperNearField = pipeline.config.needleLike;
  deeperNearField.minDepthPx = 50.0;
  pipeline.detector = ShaftDetector(pipeline.config.shaft, deeperNearField);
  const std::vector<ShaftCandidate> shallowCandidates = pipeline.run(scene);
  const ShaftCandidate* shallow = bestAccepted(shallowCandidates);
  ASSERT_NE(shallow, nullptr);
  EXPECT_FALSE(shallow->needleLike);
}

TEST(ShaftDetector, ANeedleLikeShaftsConfidenceScoreUsesItsAcrossContrast) {
  test::SyntheticScene fromBorder = baseScene(), midImage = baseScene();
  fromBorder.sector = midImage.sector = false;
  fromBorder.needles.push_back({{-20, 6.5f}, {190, 127.7f}, 8.0});
  midImage.needles.push_back(needleAt30Deg());
  test::StagePipeline pipeline;
  const std::vector<ShaftCandidate> connectedCandidates = pipeline.run(fromBorder);
  const ShaftCandidate* connected = bestAccepted(connectedCandidates);
  ASSERT_NE(connected, nullptr);
  ASSERT_TRUE(connected->needleLike);
  const double acrossEvidence =
      connected->lengthPx() * (connected->across.weakerSigma() - pipeline.config.shaft.onThreshold);
  EXPECT_NEAR(connected->needleScore,
              std::max(connected->score, connected->score * acrossEvidence / connected->evidence),
              1e-6 * connected->needleScore);
  const std::vector<ShaftCandidate> floatingCandidates = pipeline.run(midImage);
  const ShaftCandidate* floating = bestAccepted(floatingCandidates);
  ASSERT_NE(floating, nullptr);
  EXPECT_DOUBLE_EQ(floating->needleScore, floating->score) << "not needle-like: the ridge score";
}

TEST(ShaftDetector, AdvanceIsBrighteningAtTheDeepEndNotAlongTheWholeShaft) {
  test::SyntheticScene scene = baseScene();
  scene.needles.push_back(needleAt30Deg());
  test::StagePipeline pipeline;
  pipeline.run(scene);
  const auto advanceWith = [&](const cv::Mat& change) {
    const auto candidates =
        pipeline.detector.detect(pipeline.maps, pipeline.sector, pipeline.work.greyF(), change, {});
    return bestAccepted(candidates) ? bestAccepted(candidates)->motion : -1e9;
  };
  cv::Mat tipMoved = cv::Mat::zeros(pipeline.work.greyF().size(), CV_32F);
  cv::circle(tipMoved, cv::Point(185, 125), 6, cv::Scalar(4.0), cv::FILLED);  // Around the deep end.
  const cv::Mat probeMoved(pipeline.work.greyF().size(), CV_32F, cv::Scalar(4.0));
  EXPECT_GT(advanceWith(tipMoved), 2.0);
  EXPECT_NEAR(advanceWith(probeMoved), 0.0, 0.1);
}

TEST(ShaftDetector, RejectsHorizontalInterfacesThatSpanTheSector) {
  test::SyntheticScene scene = baseScene();
  scene.interfaces.push_back({{40, 100}, {280, 104}, 5.0, 1.0});  // fascia
  test::StagePipeline pipeline;
  const auto candidates = pipeline.run(scene);
  EXPECT_EQ(bestAccepted(candidates), nullptr);
  EXPECT_NE(findRejected(candidates, "interface"), nullptr);
}

TEST(ShaftDetector, RejectsABoneSurfaceByItsShadow) {
  test::SyntheticScene scene = baseScene();
  scene.interfaces.push_back({{80, 150}, {220, 110}, 5.0, 0.03});  // oblique cortex, 16°
  test::StagePipeline pipeline;
  const auto candidates = pipeline.run(scene);
  EXPECT_EQ(bestAccepted(candidates), nullptr);
  EXPECT_NE(findRejected(candidates, "shadow"), nullptr);
}

TEST(ShaftDetector, PicksTheShallowestOfTheReverberationCopies) {
  test::SyntheticScene scene = baseScene();
  test::SyntheticNeedle needle = needleAt30Deg();
  needle.reverberations = 3;
  needle.reverberationPx = 7.0;
  needle.amplitude = 10.0;
  scene.needles.push_back(needle);
  test::StagePipeline pipeline;
  const auto candidates = pipeline.run(scene);
  const ShaftCandidate* best = bestAccepted(candidates);
  ASSERT_NE(best, nullptr);
  EXPECT_LT(std::abs(best->line.offsetOf({140, 98.85f})), 1.5f);
}

TEST(ShaftDetector, FindsTheNeedleAmongInterfacesAndBone) {
  test::SyntheticScene scene = baseScene();
  scene.interfaces.push_back({{40, 60}, {280, 64}, 4.0, 1.0});
  scene.interfaces.push_back({{70, 200}, {250, 190}, 6.0, 0.05});
  test::SyntheticNeedle needle = needleAt30Deg();
  needle.reverberations = 2;
  scene.needles.push_back(needle);
  test::StagePipeline pipeline;
  const auto candidates = pipeline.run(scene);
  const ShaftCandidate* best = bestAccepted(candidates);
  ASSERT_NE(best, nullptr);
  EXPECT_LT(core::orientationDifferenceDeg(best->line.angleDeg(), 30.0), 1.5);
}

TEST(ShaftDetector, SpeckleAloneGivesOnlyWeakEvidence) {
  test::StagePipeline pipeline;
  test::SyntheticScene withNeedle = baseScene(30);
  withNeedle.needles.push_back(needleAt30Deg());
  const auto needleCandidates = pipeline.run(withNeedle);
  const ShaftCandidate* needle = bestAccepted(needleCandidates);
  ASSERT_NE(needle, nullptr);
  for (std::uint64_t seed = 30; seed < 36; ++seed) {
    test::StagePipeline fresh;
    const auto candidates = fresh.run(baseScene(seed));
    const ShaftCandidate* best = bestAccepted(candidates);
    if (best) {
      EXPECT_LT(best->evidence, 0.25 * needle->evidence) << "seed " << seed;
    }
  }
}

TEST(ShaftDetector, RejectsCurvedEchoes) {
  test::SyntheticScene scene = baseScene();
  scene.arcCentreRadius = {{160, 230}, {110, 0}};
  test::StagePipeline pipeline;
  const auto candidates = pipeline.run(scene);
  const ShaftCandidate* best = bestAccepted(candidates);
  if (best) {
    EXPECT_LT(best->lengthPx(), 70.0) << "only a short, nearly straight piece of the arc may pass";
  }
}

TEST(ShaftDetector, PrefersTheLineNearThePreviousShaft) {
  test::SyntheticScene scene = baseScene();
  scene.needles.push_back({{60, 50}, {150, 102}, 8.0});   // 30°
  scene.needles.push_back({{260, 60}, {200, 164}, 9.0});  // 120°, a little brighter
  test::StagePipeline pipeline;
  ShaftPrior prior;
  prior.shaft = Line{{60, 50}, {0.866f, 0.5f}};
  prior.tip = {150, 102};
  const auto candidates = pipeline.run(scene, prior);
  const ShaftCandidate* best = bestAccepted(candidates);
  ASSERT_NE(best, nullptr);
  EXPECT_LT(core::orientationDifferenceDeg(best->line.angleDeg(), 30.0), 2.0);
}

/// A fresh segment along the 30° needle's line, as FreshStructure reports it.
FreshSegment freshAlongNeedle(double residualPx = 0.3) {
  const test::SyntheticNeedle needle = needleAt30Deg();
  FreshSegment fresh;
  fresh.line.point = needle.entry;
  fresh.line.direction = (needle.tip - needle.entry) / float(cv::norm(needle.tip - needle.entry));
  fresh.startT = 0.0f;
  fresh.endT = float(cv::norm(needle.tip - needle.entry));
  fresh.widthPx = 6.0;
  fresh.residualPx = residualPx;
  fresh.evidence = 2.0 * fresh.endT;
  return fresh;
}

const ShaftCandidate* findFresh(const std::vector<ShaftCandidate>& candidates) {
  for (const ShaftCandidate& candidate : candidates)
    if (candidate.fresh) return &candidate;
  return nullptr;
}

/// The 30° needle in speckle, and the best shaft the ridge alone finds there.
std::pair<test::SyntheticScene, std::optional<ShaftCandidate>> needleSeenByTheRidge(
    test::StagePipeline& pipeline) {
  test::SyntheticScene scene = baseScene();
  scene.needles.push_back(needleAt30Deg());
  const auto candidates = pipeline.run(scene);
  const ShaftCandidate* best = bestAccepted(candidates);
  return {scene, best ? std::optional<ShaftCandidate>(*best) : std::nullopt};
}

TEST(ShaftDetector, AFreshSegmentIsExaminedAsItIsAfterTheHoughPeaks) {
  // Speckle only: the needle's ridge is not there, its fresh blob is. A blob's crest is ragged:
  // its straightness (above the ridge limit here) was judged where it was found.
  const FreshSegment fresh = freshAlongNeedle(1.2);
  test::StagePipeline pipeline;
  const auto candidates = pipeline.run(baseScene(), {}, fresh);
  const ShaftCandidate* found = findFresh(candidates);
  ASSERT_NE(found, nullptr);
  EXPECT_TRUE(found->rejection.empty()) << found->rejection;
  EXPECT_EQ(found->evidence, fresh.evidence);
  EXPECT_LT(cv::norm(found->entry() - fresh.line.at(fresh.startT)), 0.01);
  EXPECT_LT(cv::norm(found->deepEnd() - fresh.line.at(fresh.endT)), 0.01);
  EXPECT_EQ(std::count_if(candidates.begin(), candidates.end(), [](const auto& c) { return c.fresh; }), 1);
}

TEST(ShaftDetector, AFreshSegmentBelowABrightLayerIsNotTakenForBone) {
  // A needle entering just under a bright, attenuating layer has brighter tissue above than
  // below, as bone's surface does; but bone does not appear in still tissue.
  test::SyntheticScene scene = baseScene();
  scene.interfaces.push_back({{80, 57.3f}, {200, 126.6f}, 12.0, 0.03});  // 6 px above the line
  test::StagePipeline pipeline;
  const auto candidates = pipeline.run(scene, {}, freshAlongNeedle());
  const ShaftCandidate* found = findFresh(candidates);
  ASSERT_NE(found, nullptr);
  EXPECT_LT(found->shadowRatio, pipeline.config.shaft.minShadowRatio) << "darker below than above";
  EXPECT_TRUE(found->rejection.empty()) << found->rejection;
  EXPECT_NE(findRejected(candidates, "shadow"), nullptr) << "the layer itself, a Hough peak, is";
}

TEST(ShaftDetector, AHoughPeakOnTheFreshSegmentsLineIsKeptAndReachesALittleFurther) {
  test::StagePipeline pipeline;
  const auto [scene, ridgeOnly] = needleSeenByTheRidge(pipeline);
  ASSERT_TRUE(ridgeOnly);
  const float ridgeEnd = ridgeOnly->line.positionOf(ridgeOnly->deepEnd());

  FreshSegment reachingOn = freshAlongNeedle();  // the fresh blob goes on 10 px past the ridge
  reachingOn.endT = reachingOn.line.positionOf(ridgeOnly->deepEnd()) + 10.0f;
  // Stronger evidence than the ridge's, but not by far: the ridge sees the needle well.
  reachingOn.evidence = 0.5 * pipeline.config.shaft.freshTakeoverRatio * ridgeOnly->evidence;
  const auto candidates = pipeline.run(scene, {}, reachingOn);
  const ShaftCandidate* best = bestAccepted(candidates);
  ASSERT_NE(best, nullptr);
  EXPECT_FALSE(best->fresh) << "its ridge-refined line is the more precise";
  EXPECT_EQ(findFresh(candidates), nullptr);
  EXPECT_NEAR(best->line.positionOf(best->deepEnd()) - ridgeEnd, pipeline.config.shaft.maxFreshReachPx, 0.01)
      << "lengthened by at most maxFreshReachPx";

  FreshSegment shorter = freshAlongNeedle();  // ending before the ridge: nothing changes
  shorter.endT = shorter.line.positionOf(ridgeOnly->deepEnd()) - 10.0f;
  shorter.evidence = reachingOn.evidence;
  const auto unchanged = pipeline.run(scene, {}, shorter);
  ASSERT_NE(bestAccepted(unchanged), nullptr);
  EXPECT_NEAR(cv::norm(bestAccepted(unchanged)->deepEnd() - ridgeOnly->deepEnd()), 0.0, 0.01);
}

TEST(ShaftDetector, AFarStrongerFreshSegmentCarriesTheShaftOnWhereTheRidgeBreaks) {
  // A dim needle crossing a bright layer: its ridge breaks there, while what appeared under the
  // still probe goes on to the tip. The shaft spans the fresh segment, however far it goes on.
  test::StagePipeline pipeline;
  const auto [scene, ridgeOnly] = needleSeenByTheRidge(pipeline);
  ASSERT_TRUE(ridgeOnly);

  FreshSegment reachingOn = freshAlongNeedle();
  reachingOn.endT = reachingOn.line.positionOf(ridgeOnly->deepEnd()) + 20.0f;
  reachingOn.evidence = 2.0 * pipeline.config.shaft.freshTakeoverRatio * ridgeOnly->evidence;
  const auto candidates = pipeline.run(scene, {}, reachingOn);
  const ShaftCandidate* best = bestAccepted(candidates);
  ASSERT_NE(best, nullptr);
  EXPECT_LT(cv::norm(best->deepEnd() - reachingOn.line.at(reachingOn.endT)), 0.5)
      << "ends where the fresh blob does";
  EXPECT_EQ(best->evidence, reachingOn.evidence);
  EXPECT_EQ(
      std::count_if(candidates.begin(), candidates.end(),
                    [&](const ShaftCandidate& c) { return cv::norm(c.deepEnd() - best->deepEnd()) < 25.0; }),
      1)
      << "one candidate for the needle, not the peak and the segment";
}

}  // namespace
}  // namespace hipguide::tracking
