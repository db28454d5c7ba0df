// Reading and writing the workshop's tables (schema.cpp). Internal to storage; callers hold
// the transaction.
#pragma once

#include <cstdint>
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
void persist_hackathon(sqlite::Database& db, const core::SetAudienceVote& c);

// --- commands (commands.cpp) ---

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
