#include "storage_fixtures.hpp"

#include <sqlite3.h>

#include <fstream>
#include <random>
#include <sstream>
#include <stdexcept>

#include "storage/workshop_file.hpp"

namespace pilotdeck::test {
namespace {

core::Criterion criterion(std::string id, core::Axis axis, double weight) {
    core::Criterion c;
    c.id = id;
    c.label = "Label of " + id;
    c.axis = axis;
    c.weight = weight;
    c.help = "How much " + id + "?";
    c.levels = {{1, "very little"}, {3, "some"}, {5, "a lot"}};
    return c;
}

void base_workshop(core::Workshop& ws) {
    ws.info = {"AI pilots 2026", "Maasdal Logistics", "2026-11-26", "Ann Facilitator", "en", "use-case-workshop"};
    ws.selection = {2.25, 3.75, 2, 4, 2};
}

}  // namespace

core::Workshop sample_workshop() {
    core::Workshop ws;
    base_workshop(ws);
    ws.stages = {
        {"welcome", core::StageKind::Intro, "Welcome", 10, "Why we are here", {"What do you hope for?", "Één vraag"}},
        {"worries", core::StageKind::Concerns, "Worries", 15, "Name them", {}},
        {"score", core::StageKind::Scoring, "Scoring", 30, "Rate every idea", {"Be honest"}},
    };
    ws.concerns = {{"jobs", "My job", "It changes tasks, not jobs", 3},
                   {"privacy", "Privacy", "Data stays inside", 0},
                   {"errors", "Mistakes", "A person checks", 7}};
    ws.criteria = {criterion("time_saved", core::Axis::Benefit, 2.0), criterion("quality", core::Axis::Benefit, 1.0),
                   criterion("privacy_risk", core::Axis::Risk, 1.5), criterion("visible", core::Axis::Visibility, 1.0)};
    ws.criteria[2].min = 0;
    ws.criteria[2].max = 10;
    ws.participants = {{"p1", "Bram", "Finance", core::Role::Champion},
                       {"p2", "Chloé", "Sales", core::Role::User},
                       {"p3", "Dirk", "IT", core::Role::Developer},
                       {"p4", "Eva", "Board", core::Role::Decider},
                       {"p5", "Femke", "", core::Role::User}};
    const auto make_idea = [](const char* id, const char* title, const char* problem, const char* solution,
                         const char* department, const char* owner, const char* success,
                         std::optional<core::Decision> decision) {
        core::Idea i;
        i.id = id, i.title = title, i.problem = problem, i.solution = solution, i.department = department;
        i.owner = owner, i.success_criteria = success, i.decision = std::move(decision);
        return i;
    };
    ws.ideas = {
        make_idea("i1", "Invoice triage", "Slow invoices", "Classify them", "Finance", "p1", "50% faster", std::nullopt),
        make_idea("i2", "Chat for “quotes”", "Quotes take days", "A draft bot", "Sales", "", "", core::Decision{core::Pin::Include, "The board wants it"}),
        make_idea("i3", "Log summaries", "Too many logs", "Summaries", "IT", "p3", "", core::Decision{core::Pin::Exclude, ""}),
        make_idea("i4", "Route planning", "", "", "Logistics", "p5", "fewer km", std::nullopt),
        make_idea("i5", "Empty idea", "", "", "", "", "", std::nullopt),
        make_idea("i6", "Contract review", "Risky clauses", "Highlight", "Legal", "p4", "no missed clause", std::nullopt),
    };
    // In list order: idea, then rater, then criterion. i5 has no scores.
    for (const char* idea : {"i1", "i2", "i3", "i4", "i6"})
        for (int r = 0; r < 5; ++r)
            for (std::size_t c = 0; c < ws.criteria.size(); ++c) {
                if ((r + static_cast<int>(c) + idea[1]) % 4 == 0) continue;  // some left out
                ws.scores.push_back({idea, ws.participants[static_cast<std::size_t>(r)].id, ws.criteria[c].id, 1 + (r * 3 + static_cast<int>(c)) % 5});
            }
    return ws;
}

core::Workshop big_workshop(int ideas, int raters, int criteria) {
    core::Workshop ws;
    base_workshop(ws);
    const core::Axis axes[] = {core::Axis::Benefit, core::Axis::Risk, core::Axis::Visibility};
    for (int c = 0; c < criteria; ++c) ws.criteria.push_back(criterion("c" + std::to_string(c), axes[c % 3], 1.0));
    for (int r = 0; r < raters; ++r)
        ws.participants.push_back({"p" + std::to_string(r + 1), "Rater " + std::to_string(r + 1), "Dept", core::Role::User});
    for (int i = 0; i < ideas; ++i) {
        core::Idea idea;
        idea.id = "i" + std::to_string(i + 1);
        idea.title = "Idea " + std::to_string(i + 1);
        idea.department = "Dept " + std::to_string(i % 17);
        ws.ideas.push_back(std::move(idea));
    }
    std::mt19937 rng(42);
    std::uniform_int_distribution<int> value(1, 5);
    ws.scores.reserve(ws.ideas.size() * ws.participants.size() * ws.criteria.size());
    for (const auto& idea : ws.ideas)
        for (const auto& rater : ws.participants)
            for (const auto& c : ws.criteria) ws.scores.push_back({idea.id, rater.id, c.id, value(rng)});
    return ws;
}

namespace {
struct RawDb {
    sqlite3* db = nullptr;
    explicit RawDb(const std::string& path, int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE) {
        if (sqlite3_open_v2(path.c_str(), &db, flags, nullptr) != SQLITE_OK)
            throw std::runtime_error("raw open failed: " + path);
    }
    ~RawDb() { sqlite3_close(db); }
    [[noreturn]] void fail(const std::string& sql) const {
        throw std::runtime_error("raw sql failed: " + sql + ": " + sqlite3_errmsg(db));
    }
};
}  // namespace

void raw_exec(const std::string& path, const std::string& sql) {
    RawDb raw(path);
    if (sqlite3_exec(raw.db, sql.c_str(), nullptr, nullptr, nullptr) != SQLITE_OK) raw.fail(sql);
}

std::string raw_query(const std::string& path, const std::string& sql) {
    RawDb raw(path);
    sqlite3_stmt* st = nullptr;
    if (sqlite3_prepare_v2(raw.db, sql.c_str(), -1, &st, nullptr) != SQLITE_OK) raw.fail(sql);
    std::string result;
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW && sqlite3_column_text(st, 0)) result = reinterpret_cast<const char*>(sqlite3_column_text(st, 0));
    sqlite3_finalize(st);
    if (rc != SQLITE_ROW && rc != SQLITE_DONE) raw.fail(sql);
    return result;
}

std::string raw_quick_check(const std::string& path) {
    RawDb raw(path, SQLITE_OPEN_READONLY);
    sqlite3_stmt* st = nullptr;
    int rc = sqlite3_prepare_v2(raw.db, "PRAGMA quick_check(1)", -1, &st, nullptr);
    if (rc == SQLITE_OK) rc = sqlite3_step(st);
    std::string result = rc == SQLITE_ROW ? reinterpret_cast<const char*>(sqlite3_column_text(st, 0))
                                          : sqlite3_errstr(rc);
    sqlite3_finalize(st);
    return result;
}

void damage_middle_page(const std::string& path) {
    std::string bytes;
    {
        std::ifstream in(path, std::ios::binary);
        std::ostringstream ss;
        ss << in.rdbuf();
        bytes = ss.str();
    }
    const std::size_t page = bytes.size() / 4096 / 2;
    if (page == 0) throw std::runtime_error(path + ": too small to damage a middle page");
    bytes.replace(page * 4096, 64, std::string(64, '\xff'));
    std::ofstream(path, std::ios::binary | std::ios::trunc) << bytes;
    if (raw_quick_check(path) == "ok") throw std::runtime_error(path + ": still sound after the damage");
}

std::string storage_error_of(const std::function<void()>& f) {
    try {
        f();
    } catch (const storage::StorageError& e) {
        return e.what();
    }
    return "(no error)";
}

std::set<std::string> listing(const std::filesystem::path& dir) {
    std::set<std::string> names;
    for (const auto& entry : std::filesystem::directory_iterator(dir)) names.insert(entry.path().filename().string());
    return names;
}

}  // namespace pilotdeck::test
