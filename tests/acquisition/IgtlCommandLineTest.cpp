/// `hipguide-cli probe-source` and `hipguide-cli serve` as users run them, against real
/// libopenigtlink peers on loopback.

#include "IgtlTestPeer.h"
#include "IgtlTestSupport.h"
#include "TestData.h"

#include <hipguide/session/RecordingReader.h>

#include <gtest/gtest.h>

#include <sys/wait.h>

#include <cstdio>
#include <cstdlib>
#include <future>
#include <thread>

using namespace hipguide;
using hipguide::test::IgtlTestServer;
using hipguide::test::SlicerLikeClient;

namespace {

const std::string kCli = std::string(HIPGUIDE_BINARY_DIR) + "/bin/hipguide-cli";

/// A running command: its stdout line by line, and its exit code at the end.
class Command {
 public:
  explicit Command(const std::string& command) : m_pipe(::popen(command.c_str(), "r")) {}
  ~Command() {
    if (m_pipe) ::pclose(m_pipe);
  }
  /// The next line of output, without its newline; empty at the end.
  std::string line() {
    char buffer[4096];
    if (!m_pipe || !std::fgets(buffer, sizeof buffer, m_pipe)) return {};
    std::string text(buffer);
    if (!text.empty() && text.back() == '\n') text.pop_back();
    return text;
  }
  /// Reads the rest of the output into `output` and returns the exit code.
  int finish(std::string& output) {
    for (std::string text = line(); !text.empty() || !std::feof(m_pipe); text = line()) output += text + "\n";
    const int status = ::pclose(m_pipe);
    m_pipe = nullptr;
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  }

 private:
  FILE* m_pipe;
};

/// Keeps the user's saved source settings out of the test.
void isolateSettings() { ::setenv("HIPGUIDE_SOURCE_SETTINGS_DIR", test::freshTempDir().c_str(), 1); }

}  // namespace

TEST(IgtlCommandLine, ProbeSourcePrintsWhatAnOpenIGTLinkServerSends) {
  isolateSettings();
  IgtlTestServer server;
  ASSERT_TRUE(server.ok());
  auto probe = std::async(std::launch::async, [&] {
    Command command(kCli + " probe-source igtl://127.0.0.1:" + std::to_string(server.port()) +
                    " --seconds 2 2>&1");
    std::string output;
    const int code = command.finish(output);
    return std::make_pair(code, output);
  });
  ASSERT_TRUE(server.waitForClient(5000));
  const std::int64_t startNs = test::wallNowNs();
  for (int index = 0; index < 45; ++index) {  // 1.5 s at 30 fps
    const std::int64_t stampNs = startNs + index * 33'333'333;
    server.send(test::packImage("Image_Reference", 64, 48, index, stampNs, 0.2f, 0.3f));
    server.send(test::packTranslation("ProbeToReference", 1, 2, 3, stampNs));
    std::this_thread::sleep_until(
        std::chrono::system_clock::time_point(std::chrono::nanoseconds(stampNs + 33'333'333)));
  }
  const auto [code, output] = probe.get();
  EXPECT_EQ(code, 0) << output;
  EXPECT_NE(output.find("frames       45"), std::string::npos) << output;
  EXPECT_NE(output.find("size         64 x 48 px"), std::string::npos) << output;
  EXPECT_NE(output.find("spacing      0.2000 x 0.3000 mm"), std::string::npos) << output;
  EXPECT_NE(output.find("latency      median"), std::string::npos) << output;
  EXPECT_NE(output.find("Image_Reference (used)"), std::string::npos) << output;
  EXPECT_NE(output.find("ProbeToReference (probe)"), std::string::npos) << output;
}

TEST(IgtlCommandLine, RecordKeepsEveryFrameAnOpenIGTLinkServerSends) {
  isolateSettings();
  IgtlTestServer server;
  ASSERT_TRUE(server.ok());
  const auto out = test::freshTempDir() / "igtl.hgrec";
  auto record = std::async(std::launch::async, [&] {
    Command command(kCli + " record --source igtl://127.0.0.1:" + std::to_string(server.port()) +
                    " --seconds 4 --out " + out.string() + " 2>&1");
    std::string output;
    const int code = command.finish(output);
    return std::make_pair(code, output);
  });
  ASSERT_TRUE(server.waitForClient(5000));
  constexpr int kFrames = 60;  // 2 s at 30 fps
  const std::int64_t startNs = test::wallNowNs();
  for (int index = 0; index < kFrames; ++index) {
    const std::int64_t stampNs = startNs + index * 33'333'333;
    server.send(test::packTranslation("ProbeToReference", 1, 2, 3 + index, stampNs));
    server.send(test::packImage("Image_Reference", 64, 48, index, stampNs, 0.2f, 0.3f));
    std::this_thread::sleep_until(
        std::chrono::system_clock::time_point(std::chrono::nanoseconds(stampNs + 33'333'333)));
  }
  const auto [code, output] = record.get();
  ASSERT_EQ(code, 0) << output;
  EXPECT_NE(output.find("recorded 60 frames (0 dropped"), std::string::npos) << output;

  const auto reader = session::openRecording(out);
  ASSERT_EQ(reader->frameCount(), kFrames);
  std::int64_t previousNs = 0;
  for (int index = 0; index < kFrames; ++index) {
    const core::Frame frame = reader->readFrame(index).frame;
    ASSERT_EQ(frame.width, 64);
    ASSERT_EQ(frame.height, 48);
    EXPECT_EQ(frame.grey[0] | (frame.grey[1] << 8), index) << "frame " << index << " is the one sent";
    EXPECT_EQ(frame.grey[100], 100 % 251);
    EXPECT_FLOAT_EQ(frame.spacingMm.y(), 0.3);
    ASSERT_TRUE(frame.probeToReference.valid) << "frame " << index;
    EXPECT_NEAR(frame.probeToReference.transform.translation().z(), 3 + index, 1e-4)
        << "pose matched by time";
    EXPECT_GT(frame.deviceTimestampNs, previousNs);
    previousNs = frame.deviceTimestampNs;
  }
}

TEST(IgtlCommandLine, ProbeSourceFailsWhenNothingArrives) {
  isolateSettings();
  int port = 0;
  {
    IgtlTestServer unused;  // a free port nobody listens on afterwards
    port = unused.port();
  }
  Command command(kCli + " probe-source igtl://127.0.0.1:" + std::to_string(port) + " --seconds 1 2>&1");
  std::string output;
  EXPECT_EQ(command.finish(output), 1) << output;
  EXPECT_NE(output.find("no frame arrived"), std::string::npos) << output;
  EXPECT_NE(output.find("refused"), std::string::npos) << output;  // the reason is shown
}

TEST(IgtlCommandLine, ServeStreamsImagesAndStatusToASlicerLikeClient) {
  isolateSettings();
  Command serve(kCli + " serve --source test-pattern --port 0 --seconds 4");
  const std::string first = serve.line();
  ASSERT_EQ(first.rfind("listening on 127.0.0.1:", 0), 0u) << first;
  const int port = std::stoi(first.substr(first.rfind(':') + 1));
  SlicerLikeClient client;
  ASSERT_TRUE(client.connect(port));
  auto messages = client.receiveTypes({"IMAGE", "STRING"});
  ASSERT_EQ(messages.size(), 2u);
  auto* image = dynamic_cast<igtl::ImageMessage*>(messages["IMAGE"].GetPointer());
  ASSERT_NE(image, nullptr);
  int size[3];
  image->GetDimensions(size);
  EXPECT_EQ(size[0], 640);
  EXPECT_EQ(size[1], 480);
  auto* status = dynamic_cast<igtl::StringMessage*>(messages["STRING"].GetPointer());
  ASSERT_NE(status, nullptr);
  EXPECT_NE(std::string(status->GetString()).find("source streaming"), std::string::npos)
      << status->GetString();
  std::string output;
  EXPECT_EQ(serve.finish(output), 0) << output;
  EXPECT_NE(output.find("served "), std::string::npos) << output;
}
