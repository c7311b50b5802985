#pragma once
/// Making key images: the frame with its guidance overlay, and the measurements that go with it.

#include <hipguide/anatomy/LabelTable.h>
#include <hipguide/guidance/GuidancePipeline.h>
#include <hipguide/procedure/KeyImage.h>

#include <QImage>

namespace hipguide::procedure {

/// The frame's B-mode pixels (grey, or its colour when present) as an RGB image of the frame's
/// size with the guidance overlay (outlines, target, shaft, tip, predicted path) and a caption
/// strip of the tip-to-target distance painted on. Null image for an empty frame. Needs a
/// QGuiApplication for the text; any thread that owns no other painter on it.
QImage renderGuidedFrame(const guidance::GuidedFrame& guided);

/// A key image of `image` (as shown on screen, or renderGuidedFrame's) with the measurements of
/// `state`: tip-to-target, and the nearest watched vessel and nerve (smallest of the tip's and
/// the predicted path's clearances; `table` tells vessels from nerves). Captured now (UTC).
KeyImage makeKeyImage(QImage image, const guidance::GuidanceState& state, const anatomy::LabelTable& table,
                      double pixelSpacingMm, bool atInjection);

/// The smallest clearance in `clearances` among structures of `role` (Vessel or Nerve, from
/// `table`); std::nullopt when none of them is of that role.
std::optional<double> nearestClearanceMm(const std::vector<guidance::StructureClearance>& clearances,
                                         const anatomy::LabelTable& table, anatomy::TissueRole role);

/// "Key image 2 (at injection), 10:42:13 UTC: tip 1.3 mm from target; nearest vessel 9.8 mm;
/// nearest nerve 12.1 mm", for reports and DICOM image comments.
std::string describeKeyImage(const KeyImage& key, int number);

}  // namespace hipguide::procedure
