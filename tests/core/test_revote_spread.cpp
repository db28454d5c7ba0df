// contracts 9: the spread a re-vote round shows, before the round and now.
#include <catch2/catch.hpp>

#include "core/revote_spread.hpp"
#include "core/session.hpp"

using namespace pilotdeck;

TEST_CASE("spread: median, quartiles by interpolation, histogram over the scale, sample sd") {
    const core::Spread s = core::spread_of({5, 1, 2, 5}, 1, 5);
    CHECK(s.n == 4);
    CHECK(s.median == Approx(3.5));
    CHECK(s.q1 == Approx(1.75));
    CHECK(s.q3 == Approx(5.0));
    CHECK(s.counts == std::vector<int>{1, 1, 0, 0, 2});
    CHECK(s.sd == Approx(2.0615528));
    const core::Spread one = core::spread_of({3}, 1, 5);
    CHECK(one.median == 3);
    CHECK(one.q1 == 3);
    CHECK(one.sd == 0);
    CHECK(core::spread_of({}, 1, 5).n == 0);
}

TEST_CASE("revote spreads: before is the value when the round opened, now the current one") {
    core::Workshop ws;
    ws.criteria = {{"c", "Crit", core::Axis::Benefit, 1.0, 1, 5, "", {}}};
    ws.participants = {{"a", "A", "", core::Role::User}, {"b", "B", "", core::Role::User}, {"d", "D", "", core::Role::User}};
    ws.ideas = {{"i1", "Idea", "", "", "", "", "", std::nullopt}};
    ws.scores = {{"i1", "a", "c", 1}, {"i1", "b", "c", 5}, {"i1", "d", "c", 3}};
    core::Session s(ws, 0, nullptr);
    CHECK(core::revote_spreads(s.workshop()).empty());
    const auto open = s.open_revote();
    REQUIRE(open);
    s.execute(*open);
    s.execute(core::Revote{"i1", "a", "c", 3, "heard the others"});
    const auto spreads = core::revote_spreads(s.workshop());
    REQUIRE(spreads.size() == 1);
    CHECK(spreads[0].revoted == 1);
    CHECK(spreads[0].before.counts == std::vector<int>{1, 0, 1, 0, 1});
    CHECK(spreads[0].now.counts == std::vector<int>{0, 0, 2, 0, 1});
    CHECK(spreads[0].before.sd == Approx(2.0));
    CHECK(spreads[0].now.sd < spreads[0].before.sd);
    CHECK(spreads[0].now.median == 3);
}
