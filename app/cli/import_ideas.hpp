// `pilotdeck import-ideas FILE --from OTHER` (issue 10): a hackathon's teams start from the ideas
// of another workshop (a workshop file or a workshop document).
#pragma once

#include <string>

namespace CLI {
class App;
}

namespace pilotdeck::cli {

struct ImportIdeasArgs {
    std::string file;  // the hackathon workshop file (changed)
    std::string from;  // the other workshop (read only)
};
CLI::App* add_import_ideas_command(CLI::App& app, ImportIdeasArgs& args);

// Adds the other workshop's ideas that FILE lacks, as one edit; prints what it did. Throws
// std::runtime_error "FILE: what is wrong" (FILE unchanged) on bad input.
int cmd_import_ideas(const ImportIdeasArgs& args);

}  // namespace pilotdeck::cli
