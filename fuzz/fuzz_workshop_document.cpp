// Any bytes given to the workshop document importer: a workshop that writes and re-reads to the
// same document, or one DocumentError; never a crash.
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "documents/documents.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace pilotdeck;
    try {
        const core::Workshop ws = documents::parse_workshop(std::string_view(reinterpret_cast<const char*>(data), size), "fuzz.json");
        const std::string once = documents::write_workshop(ws);
        const std::string twice = documents::write_workshop(documents::parse_workshop(once, "again.json"));
        if (once != twice) std::abort();  // export -> import -> export must be stable
    } catch (const documents::DocumentError&) {
    }
    return 0;
}
