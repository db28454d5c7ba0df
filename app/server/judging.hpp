// The hackathon on phones (contracts 6): pairwise judging (the pair Crowd-BT chooses, skip, undo
// of the judge's own last comparison), criteria judging by the jury, the audience vote, and teams
// created or joined from phones with a team code. Runs on the session's thread, like the bridge,
// which hands it the hackathon's jobs; no HTTP here.
#pragma once

#include <cstdint>
#include <optional>
#include <random>
#include <string>
#include <unordered_map>
#include <utility>

#include <nlohmann/json.hpp>

#include "core/pairwise.hpp"
#include "core/session.hpp"
#include "server/job.hpp"
#include "server/phone_view.hpp"

namespace pilotdeck::server {

class JudgingDesk {
public:
    JudgingDesk();
    // The generator of the pairs' random choices (contracts 6: seeded, so a test can repeat it).
    void set_seed(std::uint64_t seed) { rng_.seed(seed); }

    // POST /api/compare: refused (j.reply set, nullopt) or the command to commit with the batch.
    std::optional<core::Command> check_compare(Job& j, const core::Session& s, const PhoneSettings& settings);
    // PUT /api/score in the judging stage (criteria): nullopt when the jury may score this idea
    // (the core then checks the scale); else the refusal.
    std::optional<Reply> check_jury_score(const Job& j, const core::Session& s, const PhoneSettings& settings);
    // Around a committed batch: keeps the Crowd-BT state in step with the comparisons it holds.
    void before_commit(const core::Session& s);
    void committed(const core::Command& c, const core::Session& s);

    // Skip, undo, audience vote, team create and join: the answer.
    Reply run(Job& j, core::Session& s, const PhoneSettings& settings);

    // The hackathon's part of GET /api/state: "role", "teams", "my_team", "audience", "judging".
    void add_state(nlohmann::json& out, const std::string& participant, const core::Session& s,
                   const PhoneSettings& settings);

private:
    core::Pairwise& pairwise(const core::Session& s);
    std::string code_of(const std::string& team);
    std::optional<std::pair<std::string, std::string>> offered(const std::string& judge, const core::Session& s);
    Reply skip(const Job& j, core::Session& s, const PhoneSettings& settings);
    Reply undo(const Job& j, core::Session& s, const PhoneSettings& settings);
    Reply vote(const Job& j, core::Session& s, const PhoneSettings& settings);
    Reply create_team(const Job& j, core::Session& s, const PhoneSettings& settings);
    Reply join_team(const Job& j, core::Session& s, const PhoneSettings& settings);
    nlohmann::json judging_state(const std::string& participant, const core::Session& s, const PhoneSettings& settings);

    std::mt19937_64 rng_;
    std::mt19937_64 code_rng_;  // team codes (not seeded: they must not be guessed)
    std::optional<core::Pairwise> pairwise_;
    std::uint64_t pairwise_revision_ = ~0ull;
    bool in_step_ = false;  // before_commit: the state was up to date
    std::unordered_map<std::string, std::pair<std::string, std::string>> offered_;        // judge -> (current, candidate)
    std::unordered_map<std::string, std::string> code_of_team_, team_of_code_;            // memory only
};

// "2026-12-01T10:15:00Z": now, UTC.
std::string utc_now();

}  // namespace pilotdeck::server
