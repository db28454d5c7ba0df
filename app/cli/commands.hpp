// The `pilotdeck` command line (contracts.md section 1).
#pragma once

namespace pilotdeck::cli {

// Parses argv and runs the subcommand. Exit status: 0 success, 2 wrong usage, 1 any other failure;
// errors go to stderr as one line starting "pilotdeck: ".
int run(int argc, char** argv);

}  // namespace pilotdeck::cli
