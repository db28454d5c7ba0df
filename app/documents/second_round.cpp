#include "documents/second_round.hpp"

#include <string_view>

#include "base/i18n.hpp"
#include "core/screening.hpp"
#include "documents/schema.hpp"

namespace pilotdeck::documents::second_round {

namespace {

std::string quoted(std::string_view s) { return "\"" + std::string(s) + "\""; }

constexpr schema::Field kGateFields[] = {{"high_risk", false}, {"unassessed", false}};

bool read_gate(JsonReader& r, std::string_view allow, std::string_view deny) {
    const std::string_view v = r.string_view();
    if (v == allow) return true;
    if (v == deny) return false;
    r.fail("must be " + quoted(deny) + " or " + quoted(allow) + ", found " + quoted(v));
}

}  // namespace

std::optional<core::Assessment> read_assessment(JsonReader& r) {
    if (r.null()) return std::nullopt;
    core::Assessment a;
    r.object([&](std::string_view key) {
        if (key == "notes") {
            a.notes = r.string();
            return;
        }
        if (!core::is_screening_question(key))
            r.fail_at(r.key_offset(), r.path(),
                      "unknown screening question " + quoted(key) +
                          " (the questions are P1-P8, H1-H8, E, F, T1-T4, D1-D9, S and A)");
        if (r.null()) return;  // not answered
        const std::size_t at = r.value_offset();
        const std::string_view rest = r.text().substr(at);
        if (!rest.starts_with("true") && !rest.starts_with("false"))
            r.fail(i18n::tr("must be true, false or null (not answered)"));
        a.answers.set(key, r.boolean());
    });
    return a;
}

void write_assessment(JsonWriter& w, const std::optional<core::Assessment>& a) {
    if (!a) return;  // never screened: no field (as in version 1)
    w.key("assessment").begin_object(JsonWriter::Layout::Inline);
    for (std::string_view q : core::screening_questions()) {
        w.key(q);
        if (const std::optional<bool> answer = a->answers.get(q)) w.value(*answer);
        else w.null();
    }
    w.field("notes", a->notes).end_object();
}

void read_gates(JsonReader& r, core::SelectionRules& rules) {
    schema::read_fields(r, kGateFields, [&](std::string_view key) {
        if (key == "high_risk") rules.allow_high_risk = read_gate(r, "allow", "exclude");
        else if (key == "unassessed") rules.allow_unassessed = read_gate(r, "allow", "exclude");
    });
}

void write_gates(JsonWriter& w, const core::SelectionRules& rules) {
    w.key("gates").begin_object(JsonWriter::Layout::Inline);
    w.field("high_risk", rules.allow_high_risk ? "allow" : "exclude");
    w.field("unassessed", rules.allow_unassessed ? "allow" : "exclude").end_object();
}

core::RevoteRound read_revote(JsonReader& r, std::vector<std::size_t>& cell_offsets) {
    static constexpr schema::Field kRevoteFields[] = {{"round"}, {"cells"}};
    static constexpr schema::Field kCellFields[] = {{"idea"}, {"criterion"}};
    core::RevoteRound round;
    schema::read_fields(r, kRevoteFields, [&](std::string_view key) {
        if (key == "round") round.round = static_cast<int>(r.integer(2, kMaxRound));
        else if (key == "cells") {
            const std::size_t at = r.array([&](std::size_t) {
                core::RevoteCell& cell = round.cells.emplace_back();
                cell_offsets.push_back(schema::read_fields(r, kCellFields, [&](std::string_view k) {
                    if (k == "idea") cell.idea = schema::read_id(r);
                    else if (k == "criterion") cell.criterion = schema::read_id(r);
                }));
            });
            if (round.cells.empty()) r.fail_at(at, r.path(), i18n::tr("a re-vote round needs at least one cell"));
        }
    });
    return round;
}

void write_revote(JsonWriter& w, const std::optional<core::RevoteRound>& revote) {
    if (!revote) return;  // no round open: no field
    w.key("revote").begin_object().field("round", revote->round).key("cells").begin_array();
    for (const core::RevoteCell& c : revote->cells)
        w.begin_object(JsonWriter::Layout::Inline).field("idea", c.idea).field("criterion", c.criterion).end_object();
    w.end_array().end_object();
}

int read_round(JsonReader& r) { return static_cast<int>(r.integer(1, kMaxRound)); }

std::string read_reason(JsonReader& r) {
    std::string reason = r.string();
    if (const std::size_t chars = utf8_length(reason); chars > kMaxReasonChars)
        r.fail("a reason is one line of at most " + std::to_string(kMaxReasonChars) + " characters, found " +
               std::to_string(chars));
    if (reason.find_first_of("\r\n") != std::string::npos) r.fail(i18n::tr("a reason is one line (no line breaks)"));
    return reason;
}

}  // namespace pilotdeck::documents::second_round
