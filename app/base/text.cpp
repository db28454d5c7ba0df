#include "base/text.hpp"

namespace pilotdeck::base {

std::size_t utf8_length(std::string_view s) {
    std::size_t n = 0;
    for (const char c : s) n += (static_cast<unsigned char>(c) & 0xC0u) != 0x80u;
    return n;
}

}  // namespace pilotdeck::base
