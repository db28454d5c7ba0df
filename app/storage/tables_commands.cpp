// Persisting core::Command: each one a few statements inside the caller's transaction.
#include <algorithm>
#include <unordered_map>
#include <variant>

#include "storage/tables.hpp"
#include "storage/tables_followup.hpp"

namespace pilotdeck::storage::tables {
namespace {

using sqlite::Database;

std::string text(std::string_view s) { return std::string(s); }

std::int64_t row_count(Database& db, std::string_view table) {
    return db.cached("SELECT count(*) FROM " + text(table)).one_int64().value_or(0);
}

// Removes a row of a positioned list and closes the gap, so positions stay 0..n-1.
void remove_positioned(Database& db, std::string_view table, const std::string& id) {
    auto position = db.cached("SELECT position FROM " + text(table) + " WHERE id = ?").bind_all(id).one_int64();
    if (!position) throw StorageError(db.name() + ": unknown " + text(table) + " '" + id + "'");
    db.cached("DELETE FROM " + text(table) + " WHERE id = ?").bind_all(id).run();
    db.cached("UPDATE " + text(table) + " SET position = position - 1 WHERE position > ?").bind_all(*position).run();
}

// Makes room at `position` (clamped to the end) and returns it.
std::int64_t open_gap(Database& db, std::string_view table, std::optional<std::size_t> wanted) {
    std::int64_t count = row_count(db, table);
    std::int64_t position = wanted ? std::min(static_cast<std::int64_t>(*wanted), count) : count;
    db.cached("UPDATE " + text(table) + " SET position = position + 1 WHERE position >= ?").bind_all(position).run();
    return position;
}

// Replaces the item with the same id in place, or inserts it at `position` (default: the end).
template <class Item>
void put(Database& db, std::string_view table, const Item& item, std::optional<std::size_t> position,
         void (*insert)(Database&, const Item&, std::int64_t), void (*update)(Database&, const Item&)) {
    if (find_rid(db, table, item.id))
        update(db, item);
    else
        insert(db, item, open_gap(db, table, position));
}

struct ScoreKey {
    std::int64_t idea, rater, criterion;
};

std::optional<std::int64_t> stored_score(Database& db, const ScoreKey& k) {
    return db.cached("SELECT value FROM score WHERE idea = ? AND rater = ? AND criterion = ?")
        .bind_all(k.idea, k.rater, k.criterion)
        .one_int64();
}

// The rater's score of the idea on the criterion, and how many scores the rater gave the idea:
// one read of the primary key's prefix (idea, rater), at most one row per criterion. (Two point
// reads before: the score, then "any score of this rater on this idea?" for the raters count.)
struct RaterScores {
    std::optional<std::int64_t> value;
    int count = 0;
};

RaterScores rater_scores(Database& db, const ScoreKey& k) {
    auto& st = db.cached("SELECT criterion, value FROM score WHERE idea = ? AND rater = ?");
    st.bind_all(k.idea, k.rater);
    RaterScores out;
    while (st.step()) {
        ++out.count;
        if (st.column_int64(0) == k.criterion) out.value = st.column_int64(1);
    }
    st.reset();
    return out;
}

void adjust_raters(Database& db, const ScoreKey& k, int delta) {
    db.cached("UPDATE idea SET raters = raters + ? WHERE rid = ?").bind_all(delta, k.idea).run();
}

// Adds the deltas to the idea's sums on the criterion. score_agg keeps rows with n > 0 only, so
// removing the last score removes the row, and the first one inserts it.
void adjust_aggregate(Database& db, const ScoreKey& k, std::int64_t dn, std::int64_t dsum, std::int64_t dsumsq) {
    if (dn < 0) {
        db.cached("DELETE FROM score_agg WHERE idea = ? AND criterion = ? AND n = ?").bind_all(k.idea, k.criterion, -dn).run();
        if (db.changes() > 0) return;
    }
    db.cached("UPDATE score_agg SET n = n + ?, sum = sum + ?, sumsq = sumsq + ? WHERE idea = ? AND criterion = ?")
        .bind_all(dn, dsum, dsumsq, k.idea, k.criterion)
        .run();
    if (db.changes() > 0) return;
    // (With dn <= 0 a missing row means the sums were already wrong: the CHECK n > 0 refuses it.)
    db.cached("INSERT INTO score_agg (idea, criterion, n, sum, sumsq) VALUES (?, ?, ?, ?, ?)")
        .bind_all(k.idea, k.criterion, dn, dsum, dsumsq)
        .run();
}

void add_score(Database& db, const ScoreKey& k, std::int64_t value, bool first_of_rater) {
    db.cached("INSERT INTO score (idea, rater, criterion, value) VALUES (?, ?, ?, ?)")
        .bind_all(k.idea, k.rater, k.criterion, value)
        .run();
    adjust_aggregate(db, k, 1, value, value * value);
    if (first_of_rater) adjust_raters(db, k, 1);
}

void change_score(Database& db, const ScoreKey& k, std::int64_t old_value, std::int64_t value) {
    db.cached("UPDATE score SET value = ? WHERE idea = ? AND rater = ? AND criterion = ?")
        .bind_all(value, k.idea, k.rater, k.criterion)
        .run();
    adjust_aggregate(db, k, 0, value - old_value, value * value - old_value * old_value);
}

void clear_score(Database& db, const ScoreKey& k, std::int64_t old_value, bool last_of_rater) {
    db.cached("DELETE FROM score WHERE idea = ? AND rater = ? AND criterion = ?").bind_all(k.idea, k.rater, k.criterion).run();
    adjust_aggregate(db, k, -1, -old_value, -old_value * old_value);
    if (last_of_rater) adjust_raters(db, k, -1);
}

// Row ids of the ideas, participants and criteria a batch of scores names, looked up once per
// transaction (a batch of votes names few ideas and criteria many times). Only within one
// transaction, and forgotten at any command other than a score: no row can come and go under it.
struct RidMemo {
    std::unordered_map<std::string, std::int64_t> idea, participant, criterion;
    void clear() {
        idea.clear();
        participant.clear();
        criterion.clear();
    }
};

std::int64_t memo_rid(Database& db, std::unordered_map<std::string, std::int64_t>& memo, std::string_view table,
                      const std::string& id) {
    if (auto it = memo.find(id); it != memo.end()) return it->second;
    const std::int64_t rid = rid_of(db, table, id);
    memo.emplace(id, rid);
    return rid;
}

void set_score(Database& db, const core::SetScore& c, RidMemo& memo) {
    if (c.consensus) return set_consensus_score(db, c);
    ScoreKey k{memo_rid(db, memo.idea, "idea", c.idea), memo_rid(db, memo.participant, "participant", c.rater),
               memo_rid(db, memo.criterion, "criterion", c.criterion)};
    const RaterScores stored = rater_scores(db, k);
    if (c.value && stored.value)
        change_score(db, k, *stored.value, *c.value);
    else if (c.value)
        add_score(db, k, *c.value, stored.count == 0);
    else if (stored.value)
        clear_score(db, k, *stored.value, stored.count == 1);
}

void set_score(Database& db, const core::SetScore& c) {
    RidMemo memo;
    set_score(db, c, memo);
}

struct Persist {
    Database& db;

    void operator()(const core::SetInfo& c) { write_info(db, c.info); }
    void operator()(const core::SetCurrentStage& c) { write_meta(db, "current_stage", std::to_string(c.index)); }
    void operator()(const core::SetConcernCount& c) {
        db.cached("UPDATE concern SET count = ? WHERE id = ?").bind_all(c.count, c.concern).run();
        if (db.changes() == 0) throw StorageError(db.name() + ": unknown concern '" + c.concern + "'");
    }
    void operator()(const core::PutParticipant& c) {
        put(db, "participant", c.participant, c.position, insert_participant, update_participant);
    }
    void operator()(const core::RemoveParticipant& c) { remove_positioned(db, "participant", c.id); }
    void operator()(const core::PutIdea& c) {
        put(db, "idea", c.idea, c.position, insert_idea, update_idea);
        write_followup(db, c.idea);
    }
    // Its scores and aggregates go with it (ON DELETE CASCADE).
    void operator()(const core::RemoveIdea& c) { remove_positioned(db, "idea", c.id); }
    void operator()(const core::SetScore& c) { set_score(db, c); }
    void operator()(const core::SetSelection& c) { write_selection(db, c.rules); }
    template <core::HackathonCommand H>
    void operator()(const H& c) { persist_hackathon(db, c); }
    void operator()(const core::SetRevote& c) { write_revote(db, c.revote); }
    void operator()(const core::Revote& c) {
        const int round = open_revote_round(db);
        if (round == 0) throw StorageError(db.name() + ": no re-vote round is open");
        const ScoreKey k{rid_of(db, "idea", c.idea), rid_of(db, "participant", c.rater), rid_of(db, "criterion", c.criterion)};
        const std::optional<std::int64_t> old = stored_score(db, k);
        if (!old) throw StorageError(db.name() + ": a re-vote needs an earlier score");
        push_history(db, {c.idea, c.rater, c.criterion, static_cast<int>(*old), stored_round(db, c.idea, c.rater, c.criterion), c.reason});
        set_score(db, core::SetScore{c.idea, c.rater, c.criterion, c.value});
        core::Score now{c.idea, c.rater, c.criterion, c.value};
        now.round = round;
        set_score_round(db, now);
    }
    void operator()(const core::Unrevote& c) {
        const core::ScoreHistory h = pop_history(db, c.idea, c.rater, c.criterion);
        set_score(db, core::SetScore{c.idea, c.rater, c.criterion, h.value});
        core::Score back{c.idea, c.rater, c.criterion, h.value};
        back.round = h.round;
        set_score_round(db, back);
    }
    void operator()(const core::Batch& b) {
        RidMemo memo;
        for (const core::Command& c : b.commands) {
            if (const auto* score = std::get_if<core::SetScore>(&c)) {
                set_score(db, *score, memo);
                continue;
            }
            memo.clear();
            std::visit(*this, c);
        }
    }
};

}  // namespace

void apply_command(Database& db, const core::Command& c) { std::visit(Persist{db}, c); }

}  // namespace pilotdeck::storage::tables
