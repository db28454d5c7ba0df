#include <algorithm>
#include <map>
#include <tuple>
#include <unordered_map>

#include "generated/version.hpp"
#include "storage/tables.hpp"
#include "storage/tables_followup.hpp"

namespace pilotdeck::storage::tables {
namespace {

using sqlite::Database;
using sqlite::Statement;

// id -> rid of one list, remembering the last hit: consecutive scores mostly share their idea
// and rater, so most of the 3 lookups per score cost one string comparison.
class RidMap {
public:
    RidMap(const Database& db, std::string_view table) : db_(db), table_(table) {}
    void add(const std::string& id, std::int64_t rid) { map_.emplace(id, rid); }
    std::int64_t get(const std::string& id) {
        if (last_ && *last_ == id) return last_rid_;
        auto it = map_.find(id);
        if (it == map_.end()) throw StorageError(db_.name() + ": score refers to unknown " + table_ + " '" + id + "'");
        last_ = &it->first;
        last_rid_ = it->second;
        return last_rid_;
    }

private:
    const Database& db_;
    std::string table_;
    std::unordered_map<std::string, std::int64_t> map_;
    const std::string* last_ = nullptr;
    std::int64_t last_rid_ = 0;
};

// A score with its references resolved; rids fit 32 bits in any workshop a laptop can hold,
// which keeps 4.5 million of them at 72 MB.
struct ScoreRow {
    std::uint32_t idea, rater, criterion;
    std::int32_t value;
    auto key() const { return std::tie(idea, rater, criterion); }
};

void insert_stage(Database& db, const core::Stage& s, std::int64_t position) {
    db.cached("INSERT INTO stage (position, id, kind, title, minutes, goal) VALUES (?, ?, ?, ?, ?, ?)")
        .bind_all(position, s.id, core::to_string(s.kind), s.title, s.minutes, s.goal)
        .run();
    std::int64_t rid = db.last_insert_rowid();
    for (std::size_t i = 0; i < s.prompts.size(); ++i)
        db.cached("INSERT INTO stage_prompt (stage, position, text) VALUES (?, ?, ?)")
            .bind_all(rid, static_cast<std::int64_t>(i), s.prompts[i])
            .run();
}

void insert_concern(Database& db, const core::Concern& c, std::int64_t position) {
    db.cached("INSERT INTO concern (position, id, label, response, count) VALUES (?, ?, ?, ?, ?)")
        .bind_all(position, c.id, c.label, c.response, c.count)
        .run();
}

std::int64_t insert_criterion(Database& db, const core::Criterion& c, std::int64_t position) {
    db.cached("INSERT INTO criterion (position, id, label, axis, weight, min, max, help) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
        .bind_all(position, c.id, c.label, core::to_string(c.axis), c.weight, c.min, c.max, c.help)
        .run();
    std::int64_t rid = db.last_insert_rowid();
    for (const auto& [level, text] : c.levels)
        db.cached("INSERT INTO criterion_level (criterion, level, text) VALUES (?, ?, ?)").bind_all(rid, level, text).run();
    return rid;
}

std::vector<ScoreRow> resolve_scores(const std::vector<core::Score>& scores, RidMap& ideas, RidMap& raters,
                                     RidMap& criteria) {
    std::vector<ScoreRow> rows;
    rows.reserve(scores.size());
    for (const core::Score& s : scores)
        rows.push_back({static_cast<std::uint32_t>(ideas.get(s.idea)), static_cast<std::uint32_t>(raters.get(s.rater)),
                        static_cast<std::uint32_t>(criteria.get(s.criterion)), s.value});
    // Appending in primary-key order is much faster than inserting all over the b-tree.
    auto by_key = [](const ScoreRow& a, const ScoreRow& b) { return a.key() < b.key(); };
    if (!std::is_sorted(rows.begin(), rows.end(), by_key)) std::sort(rows.begin(), rows.end(), by_key);
    return rows;
}

// Sorted rows put two scores of one (idea, rater, criterion) side by side.
void require_unique(Database& db, const std::vector<ScoreRow>& rows) {
    auto same = std::adjacent_find(rows.begin(), rows.end(),
                                   [](const ScoreRow& a, const ScoreRow& b) { return a.key() == b.key(); });
    if (same == rows.end()) return;
    throw StorageError(db.name() + ": two scores of rater '" + id_of(db, "participant", same->rater) + "' for idea '" +
                       id_of(db, "idea", same->idea) + "' on '" + id_of(db, "criterion", same->criterion) + "'");
}

// Rows per INSERT: a multi-row VALUES list costs one statement step for many rows.
constexpr std::size_t kScoresPerInsert = 128;

std::string insert_scores_sql(std::size_t rows) {
    std::string sql = "INSERT INTO score (idea, rater, criterion, value) VALUES (?, ?, ?, ?)";
    for (std::size_t i = 1; i < rows; ++i) sql += ", (?, ?, ?, ?)";
    return sql;
}

void insert_scores(Database& db, const std::vector<ScoreRow>& rows) {
    Statement many(db, insert_scores_sql(kScoresPerInsert)), one(db, insert_scores_sql(1));
    std::size_t i = 0;
    auto bind_rows = [&](Statement& st, std::size_t count) {
        for (int p = 1; count > 0; --count, ++i, p += 4) {
            const ScoreRow& r = rows[i];
            st.bind(p, static_cast<std::int64_t>(r.idea));
            st.bind(p + 1, static_cast<std::int64_t>(r.rater));
            st.bind(p + 2, static_cast<std::int64_t>(r.criterion));
            st.bind(p + 3, static_cast<int>(r.value));
        }
        st.run();
    };
    while (rows.size() - i >= kScoresPerInsert) bind_rows(many, kScoresPerInsert);
    while (i < rows.size()) bind_rows(one, 1);
}

// One idea's rows of `rows` (sorted by idea, rater, criterion) from `begin`: its sums per
// criterion into score_agg and its number of distinct raters into idea.raters. Returns the end.
std::size_t insert_idea_aggregates(Database& db, const std::vector<ScoreRow>& rows, std::size_t begin) {
    std::map<std::uint32_t, core::CriterionStats> sums;  // criterion rid -> sums
    int raters = 0;
    std::size_t end = begin;
    for (; end < rows.size() && rows[end].idea == rows[begin].idea; ++end) {
        const ScoreRow& r = rows[end];
        if (end == begin || r.rater != rows[end - 1].rater) ++raters;
        core::CriterionStats& st = sums[r.criterion];
        st.n += 1;
        st.sum += r.value;
        st.sumsq += static_cast<std::int64_t>(r.value) * r.value;
    }
    auto idea = static_cast<std::int64_t>(rows[begin].idea);
    for (const auto& [criterion, st] : sums)
        db.cached("INSERT INTO score_agg (idea, criterion, n, sum, sumsq) VALUES (?, ?, ?, ?, ?)")
            .bind_all(idea, static_cast<std::int64_t>(criterion), st.n, st.sum, st.sumsq)
            .run();
    db.cached("UPDATE idea SET raters = ? WHERE rid = ?").bind_all(raters, idea).run();
    return end;
}

// score_agg and idea.raters computed while the sorted rows are in memory: a GROUP BY over the
// score table would sort 4.5 million rows again (about 2 s of the 10,000 x 50 x 9 benchmark).
void insert_aggregates(Database& db, const std::vector<ScoreRow>& rows) {
    for (std::size_t begin = 0; begin < rows.size();) begin = insert_idea_aggregates(db, rows, begin);
}

}  // namespace

std::int64_t find_rid(Database& db, std::string_view table, std::string_view id) {
    return db.cached("SELECT rid FROM " + std::string(table) + " WHERE id = ?").bind_all(id).one_int64().value_or(0);
}

std::string id_of(Database& db, std::string_view table, std::int64_t rid) {
    auto& st = db.cached("SELECT id FROM " + std::string(table) + " WHERE rid = ?");
    st.bind(1, rid);
    std::string id = st.step() ? st.column_text(0) : "#" + std::to_string(rid);
    st.reset();
    return id;
}

std::int64_t rid_of(Database& db, std::string_view table, std::string_view id) {
    std::int64_t rid = find_rid(db, table, id);
    if (rid == 0) throw StorageError(db.name() + ": unknown " + std::string(table) + " '" + std::string(id) + "'");
    return rid;
}

void write_meta(Database& db, std::string_view key, std::string_view value) {
    db.cached("INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value")
        .bind_all(key, value)
        .run();
}

void write_info(Database& db, const core::WorkshopInfo& info) {
    write_meta(db, "title", info.title);
    write_meta(db, "organisation", info.organisation);
    write_meta(db, "date", info.date);
    write_meta(db, "facilitator", info.facilitator);
    write_meta(db, "language", info.language);
    write_meta(db, "template", info.template_id);
}

void write_selection(Database& db, const core::SelectionRules& r) {
    db.cached(
          "INSERT OR REPLACE INTO selection (single, max_risk, min_visibility, min_raters, size, max_per_department) "
          "VALUES (1, ?, ?, ?, ?, ?)")
        .bind_all(r.max_risk, r.min_visibility, r.min_raters, r.size, r.max_per_department)
        .run();
}

// INSERT and UPDATE number their parameters alike, so that one binder serves both.
namespace {
void bind_participant(Statement& st, const core::Participant& p) {
    st.bind_all(p.id, p.name, p.department, core::to_string(p.role));
}

void bind_idea(Database& db, Statement& st, const core::Idea& idea) {
    st.bind_all(idea.id, idea.title, idea.problem, idea.solution, idea.department);
    if (idea.owner.empty())
        st.bind(6, nullptr);
    else
        st.bind(6, rid_of(db, "participant", idea.owner));
    st.bind(7, idea.success_criteria);
    if (idea.decision) {
        st.bind(8, core::to_string(idea.decision->pin));
        st.bind(9, idea.decision->reason);
    } else {
        st.bind(8, nullptr);
        st.bind(9, std::string_view());
    }
}
}  // namespace

void insert_participant(Database& db, const core::Participant& p, std::int64_t position) {
    Statement& st = db.cached("INSERT INTO participant (id, name, department, role, position) VALUES (?1, ?2, ?3, ?4, ?5)");
    bind_participant(st, p);
    st.bind(5, position).run();
}

void insert_phone_token(Database& db, const std::string& token, const std::string& participant) {
    db.cached("INSERT INTO phone_token (token, participant) VALUES (?, ?)").bind_all(token, rid_of(db, "participant", participant)).run();
}

void update_participant(Database& db, const core::Participant& p) {
    Statement& st = db.cached("UPDATE participant SET name = ?2, department = ?3, role = ?4 WHERE id = ?1");
    bind_participant(st, p);
    st.run();
}

void insert_idea(Database& db, const core::Idea& idea, std::int64_t position) {
    Statement& st = db.cached(
        "INSERT INTO idea (id, title, problem, solution, department, owner, success_criteria, pin, pin_reason, position) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)");
    bind_idea(db, st, idea);  // may look up the owner: a cached statement of its own
    st.bind(10, position).run();
}

void update_idea(Database& db, const core::Idea& idea) {
    Statement& st = db.cached(
        "UPDATE idea SET title = ?2, problem = ?3, solution = ?4, department = ?5, owner = ?6, "
        "success_criteria = ?7, pin = ?8, pin_reason = ?9 WHERE id = ?1");
    bind_idea(db, st, idea);
    st.run();
}

void insert_workshop(Database& db, const core::Workshop& ws) {
    write_info(db, ws.info);
    write_meta(db, "current_stage", "0");
    write_meta(db, "created_by", "pilotdeck " PILOTDECK_VERSION);
    write_selection(db, ws.selection);
    for (std::size_t i = 0; i < ws.stages.size(); ++i) insert_stage(db, ws.stages[i], static_cast<std::int64_t>(i));
    for (std::size_t i = 0; i < ws.concerns.size(); ++i) insert_concern(db, ws.concerns[i], static_cast<std::int64_t>(i));

    RidMap criteria(db, "criterion"), raters(db, "participant"), ideas(db, "idea");
    for (std::size_t i = 0; i < ws.criteria.size(); ++i)
        criteria.add(ws.criteria[i].id, insert_criterion(db, ws.criteria[i], static_cast<std::int64_t>(i)));
    for (std::size_t i = 0; i < ws.participants.size(); ++i) {
        insert_participant(db, ws.participants[i], static_cast<std::int64_t>(i));
        raters.add(ws.participants[i].id, db.last_insert_rowid());
    }
    for (std::size_t i = 0; i < ws.ideas.size(); ++i) {
        insert_idea(db, ws.ideas[i], static_cast<std::int64_t>(i));
        ideas.add(ws.ideas[i].id, db.last_insert_rowid());
    }
    write_followups(db, ws.ideas);
    std::vector<ScoreRow> rows = resolve_scores(ws.scores, ideas, raters, criteria);
    require_unique(db, rows);
    insert_scores(db, rows);
    insert_aggregates(db, rows);
    insert_hackathon(db, ws);
}

}  // namespace pilotdeck::storage::tables
