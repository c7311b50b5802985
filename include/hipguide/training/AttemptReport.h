#pragma once
/// The PDF report of a training attempt.

#include <hipguide/records/ReportDocument.h>
#include <hipguide/training/AttemptRunner.h>

#include <filesystem>
#include <string>

namespace hipguide::training {

/// The report: exercise and brief, verdict per criterion, every score, the three plots and the
/// recording's path. Needs a QGuiApplication (records::ensureGuiApplication()) to draw the plots.
records::ReportDocument attemptReport(const AttemptResult& result, const std::string& trainee);

/// Writes attemptReport() as PDF; returns the page count. Throws records::ReportError.
int writeAttemptReport(const AttemptResult& result, const std::string& trainee,
                       const std::filesystem::path& file);

}  // namespace hipguide::training
