// A pull reader over JSON text held in memory: no DOM, positions and paths for every fault.
//
// The schema code walks the document with object()/array() callbacks and typed reads; each
// fault throws DocumentError "FILE:LINE:COLUMN: PATH: message". Lines and columns are 1-based;
// the column counts UTF-8 characters (not bytes) from the start of the line. The path looks
// like `criteria[2].weight`; at the top level it is `(document)`.
#pragma once

#include <cstddef>
#include <cstdint>
#include <deque>
#include <string>
#include <string_view>
#include <unordered_set>
#include <utility>
#include <vector>

#include "base/i18n.hpp"
#include "base/text.hpp"
#include "documents/documents.hpp"

namespace pilotdeck::documents {

// Length of the valid UTF-8 sequence starting at text[i], or 0 when it is not valid UTF-8
// (overlong forms, surrogates and code points above U+10FFFF are invalid).
std::size_t utf8_sequence_length(std::string_view text, std::size_t i);

// Number of characters (code points) in valid UTF-8 text (the base library's).
using base::utf8_length;

class JsonReader {
public:
    // `name` is the file name for messages. A leading byte-order mark is skipped; offsets count
    // from after it.
    JsonReader(std::string_view text, std::string name);
    JsonReader(const char* text, std::string name) : JsonReader(std::string_view(text), std::move(name)) {}
    JsonReader(std::string&& text, std::string name) = delete;  // the text must outlive the reader

    // Reads an object; calls on_member(key) for each member with the reader positioned on the
    // member's value, which the callback reads (a value it leaves unread is skipped).
    // Duplicate keys are refused. Returns the offset where the object starts.
    template <class OnMember>
    std::size_t object(OnMember&& on_member);

    // Reads an array; calls on_element(index) with the reader positioned on each element.
    template <class OnElement>
    std::size_t array(OnElement&& on_element);

    std::string string();
    std::string_view string_view();  // valid until the next read
    std::int64_t integer(std::int64_t min, std::int64_t max);  // whole numbers within [min, max]
    double number();                                           // any finite number
    bool boolean();
    bool null();  // true, and consumed, when the next value is null
    void skip();  // any one value
    void finish();  // only white space may follow the document

    // Offset where the most recently started value begins (after it is read, that value's start).
    std::size_t value_offset() const { return value_start_; }
    // Offset of the key of the member being read.
    std::size_t key_offset() const;
    std::string path() const;
    const std::string& name() const { return name_; }
    std::string_view text() const { return text_; }
    int line_of(std::size_t offset) const;

    // The value just read (or being read) is wrong: the fault is reported at its start.
    [[noreturn]] void fail(const std::string& message) const;
    [[noreturn]] void fail_at(std::size_t offset, const std::string& path, const std::string& message) const;

private:
    struct Segment {
        std::string_view key;  // empty for array elements
        std::size_t index = 0;
        std::size_t key_offset = 0;
        bool is_key = false;
    };
    // Keys already seen in one open object, to refuse duplicates.
    struct KeyFrame {
        std::vector<std::string_view> keys;
        std::unordered_set<std::string_view> set;  // used once an object has many keys
        std::deque<std::string> owned;             // keys that had escapes, decoded
        void clear();
        bool insert(std::string_view key);  // false when already present
    };

    std::size_t begin_container(char open, const char* expected);
    void end_container(std::size_t start);
    bool close_if(char close);
    std::string_view member_key();
    bool next_member(char close, const char* after);
    void end_value(std::size_t value_pos);

    void skip_space();
    char peek_value();  // skips white space, records the value start, returns its first byte
    [[noreturn]] void syntax_error(const std::string& message) const;
    [[noreturn]] void type_error(const char* expected) const;
    std::string found_here() const;
    std::string_view read_string_token();
    void decode_escape(std::size_t& i);  // appends to buffer_
    unsigned read_hex4();
    std::string_view number_token();
    void expect_word(std::string_view word);

    std::string_view text_;
    std::string name_;
    std::size_t pos_ = 0;
    std::size_t value_start_ = 0;
    int depth_ = 0;
    std::vector<Segment> path_;
    std::vector<KeyFrame> frames_;
    std::string buffer_;  // decoded string values with escapes
};

// ---- templates ------------------------------------------------------------------------------

template <class OnMember>
std::size_t JsonReader::object(OnMember&& on_member) {
    const std::size_t start = begin_container('{', i18n::N_("an object"));
    if (!close_if('}')) {
        do {
            const std::string_view key = member_key();
            const std::size_t value_pos = pos_;
            on_member(key);
            end_value(value_pos);
        } while (next_member('}', i18n::N_("an object member")));
    }
    end_container(start);
    return start;
}

template <class OnElement>
std::size_t JsonReader::array(OnElement&& on_element) {
    const std::size_t start = begin_container('[', i18n::N_("an array"));
    if (!close_if(']')) {
        std::size_t index = 0;
        do {
            path_.push_back(Segment{{}, index, 0, false});
            skip_space();
            const std::size_t value_pos = pos_;
            on_element(index);
            end_value(value_pos);
            ++index;
        } while (next_member(']', i18n::N_("an array element")));
    }
    end_container(start);
    return start;
}

}  // namespace pilotdeck::documents
