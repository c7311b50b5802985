/// The image view's depth scale: centimetres for a calibrated frame, a note for one without.

#include <hipguide/app/ImageView.h>

#include <QTest>

#include <gtest/gtest.h>

#include <memory>

using namespace hipguide;

namespace {

core::FramePtr frameWithSpacing(double spacingMm) {
  auto frame = std::make_shared<core::Frame>();
  frame->width = 320;
  frame->height = 240;
  frame->grey.assign(std::size_t(320) * 240, 90);
  frame->spacingMm = {spacingMm, spacingMm};
  frame->frameId = 1;
  return frame;
}

/// Pixels in the depth scale's margin left of the image that are amber (the uncalibrated note)
/// and light grey (the centimetre scale).
struct ScaleColours {
  int amber = 0;
  int grey = 0;
};

ScaleColours scaleColours(app::ImageView& view, core::FramePtr frame) {
  view.setFrame(std::move(frame));
  const QImage image = view.grab().toImage();
  ScaleColours colours;
  for (int y = 0; y < image.height(); ++y)
    for (int x = 0; x < 40; ++x) {
      const QColor pixel = image.pixelColor(x, y);
      if (pixel.red() > 150 && pixel.red() - pixel.blue() > 60) ++colours.amber;
      if (pixel.red() > 120 && std::abs(pixel.red() - pixel.blue()) < 12) ++colours.grey;
    }
  return colours;
}

}  // namespace

TEST(ImageView, AFrameWithoutASpacingCalibrationGetsNoCentimetres) {
  app::ImageView view;
  view.resize(600, 420);
  view.show();
  ASSERT_TRUE(QTest::qWaitForWindowExposed(&view));
  const ScaleColours calibrated = scaleColours(view, frameWithSpacing(0.2));
  EXPECT_GT(calibrated.grey, 50) << "4.8 cm of scale, ticks and labels";
  EXPECT_EQ(calibrated.amber, 0);
  const ScaleColours uncalibrated = scaleColours(view, frameWithSpacing(1.0));  // MetaImage's default
  EXPECT_GT(uncalibrated.amber, 50) << "the note that there is no depth";
  EXPECT_LT(uncalibrated.grey, calibrated.grey / 4) << "no centimetre labels";
}
