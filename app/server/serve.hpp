// `pilotdeck serve FILE [--bind ADDR] [--port N] [--stage KIND]` (contracts.md section 5).
#pragma once

#include <string>

namespace pilotdeck::server {

struct ServeOptions {
    std::string file;
    std::string bind;   // empty: the laptop's LAN address
    int port = 8080;    // 0: any free port
    std::string stage;  // empty: the workshop's current stage; else a stage kind (intro, concerns...)
};

// Runs the phone server on FILE until SIGINT or SIGTERM. Prints `url: http://ADDR:PORT/` and
// `code: NNNNNN` to stdout (flushed). Errors: one line `pilotdeck: ...` on stderr and exit 1
// (2 for an unknown stage kind or a port out of range: wrong usage). Returns the exit status.
int run_serve(const ServeOptions& options);

}  // namespace pilotdeck::server
