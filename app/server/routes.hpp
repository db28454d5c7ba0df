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

enum class Route { Page, Script, Style, Join, State, Score, Idea, Concern };

struct RouteInfo {
    const char* path;
    Route route;
    const char* method;  // GET routes also answer HEAD
    bool auth;           // needs a Bearer token
};

// The route of a path, or null (404).
const RouteInfo* find_route(std::string_view path);

// The join code and the limits on trying it. Thread-safe.
class JoinGuard {
public:
    using Clock = std::chrono::steady_clock;
    void set_code(std::string code);
    std::string code() const;
    // nullopt: the code is right; else the answer (403 wrong, 429 locked out).
    std::optional<Reply> check(const std::string& address, const std::string& given, Clock::time_point now = Clock::now());

private:
    mutable std::mutex mu_;
    std::string code_;
    std::unordered_map<std::string, std::deque<Clock::time_point>> wrong_;  // per client address
};

struct Caller {
    std::string participant, token;  // from the Bearer token (routes with auth)
    std::string address;             // the client's IPv4 address
};

// The whole request is in: a reply at once (pages, refused bodies, wrong codes) or a job.
std::variant<Reply, Job> route_request(const RouteInfo& route, const std::string& body, const Caller& caller,
                                       JoinGuard& guard);

// Text a phone sends (names, titles): refused when it holds control characters; with
// `multiline`, line breaks and tabs are allowed.
bool has_control(std::string_view s, bool multiline);

}  // namespace pilotdeck::server
