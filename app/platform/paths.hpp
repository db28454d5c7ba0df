// Per-user folders (XDG base directories).
#pragma once

#include <string>

namespace pilotdeck::platform {

std::string home_dir();      // $HOME, else the passwd entry, else "."
std::string config_dir();    // $XDG_CONFIG_HOME/pilotdeck or ~/.config/pilotdeck
std::string data_dir();      // $XDG_DATA_HOME/pilotdeck or ~/.local/share/pilotdeck
std::string documents_dir(); // ~/Documents when it exists, else the home folder

}  // namespace pilotdeck::platform
