// contracts 8: the robustness samples.
#include <catch2/catch.hpp>

#include <atomic>

#include "core/aggregate.hpp"
#include "core/robustness.hpp"
#include "core/selection.hpp"
#include "core_fixtures.hpp"

using namespace pilotdeck::core;
using pilotdeck::test::crit;

namespace {

struct Room {
    Workshop ws;
    explicit Room(int raters) {
        ws.criteria = {crit("b1", Axis::Benefit), crit("b2", Axis::Benefit, 2), crit("r", Axis::Risk),
                       crit("v", Axis::Visibility)};
        for (int i = 1; i <= raters; ++i) ws.participants.push_back({"p" + std::to_string(i), "P", "", Role::User});
        ws.selection = SelectionRules{5, 1, 1, 1, 5};
    }
    void idea(const std::string& id, std::string dept = "") {
        Idea i;
        i.id = id;
        i.title = "Idea " + id;
        i.department = std::move(dept);
        ws.ideas.push_back(i);
    }
    void score(const std::string& idea, int rater, int b1, int b2, int r = 2, int v = 4) {
        const std::string p = "p" + std::to_string(rater);
        ws.scores.push_back({idea, p, "b1", b1});
        ws.scores.push_back({idea, p, "b2", b2});
        ws.scores.push_back({idea, p, "r", r});
        ws.scores.push_back({idea, p, "v", v});
    }
    const IdeaRobustness& of(const RobustnessResult& res, const std::string& id) const {
        for (const auto& r : res.ideas)
            if (ws.ideas[r.idea].id == id) return r;
        FAIL("no idea " << id);
        return res.ideas.front();
    }
};

}  // namespace

TEST_CASE("an idea far ahead is chosen in at least 99 % of the samples", "[robustness]") {
    Room room(8);
    for (const char* id : {"a", "b", "c"}) room.idea(id);
    for (int k = 1; k <= 8; ++k) {
        room.score("a", k, 5, 5);
        room.score("b", k, k % 3 + 1, 2);
        room.score("c", k, 2, k % 2 + 1);
    }
    const RobustnessResult res = robustness(room.ws, {});
    CHECK(res.samples == 10000);
    CHECK_FALSE(res.cancelled);
    CHECK(room.of(res, "a").selected_share >= 0.99);
    CHECK(room.of(res, "a").verdict == RobustnessVerdict::Robust);
    CHECK(room.of(res, "b").verdict == RobustnessVerdict::Out);
    CHECK(res.ideas.front().idea == 0);  // ranking order: a first
}

TEST_CASE("two equally good ideas competing for one place each get about half", "[robustness]") {
    Room room(1);
    room.idea("x");
    room.idea("y");
    // Same benefit with the template's weights ((5 + 2*2)/3 = 3 = (1 + 2*4)/3); which one wins
    // depends on the sampled weights only.
    room.score("x", 1, 5, 2);
    room.score("y", 1, 1, 4);
    const RobustnessResult res = robustness(room.ws, {});
    const double x = room.of(res, "x").selected_share, y = room.of(res, "y").selected_share;
    CHECK(x == Approx(0.5).margin(0.05));
    CHECK(y == Approx(0.5).margin(0.05));
    CHECK(x + y == Approx(1.0).margin(0.0011));
}

TEST_CASE("a huge concentration and one rater give shares of 0 or 1, as the plain shortlist", "[robustness]") {
    Room room(1);
    room.ws.selection = SelectionRules{3.0, 3.5, 1, 3, 1};
    const char* ids[] = {"a", "b", "c", "d", "e", "f", "g"};
    const char* depts[] = {"Sales", "Sales", "IT", "", "HR", "IT", "HR"};
    for (int i = 0; i < 7; ++i) room.idea(ids[i], depts[i]);
    room.score("a", 1, 5, 4, 2, 4);  // 4.33
    room.score("b", 1, 4, 4, 2, 5);  // 4: department Sales taken
    room.score("c", 1, 3, 4, 4, 5);  // 3.67: risk 4 above 3
    room.score("d", 1, 2, 4, 1, 2);  // 3.33: visibility 2 below 3.5
    room.score("e", 1, 3, 3, 3, 4);  // 3: chosen
    room.score("f", 1, 1, 3, 1, 5);  // 2.33: chosen
    room.score("g", 1, 1, 2, 1, 5);  // 1.67: size
    RobustnessOptions options;
    options.samples = 500;
    options.concentration = 1e9;
    const RobustnessResult res = robustness(room.ws, options);
    const auto plain = summarize(room.ws.ideas, room.ws.criteria, Aggregates::from_scores(room.ws.scores));
    const Selection sel = select_pilots(room.ws.ideas, plain, room.ws.selection);
    REQUIRE(sel.pilots.size() == 3);
    int chosen = 0;
    for (const auto& r : res.ideas) {
        INFO(room.ws.ideas[r.idea].id);
        CHECK((r.selected_share == 0.0 || r.selected_share == 1.0));
        CHECK((r.selected_share == 1.0) == r.chosen);
        chosen += r.chosen;
    }
    CHECK(chosen == 3);
    // The ranking agrees too: a is first in every sample.
    CHECK(room.of(res, "a").top_share == 1.0);
}

TEST_CASE("the same seed gives the same result whatever the threads; progress and cancel", "[robustness]") {
    Room room(6);
    for (const char* id : {"a", "b", "c", "d"}) room.idea(id);
    for (int k = 1; k <= 6; ++k) {
        room.score("a", k, k % 5 + 1, 3);
        room.score("b", k, (k + 2) % 5 + 1, 4);
        room.score("c", k, 4, (k + 1) % 5 + 1);
        room.score("d", k, 3, 3, k % 3 + 1);
    }
    room.ws.selection.size = 2;
    auto shares = [&](int threads, std::uint64_t seed) {
        RobustnessOptions o;
        o.samples = 3001;
        o.threads = threads;
        o.seed = seed;
        std::vector<int> out;
        for (const auto& r : robustness(room.ws, o).ideas) {
            out.push_back(r.selected);
            out.push_back(r.top);
        }
        return out;
    };
    const auto one = shares(1, 7);
    CHECK(shares(2, 7) == one);
    CHECK(shares(3, 7) == one);
    CHECK(shares(2, 8) != one);

    RobustnessOptions o;
    o.samples = 1000;
    int last = -1, total = 0;
    o.progress = [&](int done, int all) {
        CHECK(done >= last);
        last = done;
        total = all;
    };
    CHECK_FALSE(robustness(room.ws, o).cancelled);
    CHECK(last == 1000);
    CHECK(total == 1000);

    std::atomic<bool> cancel{true};
    o.cancel = &cancel;
    CHECK(robustness(room.ws, o).cancelled);

    o.cancel = nullptr;
    o.samples = 0;
    CHECK_THROWS_AS(robustness(room.ws, o), std::invalid_argument);
    o.samples = 10;
    o.concentration = -1;
    CHECK_THROWS_AS(robustness(room.ws, o), std::invalid_argument);
}
