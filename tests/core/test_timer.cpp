#include <catch2/catch.hpp>

#include "core/timer.hpp"

using namespace pilotdeck::core;
using namespace std::chrono;

namespace {
struct FakeClock {
    steady_clock::time_point now{};
    Clock clock() {
        return [this] { return now; };
    }
};
}  // namespace

TEST_CASE("countdown runs, pauses, warns, goes over time", "[timer]") {
    FakeClock fc;
    Countdown t(fc.clock());
    t.set_duration(minutes(5));
    CHECK(t.text() == "05:00");
    CHECK_FALSE(t.running());
    fc.now += seconds(30);
    CHECK(t.text() == "05:00");  // paused: time does not pass

    t.start();
    fc.now += milliseconds(500);
    CHECK(t.text() == "05:00");  // rounds up: 4:59.5 shows 05:00
    CHECK(t.until_next_tick() == milliseconds(500));
    fc.now += milliseconds(500);
    CHECK(t.text() == "04:59");
    CHECK(t.phase() == TimerPhase::Normal);

    t.pause();
    fc.now += minutes(10);
    CHECK(t.text() == "04:59");
    CHECK(t.until_next_tick() == milliseconds::max());
    t.start();
    fc.now += seconds(179);
    CHECK(t.text() == "02:00");
    CHECK(t.phase() == TimerPhase::Warning);  // last 2 minutes
    fc.now += seconds(120);
    CHECK(t.text() == "00:00");
    CHECK(t.phase() == TimerPhase::Over);
    fc.now += seconds(90);
    CHECK(t.text() == "+01:30");
    CHECK(t.phase() == TimerPhase::Over);

    t.add(minutes(1));  // +1 minute while over time
    CHECK(t.text() == "+00:30");
    t.add(minutes(1));
    CHECK(t.text() == "00:30");
    CHECK(t.phase() == TimerPhase::Warning);

    t.reset();
    CHECK(t.text() == "07:00");
    CHECK_FALSE(t.running());
}

TEST_CASE("countdown formats hours", "[timer]") {
    FakeClock fc;
    Countdown t(fc.clock());
    t.set_duration(minutes(75));
    CHECK(t.text() == "1:15:00");
}
