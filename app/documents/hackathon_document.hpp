// The hackathon parts of templates and workshop documents (contracts 6): mode, teams, pitching,
// judging, comparisons, awards, audience votes. Internal to app/documents; called from
// template.cpp and workshop_document.cpp.
#pragma once

#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

#include "core/model.hpp"
#include "documents/json_reader.hpp"
#include "documents/json_writer.hpp"
#include "documents/schema.hpp"

namespace pilotdeck::documents::hackathon {

// The optional top-level fields this part reads, for the callers' field lists.
inline constexpr schema::Field kWorkshopFields[] = {{"mode", false},        {"teams", false},  {"pitching", false},
                                                    {"judging", false},     {"comparisons", false},
                                                    {"awards", false},      {"audience_votes", false}};
inline constexpr schema::Field kTemplateFields[] = {
    {"mode", false}, {"pitching", false}, {"judging", false}, {"awards", false}};

// Where each element was written, for errors found once the whole document is known.
struct Offsets {
    std::vector<std::size_t> teams, comparisons, awards, votes;
};

// Reads the value of top-level member `key` into `ws`; false when `key` is not one of
// kWorkshopFields (nothing read then).
bool read_workshop_field(JsonReader& r, std::string_view key, core::Workshop& ws, Offsets& at);
bool read_template_field(JsonReader& r, std::string_view key, core::Template& t, Offsets& at);

// After the whole document is read: every reference resolves, each idea has at most one team,
// no team is compared with itself, no recused judge's comparison or (jury) score, no audience
// vote for one's own team, awards name known criteria. `score_offsets[i]`: where scores[i] starts.
void check_workshop(const JsonReader& r, const core::Workshop& ws, const Offsets& at,
                    std::span<const std::uint32_t> score_offsets);
void check_template(const JsonReader& r, const core::Template& t, const Offsets& at);

// "mode" (always) and, for a hackathon or a workshop with any hackathon data, the rest.
void write_mode(JsonWriter& w, const core::Workshop& ws);
void write_workshop_parts(JsonWriter& w, const core::Workshop& ws);

}  // namespace pilotdeck::documents::hackathon
