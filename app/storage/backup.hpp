// Rolling backups of a workshop file, and restoring one when the file is damaged.
//
// Where: $XDG_DATA_HOME/pilotdeck/backups/<stem>-<hash>/ (default ~/.local/share/...), one folder
// per workshop file: <stem> is the file's name without extension, <hash> a short hash of its
// absolute path, so that backups of two workshops never mix. A backup is named
// <stem>-YYYYMMDD-HHMMSS.pilotdeck (local time); the newest 10 are kept.
//
// How: VACUUM INTO a temporary file in that folder through a connection of its own (never the
// editing one), quick_check of the copy, fsync, rename into place. Every backup is a sound
// workshop (rollback journal mode; restore switches the restored file back to WAL).
//
// When: Backups::on_open right after WorkshopFile::open(ReadWrite) (when the content changed
// since the newest backup), and Backups::maybe_backup from the editing loop (every 30 minutes,
// when it changed). WorkshopFile::open does not make backups itself: opening stays free of
// side effects in other folders, and ReadOnly never writes anything anywhere.
//
// A failing backup never fails an edit: the Backups methods do not throw; they return what
// happened, with a one-line error naming the file.
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace pilotdeck::storage {

struct BackupInfo {
    std::string path;
    std::string stamp;  // "YYYYMMDD-HHMMSS" from the name (local time)
    std::string when;   // "YYYY-MM-DD HH:MM" for messages
    std::uintmax_t size = 0;
    bool sound = false;   // a pilotdeck workshop whose quick_check is ok (only when checked)
    std::string problem;  // why not sound (one line)
};

struct BackupResult {
    enum class Status { Made, Unchanged, NotDue, Failed };
    Status status = Status::NotDue;
    std::string path;   // Made: the new backup
    std::string error;  // Failed: one line naming the file
    bool made() const { return status == Status::Made; }
    bool failed() const { return status == Status::Failed; }
};

// $XDG_DATA_HOME/pilotdeck/backups (XDG_DATA_HOME when absolute, else ~/.local/share).
std::string backup_root();
// The folder for the backups of `workshop_path` (which need not exist).
std::string backup_folder(const std::string& workshop_path);

// The backups of `workshop_path`, newest first. With `check`, each is opened read-only
// (immutable: nothing is written) and sound/problem are filled in.
std::vector<BackupInfo> list_backups(const std::string& workshop_path, bool check = true);
// The newest backup that is sound, if any.
std::optional<BackupInfo> newest_sound_backup(const std::string& workshop_path);

// For WorkshopFile::open: `message` is why `path` was refused. When the file is damaged (or not
// readable as a database although its header carries pilotdeck's application_id) and a sound
// backup exists, the message says so and names it:
//   "FILE: damaged: ...; a backup from 2026-11-26 21:40 is available: run pilotdeck restore FILE"
// Otherwise `message` unchanged. Reads only; never throws.
std::string explain_open_failure(const std::string& path, const std::string& message);

// Makes backups of one workshop file. Not thread-safe itself, but independent of the
// WorkshopFile: it uses a connection of its own, so it may run on another thread.
class Backups {
public:
    using Clock = std::chrono::system_clock;
    static constexpr int kKeep = 10;
    static constexpr std::chrono::minutes kInterval{30};

    explicit Backups(std::string workshop_path, int keep = kKeep, std::chrono::minutes interval = kInterval);

    const std::string& workshop_path() const { return path_; }
    const std::string& folder() const { return folder_; }

    // Right after the file was opened for editing: a backup when the content differs from the
    // newest backup (or there is none). Starts the editing interval.
    BackupResult on_open(Clock::time_point now = Clock::now());
    // From the editing loop (each frame or after each change is fine: it is cheap until due):
    // once `interval` has passed since the last backup or check, a backup when the content
    // changed since the last one. Returns NotDue before that.
    BackupResult maybe_backup(Clock::time_point now = Clock::now());
    // A backup now when the content changed since the newest backup (e.g. on closing).
    BackupResult backup_if_changed(Clock::time_point now = Clock::now());

private:
    std::string path_, folder_;
    int keep_;
    std::chrono::minutes interval_;
    std::optional<Clock::time_point> last_;
    std::optional<std::uint64_t> newest_fingerprint_;  // of the newest backup, once known
};

// Content fingerprint of a workshop file (every row of every table, order-independent, and
// the schema version). Throws StorageError when it cannot be read.
std::uint64_t content_fingerprint(const std::string& path);

struct RestoreResult {
    std::string backup;   // the backup that was restored
    std::string kept_as;  // where the previous file went (empty when there was none)
};

// `pilotdeck restore FILE [--from BACKUP]`: restores `from`, or else the newest sound backup.
// The backup is copied beside FILE into a temporary file, checked, synced; then FILE (and its
// -wal, -shm) is renamed to FILE.corrupt-YYYYMMDD-HHMMSS (FILE.replaced-... when it was sound),
// the copy renamed into place and opened to verify it. Throws StorageError naming the file, with
// nothing changed, when there is no sound backup, `from` is not a sound workshop, or another
// process has FILE open (SQLite's lock on its -shm; this process's own connections are not seen).
RestoreResult restore_backup(const std::string& file, const std::string& from = {});

}  // namespace pilotdeck::storage
