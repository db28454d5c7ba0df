// The follow-up fields of an idea in workshop documents (contracts 12, version 2): `status`,
// `status_history` and `measures`. Internal to app/documents; workshop_document.cpp calls it.
#pragma once

#include <array>
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "core/model.hpp"
#include "documents/json_reader.hpp"
#include "documents/json_writer.hpp"
#include "documents/schema.hpp"

namespace pilotdeck::documents::followup {

// Optional members of an idea object.
inline constexpr std::array<std::string_view, 3> kIdeaKeys{"status", "status_history", "measures"};
bool is_idea_key(std::string_view key);

// Reads the follow-up members of ideas and, once the whole document is read (the workshop's date
// may come after the ideas), checks the dates of measure values against it.
class Reader {
public:
    // The reader is on the value of member `key` (one of kIdeaKeys) of idea number `idea_index`.
    void read(JsonReader& r, std::string_view key, core::Idea& idea, std::size_t idea_index);
    // A value dated before the workshop (core::earliest_value_date) fails at its date.
    void check_dates(const JsonReader& r, const core::Workshop& ws) const;

private:
    core::StatusChange read_change(JsonReader& r);
    core::Measure read_measure(JsonReader& r, schema::IdIndex& ids, std::size_t idea_index);
    struct DatedValue {
        std::size_t idea = 0, offset = 0;
        std::string path, date;
    };
    std::vector<DatedValue> values_;
};

// Writes the members after the idea's other fields, each only when the idea has it: `status`
// (absent means proposed), `status_history` and `measures` (when not empty).
void write_idea_fields(JsonWriter& w, const core::Idea& idea);
void write_history(JsonWriter& w, const std::vector<core::StatusChange>& history);
void write_measures(JsonWriter& w, const std::vector<core::Measure>& measures);

}  // namespace pilotdeck::documents::followup
