// The hackathon tables of schema 4 (contracts 6): teams and their members, comparisons, awards,
// audience votes; mode, pitching and judging in meta. Schema 8: the judges' skipped teams.
#include <algorithm>
#include <map>
#include <unordered_map>

#include "storage/tables.hpp"

namespace pilotdeck::storage::tables {
namespace {

using sqlite::Database;
using sqlite::Statement;

std::unordered_map<std::string, std::int64_t> rids(Database& db, const std::string& table) {
    std::unordered_map<std::string, std::int64_t> out;
    Statement st(db, "SELECT id, rid FROM " + table);
    while (st.step()) out.emplace(st.column_text(0), st.column_int64(1));
    return out;
}

std::int64_t resolve(const Database& db, const std::unordered_map<std::string, std::int64_t>& map, const std::string& id,
                     std::string_view what) {
    const auto it = map.find(id);
    if (it == map.end()) throw StorageError(db.name() + ": refers to unknown " + std::string(what) + " '" + id + "'");
    return it->second;
}

void insert_team(Database& db, const core::Team& t, std::int64_t position) {
    db.cached("INSERT INTO team (position, id, name, idea, table_label, pitch_order, absent) VALUES (?, ?, ?, ?, ?, ?, ?)")
        .bind_all(position, t.id, t.name, rid_of(db, "idea", t.idea), t.table, t.pitch_order, std::int64_t{t.absent})
        .run();
}

void write_members(Database& db, const core::Team& t) {
    const std::int64_t team = rid_of(db, "team", t.id);
    db.cached("DELETE FROM team_member WHERE team = ?").bind_all(team).run();
    for (std::size_t k = 0; k < t.members.size(); ++k)
        db.cached("INSERT INTO team_member (team, position, participant) VALUES (?, ?, ?)")
            .bind_all(team, static_cast<std::int64_t>(k), rid_of(db, "participant", t.members[k]))
            .run();
}

std::int64_t count_of(Database& db, const char* table) {
    return db.cached(std::string("SELECT count(*) FROM ") + table).one_int64().value_or(0);
}

}  // namespace

void persist_hackathon(Database& db, const core::PutTeam& c) {
    const core::Team& t = c.team;
    if (find_rid(db, "team", t.id)) {
        db.cached("UPDATE team SET name = ?, idea = ?, table_label = ?, pitch_order = ?, absent = ? WHERE id = ?")
            .bind_all(t.name, rid_of(db, "idea", t.idea), t.table, t.pitch_order, std::int64_t{t.absent}, t.id)
            .run();
    } else {
        const std::int64_t count = count_of(db, "team");
        const std::int64_t at = c.position ? std::min(static_cast<std::int64_t>(*c.position), count) : count;
        db.cached("UPDATE team SET position = position + 1 WHERE position >= ?").bind_all(at).run();
        insert_team(db, t, at);
    }
    write_members(db, t);
}

void persist_hackathon(Database& db, const core::RemoveTeam& c) {
    const auto position = db.cached("SELECT position FROM team WHERE id = ?").bind_all(c.id).one_int64();
    if (!position) throw StorageError(db.name() + ": unknown team '" + c.id + "'");
    db.cached("DELETE FROM team WHERE id = ?").bind_all(c.id).run();
    db.cached("UPDATE team SET position = position - 1 WHERE position > ?").bind_all(*position).run();
}

void persist_hackathon(Database& db, const core::AddComparison& c) {
    // Positions are 0..n-1: the last one from the position index, not a count of every row.
    const std::int64_t count = db.cached("SELECT coalesce(max(position) + 1, 0) FROM comparison").one_int64().value_or(0);
    const std::int64_t at = c.position ? std::min(static_cast<std::int64_t>(*c.position), count) : count;
    if (at < count) db.cached("UPDATE comparison SET position = position + 1 WHERE position >= ?").bind_all(at).run();
    const core::Comparison& x = c.comparison;
    db.cached("INSERT INTO comparison (position, judge, winner, loser, at) VALUES (?, ?, ?, ?, ?)")
        .bind_all(at, rid_of(db, "participant", x.judge), rid_of(db, "team", x.winner), rid_of(db, "team", x.loser), x.at)
        .run();
}

void persist_hackathon(Database& db, const core::RemoveComparison& c) {
    const auto at = static_cast<std::int64_t>(c.index);
    db.cached("DELETE FROM comparison WHERE position = ?").bind_all(at).run();
    if (db.changes() == 0) throw StorageError(db.name() + ": no comparison at position " + std::to_string(at));
    db.cached("UPDATE comparison SET position = position - 1 WHERE position > ?").bind_all(at).run();
}

void persist_hackathon(Database& db, const core::SetSkip& c) {
    const std::int64_t judge = rid_of(db, "participant", c.skip.judge), team = rid_of(db, "team", c.skip.team);
    if (c.skipped) {
        db.cached("INSERT INTO pair_skip (judge, team) VALUES (?, ?)").bind_all(judge, team).run();
        return;
    }
    db.cached("DELETE FROM pair_skip WHERE judge = ? AND team = ?").bind_all(judge, team).run();
    if (db.changes() == 0) throw StorageError(db.name() + ": no skip of team '" + c.skip.team + "' by '" + c.skip.judge + "'");
}

void persist_hackathon(Database& db, const core::SetAudienceVote& c) {
    const std::int64_t voter = rid_of(db, "participant", c.voter);
    if (!c.team) {
        const auto position = db.cached("SELECT position FROM audience_vote WHERE voter = ?").bind_all(voter).one_int64();
        if (!position) return;
        db.cached("DELETE FROM audience_vote WHERE voter = ?").bind_all(voter).run();
        db.cached("UPDATE audience_vote SET position = position - 1 WHERE position > ?").bind_all(*position).run();
        return;
    }
    const std::int64_t team = rid_of(db, "team", *c.team);
    db.cached("UPDATE audience_vote SET team = ? WHERE voter = ?").bind_all(team, voter).run();
    if (db.changes() == 0)
        db.cached("INSERT INTO audience_vote (voter, team, position) VALUES (?, ?, ?)")
            .bind_all(voter, team, count_of(db, "audience_vote"))
            .run();
}

// contracts 6 leaves it out of the documents: the file's meta keeps it.
void persist_hackathon(Database& db, const core::SetAudienceVoteOpen& c) {
    write_meta(db, "audience_vote_closed", c.open ? "0" : "1");
}

void insert_hackathon(Database& db, const core::Workshop& ws) {
    write_meta(db, "mode", core::to_string(ws.mode));
    write_meta(db, "pitch_minutes", std::to_string(ws.pitching.pitch_minutes));
    write_meta(db, "qa_minutes", std::to_string(ws.pitching.qa_minutes));
    write_meta(db, "judging_method", core::to_string(ws.judging.method));
    if (ws.audience_vote_closed) write_meta(db, "audience_vote_closed", "1");
    write_meta(db, "recuse_same_department", ws.judging.recuse_same_department ? "1" : "0");
    const auto people = rids(db, "participant");
    const auto ideas = rids(db, "idea");
    std::unordered_map<std::string, std::int64_t> teams;
    for (std::size_t i = 0; i < ws.teams.size(); ++i) {
        const core::Team& t = ws.teams[i];
        db.cached("INSERT INTO team (position, id, name, idea, table_label, pitch_order, absent) VALUES (?, ?, ?, ?, ?, ?, ?)")
            .bind_all(static_cast<std::int64_t>(i), t.id, t.name, resolve(db, ideas, t.idea, "idea"), t.table, t.pitch_order,
                      std::int64_t{t.absent})
            .run();
        const std::int64_t rid = db.last_insert_rowid();
        teams.emplace(t.id, rid);
        for (std::size_t k = 0; k < t.members.size(); ++k)
            db.cached("INSERT INTO team_member (team, position, participant) VALUES (?, ?, ?)")
                .bind_all(rid, static_cast<std::int64_t>(k), resolve(db, people, t.members[k], "participant"))
                .run();
    }
    for (std::size_t i = 0; i < ws.comparisons.size(); ++i) {
        const core::Comparison& c = ws.comparisons[i];
        db.cached("INSERT INTO comparison (position, judge, winner, loser, at) VALUES (?, ?, ?, ?, ?)")
            .bind_all(static_cast<std::int64_t>(i), resolve(db, people, c.judge, "participant"),
                      resolve(db, teams, c.winner, "team"), resolve(db, teams, c.loser, "team"), c.at)
            .run();
    }
    for (std::size_t i = 0; i < ws.awards.size(); ++i)
        db.cached("INSERT INTO award (position, id, label, rule) VALUES (?, ?, ?, ?)")
            .bind_all(static_cast<std::int64_t>(i), ws.awards[i].id, ws.awards[i].label, ws.awards[i].rule)
            .run();
    for (std::size_t i = 0; i < ws.audience_votes.size(); ++i)
        db.cached("INSERT INTO audience_vote (voter, team, position) VALUES (?, ?, ?)")
            .bind_all(resolve(db, people, ws.audience_votes[i].voter, "participant"),
                      resolve(db, teams, ws.audience_votes[i].team, "team"), static_cast<std::int64_t>(i))
            .run();
    for (const core::Skip& k : ws.skips)
        db.cached("INSERT INTO pair_skip (judge, team) VALUES (?, ?)")
            .bind_all(resolve(db, people, k.judge, "participant"), resolve(db, teams, k.team, "team"))
            .run();
}

void read_hackathon(Database& db, core::Workshop& ws) {
    std::map<std::string, std::string> meta;
    Statement m(db, "SELECT key, value FROM meta WHERE key IN ('mode', 'pitch_minutes', 'qa_minutes', 'judging_method', "
                    "'recuse_same_department', 'audience_vote_closed')");
    while (m.step()) meta[m.column_text(0)] = m.column_text(1);
    const auto number = [&](const char* key, int fallback) {
        const auto it = meta.find(key);
        if (it == meta.end()) return fallback;
        try {
            return std::stoi(it->second);
        } catch (const std::exception&) {
            throw StorageError(db.name() + ": damaged: " + key + " '" + it->second + "' is not a number");
        }
    };
    if (const auto it = meta.find("mode"); it != meta.end()) {
        const auto mode = core::mode_from(it->second);
        if (!mode) throw StorageError(db.name() + ": damaged: unknown mode '" + it->second + "'");
        ws.mode = *mode;
    }
    if (const auto it = meta.find("judging_method"); it != meta.end()) {
        const auto method = core::judging_method_from(it->second);
        if (!method) throw StorageError(db.name() + ": damaged: unknown judging method '" + it->second + "'");
        ws.judging.method = *method;
    }
    ws.pitching.pitch_minutes = number("pitch_minutes", ws.pitching.pitch_minutes);
    ws.pitching.qa_minutes = number("qa_minutes", ws.pitching.qa_minutes);
    ws.judging.recuse_same_department = number("recuse_same_department", 0) != 0;
    ws.audience_vote_closed = number("audience_vote_closed", 0) != 0;

    // A file of schema 3 or older opened read-only (never migrated) has no hackathon tables.
    Statement has_tables(db, "SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = 'team'");
    if (!has_tables.step() || has_tables.column_int(0) == 0) return;

    std::unordered_map<std::int64_t, std::size_t> team_index;
    // `absent` came with schema 7; a file of schema 4 to 6 opened read-only has no such column.
    const bool has_absent = db.pragma_int("user_version") >= 7;
    Statement teams(db, std::string("SELECT t.rid, t.id, t.name, i.id, t.table_label, t.pitch_order, ") +
                            (has_absent ? "t.absent" : "0") + " FROM team t JOIN idea i ON i.rid = t.idea ORDER BY t.position");
    while (teams.step()) {
        team_index.emplace(teams.column_int64(0), ws.teams.size());
        core::Team t;
        t.id = teams.column_text(1);
        t.name = teams.column_text(2);
        t.idea = teams.column_text(3);
        t.table = teams.column_text(4);
        t.pitch_order = teams.column_int(5);
        t.absent = teams.column_int(6) != 0;
        ws.teams.push_back(std::move(t));
    }
    Statement members(db, "SELECT m.team, p.id FROM team_member m JOIN participant p ON p.rid = m.participant "
                          "ORDER BY m.team, m.position");
    while (members.step()) ws.teams.at(team_index.at(members.column_int64(0))).members.push_back(members.column_text(1));
    Statement comparisons(db, "SELECT j.id, w.id, l.id, c.at FROM comparison c JOIN participant j ON j.rid = c.judge "
                              "JOIN team w ON w.rid = c.winner JOIN team l ON l.rid = c.loser ORDER BY c.position");
    while (comparisons.step())
        ws.comparisons.push_back({comparisons.column_text(0), comparisons.column_text(1), comparisons.column_text(2),
                                  comparisons.column_text(3)});
    Statement awards(db, "SELECT id, label, rule FROM award ORDER BY position");
    while (awards.step()) ws.awards.push_back({awards.column_text(0), awards.column_text(1), awards.column_text(2)});
    Statement votes(db, "SELECT p.id, t.id FROM audience_vote v JOIN participant p ON p.rid = v.voter "
                        "JOIN team t ON t.rid = v.team ORDER BY v.position");
    while (votes.step()) ws.audience_votes.push_back({votes.column_text(0), votes.column_text(1)});
    if (db.pragma_int("user_version") < 8) return;  // a file of schema 4 to 7 opened read-only: no skips kept
    Statement skips(db, "SELECT p.id, t.id FROM pair_skip k JOIN participant p ON p.rid = k.judge "
                        "JOIN team t ON t.rid = k.team ORDER BY k.rid");
    while (skips.step()) ws.skips.push_back({skips.column_text(0), skips.column_text(1)});
}

}  // namespace pilotdeck::storage::tables
