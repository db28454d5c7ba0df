// The countdown's chime (app/ui/chimes.hpp, app/platform/chime.hpp): the moments one minute left
// and zero, found from real countdowns on a clock the test moves; and the chime asked of
// libcanberra on a machine without sound hardware, which stays silent and carries on.
#include <catch2/catch.hpp>

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <string>
#include <vector>

#include "ui/chimes.hpp"

using namespace pilotdeck;
using platform::ChimeSound;
using namespace std::chrono_literals;

namespace {

struct Clocked {
    std::chrono::steady_clock::time_point now{};
    std::vector<core::Countdown> timers;
    explicit Clocked(std::chrono::seconds duration) {
        timers.emplace_back([this] { return now; });
        timers.back().set_duration(duration);
    }
};

}  // namespace

TEST_CASE("chime: one minute left and zero, once each, only while running") {
    Clocked c(2min);
    std::vector<long long> last;
    CHECK(ui::countdown_moments(last, c.timers).empty());  // the first call only looks
    c.timers[0].start();
    c.now += 59s;  // 61 s left
    CHECK(ui::countdown_moments(last, c.timers).empty());
    c.now += 2s;  // 59 s left
    CHECK(ui::countdown_moments(last, c.timers) == std::vector{ChimeSound::OneMinute});
    c.now += 30s;
    CHECK(ui::countdown_moments(last, c.timers).empty());
    c.now += 29s;  // exactly zero
    CHECK(ui::countdown_moments(last, c.timers) == std::vector{ChimeSound::Zero});
    c.now += 10s;  // over time: nothing more
    CHECK(ui::countdown_moments(last, c.timers).empty());

    // Reset and paused: no chime; running again from the full time: both again.
    c.timers[0].reset();
    CHECK(ui::countdown_moments(last, c.timers).empty());
    c.timers[0].start();
    c.now += 65s;  // from 120 to 55 between two calls: the minute
    CHECK(ui::countdown_moments(last, c.timers) == std::vector{ChimeSound::OneMinute});
    c.timers[0].pause();
    c.now += 100s;
    CHECK(ui::countdown_moments(last, c.timers).empty());
    c.timers[0].start();
    c.now += 60s;  // from 55 to below zero in one step: only zero
    CHECK(ui::countdown_moments(last, c.timers) == std::vector{ChimeSound::Zero});
}

TEST_CASE("chime: a countdown shorter than a minute only chimes at zero; +1 min is no moment") {
    Clocked c(30s);
    std::vector<long long> last;
    ui::countdown_moments(last, c.timers);
    c.timers[0].start();
    c.now += 20s;
    c.timers[0].add(1min);  // 70 s left
    CHECK(ui::countdown_moments(last, c.timers).empty());
    c.now += 11s;  // 59 s left
    CHECK(ui::countdown_moments(last, c.timers) == std::vector{ChimeSound::OneMinute});
}

TEST_CASE("chime: off by default plays nothing; on, each moment asks libcanberra, heard or not") {
    Clocked c(2min);
    ui::Chimes off;
    off.tend(c.timers, false);
    c.timers[0].start();
    c.now += 61s;
    CHECK(off.tend(c.timers, false) == std::vector{ChimeSound::OneMinute});
    CHECK(off.chime().played() == 0);

    ui::Chimes on;
    Clocked d(2min);
    on.tend(d.timers, true);
    d.timers[0].start();
    d.now += 61s;
    CHECK(on.tend(d.timers, true) == std::vector{ChimeSound::OneMinute});
    d.now += 60s;
    CHECK(on.tend(d.timers, true) == std::vector{ChimeSound::Zero});
    CHECK(on.chime().played() == 2);  // asked twice; without a sound device libcanberra declines quietly

    platform::Chime chime;  // straight to the platform: returns, never throws, counts
    const std::string why = chime.play(ChimeSound::Zero);
    CHECK(chime.played() == 1);
    INFO("libcanberra says: " << (why.empty() ? "played" : why));
    SUCCEED();
}

namespace {

// What the code run by `f` writes on stderr (fd 2, where ALSA and libcanberra write too).
template <class F>
std::string stderr_of(F&& f) {
    char name[] = "/tmp/pilotdeck-stderr-XXXXXX";
    const int fd = mkstemp(name);
    REQUIRE(fd >= 0);
    std::fflush(stderr);
    std::cerr.flush();
    const int saved = dup(2);
    dup2(fd, 2);
    f();
    std::fflush(stderr);
    std::cerr.flush();
    dup2(saved, 2);
    close(saved);
    std::string out;
    char buf[4096];
    lseek(fd, 0, SEEK_SET);
    for (ssize_t n; (n = read(fd, buf, sizeof buf)) > 0;) out.append(buf, static_cast<std::size_t>(n));
    close(fd);
    unlink(name);
    return out;
}

}  // namespace

TEST_CASE("chime: without sound hardware stderr stays clean: at most one line, only with the chime on") {
    const auto countdown_to_zero = [](bool on) {
        ui::Chimes chimes;
        Clocked c(2min);
        chimes.tend(c.timers, on);
        c.timers[0].start();
        for (int i = 0; i < 3; ++i) {  // one minute left, zero, and a second countdown's zero
            c.now += 61s;
            chimes.tend(c.timers, on);
            if (i == 1) {
                c.timers[0].reset();
                c.timers[0].start();
                c.now += 60s;
                chimes.tend(c.timers, on);
            }
        }
        return chimes.chime().played();
    };
    unsigned long played = 0;
    const std::string off = stderr_of([&] { played = countdown_to_zero(false); });
    CHECK(played == 0);
    CHECK(off.empty());
    const std::string on = stderr_of([&] { played = countdown_to_zero(true); });
    CHECK(played >= 3);
    INFO("stderr: " << on);
    CHECK(on.find("ALSA") == std::string::npos);
    CHECK(std::count(on.begin(), on.end(), '\n') <= 1);
    if (!on.empty()) CHECK(on.rfind("pilotdeck: the countdown chime cannot be heard (", 0) == 0);
}
