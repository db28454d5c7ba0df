// Routes: which paths exist, and a whole request (path, body, who) -> a Reply now or a Job for
// the session's thread. No HTTP library here; the join code and its lockouts live in JoinGuard.
#pragma once

#include <chrono>
#include <deque>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <variant>

#include "server/job.hpp"

namespace pilotdeck::server {

enum class Route { Page, Script, HackScript, Text, Style, Join, State, Score, Idea, Concern, Compare, Skip, Undo, Vote, TeamCreate, TeamJoin, Revote };

struct RouteInfo {
    const char* path;
    Route route;
    const char* method;  // GET routes also answer HEAD
    bool auth;           // needs a Bearer token
};

// The route of a path, or null (404).
const RouteInfo* find_route(std::string_view path);

// The join code and the limits on joining (contracts.md section 5). Thread-safe.
//  - 10 wrong codes from one address within a minute: 429 for that address for the minute;
//  - 100 wrong codes from all addresses within a minute: the code is spent (someone is guessing
//    from many addresses); every join gets 403 until a new code is made (new_code()), which the
//    facilitator sees (spent()) and `pilotdeck serve` does by itself;
//  - 20 joins (with the right code) from one address within a minute: then 429.
class JoinGuard {
public:
    using Clock = std::chrono::steady_clock;
    void set_code(std::string code);
    std::string code() const;
    std::string new_code();  // a fresh random code; the spent state ends
    bool spent() const;
    // The jury's code (contracts 6): joining with it makes a jury member. Shown to the facilitator
    // only, never on the projector; new at every start. Spent with the join code.
    void set_jury_code(std::string code);
    std::string jury_code() const;
    // nullopt: the code (the join code, or the jury code: `jury` set) is right and this address
    // may join; else the answer.
    std::optional<Reply> check(const std::string& address, const std::string& given, Clock::time_point now = Clock::now(),
                               bool* jury = nullptr);

private:
    mutable std::mutex mu_;
    std::string code_, jury_code_;
    bool spent_ = false;
    std::unordered_map<std::string, std::deque<Clock::time_point>> wrong_;   // per client address
    std::unordered_map<std::string, std::deque<Clock::time_point>> joins_;   // per client address
    std::deque<Clock::time_point> all_wrong_;
};

struct Caller {
    std::string participant, token;  // from the Bearer token (routes with auth)
    std::string address;             // the client's IPv4 address
    std::size_t from = 0;            // GET /api/state?from=N: the first open idea listed
    std::string accept_language;     // GET /text.js
};

// The whole request is in: a reply at once (pages, refused bodies, wrong codes) or a job.
std::variant<Reply, Job> route_request(const RouteInfo& route, const std::string& body, const Caller& caller,
                                       JoinGuard& guard);

// Text a phone sends (names, titles, problems): refused when it holds control characters (C0,
// DEL, C1) or bidirectional controls (U+202A-U+202E, U+2066-U+2069, and the marks U+200E,
// U+200F, U+061C), which would turn the text around on every phone and on the projector. With
// `multiline`, line breaks and tabs are allowed. `s` is valid UTF-8 (the JSON parser checked).
bool has_control(std::string_view s, bool multiline);

}  // namespace pilotdeck::server
