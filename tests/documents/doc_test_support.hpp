// Helpers for the document tests: catching the one-line error, editing fixture text, and
// finding where in a text a fault should be reported.
#pragma once

#include <string>
#include <string_view>

namespace pilotdeck::test {

// The what() of the exception `f` throws, or "(no error)".
template <class F>
std::string error_of(F&& f) {
    try {
        f();
    } catch (const std::exception& e) {
        return e.what();
    }
    return "(no error)";
}

// `text` with the first occurrence of `from` (at or after the first `after`, when given)
// replaced by `to`; throws when `from` is absent, so that a fixture edit that no longer
// applies fails the test instead of passing silently.
std::string replace_once(std::string text, std::string_view from, std::string_view to, std::string_view after = {});

// "LINE:COLUMN" (1-based; the column counts UTF-8 characters) of the byte `shift` bytes after
// the first occurrence of `marker` at or after the first occurrence of `after` (when given).
std::string position_of(std::string_view text, std::string_view marker, std::size_t shift = 0,
                        std::string_view after = {});

// "FILE:LINE:COLUMN: rest", the message expected for a fault at position_of(text, marker, ...).
std::string fault(const std::string& file, std::string_view text, std::string_view marker, std::size_t shift,
                  const std::string& rest, std::string_view after = {});

// The one-line error parse_workshop gives for `text` read as "ws.json", or "(no error)".
std::string workshop_error(const std::string& text);
// The message expected from workshop_error for a fault at `marker` (+ `shift` bytes, after
// `after`): "ws.json:LINE:COLUMN: rest".
std::string at(const std::string& text, const std::string& marker, std::size_t shift, const std::string& rest,
               const std::string& after = {});

// A shipped file, read whole (PILOTDECK_SOURCE_DIR relative path).
std::string source_file(const std::string& relative);

}  // namespace pilotdeck::test
