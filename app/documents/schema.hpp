// Reading the parts that templates and workshop documents share (contracts.md sections 2 and 3).
// Internal to app/documents.
#pragma once

#include <cstdint>
#include <functional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/model.hpp"
#include "documents/json_reader.hpp"

namespace pilotdeck::documents::schema {

struct Field {
    std::string_view name;
    bool required = true;
};

// The first unknown key in an object, reported with a hint when it looks like a typo.
[[noreturn]] void unknown_field(JsonReader& r, std::string_view key, std::span<const Field> fields);

// Reads an object whose keys must all be in `fields`; on_field(key) reads each value. A missing
// required field is reported at the object's start. Returns the object's offset.
template <class OnField>
std::size_t read_fields(JsonReader& r, std::span<const Field> fields, OnField&& on_field) {
    std::uint64_t seen = 0;  // bit i: fields[i] was present (objects have well under 64 fields)
    const std::size_t start = r.object([&](std::string_view key) {
        std::size_t i = 0;
        while (i < fields.size() && fields[i].name != key) ++i;
        if (i == fields.size()) unknown_field(r, key, fields);
        seen |= std::uint64_t{1} << i;
        on_field(key);
    });
    for (std::size_t i = 0; i < fields.size(); ++i)
        if (fields[i].required && !(seen & (std::uint64_t{1} << i)))
            r.fail("missing field \"" + std::string(fields[i].name) + "\"");
    return start;
}

struct StringHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};

// The ids of one list: valid, unique, and where each was written (for "first at line N").
class IdIndex {
public:
    // Reads the id value at the reader, checks it and records it as the next element's id.
    std::string read(JsonReader& r);
    // Index of the element with this id, or -1.
    std::ptrdiff_t find(std::string_view id) const;
    std::size_t size() const { return offsets_.size(); }

private:
    std::unordered_map<std::string, std::size_t, StringHash, std::equal_to<>> index_;
    std::vector<std::size_t> offsets_;
};

// An id (core::is_valid_id) that need not be unique, e.g. a reference.
std::string read_id(JsonReader& r);

void read_format(JsonReader& r, std::string_view expected);
// 1..newest (workshop documents: 2, contracts.md second round; templates: 1).
void read_version(JsonReader& r, std::int64_t newest = 1);
std::string read_language(JsonReader& r);
std::string read_date(JsonReader& r);
std::string read_template_id(JsonReader& r, bool allow_empty);

std::vector<core::Stage> read_stages(JsonReader& r);
std::vector<core::Concern> read_concerns(JsonReader& r, bool with_count);
// `min_levels`: how many level texts each criterion must have.
std::vector<core::Criterion> read_criteria(JsonReader& r, std::size_t min_levels, IdIndex& ids);
core::SelectionRules read_selection(JsonReader& r);

// Parses a whole document with `read_body`; when it fails, a wrong format or a newer version
// explains the fault best, so those are looked for first wherever they are in the file.
void parse_document(std::string_view text, const std::string& name, std::string_view format,
                    const std::function<void(JsonReader&)>& read_body);

}  // namespace pilotdeck::documents::schema
