#include "IgtlCodec.h"

#include <igtlImageMessage.h>
#include <igtlPointMessage.h>
#include <igtlStringMessage.h>
#include <igtlTransformMessage.h>
#include <igtl_image.h>
#include <igtl_position.h>
#include <igtl_transform.h>

#include <cmath>
#include <cstring>

namespace hipguide::acquisition::detail {
namespace {

DecodeError malformed(std::string detail) { return {RefusalReason::Malformed, std::move(detail)}; }
DecodeError unsupported(std::string detail) { return {RefusalReason::Unsupported, std::move(detail)}; }

bool finite(const Eigen::Matrix4d& matrix) { return matrix.allFinite(); }

/// Checks the image header's size fields against the body; the number of components on success.
std::optional<DecodeError> checkImageLayout(const igtl_image_header& header, std::size_t bodySize) {
  if (header.scalar_type != IGTL_IMAGE_STYPE_TYPE_UINT8)
    return unsupported("IMAGE scalar type " + std::to_string(header.scalar_type) +
                       "; HipGuide takes 8-bit unsigned images (scalar type 3)");
  const int components = header.num_components;
  if (components != 1 && components != 3 && components != 4)
    return unsupported("IMAGE with " + std::to_string(components) +
                       " components; 1 (grey), 3 or 4 (colour) expected");
  if (header.size[0] == 0 || header.size[1] == 0 || header.size[2] == 0)
    return malformed("IMAGE with a zero size");
  if (header.size[2] != 1)
    return unsupported("IMAGE with " + std::to_string(header.size[2]) + " slices; 2D expected");
  for (int axis = 0; axis < 3; ++axis)
    if (header.subvol_size[axis] != header.size[axis] || header.subvol_offset[axis] != 0)
      return unsupported("IMAGE sub-volume updates are not supported; send whole images");
  const std::uint64_t pixelBytes = std::uint64_t{header.size[0]} * header.size[1] * components;
  if (bodySize - IGTL_IMAGE_HEADER_SIZE != pixelBytes)
    return malformed("IMAGE of " + std::to_string(header.size[0]) + "x" + std::to_string(header.size[1]) +
                     "x" + std::to_string(components) + " needs " + std::to_string(pixelBytes) +
                     " pixel bytes, the body has " + std::to_string(bodySize - IGTL_IMAGE_HEADER_SIZE));
  return std::nullopt;
}

/// Spacing and image → probe transform from the direction-times-spacing matrix and centre.
std::optional<DecodeError> decodeImageGeometry(const igtl_image_header& header, core::Frame& frame) {
  const Eigen::Map<const Eigen::Matrix<float, 3, 4>> matrix(header.matrix);
  const Eigen::Vector3d columnI = matrix.col(0).cast<double>();
  const Eigen::Vector3d columnJ = matrix.col(1).cast<double>();
  const double spacingI = columnI.norm();
  const double spacingJ = columnJ.norm();
  if (!std::isfinite(spacingI) || !std::isfinite(spacingJ) || spacingI <= 0 || spacingJ <= 0)
    return malformed("IMAGE spacing must be positive (got " + std::to_string(spacingI) + ", " +
                     std::to_string(spacingJ) + ")");
  Eigen::Matrix3d rotation;
  rotation.col(0) = columnI / spacingI;
  rotation.col(1) = columnJ / spacingJ;
  rotation.col(2) = rotation.col(0).cross(rotation.col(1));
  if (std::abs(rotation.col(0).dot(rotation.col(1))) > 1e-3)
    return malformed("IMAGE orientation: the i and j directions are not perpendicular");
  const Eigen::Vector3d centre = matrix.col(3).cast<double>();
  if (!centre.allFinite()) return malformed("IMAGE origin is not a finite number");
  const Eigen::Vector3d halfExtent(spacingI * (header.size[0] - 1) / 2.0,
                                   spacingJ * (header.size[1] - 1) / 2.0, 0.0);
  core::Transform3 imageToProbe = core::Transform3::Identity();
  imageToProbe.linear() = rotation;
  imageToProbe.translation() = centre - rotation * halfExtent;
  frame.spacingMm = {spacingI, spacingJ};
  frame.imageToProbe = {imageToProbe, true};
  return std::nullopt;
}

void decodePixels(const std::uint8_t* pixels, int components, core::Frame& frame) {
  const std::size_t count = static_cast<std::size_t>(frame.width) * frame.height;
  if (components == 1) {
    frame.grey.assign(pixels, pixels + count);
    frame.rgb.clear();
    return;
  }
  frame.grey.resize(count);
  frame.rgb.resize(count * 3);
  for (std::size_t index = 0; index < count; ++index) {
    const std::uint8_t* pixel = pixels + index * components;
    std::memcpy(&frame.rgb[index * 3], pixel, 3);
    frame.grey[index] =
        static_cast<std::uint8_t>((299u * pixel[0] + 587u * pixel[1] + 114u * pixel[2] + 500u) / 1000u);
  }
}

core::Transform3 rigidFromMatrix(const Eigen::Matrix4d& matrix) {
  core::Transform3 transform = core::Transform3::Identity();
  transform.linear() = matrix.topLeftCorner<3, 3>();
  transform.translation() = matrix.topRightCorner<3, 1>();
  return transform;
}

void toIgtlMatrix(const core::Transform3& transform, igtl::Matrix4x4& matrix) {
  const Eigen::Matrix4d values = transform.matrix();
  for (int row = 0; row < 4; ++row)
    for (int column = 0; column < 4; ++column) matrix[row][column] = static_cast<float>(values(row, column));
}

PackedMessage finish(igtl::MessageBase& message, const std::string& device, std::int64_t wallNs) {
  std::uint32_t seconds = 0;
  std::uint32_t fraction = 0;
  nsToIgtlSecondsAndFraction(wallNs, seconds, fraction);
  message.SetDeviceName(device.c_str());
  message.SetTimeStamp(seconds, fraction);
  message.Pack();
  const auto* bytes = static_cast<const std::uint8_t*>(message.GetPackPointer());
  return std::make_shared<const std::vector<std::uint8_t>>(bytes, bytes + message.GetPackSize());
}

}  // namespace

std::optional<DecodeError> decodeImage(const std::vector<std::uint8_t>& body, core::Frame& frame) {
  if (body.size() < IGTL_IMAGE_HEADER_SIZE)
    return malformed("IMAGE body of " + std::to_string(body.size()) +
                     " bytes is shorter than its 72-byte header");
  igtl_image_header header{};
  std::memcpy(&header, body.data(), sizeof header);
  igtl_image_convert_byte_order(&header);
  if (auto error = checkImageLayout(header, body.size())) return error;
  frame.width = header.size[0];
  frame.height = header.size[1];
  if (auto error = decodeImageGeometry(header, frame)) return error;
  decodePixels(body.data() + IGTL_IMAGE_HEADER_SIZE, header.num_components, frame);
  return std::nullopt;
}

std::optional<DecodeError> decodeTransform(const std::vector<std::uint8_t>& body,
                                           core::Transform3& transform) {
  if (body.size() != 48)
    return malformed("TRANSFORM body of " + std::to_string(body.size()) + " bytes; 48 expected");
  float values[12];
  std::memcpy(values, body.data(), sizeof values);
  igtl_transform_convert_byte_order(values);
  Eigen::Matrix4d matrix = Eigen::Matrix4d::Identity();
  for (int column = 0; column < 4; ++column)
    for (int row = 0; row < 3; ++row) matrix(row, column) = values[column * 3 + row];
  if (!finite(matrix)) return malformed("TRANSFORM with a number that is not finite");
  transform = rigidFromMatrix(matrix);
  return std::nullopt;
}

std::optional<DecodeError> decodePosition(const std::vector<std::uint8_t>& body,
                                          core::Transform3& transform) {
  igtl_position position{{0, 0, 0}, {0, 0, 0, 1}};
  if (body.size() != 12 && body.size() != 24 && body.size() != 28)
    return malformed("POSITION body of " + std::to_string(body.size()) + " bytes; 12, 24 or 28 expected");
  std::memcpy(&position, body.data(), body.size());
  if (body.size() == 12) igtl_position_convert_byte_order_position_only(&position);
  if (body.size() == 24) igtl_position_convert_byte_order_quaternion3(&position);
  if (body.size() == 28) igtl_position_convert_byte_order(&position);
  const float* q = position.quaternion;
  const double w =
      body.size() == 24 ? std::sqrt(std::max(0.0, 1.0 - q[0] * q[0] - q[1] * q[1] - q[2] * q[2])) : q[3];
  Eigen::Quaterniond rotation(w, q[0], q[1], q[2]);
  if (!rotation.coeffs().allFinite() || rotation.norm() < 1e-6)
    return malformed("POSITION quaternion is zero or not finite");
  const Eigen::Vector3d translation(position.position[0], position.position[1], position.position[2]);
  if (!translation.allFinite()) return malformed("POSITION with a number that is not finite");
  transform = core::Transform3::Identity();
  transform.linear() = rotation.normalized().toRotationMatrix();
  transform.translation() = translation;
  return std::nullopt;
}

PackedMessage packImage(const core::Frame& frame, const core::Transform3& imageToOutput,
                        const std::string& device, std::int64_t wallNs) {
  igtl::ImageMessage::Pointer message = igtl::ImageMessage::New();
  message->SetDimensions(frame.width, frame.height, 1);
  message->SetSpacing(static_cast<float>(frame.spacingMm.x()), static_cast<float>(frame.spacingMm.y()), 1.0f);
  message->SetScalarTypeToUint8();
  message->SetNumComponents(1);
  const Eigen::Vector3d halfExtent(frame.spacingMm.x() * (frame.width - 1) / 2.0,
                                   frame.spacingMm.y() * (frame.height - 1) / 2.0, 0.0);
  core::Transform3 centred = imageToOutput;
  centred.translation() = imageToOutput * halfExtent;
  igtl::Matrix4x4 matrix;
  toIgtlMatrix(centred, matrix);
  message->SetMatrix(matrix);
  message->AllocateScalars();
  std::memcpy(message->GetScalarPointer(), frame.grey.data(), frame.grey.size());
  return finish(*message, device, wallNs);
}

PackedMessage packTransform(const core::Transform3& transform, const std::string& device,
                            std::int64_t wallNs) {
  igtl::TransformMessage::Pointer message = igtl::TransformMessage::New();
  igtl::Matrix4x4 matrix;
  toIgtlMatrix(transform, matrix);
  message->SetMatrix(matrix);
  return finish(*message, device, wallNs);
}

PackedMessage packPoints(const std::vector<core::Vec3>& pointsMm, const std::string& device,
                         const std::string& group, std::int64_t wallNs) {
  igtl::PointMessage::Pointer message = igtl::PointMessage::New();
  for (std::size_t index = 0; index < pointsMm.size(); ++index) {
    igtl::PointElement::Pointer element = igtl::PointElement::New();
    element->SetName((device + "_" + std::to_string(index + 1)).c_str());
    element->SetGroupName(group.c_str());
    element->SetRGBA(255, 220, 0, 255);
    element->SetPosition(static_cast<float>(pointsMm[index].x()), static_cast<float>(pointsMm[index].y()),
                         static_cast<float>(pointsMm[index].z()));
    element->SetRadius(1.0f);
    message->AddPointElement(element);
  }
  return finish(*message, device, wallNs);
}

PackedMessage packString(const std::string& text, const std::string& device, std::int64_t wallNs) {
  igtl::StringMessage::Pointer message = igtl::StringMessage::New();
  message->SetEncoding(3);  // IANA MIBenum 3: US-ASCII.
  message->SetString(text.c_str());
  return finish(*message, device, wallNs);
}

}  // namespace hipguide::acquisition::detail
