// The workshop file's schema: ordered migrations keyed by PRAGMA user_version, and the
// identity checks that decide whether a file is a workshop this version can read.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <vector>

#include "storage/sqlite.hpp"

namespace pilotdeck::storage::schema {

// Brings a database from schema version - 1 to `version`.
struct Migration {
    int version;
    void (*apply)(sqlite::Database& db);
};

// The migrations of this pilotdeck, version 1 (the initial schema) first; the last one's
// version is kSchemaVersion.
std::span<const Migration> migrations();

// Runs every migration newer than the file's user_version, in order, each in its own
// transaction that also sets user_version. Throws StorageError when the list is out of order.
void migrate(sqlite::Database& db, std::span<const Migration> list);

// Why the open database is not a workshop this version can read (one phrase without the file
// name, e.g. "not a pilotdeck workshop (another SQLite database)"), or nothing when it is.
// Reads only the header: application_id and user_version.
std::optional<std::string> identity_problem(sqlite::Database& db);

// The tables that a file of its schema version must have and does not ("the table pair_skip of
// schema 8 is missing"); empty when all are there.
std::vector<std::string> missing_tables(sqlite::Database& db);

// What `PRAGMA quick_check` (full: integrity_check) reports, at most `limit` lines; empty when ok.
std::vector<std::string> integrity_problems(sqlite::Database& db, bool full, int limit);
// `PRAGMA quick_check` of one table and its indexes only (the pages of the other tables, and
// whether every page is used once, are not looked at).
std::vector<std::string> table_problems(sqlite::Database& db, const std::string& table, int limit);

}  // namespace pilotdeck::storage::schema
