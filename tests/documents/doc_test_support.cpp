#include "doc_test_support.hpp"

#include <stdexcept>

#include "documents/documents.hpp"
#include "support/temp_dir.hpp"

namespace pilotdeck::test {

std::string replace_once(std::string text, std::string_view from, std::string_view to, std::string_view after) {
    const std::size_t start = after.empty() ? 0 : text.find(after);
    const std::size_t at = start == std::string::npos ? start : text.find(from, start);
    if (at == std::string::npos) throw std::runtime_error("fixture text not found: " + std::string(from));
    return text.replace(at, from.size(), to);
}

std::string position_of(std::string_view text, std::string_view marker, std::size_t shift, std::string_view after) {
    const std::size_t start = after.empty() ? 0 : text.find(after);
    const std::size_t found = start == std::string_view::npos ? start : text.find(marker, start);
    if (found == std::string_view::npos) throw std::runtime_error("marker not found: " + std::string(marker));
    const std::size_t offset = found + shift;
    int line = 1, column = 1;
    for (std::size_t i = 0; i < offset; ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (c == '\n') {
            ++line;
            column = 1;
        } else if ((c & 0xC0) != 0x80) {
            ++column;
        }
    }
    return std::to_string(line) + ":" + std::to_string(column);
}

std::string fault(const std::string& file, std::string_view text, std::string_view marker, std::size_t shift,
                  const std::string& rest, std::string_view after) {
    return file + ":" + position_of(text, marker, shift, after) + ": " + rest;
}

std::string source_file(const std::string& relative) {
    return read_all(std::string(PILOTDECK_SOURCE_DIR) + "/" + relative);
}

std::string workshop_error(const std::string& text) {
    return error_of([&] { documents::parse_workshop(text, "ws.json"); });
}

std::string at(const std::string& text, const std::string& marker, std::size_t shift, const std::string& rest,
               const std::string& after) {
    return fault("ws.json", text, marker, shift, rest, after);
}

}  // namespace pilotdeck::test
