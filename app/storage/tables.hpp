// Reading and writing the workshop's tables (schema.cpp). Internal to storage; callers hold
// the transaction.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/aggregate.hpp"
#include "core/commands.hpp"
#include "core/model.hpp"
#include "storage/sqlite.hpp"

namespace pilotdeck::storage::tables {

// --- writing (tables_write.cpp) ---

// Every table from `ws` into an empty schema; current stage 0. Scores are resolved through
// in-memory maps, sorted by primary key and inserted with reused multi-row statements; score_agg
// and idea.raters are computed from them on the way. Throws StorageError for a reference that
// does not resolve.
void insert_workshop(sqlite::Database& db, const core::Workshop& ws);

void write_info(sqlite::Database& db, const core::WorkshopInfo& info);
void write_meta(sqlite::Database& db, std::string_view key, std::string_view value);
void write_selection(sqlite::Database& db, const core::SelectionRules& rules);
void insert_participant(sqlite::Database& db, const core::Participant& p, std::int64_t position);
void update_participant(sqlite::Database& db, const core::Participant& p);
void insert_idea(sqlite::Database& db, const core::Idea& idea, std::int64_t position);
void update_idea(sqlite::Database& db, const core::Idea& idea);
// A phone's bearer token for participant `participant` (its id); throws for an unknown one.
void insert_phone_token(sqlite::Database& db, const std::string& token, const std::string& participant);

// The rid of `id` in `table` (participant, idea, criterion...); throws "unknown TABLE 'ID'".
std::int64_t rid_of(sqlite::Database& db, std::string_view table, std::string_view id);
// The id of row `rid` of `table` for a message, or "#rid" when there is none.
std::string id_of(sqlite::Database& db, std::string_view table, std::int64_t rid);
// The rid of `id`, or 0 when there is none (rids start at 1).
std::int64_t find_rid(sqlite::Database& db, std::string_view table, std::string_view id);

// --- hackathons (tables_hackathon.cpp, contracts 6) ---

// Mode, pitching, judging, teams, comparisons, awards and audience votes of `ws`, once its
// participants and ideas are in; read_hackathon fills the same parts of `ws`.
void insert_hackathon(sqlite::Database& db, const core::Workshop& ws);
void read_hackathon(sqlite::Database& db, core::Workshop& ws);
// The hackathon commands (core/hackathon_commands.hpp), inside the caller's transaction.
void persist_hackathon(sqlite::Database& db, const core::PutTeam& c);
void persist_hackathon(sqlite::Database& db, const core::RemoveTeam& c);
void persist_hackathon(sqlite::Database& db, const core::AddComparison& c);
void persist_hackathon(sqlite::Database& db, const core::RemoveComparison& c);
void persist_hackathon(sqlite::Database& db, const core::SetSkip& c);
void persist_hackathon(sqlite::Database& db, const core::SetAudienceVote& c);
void persist_hackathon(sqlite::Database& db, const core::SetAudienceVoteOpen& c);

// --- commands (tables_commands.cpp) ---

// Persists one command (a Batch: each of its commands in order). The caller's transaction
// makes it all or nothing.
void apply_command(sqlite::Database& db, const core::Command& c);

// --- reading (tables_read.cpp) ---

core::Workshop read_workshop(sqlite::Database& db, bool with_scores);
core::Aggregates read_aggregates(sqlite::Database& db);
int read_current_stage(sqlite::Database& db);
// Every phone token with its participant's id.
std::vector<std::pair<std::string, std::string>> read_phone_tokens(sqlite::Database& db);
// Lists whose positions are not 0..n-1 (their order would be ambiguous).
std::vector<std::string> order_problems(sqlite::Database& db);
// Where score_agg or idea.raters differ from a recomputation from score (at most `limit`).
std::vector<std::string> aggregate_problems(sqlite::Database& db, int limit);

}  // namespace pilotdeck::storage::tables

namespace pilotdeck::storage::tables {

// --- screening, consensus and re-vote rounds (tables_screening.cpp; schema version 5) ---

// Replaces the stored screening of idea `idea` (by id) with idea.assessment (none: removed).
void write_assessment(sqlite::Database& db, const core::Idea& idea);
void read_assessments(sqlite::Database& db, std::vector<core::Idea>& ideas);
void write_gates(sqlite::Database& db, const core::SelectionRules& rules);
void read_gates(sqlite::Database& db, core::SelectionRules& rules);
// A consensus SetScore (contracts 5b): sets, changes or clears the row of consensus_score.
void set_consensus_score(sqlite::Database& db, const core::SetScore& c);
// A score's round (contracts 9): round 1 has no row of score_round.
void set_score_round(sqlite::Database& db, const core::Score& s);
// At import: consensus scores, rounds other than 1 and the score history.
void insert_second_round(sqlite::Database& db, const core::Workshop& ws);
// At load: consensus scores appended to ws.scores (idea, then criterion order), rounds applied,
// score history and the open re-vote read.
void read_second_round(sqlite::Database& db, core::Workshop& ws, bool with_scores);
void read_consensus_aggregates(sqlite::Database& db, core::Aggregates& agg);
// contracts 9: the open re-vote round (none: removed).
void write_revote(sqlite::Database& db, const std::optional<core::RevoteRound>& revote);
// The open round's number; 0 when none is open.
int open_revote_round(sqlite::Database& db);
// A score's round as stored (1 when score_round has no row).
int stored_round(sqlite::Database& db, const std::string& idea, const std::string& rater, const std::string& criterion);
void push_history(sqlite::Database& db, const core::ScoreHistory& h);
// Removes and returns the newest history entry of (idea, rater, criterion); throws when none.
core::ScoreHistory pop_history(sqlite::Database& db, const std::string& idea, const std::string& rater,
                               const std::string& criterion);

}  // namespace pilotdeck::storage::tables
