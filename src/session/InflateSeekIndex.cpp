#include "InflateSeekIndex.h"

#include <algorithm>
#include <stdexcept>
#include <string>

namespace hipguide::session::detail {
namespace {

constexpr std::int64_t kMinSpacingBytes = 2LL * 1024 * 1024;
constexpr std::int64_t kMaxCheckpoints = 2048;

}  // namespace

InflateSeekIndex::InflateSeekIndex(std::int64_t spacingBytes)
    : m_spacingBytes(spacingBytes), m_nextWantedOffset(spacingBytes) {
  if (spacingBytes < kInflateWindowBytes)
    throw std::invalid_argument("inflate seek index spacing " + std::to_string(spacingBytes) +
                                " bytes is below the 32 KiB window");
}

std::int64_t InflateSeekIndex::spacingFor(std::int64_t totalOutputBytes) {
  return std::max(kMinSpacingBytes, (totalOutputBytes + kMaxCheckpoints - 1) / kMaxCheckpoints);
}

bool InflateSeekIndex::wants(std::int64_t outputOffset) const {
  std::lock_guard lock(m_mutex);
  return outputOffset >= m_nextWantedOffset;
}

void InflateSeekIndex::add(InflateCheckpoint checkpoint) {
  auto stored = std::make_shared<const InflateCheckpoint>(std::move(checkpoint));
  std::lock_guard lock(m_mutex);
  if (stored->outputOffset < m_nextWantedOffset) return;
  m_nextWantedOffset = stored->outputOffset + m_spacingBytes;
  m_checkpoints.push_back(std::move(stored));
}

void InflateSeekIndex::noteProgress(std::int64_t outputOffset, bool streamEnd) {
  std::lock_guard lock(m_mutex);
  m_indexedBytes = std::max(m_indexedBytes, outputOffset);
  m_complete = m_complete || streamEnd;
}

void InflateSeekIndex::noteFailure(std::string message) {
  std::lock_guard lock(m_mutex);
  m_failure = std::move(message);
}

std::shared_ptr<const InflateCheckpoint> InflateSeekIndex::before(std::int64_t outputOffset) const {
  std::lock_guard lock(m_mutex);
  const auto after = std::upper_bound(
      m_checkpoints.begin(), m_checkpoints.end(), outputOffset,
      [](std::int64_t offset, const auto& checkpoint) { return offset < checkpoint->outputOffset; });
  return after == m_checkpoints.begin() ? nullptr : *(after - 1);
}

InflateSeekIndexStatus InflateSeekIndex::status() const {
  std::lock_guard lock(m_mutex);
  InflateSeekIndexStatus status;
  status.checkpoints = std::ssize(m_checkpoints);
  status.spacingBytes = m_spacingBytes;
  status.memoryBytes =
      status.checkpoints * static_cast<std::int64_t>(sizeof(InflateCheckpoint) + kInflateWindowBytes + 64);
  status.indexedBytes = m_indexedBytes;
  status.complete = m_complete;
  status.failure = m_failure;
  return status;
}

}  // namespace hipguide::session::detail
