// Schema version 5 (schema.cpp): screening answers and gates (contracts 7), consensus values
// (5b), re-vote rounds and the score history (9).
#include <map>
#include <tuple>

#include "storage/sqlite.hpp"
#include "storage/tables.hpp"
#include "storage/workshop_file.hpp"

namespace pilotdeck::storage::tables {

using sqlite::Database;
using sqlite::Statement;

void write_assessment(Database& db, const core::Idea& idea) {
    const std::int64_t rid = rid_of(db, "idea", idea.id);
    // Explicitly, not by the cascade: a bulk import may run with foreign keys off.
    db.cached("DELETE FROM idea_answer WHERE idea = ?").bind_all(rid).run();
    db.cached("DELETE FROM idea_assessment WHERE idea = ?").bind_all(rid).run();
    if (!idea.assessment) return;
    db.cached("INSERT INTO idea_assessment (idea, notes) VALUES (?, ?)").bind_all(rid, idea.assessment->notes).run();
    for (std::string_view question : core::kScreeningQuestions)
        if (const std::optional<bool> yes = idea.assessment->answers.get(question))
            db.cached("INSERT INTO idea_answer (idea, question, answer) VALUES (?, ?, ?)")
                .bind_all(rid, question, *yes ? 1 : 0)
                .run();
}

void read_assessments(Database& db, std::vector<core::Idea>& ideas) {
    std::map<std::string, core::Assessment, std::less<>> found;
    Statement notes(db, "SELECT i.id, a.notes FROM idea_assessment a JOIN idea i ON i.rid = a.idea");
    while (notes.step()) found[notes.column_text(0)].notes = notes.column_text(1);
    if (found.empty()) return;
    Statement answers(db, "SELECT i.id, a.question, a.answer FROM idea_answer a JOIN idea i ON i.rid = a.idea");
    while (answers.step()) found[answers.column_text(0)].answers.set(answers.column_text(1), answers.column_int(2) != 0);
    for (core::Idea& idea : ideas)
        if (auto it = found.find(idea.id); it != found.end()) idea.assessment = it->second;
}

void write_gates(Database& db, const core::SelectionRules& rules) {
    db.cached("UPDATE selection SET gate_high_risk = ?, gate_unassessed = ?")
        .bind_all(std::string_view(rules.allow_high_risk ? "allow" : "exclude"),
                  std::string_view(rules.allow_unassessed ? "allow" : "exclude"))
        .run();
}

void read_gates(Database& db, core::SelectionRules& rules) {
    Statement st(db, "SELECT gate_high_risk, gate_unassessed FROM selection");
    if (!st.step()) return;
    rules.allow_high_risk = st.column_text(0) == "allow";
    rules.allow_unassessed = st.column_text(1) == "allow";
}

void set_consensus_score(Database& db, const core::SetScore& c) {
    const std::int64_t idea = rid_of(db, "idea", c.idea), criterion = rid_of(db, "criterion", c.criterion);
    if (c.value)
        db.cached("INSERT INTO consensus_score (idea, criterion, value) VALUES (?, ?, ?) "
                  "ON CONFLICT (idea, criterion) DO UPDATE SET value = excluded.value")
            .bind_all(idea, criterion, *c.value)
            .run();
    else
        db.cached("DELETE FROM consensus_score WHERE idea = ? AND criterion = ?").bind_all(idea, criterion).run();
}

void set_score_round(Database& db, const core::Score& s) {
    const std::int64_t idea = rid_of(db, "idea", s.idea), criterion = rid_of(db, "criterion", s.criterion);
    if (s.consensus) {
        db.cached("UPDATE consensus_score SET round = ? WHERE idea = ? AND criterion = ?").bind_all(s.round, idea, criterion).run();
        return;
    }
    const std::int64_t rater = rid_of(db, "participant", s.rater);
    if (s.round <= 1)
        db.cached("DELETE FROM score_round WHERE idea = ? AND rater = ? AND criterion = ?").bind_all(idea, rater, criterion).run();
    else
        db.cached("INSERT INTO score_round (idea, rater, criterion, round) VALUES (?, ?, ?, ?) "
                  "ON CONFLICT (idea, rater, criterion) DO UPDATE SET round = excluded.round")
            .bind_all(idea, rater, criterion, s.round)
            .run();
}

void insert_second_round(Database& db, const core::Workshop& ws) {
    // Assessments and gates are written with their idea and the selection rules.
    for (const core::Score& s : ws.scores) {
        if (s.consensus) {
            set_consensus_score(db, core::SetScore{s.idea, {}, s.criterion, s.value, true});
            if (s.round != 1) set_score_round(db, s);
        } else if (s.round != 1) {
            set_score_round(db, s);
        }
    }
    for (const core::ScoreHistory& h : ws.score_history) push_history(db, h);
    write_revote(db, ws.revote);
}

void push_history(Database& db, const core::ScoreHistory& h) {
    db.cached("INSERT INTO score_history (idea, rater, criterion, value, round, reason) VALUES (?, ?, ?, ?, ?, ?)")
        .bind_all(rid_of(db, "idea", h.idea), rid_of(db, "participant", h.rater), rid_of(db, "criterion", h.criterion),
                  h.value, h.round, h.reason)
        .run();
}

core::ScoreHistory pop_history(Database& db, const std::string& idea, const std::string& rater,
                               const std::string& criterion) {
    Statement st(db, "SELECT rid, value, round, reason FROM score_history WHERE idea = ? AND rater = ? AND criterion = ? "
                     "ORDER BY rid DESC LIMIT 1");
    st.bind_all(rid_of(db, "idea", idea), rid_of(db, "participant", rater), rid_of(db, "criterion", criterion));
    if (!st.step()) throw StorageError(db.name() + ": no earlier value of this score");
    core::ScoreHistory h{idea, rater, criterion, st.column_int(1), st.column_int(2), st.column_text(3)};
    db.cached("DELETE FROM score_history WHERE rid = ?").bind_all(st.column_int64(0)).run();
    return h;
}

int stored_round(Database& db, const std::string& idea, const std::string& rater, const std::string& criterion) {
    const auto round = db.cached("SELECT round FROM score_round WHERE idea = ? AND rater = ? AND criterion = ?")
                           .bind_all(rid_of(db, "idea", idea), rid_of(db, "participant", rater),
                                     rid_of(db, "criterion", criterion))
                           .one_int64();
    return round ? static_cast<int>(*round) : 1;
}

void write_revote(Database& db, const std::optional<core::RevoteRound>& revote) {
    db.exec("DELETE FROM revote_cell; DELETE FROM revote;");
    if (!revote) return;
    db.cached("INSERT INTO revote (single, round) VALUES (1, ?)").bind_all(revote->round).run();
    for (const core::RevoteCell& cell : revote->cells)
        db.cached("INSERT OR IGNORE INTO revote_cell (idea, criterion) VALUES (?, ?)")
            .bind_all(rid_of(db, "idea", cell.idea), rid_of(db, "criterion", cell.criterion))
            .run();
}

int open_revote_round(Database& db) {
    const auto round = db.cached("SELECT round FROM revote").one_int64();
    return round ? static_cast<int>(*round) : 0;
}

void read_second_round(Database& db, core::Workshop& ws, bool with_scores) {
    read_assessments(db, ws.ideas);
    read_gates(db, ws.selection);
    if (!with_scores) return;
    {
        using Key = std::tuple<std::string, std::string, std::string>;
        std::map<Key, int> rounds;
        Statement st(db,
                     "SELECT i.id, p.id, c.id, r.round FROM score_round r JOIN idea i ON i.rid = r.idea "
                     "JOIN participant p ON p.rid = r.rater JOIN criterion c ON c.rid = r.criterion");
        while (st.step()) rounds[{st.column_text(0), st.column_text(1), st.column_text(2)}] = st.column_int(3);
        if (!rounds.empty())
            for (core::Score& s : ws.scores)
                if (auto it = rounds.find({s.idea, s.rater, s.criterion}); it != rounds.end()) s.round = it->second;
    }
    Statement consensus(db,
                        "SELECT i.id, c.id, s.value, s.round FROM consensus_score s JOIN idea i ON i.rid = s.idea "
                        "JOIN criterion c ON c.rid = s.criterion ORDER BY i.position, c.position");
    while (consensus.step()) {
        core::Score s{consensus.column_text(0), {}, consensus.column_text(1), consensus.column_int(2)};
        s.round = consensus.column_int(3);
        s.consensus = true;
        ws.scores.push_back(std::move(s));
    }
    if (const int round = open_revote_round(db); round > 0) {
        core::RevoteRound open;
        open.round = round;
        Statement cells(db,
                        "SELECT i.id, c.id FROM revote_cell r JOIN idea i ON i.rid = r.idea "
                        "JOIN criterion c ON c.rid = r.criterion ORDER BY i.position, c.position");
        while (cells.step()) open.cells.push_back({cells.column_text(0), cells.column_text(1)});
        ws.revote = std::move(open);
    }
    Statement history(db,
                      "SELECT i.id, p.id, c.id, h.value, h.round, h.reason FROM score_history h JOIN idea i ON i.rid = h.idea "
                      "JOIN participant p ON p.rid = h.rater JOIN criterion c ON c.rid = h.criterion ORDER BY h.rid");
    while (history.step())
        ws.score_history.push_back({history.column_text(0), history.column_text(1), history.column_text(2),
                                    history.column_int(3), history.column_int(4), history.column_text(5)});
}

void read_consensus_aggregates(Database& db, core::Aggregates& agg) {
    Statement st(db,
                 "SELECT i.id, c.id, s.value FROM consensus_score s JOIN idea i ON i.rid = s.idea "
                 "JOIN criterion c ON c.rid = s.criterion");
    while (st.step()) agg.set_consensus(st.column_text(0), st.column_text(1), st.column_int(2));
}

}  // namespace pilotdeck::storage::tables
