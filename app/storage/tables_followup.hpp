// The follow-up of ideas in the workshop file (schema version 6, contracts 12): status, its
// dated history and the measures with their values. Internal to storage; callers hold the
// transaction.
#pragma once

#include <vector>

#include "core/model.hpp"
#include "storage/sqlite.hpp"

namespace pilotdeck::storage::tables {

// Replaces the stored follow-up of `idea` (which must be stored) with the idea's.
void write_followup(sqlite::Database& db, const core::Idea& idea);
// write_followup for every idea that has any follow-up (a new file).
void write_followups(sqlite::Database& db, const std::vector<core::Idea>& ideas);
// Fills status, status_history and measures of `ideas` (read in list order) from the file.
void read_followups(sqlite::Database& db, std::vector<core::Idea>& ideas);

}  // namespace pilotdeck::storage::tables
