// `pilotdeck report` (the PDF for decision makers) and `pilotdeck export --csv`.
#pragma once

#include <string>
#include <vector>

namespace pilotdeck::cli {

// Writes the report of workshop `file` to `out` (A4 PDF), in the workshop's language unless
// --lang chose one. Throws std::runtime_error phrased for the user; leaves nothing on failure.
void write_report(const std::string& file, const std::string& out);

// `pilotdeck report --portfolio FILE... --out`: the portfolio report (A4 PDF) of several
// workshop files or documents, in the language of the latest workshop unless --lang chose one.
// Refuses what `pilotdeck portfolio` refuses; writes nothing then.
void write_portfolio_report(const std::vector<std::string>& files, const std::string& out);

// Every idea of workshop `file` with its aggregates as CSV (RFC 4180, UTF-8 with BOM).
std::string ideas_csv(const std::string& file);

}  // namespace pilotdeck::cli
