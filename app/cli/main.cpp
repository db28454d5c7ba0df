#include "cli/commands.hpp"

int main(int argc, char** argv) { return pilotdeck::cli::run(argc, argv); }
