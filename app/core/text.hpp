// Small text helpers shared by the GUI, the phone server and the core's validation.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace pilotdeck::core {

// Without leading and trailing spaces, tabs and line breaks.
std::string trim(std::string_view s);
// Characters, not bytes: "é" is one character of two bytes in UTF-8.
std::size_t utf8_length(std::string_view s);

}  // namespace pilotdeck::core
