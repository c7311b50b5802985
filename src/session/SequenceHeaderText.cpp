#include "SequenceHeaderText.h"

#include <algorithm>
#include <cinttypes>
#include <cstdio>

namespace hipguide::session::detail {
namespace {

std::string formatted(const char* format, auto... values) {
  char buffer[256];
  const int length = std::snprintf(buffer, sizeof buffer, format, values...);
  return std::string(buffer, static_cast<std::size_t>(std::max(0, std::min<int>(length, sizeof buffer - 1))));
}

std::string transformText(const core::Transform3& transform) {
  std::string text;
  const auto values = core::transformToRowMajor(transform);
  for (std::size_t i = 0; i < values.size(); ++i) text += (i ? " " : "") + formatted("%.10g", values[i]);
  return text;
}

bool isReservedField(const std::string& name) {
  return name == "FrameNumber" || name == "Timestamp" || name == "ImageStatus" || name == "Status";
}

}  // namespace

std::string metaImageHeaderStart(const WrittenGeometry& geometry) {
  std::string text =
      "ObjectType = Image\nNDims = 3\nAnatomicalOrientation = RAI\nBinaryData = True\n"
      "BinaryDataByteOrderMSB = False\nCenterOfRotation = 0 0 0\n";
  text += std::string("CompressedData = ") + (geometry.compressed ? "True" : "False") + "\n";
  if (geometry.compressed) text += formatted("CompressedDataSize = %" PRId64 "\n", geometry.compressedBytes);
  text += formatted("DimSize = %d %d %" PRId64 "\n", geometry.width, geometry.height, geometry.frameCount);
  text += "ElementNumberOfChannels = 1\n";
  text += formatted("ElementSpacing = %.10g %.10g 1\n", geometry.spacingMm.x(), geometry.spacingMm.y());
  text +=
      "ElementType = MET_UCHAR\nKinds = domain domain list\nOffset = 0 0 0\n"
      "TransformMatrix = 1 0 0 0 1 0 0 0 1\n";
  text +=
      "UltrasoundImageOrientation = " + geometry.imageOrientation + "\nUltrasoundImageType = BRIGHTNESS\n";
  return text;
}

std::string metaImageHeaderEnd() { return "ElementDataFile = LOCAL\n"; }

std::string nrrdHeaderStart(const WrittenGeometry& geometry) {
  std::string text =
      "NRRD0004\n# Complete NRRD file format specification at:\n"
      "# http://teem.sourceforge.net/nrrd/format.html\ndimension: 3\n";
  text += std::string("encoding: ") + (geometry.compressed ? "gz" : "raw") + "\n";
  text += "endian: little\nkinds: domain domain list\n";
  text += formatted("sizes: %d %d %" PRId64 "\n", geometry.width, geometry.height, geometry.frameCount);
  text += "space dimension: 2\n";
  text += formatted("space directions: (%.10g,0) (0,%.10g) none\n", geometry.spacingMm.x(),
                    geometry.spacingMm.y());
  text += "space origin: (0,0)\ntype: uint8\n";
  text +=
      "ultrasound image orientation:=" + geometry.imageOrientation + "\nultrasound image type:=BRIGHTNESS\n";
  return text;
}

std::string nrrdHeaderEnd() { return "\n"; }

std::string frameFieldLines(const RecordedFrame& recorded, std::int64_t index, bool nrrd) {
  const std::string prefix = formatted("Seq_Frame%04" PRId64 "_", index);
  const std::string separator = nrrd ? ":=" : " = ";
  std::string text;
  auto line = [&](const std::string& name, const std::string& value) {
    std::string safe = value;
    std::replace(safe.begin(), safe.end(), '\n', ' ');
    text += prefix + name + separator + safe + "\n";
  };
  line("FrameNumber", std::to_string(recorded.frame.frameId));
  line("Timestamp", formatted("%.6f", static_cast<double>(recorded.frame.deviceTimestampNs) / 1e9));
  line(nrrd ? "Status" : "ImageStatus", recorded.frame.imageValid ? "OK" : "INVALID");
  for (const NamedTransform& transform : recorded.transforms) {
    line(transform.name, transformText(transform.value.transform));
    line(transform.name + "Status", transform.value.valid ? "OK" : "INVALID");
  }
  for (const TextField& field : recorded.fields)
    if (!isReservedField(field.first)) line(field.first, field.second);
  return text;
}

}  // namespace hipguide::session::detail
