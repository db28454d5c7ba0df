// What passes between the layers of the phone server: a Job (one phone's request, parsed, for
// the session's thread) and a Reply (status, body and extra headers, without any HTTP library).
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "base/i18n.hpp"

namespace pilotdeck::core {
class CommandError;
}

namespace pilotdeck::server {

struct Reply {
    unsigned status = 500;
    std::string body;
    std::string content_type = "application/json; charset=utf-8";
    std::vector<std::pair<std::string, std::string>> headers;
    bool saved = false;  // the answer 200 {"saved": true}: the HTTP layer sends one made once
    // An error for people: the English message id (body holds it in English, its {0}.. filled
    // in) and its arguments; the HTTP layer sends it in the phone's language (messages.hpp).
    const char* error = nullptr;
    std::vector<std::string> error_args;
};

Reply json_reply(unsigned status, const std::string& json_text);
Reply error_reply(unsigned status, const std::string& message);  // {"error": message}, as it is
// {"error": message} in the phone's language: `msgid` marked with N_() for the catalogues, up to
// three arguments for its {0}, {1}, {2}. The reply keeps the pointer: only static text (a string
// literal) may be passed; anything else (an exception's what()) as a std::string to the one above.
Reply error_reply(unsigned status, const char* msgid, std::vector<std::string> args = {});
// A command the workshop refused (422): its words in the phone's language (core::CommandError's
// pattern and arguments), or as they are when it has none.
Reply refused_reply(const core::CommandError& e);
Reply saved_reply();                                             // 200 {"saved": true}

// Compare..TeamJoin: hackathons (contracts 6; judging.hpp).
enum class JobKind { Join, State, Text, Score, Idea, Concern, Compare, Skip, Undo, Vote, TeamCreate, TeamJoin, Revote };

// One request for the session's thread. `origin` is the HTTP layer's handle of the request (the
// bridge never looks at it); `reply` is filled by the bridge.
struct Job {
    JobKind kind = JobKind::State;
    void* origin = nullptr;
    std::string participant, token;  // from the Bearer token (join: the new token)
    std::string address;             // the client's IPv4 address
    std::string name, department;    // join
    std::string idea, criterion;     // score
    long long value = 0;
    std::string title, problem;  // idea
    std::string concern;         // concern
    bool jury = false;           // join: with the jury code
    std::string winner, loser;   // compare
    std::string team;            // vote ("" withdraws it)
    std::string team_code;       // team join
    std::string accept_language; // text: the phone's Accept-Language header
    std::string reason;          // re-vote (contracts 9)
    std::size_t page = 0;        // state: the first open idea listed (?from=N)
    Reply reply;
};

}  // namespace pilotdeck::server
