#include <catch2/catch.hpp>

#include <random>

#include "core/aggregate.hpp"

using namespace pilotdeck::core;

TEST_CASE("round2 rounds half away from zero on the shown value", "[round]") {
    CHECK(round2(2.675) == 2.68);   // stored as 2.67499999... in binary
    CHECK(round2(2.665) == 2.67);
    CHECK(round2(1.005) == 1.01);   // stored as 1.00499999...
    CHECK(round2(4.0 / 3.0) == 1.33);
    CHECK(round2(5.0 / 3.0) == 1.67);
    CHECK(round2(-2.675) == -2.68);
    CHECK(round2(2.674999) == 2.67);
    CHECK(round2(0.0) == 0.0);
    CHECK(round2(3.0) == 3.0);
}

TEST_CASE("criterion stats: mean and sample standard deviation", "[aggregate]") {
    CriterionStats st;
    CHECK(st.mean() == 0.0);
    CHECK(st.sd() == 0.0);
    for (int v : {2, 4, 4, 4, 5, 5, 7, 9}) {
        st.n += 1;
        st.sum += v;
        st.sumsq += v * v;
    }
    CHECK(st.mean() == Approx(5.0));
    CHECK(st.sd() == Approx(2.138089935));  // sample sd (n-1)
    CriterionStats one{1, 4, 16};
    CHECK(one.sd() == 0.0);  // n < 2
}

TEST_CASE("aggregates count distinct raters and update incrementally", "[aggregate]") {
    Aggregates agg;
    agg.add({"i1", "p1", "quality", 4});
    agg.add({"i1", "p1", "time", 2});
    agg.add({"i1", "p2", "quality", 2});
    const IdeaStats* st = agg.find("i1");
    REQUIRE(st);
    CHECK(st->raters == 2);
    CHECK(st->by_criterion.at("quality") == CriterionStats{2, 6, 20});

    agg.change({"i1", "p2", "quality", 2}, 5);
    CHECK(agg.find("i1")->by_criterion.at("quality") == CriterionStats{2, 9, 41});

    agg.remove({"i1", "p1", "time", 2});
    CHECK(agg.find("i1")->raters == 2);  // p1 still scored quality
    CHECK(agg.find("i1")->by_criterion.count("time") == 0);
    agg.remove({"i1", "p1", "quality", 4});
    CHECK(agg.find("i1")->raters == 1);
    agg.remove({"i1", "p2", "quality", 5});
    CHECK(agg.find("i1") == nullptr);
}

TEST_CASE("incremental aggregates equal a recomputation after random edits", "[aggregate]") {
    std::mt19937 rng(42);
    std::map<std::tuple<int, int, int>, int> truth;
    Aggregates agg;
    for (int step = 0; step < 5000; ++step) {
        const int i = static_cast<int>(rng() % 5), r = static_cast<int>(rng() % 6), c = static_cast<int>(rng() % 3);
        const int v = static_cast<int>(rng() % 6);  // 0 = clear
        Score s{"i" + std::to_string(i), "p" + std::to_string(r), "c" + std::to_string(c), v};
        auto key = std::make_tuple(i, r, c);
        auto it = truth.find(key);
        if (it == truth.end()) {
            if (v) { agg.add(s); truth[key] = v; }
        } else if (v) {
            agg.change({s.idea, s.rater, s.criterion, it->second}, v);
            it->second = v;
        } else {
            agg.remove({s.idea, s.rater, s.criterion, it->second});
            truth.erase(it);
        }
    }
    std::vector<Score> all;
    for (const auto& [k, v] : truth)
        all.push_back({"i" + std::to_string(std::get<0>(k)), "p" + std::to_string(std::get<1>(k)),
                       "c" + std::to_string(std::get<2>(k)), v});
    Aggregates fresh = Aggregates::from_scores(all);
    REQUIRE(fresh.all().size() == agg.all().size());
    for (const auto& [idea, st] : fresh.all()) {
        const IdeaStats* mine = agg.find(idea);
        REQUIRE(mine);
        CHECK(mine->raters == st.raters);
        CHECK(mine->by_criterion == st.by_criterion);
    }
}
