// Per-user folders (XDG base directories).
#pragma once

#include <string>

namespace pilotdeck::base {

std::string home_dir();    // $HOME, else the passwd entry, else "."
std::string data_home();   // $XDG_DATA_HOME when absolute, else ~/.local/share
std::string config_dir();  // $XDG_CONFIG_HOME/pilotdeck (when absolute) or ~/.config/pilotdeck
std::string data_dir();    // data_home()/pilotdeck

}  // namespace pilotdeck::base
