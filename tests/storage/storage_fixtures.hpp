// Workshops built in code for the storage tests and the benchmark, and raw SQLite access that
// bypasses the storage layer (to tamper with files or make foreign databases).
#pragma once

#include <filesystem>
#include <functional>
#include <set>
#include <string>

#include "core/model.hpp"

namespace pilotdeck::test {

// Several of everything: 3 stages with prompts, 3 concerns, 4 criteria on all axes with levels,
// non-default rules, 5 participants, 6 ideas (owned and not, pinned both ways, unicode text)
// and scores in list order (idea, rater, criterion), so that load() must give it back equal.
core::Workshop sample_workshop();

// `ideas` x `raters` x `criteria` (at most 9) scores, values 1..5 from a seeded generator.
core::Workshop big_workshop(int ideas, int raters, int criteria);

// Runs SQL on a file through a plain sqlite3 connection (creating the file if needed).
void raw_exec(const std::string& path, const std::string& sql);
// The first column of the first row of `sql` as text ("" when no row).
std::string raw_query(const std::string& path, const std::string& sql);
// What SQLite's own `PRAGMA quick_check(1)` says of a file opened read-only: its first line, or
// the error that stopped it.
std::string raw_quick_check(const std::string& path);

// 64 bytes of 0xff in the middle page of the file, as a failing disk or a bad copy would.
// Throws std::runtime_error when the file is too small or SQLite still finds it sound.
void damage_middle_page(const std::string& path);
// What f throws as storage::StorageError, or "(no error)".
std::string storage_error_of(const std::function<void()>& f);
// The names of the entries of a folder.
std::set<std::string> listing(const std::filesystem::path& dir);

}  // namespace pilotdeck::test
