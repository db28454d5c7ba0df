// Progress of pilots and the worries' shares (contracts 12).
#include <catch2/catch.hpp>

#include "core/followup.hpp"
#include "core/progress.hpp"

namespace core = pilotdeck::core;

namespace {
core::Measure measure(double baseline, double target, bool up, std::vector<core::MeasureValue> values) {
    core::Measure m;
    m.id = "m";
    m.label = "M";
    m.baseline = baseline;
    m.target = target;
    m.up = up;
    m.values = std::move(values);
    return m;
}
}  // namespace

TEST_CASE("progress of a rising measure", "[progress]") {
    const core::Measure adoption = measure(10, 60, true, {{"2026-12-01", 35}});
    CHECK(core::progress(adoption) == Approx(0.5));
    CHECK(core::round3(*core::progress(adoption)) == 0.5);
    CHECK(core::progress(measure(10, 60, true, {{"2026-12-01", 10}})) == 0.0);
    CHECK(core::progress(measure(10, 60, true, {{"2026-12-01", 70}})) == Approx(1.2));  // past the target
    CHECK(core::round3(*core::progress(measure(10, 60, true, {{"2026-12-01", 5}}))) == -0.1);  // worse than before
}

TEST_CASE("progress of a falling measure", "[progress]") {
    // Minutes per task from 30 down to 15: at 20 two thirds of the way.
    const core::Measure minutes = measure(30, 15, false, {{"2026-12-14", 20}});
    CHECK(core::round3(*core::progress(minutes)) == 0.667);
    CHECK(core::progress(measure(30, 15, false, {{"2026-12-14", 15}})) == 1.0);
    CHECK(core::round3(*core::progress(measure(30, 15, false, {{"2026-12-14", 33}}))) == -0.2);
}

TEST_CASE("the latest value is the latest by date, not the last entered", "[progress]") {
    // Entered 14 December first, then the forgotten 30 November figure.
    const core::Measure m = measure(30, 15, false, {{"2026-12-14", 20}, {"2026-11-30", 24.5}, {"2026-12-01", 26}});
    REQUIRE(core::latest_value(m));
    CHECK(core::latest_value(m)->date == "2026-12-14");
    CHECK(core::latest_value(m)->value == 20);
    CHECK(core::round3(*core::progress(m)) == 0.667);
    // Two values on the latest date: the one entered last counts (a correction).
    const core::Measure corrected = measure(0, 10, true, {{"2027-01-05", 4}, {"2026-12-01", 9}, {"2027-01-05", 5}});
    CHECK(core::latest_value(corrected)->value == 5);
    CHECK(core::progress(corrected) == Approx(0.5));
}

TEST_CASE("no values yet: no latest value, progress null", "[progress]") {
    const core::Measure m = measure(0, 60, true, {});
    CHECK_FALSE(core::latest_value(m).has_value());
    CHECK_FALSE(core::progress(m).has_value());
}

TEST_CASE("rounding to 3 decimals, half away from zero", "[progress]") {
    CHECK(core::round3(0.0625) == 0.063);
    CHECK(core::round3(-0.0625) == -0.063);
    CHECK(core::round3(2.0005) == 2.001);    // 2.0005 is stored as 2.000499999...; written 2.0005
    CHECK(core::round3(-0.0005) == -0.001);
    CHECK(core::round3(0.0004999) == 0.0);
    CHECK(core::round3(1.0 / 3.0) == 0.333);
    CHECK(core::round3(2.0 / 3.0) == 0.667);
    CHECK(core::round3(12.5) == 12.5);
    CHECK(core::round3(0.1 + 0.2) == 0.3);
}

TEST_CASE("a worry's share of the room with different participant counts", "[progress]") {
    CHECK(core::round3(*core::worry_share(9, 12)) == 0.75);
    CHECK(core::round3(*core::worry_share(5, 16)) == 0.313);  // 0.3125, half away from zero
    CHECK(core::round3(*core::worry_share(2, 3)) == 0.667);
    CHECK(core::worry_share(0, 30) == 0.0);
    CHECK_FALSE(core::worry_share(3, 0).has_value());  // nobody took part
}

TEST_CASE("KPI presets: the five usual AI-adoption measures, each valid", "[progress]") {
    const auto presets = core::measure_presets();
    REQUIRE(presets.size() == 5);
    core::Idea idea;
    idea.id = "i1";
    idea.title = "T";
    for (const auto& p : presets) {
        INFO(p.id);
        CHECK(core::is_valid_id(p.id));
        idea.measures.push_back(core::measure_from_preset(p));
        CHECK((p.target > p.baseline) == p.up);
    }
    CHECK_FALSE(core::followup_problem(idea, "2026-11-02").has_value());
    CHECK(core::find_measure_preset("minutes_per_task")->up == false);
    CHECK(core::find_measure_preset("nope") == nullptr);
}
