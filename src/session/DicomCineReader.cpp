#include "DicomCineHeader.h"
#include "DicomPixels.h"
#include "FrameTiming.h"

#include <hipguide/session/DicomCineReader.h>

#include <dcmtk/dcmdata/dcdeftag.h>
#include <dcmtk/dcmdata/dcfcache.h>
#include <dcmtk/dcmdata/dcfilefo.h>
#include <dcmtk/dcmdata/dcpixel.h>
#include <dcmtk/dcmdata/dcrledrg.h>
#include <dcmtk/dcmdata/dcxfer.h>
#include <dcmtk/dcmjpeg/djdecode.h>
#include <dcmtk/dcmjpls/djdecode.h>
#include <dcmtk/oflog/oflog.h>

#include <array>
#include <fstream>
#include <mutex>
#include <stdexcept>

namespace hipguide::session {
namespace {

/// Registers the decoders of compressed pixel data once per process (DCMTK keeps a global list),
/// and keeps DCMTK's own log quiet: the reader's exceptions say what is wrong with a file.
void registerDecoders() {
  static std::once_flag once;
  std::call_once(once, [] {
    OFLog::configure(OFLogger::FATAL_LOG_LEVEL);
    DcmRLEDecoderRegistration::registerCodecs();
    // Colour frames come out pixel by pixel whatever the file's Planar Configuration says.
    DJDecoderRegistration::registerCodecs(EDC_photometricInterpretation, EUC_default, EPC_colorByPixel);
    DJLSDecoderRegistration::registerCodecs(EJLSUC_default, EJLSPC_colorByPixel);
  });
}

/// Largest element DCMTK reads when opening; larger ones (the pixels) are read when needed.
constexpr Uint32 kLoadLaterBytes = 4096;

}  // namespace

bool looksLikeDicomFile(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::array<char, 132> start{};
  if (!in.read(start.data(), start.size())) return false;
  return std::string_view(start.data() + 128, 4) == "DICM";
}

struct DicomCineReader::Impl {
  std::string source;
  DcmFileFormat file;
  DcmDataset* data = nullptr;
  DcmPixelData* pixels = nullptr;
  DcmFileCache cache;
  detail::DicomCineHeader header;
  bool decodedPlanar = false;
  RecordingInfo info;
  std::vector<SessionEvent> events;
  std::vector<std::uint8_t> decoded;
  /// The compressed fragment where each frame starts, once known (0: let DCMTK find it).
  std::vector<Uint32> startFragments;
};

DicomCineReader::DicomCineReader(const std::filesystem::path& path) : m_impl(std::make_unique<Impl>()) {
  Impl& s = *m_impl;
  s.source = path.string();
  registerDecoders();
  const OFCondition loaded = s.file.loadFile(path.c_str(), EXS_Unknown, EGL_noChange, kLoadLaterBytes);
  if (loaded.bad())
    throw std::runtime_error(s.source + ": not a readable DICOM file (" + loaded.text() +
                             "); a file cut short by a copy or an export fails so: check it is whole");
  s.data = s.file.getDataset();
  s.header = detail::readDicomCineHeader(*s.data, s.source);
  DcmElement* element = nullptr;
  s.data->findAndGetElement(DCM_PixelData, element);
  s.pixels = dynamic_cast<DcmPixelData*>(element);
  if (s.pixels == nullptr) throw std::runtime_error(s.source + ": its Pixel Data cannot be read");
  Uint32 frameBytes = 0;
  if (s.pixels->getUncompressedFrameSize(s.data, frameBytes).bad() || frameBytes == 0)
    throw std::runtime_error(s.source + ": the size of a frame cannot be worked out from its attributes");
  s.decoded.resize(frameBytes + (frameBytes & 1));  // DCMTK wants an even buffer size
  const DcmXfer transfer(s.data->getOriginalXfer());
  s.decodedPlanar = s.header.planar && (!transfer.isEncapsulated() || transfer.getXfer() == EXS_RLELossless);
  s.startFragments.assign(static_cast<std::size_t>(s.header.frameCount), 0);

  s.info.formatName =
      std::string("DICOM ") + (s.header.frameCount > 1 ? "cine" : "image") + ", " + transfer.getXferName();
  s.info.width = s.header.width;
  s.info.height = s.header.height;
  s.info.channels = s.header.samplesPerPixel;
  s.info.spacingMm = s.header.spacingMm;
  s.info.frameCount = s.header.frameCount;
  detail::fillDurationAndRate(s.info, s.header.timestampsNs.front(), s.header.timestampsNs.back());
  s.info.globalFields = s.header.fields;
  s.events = readSidecarEvents(path);
}

DicomCineReader::~DicomCineReader() = default;

const RecordingInfo& DicomCineReader::info() const { return m_impl->info; }

const std::vector<SessionEvent>& DicomCineReader::events() const { return m_impl->events; }

std::int64_t DicomCineReader::timestampNs(std::int64_t index) const {
  const auto& times = m_impl->header.timestampsNs;
  return times[static_cast<std::size_t>(std::clamp<std::int64_t>(index, 0, std::ssize(times) - 1))];
}

RecordedFrame DicomCineReader::readFrame(std::int64_t index) {
  Impl& s = *m_impl;
  if (index < 0 || index >= s.header.frameCount)
    throw std::out_of_range(s.source + ": frame " + std::to_string(index) + " of " +
                            std::to_string(s.header.frameCount));
  const auto slot = static_cast<std::size_t>(index);
  Uint32 fragment = s.startFragments[slot];
  OFString colourModel;
  const OFCondition status =
      s.pixels->getUncompressedFrame(s.data, static_cast<Uint32>(index), fragment, s.decoded.data(),
                                     static_cast<Uint32>(s.decoded.size()), colourModel, &s.cache);
  if (status.bad())
    throw std::runtime_error(s.source + ": frame " + std::to_string(index) + " cannot be decoded (" +
                             status.text() + ")");
  if (slot + 1 < s.startFragments.size()) s.startFragments[slot + 1] = fragment;
  RecordedFrame recorded;
  detail::DicomFrameLayout layout{s.header.width, s.header.height, colourModel.c_str(), s.decodedPlanar};
  detail::dicomFrameToFrame(s.decoded, layout, recorded.frame, s.source);
  recorded.frame.spacingMm = s.header.spacingMm;
  recorded.frame.deviceTimestampNs = timestampNs(index);
  recorded.frame.frameId = static_cast<std::uint64_t>(index + 1);
  return recorded;
}

}  // namespace hipguide::session
