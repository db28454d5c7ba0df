// UTF-8 text helpers.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace pilotdeck::base {

// Characters, not bytes: "é" is one character of two bytes. Counts every byte that does not
// continue a sequence, so it never throws and is defined for any input.
std::size_t utf8_length(std::string_view s);

// Lower case for comparing names and titles as people mean them: ASCII and the Latin-1
// capitals of Dutch and German names (Ä Ö Ü É È ...; not the multiplication sign) in UTF-8.
// Everything else, and ill-formed bytes, unchanged.
std::string fold_case(std::string_view s);

}  // namespace pilotdeck::base
