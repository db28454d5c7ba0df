// Small text helpers shared by the GUI, the phone server and the core's validation.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "base/text.hpp"

namespace pilotdeck::core {

// Without leading and trailing spaces, tabs and line breaks.
std::string trim(std::string_view s);
// Characters, not bytes (the base library's).
using base::utf8_length;

}  // namespace pilotdeck::core
