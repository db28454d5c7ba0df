// The hackathon stages' pure state: pitch lineup and phases, judging progress, awards reveal.
#include <catch2/catch.hpp>

#include "core/hackathon_stages.hpp"

using namespace pilotdeck::core;

namespace {
Workshop three_teams() {
    Workshop ws;
    ws.mode = Mode::Hackathon;
    Criterion c;
    c.id = "value";
    c.label = "Value";
    ws.criteria = {c};
    ws.participants = {{"m1", "M1", "A", Role::User}, {"m2", "M2", "B", Role::User}, {"m3", "M3", "C", Role::User},
                       {"k1", "Kim", "A", Role::Jury}, {"k2", "Lou", "Z", Role::Jury}};
    for (const char* id : {"i1", "i2", "i3"}) {
        Idea idea;
        idea.id = id;
        idea.title = id;
        idea.department = id == std::string("i1") ? "A" : "B";
        ws.ideas.push_back(idea);
    }
    ws.teams = {{"t1", "Zeta", "i1", {"m1"}, "", 2}, {"t2", "Alpha", "i2", {"m2"}, "", 2}, {"t3", "Mid", "i3", {"m3", "k1"}, "", 1}};
    ws.awards = {{"best", "Best project", "overall"}, {"crowd", "Audience favourite", "audience"}};
    return ws;
}
}  // namespace

TEST_CASE("stages: pitch lineup by pitch order, then name; absent teams last", "[hackathon]") {
    const Workshop ws = three_teams();
    CHECK(pitch_lineup(ws, {}) == std::vector<std::size_t>{2, 1, 0});
    CHECK(pitch_lineup(ws, {"t3"}) == std::vector<std::size_t>{1, 0, 2});
}

TEST_CASE("stages: the pitch cursor walks pitch then Q&A for each team and stops at both ends", "[hackathon]") {
    PitchCursor c;
    CHECK_FALSE(c.back(2));
    std::vector<std::pair<std::size_t, PitchPhase>> seen;
    while (c.next(2)) seen.emplace_back(c.position, c.phase);
    CHECK(seen == std::vector<std::pair<std::size_t, PitchPhase>>{
                      {0, PitchPhase::Pitch}, {0, PitchPhase::QandA}, {1, PitchPhase::Pitch}, {1, PitchPhase::QandA}, {1, PitchPhase::Done}});
    CHECK(c.back(2));
    CHECK(c == PitchCursor{1, PitchPhase::QandA});
    int steps = 0;
    while (c.back(2)) ++steps;
    CHECK(steps == 4);
    CHECK(c.phase == PitchPhase::Waiting);
    CHECK_FALSE(PitchCursor{}.next(0));
}

TEST_CASE("stages: judging progress counts fully scored teams of the judge's own, never the recused", "[hackathon]") {
    Workshop ws = three_teams();
    ws.scores = {{"i1", "k1", "value", 4}, {"i2", "k1", "value", 3}, {"i1", "k2", "value", 5}};
    std::vector<JudgeProgress> p = judging_progress(ws);
    REQUIRE(p.size() == 2);
    CHECK(p[0].judge == "k1");
    CHECK(p[0].done == 2);
    CHECK(p[0].of == 2);  // k1 is a member of t3
    CHECK(p[0].recused == 1);
    CHECK(p[1].done == 1);
    CHECK(p[1].of == 3);

    ws.judging.method = JudgingMethod::Pairwise;
    ws.comparisons = {{"k2", "t1", "t2", ""}, {"m1", "t2", "t3", ""}};
    p = judging_progress(ws);
    REQUIRE(p.size() == 3);  // m1 compared, so m1 is a judge too
    CHECK(p[0].judge == "m1");
    CHECK(p[0].done == 1);
    CHECK(p[0].of == 1);  // t1 recused, t2 and t3 seen
    CHECK(p[2].judge == "k2");
    CHECK(p[2].done == 1);
    CHECK(p[2].of == 2);  // t3 still to see
}

TEST_CASE("stages: the awards reveal ends with the winner, places from the lowest, ties as one step", "[hackathon]") {
    Workshop ws = three_teams();
    ws.judging.method = JudgingMethod::Criteria;
    ws.scores = {{"i1", "k2", "value", 3}, {"i2", "k2", "value", 3}, {"i3", "k2", "value", 5}};
    ws.audience_votes = {{"m1", "t2"}};
    const std::vector<RevealStep> steps = award_reveal(ws, hackathon_results(ws));
    REQUIRE(steps.size() == 3);
    CHECK(steps[0].title == "Audience favourite");
    CHECK(steps[0].teams == std::vector<std::size_t>{1});
    CHECK(steps[1].title == "2nd place");
    CHECK(steps[1].tie());
    CHECK(steps[1].teams == std::vector<std::size_t>{1, 0});  // Alpha and Zeta share 2nd place
    CHECK(steps[2].title == "Winner: Best project");
    CHECK(steps[2].teams == std::vector<std::size_t>{2});
}
