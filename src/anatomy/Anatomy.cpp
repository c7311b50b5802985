#include <hipguide/anatomy/Anatomy.h>
#include <hipguide/anatomy/AnatomyFolder.h>
#include <hipguide/anatomy/LabelVolumeIO.h>

#include <algorithm>
#include <array>
#include <limits>
#include <mutex>
#include <stdexcept>
#include <thread>

namespace hipguide::anatomy {

namespace {

constexpr double kClearanceToleranceMm = 0.1;
constexpr double kEntryToleranceMm = 0.05;

}  // namespace

struct Anatomy::Impl {
  LabelVolume volume;
  LabelTable table;
  std::optional<PhantomLandmarks> landmarks;
  Options options;
  std::filesystem::path folder;
  std::array<bool, 256> present{};
  std::array<std::once_flag, 256> built;
  std::array<DistanceField, 256> fields;

  const LabelInfo& structure(std::string_view name) const {
    const LabelInfo* label = table.find(name);
    if (!label) throw std::out_of_range("no structure named '" + std::string(name) + "' in the label table");
    if (!present[label->value])
      throw std::out_of_range("structure '" + std::string(name) + "' is not in the label map");
    return *label;
  }
  const DistanceField& field(std::uint8_t value) {
    std::call_once(built[value], [this, value] {
      fields[value] = DistanceField::compute(volume, value, options.distanceGridMm);
    });
    return fields[value];
  }
};

Anatomy::Anatomy(LabelVolume volume, LabelTable table, std::optional<PhantomLandmarks> landmarks,
                 Options options)
    : m(std::make_shared<Impl>()) {
  if (volume.labels.size() != volume.voxelCount() || volume.voxelCount() == 0)
    throw std::invalid_argument("anatomy: the label map is empty or its size does not match its labels");
  for (std::uint8_t value : volume.labels) m->present[value] = true;
  for (int value = 1; value < 256; ++value)
    if (m->present[value] && !table.find(static_cast<std::uint8_t>(value)))
      throw std::invalid_argument("anatomy: label " + std::to_string(value) +
                                  " of the label map is not in its table");
  m->volume = std::move(volume);
  m->table = std::move(table);
  m->landmarks = std::move(landmarks);
  m->options = options;
}

Anatomy Anatomy::load(const std::filesystem::path& folder, Options options) {
  const std::string where = "anatomy folder '" + folder.string() + "'";
  for (const char* required : {kLabelsFile, kLabelTableFile})
    if (!std::filesystem::exists(folder / required))
      throw std::runtime_error(where + ": missing " + required +
                               " (write one with hipguide-cli phantom or hipguide-cli anatomy-import)");
  std::optional<PhantomLandmarks> landmarks;
  if (std::filesystem::exists(folder / kLandmarksFile)) landmarks = loadLandmarks(folder / kLandmarksFile);
  try {
    Anatomy anatomy(readLabelVolume(folder / kLabelsFile), LabelTable::load(folder / kLabelTableFile),
                    std::move(landmarks), options);
    anatomy.m->folder = folder;
    return anatomy;
  } catch (const std::invalid_argument& error) {
    throw std::runtime_error(where + ": " + error.what());
  }
}

Anatomy Anatomy::fromPhantom(Phantom phantom, Options options) {
  return Anatomy(std::move(phantom.volume), std::move(phantom.table), phantom.landmarks, options);
}

const LabelVolume& Anatomy::volume() const { return m->volume; }
const LabelTable& Anatomy::table() const { return m->table; }
const std::optional<PhantomLandmarks>& Anatomy::landmarks() const { return m->landmarks; }
const std::filesystem::path& Anatomy::folder() const { return m->folder; }

std::vector<const LabelInfo*> Anatomy::presentLabels() const {
  std::vector<const LabelInfo*> labels;
  for (const LabelInfo& label : m->table.labels())
    if (m->present[label.value]) labels.push_back(&label);
  return labels;
}

std::vector<const LabelInfo*> Anatomy::criticalLabels() const {
  std::vector<const LabelInfo*> labels = presentLabels();
  std::erase_if(labels, [](const LabelInfo* label) { return !label->critical; });
  return labels;
}

const DistanceField& Anatomy::distanceField(std::string_view name) const {
  return m->field(m->structure(name).value);
}

double Anatomy::signedDistanceMm(std::string_view name, const core::Vec3& pointMm) const {
  return distanceField(name).signedDistanceMm(pointMm);
}

void Anatomy::prepareDistanceFields(bool criticalOnly) const {
  const std::vector<const LabelInfo*> labels = criticalOnly ? criticalLabels() : presentLabels();
  if (labels.empty()) return;
  // ITK creates its global singletons (thread pool, factories) on first use without a lock
  // (itkSingleton.h; ThreadSanitizer saw two workers race there): the first field is computed on
  // this thread, before any worker starts.
  m->field(labels.front()->value);
  const unsigned workers =
      std::max(1u, std::min<unsigned>(std::thread::hardware_concurrency(), labels.size() - 1));
  std::vector<std::jthread> threads;
  std::atomic<std::size_t> next{1};
  for (unsigned w = 0; w < workers; ++w)
    threads.emplace_back([&] {
      for (std::size_t i = next++; i < labels.size(); i = next++) m->field(labels[i]->value);
    });
}

Clearance Anatomy::segmentClearance(std::string_view name, const core::Vec3& aMm,
                                    const core::Vec3& bMm) const {
  const LabelInfo& label = m->structure(name);
  const DistanceField& field = m->field(label.value);
  const double lengthMm = (bMm - aMm).norm();
  const core::Vec3 unit = lengthMm > 0 ? core::Vec3((bMm - aMm) / lengthMm) : core::Vec3::UnitX();
  auto at = [&](double t) { return field.signedDistanceMm(aMm + t * unit); };
  // A distance field changes by at most 1 mm per mm: from t, nothing closer than the best so
  // far (less the tolerance) can occur before t + (d(t) − best + tolerance).
  double bestT = 0.0, best = at(0.0);
  for (double t = 0.0; t < lengthMm;) {
    const double d = at(t);
    if (d < best) best = d, bestT = t;
    t += std::max(kClearanceToleranceMm, d - best + kClearanceToleranceMm);
  }
  if (const double end = at(lengthMm); end < best) best = end, bestT = lengthMm;
  Clearance result;
  result.value = label.value;
  result.name = label.name;
  result.distanceMm = best;
  result.pathPointMm = aMm + bestT * unit;
  result.structurePointMm = result.pathPointMm - best * field.gradient(result.pathPointMm);
  return result;
}

std::vector<Clearance> Anatomy::segmentClearances(const core::Vec3& aMm, const core::Vec3& bMm) const {
  std::vector<Clearance> result;
  for (const LabelInfo* label : criticalLabels()) result.push_back(segmentClearance(label->name, aMm, bMm));
  std::sort(result.begin(), result.end(),
            [](const Clearance& x, const Clearance& y) { return x.distanceMm < y.distanceMm; });
  return result;
}

std::vector<Clearance> Anatomy::rayClearances(const core::Vec3& originMm, const core::Vec3& direction,
                                              double lengthMm) const {
  return segmentClearances(originMm, originMm + lengthMm * direction.normalized());
}

std::optional<RayEntry> Anatomy::firstEntry(std::string_view name, const core::Vec3& originMm,
                                            const core::Vec3& direction, double lengthMm) const {
  const DistanceField& field = m->field(m->structure(name).value);
  const core::Vec3 unit = direction.normalized();
  double previous = 0.0;
  // Sphere tracing: the distance is a safe step; then bisection between the last outside and
  // the first inside sample.
  for (double t = 0.0; t <= lengthMm;) {
    const double d = field.signedDistanceMm(originMm + t * unit);
    if (d <= 0.0) {
      double outside = previous, inside = t;
      if (t == 0.0) return RayEntry{originMm, 0.0};
      while (inside - outside > kEntryToleranceMm) {
        const double middle = 0.5 * (outside + inside);
        (field.signedDistanceMm(originMm + middle * unit) <= 0.0 ? inside : outside) = middle;
      }
      return RayEntry{originMm + inside * unit, inside};
    }
    previous = t;
    t += std::max(d, kEntryToleranceMm);
  }
  return std::nullopt;
}

std::vector<StructureContours> Anatomy::planeContours(const PlaneGrid& plane) const {
  return cutPlane(m->volume, m->table, plane);
}

}  // namespace hipguide::anatomy
