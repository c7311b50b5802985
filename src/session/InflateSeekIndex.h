#pragma once
/// Checkpoints into one zlib/gzip stream so that inflating can resume near any output offset.

#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace hipguide::session::detail {

/// Deflate looks back at most this many bytes of output; a checkpoint stores them.
constexpr std::int64_t kInflateWindowBytes = 32 * 1024;

/// A place where inflating can restart: at a deflate block boundary, with the 32 KiB of output
/// that precede it (the dictionary the following blocks may refer to).
struct InflateCheckpoint {
  std::int64_t outputOffset = 0;     ///< Decoded bytes before this point.
  std::int64_t inputOffset = 0;      ///< Compressed bytes (from the stream start) fully consumed.
  int bits = 0;                      ///< 0..7 bits of the byte before inputOffset still to decode.
  std::uint8_t primeByte = 0;        ///< That byte (its top `bits` bits are fed with inflatePrime).
  std::vector<std::uint8_t> window;  ///< The kInflateWindowBytes of output before outputOffset.
};

/// What the index holds so far, for progress and the benchmark.
struct InflateSeekIndexStatus {
  std::int64_t checkpoints = 0;
  std::int64_t spacingBytes = 0;
  std::int64_t memoryBytes = 0;   ///< Windows plus bookkeeping.
  std::int64_t indexedBytes = 0;  ///< Output offset up to which the checkpoints are complete.
  bool complete = false;          ///< A pass reached the end of the stream.
  std::string failure;            ///< Why the background pass stopped early ("" when it did not).
};

/// The seek index of one compressed stream (zlib's zran technique): checkpoints every
/// spacingBytes() of decoded output, each costing kInflateWindowBytes of memory. Any number of
/// InflateCursor objects (the reader's, a background pass) add checkpoints as they inflate;
/// the rule "keep a checkpoint only when it lies at least spacingBytes() past the last one" is
/// deterministic, so whichever cursor passes a boundary first records the same checkpoint.
/// Checkpoints are only ever appended. Thread-safe.
class InflateSeekIndex {
 public:
  /// `spacingBytes` >= kInflateWindowBytes; see spacingFor().
  explicit InflateSeekIndex(std::int64_t spacingBytes);

  /// The spacing used for a stream of `totalOutputBytes`: 2 MiB, widened for streams over
  /// 4 GiB so that the windows never exceed 64 MiB (2048 checkpoints; 4.3 MiB apart for 20
  /// minutes of 640×480 at 25 fps).
  static std::int64_t spacingFor(std::int64_t totalOutputBytes);

  std::int64_t spacingBytes() const { return m_spacingBytes; }
  /// Whether a checkpoint at `outputOffset` would be kept; cheap, call before copying a window.
  bool wants(std::int64_t outputOffset) const;
  /// Appends `checkpoint` when wants() it, else drops it (another cursor was first).
  void add(InflateCheckpoint checkpoint);
  /// Records that a cursor decoded the stream up to `outputOffset`, adding every checkpoint it
  /// passed (so the index is complete up to there), and `streamEnd` when it reached the end.
  void noteProgress(std::int64_t outputOffset, bool streamEnd);
  /// Records why a full pass over the stream failed (corrupt or truncated data, a bad
  /// checksum at the end), for status().
  void noteFailure(std::string message);
  /// The checkpoint with the largest outputOffset <= `outputOffset`, or null.
  std::shared_ptr<const InflateCheckpoint> before(std::int64_t outputOffset) const;
  InflateSeekIndexStatus status() const;

 private:
  const std::int64_t m_spacingBytes;
  mutable std::mutex m_mutex;
  std::vector<std::shared_ptr<const InflateCheckpoint>> m_checkpoints;  ///< By outputOffset.
  std::int64_t m_nextWantedOffset;                                      ///< Under m_mutex.
  std::int64_t m_indexedBytes = 0;
  bool m_complete = false;
  std::string m_failure;
};

}  // namespace hipguide::session::detail
