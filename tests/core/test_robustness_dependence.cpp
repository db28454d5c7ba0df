// contracts 8 / issue 11: a chosen idea that is not robust says what it depends on, the
// criterion weight or the rater that flips it.
#include <catch2/catch.hpp>

#include "core/robustness.hpp"
#include "core_fixtures.hpp"

using namespace pilotdeck::core;
using pilotdeck::test::crit;

namespace {

Workshop two_ideas_one_place(int raters) {
    Workshop ws;
    ws.criteria = {crit("b1", Axis::Benefit), crit("b2", Axis::Benefit), crit("r", Axis::Risk), crit("v", Axis::Visibility)};
    for (int i = 1; i <= raters; ++i) ws.participants.push_back({"p" + std::to_string(i), "P" + std::to_string(i), "", Role::User});
    ws.selection = SelectionRules{5, 1, 1, 1, 5};
    for (const char* id : {"a", "b"}) {
        Idea idea;
        idea.id = id;
        idea.title = std::string("Idea ") + id;
        ws.ideas.push_back(idea);
    }
    return ws;
}

void scores(Workshop& ws, const std::string& idea, int rater, int b1, int b2) {
    const std::string p = "p" + std::to_string(rater);
    ws.scores.push_back({idea, p, "b1", b1});
    ws.scores.push_back({idea, p, "b2", b2});
    ws.scores.push_back({idea, p, "r", 2});
    ws.scores.push_back({idea, p, "v", 4});
}

const IdeaRobustness& of(const RobustnessResult& r, std::size_t idea) {
    for (const IdeaRobustness& i : r.ideas)
        if (i.idea == idea) return i;
    FAIL("idea not in the result");
    return r.ideas.front();
}

}  // namespace

TEST_CASE("robustness: an idea chosen only when one criterion weighs enough depends on that weight") {
    // One rater: a is 5 on b1 and 2 on b2 (3.5), b is 1 and 5 (3.0). a wins while w1 > 3/7.
    Workshop ws = two_ideas_one_place(1);
    scores(ws, "a", 1, 5, 2);
    scores(ws, "b", 1, 1, 5);
    RobustnessOptions o;
    o.samples = 4000;
    o.concentration = 5;  // wide: the weights often flip it
    const RobustnessResult r = robustness(ws, o);
    const IdeaRobustness& a = of(r, 0);
    REQUIRE(a.chosen);
    REQUIRE(a.verdict != RobustnessVerdict::Robust);
    REQUIRE(a.depends_on.has_value());
    REQUIRE(a.depends_on->criterion.has_value());
    // b1 and b2 share one axis: both differ by the same amount; the first found (b1) is named,
    // and a is chosen when b1 weighs more.
    CHECK(*a.depends_on->criterion == 0);
    CHECK(a.depends_on->weight_when_chosen > 3.0 / 7);
    CHECK(a.depends_on->weight_otherwise < 3.0 / 7);
    CHECK_FALSE(a.depends_on->rater.has_value());  // one rater, always drawn: nothing to compare
    // The idea that is out says nothing.
    CHECK_FALSE(of(r, 1).depends_on.has_value());
    // The same inputs and seed give the same numbers, with any number of threads.
    o.threads = 1;
    const RobustnessResult again = robustness(ws, o);
    CHECK(of(again, 0).depends_on->weight_when_chosen == a.depends_on->weight_when_chosen);
}

TEST_CASE("robustness: an idea chosen only when one rater is in the room depends on that rater") {
    // p1 loves a (5), p2 and p3 prefer b: a wins exactly when p1 is drawn at least once.
    Workshop ws = two_ideas_one_place(3);
    scores(ws, "a", 1, 5, 5);
    scores(ws, "a", 2, 3, 3);
    scores(ws, "a", 3, 3, 3);
    scores(ws, "b", 1, 1, 1);
    scores(ws, "b", 2, 4, 4);
    scores(ws, "b", 3, 4, 4);
    RobustnessOptions o;
    o.samples = 3000;
    const RobustnessResult r = robustness(ws, o);
    const IdeaRobustness& a = of(r, 0);
    REQUIRE(a.chosen);
    CHECK(a.selected_share == Approx(1 - 8.0 / 27).margin(0.03));  // p1 drawn at least once in 3 draws
    REQUIRE(a.verdict == RobustnessVerdict::Uncertain);
    REQUIRE(a.depends_on.has_value());
    REQUIRE(a.depends_on->rater.has_value());
    CHECK(*a.depends_on->rater == 0);  // p1
    CHECK(a.depends_on->share_with_rater == 1.0);
    CHECK(a.depends_on->share_without_rater == 0.0);
}
