#include <algorithm>
#include <map>
#include <string>
#include <tuple>
#include <unordered_map>

#include "storage/tables.hpp"
#include "storage/tables_followup.hpp"

namespace pilotdeck::storage::tables {
namespace {

using sqlite::Database;
using sqlite::Statement;

// A stored enum text that this version does not know means the file was edited by hand.
template <class E>
E parse_enum(const Database& db, std::optional<E> value, const std::string& text, std::string_view what) {
    if (!value) throw StorageError(db.name() + ": damaged: unknown " + std::string(what) + " '" + text + "'");
    return *value;
}

std::map<std::string, std::string> read_meta(Database& db) {
    std::map<std::string, std::string> meta;
    Statement st(db, "SELECT key, value FROM meta");
    while (st.step()) meta[st.column_text(0)] = st.column_text(1);
    return meta;
}

core::WorkshopInfo read_info(Database& db) {
    auto meta = read_meta(db);
    return {meta["title"], meta["organisation"], meta["date"], meta["facilitator"], meta["language"], meta["template"]};
}

std::vector<core::Stage> read_stages(Database& db) {
    std::vector<core::Stage> stages;
    std::unordered_map<std::int64_t, std::size_t> index;  // rid -> index in stages
    Statement st(db, "SELECT rid, id, kind, title, minutes, goal FROM stage ORDER BY position");
    while (st.step()) {
        std::string kind = st.column_text(2);
        index[st.column_int64(0)] = stages.size();
        stages.push_back({st.column_text(1), parse_enum(db, core::stage_kind_from(kind), kind, "stage kind"),
                          st.column_text(3), st.column_int(4), st.column_text(5), {}});
    }
    Statement prompts(db, "SELECT stage, text FROM stage_prompt ORDER BY stage, position");
    while (prompts.step()) stages.at(index.at(prompts.column_int64(0))).prompts.push_back(prompts.column_text(1));
    return stages;
}

std::vector<core::Concern> read_concerns(Database& db) {
    std::vector<core::Concern> concerns;
    Statement st(db, "SELECT id, label, response, count FROM concern ORDER BY position");
    while (st.step()) concerns.push_back({st.column_text(0), st.column_text(1), st.column_text(2), st.column_int(3)});
    return concerns;
}

std::vector<core::Criterion> read_criteria(Database& db) {
    std::vector<core::Criterion> criteria;
    std::unordered_map<std::int64_t, std::size_t> index;
    Statement st(db, "SELECT rid, id, label, axis, weight, min, max, help FROM criterion ORDER BY position");
    while (st.step()) {
        std::string axis = st.column_text(3);
        index[st.column_int64(0)] = criteria.size();
        criteria.push_back({st.column_text(1), st.column_text(2), parse_enum(db, core::axis_from(axis), axis, "axis"),
                            st.column_double(4), st.column_int(5), st.column_int(6), st.column_text(7), {}});
    }
    Statement levels(db, "SELECT criterion, level, text FROM criterion_level");
    while (levels.step()) criteria.at(index.at(levels.column_int64(0))).levels[levels.column_int(1)] = levels.column_text(2);
    return criteria;
}

core::SelectionRules read_selection(Database& db) {
    Statement st(db, "SELECT max_risk, min_visibility, min_raters, size, max_per_department FROM selection");
    if (!st.step()) throw StorageError(db.name() + ": damaged: the selection rules are missing");
    return {st.column_double(0), st.column_double(1), st.column_int(2), st.column_int(3), st.column_int(4)};
}

std::vector<core::Participant> read_participants(Database& db) {
    std::vector<core::Participant> participants;
    Statement st(db, "SELECT id, name, department, role FROM participant ORDER BY position");
    while (st.step()) {
        std::string role = st.column_text(3);
        participants.push_back(
            {st.column_text(0), st.column_text(1), st.column_text(2), parse_enum(db, core::role_from(role), role, "role")});
    }
    return participants;
}

std::vector<core::Idea> read_ideas(Database& db) {
    std::vector<core::Idea> ideas;
    Statement st(db,
                 "SELECT i.id, i.title, i.problem, i.solution, i.department, coalesce(p.id, ''), i.success_criteria, "
                 "i.pin, i.pin_reason FROM idea i LEFT JOIN participant p ON p.rid = i.owner ORDER BY i.position");
    while (st.step()) {
        core::Idea idea;
        idea.id = st.column_text(0);
        idea.title = st.column_text(1);
        idea.problem = st.column_text(2);
        idea.solution = st.column_text(3);
        idea.department = st.column_text(4);
        idea.owner = st.column_text(5);
        idea.success_criteria = st.column_text(6);
        if (!st.column_null(7)) {
            std::string pin = st.column_text(7);
            idea.decision = core::Decision{parse_enum(db, core::pin_from(pin), pin, "pin"), st.column_text(8)};
        }
        ideas.push_back(std::move(idea));
    }
    return ideas;
}

// rid -> index in the list's order, for the scores' references (looked up once per row).
class ListIndex {
public:
    ListIndex(Database& db, std::string_view table) : table_(table) {
        Statement st(db, "SELECT rid FROM " + std::string(table) + " ORDER BY position");
        while (st.step()) by_rid_.push_back({st.column_int64(0), static_cast<std::uint32_t>(by_rid_.size())});
        std::sort(by_rid_.begin(), by_rid_.end());
    }
    std::size_t size() const { return by_rid_.size(); }
    std::uint32_t at(const Database& db, std::int64_t rid) const {
        auto it = std::lower_bound(by_rid_.begin(), by_rid_.end(), std::pair{rid, std::uint32_t{0}});
        if (it == by_rid_.end() || it->first != rid)
            throw StorageError(db.name() + ": damaged: a score refers to a missing " + table_ + " (#" + std::to_string(rid) + ")");
        return it->second;
    }

private:
    std::string table_;
    std::vector<std::pair<std::int64_t, std::uint32_t>> by_rid_;
};

// Scores in list order (idea, then rater, then criterion, each as its list is ordered): the
// same file always loads the same way, whatever order the scores were written in. The table is
// read in its primary key order (idea, rater, criterion rids), so consecutive rows mostly share
// their idea and rater, which are then looked up once.
std::vector<core::Score> read_scores(Database& db, const core::Workshop& ws) {
    const ListIndex ideas(db, "idea"), raters(db, "participant"), criteria(db, "criterion");
    struct Row {
        std::uint32_t idea, rater, criterion;
        int value;
        auto key() const { return std::tie(idea, rater, criterion); }
    };
    std::vector<Row> rows;
    // The stored sums say how many scores there are: a hint only, bounded by what the key allows.
    // (total(), unlike sum(), cannot fail on an overflow.)
    Statement count(db, "SELECT total(n) FROM score_agg");
    const double hint = count.step() ? count.column_double(0) : 0.0;
    const double most = static_cast<double>(ideas.size()) * static_cast<double>(raters.size()) * static_cast<double>(criteria.size());
    if (hint > 0) rows.reserve(static_cast<std::size_t>(std::min(hint, most)));

    Statement st(db, "SELECT idea, rater, criterion, value FROM score");
    std::int64_t idea_rid = 0, rater_rid = 0;  // rids start at 1
    std::uint32_t idea = 0, rater = 0;
    while (st.step()) {
        if (const std::int64_t rid = st.column_int64(0); rid != idea_rid || idea_rid == 0) {
            idea = ideas.at(db, rid);
            idea_rid = rid;
        }
        if (const std::int64_t rid = st.column_int64(1); rid != rater_rid || rater_rid == 0) {
            rater = raters.at(db, rid);
            rater_rid = rid;
        }
        rows.push_back({idea, rater, criteria.at(db, st.column_int64(2)), st.column_int(3)});
    }
    auto by_key = [](const Row& a, const Row& b) { return a.key() < b.key(); };
    if (!std::is_sorted(rows.begin(), rows.end(), by_key)) std::sort(rows.begin(), rows.end(), by_key);

    std::vector<core::Score> scores;
    scores.reserve(rows.size());
    for (const Row& r : rows)
        scores.push_back(core::Score{ws.ideas[r.idea].id, ws.participants[r.rater].id, ws.criteria[r.criterion].id, r.value});
    return scores;
}

struct SumsRow {
    std::int64_t idea, criterion, n, sum, sumsq;
    auto key() const { return std::tie(idea, criterion); }
    auto sums() const { return std::tie(n, sum, sumsq); }
};

std::optional<SumsRow> next_sums(Statement& st) {
    if (!st.step()) return std::nullopt;
    return SumsRow{st.column_int64(0), st.column_int64(1), st.column_int64(2), st.column_int64(3), st.column_int64(4)};
}

std::string sums_problem(Database& db, const SumsRow& stored, const SumsRow& fresh) {
    auto sums = [](const SumsRow& r) {
        return "n=" + std::to_string(r.n) + " sum=" + std::to_string(r.sum) + " sumsq=" + std::to_string(r.sumsq);
    };
    return "stored sums of idea '" + id_of(db, "idea", stored.idea) + "' on '" + id_of(db, "criterion", stored.criterion) +
           "' are " + sums(stored) + ", its scores give " + sums(fresh);
}

}  // namespace

core::Workshop read_workshop(Database& db, bool with_scores) {
    core::Workshop ws;
    ws.info = read_info(db);
    ws.stages = read_stages(db);
    ws.concerns = read_concerns(db);
    ws.criteria = read_criteria(db);
    ws.selection = read_selection(db);
    ws.participants = read_participants(db);
    ws.ideas = read_ideas(db);
    read_followups(db, ws.ideas);
    if (with_scores) ws.scores = read_scores(db, ws);
    read_hackathon(db, ws);
    return ws;
}

core::Aggregates read_aggregates(Database& db) {
    core::Aggregates agg;
    Statement sums(db,
                   "SELECT i.id, c.id, a.n, a.sum, a.sumsq FROM score_agg a "
                   "JOIN idea i ON i.rid = a.idea JOIN criterion c ON c.rid = a.criterion");
    while (sums.step())
        agg.set_stats(sums.column_text(0), sums.column_text(1),
                      {sums.column_int64(2), sums.column_int64(3), sums.column_int64(4)});
    Statement raters(db, "SELECT id, raters FROM idea WHERE raters > 0");
    while (raters.step()) agg.set_raters(raters.column_text(0), raters.column_int(1));
    return agg;
}

std::vector<std::pair<std::string, std::string>> read_phone_tokens(Database& db) {
    std::vector<std::pair<std::string, std::string>> out;
    sqlite::Statement st(db, "SELECT t.token, p.id FROM phone_token t JOIN participant p ON p.rid = t.participant ORDER BY p.position");
    while (st.step()) out.emplace_back(st.column_text(0), st.column_text(1));
    return out;
}

int read_current_stage(Database& db) {
    auto meta = read_meta(db);
    try {
        return std::stoi(meta["current_stage"]);
    } catch (const std::exception&) {
        throw StorageError(db.name() + ": damaged: current stage '" + meta["current_stage"] + "' is not a number");
    }
}

std::vector<std::string> order_problems(Database& db) {
    std::vector<std::string> problems;
    for (const char* table : {"stage", "concern", "criterion", "participant", "idea"}) {
        Statement st(db, "SELECT count(*) = count(DISTINCT position) AND coalesce(min(position), 0) = 0 "
                         "AND coalesce(max(position), -1) = count(*) - 1 FROM " + std::string(table));
        if (st.step() && st.column_int(0) == 0)
            problems.push_back(std::string("the positions of the ") + table + " list are not 0..n-1");
    }
    return problems;
}

std::vector<std::string> aggregate_problems(Database& db, int limit) {
    std::vector<std::string> problems;
    auto full = [&] { return static_cast<int>(problems.size()) >= limit; };
    // Both in (idea, criterion) order, merged like two sorted lists: one pass over the scores
    // (a join of the two would be quadratic on a big workshop).
    Statement stored(db, "SELECT idea, criterion, n, sum, sumsq FROM score_agg ORDER BY idea, criterion");
    Statement fresh(db,
                    "SELECT idea, criterion, count(*), sum(value), sum(value * value) FROM score "
                    "GROUP BY idea, criterion ORDER BY idea, criterion");
    std::optional<SumsRow> s = next_sums(stored), f = next_sums(fresh);
    while ((s || f) && !full()) {
        if (s && f && s->key() == f->key()) {
            if (s->sums() != f->sums()) problems.push_back(sums_problem(db, *s, *f));
            s = next_sums(stored);
            f = next_sums(fresh);
        } else if (s && (!f || s->key() < f->key())) {  // sums without scores
            problems.push_back(sums_problem(db, *s, {s->idea, s->criterion, 0, 0, 0}));
            s = next_sums(stored);
        } else {  // scores without sums
            problems.push_back(sums_problem(db, {f->idea, f->criterion, 0, 0, 0}, *f));
            f = next_sums(fresh);
        }
    }
    Statement raters(db,
                     "SELECT id, raters, fresh FROM (SELECT id, raters, "
                     "  (SELECT count(DISTINCT rater) FROM score WHERE score.idea = idea.rid) AS fresh FROM idea) "
                     "WHERE raters != fresh");
    while (!full() && raters.step())
        problems.push_back("idea '" + raters.column_text(0) + "' is stored with " + raters.column_text(1) +
                           " raters, its scores have " + raters.column_text(2));
    return problems;
}

}  // namespace pilotdeck::storage::tables
