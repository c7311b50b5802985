#include "FreshStructure.h"

#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>
#include <iterator>
#include <limits>
#include <stdexcept>
#include <string>

namespace hipguide::tracking {
namespace {

/// A Gaussian difference exceeds one SD in 15.9 % of pixels: the fresh map's 84.1th percentile
/// is that SD, whatever a needle (under 15 % of the sector) adds above it.
constexpr double kOneSigmaPercentile = 84.1;
/// Smaller blobs along the line are speckle, not pieces of the needle (pixels).
constexpr std::size_t kMinPieceAreaPx = 6;
/// Crest points farther than this from the first fit belong to something else (pixels).
constexpr float kCrestOutlierPx = 1.5f;
/// Across the blob, the crest is the shallowest peak at least this fraction of the strongest...
constexpr float kCrestFraction = 0.7f;
/// ...sampled this finely (pixels).
constexpr float kCrestStepPx = 0.5f;

/// The `percentile` of a non-negative grey-level map inside `mask`, from a histogram of 1/8 grey.
double upperPercentile(const cv::Mat& map, const cv::Mat& mask, double percentile) {
  constexpr int kBins = 2048;
  const int channels[] = {0};
  const int bins[] = {kBins};
  const float range[] = {0.0f, 256.0f};
  const float* ranges[] = {range};
  cv::Mat histogram;
  cv::calcHist(&map, 1, channels, mask, histogram, 1, bins, ranges);
  const double wanted = cv::sum(histogram)[0] * percentile / 100.0;
  double below = 0.0;
  for (int bin = 0; bin < kBins; ++bin) {
    const double count = histogram.at<float>(bin);
    if (below + count >= wanted && count > 0.0) return (bin + (wanted - below) / count) * (range[1] / kBins);
    below += count;
  }
  return range[1];
}

}  // namespace

FreshStructure::FreshStructure(const FreshConfig& config) : m_config(config) {
  if (!(config.memoryS > 0.0))
    throw std::invalid_argument("fresh.memoryS must be > 0, not " + std::to_string(config.memoryS));
  reset();
}

void FreshStructure::reset() {
  m_background.release();
  m_spread = m_threshold = std::numeric_limits<double>::infinity();
}

std::optional<FreshSegment> FreshStructure::update(const cv::Mat& greyF, const cv::Mat& mask,
                                                   double dtSeconds) {
  CV_Assert(greyF.type() == CV_32F && mask.type() == CV_8U && mask.size() == greyF.size());
  if (m_background.size() != greyF.size()) {
    greyF.copyTo(m_background);
    m_spread = m_threshold = std::numeric_limits<double>::infinity();
    return std::nullopt;
  }
  cv::Mat fresh;
  cv::subtract(greyF, m_background, fresh);
  cv::threshold(fresh, fresh, 0.0, 0.0, cv::THRESH_TOZERO);
  cv::accumulateWeighted(greyF, m_background, 1.0 - std::exp(-std::max(0.0, dtSeconds) / m_config.memoryS));
  m_spread = upperPercentile(fresh, mask, kOneSigmaPercentile);
  m_threshold = std::max(m_config.thresholdSpreads * m_spread, m_config.minThresholdGrey);
  if (!m_config.enabled || m_spread > m_config.maxSpreadGrey) return std::nullopt;
  const Blobs blobs = findBlobs(fresh, mask);
  const int largest = blobs.largest();
  if (largest == 0 || blobs.area(largest) < m_config.minAreaPx) return std::nullopt;
  std::optional<FreshSegment> segment = segmentOf(blobs.pixels(largest), fresh);
  if (!segment) return std::nullopt;
  joinPiecesAlong(*segment, blobs, largest);
  segment->evidence = evidenceAlong(*segment, fresh);
  return segment;
}

FreshStructure::Blobs FreshStructure::findBlobs(const cv::Mat& fresh, const cv::Mat& mask) const {
  cv::Mat above;
  cv::compare(fresh, m_threshold, above, cv::CMP_GT);
  above.setTo(0, mask == 0);
  Blobs blobs;
  cv::Mat centroids;
  // Grana's block-based labelling: a third of the default's time on these maps (0.17 against 0.49 ms).
  blobs.count =
      cv::connectedComponentsWithStats(above, blobs.labels, blobs.stats, centroids, 8, CV_32S, cv::CCL_GRANA);
  return blobs;
}

int FreshStructure::Blobs::area(int label) const { return stats.at<int>(label, cv::CC_STAT_AREA); }

int FreshStructure::Blobs::largest() const {
  int largest = 0;
  for (int label = 1; label < count; ++label)
    if (area(label) > (largest ? area(largest) : 0)) largest = label;
  return largest;
}

std::vector<cv::Point2f> FreshStructure::Blobs::pixels(int label) const {
  const cv::Rect box(stats.at<int>(label, cv::CC_STAT_LEFT), stats.at<int>(label, cv::CC_STAT_TOP),
                     stats.at<int>(label, cv::CC_STAT_WIDTH), stats.at<int>(label, cv::CC_STAT_HEIGHT));
  std::vector<cv::Point2f> points;
  for (int y = box.y; y < box.y + box.height; ++y)
    for (int x = box.x; x < box.x + box.width; ++x)
      if (labels.at<int>(y, x) == label) points.emplace_back(float(x), float(y));
  return points;
}

void FreshStructure::joinPiecesAlong(FreshSegment& segment, const Blobs& blobs, int largest) const {
  struct Piece {
    float startT, endT;
  };
  std::vector<Piece> pieces;
  for (int label = 1; label < blobs.count; ++label) {
    if (label == largest || std::size_t(blobs.area(label)) < kMinPieceAreaPx) continue;
    // Its part on the line: below a layer the needle also brightens the layer's edge beside it.
    const std::vector<cv::Point2f> pixels = blobs.pixels(label);
    std::vector<cv::Point2f> onLine;
    std::copy_if(pixels.begin(), pixels.end(), std::back_inserter(onLine),
                 [&](const cv::Point2f& p) { return std::abs(segment.line.offsetOf(p)) <= segment.widthPx; });
    if (onLine.size() < kMinPieceAreaPx || onLine.size() < pixels.size() / 2) continue;
    Piece piece{};
    extentAlong(segment.line, onLine, piece.startT, piece.endT);
    pieces.push_back(piece);
  }
  const auto gap = static_cast<float>(m_config.maxGapPx);
  std::sort(pieces.begin(), pieces.end(), [](const Piece& a, const Piece& b) { return a.startT < b.startT; });
  for (const Piece& piece : pieces)
    if (piece.startT <= segment.endT + gap) segment.endT = std::max(segment.endT, piece.endT);
  std::sort(pieces.begin(), pieces.end(), [](const Piece& a, const Piece& b) { return a.endT > b.endT; });
  for (const Piece& piece : pieces)
    if (piece.endT >= segment.startT - gap) segment.startT = std::min(segment.startT, piece.startT);
}

std::optional<FreshSegment> FreshStructure::segmentOf(const std::vector<cv::Point2f>& blob,
                                                      const cv::Mat& fresh) const {
  // The blob's principal axis: only where to look for its crest, which is fitted below.
  FreshSegment segment;
  fitLine(blob, std::vector<float>(blob.size(), 1.0f), {0.0f, 1.0f}, segment.line);
  if (segment.line.direction.y < 0.0f) segment.line.direction = -segment.line.direction;
  extentAlong(segment.line, blob, segment.startT, segment.endT);
  segment.widthPx = double(blob.size()) / std::max(1.0, segment.lengthPx());
  if (segment.lengthPx() < m_config.minLengthPx ||
      segment.lengthPx() < m_config.minElongation * segment.widthPx)
    return std::nullopt;
  // The shaft is the blob's crest: its reverberation and halo below widen the blob and pull its
  // axis off the shaft (2-3 px on painted needles). The shaft is the topmost of them.
  std::vector<cv::Point2f> crest;
  std::vector<float> weights;
  const cv::Point2f normal = segment.line.downNormal();
  const auto reach = static_cast<float>(segment.widthPx);
  std::vector<float> across;
  for (float t = segment.startT; t <= segment.endT; t += 1.0f) {
    across.clear();
    for (float o = -reach; o <= reach; o += kCrestStepPx)
      across.push_back(sampleBilinear(fresh, segment.line.at(t) + normal * o));
    // The shallowest peak near the strongest: speckle can make a reverberation below brighter.
    const float strongest = *std::max_element(across.begin(), across.end());
    if (strongest <= m_threshold) continue;
    std::size_t peak = 0;
    while (across[peak] < kCrestFraction * strongest) ++peak;
    while (peak + 1 < across.size() && across[peak + 1] > across[peak]) ++peak;
    crest.push_back(segment.line.at(t) + normal * (-reach + kCrestStepPx * float(peak)));
    weights.push_back(across[peak]);
  }
  if (crest.size() < 3) return std::nullopt;
  Line fitted;
  fitLine(crest, weights, segment.line.direction, fitted);
  for (std::size_t i = 0; i < crest.size(); ++i)
    if (std::abs(fitted.offsetOf(crest[i])) > kCrestOutlierPx) weights[i] = 0.0f;
  segment.residualPx = fitLine(crest, weights, segment.line.direction, fitted);
  if (!std::isfinite(segment.residualPx) || segment.residualPx > m_config.maxResidualPx) return std::nullopt;
  segment.line = fitted;
  extentAlong(segment.line, blob, segment.startT, segment.endT);
  return segment;
}

void FreshStructure::extentAlong(const Line& line, const std::vector<cv::Point2f>& points, float& startT,
                                 float& endT) {
  startT = std::numeric_limits<float>::max();
  endT = std::numeric_limits<float>::lowest();
  for (const cv::Point2f& p : points) {
    startT = std::min(startT, line.positionOf(p));
    endT = std::max(endT, line.positionOf(p));
  }
}

double FreshStructure::evidenceAlong(const FreshSegment& segment, const cv::Mat& fresh) const {
  const cv::Point2f normal = segment.line.downNormal();
  double evidence = 0.0;
  for (float t = segment.startT; t <= segment.endT; t += 1.0f) {
    float value = 0.0f;
    for (float o = -1.0f; o <= 1.0f; o += 1.0f)
      value = std::max(value, sampleBilinear(fresh, segment.line.at(t) + normal * o));
    evidence += std::min(value / m_threshold, m_config.strengthCap) - 1.0;
  }
  return evidence;
}

}  // namespace hipguide::tracking
