#pragma once
/// The plots of an attempt and of a trainee's progress, as chart specifications shared by the
/// debrief dialog and the PDF report.

#include <hipguide/records/TimeChart.h>
#include <hipguide/training/AttemptRunner.h>
#include <hipguide/training/TrainingHistory.h>

#include <vector>

namespace hipguide::training {

/// Tip-to-target distance over time, with the tolerance line.
records::TimeChartSpec tipToTargetChart(const AttemptResult& result);
/// Clearance of the inserted shaft to the nearest vessel and the nearest nerve, with the margin.
records::TimeChartSpec clearanceChart(const AttemptResult& result);
/// Tip in the image (1) or not (0) over time.
records::TimeChartSpec tipVisibilityChart(const AttemptResult& result);
/// The three above, in that order.
std::vector<records::TimeChartSpec> attemptCharts(const AttemptResult& result);

/// Final tip-to-target distance and minimum clearance per attempt (x = attempt number, 1-based)
/// of one trainee's stored attempts, oldest first.
records::TimeChartSpec progressChart(const std::vector<AttemptRecord>& attempts, const std::string& trainee);

}  // namespace hipguide::training
