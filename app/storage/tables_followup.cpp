#include "storage/tables_followup.hpp"

#include <string>
#include <unordered_map>

#include "storage/tables.hpp"

namespace pilotdeck::storage::tables {
namespace {

using sqlite::Database;
using sqlite::Statement;

bool has_followup(const core::Idea& idea) {
    return idea.status || !idea.status_history.empty() || !idea.measures.empty();
}

core::IdeaStatus parse_status(const Database& db, const std::string& text) {
    const auto s = core::idea_status_from(text);
    if (!s) throw StorageError(db.name() + ": damaged: unknown idea status '" + text + "'");
    return *s;
}

void insert_followup(Database& db, std::int64_t idea_rid, const core::Idea& idea) {
    if (idea.status)
        db.cached("INSERT INTO idea_status (idea, status) VALUES (?, ?)").bind_all(idea_rid, core::to_string(*idea.status)).run();
    for (std::size_t i = 0; i < idea.status_history.size(); ++i) {
        const core::StatusChange& c = idea.status_history[i];
        db.cached("INSERT INTO status_change (idea, position, status, date, reason, users_say) VALUES (?, ?, ?, ?, ?, ?)")
            .bind_all(idea_rid, static_cast<std::int64_t>(i), core::to_string(c.status), c.date, c.reason, c.users_say)
            .run();
    }
    for (std::size_t i = 0; i < idea.measures.size(); ++i) {
        const core::Measure& m = idea.measures[i];
        db.cached(
              "INSERT INTO measure (idea, position, id, label, unit, baseline, target, direction) "
              "VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
            .bind_all(idea_rid, static_cast<std::int64_t>(i), m.id, m.label, m.unit, m.baseline, m.target,
                      std::string_view(m.up ? "up" : "down"))
            .run();
        const std::int64_t measure_rid = db.last_insert_rowid();
        for (std::size_t k = 0; k < m.values.size(); ++k)
            db.cached("INSERT INTO measure_value (measure, position, date, value) VALUES (?, ?, ?, ?)")
                .bind_all(measure_rid, static_cast<std::int64_t>(k), m.values[k].date, m.values[k].value)
                .run();
    }
}

}  // namespace

void write_followup(Database& db, const core::Idea& idea) {
    const std::int64_t rid = rid_of(db, "idea", idea.id);
    db.cached("DELETE FROM idea_status WHERE idea = ?").bind_all(rid).run();
    db.cached("DELETE FROM status_change WHERE idea = ?").bind_all(rid).run();
    db.cached("DELETE FROM measure WHERE idea = ?").bind_all(rid).run();  // values cascade
    insert_followup(db, rid, idea);
}

void write_followups(Database& db, const std::vector<core::Idea>& ideas) {
    for (const core::Idea& idea : ideas)
        if (has_followup(idea)) insert_followup(db, rid_of(db, "idea", idea.id), idea);
}

void read_followups(Database& db, std::vector<core::Idea>& ideas) {
    if (db.pragma_int("user_version") < 6) return;  // an older file opened read-only: no follow-up yet
    std::unordered_map<std::int64_t, std::size_t> index;  // idea rid -> index in ideas
    {
        Statement st(db, "SELECT rid FROM idea ORDER BY position");
        for (std::size_t i = 0; st.step() && i < ideas.size(); ++i) index[st.column_int64(0)] = i;
    }
    auto idea_of = [&](std::int64_t rid) -> core::Idea& { return ideas.at(index.at(rid)); };
    Statement status(db, "SELECT idea, status FROM idea_status");
    while (status.step()) idea_of(status.column_int64(0)).status = parse_status(db, status.column_text(1));
    // users_say came with schema 7; a schema 6 file opened read-only has no such column.
    const bool has_users_say = db.pragma_int("user_version") >= 7;
    Statement changes(db, std::string("SELECT idea, status, date, reason, ") + (has_users_say ? "users_say" : "''") +
                              " FROM status_change ORDER BY idea, position");
    while (changes.step())
        idea_of(changes.column_int64(0))
            .status_history.push_back({parse_status(db, changes.column_text(1)), changes.column_text(2), changes.column_text(3),
                                       changes.column_text(4)});
    std::unordered_map<std::int64_t, std::pair<std::size_t, std::size_t>> measure_at;  // rid -> (idea, measure)
    Statement measures(db,
                       "SELECT rid, idea, id, label, unit, baseline, target, direction FROM measure ORDER BY idea, position");
    while (measures.step()) {
        const std::size_t idea = index.at(measures.column_int64(1));
        core::Measure m;
        m.id = measures.column_text(2);
        m.label = measures.column_text(3);
        m.unit = measures.column_text(4);
        m.baseline = measures.column_double(5);
        m.target = measures.column_double(6);
        m.up = measures.column_text(7) == "up";
        measure_at[measures.column_int64(0)] = {idea, ideas[idea].measures.size()};
        ideas[idea].measures.push_back(std::move(m));
    }
    Statement values(db, "SELECT measure, date, value FROM measure_value ORDER BY measure, position");
    while (values.step()) {
        const auto [idea, measure] = measure_at.at(values.column_int64(0));
        ideas[idea].measures[measure].values.push_back({values.column_text(1), values.column_double(2)});
    }
}

}  // namespace pilotdeck::storage::tables
