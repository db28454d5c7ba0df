// Any bytes given to the template loader: a template or one DocumentError, never a crash.
#include <cstdint>
#include <string_view>

#include "documents/documents.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    try {
        (void)pilotdeck::documents::parse_template(std::string_view(reinterpret_cast<const char*>(data), size), "fuzz.json");
    } catch (const pilotdeck::documents::DocumentError&) {
    }
    return 0;
}
