#include <hipguide/tracking/TrackCsv.h>

#include <hipguide/core/SteadyClock.h>

#include <charconv>
#include <fstream>
#include <iomanip>
#include <limits>
#include <ostream>
#include <sstream>
#include <stdexcept>

namespace hipguide::tracking {
namespace {

/// The comma-separated fields of one line (no quoting: these files hold numbers only).
std::vector<std::string> splitFields(const std::string& line) {
  std::vector<std::string> fields;
  std::stringstream stream(line);
  std::string field;
  while (std::getline(stream, field, ',')) fields.push_back(field);
  if (!line.empty() && line.back() == ',') fields.emplace_back();
  return fields;
}

/// Reads the numeric rows of a CSV whose first line must be `header`; each row has as many
/// fields as the header; fields from `requiredFields` on may be empty and read as NaN.
std::vector<std::vector<double>> readNumericCsv(const std::filesystem::path& file, const std::string& header,
                                                std::size_t requiredFields) {
  std::ifstream in(file);
  if (!in) throw std::runtime_error("cannot open '" + file.string() + "'");
  std::string line;
  if (!std::getline(in, line)) throw std::runtime_error("'" + file.string() + "' is empty");
  if (!line.empty() && line.back() == '\r') line.pop_back();
  if (line != header)
    throw std::runtime_error("'" + file.string() + "': header is '" + line + "', expected '" + header + "'");
  const std::vector<std::string> names = splitFields(header);
  std::vector<std::vector<double>> rows;
  for (int lineNumber = 2; std::getline(in, line); ++lineNumber) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty()) continue;
    const std::vector<std::string> fields = splitFields(line);
    if (fields.size() != names.size())
      throw std::runtime_error("'" + file.string() + "' line " + std::to_string(lineNumber) + ": " +
                               std::to_string(fields.size()) + " fields, expected " +
                               std::to_string(names.size()));
    std::vector<double> values(fields.size(), std::numeric_limits<double>::quiet_NaN());
    for (std::size_t i = 0; i < fields.size(); ++i) {
      if (fields[i].empty() && i >= requiredFields) continue;  // e.g. no tip while no needle is in the body
      const char* begin = fields[i].data();
      const char* end = begin + fields[i].size();
      const auto [stop, error] = std::from_chars(begin, end, values[i]);
      if (error != std::errc{} || stop != end)
        throw std::runtime_error("'" + file.string() + "' line " + std::to_string(lineNumber) + ": " +
                                 names[i] + " is '" + fields[i] + "', not a number");
    }
    rows.push_back(std::move(values));
  }
  return rows;
}

}  // namespace

TrackRow trackRowFrom(const core::NeedleEstimate& estimate) {
  TrackRow row;
  row.frame = static_cast<std::int64_t>(estimate.frameId);
  row.timestampS = core::nsToSeconds(estimate.deviceTimestampNs);
  row.detected = estimate.detected;
  if (estimate.detected) {
    row.tipXMm = estimate.tipMm.x();
    row.tipYMm = estimate.tipMm.y();
    row.angleDeg = estimate.angleDeg;
    row.confidence = estimate.confidence;
  }
  return row;
}

void writeTrackHeader(std::ostream& out) { out << kTrackCsvHeader << '\n'; }

void writeTrackRow(std::ostream& out, const TrackRow& row) {
  out << row.frame << ',' << std::fixed << std::setprecision(6) << row.timestampS << ','
      << (row.detected ? 1 : 0) << ',' << std::setprecision(4) << row.tipXMm << ',' << row.tipYMm << ','
      << row.angleDeg << ',' << std::setprecision(3) << row.confidence << '\n';
}

std::vector<TrackRow> readTrackCsv(const std::filesystem::path& file) {
  std::vector<TrackRow> rows;
  for (const std::vector<double>& v : readNumericCsv(file, kTrackCsvHeader, 3))
    rows.push_back({static_cast<std::int64_t>(v[0]), v[1], v[2] != 0.0, v[3], v[4], v[5], v[6]});
  return rows;
}

std::vector<TruthRow> readTruthCsv(const std::filesystem::path& file) {
  std::vector<TruthRow> rows;
  for (const std::vector<double>& v : readNumericCsv(file, kTruthCsvHeader, 3))
    rows.push_back({static_cast<std::int64_t>(v[0]), v[1], v[2] != 0.0, v[3], v[4], v[5], v[6]});
  return rows;
}

}  // namespace hipguide::tracking
