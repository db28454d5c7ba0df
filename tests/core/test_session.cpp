#include <catch2/catch.hpp>

#include <algorithm>
#include <map>
#include <random>
#include <stdexcept>
#include <tuple>

#include "core/session.hpp"
#include "storage/workshop_file.hpp"
#include "support/temp_dir.hpp"

using namespace pilotdeck::core;

namespace {

Workshop small_workshop() {
    Workshop ws;
    ws.info.title = "Test";
    ws.stages = {{"s1", StageKind::Intro, "Welcome", 10, "", {}}, {"s2", StageKind::Scoring, "Score", 30, "", {}}};
    ws.concerns = {{"jobs", "Jobs", "Answer", 0}};
    Criterion b;
    b.id = "b";
    b.label = "Benefit";
    Criterion r = b;
    r.id = "r";
    r.label = "Risk";
    r.axis = Axis::Risk;
    Criterion v = b;
    v.id = "v";
    v.label = "Visibility";
    v.axis = Axis::Visibility;
    ws.criteria = {b, r, v};
    ws.participants = {{"p1", "Ann", "Ops", Role::User}, {"p2", "Bob", "IT", Role::Developer}};
    ws.ideas = {{"i1", "First", "", "", "Ops", "p1", "", std::nullopt}};
    ws.scores = {{"i1", "p1", "b", 4}};
    return ws;
}

// A store that records what it persisted and can be told to fail, to check that a failed
// save leaves the session unchanged. (It stands in for the disk only; storage has its own tests.)
struct RecordingStore : Store {
    std::vector<Command> applied;
    bool fail_next = false;
    void apply(const Command& c) override {
        if (fail_next) {
            fail_next = false;
            throw std::runtime_error("disk full");
        }
        applied.push_back(c);
    }
};

}  // namespace

TEST_CASE("commands are validated against the workshop", "[session]") {
    Session s(small_workshop(), 0, nullptr);
    CHECK_THROWS_AS(s.execute(SetScore{"i1", "p1", "b", 6}), CommandError);   // off the scale
    CHECK_THROWS_AS(s.execute(SetScore{"i9", "p1", "b", 3}), CommandError);   // unknown idea
    CHECK_THROWS_AS(s.execute(SetScore{"i1", "p9", "b", 3}), CommandError);   // unknown rater
    CHECK_THROWS_AS(s.execute(SetScore{"i1", "p1", "zz", 3}), CommandError);  // unknown criterion
    CHECK_THROWS_AS(s.execute(PutIdea{{"i2", "  ", "", "", "", "", "", std::nullopt}, std::nullopt}), CommandError);
    CHECK_THROWS_AS(s.execute(PutIdea{{"i2", "T", "", "", "", "nobody", "", std::nullopt}, std::nullopt}), CommandError);
    CHECK_THROWS_AS(s.execute(SetCurrentStage{2}), CommandError);
    CHECK_THROWS_AS(s.execute(RemoveParticipant{"p1"}), CommandError);  // owns i1 and scored
    CHECK_THROWS_AS(s.execute(SetInfo{{"T", "", "2026-02-30", "", "", ""}}), CommandError);
    SelectionRules bad;
    bad.size = 0;
    CHECK_THROWS_AS(s.execute(SetSelection{bad}), CommandError);
    CHECK_FALSE(s.can_undo());  // nothing happened
}

TEST_CASE("scores update the cached results incrementally", "[session]") {
    Session s(small_workshop(), 0, nullptr);
    REQUIRE(s.result_for("i1")->benefit == 4.0);
    s.execute(SetScore{"i1", "p2", "b", 2});
    CHECK(s.result_for("i1")->benefit == 3.0);
    CHECK(s.result_for("i1")->raters == 2);
    CHECK(s.result_for("i1")->contested);  // sd of {4, 2} = 1.41
    s.execute(SetScore{"i1", "p2", "b", 4});
    CHECK(s.result_for("i1")->benefit == 4.0);
    CHECK_FALSE(s.result_for("i1")->contested);
    s.execute(SetScore{"i1", "p2", "b", std::nullopt});
    CHECK(s.result_for("i1")->raters == 1);
    CHECK(s.score("i1", "p2", "b") == std::nullopt);
    CHECK(s.score("i1", "p1", "b") == 4);
}

TEST_CASE("undo and redo restore every kind of edit", "[session][undo]") {
    Session s(small_workshop(), 0, nullptr);
    const Workshop original = s.workshop();

    s.execute(PutIdea{{s.next_idea_id(), "Second", "p", "s", "IT", "p2", "sc", std::nullopt}, std::nullopt});
    CHECK(s.workshop().ideas.back().id == "i2");
    s.execute(SetScore{"i2", "p2", "r", 5});
    s.execute(SetConcernCount{"jobs", 3});
    s.execute(PutParticipant{{"p3", "Cem", "HR", Role::Champion}, std::nullopt});
    s.execute(SetCurrentStage{1});
    SelectionRules rules;
    rules.size = 5;
    s.execute(SetSelection{rules});
    Idea edited = s.workshop().ideas[0];
    edited.title = "First, edited";
    edited.decision = Decision{Pin::Exclude, "legal"};
    s.execute(PutIdea{edited, std::nullopt});
    s.execute(RemoveIdea{"i1"});  // takes its score along
    CHECK(s.workshop().ideas.size() == 1);
    CHECK(s.workshop().scores.size() == 1);
    const Workshop after = s.workshop();

    int undone = 0;
    while (s.undo()) ++undone;
    CHECK(undone == 8);
    CHECK(s.workshop() == original);
    CHECK(s.current_stage() == 0);
    CHECK(s.result_for("i1")->benefit == 4.0);

    while (s.redo()) {}
    CHECK(s.workshop().ideas == after.ideas);
    CHECK(s.workshop().concerns == after.concerns);
    CHECK(s.workshop().selection == after.selection);
    CHECK(s.current_stage() == 1);

    // Undo of a delete puts the idea back at its place with its scores.
    s.undo();
    CHECK(s.workshop().ideas[0].id == "i1");
    CHECK(s.score("i1", "p1", "b") == 4);
    CHECK(s.redo_label() == "Delete idea");
}

TEST_CASE("edits that are not the facilitator's are saved but not undoable", "[session][undo]") {
    RecordingStore store;
    Session s(small_workshop(), 0, &store);
    s.execute(SetConcernCount{"jobs", 1});
    s.execute(SetScore{"i1", "p2", "b", 5}, false);  // a phone's vote
    CHECK(store.applied.size() == 2);
    CHECK(s.undo_label() == "Count a concern");
    s.undo();
    CHECK(s.score("i1", "p2", "b") == 5);  // the vote stays
    CHECK(s.workshop().concerns[0].count == 0);
}

TEST_CASE("text limits count characters, not bytes", "[session]") {
    Session s(small_workshop(), 0, nullptr);
    const std::string accented_200 = [] { std::string t; for (int i = 0; i < 200; ++i) t += "\xC3\xA9"; return t; }();
    s.execute(PutIdea{{"i2", accented_200, "", "", "", "", "", std::nullopt}, std::nullopt});  // 200 characters, 400 bytes
    CHECK(s.find_idea("i2"));
    CHECK_THROWS_AS(s.execute(PutIdea{{"i3", accented_200 + "x", "", "", "", "", "", std::nullopt}, std::nullopt}), CommandError);
}

TEST_CASE("a new edit clears redo", "[session][undo]") {
    Session s(small_workshop(), 0, nullptr);
    s.execute(SetConcernCount{"jobs", 1});
    s.undo();
    CHECK(s.can_redo());
    s.execute(SetConcernCount{"jobs", 2});
    CHECK_FALSE(s.can_redo());
}

TEST_CASE("a batch is one edit: merge two ideas keeping scores", "[session][undo]") {
    Session s(small_workshop(), 0, nullptr);
    s.execute(PutIdea{{"i2", "Duplicate", "", "", "Ops", "", "", std::nullopt}, std::nullopt});
    s.execute(SetScore{"i2", "p2", "b", 2});
    s.execute(SetScore{"i2", "p1", "b", 5});  // i1 already has p1/b: the kept idea's score wins
    s.execute(SetScore{"i2", "p2", "r", 3});
    s.execute(SetScore{"i1", "p2", "r", 1});  // both have p2/r: i1's stays
    const Batch merge = merge_ideas(s.workshop(), *s.find_idea("i2"), *s.find_idea("i1"));
    CHECK(merge.commands.size() == 2);  // p2/b moves over, then i2 goes
    s.execute(merge);
    CHECK(s.workshop().ideas.size() == 1);
    CHECK(s.score("i1", "p2", "b") == 2);
    CHECK(s.score("i1", "p1", "b") == 4);
    CHECK(s.score("i1", "p2", "r") == 1);
    CHECK(s.workshop().scores.size() == 3);
    CHECK(s.result_for("i1")->raters == 2);
    CHECK(s.undo_label() == "Merge \u201CDuplicate\u201D into \u201CFirst\u201D");
    s.undo();
    CHECK(s.workshop().ideas.size() == 2);
    CHECK(s.score("i2", "p1", "b") == 5);
    CHECK(s.score("i2", "p2", "r") == 3);
    CHECK(s.score("i1", "p2", "b") == std::nullopt);
    CHECK(s.score("i1", "p2", "r") == 1);
}

TEST_CASE("a failing batch step leaves nothing applied", "[session]") {
    Session s(small_workshop(), 0, nullptr);
    const Workshop before = s.workshop();
    Batch bad{{SetScore{"i1", "p2", "b", 3}, SetScore{"i1", "p2", "b", 9}}, ""};
    CHECK_THROWS_AS(s.execute(bad), CommandError);
    CHECK(s.workshop() == before);
    CHECK(s.result_for("i1")->raters == 1);
}

TEST_CASE("a failed save leaves the session as it was and is not undoable", "[session]") {
    RecordingStore store;
    Session s(small_workshop(), 0, &store);
    const Workshop before = s.workshop();
    store.fail_next = true;
    CHECK_THROWS_WITH(s.execute(SetScore{"i1", "p2", "b", 3}), "disk full");
    CHECK(s.workshop() == before);
    CHECK(s.result_for("i1")->raters == 1);
    CHECK_FALSE(s.can_undo());
    s.execute(SetScore{"i1", "p2", "b", 3});
    REQUIRE(store.applied.size() == 1);
    s.undo();  // an undo is itself an edit, persisted
    REQUIRE(store.applied.size() == 2);
    CHECK(std::get<SetScore>(store.applied[1]).value == std::nullopt);
    store.fail_next = true;
    CHECK_THROWS(s.redo());
    CHECK(s.can_redo());  // still there to try again
    CHECK(s.score("i1", "p2", "b") == std::nullopt);
}

TEST_CASE("new ids do not collide", "[session]") {
    Workshop ws = small_workshop();
    ws.ideas.push_back({"i7", "Seven", "", "", "", "", "", std::nullopt});
    ws.ideas.push_back({"custom", "Custom", "", "", "", "", "", std::nullopt});
    Session s(ws, 0, nullptr);
    CHECK(s.next_idea_id() == "i8");
    CHECK(s.next_participant_id() == "p3");
}

TEST_CASE("the cached selection follows the rules and the scores", "[session]") {
    Session s(small_workshop(), 0, nullptr);
    CHECK(s.selection().pilots.empty());  // one rater, three needed
    SelectionRules rules = s.workshop().selection;
    rules.min_raters = 1;
    rules.min_visibility = 0;
    s.execute(SetScore{"i1", "p1", "r", 1});
    s.execute(SetScore{"i1", "p1", "v", 4});
    s.execute(SetSelection{rules});
    REQUIRE(s.selection().pilots.size() == 1);
    s.execute(SetScore{"i1", "p1", "r", 5});
    CHECK(s.selection().pilots.empty());
    CHECK(s.selection().not_selected[0].code == Exclusion::Risk);
}

namespace {

// A session on a real workshop file, and what the file holds when read again from disk.
struct OnFile {
    pilotdeck::test::TempDir dir;
    std::string path = dir.file("w.pilotdeck");
    std::unique_ptr<pilotdeck::storage::WorkshopFile> file =
        pilotdeck::storage::WorkshopFile::create(path, small_workshop());
    Session s{file->load(), 0, file.get()};

    Workshop on_disk() const {
        return pilotdeck::storage::WorkshopFile::open(path, pilotdeck::storage::WorkshopFile::Mode::ReadOnly)->load();
    }
    // The session and the file agree on the ideas (every save was committed).
    bool file_matches() const { return on_disk().ideas == s.workshop().ideas; }
};

// Typing into one field: the idea as it is with `field` of it set to `text`.
PutIdea typed(const Session& s, const std::string& id, std::string Idea::*field, const std::string& text) {
    Idea i = *s.find_idea(id);
    i.*field = text;
    return PutIdea{i, std::nullopt};
}

}  // namespace

TEST_CASE("saves of one field editing session are one undo step, each committed", "[session][undo]") {
    OnFile f;
    Session& s = f.s;
    s.execute(PutIdea{{"i2", "Second", "", "", "IT", "", "", std::nullopt}, std::nullopt});
    const Idea before = *s.find_idea("i1");
    for (const std::string text : {"Invoices", "Invoices come late", "Invoices come late \u2013 3 \u20AC each"}) {
        s.execute_coalescing(typed(s, "i1", &Idea::problem, text), "i1/problem/1");
        CHECK(s.find_idea("i1")->problem == text);
        CHECK(f.file_matches());  // every save is in the file at once
    }
    const Idea after = *s.find_idea("i1");

    // One undo restores the text from before the editing began, in memory and in the file.
    REQUIRE(s.undo());
    CHECK(*s.find_idea("i1") == before);
    CHECK(f.file_matches());
    CHECK(s.undo_label() == "Save idea \u201CSecond\u201D");  // the edit before the typing
    // One redo brings the final text back.
    REQUIRE(s.redo());
    CHECK(*s.find_idea("i1") == after);
    CHECK(f.file_matches());
    CHECK_FALSE(s.can_redo());

    // After an undo and redo the next save with the same key starts a new step.
    s.execute_coalescing(typed(s, "i1", &Idea::problem, "Fresh"), "i1/problem/1");
    s.undo();
    CHECK(*s.find_idea("i1") == after);
    CHECK(f.file_matches());
}

TEST_CASE("another field, idea, editing session or command starts a new undo step", "[session][undo]") {
    OnFile f;
    Session& s = f.s;
    s.execute(PutIdea{{"i2", "Second", "", "", "IT", "", "", std::nullopt}, std::nullopt});
    const Workshop start = s.workshop();

    s.execute_coalescing(typed(s, "i1", &Idea::problem, "p"), "i1/problem/1");
    s.execute_coalescing(typed(s, "i1", &Idea::problem, "pr"), "i1/problem/1");
    const Workshop problem_typed = s.workshop();
    s.execute_coalescing(typed(s, "i1", &Idea::solution, "s"), "i1/solution/2");     // another field
    s.execute_coalescing(typed(s, "i1", &Idea::solution, "so"), "i1/solution/2");
    const Workshop solution_typed = s.workshop();
    s.execute_coalescing(typed(s, "i2", &Idea::solution, "x"), "i2/solution/3");     // another idea
    const Workshop other_idea = s.workshop();
    s.execute_coalescing(typed(s, "i2", &Idea::solution, "xy"), "i2/solution/4");    // the field left and entered again
    s.execute_coalescing(typed(s, "i2", &Idea::solution, "xyz"), "i2/solution/4");
    const Workshop before_count = s.workshop();
    s.execute(SetConcernCount{"jobs", 2});                                           // any other command
    s.execute_coalescing(typed(s, "i2", &Idea::solution, "xyz!"), "i2/solution/4");
    CHECK(f.file_matches());

    // Undo walks back one step at a time, each restoring the state before that step, on disk too.
    REQUIRE(s.undo());  // "xyz!" after the count
    CHECK(s.workshop().ideas == before_count.ideas);
    CHECK(s.workshop().concerns[0].count == 2);
    CHECK(f.file_matches());
    REQUIRE(s.undo());  // the count
    CHECK(s.workshop() == before_count);
    CHECK(f.file_matches());
    REQUIRE(s.undo());  // "xy", "xyz": one step
    CHECK(s.workshop() == other_idea);
    CHECK(f.file_matches());
    REQUIRE(s.undo());  // "x" on i2
    CHECK(s.workshop() == solution_typed);
    REQUIRE(s.undo());  // "s", "so" on i1
    CHECK(s.workshop() == problem_typed);
    CHECK(f.file_matches());
    REQUIRE(s.undo());  // "p", "pr"
    CHECK(s.workshop() == start);
    CHECK(f.file_matches());
    REQUIRE(s.undo());  // adding i2
    CHECK_FALSE(s.can_undo());

    // Redo re-applies each step's final text.
    s.redo();
    s.redo();
    CHECK(s.workshop() == problem_typed);
    s.redo();
    CHECK(s.workshop() == solution_typed);
    CHECK(f.file_matches());
}

TEST_CASE("an edit that is not the facilitator's ends a coalescing step too", "[session][undo]") {
    Session s(small_workshop(), 0, nullptr);
    s.execute_coalescing(typed(s, "i1", &Idea::problem, "a"), "k");
    s.execute(SetScore{"i1", "p2", "b", 5}, false);  // a phone's vote in between
    s.execute_coalescing(typed(s, "i1", &Idea::problem, "ab"), "k");
    s.undo();
    CHECK(s.find_idea("i1")->problem == "a");
    s.undo();
    CHECK(s.find_idea("i1")->problem.empty());
    CHECK(s.score("i1", "p2", "b") == 5);
}

TEST_CASE("an empty coalescing key never joins", "[session][undo]") {
    Session s(small_workshop(), 0, nullptr);
    s.execute_coalescing(typed(s, "i1", &Idea::problem, "a"), "");
    s.execute_coalescing(typed(s, "i1", &Idea::problem, "ab"), "");
    s.undo();
    CHECK(s.find_idea("i1")->problem == "a");
}

TEST_CASE("a failed save inside a coalescing step keeps the step whole", "[session][undo]") {
    RecordingStore store;
    Session s(small_workshop(), 0, &store);
    s.execute_coalescing(typed(s, "i1", &Idea::problem, "a"), "k");
    store.fail_next = true;
    CHECK_THROWS(s.execute_coalescing(typed(s, "i1", &Idea::problem, "ab"), "k"));
    CHECK(s.find_idea("i1")->problem == "a");
    s.execute_coalescing(typed(s, "i1", &Idea::problem, "abc"), "k");
    CHECK(store.applied.size() == 2);
    s.undo();
    CHECK(s.find_idea("i1")->problem.empty());
    CHECK_FALSE(s.can_undo());
}

TEST_CASE("the score index and the aggregates follow random edits, deletes and undo", "[session]") {
    // Scores are set, changed and cleared (clearing moves the last score into the gap), ideas
    // are added in the middle and deleted, participants added; after every step each score the
    // session answers is the one a plain map holds, and the cached aggregates equal a
    // recomputation from the scores.
    std::mt19937 rng(11);
    Workshop ws = small_workshop();
    ws.scores.clear();
    Session s(ws, 0, nullptr);
    const std::vector<std::string> criteria = {"b", "r", "v"};
    std::map<std::tuple<std::string, std::string, std::string>, int> truth;
    int next_idea = 2, next_participant = 3;
    auto pick = [&](const auto& list) { return list[rng() % list.size()].id; };
    for (int step = 0; step < 3000; ++step) {
        const auto what = static_cast<unsigned>(rng() % 100);  // below 100
        if (what < 4) {
            const std::string id = "i" + std::to_string(next_idea++);
            const std::size_t at = rng() % (s.workshop().ideas.size() + 1);
            s.execute(PutIdea{{id, "Idea " + id, "", "", "Ops", "", "", std::nullopt}, at});
        } else if (what < 6 && s.workshop().ideas.size() > 1) {
            const std::string id = pick(s.workshop().ideas);
            s.execute(RemoveIdea{id});
            std::erase_if(truth, [&](const auto& e) { return std::get<0>(e.first) == id; });
        } else if (what < 8) {
            const std::string id = "p" + std::to_string(next_participant++);
            s.execute(PutParticipant{{id, "Person " + id, "IT", Role::User}, rng() % (s.workshop().participants.size() + 1)});
        } else {
            const auto key = std::make_tuple(pick(s.workshop().ideas), pick(s.workshop().participants), criteria[rng() % 3]);
            const int v = static_cast<int>(rng() % 6);  // 0: clear
            s.execute(SetScore{std::get<0>(key), std::get<1>(key), std::get<2>(key), v ? std::optional<int>(v) : std::nullopt});
            if (v) truth[key] = v;
            else truth.erase(key);
        }
        if (step % 50 == 49) {  // undo a few steps and redo them: the index follows both ways
            for (int k = 0; k < 3; ++k) s.undo();
            for (int k = 0; k < 3; ++k) s.redo();
        }
        REQUIRE(s.workshop().scores.size() == truth.size());
        if (step % 10 != 0) continue;
        for (const auto& idea : s.workshop().ideas)
            for (const auto& p : s.workshop().participants)
                for (const auto& c : criteria) {
                    auto it = truth.find({idea.id, p.id, c});
                    REQUIRE(s.score(idea.id, p.id, c) == (it == truth.end() ? std::nullopt : std::optional<int>(it->second)));
                }
        const Aggregates fresh = Aggregates::from_scores(s.workshop().scores);
        REQUIRE(fresh.all().size() == s.aggregates().all().size());
        for (const auto& [idea, st] : fresh.all()) {
            const IdeaStats* mine = s.aggregates().find(idea);
            REQUIRE(mine);
            CHECK(mine->raters == st.raters);
            CHECK(mine->by_criterion == st.by_criterion);
            CHECK(mine->scores_by_rater == st.scores_by_rater);
        }
    }
    // A session made from the edited scores, in their (no longer sorted) order, answers the same.
    Session reopened(s.workshop(), 0, nullptr);
    for (const auto& [key, v] : truth) CHECK(reopened.score(std::get<0>(key), std::get<1>(key), std::get<2>(key)) == v);
    CHECK(reopened.score("i1", "nobody", "b") == std::nullopt);
    CHECK(reopened.score("nothing", "p1", "b") == std::nullopt);
}

TEST_CASE("aggregates from scores in any order are the same", "[aggregate]") {
    std::vector<Score> scores;
    for (int i = 0; i < 6; ++i)
        for (int r = 0; r < 5; ++r)
            for (const char* c : {"b", "r", "v"})
                if ((i + r) % 4 != 0) scores.push_back({"i" + std::to_string(i), "p" + std::to_string(r), c, 1 + (i * r) % 5});
    const Aggregates sorted = Aggregates::from_scores(scores);
    Aggregates one_by_one;
    for (const auto& sc : scores) one_by_one.add(sc);
    std::mt19937 rng(3);
    std::shuffle(scores.begin(), scores.end(), rng);
    const Aggregates shuffled = Aggregates::from_scores(scores);
    for (const Aggregates* other : {static_cast<const Aggregates*>(&one_by_one), &shuffled}) {
        REQUIRE(other->all().size() == sorted.all().size());
        for (const auto& [idea, st] : sorted.all()) {
            const IdeaStats* o = other->find(idea);
            REQUIRE(o);
            CHECK(o->raters == st.raters);
            CHECK(o->by_criterion == st.by_criterion);
            CHECK(o->scores_by_rater == st.scores_by_rater);
        }
    }
}
