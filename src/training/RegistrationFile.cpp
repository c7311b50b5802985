#include <hipguide/training/TrackedDrive.h>

#include <array>
#include <cmath>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <vector>

namespace hipguide::training {

core::Transform3 loadRegistrationFile(const std::filesystem::path& file) {
  std::ifstream in(file);
  if (!in) throw std::runtime_error("registration file '" + file.string() + "' cannot be read");
  std::vector<double> numbers;
  std::string line;
  while (std::getline(in, line)) {
    line = line.substr(0, line.find('#'));
    for (char& character : line)
      if (character == ',' || character == ';') character = ' ';
    std::istringstream words(line);
    std::string word;
    while (words >> word) {
      std::size_t used = 0;
      double value = 0;
      try {
        value = std::stod(word, &used);
      } catch (const std::exception&) {
        used = 0;
      }
      if (used != word.size() || !std::isfinite(value))
        throw std::runtime_error("registration file '" + file.string() + "': '" + word + "' is not a number");
      numbers.push_back(value);
    }
  }
  if (numbers.size() != 16)
    throw std::runtime_error("registration file '" + file.string() + "' has " +
                             std::to_string(numbers.size()) +
                             " numbers; expected 16 (a 4x4 matrix, row by row)");
  std::array<double, 16> values{};
  std::copy(numbers.begin(), numbers.end(), values.begin());
  if (std::abs(values[12]) > 1e-6 || std::abs(values[13]) > 1e-6 || std::abs(values[14]) > 1e-6 ||
      std::abs(values[15] - 1.0) > 1e-6)
    throw std::runtime_error("registration file '" + file.string() + "': the last row must be 0 0 0 1");
  Eigen::Matrix3d rotation;
  for (int row = 0; row < 3; ++row)
    for (int column = 0; column < 3; ++column)
      rotation(row, column) = values[static_cast<std::size_t>(row * 4 + column)];
  const double error = (rotation.transpose() * rotation - Eigen::Matrix3d::Identity()).cwiseAbs().maxCoeff();
  if (error > 1e-3 || rotation.determinant() < 0)
    throw std::runtime_error("registration file '" + file.string() +
                             "': the rotation part is not a rotation (rigid registrations only)");
  return core::transformFromRowMajor(values);
}

}  // namespace hipguide::training
