// Label placement of the benefit-vs-risk matrix (app/ui/matrix_layout): readable labels, no pile.
#include <catch2/catch.hpp>

#include <cmath>
#include <random>
#include <set>

#include "ui/matrix_layout.hpp"

using namespace pilotdeck::ui::matrix;

namespace {

LayoutInput clustered(int count, unsigned seed) {
    LayoutInput in;
    in.bounds = {0, 0, 1200, 800};
    in.gap = 4;
    std::mt19937 rng(seed);
    std::normal_distribution<float> around(0.f, 60.f);
    std::uniform_real_distribution<float> radius(8.f, 22.f);
    std::uniform_real_distribution<float> width(80.f, 220.f);
    for (int i = 0; i < count; ++i) {
        // Two tight clusters, as in a real room where most ideas land near the middle.
        const float cx = i % 2 ? 400.f : 700.f, cy = i % 2 ? 300.f : 450.f;
        in.bubbles.push_back({cx + around(rng), cy + around(rng), radius(rng)});
        in.labels.push_back({width(rng), 24.f});
        in.short_labels.push_back({in.labels.back().w / 2, 24.f});
    }
    in.reach = 30;
    return in;
}

}  // namespace

TEST_CASE("a lone bubble gets its label on the right, clear of the bubble") {
    LayoutInput in;
    in.bounds = {0, 0, 800, 600};
    in.bubbles = {{400, 300, 20}};
    in.labels = {{100, 20}};
    const LabelLayout out = place_labels(in);
    REQUIRE(out.labels.size() == 1);
    CHECK(out.labels[0].placed);
    CHECK(out.labels[0].spot == Spot::Right);
    CHECK(out.numbered == 0);
    CHECK_FALSE(overlaps(in.bubbles[0], out.labels[0].rect));
    CHECK(out.labels[0].rect.x0 >= 420.f);
}

TEST_CASE("a bubble at the right edge puts its label on the left") {
    LayoutInput in;
    in.bounds = {0, 0, 800, 600};
    in.bubbles = {{780, 300, 10}};
    in.labels = {{100, 20}};
    const LabelLayout out = place_labels(in);
    CHECK(out.labels[0].placed);
    CHECK(out.labels[0].spot == Spot::Left);
}

TEST_CASE("30 clustered bubbles: no two placed labels overlap, the rest are numbered") {
    for (unsigned seed : {1u, 7u, 42u}) {
        CAPTURE(seed);
        const LayoutInput in = clustered(30, seed);
        const LabelLayout out = place_labels(in);
        REQUIRE(out.labels.size() == 30);

        int placed = 0;
        std::set<int> numbers;
        for (std::size_t i = 0; i < out.labels.size(); ++i) {
            const LabelPlacement& a = out.labels[i];
            if (!a.placed) {
                CHECK(a.number >= 1);
                numbers.insert(a.number);
                continue;
            }
            ++placed;
            CHECK(a.number == 0);
            CHECK(in.bounds.contains(a.rect));
            CHECK(a.rect.width() == Approx(a.short_form ? in.short_labels[i].w : in.labels[i].w));
            for (std::size_t j = i + 1; j < out.labels.size(); ++j)
                if (out.labels[j].placed) CHECK_FALSE(a.rect.overlaps(out.labels[j].rect));
            for (const Circle& b : in.bubbles) CHECK_FALSE(overlaps(b, a.rect));
        }
        // Every label is either placed or numbered; the numbers are 1..k without gaps.
        CHECK(placed + out.numbered == 30);
        CHECK(static_cast<int>(numbers.size()) == out.numbered);
        if (out.numbered > 0) {
            CHECK(*numbers.begin() == 1);
            CHECK(*numbers.rbegin() == out.numbered);
        }
        // Clustered this tightly, not everything fits, and the fallback is actually used.
        CHECK(out.numbered > 0);
        CHECK(placed > 0);
    }
}

TEST_CASE("labels avoid obstacles such as the quadrant names") {
    LayoutInput in;
    in.bounds = {0, 0, 800, 600};
    in.bubbles = {{400, 300, 20}};
    in.labels = {{100, 20}};
    in.obstacles = {{424, 280, 560, 320}};  // where the right-hand label would go
    const LabelLayout out = place_labels(in);
    REQUIRE(out.labels[0].placed);
    CHECK(out.labels[0].spot != Spot::Right);
    CHECK_FALSE(out.labels[0].rect.overlaps(in.obstacles[0]));
}

TEST_CASE("priority order decides who gets the space") {
    LayoutInput in;
    in.bounds = {0, 0, 300, 60};  // room for one label only
    in.bubbles = {{30, 30, 10}, {34, 30, 10}};
    in.labels = {{200, 20}, {200, 20}};
    in.order = {1, 0};
    const LabelLayout out = place_labels(in);
    CHECK(out.labels[1].placed);
    CHECK_FALSE(out.labels[0].placed);
    CHECK(out.labels[0].number == 1);
}

TEST_CASE("a label too long for anywhere falls back to its short form, then to a number") {
    LayoutInput in;
    in.bounds = {0, 0, 300, 100};
    in.bubbles = {{150, 50, 10}, {40, 50, 10}};
    in.labels = {{400, 20}, {400, 20}};       // wider than the bounds
    in.short_labels = {{80, 20}, {500, 20}};  // the second one's short form does not fit either
    const LabelLayout out = place_labels(in);
    CHECK(out.labels[0].placed);
    CHECK(out.labels[0].short_form);
    CHECK(out.labels[0].rect.width() == Approx(80));
    CHECK_FALSE(out.labels[1].placed);
    CHECK(out.labels[1].number == 1);
    CHECK(out.numbered == 1);
}

TEST_CASE("with reach, a crowded label goes further out before it is shortened") {
    LayoutInput in;
    in.bounds = {0, 0, 400, 400};
    in.bubbles = {{200, 200, 10}};
    in.labels = {{60, 20}};
    in.short_labels = {{30, 20}};
    // Every near spot is taken by obstacles around the bubble.
    in.obstacles = {{150, 150, 250, 250}};
    in.bubbles.push_back({0, 0, 0});  // a point bubble far away, keeps sizes aligned
    in.labels.push_back({1, 1});
    in.short_labels.push_back({1, 1});
    in.reach = 0;
    CHECK_FALSE(place_labels(in).labels[0].placed);
    in.reach = 60;
    const LabelLayout out = place_labels(in);
    REQUIRE(out.labels[0].placed);
    CHECK(out.labels[0].far);
    CHECK_FALSE(out.labels[0].short_form);
    CHECK_FALSE(out.labels[0].rect.overlaps(in.obstacles[0]));
}

TEST_CASE("ideas with identical scores are spread apart on a ring") {
    std::vector<Circle> b = {{100, 100, 10}, {100, 100, 10}, {103, 98, 10}, {300, 300, 10}};
    const auto s = spread_coincident(b, 24.f);
    for (std::size_t i = 0; i < 3; ++i)
        for (std::size_t j = i + 1; j < 3; ++j)
            CHECK(std::hypot(s[i].x - s[j].x, s[i].y - s[j].y) >= Approx(24.f).margin(0.01));
    CHECK(s[3].x == 300.f);
    CHECK(s[3].y == 300.f);
}

TEST_CASE("scale maps scores onto the chart, clamped") {
    CHECK(scale(1, 1, 5, 0, 400) == Approx(0));
    CHECK(scale(3, 1, 5, 0, 400) == Approx(200));
    CHECK(scale(5, 1, 5, 400, 0) == Approx(0));
    CHECK(scale(9, 1, 5, 0, 400) == Approx(400));
}
