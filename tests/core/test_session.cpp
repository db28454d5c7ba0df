#include <catch2/catch.hpp>

#include <stdexcept>

#include "core/session.hpp"

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
    Batch merge{{SetScore{"i1", "p2", "b", 2}, RemoveIdea{"i2"}}, "Merge ideas"};
    s.execute(merge);
    CHECK(s.workshop().ideas.size() == 1);
    CHECK(s.score("i1", "p2", "b") == 2);
    CHECK(s.score("i1", "p1", "b") == 4);
    CHECK(s.undo_label() == "Merge ideas");
    s.undo();
    CHECK(s.workshop().ideas.size() == 2);
    CHECK(s.score("i2", "p1", "b") == 5);
    CHECK(s.score("i1", "p2", "b") == std::nullopt);
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
