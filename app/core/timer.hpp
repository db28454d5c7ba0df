// A stage countdown with an injected clock, so tests drive time by hand.
#pragma once

#include <chrono>
#include <functional>
#include <string>

namespace pilotdeck::core {

using Clock = std::function<std::chrono::steady_clock::time_point()>;
Clock system_clock();

enum class TimerPhase { Normal, Warning, Over };  // Warning: the last 2 minutes; Over: past zero

class Countdown {
public:
    explicit Countdown(Clock clock = system_clock());

    void set_duration(std::chrono::seconds d);  // resets
    void start();
    void pause();
    void reset();                               // back to the full duration, paused
    void add(std::chrono::seconds d);           // e.g. +1 minute; works running or paused

    bool running() const { return running_; }
    std::chrono::seconds duration() const { return duration_; }
    // Seconds left (negative when over time), rounded up while running so 00:00 shows at zero.
    long long remaining_seconds() const;
    std::chrono::milliseconds remaining() const;
    TimerPhase phase() const;
    // "12:05", or "+01:30" when over time.
    std::string text() const;
    // Time until the displayed second changes (for an idle-aware main loop).
    std::chrono::milliseconds until_next_tick() const;

private:
    std::chrono::milliseconds elapsed() const;
    Clock clock_;
    std::chrono::seconds duration_{0};
    std::chrono::milliseconds banked_{0};  // elapsed before the last start
    std::chrono::steady_clock::time_point started_{};
    bool running_ = false;
};

}  // namespace pilotdeck::core
