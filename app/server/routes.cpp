#include "server/routes.hpp"

#include <algorithm>
#include <cctype>
#include <cstdint>

#include <nlohmann/json.hpp>

#include "base/i18n.hpp"
#include "core/text.hpp"
#include "server/net.hpp"
#include "server/page.hpp"

namespace pilotdeck::server {

using i18n::N_;

namespace {

using json = nlohmann::json;
using core::trim;
using core::utf8_length;

// The phone API's own limits (contracts.md section 5); the core's (200 characters for a title,
// 10,000 for a text) are wider and checked again when the command runs.
constexpr std::size_t kMaxTitle = 120;
constexpr std::size_t kMaxProblem = 1000;
constexpr std::size_t kMaxName = 60;
constexpr std::size_t kMaxDepartment = 60;
constexpr std::size_t kMaxWrongCodes = 10;      // per address and minute
constexpr std::size_t kMaxWrongCodesAll = 100;  // from all addresses within a minute: the code is spent
constexpr std::size_t kMaxJoins = 20;           // per address and minute
constexpr auto kLockoutWindow = std::chrono::seconds(60);

void forget_before(std::deque<std::chrono::steady_clock::time_point>& times, std::chrono::steady_clock::time_point now) {
    while (!times.empty() && now - times.front() > kLockoutWindow) times.pop_front();
}

Reply too_many(const char* message) {
    Reply rep = error_reply(429, message);
    rep.headers.emplace_back("Retry-After", "60");
    return rep;
}

constexpr RouteInfo kRoutes[] = {
    {"/", Route::Page, "GET", false},
    {"/app.js", Route::Script, "GET", false},
    {"/hackathon.js", Route::HackScript, "GET", false},
    {"/text.js", Route::Text, "GET", false},
    {"/app.css", Route::Style, "GET", false},
    {"/api/join", Route::Join, "POST", false},
    {"/api/state", Route::State, "GET", true},
    {"/api/score", Route::Score, "PUT", true},
    {"/api/idea", Route::Idea, "POST", true},
    {"/api/concern", Route::Concern, "POST", true},
    {"/api/compare", Route::Compare, "POST", true},
    {"/api/skip", Route::Skip, "POST", true},
    {"/api/undo", Route::Undo, "POST", true},
    {"/api/vote", Route::Vote, "PUT", true},
    {"/api/team", Route::TeamCreate, "POST", true},
    {"/api/team/join", Route::TeamJoin, "POST", true},
    {"/api/revote", Route::Revote, "PUT", true},
};

// Compares without an early exit.
bool same_code(const std::string& code, const std::string& given) {
    unsigned diff = given.size() == code.size() ? 0u : 1u;
    for (std::size_t i = 0; i < code.size(); ++i)
        diff |= static_cast<unsigned>(code[i] ^ (i < given.size() ? given[i] : 0));
    return diff == 0 && !code.empty();
}

// An optional text field of a request body: absent or null gives "".
bool optional_text(const json& body, const char* key, std::string& out) {
    auto it = body.find(key);
    if (it == body.end() || it->is_null()) return true;
    if (!it->is_string()) return false;
    out = it->get<std::string>();
    return true;
}

// contracts 6: the hackathon's calls (judging.hpp runs them).
std::variant<Reply, Job> route_hackathon(const RouteInfo& route, const json& body, Job job) {
    const auto text = [&](const char* key, std::string& out) {
        auto it = body.find(key);
        if (it == body.end() || !it->is_string()) return false;
        out = it->get<std::string>();
        return true;
    };
    switch (route.route) {
        case Route::Compare:
            if (!text("winner", job.winner) || !text("loser", job.loser)) return error_reply(400, N_("winner and loser are required texts"));
            if (job.winner == job.loser) return error_reply(422, N_("a team cannot be compared with itself"));
            job.kind = JobKind::Compare;
            return job;
        case Route::Skip: job.kind = JobKind::Skip; return job;
        case Route::Undo: job.kind = JobKind::Undo; return job;
        case Route::Vote: {
            auto team = body.find("team");
            if (team == body.end() || !(team->is_string() || team->is_null())) return error_reply(400, N_("team is a required text or null"));
            if (team->is_string()) job.team = team->get<std::string>();
            if (team->is_string() && job.team.empty()) return error_reply(400, N_("team is a required text or null"));
            job.kind = JobKind::Vote;
            return job;
        }
        case Route::TeamCreate: {
            if (!text("name", job.name)) return error_reply(400, N_("name is a required text"));
            if (!text("title", job.title)) return error_reply(400, N_("title is a required text"));
            if (!optional_text(body, "problem", job.problem)) return error_reply(400, N_("problem is a text"));
            job.name = trim(job.name);
            job.title = trim(job.title);
            job.problem = trim(job.problem);
            const std::size_t n = utf8_length(job.name), t = utf8_length(job.title);
            if (n < 1 || n > kMaxName) return error_reply(422, N_("the team name has 1 to 60 characters"));
            if (has_control(job.name, false)) return error_reply(422, N_("the team name is one line, without control or direction characters"));
            if (t < 1 || t > kMaxTitle) return error_reply(422, N_("the title has 1 to 120 characters"));
            if (has_control(job.title, false)) return error_reply(422, N_("the title is one line, without control or direction characters"));
            if (utf8_length(job.problem) > kMaxProblem) return error_reply(422, N_("the problem has at most 1000 characters"));
            if (has_control(job.problem, true)) return error_reply(422, N_("the problem contains control or direction characters"));
            job.kind = JobKind::TeamCreate;
            return job;
        }
        case Route::TeamJoin:
            if (!text("code", job.team_code)) return error_reply(400, N_("code is a required text"));
            job.team_code = trim(job.team_code);
            for (char& c : job.team_code) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
            job.kind = JobKind::TeamJoin;
            return job;
        default: return error_reply(404, N_("not found"));
    }
}

}  // namespace

const RouteInfo* find_route(std::string_view path) {
    for (const auto& r : kRoutes)
        if (path == r.path) return &r;
    return nullptr;
}

bool has_control(std::string_view s, bool multiline) {
    for (std::size_t i = 0; i < s.size(); ++i) {
        const auto c = static_cast<unsigned char>(s[i]);
        const auto next = [&](std::size_t k) { return i + k < s.size() ? static_cast<unsigned char>(s[i + k]) : 0u; };
        if (multiline && (c == '\n' || c == '\t' || c == '\r')) continue;
        if (c < 0x20 || c == 0x7F) return true;
        if (c == 0xC2 && next(1) >= 0x80 && next(1) <= 0x9F) return true;  // C1: U+0080..U+009F
        if (c == 0xD8 && next(1) == 0x9C) return true;                     // U+061C
        if (c == 0xE2 && next(1) == 0x80 && (next(2) == 0x8E || next(2) == 0x8F || (next(2) >= 0xAA && next(2) <= 0xAE)))
            return true;  // U+200E, U+200F, U+202A..U+202E
        if (c == 0xE2 && next(1) == 0x81 && next(2) >= 0xA6 && next(2) <= 0xA9) return true;  // U+2066..U+2069
    }
    return false;
}

void JoinGuard::set_code(std::string code) {
    std::lock_guard l(mu_);
    code_ = std::move(code);
}

std::string JoinGuard::code() const {
    std::lock_guard l(mu_);
    return code_;
}

void JoinGuard::set_jury_code(std::string code) {
    std::lock_guard l(mu_);
    jury_code_ = std::move(code);
}

std::string JoinGuard::jury_code() const {
    std::lock_guard l(mu_);
    return jury_code_;
}

std::string JoinGuard::new_code() {
    std::string fresh = random_join_code(), jury = random_join_code();
    std::lock_guard l(mu_);
    while (fresh == code_ || fresh == jury_code_) fresh = random_join_code();
    while (jury == fresh || jury == jury_code_) jury = random_join_code();
    code_ = fresh;
    if (!jury_code_.empty()) jury_code_ = jury;
    spent_ = false;
    all_wrong_.clear();
    return code_;
}

bool JoinGuard::spent() const {
    std::lock_guard l(mu_);
    return spent_;
}

std::optional<Reply> JoinGuard::check(const std::string& address, const std::string& given, Clock::time_point now,
                                      bool* jury) {
    std::lock_guard l(mu_);
    if (wrong_.size() > 4096 || joins_.size() > 4096) {
        for (auto* table : {&wrong_, &joins_})
            for (auto it = table->begin(); it != table->end();) {
                if (it->second.empty() || now - it->second.back() > kLockoutWindow)
                    it = table->erase(it);
                else
                    ++it;
            }
    }
    auto& times = wrong_[address];
    forget_before(times, now);
    if (times.size() >= kMaxWrongCodes) return too_many(N_("too many wrong codes: wait a minute"));
    if (spent_) return error_reply(403, N_("this code is no longer valid: look at the screen for the new one"));
    const bool as_user = same_code(code_, given), as_jury = same_code(jury_code_, given);
    if (jury) *jury = as_jury && !as_user;
    if (!as_user && !as_jury) {
        times.push_back(now);
        forget_before(all_wrong_, now);
        all_wrong_.push_back(now);
        if (all_wrong_.size() >= kMaxWrongCodesAll) spent_ = true;
        return error_reply(403, N_("wrong code"));
    }
    auto& joined = joins_[address];
    forget_before(joined, now);
    if (joined.size() >= kMaxJoins) return too_many(N_("too many joins from this network address: wait a minute"));
    joined.push_back(now);
    return std::nullopt;
}

std::variant<Reply, Job> route_request(const RouteInfo& route, const std::string& text, const Caller& caller,
                                       JoinGuard& guard) {
    switch (route.route) {
        case Route::Page: return Reply{200, std::string(page_html()), "text/html; charset=utf-8", {}, false};
        case Route::Script: return Reply{200, std::string(page_script()), "text/javascript; charset=utf-8", {}, false};
        case Route::HackScript:
            return Reply{200, std::string(page_hackathon_script()), "text/javascript; charset=utf-8", {}, false};
        case Route::Style: return Reply{200, std::string(page_style()), "text/css; charset=utf-8", {}, false};
        default: break;
    }
    Job job;
    job.participant = caller.participant;
    job.token = caller.token;
    job.address = caller.address;
    json body;
    if (route.method != std::string_view("GET")) {
        try {
            body = json::parse(text);
        } catch (const json::exception&) {
            return error_reply(400, N_("the body is not valid JSON"));
        }
        if (!body.is_object()) return error_reply(400, N_("the body must be a JSON object"));
    }
    switch (route.route) {
        case Route::Join: {
            auto code_it = body.find("code");
            std::string given;
            if (code_it != body.end() && code_it->is_string())
                given = code_it->get<std::string>();
            else if (code_it != body.end() && code_it->is_number_unsigned())
                given = std::to_string(code_it->get<std::uint64_t>());
            bool jury = false;
            if (auto refused = guard.check(caller.address, given, JoinGuard::Clock::now(), &jury)) return std::move(*refused);
            job.jury = jury;
            std::string name, dept;
            if (!optional_text(body, "name", name) || !optional_text(body, "department", dept))
                return error_reply(400, N_("name and department are texts"));
            name = trim(name);
            dept = trim(dept);
            if (utf8_length(name) > kMaxName) return error_reply(422, N_("the name is at most 60 characters"));
            if (has_control(name, false)) return error_reply(422, N_("the name is one line, without control or direction characters"));
            if (utf8_length(dept) > kMaxDepartment) return error_reply(422, N_("the department is at most 60 characters"));
            if (has_control(dept, false))
                return error_reply(422, N_("the department is one line, without control or direction characters"));
            job.kind = JobKind::Join;
            job.name = name;
            job.department = dept;
            job.token = random_token();
            return job;
        }
        case Route::Text:  // the language is the workshop's: the session's thread knows it
            job.kind = JobKind::Text;
            job.accept_language = caller.accept_language.substr(0, 200);
            return job;
        case Route::State:
            job.kind = JobKind::State;
            job.page = caller.from;
            return job;
        case Route::Score: {
            auto idea = body.find("idea"), crit = body.find("criterion"), value = body.find("value");
            if (idea == body.end() || !idea->is_string() || crit == body.end() || !crit->is_string())
                return error_reply(400, N_("idea and criterion are required texts"));
            if (value == body.end() || !value->is_number_integer())
                return error_reply(422, N_("the value must be a whole number on the criterion's scale"));
            job.kind = JobKind::Score;
            job.idea = idea->get<std::string>();
            job.criterion = crit->get<std::string>();
            // Clamped to a range the core's check refuses as off the scale (422), without overflow.
            if (value->is_number_unsigned()) {
                const auto u = value->get<std::uint64_t>();
                job.value = u > 1000000u ? 1000000 : static_cast<long long>(u);
            } else {
                job.value = std::clamp<long long>(value->get<std::int64_t>(), -1000000, 1000000);
            }
            return job;
        }
        case Route::Idea: {
            auto title = body.find("title");
            if (title == body.end() || !title->is_string()) return error_reply(400, N_("title is a required text"));
            std::string problem;
            if (!optional_text(body, "problem", problem)) return error_reply(400, N_("problem is a text"));
            job.title = trim(title->get<std::string>());
            job.problem = trim(problem);
            const std::size_t n = utf8_length(job.title);
            if (n < 1 || n > kMaxTitle) return error_reply(422, N_("the title has 1 to 120 characters"));
            if (has_control(job.title, false)) return error_reply(422, N_("the title is one line, without control or direction characters"));
            if (utf8_length(job.problem) > kMaxProblem) return error_reply(422, N_("the problem has at most 1000 characters"));
            if (has_control(job.problem, true)) return error_reply(422, N_("the problem contains control or direction characters"));
            job.kind = JobKind::Idea;
            return job;
        }
        case Route::Revote: {  // contracts 9
            auto idea = body.find("idea"), crit = body.find("criterion"), value = body.find("value");
            if (idea == body.end() || !idea->is_string() || crit == body.end() || !crit->is_string())
                return error_reply(400, N_("idea and criterion are required texts"));
            if (value == body.end() || !value->is_number_integer())
                return error_reply(422, N_("the value must be a whole number on the criterion's scale"));
            if (!optional_text(body, "reason", job.reason)) return error_reply(400, N_("reason is a text"));
            job.reason = trim(job.reason);
            if (has_control(job.reason, false)) return error_reply(422, N_("the reason is one line, without control or direction characters"));
            job.kind = JobKind::Revote;
            job.idea = idea->get<std::string>();
            job.criterion = crit->get<std::string>();
            job.value = value->is_number_unsigned() ? static_cast<long long>(std::min<std::uint64_t>(value->get<std::uint64_t>(), 1000000u))
                                                    : std::clamp<long long>(value->get<std::int64_t>(), -1000000, 1000000);
            return job;
        }
        case Route::Concern: {
            auto concern = body.find("concern");
            if (concern == body.end() || !concern->is_string()) return error_reply(400, N_("concern is a required text"));
            job.kind = JobKind::Concern;
            job.concern = concern->get<std::string>();
            return job;
        }
        default: return route_hackathon(route, body, std::move(job));
    }
}

}  // namespace pilotdeck::server
