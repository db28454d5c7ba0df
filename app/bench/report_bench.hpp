// pilotdeck-bench `report`: the decision makers' PDF of the demo workshop and of the synthetic one.
#pragma once

#include <filesystem>
#include <string>

namespace pilotdeck::bench {

// Prints "report.demo" (the demo workshop) and "report" (the synthetic workshop file), each from
// opening the file to the PDF written, in the workshop's language.
void report_report(const std::string& workshop_file, const std::filesystem::path& dir, int runs);

}  // namespace pilotdeck::bench
