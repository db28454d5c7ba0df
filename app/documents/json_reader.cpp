#include "documents/json_reader.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <limits>

namespace pilotdeck::documents {
namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

bool in_range(unsigned char c, unsigned char lo, unsigned char hi) { return c >= lo && c <= hi; }

// Keys that read well after a dot in a path; anything else is written ["key"].
bool is_plain_key(std::string_view key) {
    if (key.empty() || is_digit(key[0])) return false;
    return std::all_of(key.begin(), key.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || is_digit(c) || c == '_' || c == '-';
    });
}

void append_utf8(std::string& out, unsigned cp) {
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

std::string hex_byte(unsigned char c) {
    char buf[8];
    std::snprintf(buf, sizeof buf, "0x%02X", static_cast<unsigned>(c));
    return buf;
}

std::string range_message(std::int64_t min, std::int64_t max, std::string_view token) {
    constexpr auto lowest = std::numeric_limits<std::int64_t>::min();
    constexpr auto highest = std::numeric_limits<std::int64_t>::max();
    if (min == lowest && max == highest) return i18n::format(i18n::tr("number {0} is out of range"), {token});
    if (max == highest)
        return i18n::format(i18n::tr("must be a whole number of at least {0}, found {1}"), {std::to_string(min), token});
    return i18n::format(i18n::tr("must be a whole number from {0} to {1}, found {2}"),
                        {std::to_string(min), std::to_string(max), token});
}

}  // namespace

std::size_t utf8_sequence_length(std::string_view text, std::size_t i) {
    const auto at = [&](std::size_t k) -> unsigned char {
        return i + k < text.size() ? static_cast<unsigned char>(text[i + k]) : 0;
    };
    const unsigned char c = at(0);
    if (c < 0x80) return 1;
    if (in_range(c, 0xC2, 0xDF)) return in_range(at(1), 0x80, 0xBF) ? 2 : 0;
    if (in_range(c, 0xE0, 0xEF)) {
        // E0 needs A0..BF (no overlongs), ED needs 80..9F (no UTF-16 surrogates).
        const unsigned char lo = c == 0xE0 ? 0xA0 : 0x80;
        const unsigned char hi = c == 0xED ? 0x9F : 0xBF;
        return in_range(at(1), lo, hi) && in_range(at(2), 0x80, 0xBF) ? 3 : 0;
    }
    if (in_range(c, 0xF0, 0xF4)) {
        // F0 needs 90..BF (no overlongs), F4 needs 80..8F (nothing above U+10FFFF).
        const unsigned char lo = c == 0xF0 ? 0x90 : 0x80;
        const unsigned char hi = c == 0xF4 ? 0x8F : 0xBF;
        return in_range(at(1), lo, hi) && in_range(at(2), 0x80, 0xBF) && in_range(at(3), 0x80, 0xBF) ? 4 : 0;
    }
    return 0;
}

// ---- KeyFrame -------------------------------------------------------------------------------

void JsonReader::KeyFrame::clear() {
    keys.clear();
    if (!set.empty()) set.clear();
    if (!owned.empty()) owned.clear();
}

bool JsonReader::KeyFrame::insert(std::string_view key) {
    constexpr std::size_t kLinearLimit = 16;  // small objects: a linear scan beats hashing
    if (set.empty()) {
        if (std::find(keys.begin(), keys.end(), key) != keys.end()) return false;
        keys.push_back(key);
        if (keys.size() > kLinearLimit) set.insert(keys.begin(), keys.end());
        return true;
    }
    return set.insert(key).second;
}

// ---- construction, positions and faults -------------------------------------------------------

JsonReader::JsonReader(std::string_view text, std::string name) : text_(text), name_(std::move(name)) {
    if (text_.substr(0, 3) == "\xEF\xBB\xBF") text_.remove_prefix(3);
    frames_.resize(kMaxDepth + 1);
}

int JsonReader::line_of(std::size_t offset) const {
    offset = std::min(offset, text_.size());
    return 1 + static_cast<int>(std::count(text_.begin(), text_.begin() + static_cast<std::ptrdiff_t>(offset), '\n'));
}

std::size_t JsonReader::key_offset() const {
    for (auto it = path_.rbegin(); it != path_.rend(); ++it)
        if (it->is_key) return it->key_offset;
    return 0;
}

std::string JsonReader::path() const {
    if (path_.empty()) return "(document)";
    std::string out;
    for (const Segment& s : path_) {
        if (!s.is_key) {
            out += '[' + std::to_string(s.index) + ']';
        } else if (is_plain_key(s.key)) {
            if (!out.empty()) out += '.';
            out += s.key;
        } else {
            out += "[\"" + std::string(s.key) + "\"]";
        }
    }
    return out;
}

void JsonReader::fail(const std::string& message) const { fail_at(value_start_, path(), message); }

void JsonReader::fail_at(std::size_t offset, const std::string& path, const std::string& message) const {
    offset = std::min(offset, text_.size());
    const std::size_t line_start = text_.rfind('\n', offset == 0 ? 0 : offset - 1);
    const std::size_t from = (line_start == std::string_view::npos || offset == 0) ? 0 : line_start + 1;
    const int column = 1 + static_cast<int>(utf8_length(text_.substr(from, offset - from)));
    throw DocumentError(name_, line_of(offset), column, path, message);
}

void JsonReader::syntax_error(const std::string& message) const { fail_at(pos_, path(), message); }

std::string JsonReader::found_here() const {
    if (pos_ >= text_.size()) return i18n::tr("the end of the document");
    const char c = text_[pos_];
    const std::string_view rest = text_.substr(pos_);
    switch (c) {
        case '"': return i18n::tr("a string");
        case '{': return i18n::tr("an object");
        case '[': return i18n::tr("an array");
        default: break;
    }
    if (c == '-' || is_digit(c)) return i18n::tr("a number");
    for (std::string_view word : {"true", "false", "null"})
        if (rest.substr(0, word.size()) == word) return std::string(word);
    const auto byte = static_cast<unsigned char>(c);
    if (byte >= 0x20 && byte < 0x7F) return std::string("'") + c + "'";
    const std::size_t len = utf8_sequence_length(text_, pos_);
    if (byte >= 0x80 && len > 0) return "'" + std::string(rest.substr(0, len)) + "'";
    return i18n::format(byte >= 0x80 ? i18n::tr("invalid UTF-8 (byte {0})") : i18n::tr("byte {0}"), {hex_byte(byte)});
}

void JsonReader::type_error(const char* expected) const {
    syntax_error(i18n::format(i18n::tr("expected {0}, found {1}"), {i18n::tr(expected), found_here()}));
}

// ---- structure --------------------------------------------------------------------------------

void JsonReader::skip_space() {
    while (pos_ < text_.size()) {
        const char c = text_[pos_];
        if (c != ' ' && c != '\n' && c != '\r' && c != '\t') return;
        ++pos_;
    }
}

char JsonReader::peek_value() {
    skip_space();
    value_start_ = pos_;
    return pos_ < text_.size() ? text_[pos_] : '\0';
}

std::size_t JsonReader::begin_container(char open, const char* expected) {
    if (peek_value() != open || pos_ >= text_.size()) type_error(expected);
    if (depth_ >= kMaxDepth) syntax_error(i18n::format(i18n::tr("nesting is deeper than {0} levels"), {std::to_string(kMaxDepth)}));
    ++depth_;
    if (open == '{') frames_[static_cast<std::size_t>(depth_)].clear();
    ++pos_;
    return value_start_;
}

void JsonReader::end_container(std::size_t start) {
    --depth_;
    value_start_ = start;
}

bool JsonReader::close_if(char close) {
    skip_space();
    if (pos_ < text_.size() && text_[pos_] == close) {
        ++pos_;
        return true;
    }
    return false;
}

bool JsonReader::next_member(char close, const char* after) {
    skip_space();
    if (pos_ < text_.size() && text_[pos_] == ',') {
        ++pos_;
        return true;
    }
    if (pos_ < text_.size() && text_[pos_] == close) {
        ++pos_;
        return false;
    }
    syntax_error(i18n::format(i18n::tr("expected ',' or '{0}' after {1}, found {2}"),
                              {std::string_view(&close, 1), i18n::tr(after), found_here()}));
}

std::string_view JsonReader::member_key() {
    skip_space();
    if (pos_ >= text_.size() || text_[pos_] != '"')
        syntax_error(i18n::format(i18n::tr("expected a field name in double quotes, found {0}"), {found_here()}));
    const std::size_t key_pos = pos_;
    std::string_view key = read_string_token();
    KeyFrame& frame = frames_[static_cast<std::size_t>(depth_)];
    if (key.data() == buffer_.data()) key = frame.owned.emplace_back(key);  // had escapes: keep a copy
    if (!frame.insert(key)) fail_at(key_pos, path(), i18n::format(i18n::tr("duplicate field \"{0}\""), {key}));
    path_.push_back(Segment{key, 0, key_pos, true});
    skip_space();
    if (pos_ >= text_.size() || text_[pos_] != ':')
        syntax_error(i18n::format(i18n::tr("expected ':' after the field name, found {0}"), {found_here()}));
    ++pos_;
    skip_space();
    return key;
}

void JsonReader::end_value(std::size_t value_pos) {
    if (pos_ == value_pos) skip();  // the callback did not want this value
    path_.pop_back();
}

// ---- scalars ----------------------------------------------------------------------------------

std::string_view JsonReader::read_string_token() {
    const std::size_t open = pos_;
    std::size_t i = pos_ + 1;
    std::size_t run = i;  // start of the bytes not yet copied to buffer_ (when decoding)
    bool decoding = false;
    for (;;) {
        if (i >= text_.size()) fail_at(open, path(), i18n::tr("this string is never closed"));
        const auto c = static_cast<unsigned char>(text_[i]);
        if (c == '"') break;
        if (c == '\\') {
            if (!decoding) buffer_.clear();
            decoding = true;
            buffer_.append(text_.substr(run, i - run));
            decode_escape(i);
            run = i;
        } else if (c < 0x20) {
            char code[8];
            std::snprintf(code, sizeof code, "U+%04X", static_cast<unsigned>(c));
            fail_at(i, path(), i18n::format(i18n::tr("control character {0} in a string (write it as an escape)"), {code}));
        } else if (c < 0x80) {
            ++i;
        } else {
            const std::size_t len = utf8_sequence_length(text_, i);
            if (len == 0) fail_at(i, path(), i18n::format(i18n::tr("invalid UTF-8 in a string (byte {0})"), {hex_byte(c)}));
            i += len;
        }
    }
    pos_ = i + 1;
    if (!decoding) return text_.substr(open + 1, i - open - 1);
    buffer_.append(text_.substr(run, i - run));
    return buffer_;
}

unsigned JsonReader::read_hex4() {
    unsigned value = 0;
    for (int k = 0; k < 4; ++k) {
        const char c = pos_ < text_.size() ? text_[pos_] : '\0';
        unsigned digit = 0;
        if (is_digit(c)) digit = static_cast<unsigned>(c - '0');
        else if (c >= 'a' && c <= 'f') digit = static_cast<unsigned>(c - 'a' + 10);
        else if (c >= 'A' && c <= 'F') digit = static_cast<unsigned>(c - 'A' + 10);
        else syntax_error(i18n::tr("invalid \\u escape: expected 4 hexadecimal digits"));
        value = value * 16 + digit;
        ++pos_;
    }
    return value;
}

// text_[i] is a backslash; appends the decoded character to buffer_ and moves i past the escape.
void JsonReader::decode_escape(std::size_t& i) {
    const char c = i + 1 < text_.size() ? text_[i + 1] : '\0';
    switch (c) {
        case '"': buffer_ += '"'; break;
        case '\\': buffer_ += '\\'; break;
        case '/': buffer_ += '/'; break;
        case 'b': buffer_ += '\b'; break;
        case 'f': buffer_ += '\f'; break;
        case 'n': buffer_ += '\n'; break;
        case 'r': buffer_ += '\r'; break;
        case 't': buffer_ += '\t'; break;
        case 'u': {
            const std::size_t saved = pos_;
            pos_ = i + 2;
            unsigned cp = read_hex4();
            const auto lone = [&] {
                char code[8];
                std::snprintf(code, sizeof code, "%04X", cp);
                fail_at(i, path(), i18n::format(i18n::tr("lone surrogate \\u{0} in a string"), {code}));
            };
            if (cp >= 0xDC00 && cp <= 0xDFFF) lone();
            if (cp >= 0xD800 && cp <= 0xDBFF) {
                if (text_.substr(pos_, 2) != "\\u") lone();
                pos_ += 2;
                const unsigned low = read_hex4();
                if (low < 0xDC00 || low > 0xDFFF) lone();
                cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
            }
            append_utf8(buffer_, cp);
            i = pos_;
            pos_ = saved;
            return;
        }
        default: {
            const std::string shown = static_cast<unsigned char>(c) >= 0x20 && static_cast<unsigned char>(c) < 0x7F
                                          ? std::string(1, c)
                                          : hex_byte(static_cast<unsigned char>(c));
            fail_at(i, path(), i18n::format(i18n::tr("invalid escape \\{0} in a string"), {shown}));
        }
    }
    i += 2;
}

std::string_view JsonReader::number_token() {
    const std::size_t start = pos_;
    std::size_t i = pos_;
    const auto digit_at = [&](std::size_t k) { return k < text_.size() && is_digit(text_[k]); };
    const auto bad = [&](const char* why) { fail_at(start, path(), i18n::format(i18n::tr("invalid number: {0}"), {i18n::tr(why)})); };
    if (i < text_.size() && text_[i] == '-') ++i;
    if (!digit_at(i)) bad(i18n::N_("expected a digit"));
    if (text_[i] == '0') {
        ++i;
        if (digit_at(i)) bad(i18n::N_("a number must not start with 0"));
    } else {
        while (digit_at(i)) ++i;
    }
    if (i < text_.size() && text_[i] == '.') {
        ++i;
        if (!digit_at(i)) bad(i18n::N_("expected a digit after '.'"));
        while (digit_at(i)) ++i;
    }
    if (i < text_.size() && (text_[i] == 'e' || text_[i] == 'E')) {
        ++i;
        if (i < text_.size() && (text_[i] == '+' || text_[i] == '-')) ++i;
        if (!digit_at(i)) bad(i18n::N_("expected a digit in the exponent"));
        while (digit_at(i)) ++i;
    }
    pos_ = i;
    return text_.substr(start, i - start);
}

void JsonReader::expect_word(std::string_view word) {
    if (text_.substr(pos_, word.size()) != word) syntax_error(i18n::format(i18n::tr("expected a value, found {0}"), {found_here()}));
    pos_ += word.size();
}

std::string JsonReader::string() { return std::string(string_view()); }

std::string_view JsonReader::string_view() {
    if (peek_value() != '"') type_error(i18n::N_("a string"));
    return read_string_token();
}

std::int64_t JsonReader::integer(std::int64_t min, std::int64_t max) {
    const char c = peek_value();
    if (c != '-' && !is_digit(c)) type_error(i18n::N_("a whole number"));
    const std::string_view token = number_token();
    if (token.find_first_of(".eE") != std::string_view::npos)
        fail(i18n::format(i18n::tr("expected a whole number, found {0}"), {token}));
    std::int64_t value = 0;
    const auto [end, ec] = std::from_chars(token.data(), token.data() + token.size(), value);
    if (ec != std::errc() || value < min || value > max) fail(range_message(min, max, token));
    return value;
}

double JsonReader::number() {
    const char c = peek_value();
    if (c != '-' && !is_digit(c)) type_error(i18n::N_("a number"));
    const std::string_view token = number_token();
    double value = 0;
    const auto [end, ec] = std::from_chars(token.data(), token.data() + token.size(), value);
    if (ec != std::errc() || !std::isfinite(value)) fail(i18n::format(i18n::tr("number {0} is out of range"), {token}));
    return value;
}

bool JsonReader::boolean() {
    const char c = peek_value();
    if (c == 't' && text_.substr(pos_, 4) == "true") {
        pos_ += 4;
        return true;
    }
    if (c == 'f' && text_.substr(pos_, 5) == "false") {
        pos_ += 5;
        return false;
    }
    type_error(i18n::N_("true or false"));
}

bool JsonReader::null() {
    if (peek_value() != 'n') return false;
    expect_word("null");
    return true;
}

void JsonReader::skip() {
    const char c = peek_value();
    if (pos_ >= text_.size()) syntax_error(i18n::format(i18n::tr("expected a value, found {0}"), {found_here()}));
    switch (c) {
        case '{': object([](std::string_view) {}); return;
        case '[': array([](std::size_t) {}); return;
        case '"': read_string_token(); return;
        case 't': expect_word("true"); return;
        case 'f': expect_word("false"); return;
        case 'n': expect_word("null"); return;
        default: break;
    }
    if (c == '-' || is_digit(c)) {
        number();
        return;
    }
    syntax_error(i18n::format(i18n::tr("expected a value, found {0}"), {found_here()}));
}

void JsonReader::finish() {
    skip_space();
    if (pos_ < text_.size()) syntax_error(i18n::format(i18n::tr("unexpected text after the end of the document: {0}"), {found_here()}));
}

}  // namespace pilotdeck::documents
