#pragma once
/// Conversions between OpenIGTLink message bodies and HipGuide's types, both ways.
/// Decoding takes bodies the reader has already size- and CRC-checked and still validates every
/// field against the body size; encoding packs with libopenigtlink (header version 1).

#include "IgtlWire.h"

#include <hipguide/core/Frame.h>
#include <hipguide/core/Geometry.h>

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace hipguide::acquisition::detail {

/// Why a body could not be used.
struct DecodeError {
  RefusalReason reason = RefusalReason::Malformed;
  std::string detail;
};

/// IMAGE body → frame pixels (8-bit grey; RGB/RGBA converted with Rec. 601 weights, colour kept
/// in Frame::rgb), spacing (norms of the direction-times-spacing columns) and imageToProbe (the
/// message's orientation and origin, moved from the image centre, where OpenIGTLink puts it, to
/// the centre of the first pixel, where Frame measures from). Leaves the other fields alone.
std::optional<DecodeError> decodeImage(const std::vector<std::uint8_t>& body, core::Frame& frame);
/// TRANSFORM body (48 bytes) → rigid transform.
std::optional<DecodeError> decodeTransform(const std::vector<std::uint8_t>& body,
                                           core::Transform3& transform);
/// POSITION body (12, 24 or 28 bytes: position, with 3 or 4 quaternion numbers) → transform.
std::optional<DecodeError> decodePosition(const std::vector<std::uint8_t>& body, core::Transform3& transform);

/// A packed message (header and body), shared by every client it goes to.
using PackedMessage = std::shared_ptr<const std::vector<std::uint8_t>>;

/// IMAGE, 8-bit grey, with imageToOutput (image mm → output mm) as its orientation and origin.
PackedMessage packImage(const core::Frame& frame, const core::Transform3& imageToOutput,
                        const std::string& device, std::int64_t wallNs);
/// TRANSFORM of a rigid transform.
PackedMessage packTransform(const core::Transform3& transform, const std::string& device,
                            std::int64_t wallNs);
/// POINT with one element per point (named device_1, device_2, ... in group `group`).
PackedMessage packPoints(const std::vector<core::Vec3>& pointsMm, const std::string& device,
                         const std::string& group, std::int64_t wallNs);
/// STRING (US-ASCII).
PackedMessage packString(const std::string& text, const std::string& device, std::int64_t wallNs);

}  // namespace hipguide::acquisition::detail
