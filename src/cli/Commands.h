#pragma once
/// Entry points of the subcommands, one file each; listed in CommandTable.cpp.

#include <string>
#include <vector>

namespace hipguide::cli {

int runSources(const std::vector<std::string>& arguments);
int runInfo(const std::vector<std::string>& arguments);
int runConvert(const std::vector<std::string>& arguments);
int runRecord(const std::vector<std::string>& arguments);
int runExportVideo(const std::vector<std::string>& arguments);
int runBenchRecord(const std::vector<std::string>& arguments);
int runBenchSeek(const std::vector<std::string>& arguments);
int runSimulate(const std::vector<std::string>& arguments);
int runTrack(const std::vector<std::string>& arguments);
int runEval(const std::vector<std::string>& arguments);
int runBench(const std::vector<std::string>& arguments);
int runPhantom(const std::vector<std::string>& arguments);
int runAnatomyImport(const std::vector<std::string>& arguments);

int runProbeSource(const std::vector<std::string>& arguments);
int runServe(const std::vector<std::string>& arguments);

int runProcedure(const std::vector<std::string>& arguments);
int runProcedures(const std::vector<std::string>& arguments);
int runReport(const std::vector<std::string>& arguments);
int runTrain(const std::vector<std::string>& arguments);
int runTrainees(const std::vector<std::string>& arguments);

}  // namespace hipguide::cli
