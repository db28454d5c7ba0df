// A streaming JSON writer into a string: 2-space indentation, UTF-8 written as is.
//
// Containers are either laid out one member per line, or Inline (`{"a": 1, "b": 2}` on one
// line, used for score rows). Doubles are written in their shortest form that reads back to
// the same value (2.0 -> `2`, 4.17 -> `4.17`), so writing what was read gives the same bytes.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace pilotdeck::documents {

class JsonWriter {
public:
    enum class Layout { Lines, Inline };

    // Compact: no indentation, no line breaks and no spaces after ':' and ',' (for very large
    // documents); Pretty: the readable layout described above.
    enum class Style { Pretty, Compact };

    explicit JsonWriter(std::size_t reserve = 0, Style style = Style::Pretty);

    JsonWriter& begin_object(Layout layout = Layout::Lines);
    JsonWriter& end_object();
    JsonWriter& begin_array(Layout layout = Layout::Lines);
    JsonWriter& end_array();
    JsonWriter& key(std::string_view k);

    JsonWriter& value(std::string_view s);
    JsonWriter& value(const char* s) { return value(std::string_view(s)); }
    JsonWriter& value(const std::string& s) { return value(std::string_view(s)); }
    JsonWriter& value(std::int64_t n);
    JsonWriter& value(int n) { return value(static_cast<std::int64_t>(n)); }
    JsonWriter& value(double d);
    JsonWriter& value(bool b);
    JsonWriter& null();

    // Shorthand for key(k).value(v).
    template <class T>
    JsonWriter& field(std::string_view k, const T& v) {
        key(k);
        return value(v);
    }

    // The document, with a final newline. All containers must be closed.
    std::string finish();

private:
    struct Open {
        bool inline_layout = false;
        bool empty = true;
    };
    void before_value();
    void newline_indent();
    void open(char c, Layout layout);
    void close(char c);
    void write_string(std::string_view s);

    std::string out_;
    std::vector<Open> stack_;
    bool after_key_ = false;
    bool compact_ = false;
};

// Shortest text that reads back as the same double ("2", "4.17", "1e+100").
std::string format_double(double d);

}  // namespace pilotdeck::documents
