// The bridge: phones' jobs -> batches of core commands on the session's thread, and each job's
// answer. No sockets and no HTTP here: tests drive it with Jobs and a core::Session directly.
//
// Votes that come together are checked one by one (404/409 here, the core's own validate() for
// the scale: 422) and committed as one core::Batch (one transaction); a batch that fails is
// retried vote by vote so every phone gets its own answer. Joins that come together are one
// transaction with their tokens. Phones' edits are never put on the session's undo stack.
#pragma once

#include <functional>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "core/session.hpp"
#include "server/job.hpp"
#include "server/judging.hpp"
#include "server/phone_view.hpp"

namespace pilotdeck::storage {
class WorkshopFile;
}

namespace pilotdeck::server {

// token -> participant. Read by the HTTP threads (authorisation), written by the session's thread.
class TokenTable {
public:
    std::string participant_of(const std::string& token) const;  // "" when unknown
    void add(const std::string& token, const std::string& participant);
    void erase(const std::string& token);
    std::size_t size() const;                       // tokens
    std::size_t joined() const;                     // participants with at least one token
    std::vector<std::string> participants() const;  // those participants, each once

private:
    mutable std::mutex mu_;
    std::unordered_map<std::string, std::string> of_;
    std::unordered_map<std::string, int> tokens_of_;  // participant -> how many tokens
};

class Bridge {
public:
    explicit Bridge(TokenTable& tokens) : tokens_(tokens) {}

    // The workshop file that is the session's store: phones' tokens are saved in it with their
    // participants (else they live in memory only). Session's thread.
    void set_token_file(storage::WorkshopFile* file) { token_file_ = file; }
    // Reads the stored tokens into the table.
    void load_tokens();

    // Session's thread: runs the jobs in order and fills each job's reply; the counts are up to
    // date when it returns. `answered`, when given, gets each job whose reply is final as soon
    // as it is: the joins once committed, the votes and comparisons of a batch once it is
    // committed (before the drain's state reads are worked out), each read once made. Jobs it
    // was not called for have their reply when run() returns.
    void run(std::vector<Job>& jobs, core::Session& s, const std::function<void(Job&)>& answered = {});
    // Session's thread, nothing queued: the counts follow what the GUI changed.
    void idle(core::Session& s);

    // What phones see; thread-safe. set_* wait for a batch being checked and committed.
    void set_stage(std::optional<core::StageKind> stage);
    void set_open_ideas(std::optional<std::vector<std::string>> ideas);
    void set_round(bool open);
    bool round_open() const;
    void set_browser_language(bool allowed);
    // The generator of the judging pairs (contracts 6); call before the first job.
    void set_seed(std::uint64_t seed) { desk_.set_seed(seed); }
    PhoneCounts counts() const;

private:
    using Batch = std::vector<std::pair<Job*, core::Command>>;
    void run_joins(const std::vector<Job*>& joins, core::Session& s);
    void check_score(Job& j, core::Session& s, Batch& batch);
    void flush(Batch& batch, core::Session& s);
    Reply run_one(Job& j, core::Session& s);
    std::optional<Reply> participant_gone(const Job& j, const core::Session& s);
    bool changed_elsewhere(const core::Session& s) const;
    // Tells the HTTP layer the language of the phones' error texts (messages.hpp).
    void note_language(const core::Session& s) const;
    void update_counts(const core::Session& s, bool recount_all);
    // During run(): the counts follow every change so far (a recount of all when the GUI had
    // changed things, else only the participants touched since).
    void counts_up_to_date(const core::Session& s) {
        update_counts(s, recount_pending_);
        recount_pending_ = false;
    }
    // The reply is final (run()'s `answered`); the counts are brought up to date first, so a
    // phone that hears "saved" is already counted (the room's "n of m finished").
    void answer(Job& j, const core::Session& s) {
        if (!answered_ || !*answered_) return;
        counts_up_to_date(s);
        (*answered_)(j);
    }

    TokenTable& tokens_;
    storage::WorkshopFile* token_file_ = nullptr;
    // Ideas per client address and stage (rejoining does not lift the limit).
    std::unordered_map<std::string, int> ideas_from_;

    mutable std::mutex settings_mu_;  // held by the session's thread while it runs jobs
    PhoneSettings settings_;

    // Session's thread only.
    const std::function<void(Job&)>* answered_ = nullptr;  // during run()
    bool recount_pending_ = false;                            // during run(): the GUI changed things
    PhoneView view_;
    JudgingDesk desk_;  // the hackathon's jobs
    std::unordered_map<std::string, std::set<std::string>> ticked_;  // token -> concerns (memory only)
    std::unordered_map<std::string, int> ideas_sent_;                // token -> ideas
    std::unordered_set<std::string> touched_;                         // participants whose scores changed
    // The workshop's participants, for a vote's check at the cost of a hash lookup (the core's
    // lookup walks the list): rebuilt when the session changed elsewhere, grown by joins.
    std::unordered_set<std::string> alive_;
    std::uint64_t seen_revision_ = ~0ull, seen_version_ = 0;
    std::size_t seen_tokens_ = ~std::size_t{0};

    mutable std::mutex count_mu_;
    PhoneCounts counts_;
};

}  // namespace pilotdeck::server
