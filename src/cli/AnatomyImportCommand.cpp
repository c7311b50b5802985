#include "Arguments.h"
#include "Commands.h"

#include <hipguide/anatomy/AnatomyFolder.h>
#include <hipguide/anatomy/LabelMapping.h>
#include <hipguide/anatomy/LabelVolumeIO.h>
#include <hipguide/anatomy/Surfaces.h>

#include <iostream>

namespace hipguide::cli {

int runAnatomyImport(const std::vector<std::string>& arguments) {
  Arguments parsed;
  parsed.option("in").option("mapping").option("out");
  parsed.parse(arguments);
  if (!parsed.positional().empty())
    throw UsageError("unexpected argument '" + parsed.positional().front() + "'");
  const std::string in = parsed.required("in"), mappingName = parsed.required("mapping"),
                    out = parsed.required("out");
  const anatomy::LabelTable table = anatomy::LabelTable::hipDefault();
  const anatomy::LabelMapping mapping = mappingName == "totalsegmentator"
                                            ? anatomy::LabelMapping::totalSegmentator()
                                            : anatomy::LabelMapping::load(mappingName, table);
  std::cerr << "reading " << in << "\n";
  const anatomy::ImportedLabels imported = mapping.apply(anatomy::readRawLabelImage(in), table, in);
  if (!imported.unmappedLabels.empty()) {
    std::cerr << "ignored " << imported.unmappedLabels.size() << " labels not in the mapping:";
    for (std::int32_t value : imported.unmappedLabels) std::cerr << " " << value;
    std::cerr << "\n";
  }
  anatomy::writeAnatomyFolder(out, imported.volume, imported.table, std::nullopt, anatomy::SurfaceOptions{},
                              [](const std::string& line) { std::cerr << line << "\n"; });
  std::cout << out << "\n";
  return 0;
}

}  // namespace hipguide::cli
