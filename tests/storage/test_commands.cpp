// Every command kind persisted, seen again after reopening the file; failures save nothing.
#include <algorithm>
#include <catch2/catch.hpp>
#include <map>
#include <random>
#include <tuple>

#include "storage/workshop_file.hpp"
#include "storage_fixtures.hpp"
#include "support/temp_dir.hpp"

using namespace pilotdeck;
using storage::StorageError;
using storage::WorkshopFile;
using test::TempDir;

namespace {

// A workshop file made from sample_workshop(), and `expected`: the workshop the file should hold.
struct Opened {
    TempDir dir;
    std::string path = dir.file("w.pilotdeck");
    core::Workshop expected = test::sample_workshop();
    std::unique_ptr<WorkshopFile> file = WorkshopFile::create(path, expected);

    // Closes the file and loads it again from disk.
    core::Workshop reloaded() {
        file.reset();
        file = WorkshopFile::open(path);
        return file->load();
    }
};

template <class List>
std::size_t index_of(const List& list, const std::string& id) {
    return static_cast<std::size_t>(
        std::find_if(list.begin(), list.end(), [&](const auto& x) { return x.id == id; }) - list.begin());
}

// Scores as load() orders them: by idea, rater and criterion list position.
void sort_scores(core::Workshop& ws) {
    auto key = [&](const core::Score& s) {
        return std::tuple(index_of(ws.ideas, s.idea), index_of(ws.participants, s.rater), index_of(ws.criteria, s.criterion));
    };
    std::sort(ws.scores.begin(), ws.scores.end(), [&](const auto& a, const auto& b) { return key(a) < key(b); });
}

// What SetScore does to the workshop in memory.
void set_score(core::Workshop& ws, const core::SetScore& c) {
    std::erase_if(ws.scores, [&](const core::Score& s) {
        return s.idea == c.idea && s.rater == c.rater && s.criterion == c.criterion;
    });
    if (c.value) ws.scores.push_back({c.idea, c.rater, c.criterion, *c.value});
    sort_scores(ws);
}

std::string describe(const std::map<std::string, core::CriterionStats>& stats) {
    std::string out;
    for (const auto& [criterion, st] : stats)
        out += criterion + ":" + std::to_string(st.n) + "/" + std::to_string(st.sum) + "/" + std::to_string(st.sumsq) + " ";
    return out;
}

void require_aggregates_match_scores(const WorkshopFile& file, const std::vector<core::Score>& scores) {
    auto expected = core::Aggregates::from_scores(scores);
    auto stored = file.load_aggregates();
    REQUIRE(stored.all().size() == expected.all().size());
    for (const auto& [idea, stats] : expected.all()) {
        const auto* got = stored.find(idea);
        REQUIRE(got != nullptr);
        INFO("idea " << idea << ": stored " << describe(got->by_criterion) << ", scores give " << describe(stats.by_criterion));
        REQUIRE(got->by_criterion == stats.by_criterion);
        REQUIRE(got->raters == stats.raters);
    }
}

}  // namespace

TEST_CASE("every command kind is on disk after reopening") {
    Opened w;

    SECTION("SetInfo") {
        core::WorkshopInfo info{"New title", "Org", "2027-01-02", "Bo", "nl", "hackathon"};
        w.file->apply(core::SetInfo{info});
        w.expected.info = info;
    }
    SECTION("SetCurrentStage") {
        w.file->apply(core::SetCurrentStage{2});
        w.reloaded();
        CHECK(w.file->current_stage() == 2);
    }
    SECTION("SetConcernCount") {
        w.file->apply(core::SetConcernCount{"privacy", 4});
        w.expected.concerns[1].count = 4;
    }
    SECTION("PutParticipant inserts at a position, at the end, or replaces in place") {
        core::Participant added{"p6", "Gijs", "HR", core::Role::Decider};
        core::Participant changed{"p2", "Chloé B.", "Marketing", core::Role::Champion};
        core::Participant second{"p7", "Hanna", "HR", core::Role::User};
        w.file->apply(core::PutParticipant{added, std::nullopt});
        w.file->apply(core::PutParticipant{changed, 0});  // replacing keeps the participant where it is
        w.file->apply(core::PutParticipant{second, 1});
        w.expected.participants[1] = changed;
        w.expected.participants.push_back(added);
        w.expected.participants.insert(w.expected.participants.begin() + 1, second);
        sort_scores(w.expected);
    }
    SECTION("RemoveParticipant closes the gap in the list") {
        core::Participant a{"p6", "A", "", core::Role::User}, b{"p7", "B", "", core::Role::User}, c{"p8", "C", "", core::Role::User};
        w.file->apply(core::PutParticipant{a, std::nullopt});
        w.file->apply(core::PutParticipant{b, std::nullopt});
        w.file->apply(core::RemoveParticipant{"p6"});
        w.file->apply(core::PutParticipant{c, std::nullopt});
        w.expected.participants.push_back(b);
        w.expected.participants.push_back(c);
    }
    SECTION("PutIdea inserts at a position, at the end, or replaces in place") {
        core::Idea first{"i7", "First", "", "", "Ops", "p2", "", std::nullopt};
        core::Idea last{"i8", "Last", "p", "s", "Ops", "", "", core::Decision{core::Pin::Exclude, "no budget"}};
        core::Idea beyond{"i9", "Beyond", "", "", "", "", "", std::nullopt};
        core::Idea changed = w.expected.ideas[2];
        changed.title = "Log summaries v2";
        changed.decision.reset();
        changed.owner = "";
        w.file->apply(core::PutIdea{first, 1});
        w.file->apply(core::PutIdea{last, std::nullopt});
        w.file->apply(core::PutIdea{beyond, 99});
        w.file->apply(core::PutIdea{changed, 0});  // replacing keeps the idea where it is
        w.expected.ideas[2] = changed;
        w.expected.ideas.insert(w.expected.ideas.begin() + 1, first);
        w.expected.ideas.push_back(last);
        w.expected.ideas.push_back(beyond);
        sort_scores(w.expected);
    }
    SECTION("RemoveIdea takes its scores and sums") {
        w.file->apply(core::RemoveIdea{"i2"});
        w.expected.ideas.erase(w.expected.ideas.begin() + 1);
        std::erase_if(w.expected.scores, [](const core::Score& s) { return s.idea == "i2"; });
        CHECK(test::raw_query(w.path, "SELECT count(*) FROM score_agg a JOIN idea i ON i.rid = a.idea WHERE i.id = 'i2'") == "0");
    }
    SECTION("SetScore sets, changes and clears") {
        for (const core::SetScore& c : {core::SetScore{"i5", "p1", "quality", 4}, core::SetScore{"i1", "p2", "quality", 1},
                                        core::SetScore{"i1", "p1", "privacy_risk", std::nullopt},
                                        core::SetScore{"i5", "p3", "privacy_risk", 0}}) {
            w.file->apply(c);
            set_score(w.expected, c);
        }
        require_aggregates_match_scores(*w.file, w.expected.scores);
    }
    SECTION("SetSelection") {
        core::SelectionRules rules{3.0, 2.0, 5, 6, 3};
        w.file->apply(core::SetSelection{rules});
        w.expected.selection = rules;
    }
    SECTION("Batch applies all its commands") {
        core::Participant added{"p6", "Gijs", "HR", core::Role::User};
        w.file->apply(core::Batch{{core::PutParticipant{added, std::nullopt}, core::SetScore{"i5", "p6", "visible", 5},
                                   core::SetConcernCount{"jobs", 9}},
                                  "label"});
        w.expected.participants.push_back(added);
        w.expected.concerns[0].count = 9;
        set_score(w.expected, {"i5", "p6", "visible", 5});
    }
    SECTION("RemoveIdea then putting it back with its scores restores the workshop") {
        core::Batch undo{{core::PutIdea{w.expected.ideas[1], 1}}, "undo"};
        for (const auto& s : w.expected.scores)
            if (s.idea == "i2") undo.commands.push_back(core::SetScore{s.idea, s.rater, s.criterion, s.value});
        w.file->apply(core::RemoveIdea{"i2"});
        w.file->apply(undo);
    }
    REQUIRE(w.reloaded() == w.expected);
    REQUIRE(WorkshopFile::check(w.path).ok);
}

TEST_CASE("a command that fails saves nothing, not even its earlier parts") {
    Opened w;
    w.file.reset();
    std::string before = test::read_all(w.path);
    w.file = WorkshopFile::open(w.path);
    core::SetInfo rename{{"Renamed", "", "", "", "en", ""}};

    SECTION("unknown idea") {
        CHECK_THROWS_WITH(w.file->apply(core::Batch{{rename, core::SetScore{"i404", "p1", "quality", 3}}, ""}),
                          w.path + ": unknown idea 'i404'");
    }
    SECTION("a participant who still has scores cannot be removed") {
        CHECK_THROWS_AS(w.file->apply(core::Batch{{rename, core::RemoveParticipant{"p2"}}, ""}), StorageError);
    }
    SECTION("unknown concern") {
        CHECK_THROWS_WITH(w.file->apply(core::Batch{{rename, core::SetConcernCount{"weather", 1}}, ""}),
                          w.path + ": unknown concern 'weather'");
    }
    CHECK(w.reloaded() == w.expected);
    w.file.reset();
    CHECK(test::read_all(w.path) == before);
}

TEST_CASE("stored sums and raters follow random score edits exactly") {
    Opened w;
    std::mt19937 rng(20261126);
    auto pick = [&](std::size_t n) { return std::uniform_int_distribution<std::size_t>(0, n - 1)(rng); };
    core::Batch batch;
    for (int step = 0; step < 600; ++step) {
        const auto& idea = w.expected.ideas[pick(w.expected.ideas.size())];
        const auto& rater = w.expected.participants[pick(w.expected.participants.size())];
        const auto& crit = w.expected.criteria[pick(w.expected.criteria.size())];
        std::optional<int> value;
        if (pick(10) >= 3) value = std::uniform_int_distribution<int>(crit.min, crit.max)(rng);
        core::SetScore c{idea.id, rater.id, crit.id, value};
        set_score(w.expected, c);
        // Mostly single commands, sometimes a batch of several (one transaction).
        batch.commands.push_back(c);
        if (pick(4) != 0 || step % 150 == 149) {
            w.file->apply(batch);
            batch.commands.clear();
        }
        if (step % 150 == 149) require_aggregates_match_scores(*w.file, w.expected.scores);
    }
    w.file->apply(batch);
    REQUIRE(w.reloaded().scores == w.expected.scores);
    require_aggregates_match_scores(*w.file, w.expected.scores);
    auto report = WorkshopFile::check(w.path);
    INFO((report.problems.empty() ? std::string() : report.problems.front()));
    REQUIRE(report.ok);
}

TEST_CASE("a file's workshop, saved again as a new file, loads the same (export, import, export)") {
    Opened w;
    // Rows whose keys are no longer in list order: an idea and a participant inserted in front.
    w.file->apply(core::PutParticipant{{"p0", "Zoë", "Ops", core::Role::User}, 0});
    w.file->apply(core::PutIdea{{"i0", "Zero", "", "", "Ops", "p0", "", std::nullopt}, 0});
    w.file->apply(core::SetScore{"i0", "p0", "quality", 2});
    w.file->apply(core::SetScore{"i1", "p0", "visible", 5});
    core::Workshop first = w.file->load();
    auto copy = WorkshopFile::create(w.dir.file("copy.pilotdeck"), first);
    REQUIRE(copy->load() == first);
}

TEST_CASE("a committed change survives a crash: the file and its write-ahead log as the crash left them") {
    Opened w;
    w.file->apply(core::SetScore{"i5", "p2", "visible", 3});
    w.file->apply(core::SetInfo{{"After the crash", "", "", "", "en", ""}});
    // Copied while the connection is still open, before any checkpoint: what a power cut leaves.
    std::string crashed = w.dir.file("crashed.pilotdeck");
    test::write_all(crashed, test::read_all(w.path));
    test::write_all(crashed + "-wal", test::read_all(w.path + "-wal"));
    // The changes are in the log only (so this test is not passed by the main file alone).
    test::write_all(w.dir.file("main-only.pilotdeck"), test::read_all(w.path));
    REQUIRE(WorkshopFile::open(w.dir.file("main-only.pilotdeck"))->load() == w.expected);
    set_score(w.expected, {"i5", "p2", "visible", 3});
    w.expected.info = {"After the crash", "", "", "", "en", ""};
    CHECK(WorkshopFile::open(crashed, WorkshopFile::Mode::ReadOnly)->load() == w.expected);
    CHECK(WorkshopFile::open(crashed)->load() == w.expected);
    CHECK(WorkshopFile::check(crashed).ok);
}
