#include "storage/workshop_file.hpp"

#include <sqlite3.h>

#include <sys/stat.h>

#include <filesystem>
#include <utility>

#include "base/i18n.hpp"
#include "storage/checkpointer.hpp"
#include "storage/backup.hpp"
#include "storage/file_ops.hpp"
#include "storage/schema.hpp"
#include "storage/sqlite.hpp"
#include "storage/tables.hpp"

namespace pilotdeck::storage {
namespace {

using sqlite::Database;

constexpr int kReportLimit = 20;  // problems listed per kind by check()

std::unique_ptr<Database> open_read_only(const std::string& path) {
    auto db = std::make_unique<Database>(path, SQLITE_OPEN_READONLY);
    db->pragma_set("busy_timeout", "5000");
    return db;
}

// A connection that reads and leaves no trace. A read-only connection to a WAL-mode database
// creates its -wal and -shm files and cannot remove them again. Without a -wal, no connection
// is using the file and the main file holds every committed change, so it is opened immutable
// (no locks, no side files); with one, the side files are there already.
std::unique_ptr<Database> open_untouched(const std::string& path) {
    if (std::filesystem::exists(path + "-wal")) return open_read_only(path);
    return sqlite::open_immutable(path);
}

// Read-write connection settings; journal_mode=WAL is set once at creation and persists.
std::unique_ptr<Database> open_read_write(const std::string& path) {
    auto db = std::make_unique<Database>(path, SQLITE_OPEN_READWRITE);
    db->pragma_set("busy_timeout", "5000");
    db->pragma_set("foreign_keys", "ON");
    db->pragma_set("synchronous", "FULL");
    return db;
}

// The connection of a file opened ReadOnly. Not a read-only connection: that one would leave
// -wal and -shm behind (see open_untouched), where a read-write one removes them on close;
// query_only makes it refuse writes. (SQLite opens a write-protected file read-only anyway.)
// Where no -wal or -shm can be made, in a write-protected folder, nobody can be writing to the
// file either, and it is opened immutable.
std::unique_ptr<Database> open_for_reading(const std::string& path) {
    if (!files::folder_writable(path)) return open_untouched(path);
    auto db = open_read_write(path);
    db->pragma_set("query_only", "ON");
    return db;
}

// Everything that decides, without writing anything, whether `path` is a sound workshop this version reads.
void open_verified(const std::string& path) {
    files::require_readable_file(path);
    if (files::is_empty_file(path)) throw StorageError(path + ": " + i18n::tr("not a pilotdeck workshop (empty file)"));
    auto db = open_untouched(path);
    if (auto problem = schema::identity_problem(*db)) throw StorageError(path + ": " + *problem);
    auto problems = schema::integrity_problems(*db, false, 1);
    if (!problems.empty()) throw StorageError(path + ": " + i18n::format(i18n::tr("damaged: {0}"), {problems.front()}));
}

// The whole database in the (temporary) file at `build_path`; errors name `path`. Journal and
// syncing are off while it is built: the file is not in place until it is complete and synced.
void build(const std::string& build_path, const std::string& path, const core::Workshop& ws) {
    Database db(build_path, SQLITE_OPEN_READWRITE, path);
    db.pragma_set("journal_mode", "OFF");
    db.pragma_set("synchronous", "OFF");
    db.pragma_set("cache_size", "-262144");  // 256 MiB: the score b-tree of a big workshop stays in memory
    db.pragma_set("application_id", std::to_string(kApplicationId));
    schema::migrate(db, schema::migrations());
    sqlite::Transaction tx(db);
    tables::insert_workshop(db, ws);
    tx.commit();
    db.pragma_set("journal_mode", "WAL");
}

std::vector<std::string> foreign_key_problems(Database& db, int limit) {
    std::vector<std::string> problems;
    sqlite::Statement st(db, "PRAGMA foreign_key_check");
    while (static_cast<int>(problems.size()) < limit && st.step())
        problems.push_back("a row of " + st.column_text(0) + " refers to a missing row of " + st.column_text(2));
    return problems;
}

// Whether a file read immutable may have changed meanwhile: its -wal (made by any connection that
// reads or writes it), and the main file's size, time and inode (a checkpoint or a replacement).
struct FileStamp {
    bool wal = false, exists = false;
    off_t size = 0;
    std::int64_t mtime_ns = 0;
    ino_t inode = 0;
    bool operator==(const FileStamp&) const = default;
};

FileStamp stamp_of(const std::string& path) {
    FileStamp s;
    struct stat st {};
    s.wal = ::stat((path + "-wal").c_str(), &st) == 0;
    if (::stat(path.c_str(), &st) != 0) return s;
    s.exists = true;
    s.size = st.st_size;
    s.mtime_ns = static_cast<std::int64_t>(st.st_mtim.tv_sec) * 1000000000 + st.st_mtim.tv_nsec;
    s.inode = st.st_ino;
    return s;
}

// The tables read_summary does not read: the individual scores and what belongs to each of them.
bool unread_by_summary(const std::string& table) {
    return table == "score" || table == "score_round" || table == "score_history";
}

WorkshopFile::Summary read_summary_once(const std::string& path, Database& db) {
    if (auto problem = schema::identity_problem(db)) throw StorageError(path + ": " + *problem);
    sqlite::Transaction snapshot(db, sqlite::Transaction::Kind::Deferred);
    std::vector<std::string> tables;
    {
        sqlite::Statement st(db, "SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name");
        while (st.step()) tables.push_back(st.column_text(0));
    }
    for (const std::string& table : tables) {
        if (unread_by_summary(table)) continue;
        auto problems = schema::table_problems(db, table, 1);
        if (!problems.empty()) throw StorageError(path + ": damaged: " + problems.front());
    }
    WorkshopFile::Summary summary;
    summary.workshop = tables::read_workshop(db, false);
    summary.aggregates = tables::read_aggregates(db);
    return summary;
}

void append(std::vector<std::string>& to, const std::vector<std::string>& from) { to.insert(to.end(), from.begin(), from.end()); }

}  // namespace

WorkshopFile::WorkshopFile(std::string path, std::unique_ptr<Database> db, bool read_only)
    : path_(std::move(path)), db_(std::move(db)), read_only_(read_only) {}

WorkshopFile::~WorkshopFile() = default;

void WorkshopFile::fold_log_in_background() {
    if (read_only_) return;  // never written: nothing to fold
    if (!checkpointer_) checkpointer_ = std::make_unique<Checkpointer>(path_, *db_);
}

std::unique_ptr<WorkshopFile> WorkshopFile::create(const std::string& path, const core::Workshop& ws, bool overwrite) {
    // Refused early here (before the work of building), and again atomically when moved into place.
    std::error_code ec;
    if (!overwrite && std::filesystem::exists(std::filesystem::symlink_status(path, ec)))
        throw StorageError(path + ": " + i18n::tr("already exists (use --force to replace it)"));
    {
        files::TempFile tmp(path);
        build(tmp.path(), path, ws);
        tmp.commit(overwrite);
    }
    return std::unique_ptr<WorkshopFile>(new WorkshopFile(path, open_read_write(path), false));
}

std::unique_ptr<WorkshopFile> WorkshopFile::open(const std::string& path, Mode mode) {
    try {
        open_verified(path);
    } catch (const StorageError& e) {
        // A damaged file names its newest sound backup (backup.hpp); other refusals unchanged.
        std::string message = explain_open_failure(path, e.what());
        if (message != e.what()) throw StorageError(message);
        throw;
    }
    if (mode == Mode::ReadOnly)
        return std::unique_ptr<WorkshopFile>(new WorkshopFile(path, open_for_reading(path), true));
    auto db = open_read_write(path);
    schema::migrate(*db, schema::migrations());
    return std::unique_ptr<WorkshopFile>(new WorkshopFile(path, std::move(db), false));
}

WorkshopFile::Summary WorkshopFile::read_summary(const std::string& path) {
    try {
        files::require_readable_file(path);
        if (files::is_empty_file(path)) throw StorageError(path + ": not a pilotdeck workshop (empty file)");
        for (int attempt = 0; attempt < 3; ++attempt) {
            const FileStamp before = stamp_of(path);
            if (before.wal) return read_summary_once(path, *open_read_only(path));  // in use: read under its locks
            Summary summary = read_summary_once(path, *sqlite::open_immutable(path));
            if (stamp_of(path) == before) return summary;
            // Opened or changed by someone while it was read: read again (under its locks if in use).
        }
        throw StorageError(path + ": it kept changing while it was read; try again");
    } catch (const StorageError& e) {
        std::string message = explain_open_failure(path, e.what());
        if (message != e.what()) throw StorageError(message);
        throw;
    }
}

CheckReport WorkshopFile::check(const std::string& path) {
    files::require_readable_file(path);
    CheckReport report;
    auto finish = [&](std::vector<std::string> problems) {
        append(report.problems, problems);
        report.ok = report.problems.empty();
        return report;
    };
    if (files::is_empty_file(path)) return finish({"not a pilotdeck workshop (empty file)"});
    auto db = open_untouched(path);
    if (auto problem = schema::identity_problem(*db)) {
        if (problem->starts_with("made by a newer")) report.schema_version = static_cast<int>(db->pragma_int("user_version"));
        return finish({*problem});
    }
    report.schema_version = static_cast<int>(db->pragma_int("user_version"));
    auto integrity = schema::integrity_problems(*db, true, kReportLimit);
    if (!integrity.empty()) {
        for (auto& p : integrity) p = "damaged: " + p;
        return finish(integrity);  // the tables cannot be trusted enough to compare them
    }
    append(report.problems, schema::missing_tables(*db));
    if (!report.problems.empty()) return finish({});  // the checks below read those tables
    append(report.problems, foreign_key_problems(*db, kReportLimit));
    append(report.problems, tables::order_problems(*db));
    return finish(tables::aggregate_problems(*db, kReportLimit));
}

// Reads run in one deferred transaction: every table from the same snapshot, even while
// another connection (the phone server) commits scores.
core::Workshop WorkshopFile::load() const {
    sqlite::Transaction snapshot(*db_, sqlite::Transaction::Kind::Deferred);
    return tables::read_workshop(*db_, true);
}

core::Workshop WorkshopFile::load_without_scores() const {
    sqlite::Transaction snapshot(*db_, sqlite::Transaction::Kind::Deferred);
    return tables::read_workshop(*db_, false);
}

core::Aggregates WorkshopFile::load_aggregates() const {
    sqlite::Transaction snapshot(*db_, sqlite::Transaction::Kind::Deferred);
    return tables::read_aggregates(*db_);
}

int WorkshopFile::current_stage() const { return tables::read_current_stage(*db_); }

void WorkshopFile::apply(const core::Command& c) {
    const std::vector<PhoneToken> tokens = std::exchange(pending_tokens_, {});
    if (read_only_) throw StorageError(path_ + ": " + i18n::tr("opened read-only: the change was not saved"));
    sqlite::Transaction tx(*db_);
    tables::apply_command(*db_, c);
    for (const PhoneToken& t : tokens) tables::insert_phone_token(*db_, t.token, t.participant);
    tx.commit();
}

std::vector<WorkshopFile::PhoneToken> WorkshopFile::load_phone_tokens() const {
    std::vector<PhoneToken> out;
    for (auto& [token, participant] : tables::read_phone_tokens(*db_)) out.push_back({std::move(token), std::move(participant)});
    return out;
}

}  // namespace pilotdeck::storage
