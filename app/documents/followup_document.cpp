#include "documents/followup_document.hpp"

#include <algorithm>

#include "base/i18n.hpp"
#include "core/followup.hpp"

namespace pilotdeck::documents::followup {
namespace {

using schema::Field;

constexpr Field kChangeFields[] = {{"status"}, {"date"}, {"reason", false}, {"users_say", false}};
constexpr Field kMeasureFields[] = {{"id"},        {"label"}, {"unit", false}, {"baseline"},
                                    {"target"},    {"direction"}, {"values", false}};
constexpr Field kValueFields[] = {{"date"}, {"value"}};

std::string quoted(std::string_view s) { return "\"" + std::string(s) + "\""; }

core::IdeaStatus read_status(JsonReader& r) {
    const std::string_view s = r.string_view();
    const auto parsed = core::idea_status_from(s);
    if (!parsed) r.fail(i18n::format(i18n::tr("must be proposed, pilot, scaled, adjusted or stopped, found {0}"), {quoted(s)}));
    return *parsed;
}

std::string read_required_date(JsonReader& r) {
    std::string date = schema::read_date(r);
    if (date.empty()) r.fail(i18n::tr("must be a real date written YYYY-MM-DD"));
    return date;
}

}  // namespace

bool is_idea_key(std::string_view key) { return std::find(kIdeaKeys.begin(), kIdeaKeys.end(), key) != kIdeaKeys.end(); }

void Reader::read(JsonReader& r, std::string_view key, core::Idea& idea, std::size_t idea_index) {
    if (key == "status") {
        idea.status = read_status(r);
    } else if (key == "status_history") {
        r.array([&](std::size_t) { idea.status_history.push_back(read_change(r)); });
    } else if (key == "measures") {
        schema::IdIndex ids;
        r.array([&](std::size_t) { idea.measures.push_back(read_measure(r, ids, idea_index)); });
    }
}

core::StatusChange Reader::read_change(JsonReader& r) {
    core::StatusChange c;
    schema::read_fields(r, kChangeFields, [&](std::string_view key) {
        if (key == "status") c.status = read_status(r);
        else if (key == "date") c.date = read_required_date(r);
        else if (key == "reason") c.reason = r.string();
        else if (key == "users_say") c.users_say = r.string();
    });
    return c;
}

core::Measure Reader::read_measure(JsonReader& r, schema::IdIndex& ids, std::size_t idea_index) {
    core::Measure m;
    std::size_t target_offset = 0;
    const std::size_t start = schema::read_fields(r, kMeasureFields, [&](std::string_view key) {
        if (key == "id") m.id = ids.read(r);
        else if (key == "label") {
            m.label = r.string();
            if (m.label.find_first_not_of(" \t\r\n") == std::string::npos) r.fail(i18n::tr("must not be empty"));
        } else if (key == "unit") m.unit = r.string();
        else if (key == "baseline") m.baseline = r.number();
        else if (key == "target") {
            m.target = r.number();
            target_offset = r.value_offset();
        } else if (key == "direction") {
            const std::string_view d = r.string_view();
            if (d != "up" && d != "down") r.fail(i18n::format(i18n::tr("must be up or down, found {0}"), {quoted(d)}));
            m.up = d == "up";
        } else if (key == "values") {
            r.array([&](std::size_t) {
                core::MeasureValue v;
                schema::read_fields(r, kValueFields, [&](std::string_view k) {
                    if (k == "date") {
                        v.date = read_required_date(r);
                        values_.push_back({idea_index, r.value_offset(), r.path(), v.date});
                    } else if (k == "value") {
                        v.value = r.number();
                    }
                });
                m.values.push_back(v);
            });
        }
    });
    (void)start;
    if (m.target == m.baseline)
        r.fail_at(target_offset, r.path() + ".target",
                  i18n::format(i18n::tr("must differ from the baseline ({0}): progress is measured between them"), {format_double(m.baseline)}));
    return m;
}

void Reader::check_dates(const JsonReader& r, const core::Workshop& ws) const {
    std::size_t idea = static_cast<std::size_t>(-1);
    std::string earliest;
    for (const DatedValue& v : values_) {
        if (v.idea != idea) {
            idea = v.idea;
            earliest = core::earliest_value_date(ws.ideas[idea], ws.info.date);
        }
        if (!earliest.empty() && v.date < earliest)
            r.fail_at(v.offset, v.path,
                      i18n::format(i18n::tr("is dated before the workshop ({0}); a value is measured after the pilot began"), {earliest}));
    }
}

void write_idea_fields(JsonWriter& w, const core::Idea& idea) {
    if (idea.status) w.field("status", core::to_string(*idea.status));
    if (!idea.status_history.empty()) write_history(w, idea.status_history);
    if (!idea.measures.empty()) write_measures(w, idea.measures);
}

void write_history(JsonWriter& w, const std::vector<core::StatusChange>& history) {
    w.key("status_history").begin_array();
    for (const core::StatusChange& c : history) {
        w.begin_object(JsonWriter::Layout::Inline)
            .field("status", core::to_string(c.status))
            .field("date", c.date)
            .field("reason", c.reason);
        if (!c.users_say.empty()) w.field("users_say", c.users_say);  // only when heard: older documents stay as they were
        w.end_object();
    }
    w.end_array();
}

void write_measures(JsonWriter& w, const std::vector<core::Measure>& measures) {
    w.key("measures").begin_array();
    for (const core::Measure& m : measures) {
        w.begin_object().field("id", m.id).field("label", m.label).field("unit", m.unit);
        w.field("baseline", m.baseline).field("target", m.target).field("direction", m.up ? "up" : "down");
        w.key("values").begin_array();
        for (const core::MeasureValue& v : m.values)
            w.begin_object(JsonWriter::Layout::Inline).field("date", v.date).field("value", v.value).end_object();
        w.end_array().end_object();
    }
    w.end_array();
}

}  // namespace pilotdeck::documents::followup
