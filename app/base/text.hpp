// UTF-8 text helpers.
#pragma once

#include <cstddef>
#include <string_view>

namespace pilotdeck::base {

// Characters, not bytes: "é" is one character of two bytes. Counts every byte that does not
// continue a sequence, so it never throws and is defined for any input.
std::size_t utf8_length(std::string_view s);

}  // namespace pilotdeck::base
