/// Training driven by a tracked probe and needle: the pose-to-simulator mapping, its states, and
/// whole attempts against a real libopenigtlink server sending a scripted insertion.

#include "TestData.h"
#include "TrackedPoses.h"
#include "acquisition/IgtlTestPeer.h"
#include "acquisition/IgtlTestSupport.h"

#include <hipguide/core/SteadyClock.h>
#include <hipguide/training/TrackedAttempt.h>
#include <hipguide/training/TraineeControls.h>

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <atomic>
#include <cstdlib>
#include <fstream>
#include <future>
#include <mutex>
#include <thread>

using namespace hipguide;
using namespace hipguide::training;
using acquisition::IgtlTrackerClient;
using acquisition::IgtlTrackerSettings;
using acquisition::TrackedPose;
using acquisition::TrackerSnapshot;
using hipguide::test::IgtlTestServer;
using hipguide::test::waitUntil;
using hipguide::test::wallNowNs;

namespace {

std::shared_ptr<const TrainingWorld> world() {
  static const std::shared_ptr<const TrainingWorld> built = buildTrainingWorld("anterior-hip", 1);
  return built;
}

const acquisition::Scenario::Plan& plan() { return world()->scenario.plan(); }
core::Vec3 planDirection() { return plan().needle.direction.normalized(); }

core::Transform3 needlePose(const core::Vec3& tipMm) { return test::needlePoseAt(tipMm, planDirection()); }

/// The scripted tip `arcMm` along the planned path, from 10 mm outside the skin.
core::Vec3 scriptedTip(double arcMm) { return plan().needle.entryMm + (arcMm - 10.0) * planDirection(); }

core::Transform3 plannedProbe() { return TraineeControls(plan(), world()->volume).probePose(); }

TrackerSnapshot connectedWith(const core::Transform3& needle, std::int64_t receivedNs) {
  TrackerSnapshot snapshot;
  snapshot.connected = true;
  snapshot.needle = TrackedPose{needle, receivedNs, 0, 1};
  snapshot.probe = TrackedPose{plannedProbe(), receivedNs, 0, 1};
  return snapshot;
}

TrackedDrive makeDrive(TrackedDriveSettings settings = {}) {
  return TrackedDrive(plan(), world()->volume, IgtlTrackerSettings{}, settings);
}

void packPose(const core::Transform3& pose, double (&rowMajor)[16]) { test::rowMajorOf(pose, rowMajor); }

}  // namespace

TEST(TrackedDrive, InsertionDepthIsWhereTheShaftCrossesTheSkin) {
  const TrackedDrive drive = makeDrive();
  const acquisition::NeedleState inside = drive.needleFrom(needlePose(scriptedTip(30.0)));
  EXPECT_NEAR(inside.insertionDepthMm, 20.0, 0.5);
  EXPECT_LT((inside.entryMm - plan().needle.entryMm).norm(), 0.5);
  EXPECT_LT((inside.tipMm() - scriptedTip(30.0)).norm(), 1e-9);
  EXPECT_TRUE(inside.direction.isApprox(planDirection(), 1e-9));
  const acquisition::NeedleState outside = drive.needleFrom(needlePose(scriptedTip(5.0)));
  EXPECT_EQ(outside.insertionDepthMm, 0.0);
  EXPECT_LT((outside.tipMm() - scriptedTip(5.0)).norm(), 1e-9);
}

TEST(TrackedDrive, TheShaftAxisIsConfigurable) {
  TrackedDriveSettings settings;
  settings.needleShaftAxis = parseToolAxis("+x");
  const TrackedDrive drive = makeDrive(settings);
  core::Transform3 pose = needlePose(scriptedTip(30.0));
  pose.linear().col(0) = -planDirection();  // +x runs back along the shaft
  pose.linear().col(2) = pose.linear().col(0).cross(pose.linear().col(1));
  EXPECT_NEAR(drive.needleFrom(pose).insertionDepthMm, 20.0, 0.5);
  EXPECT_EQ(toString(parseToolAxis("-z")), "-z");
  EXPECT_THROW(parseToolAxis("up"), std::invalid_argument);
}

TEST(TrackedDrive, RegistrationMapsTrackerCoordinatesToThePhantom) {
  const core::Transform3 phantomToReference =
      core::Transform3(Eigen::Translation3d(100, -20, 5) * Eigen::AngleAxisd(0.3, core::Vec3::UnitZ()));
  const std::int64_t nowNs = core::steadyNowNs();
  TrackerSnapshot snapshot = connectedWith(phantomToReference * needlePose(scriptedTip(30.0)), nowNs);
  snapshot.probe->pose = phantomToReference * plannedProbe();
  snapshot.phantom = TrackedPose{phantomToReference, nowNs, 0, 1};
  TrackedDrive fromTracker = makeDrive();
  const TrackedFrame viaMessage = fromTracker.update(snapshot, nowNs, 0.0);
  EXPECT_EQ(viaMessage.registration, "tracker");
  ASSERT_TRUE(viaMessage.state.needle);
  EXPECT_NEAR(viaMessage.state.needle->insertionDepthMm, 20.0, 0.5);

  const std::filesystem::path file = test::freshTempDir() / "PhantomToReference.txt";
  std::ofstream(file) << "# phantom -> reference\n";
  std::ofstream out(file, std::ios::app);
  for (double value : core::transformToRowMajor(phantomToReference)) out << value << " ";
  out.close();
  TrackedDriveSettings settings;
  settings.phantomToReference = loadRegistrationFile(file);
  snapshot.phantom.reset();
  TrackedDrive fromFile = makeDrive(settings);
  const TrackedFrame viaFile = fromFile.update(snapshot, nowNs, 0.0);
  EXPECT_EQ(viaFile.registration, "file");
  ASSERT_TRUE(viaFile.state.needle);
  EXPECT_LT((viaFile.state.needle->tipMm() - scriptedTip(30.0)).norm(), 1e-3);
  EXPECT_LT((viaFile.state.probeToReference.translation() - plannedProbe().translation()).norm(), 0.5);
}

TEST(TrackedDrive, RegistrationFilesMustHoldARigidMatrix) {
  const std::filesystem::path folder = test::freshTempDir();
  std::ofstream(folder / "short.txt") << "1 0 0 0  0 1 0 0  0 0 1 0  0 0 0";
  std::ofstream(folder / "scaled.txt") << "2 0 0 0\n0 1 0 0\n0 0 1 0\n0 0 0 1\n";
  EXPECT_THROW(loadRegistrationFile(folder / "short.txt"), std::runtime_error);
  EXPECT_THROW(loadRegistrationFile(folder / "scaled.txt"), std::runtime_error);
  EXPECT_THROW(loadRegistrationFile(folder / "missing.txt"), std::runtime_error);
}

TEST(TrackedDrive, ATipOutsideThePhantomIsIgnoredAndSaidSo) {
  TrackedDrive drive = makeDrive();
  const std::int64_t nowNs = core::steadyNowNs();
  const TrackedFrame frame =
      drive.update(connectedWith(needlePose(core::Vec3(1e4, 0, 0)), nowNs), nowNs, 0.0);
  EXPECT_EQ(frame.status, TrackedStatus::OutsidePhantom);
  EXPECT_NE(frame.message.find("outside the phantom"), std::string::npos) << frame.message;
  EXPECT_FALSE(frame.state.needle.has_value());
}

TEST(TrackedDrive, StaleNoTransformsAndDisconnectedAgainstARealServer) {
  IgtlTestServer server;
  ASSERT_TRUE(server.ok());
  IgtlTrackerSettings settings =
      acquisition::igtlTrackerSettingsFor("127.0.0.1:" + std::to_string(server.port()));
  settings.reconnectInitialSeconds = 0.05;
  IgtlTrackerClient client(settings);
  TrackedDriveSettings driveSettings;
  driveSettings.staleAfterMs = 150;
  TrackedDrive drive(plan(), world()->volume, settings, driveSettings);
  ASSERT_TRUE(server.waitForClient(3000));
  ASSERT_TRUE(waitUntil([&] { return client.snapshot().connected; }));
  TrackedFrame frame = drive.update(client.snapshot(), core::steadyNowNs(), 0.0);
  EXPECT_EQ(frame.status, TrackedStatus::NoTransforms);
  EXPECT_NE(frame.message.find("waiting for needle transform 'NeedleToReference'"), std::string::npos)
      << frame.message;

  double needle[16], probe[16];
  packPose(needlePose(scriptedTip(30.0)), needle);
  packPose(plannedProbe(), probe);
  server.send(test::packMatrix("ProbeToReference", probe, wallNowNs()));
  server.send(test::packMatrix("NeedleToReference", needle, wallNowNs()));
  ASSERT_TRUE(waitUntil([&] { return client.snapshot().needle.has_value(); }));
  frame = drive.update(client.snapshot(), core::steadyNowNs(), 0.1);
  EXPECT_EQ(frame.status, TrackedStatus::Tracking) << frame.message;
  ASSERT_TRUE(frame.state.needle);
  const acquisition::NeedleState tracked = *frame.state.needle;

  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  frame = drive.update(client.snapshot(), core::steadyNowNs(), 0.4);
  EXPECT_EQ(frame.status, TrackedStatus::Stale);
  EXPECT_TRUE(frame.needleFrozen);
  EXPECT_NE(frame.message.find("ms old: needle frozen"), std::string::npos) << frame.message;
  ASSERT_TRUE(frame.state.needle);
  EXPECT_EQ(*frame.state.needle, tracked);

  server.close();
  ASSERT_TRUE(waitUntil([&] { return !client.snapshot().connected; }));
  frame = drive.update(client.snapshot(), core::steadyNowNs(), 0.5);
  EXPECT_EQ(frame.status, TrackedStatus::NotConnected);
  EXPECT_NE(frame.message.find("frozen"), std::string::npos) << frame.message;
  ASSERT_TRUE(frame.state.needle);
  EXPECT_EQ(*frame.state.needle, tracked);
}

/// A server streams a scripted insertion at 50 Hz (PLUS's usual rate): the needle waits 10 mm
/// outside the skin until the attempt's first frame, then advances along the planned path to the
/// planned depth in 3 s and holds. The checks hold however slowly a loaded machine renders.
TEST(TrackedAttempt, TheSimulatorFollowsAScriptedInsertionAndScoresIt) {
  IgtlTestServer server;
  ASSERT_TRUE(server.ok());
  IgtlTrackerSettings settings =
      acquisition::igtlTrackerSettingsFor("127.0.0.1:" + std::to_string(server.port()));
  IgtlTrackerClient client(settings);
  ASSERT_TRUE(server.waitForClient(3000));
  const double pathMm = 10.0 + plan().finalInsertionMm;
  std::mutex sentMutex;
  std::vector<core::Vec3> sentTips;
  std::atomic<bool> started = false;
  std::atomic<bool> done = false;
  std::thread sender([&] {
    double probe[16];
    packPose(plannedProbe(), probe);
    std::optional<std::chrono::steady_clock::time_point> start;
    auto next = std::chrono::steady_clock::now();
    while (!done) {
      if (started && !start) start = std::chrono::steady_clock::now();
      const double movingS =
          start ? std::chrono::duration<double>(std::chrono::steady_clock::now() - *start).count() : 0;
      const double arcMm = std::clamp(movingS / 3.0, 0.0, 1.0) * pathMm;
      double needle[16];
      packPose(needlePose(scriptedTip(arcMm)), needle);
      {
        std::lock_guard lock(sentMutex);
        sentTips.push_back(scriptedTip(arcMm));
      }
      server.send(test::packMatrix("ProbeToReference", probe, wallNowNs()));
      server.send(test::packMatrix("NeedleToReference", needle, wallNowNs()));
      next += std::chrono::milliseconds(20);
      std::this_thread::sleep_until(next);
    }
  });
  ASSERT_TRUE(waitUntil([&] { return client.snapshot().needle.has_value(); }));
  std::vector<TrackedStatus> statuses;
  const AttemptResult result =
      runTrackedAttempt(*world(), client, {}, 4.0, {}, [&](const TrackedFrame& frame) {
        statuses.push_back(frame.status);
        started = true;
      });
  done = true;
  sender.join();

  EXPECT_EQ(result.driver, "tracker");
  ASSERT_EQ(result.trace.samples.size(), 41u);
  for (TrackedStatus status : statuses) EXPECT_EQ(status, TrackedStatus::Tracking);
  double lastInsertionMm = 0;
  std::optional<double> firstInsertedMm;
  int movingSamples = 0;
  for (const AttemptSample& sample : result.trace.samples) {
    double nearestSentMm = 1e9;
    for (const core::Vec3& tip : sentTips)
      nearestSentMm = std::min(nearestSentMm, (sample.tipMm - tip).norm());
    EXPECT_LT(nearestSentMm, 0.01) << "sample at " << sample.timeS << " s";
    EXPECT_GE(sample.insertionMm, lastInsertionMm - 0.3) << "sample at " << sample.timeS << " s";
    if (sample.inserted && !firstInsertedMm) firstInsertedMm = sample.insertionMm;
    if (sample.insertionMm > lastInsertionMm + 0.3) ++movingSamples;
    lastInsertionMm = sample.insertionMm;
  }
  EXPECT_GE(movingSamples, 3);  // the tip was seen advancing, not only at its start and end
  EXPECT_LT((result.trace.samples.front().tipMm - scriptedTip(0.0)).norm(), 0.01);
  EXPECT_NEAR(result.trace.samples.back().insertionMm, plan().finalInsertionMm, 0.5);
  // A straight path: the scored tip path is the scripted one, however it was sampled.
  EXPECT_NEAR(result.scores.needlePathMm, pathMm, 0.5);
  ASSERT_TRUE(firstInsertedMm);
  EXPECT_NEAR(result.scores.tissuePathMm, plan().finalInsertionMm - *firstInsertedMm, 0.5);
  EXPECT_EQ(result.scores.punctures, 1);
  EXPECT_EQ(result.scores.redirections, 0);
  ASSERT_TRUE(result.scores.finalTipToTargetMm);
  EXPECT_LT(*result.scores.finalTipToTargetMm, result.exercise.toleranceMm);
}

/// `hipguide-cli train --tracker` as a user runs it: the same scripted insertion, from a real
/// libopenigtlink server, scored and written as JSON.
TEST(TrackedAttempt, TheCommandLineScoresATrackedAttempt) {
  // The poses come from the world, built here on first use; build it before the command starts:
  // building after it connected can outlast its 10 s wait for the first transform.
  const double pathMm = 10.0 + plan().finalInsertionMm;
  double probe[16], needle[16];
  packPose(plannedProbe(), probe);
  IgtlTestServer server;
  ASSERT_TRUE(server.ok());
  const std::filesystem::path folder = test::freshTempDir();
  const std::string command = std::string(HIPGUIDE_BINARY_DIR) +
                              "/bin/hipguide-cli train --scenario anterior-hip --tracker igtl://127.0.0.1:" +
                              std::to_string(server.port()) + " --seconds 5 --no-record --json " +
                              (folder / "attempt.json").string() + " > " + (folder / "out.txt").string() +
                              " 2>&1";
  auto run = std::async(std::launch::async, [&] { return std::system(command.c_str()); });
  ASSERT_TRUE(server.waitForClient(60000));
  const auto firstFrameSeen = [&] {  // the command prints the tracking state of its first frame
    std::ifstream text(folder / "out.txt");
    const std::string output((std::istreambuf_iterator<char>(text)), std::istreambuf_iterator<char>());
    return output.find("  0.0 s  ") != std::string::npos;
  };
  // Hold 10 mm outside until the attempt's clock runs, advance for 2 s, hold until it ends (5 s).
  std::optional<std::chrono::steady_clock::time_point> moving;
  auto next = std::chrono::steady_clock::now();
  while (run.wait_for(std::chrono::seconds(0)) != std::future_status::ready) {
    if (!moving && firstFrameSeen()) moving = std::chrono::steady_clock::now();
    const double movingS =
        moving ? std::chrono::duration<double>(std::chrono::steady_clock::now() - *moving).count() : 0.0;
    packPose(needlePose(scriptedTip(std::clamp(movingS / 2.0, 0.0, 1.0) * pathMm)), needle);
    server.send(test::packMatrix("ProbeToReference", probe, wallNowNs()));
    server.send(test::packMatrix("NeedleToReference", needle, wallNowNs()));
    next += std::chrono::milliseconds(20);
    std::this_thread::sleep_until(next);
  }
  std::ifstream outText(folder / "out.txt");
  const std::string output((std::istreambuf_iterator<char>(outText)), std::istreambuf_iterator<char>());
  ASSERT_EQ(run.get(), 0) << output;
  const nlohmann::json json = nlohmann::json::parse(std::ifstream(folder / "attempt.json"));
  EXPECT_EQ(json["driver"], "tracker");
  EXPECT_EQ(json["tracker"]["needle_shaft_axis"], "-z");
  EXPECT_EQ(json["tracker"]["registration"], "identity");
  EXPECT_EQ(json["tracker"]["frames"]["tracking"], json["samples"]) << json["tracker"].dump();
  EXPECT_NEAR(json["scores"]["needle_path_mm"].get<double>(), pathMm, 0.5) << output;
  EXPECT_EQ(json["scores"]["punctures"], 1);
  EXPECT_NE(output.find("tracking: probe tracked"), std::string::npos) << output;
}
