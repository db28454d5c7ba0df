#include "core/timer.hpp"

#include <cstdio>
#include <cstdlib>

namespace pilotdeck::core {

using namespace std::chrono;

Clock system_clock() {
    return [] { return steady_clock::now(); };
}

Countdown::Countdown(Clock clock) : clock_(std::move(clock)) {}

void Countdown::set_duration(seconds d) {
    duration_ = d;
    reset();
}

void Countdown::start() {
    if (running_) return;
    started_ = clock_();
    running_ = true;
}

void Countdown::pause() {
    if (!running_) return;
    banked_ = elapsed();
    running_ = false;
}

void Countdown::reset() {
    banked_ = milliseconds{0};
    running_ = false;
}

void Countdown::add(seconds d) { duration_ += d; }

milliseconds Countdown::elapsed() const {
    if (!running_) return banked_;
    return banked_ + duration_cast<milliseconds>(clock_() - started_);
}

milliseconds Countdown::remaining() const { return duration_cast<milliseconds>(duration_) - elapsed(); }

long long Countdown::remaining_seconds() const {
    const long long ms = remaining().count();
    // Round towards +infinity so the display shows 00:01 until the very end, then 00:00, then +00:01.
    if (ms > 0) return (ms + 999) / 1000;
    return -((-ms) / 1000);
}

TimerPhase Countdown::phase() const {
    if (remaining().count() <= 0) return TimerPhase::Over;
    if (remaining_seconds() <= 120) return TimerPhase::Warning;
    return TimerPhase::Normal;
}

std::string Countdown::text() const {
    const long long s = remaining_seconds();
    const long long a = std::llabs(s);
    char buf[32];
    if (a >= 3600)
        std::snprintf(buf, sizeof buf, "%s%lld:%02lld:%02lld", s < 0 ? "+" : "", a / 3600, (a / 60) % 60, a % 60);
    else
        std::snprintf(buf, sizeof buf, "%s%02lld:%02lld", s < 0 ? "+" : "", a / 60, a % 60);
    return buf;
}

milliseconds Countdown::until_next_tick() const {
    if (!running_) return milliseconds::max();
    const long long ms = remaining().count();
    long long to_next = ms > 0 ? ms % 1000 : 1000 - ((-ms) % 1000);
    if (to_next == 0) to_next = 1000;
    return milliseconds{to_next};
}

}  // namespace pilotdeck::core
