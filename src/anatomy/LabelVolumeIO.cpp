#include "ItkEigen.h"

#include <hipguide/anatomy/LabelVolumeIO.h>

#include <itkImage.h>
#include <itkImageFileReader.h>
#include <itkImageFileWriter.h>
#include <itkImageIOFactory.h>
#include <itkMetaImageIOFactory.h>
#include <itkNiftiImageIOFactory.h>
#include <itkNrrdImageIOFactory.h>

#include <algorithm>
#include <cmath>
#include <mutex>
#include <stdexcept>

namespace hipguide::anatomy {

namespace {

constexpr const char* kSupported = ".nii, .nii.gz, .nrrd, .nhdr, .mha, .mhd";

void registerFactories() {
  static std::once_flag once;
  std::call_once(once, [] {
    itk::NiftiImageIOFactory::RegisterOneFactory();
    itk::NrrdImageIOFactory::RegisterOneFactory();
    itk::MetaImageIOFactory::RegisterOneFactory();
  });
}

std::string describe(const std::filesystem::path& file) { return "label map '" + file.string() + "'"; }

void checkFormat(const std::filesystem::path& file) {
  const std::string name = file.filename().string();
  auto endsWith = [&name](const std::string& suffix) {
    return name.size() >= suffix.size() &&
           std::equal(suffix.rbegin(), suffix.rend(), name.rbegin(),
                      [](char a, char b) { return std::tolower(static_cast<unsigned char>(a)) == b; });
  };
  for (const char* suffix : {".nii", ".nii.gz", ".nrrd", ".nhdr", ".mha", ".mhd"})
    if (endsWith(suffix)) return;
  throw std::runtime_error(describe(file) + ": unsupported format (use " + kSupported + ")");
}

template <typename Pixel>
typename itk::Image<Pixel, 3>::Pointer readImage(const std::filesystem::path& file) {
  using Reader = itk::ImageFileReader<itk::Image<Pixel, 3>>;
  auto reader = Reader::New();
  reader->SetFileName(file.string());
  try {
    reader->Update();
  } catch (const itk::ExceptionObject& error) {
    throw std::runtime_error(describe(file) + ": cannot be read (" + error.GetDescription() + ")");
  }
  return reader->GetOutput();
}

template <typename Image>
void copyGeometry(const Image& image, RawLabelImage& raw) {
  const auto size = image.GetLargestPossibleRegion().GetSize();
  for (int a = 0; a < 3; ++a) {
    raw.size[a] = static_cast<int>(size[a]);
    raw.spacingMm[a] = image.GetSpacing()[a];
    raw.originMm[a] = image.GetOrigin()[a];
    for (int b = 0; b < 3; ++b) raw.direction(a, b) = image.GetDirection()(a, b);
  }
}

/// Converts the pixels to int32 labels, refusing fractions and negatives.
template <typename Pixel>
void copyLabels(const std::filesystem::path& file, const Pixel* pixels, std::size_t count,
                RawLabelImage& raw) {
  raw.labels.resize(count);
  for (std::size_t i = 0; i < count; ++i) {
    const double value = static_cast<double>(pixels[i]);
    if (value != std::floor(value))
      throw std::runtime_error(describe(file) + ": holds non-integer values (e.g. " + std::to_string(value) +
                               " at voxel " + std::to_string(i) + "); a label map must hold whole numbers");
    if (value < 0 || value > 2147483647.0)
      throw std::runtime_error(describe(file) + ": holds label " + std::to_string(value) +
                               " outside 0..2147483647 at voxel " + std::to_string(i));
    raw.labels[i] = static_cast<std::int32_t>(value);
  }
}

template <typename Pixel>
RawLabelImage readAs(const std::filesystem::path& file) {
  const auto image = readImage<Pixel>(file);
  RawLabelImage raw;
  copyGeometry(*image, raw);
  copyLabels(file, image->GetBufferPointer(), image->GetLargestPossibleRegion().GetNumberOfPixels(), raw);
  return raw;
}

/// Checks the file and its header; returns whether its voxels are 8-bit unsigned.
bool inspect(const std::filesystem::path& file, bool& fractional) {
  registerFactories();
  if (!std::filesystem::exists(file)) throw std::runtime_error(describe(file) + ": file not found");
  checkFormat(file);
  auto io = itk::ImageIOFactory::CreateImageIO(file.string().c_str(),
                                               itk::ImageIOFactory::IOFileModeEnum::ReadMode);
  if (!io)
    throw std::runtime_error(describe(file) + ": not a readable image (supported: " + kSupported + ")");
  io->SetFileName(file.string());
  try {
    io->ReadImageInformation();
  } catch (const itk::ExceptionObject& error) {
    throw std::runtime_error(describe(file) + ": cannot be read (" + error.GetDescription() + ")");
  }
  if (io->GetNumberOfDimensions() != 3)
    throw std::runtime_error(describe(file) + ": has " + std::to_string(io->GetNumberOfDimensions()) +
                             " dimensions; a label map must be 3D");
  if (io->GetNumberOfComponents() != 1)
    throw std::runtime_error(describe(file) + ": has " + std::to_string(io->GetNumberOfComponents()) +
                             " components per voxel; a label map has one");
  const auto type = io->GetComponentType();
  using Component = itk::IOComponentEnum;
  fractional = type == Component::FLOAT || type == Component::DOUBLE;
  return type == Component::UCHAR;
}

template <typename Label>
void requireSomeLabel(const std::filesystem::path& file, const std::vector<Label>& labels) {
  if (std::none_of(labels.begin(), labels.end(), [](Label v) { return v != 0; }))
    throw std::runtime_error(describe(file) + ": is empty (every voxel is 0, no label)");
}

}  // namespace

RawLabelImage readRawLabelImage(const std::filesystem::path& file) {
  bool fractional = false;
  inspect(file, fractional);
  RawLabelImage raw = fractional ? readAs<double>(file) : readAs<std::int32_t>(file);
  requireSomeLabel(file, raw.labels);
  return raw;
}

LabelVolume readLabelVolume(const std::filesystem::path& file) {
  bool fractional = false;
  if (inspect(file, fractional)) {
    const auto image = readImage<std::uint8_t>(file);
    RawLabelImage geometry;
    copyGeometry(*image, geometry);
    LabelVolume volume{geometry.size, geometry.spacingMm, geometry.originMm, geometry.direction, {}};
    const std::uint8_t* pixels = image->GetBufferPointer();
    volume.labels.assign(pixels, pixels + volume.voxelCount());
    requireSomeLabel(file, volume.labels);
    return volume;
  }
  RawLabelImage raw = readRawLabelImage(file);
  LabelVolume volume;
  volume.size = raw.size;
  volume.spacingMm = raw.spacingMm;
  volume.originMm = raw.originMm;
  volume.direction = raw.direction;
  volume.labels.resize(raw.labels.size());
  for (std::size_t i = 0; i < raw.labels.size(); ++i) {
    if (raw.labels[i] > 255)
      throw std::runtime_error(describe(file) + ": holds label " + std::to_string(raw.labels[i]) +
                               " above 255; import it with a mapping (hipguide-cli anatomy-import)");
    volume.labels[i] = static_cast<std::uint8_t>(raw.labels[i]);
  }
  return volume;
}

void writeLabelVolume(const LabelVolume& volume, const std::filesystem::path& file) {
  registerFactories();
  checkFormat(file);
  if (volume.labels.size() != volume.voxelCount())
    throw std::invalid_argument("label volume has " + std::to_string(volume.labels.size()) + " labels for " +
                                std::to_string(volume.voxelCount()) + " voxels");
  using Image = itk::Image<std::uint8_t, 3>;
  auto image = Image::New();
  Image::SizeType size;
  Image::SpacingType spacing;
  Image::PointType origin;
  Image::DirectionType direction;
  for (int a = 0; a < 3; ++a) {
    size[a] = static_cast<itk::SizeValueType>(volume.size[a]);
    spacing[a] = volume.spacingMm[a];
    origin[a] = volume.originMm[a];
    for (int b = 0; b < 3; ++b) direction(a, b) = volume.direction(a, b);
  }
  image->SetRegions(Image::RegionType(size));
  image->SetSpacing(spacing);
  image->SetOrigin(origin);
  image->SetDirection(direction);
  image->Allocate();
  std::copy(volume.labels.begin(), volume.labels.end(), image->GetBufferPointer());
  auto writer = itk::ImageFileWriter<Image>::New();
  writer->SetFileName(file.string());
  writer->SetInput(image);
  writer->SetUseCompression(true);
  try {
    writer->Update();
  } catch (const itk::ExceptionObject& error) {
    throw std::runtime_error(describe(file) + ": cannot be written (" + error.GetDescription() + ")");
  }
}

}  // namespace hipguide::anatomy
