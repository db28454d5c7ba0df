// `pilotdeck report` (the PDF for decision makers) and `pilotdeck export --csv`.
#pragma once

#include <string>

namespace pilotdeck::cli {

// Writes the report of workshop `file` to `out` (A4 PDF), in the workshop's language unless
// --lang chose one. Throws std::runtime_error phrased for the user; leaves nothing on failure.
void write_report(const std::string& file, const std::string& out);

// Every idea of workshop `file` with its aggregates as CSV (RFC 4180, UTF-8 with BOM).
std::string ideas_csv(const std::string& file);

}  // namespace pilotdeck::cli
