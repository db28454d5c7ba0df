// `pilotdeck results FILE [--out RESULTS.json]` (contracts 6).
#pragma once

#include <string>

namespace pilotdeck::cli {

// FILE is a workshop file or a workshop document (JSON). Writes the results document to `out`
// atomically, or to stdout when `out` is empty. Throws std::exception with a one-line message
// naming the file (and, for a document, line:column and the JSON path).
int cmd_results(const std::string& file, const std::string& out);

}  // namespace pilotdeck::cli
