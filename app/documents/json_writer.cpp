#include "documents/json_writer.hpp"

#include <charconv>
#include <cmath>
#include <stdexcept>

#include "documents/json_reader.hpp"

namespace pilotdeck::documents {

std::string format_double(double d) {
    if (!std::isfinite(d)) throw std::invalid_argument("a JSON document cannot hold the number " + std::to_string(d));
    char buf[32];
    const auto [end, ec] = std::to_chars(buf, buf + sizeof buf, d);  // shortest round-trip form
    return std::string(buf, end);
}

JsonWriter::JsonWriter(std::size_t reserve, Style style) : compact_(style == Style::Compact) { out_.reserve(reserve); }

void JsonWriter::newline_indent() {
    out_ += '\n';
    out_.append(2 * stack_.size(), ' ');
}

void JsonWriter::before_value() {
    if (after_key_) {
        after_key_ = false;
        return;
    }
    if (stack_.empty()) return;
    Open& top = stack_.back();
    if (!top.empty) out_ += top.inline_layout && !compact_ ? ", " : ",";
    if (!top.inline_layout && !compact_) newline_indent();
    top.empty = false;
}

void JsonWriter::open(char c, Layout layout) {
    before_value();
    const bool parent_inline = !stack_.empty() && stack_.back().inline_layout;
    out_ += c;
    stack_.push_back(Open{layout == Layout::Inline || parent_inline, true});
}

void JsonWriter::close(char c) {
    if (stack_.empty()) throw std::logic_error("JsonWriter: closing a container that is not open");
    const Open top = stack_.back();
    stack_.pop_back();
    if (!top.empty && !top.inline_layout && !compact_) newline_indent();
    out_ += c;
}

JsonWriter& JsonWriter::begin_object(Layout layout) {
    open('{', layout);
    return *this;
}

JsonWriter& JsonWriter::end_object() {
    close('}');
    return *this;
}

JsonWriter& JsonWriter::begin_array(Layout layout) {
    open('[', layout);
    return *this;
}

JsonWriter& JsonWriter::end_array() {
    close(']');
    return *this;
}

JsonWriter& JsonWriter::key(std::string_view k) {
    before_value();
    write_string(k);
    out_ += compact_ ? ":" : ": ";
    after_key_ = true;
    return *this;
}

// Only '"', '\' and control characters are escaped; text that is not valid UTF-8 gets U+FFFD
// for each bad byte, so that every document written can be read back.
void JsonWriter::write_string(std::string_view s) {
    static constexpr char kHex[] = "0123456789abcdef";
    out_ += '"';
    std::size_t i = 0;
    while (i < s.size()) {
        const auto c = static_cast<unsigned char>(s[i]);
        if (c == '"' || c == '\\') {
            out_ += '\\';
            out_ += static_cast<char>(c);
        } else if (c == '\n') {
            out_ += "\\n";
        } else if (c == '\t') {
            out_ += "\\t";
        } else if (c == '\r') {
            out_ += "\\r";
        } else if (c < 0x20) {
            out_ += "\\u00";
            out_ += kHex[c >> 4];
            out_ += kHex[c & 0xF];
        } else if (c >= 0x80) {
            const std::size_t len = utf8_sequence_length(s, i);
            if (len == 0) {
                out_ += "\xEF\xBF\xBD";
                ++i;
                continue;
            }
            out_.append(s.substr(i, len));
            i += len;
            continue;
        } else {
            out_ += static_cast<char>(c);
        }
        ++i;
    }
    out_ += '"';
}

JsonWriter& JsonWriter::value(std::string_view s) {
    before_value();
    write_string(s);
    return *this;
}

JsonWriter& JsonWriter::value(std::int64_t n) {
    before_value();
    char buf[24];
    const auto [end, ec] = std::to_chars(buf, buf + sizeof buf, n);
    out_.append(buf, end);
    return *this;
}

JsonWriter& JsonWriter::value(double d) {
    before_value();
    out_ += format_double(d);
    return *this;
}

JsonWriter& JsonWriter::value(bool b) {
    before_value();
    out_ += b ? "true" : "false";
    return *this;
}

JsonWriter& JsonWriter::null() {
    before_value();
    out_ += "null";
    return *this;
}

std::string JsonWriter::finish() {
    if (!stack_.empty()) throw std::logic_error("JsonWriter: a container is still open");
    out_ += '\n';
    return std::move(out_);
}

}  // namespace pilotdeck::documents
