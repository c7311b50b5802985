#pragma once
/// The chart `hipguide-cli eval --plot` writes: a track against its truth over time.

#include <hipguide/records/TimeChart.h>
#include <hipguide/tracking/TrackEvaluation.h>

#include <QString>

#include <vector>

namespace hipguide::cli {

/// Tip error over time where the needle is visible and reported, on shaded stretches: the truth's
/// visible needle (the whole height), missed frames and false positives (strips at the axis);
/// issue 5's bounds (tip median 0.5 mm, p95 1.5 mm) as dashed lines; the report in the title.
records::TimeChartSpec evalChart(const std::vector<tracking::FrameComparison>& frames,
                                 const tracking::AccuracyReport& report, const QString& name);

}  // namespace hipguide::cli
