#include <csignal>

#include "cli/commands.hpp"

int main(int argc, char** argv) {
    // A write past the file-size limit (a full quota) then fails with EFBIG and is reported as
    // a failed save, instead of the default SIGXFSZ killing pilotdeck in front of the room.
    std::signal(SIGXFSZ, SIG_IGN);
    return pilotdeck::cli::run(argc, argv);
}
