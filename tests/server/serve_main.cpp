// Test-only stand-in for `pilotdeck serve FILE [--bind ADDR] [--port N] [--stage KIND]`, calling
// the same entry point (server::run_serve) as the real command line.
#include <cstdio>
#include <cstdlib>
#include <string>

#include "server/serve.hpp"

int main(int argc, char** argv) {
    pilotdeck::server::ServeOptions o;
    int i = 1;
    if (i < argc && std::string(argv[i]) == "serve") ++i;
    for (; i < argc; ++i) {
        const std::string a = argv[i];
        auto value = [&]() -> std::string {
            if (i + 1 >= argc) {
                std::fprintf(stderr, "pilotdeck: %s needs a value\n", a.c_str());
                std::exit(2);
            }
            return argv[++i];
        };
        if (a == "--bind") o.bind = value();
        else if (a == "--port") o.port = std::atoi(value().c_str());
        else if (a == "--stage") o.stage = value();
        else if (o.file.empty() && !a.starts_with("--")) o.file = a;
        else {
            std::fprintf(stderr, "pilotdeck: unexpected argument %s\n", a.c_str());
            return 2;
        }
    }
    if (o.file.empty()) {
        std::fprintf(stderr, "pilotdeck: serve needs a FILE\n");
        return 2;
    }
    return pilotdeck::server::run_serve(o);
}
