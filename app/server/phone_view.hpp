// The phone view: what the phones read (GET /api/state) and how far they got (the counts the
// GUI shows). Runs on the session's thread; no HTTP and no locking here.
#pragma once

#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/session.hpp"
#include "server/phone_server.hpp"

namespace pilotdeck::server {

class TokenTable;

// What the facilitator decided the phones see. Changing any of it bumps `version`.
struct PhoneSettings {
    std::optional<core::StageKind> stage;  // nullopt: the session's current stage
    std::optional<std::set<std::string>> open_ideas;  // nullopt: all
    bool round = true;
    bool browser_language = false;  // the page in the phone's Accept-Language (en, nl, de) when it names one
    std::uint64_t version = 1;
};

// The stage phones follow (and its title).
core::StageKind phone_stage(const core::Session& s, const PhoneSettings& settings, std::string* title = nullptr);
bool idea_open(const PhoneSettings& settings, const std::string& id);
// The ideas open for scoring, in workshop order (none outside the scoring stage).
std::vector<const core::Idea*> scoring_ideas(const core::Session& s, const PhoneSettings& settings);

// One phone's GET /api/state.
struct StateRequest {
    std::string participant, token;
    const std::set<std::string>* ticked = nullptr;  // the concerns this phone counted
    std::size_t from = 0;                           // the first open idea listed
};

// Open ideas per state answer: the state stays small whatever the workshop holds; a phone asks
// for the next ones with ?from=N.
constexpr std::size_t kIdeasPerPage = 30;
// A phone's own ideas listed in the state (phones may send 30 each).
constexpr std::size_t kMaxOwnIdeasListed = 50;

class PhoneView {
public:
    // The JSON text of the state for one phone.
    std::string state_for(const StateRequest& r, const core::Session& s, const PhoneSettings& settings);
    // The phone's own part of the state (ideas listed, own scores, ...): what the other parts of the
    // server add to before it is sent with state_text().
    nlohmann::json state_json(const StateRequest& r, const core::Session& s, const PhoneSettings& settings);
    // The whole state's text: the part every phone shares ("stage", "round_open", "criteria",
    // "concerns"; kept as text, written once per change of the session or the settings) and `own`
    // (whose members must not repeat those names). No copy of the shared part per request: with
    // 300 judges reading their next pair, copying it was a tenth of the session thread's work.
    std::string state_text(const nlohmann::json& own, const core::Session& s, const PhoneSettings& settings);

    // Progress of the participants with a phone (`tokens`): `touched` are those whose scores
    // changed or who joined since the last call (emptied); `recount_all` when the session or the
    // settings changed elsewhere. Without a recount the cost is that of the touched ones, not of
    // every phone that joined.
    void update_counts(const core::Session& s, const PhoneSettings& settings, const TokenTable& tokens,
                       std::unordered_set<std::string>& touched, bool recount_all);
    const PhoneCounts& counts() const { return counts_; }

private:
    void refresh_public(const core::Session& s, const PhoneSettings& settings);
    std::string cached_public_;                  // stage, round, criteria, concerns: their JSON members
    std::vector<nlohmann::json> cached_ideas_;   // every open idea
    std::vector<const core::Idea*> cached_open_;
    std::uint64_t cached_revision_ = ~0ull, cached_version_ = 0;
    // Per participant, a cursor into the cells (open idea x criterion, in order): every cell
    // before it is scored. Phones only ever add or change scores, so between recounts a cursor
    // only moves forward, and a vote costs a look at one or two cells, not at all of them.
    std::unordered_map<std::string, std::size_t> progress_of_;
    std::unordered_set<std::string> finished_;
    std::vector<const core::Idea*> ideas_;  // open for scoring, as of the last recount
    PhoneCounts counts_;
};

}  // namespace pilotdeck::server
