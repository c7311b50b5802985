#pragma once
/// Small order statistics used by stats files, benchmarks and evaluation.

#include <vector>

namespace hipguide::core {

/// The p-th percentile (p in [0, 100]) by linear interpolation; 0 for an empty input.
double percentile(std::vector<double> values, double p);
inline double median(std::vector<double> values) { return percentile(std::move(values), 50.0); }

}  // namespace hipguide::core
