#include <hipguide/core/Logging.h>
#include <hipguide/session/PlusSequenceWriter.h>

#include "SequenceHeaderText.h"

#include <zlib.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <stdexcept>
#include <vector>

namespace hipguide::session {
namespace {

constexpr std::size_t kCopyChunkBytes = 1 << 20;

std::FILE* openOrThrow(const std::filesystem::path& path, const char* mode) {
  std::FILE* file = std::fopen(path.c_str(), mode);
  if (!file) throw std::runtime_error(path.string() + ": cannot open for writing: " + std::strerror(errno));
  return file;
}

void writeOrThrow(std::FILE* file, const void* data, std::size_t size, const std::filesystem::path& path) {
  if (size > 0 && std::fwrite(data, 1, size, file) != size)
    throw std::runtime_error(path.string() + ": write failed: " + std::strerror(errno));
}

void copyInto(std::FILE* to, const std::filesystem::path& toPath, const std::filesystem::path& from) {
  std::FILE* source = openOrThrow(from, "rb");
  std::vector<char> buffer(kCopyChunkBytes);
  std::size_t got = 0;
  while ((got = std::fread(buffer.data(), 1, buffer.size(), source)) > 0)
    writeOrThrow(to, buffer.data(), got, toPath);
  std::fclose(source);
}

}  // namespace

struct PlusSequenceWriter::State {
  std::filesystem::path path;
  std::filesystem::path pixelsPath;
  std::filesystem::path fieldsPath;
  PlusWriterOptions options;
  bool nrrd = false;
  std::FILE* pixels = nullptr;
  std::FILE* fields = nullptr;
  z_stream zlib{};
  bool zlibOpen = false;
  std::vector<std::uint8_t> compressed;
  detail::WrittenGeometry geometry;
  bool closed = false;

  void writePixels(const std::uint8_t* data, std::size_t size, int flush) {
    if (!options.compress) {
      writeOrThrow(pixels, data, size, pixelsPath);
      return;
    }
    zlib.next_in = const_cast<std::uint8_t*>(data);
    zlib.avail_in = static_cast<uInt>(size);
    do {
      zlib.next_out = compressed.data();
      zlib.avail_out = static_cast<uInt>(compressed.size());
      if (::deflate(&zlib, flush) == Z_STREAM_ERROR)
        throw std::runtime_error(pixelsPath.string() + ": zlib failed");
      writeOrThrow(pixels, compressed.data(), compressed.size() - zlib.avail_out, pixelsPath);
    } while (zlib.avail_out == 0);
  }

  void releaseTemporaries() {
    if (pixels) std::fclose(pixels);
    if (fields) std::fclose(fields);
    pixels = fields = nullptr;
    if (zlibOpen) deflateEnd(&zlib);
    zlibOpen = false;
    std::error_code ignored;
    std::filesystem::remove(pixelsPath, ignored);
    std::filesystem::remove(fieldsPath, ignored);
  }
};

PlusSequenceWriter::PlusSequenceWriter(const std::filesystem::path& path, PlusWriterOptions options)
    : m_state(std::make_unique<State>()) {
  State& s = *m_state;
  const std::string extension = path.extension().string();
  if (extension != ".mha" && extension != ".nrrd")
    throw std::invalid_argument(path.string() + ": a PLUS sequence must end in .igs.mha or .igs.nrrd");
  s.path = path;
  s.nrrd = extension == ".nrrd";
  s.options = std::move(options);
  s.geometry.compressed = s.options.compress;
  s.geometry.imageOrientation = s.options.imageOrientation;
  s.pixelsPath = path.string() + ".pixels.part";
  s.fieldsPath = path.string() + ".fields.part";
  s.pixels = openOrThrow(s.pixelsPath, "wb");
  s.fields = openOrThrow(s.fieldsPath, "wb");
  if (s.options.compress) {
    // zlib stream for MetaImage, gzip stream for NRRD's "encoding: gz".
    if (deflateInit2(&s.zlib, Z_DEFAULT_COMPRESSION, Z_DEFLATED, s.nrrd ? 15 + 16 : 15, 8,
                     Z_DEFAULT_STRATEGY) != Z_OK)
      throw std::runtime_error(path.string() + ": cannot initialise zlib");
    s.zlibOpen = true;
    s.compressed.resize(kCopyChunkBytes);
  }
}

PlusSequenceWriter::~PlusSequenceWriter() {
  if (m_state->closed) return;
  try {
    close();
  } catch (const std::exception& error) {
    core::logger("session")->error("{}", error.what());
    m_state->releaseTemporaries();
  }
}

std::int64_t PlusSequenceWriter::frameCount() const { return m_state->geometry.frameCount; }

void PlusSequenceWriter::append(const core::Frame& frame) { append(recordedFrameFrom(frame)); }

void PlusSequenceWriter::append(const RecordedFrame& recorded) {
  State& s = *m_state;
  if (s.closed) throw std::logic_error(s.path.string() + ": append after close");
  const core::Frame& frame = recorded.frame;
  if (frame.empty() || frame.grey.size() != static_cast<std::size_t>(frame.width) * frame.height)
    throw std::invalid_argument(s.path.string() + ": frame " + std::to_string(frame.frameId) + " has no " +
                                std::to_string(frame.width) + "x" + std::to_string(frame.height) +
                                " grey image");
  if (s.geometry.frameCount == 0) {
    s.geometry.width = frame.width;
    s.geometry.height = frame.height;
    s.geometry.spacingMm = frame.spacingMm;
  } else if (frame.width != s.geometry.width || frame.height != s.geometry.height) {
    throw std::invalid_argument(s.path.string() + ": frame " + std::to_string(frame.frameId) + " is " +
                                std::to_string(frame.width) + "x" + std::to_string(frame.height) +
                                " but the sequence is " + std::to_string(s.geometry.width) + "x" +
                                std::to_string(s.geometry.height) + " (a sequence has one image size)");
  }
  s.writePixels(frame.grey.data(), frame.grey.size(), Z_NO_FLUSH);
  const std::string lines = detail::frameFieldLines(recorded, s.geometry.frameCount, s.nrrd);
  writeOrThrow(s.fields, lines.data(), lines.size(), s.fieldsPath);
  ++s.geometry.frameCount;
}

void PlusSequenceWriter::close() {
  State& s = *m_state;
  if (s.closed) return;
  s.closed = true;
  if (s.geometry.frameCount == 0) {
    s.releaseTemporaries();
    throw std::runtime_error(s.path.string() + ": no frames to write");
  }
  if (s.options.compress) s.writePixels(nullptr, 0, Z_FINISH);
  if (std::fflush(s.pixels) != 0 || std::fflush(s.fields) != 0)
    throw std::runtime_error(s.path.string() + ": cannot flush temporary files: " + std::strerror(errno));
  s.geometry.compressedBytes = static_cast<std::int64_t>(std::filesystem::file_size(s.pixelsPath));
  const std::filesystem::path partPath = s.path.string() + ".part";
  std::FILE* out = openOrThrow(partPath, "wb");
  bool outOpen = true;
  try {
    const std::string start =
        s.nrrd ? detail::nrrdHeaderStart(s.geometry) : detail::metaImageHeaderStart(s.geometry);
    const std::string end = s.nrrd ? detail::nrrdHeaderEnd() : detail::metaImageHeaderEnd();
    writeOrThrow(out, start.data(), start.size(), partPath);
    copyInto(out, partPath, s.fieldsPath);
    writeOrThrow(out, end.data(), end.size(), partPath);
    copyInto(out, partPath, s.pixelsPath);
    outOpen = false;
    if (std::fclose(out) != 0)
      throw std::runtime_error(partPath.string() + ": close failed: " + std::strerror(errno));
  } catch (...) {
    if (outOpen) std::fclose(out);
    s.releaseTemporaries();
    throw;
  }
  s.releaseTemporaries();
  std::filesystem::rename(partPath, s.path);
}

}  // namespace hipguide::session
