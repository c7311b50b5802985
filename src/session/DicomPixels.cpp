#include "DicomPixels.h"

#include "PixelConversion.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace hipguide::session::detail {
namespace {

std::uint8_t clampToByte(double value) {
  return static_cast<std::uint8_t>(std::clamp(std::lround(value), 0L, 255L));
}

/// Full-range YCbCr (DICOM YBR_FULL) to RGB, one pixel.
void ybrToRgb(int y, int cb, int cr, std::uint8_t* rgb) {
  rgb[0] = clampToByte(y + 1.402 * (cr - 128));
  rgb[1] = clampToByte(y - 0.344136 * (cb - 128) - 0.714136 * (cr - 128));
  rgb[2] = clampToByte(y + 1.772 * (cb - 128));
}

/// Interleaved RGB from any colour layout.
std::vector<std::uint8_t> interleavedRgb(const std::vector<std::uint8_t>& decoded,
                                         const DicomFrameLayout& layout) {
  const std::size_t pixels = std::size_t(layout.width) * layout.height;
  std::vector<std::uint8_t> rgb(pixels * 3);
  if (layout.colourModel == "YBR_FULL_422") {  // Y1 Y2 Cb Cr for each pair of pixels in a row
    for (int row = 0; row < layout.height; ++row)
      for (int column = 0; column < layout.width; ++column) {
        const std::size_t pair = (std::size_t(row) * layout.width + (column & ~1)) * 2;
        ybrToRgb(decoded[pair + (column & 1)], decoded[pair + 2], decoded[pair + 3],
                 &rgb[(std::size_t(row) * layout.width + column) * 3]);
      }
    return rgb;
  }
  const bool ybr = layout.colourModel == "YBR_FULL";
  for (std::size_t pixel = 0; pixel < pixels; ++pixel) {
    std::uint8_t sample[3];
    for (std::size_t c = 0; c < 3; ++c)
      sample[c] = decoded[layout.planar ? c * pixels + pixel : pixel * 3 + c];
    if (ybr)
      ybrToRgb(sample[0], sample[1], sample[2], &rgb[pixel * 3]);
    else
      std::copy(sample, sample + 3, &rgb[pixel * 3]);
  }
  return rgb;
}

std::size_t bytesNeeded(const DicomFrameLayout& layout) {
  const std::size_t pixels = std::size_t(layout.width) * layout.height;
  if (layout.colourModel.starts_with("MONOCHROME")) return pixels;
  return layout.colourModel == "YBR_FULL_422" ? pixels * 2 : pixels * 3;
}

}  // namespace

void dicomFrameToFrame(const std::vector<std::uint8_t>& decoded, const DicomFrameLayout& layout,
                       core::Frame& frame, const std::string& source) {
  const std::string& model = layout.colourModel;
  const bool known = model == "MONOCHROME1" || model == "MONOCHROME2" || model == "RGB" ||
                     model == "YBR_FULL" || model == "YBR_FULL_422";
  if (!known)
    throw std::runtime_error(source + ": photometric interpretation '" + model +
                             "' is not read; export the cine as MONOCHROME2, RGB or YBR_FULL");
  if (decoded.size() < bytesNeeded(layout))
    throw std::runtime_error(source + ": a frame holds " + std::to_string(decoded.size()) + " bytes, " +
                             std::to_string(bytesNeeded(layout)) + " expected");
  SequenceHeader stored;
  stored.width = layout.width;
  stored.height = layout.height;
  stored.channels = model.starts_with("MONOCHROME") ? 1 : 3;
  if (stored.channels == 3) {
    storedPixelsToFrame(interleavedRgb(decoded, layout), stored, frame);
    return;
  }
  storedPixelsToFrame(decoded, stored, frame);
  if (model == "MONOCHROME1")
    for (std::uint8_t& grey : frame.grey) grey = static_cast<std::uint8_t>(255 - grey);
}

}  // namespace hipguide::session::detail
