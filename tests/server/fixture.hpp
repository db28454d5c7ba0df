// Workshops and helpers shared by the phone server tests.
#pragma once

#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "core/model.hpp"
#include "server/http_client.hpp"
#include "server/phone_server.hpp"

namespace pilotdeck::test {

using server::HttpClient;  // app/server/http_client.hpp
using server::HttpResponse;

// Stages intro, concerns, ideas, scoring, matrix; concerns "jobs" and "privacy"; `criteria`
// criteria c1..cN scored 1..5 with level texts; `ideas` ideas i1..iN; no participants.
core::Workshop phone_workshop(int ideas = 20, int criteria = 9);

// contracts 6: stages teams, pitches, judging, awards; `teams` teams t1..tN, each with idea iN
// (department "Dept N%3") and two members (participants mNa, mNb); criteria c1..c3.
core::Workshop hackathon_workshop(int teams, core::JudgingMethod method, bool recuse_department = false);

// Creates the workshop file at `path`.
void create_workshop_file(const std::string& path, const core::Workshop& ws);

inline std::string join_body(const std::string& code, const std::string& name = {}) {
    nlohmann::json j = {{"code", code}};
    if (!name.empty()) j["name"] = name;
    return j.dump();
}

inline std::string score_body(const std::string& idea, const std::string& criterion, int value) {
    return nlohmann::json{{"idea", idea}, {"criterion", criterion}, {"value", value}}.dump();
}

// A loopback address of its own for phone number `i` (127.77.x.y), as phones in a room have.
inline std::string phone_address(int i) {
    return "127.77." + std::to_string(i / 200) + "." + std::to_string(i % 200 + 10);
}

// Joins and returns the token (empty when the join failed).
std::string join(HttpClient& client, const std::string& code, const std::string& name = {});

// A phone's join with `name`: the answer's status, and its token and participant id when it was 200.
struct Joined {
    int status = 0;
    std::string token, participant;
};
Joined join_as(HttpClient& client, const std::string& code, const std::string& name);

// Options for an in-process server on 127.0.0.1 at a free port, on `stage` (none: the file's
// current stage).
server::ServerOptions loopback(std::optional<core::StageKind> stage = core::StageKind::Scoring);

}  // namespace pilotdeck::test
