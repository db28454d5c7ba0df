#include "storage/backup.hpp"

#include <fcntl.h>
#include <sqlite3.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <utility>

#include "base/dates.hpp"
#include "base/user_dirs.hpp"
#include "storage/file_ops.hpp"
#include "storage/schema.hpp"
#include "storage/sqlite.hpp"
#include "storage/workshop_file.hpp"

namespace fs = std::filesystem;

namespace pilotdeck::storage {
namespace {

using sqlite::Database;

constexpr const char* kExtension = ".pilotdeck";
constexpr const char* kSideFiles[] = {"-wal", "-shm", "-journal"};

using base::data_home;

std::uint64_t fnv1a(std::uint64_t h, const void* data, std::size_t n) {
    const auto* p = static_cast<const unsigned char*>(data);
    for (std::size_t i = 0; i < n; ++i) {
        h ^= p[i];
        h *= 0x100000001b3ULL;
    }
    return h;
}
constexpr std::uint64_t kFnvBasis = 0xcbf29ce484222325ULL;

// splitmix64's finalizer: spreads a row hash before the rows are summed.
std::uint64_t mix(std::uint64_t x) {
    x ^= x >> 30;
    x *= 0xbf58476d1ce4e5b9ULL;
    x ^= x >> 27;
    x *= 0x94d049bb133111ebULL;
    x ^= x >> 31;
    return x;
}

std::string absolute_path(const std::string& path) {
    std::error_code ec;
    fs::path abs = fs::absolute(path, ec);
    if (ec) return path;
    fs::path canon = fs::weakly_canonical(abs, ec);
    return ec ? abs.lexically_normal().string() : canon.string();
}

std::string stem_of(const std::string& abs) {
    std::string stem = fs::path(abs).stem().string();
    return stem.empty() ? std::string("workshop") : stem;
}

using sqlite::open_immutable;

// A connection to the live workshop file (the GUI or the phone server may be writing to it).
// Read-write, as WorkshopFile's, so that closing it leaves no side files behind; it only reads.
std::unique_ptr<Database> open_live(const std::string& path) {
    auto db = std::make_unique<Database>(path, SQLITE_OPEN_READWRITE);
    db->pragma_set("busy_timeout", "2000");
    return db;
}

// Why the database is not a sound pilotdeck workshop, or nothing.
std::optional<std::string> soundness_problem(Database& db) {
    if (auto problem = schema::identity_problem(db)) return problem;
    auto problems = schema::integrity_problems(db, false, 1);
    if (!problems.empty()) return "damaged: " + problems.front();
    return std::nullopt;
}

std::optional<std::string> backup_problem(const std::string& path) {
    try {
        if (files::is_empty_file(path)) return std::string("not a pilotdeck workshop (empty file)");
        auto db = open_immutable(path);
        return soundness_problem(*db);
    } catch (const std::exception& e) {
        std::string msg = e.what();
        if (msg.starts_with(path + ": ")) msg.erase(0, path.size() + 2);
        return msg;
    }
}

std::uint64_t fingerprint(Database& db) {
    sqlite::Transaction snapshot(db, sqlite::Transaction::Kind::Deferred);
    std::int64_t version = db.pragma_int("user_version");
    std::uint64_t total = fnv1a(kFnvBasis, &version, sizeof version);
    sqlite::Statement tables(db,
                             "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' "
                             "ORDER BY name");
    while (tables.step()) {
        const std::string name = tables.column_text(0);
        std::string quoted = "\"";
        for (char c : name) quoted += (c == '"') ? std::string("\"\"") : std::string(1, c);
        quoted += "\"";
        sqlite3_stmt* st = nullptr;
        // Statement hides its handle; the rows are walked with the C API on a statement of our own.
        db.check(sqlite3_prepare_v2(db.handle(), ("SELECT * FROM " + quoted).c_str(), -1, &st, nullptr),
                 "cannot read table " + name);
        std::uint64_t sum = 0, count = 0;
        int rc;
        while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
            std::uint64_t h = kFnvBasis;
            const int columns = sqlite3_column_count(st);
            for (int c = 0; c < columns; ++c) {
                const unsigned char type = static_cast<unsigned char>(sqlite3_column_type(st, c));
                h = fnv1a(h, &type, 1);
                if (type == SQLITE_INTEGER) {
                    std::int64_t v = sqlite3_column_int64(st, c);
                    h = fnv1a(h, &v, sizeof v);
                } else if (type == SQLITE_FLOAT) {
                    double v = sqlite3_column_double(st, c);
                    h = fnv1a(h, &v, sizeof v);
                } else if (type != SQLITE_NULL) {
                    const void* p = sqlite3_column_blob(st, c);
                    const int n = sqlite3_column_bytes(st, c);
                    h = fnv1a(h, &n, sizeof n);
                    if (n > 0) h = fnv1a(h, p, static_cast<std::size_t>(n));
                }
            }
            sum += mix(h);
            ++count;
        }
        sqlite3_finalize(st);
        if (rc != SQLITE_DONE) db.check(rc, "cannot read table " + name);
        total = fnv1a(total, name.data(), name.size());
        total = fnv1a(total, &sum, sizeof sum);
        total = fnv1a(total, &count, sizeof count);
    }
    return total;
}

// "YYYYMMDD-HHMMSS" in local time.
std::string stamp_of_time(std::time_t t) { return base::compact_stamp(t); }

// "YYYYMMDD-HHMMSS" (local time) back to a time; nothing when it is not one.
std::optional<std::time_t> parse_stamp(const std::string& s) {
    if (s.size() != 15 || s[8] != '-') return std::nullopt;
    for (std::size_t i = 0; i < s.size(); ++i)
        if (i != 8 && (s[i] < '0' || s[i] > '9')) return std::nullopt;
    std::tm tm{};
    tm.tm_year = std::stoi(s.substr(0, 4)) - 1900;
    tm.tm_mon = std::stoi(s.substr(4, 2)) - 1;
    tm.tm_mday = std::stoi(s.substr(6, 2));
    tm.tm_hour = std::stoi(s.substr(9, 2));
    tm.tm_min = std::stoi(s.substr(11, 2));
    tm.tm_sec = std::stoi(s.substr(13, 2));
    tm.tm_isdst = -1;
    std::time_t t = std::mktime(&tm);
    if (t == static_cast<std::time_t>(-1)) return std::nullopt;
    return t;
}

std::string when_of(const std::string& stamp) {
    return stamp.substr(0, 4) + "-" + stamp.substr(4, 2) + "-" + stamp.substr(6, 2) + " " + stamp.substr(9, 2) + ":" +
           stamp.substr(11, 2) + ":" + stamp.substr(13, 2);
}

// The stamp of a backup's file name "<stem>-YYYYMMDD-HHMMSS.pilotdeck", or nothing.
std::optional<std::string> stamp_of(const std::string& name, const std::string& stem) {
    const std::string ext = kExtension;
    if (name.size() != stem.size() + 1 + 15 + ext.size()) return std::nullopt;
    if (!name.starts_with(stem + "-") || !name.ends_with(ext)) return std::nullopt;
    std::string stamp = name.substr(stem.size() + 1, 15);
    if (!parse_stamp(stamp)) return std::nullopt;
    return stamp;
}

// Quoted for a shell when it needs to be.
std::string shell_word(const std::string& s) {
    bool plain = !s.empty();
    for (char c : s)
        if (!(std::isalnum(static_cast<unsigned char>(c)) || std::strchr("/._-+,:@%=", c))) plain = false;
    if (plain) return s;
    std::string out = "'";
    for (char c : s) out += (c == '\'') ? std::string("'\\''") : std::string(1, c);
    return out + "'";
}

bool has_our_application_id(const std::string& path) {
    std::FILE* f = std::fopen(path.c_str(), "rb");
    if (!f) return false;
    unsigned char header[72];
    const std::size_t n = std::fread(header, 1, sizeof header, f);
    std::fclose(f);
    if (n < sizeof header) return false;
    const std::uint32_t id = (std::uint32_t{header[68]} << 24) | (std::uint32_t{header[69]} << 16) |
                             (std::uint32_t{header[70]} << 8) | std::uint32_t{header[71]};
    return id == static_cast<std::uint32_t>(kApplicationId);
}

[[noreturn]] void fail_errno(const std::string& name, const std::string& what) {
    throw StorageError(name + ": " + what + ": " + std::strerror(errno));
}

// Copies the bytes of `from` over the (existing, empty) file `to`; errors name `name`.
void copy_bytes(const std::string& from, const std::string& to, const std::string& name) {
    int in = ::open(from.c_str(), O_RDONLY | O_CLOEXEC);
    if (in < 0) fail_errno(from, "cannot read");
    int out = ::open(to.c_str(), O_WRONLY | O_TRUNC | O_CLOEXEC);
    if (out < 0) {
        ::close(in);
        fail_errno(name, "cannot write " + to);
    }
    char buf[1 << 16];
    for (;;) {
        ssize_t n = ::read(in, buf, sizeof buf);
        if (n == 0) break;
        if (n < 0) {
            if (errno == EINTR) continue;
            int saved = errno;
            ::close(in), ::close(out);
            errno = saved;
            fail_errno(from, "cannot read");
        }
        for (ssize_t done = 0; done < n;) {
            ssize_t w = ::write(out, buf + done, static_cast<std::size_t>(n - done));
            if (w < 0) {
                if (errno == EINTR) continue;
                int saved = errno;
                ::close(in), ::close(out);
                errno = saved;
                fail_errno(name, "cannot write " + to);
            }
            done += w;
        }
    }
    ::close(in);
    if (::close(out) != 0) fail_errno(name, "cannot write " + to);
}

bool exists_entry(const std::string& path) {
    std::error_code ec;
    return fs::exists(fs::symlink_status(path, ec));
}

// Removes temporary files of backups that were interrupted (older than an hour, so that a
// backup another process is making right now is left alone).
void remove_stale_temporaries(const std::string& folder) {
    std::error_code ec;
    const auto limit = fs::file_time_type::clock::now() - std::chrono::hours(1);
    for (const auto& entry : fs::directory_iterator(folder, ec)) {
        const std::string name = entry.path().filename().string();
        if (!name.starts_with(".") || name.find(".tmp-") == std::string::npos) continue;
        std::error_code e2;
        if (entry.last_write_time(e2) < limit && !e2) fs::remove(entry.path(), e2);
    }
}

// The id of another process that has `path` open through SQLite, or 0. Every connection to a
// WAL-mode database holds a read lock on the "dead man switch" byte of its -shm file (byte 128 in
// SQLite's unix VFS) while it is open; F_GETLK asks about it without taking or changing anything.
// (Locks of this process are not reported: POSIX locks are per process.)
pid_t other_process_using(const std::string& path) {
    int fd = ::open((path + "-shm").c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) return 0;
    struct flock fl {};
    fl.l_type = F_WRLCK;
    fl.l_whence = SEEK_SET;
    fl.l_start = 128;
    fl.l_len = 1;
    pid_t pid = 0;
    if (::fcntl(fd, F_GETLK, &fl) == 0 && fl.l_type != F_UNLCK) pid = fl.l_pid > 0 ? fl.l_pid : -1;
    ::close(fd);
    return pid;
}

}  // namespace

std::string backup_root() { return data_home() + "/pilotdeck/backups"; }

std::string backup_folder(const std::string& workshop_path) {
    const std::string abs = absolute_path(workshop_path);
    const std::uint64_t h = fnv1a(kFnvBasis, abs.data(), abs.size());
    char hex[17];
    std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(h));
    return backup_root() + "/" + stem_of(abs) + "-" + std::string(hex, 10);
}

std::vector<BackupInfo> list_backups(const std::string& workshop_path, bool check) {
    const std::string folder = backup_folder(workshop_path);
    const std::string stem = stem_of(absolute_path(workshop_path));
    std::vector<BackupInfo> out;
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(folder, ec)) {
        const std::string name = entry.path().filename().string();
        auto stamp = stamp_of(name, stem);
        std::error_code e2;
        if (!stamp || !entry.is_regular_file(e2)) continue;
        BackupInfo b;
        b.path = entry.path().string();
        b.stamp = *stamp;
        b.when = when_of(*stamp);
        b.size = entry.file_size(e2);
        out.push_back(std::move(b));
    }
    std::sort(out.begin(), out.end(), [](const BackupInfo& a, const BackupInfo& b) {
        return a.stamp != b.stamp ? a.stamp > b.stamp : a.path > b.path;
    });
    if (check)
        for (auto& b : out) {
            auto problem = backup_problem(b.path);
            b.sound = !problem;
            if (problem) b.problem = *problem;
            for (char& c : b.problem)
                if (c == '\n' || c == '\t') c = ' ';
        }
    return out;
}

std::optional<BackupInfo> newest_sound_backup(const std::string& workshop_path) {
    for (auto& b : list_backups(workshop_path, false)) {
        auto problem = backup_problem(b.path);
        if (!problem) {
            b.sound = true;
            return b;
        }
    }
    return std::nullopt;
}

std::string explain_open_failure(const std::string& path, const std::string& message) {
    try {
        std::string msg = message;
        bool damaged = msg.starts_with(path + ": damaged");
        if (!damaged && msg == path + ": not a pilotdeck workshop (not an SQLite database)" && has_our_application_id(path)) {
            msg = path + ": damaged: its header is not readable as an SQLite database";
            damaged = true;
        }
        if (!damaged) return message;
        auto backup = newest_sound_backup(path);
        if (!backup) return msg;
        return msg + "; a backup from " + backup->when.substr(0, 16) + " is available: run pilotdeck restore " +
               shell_word(path);
    } catch (...) {
        return message;
    }
}

std::uint64_t content_fingerprint(const std::string& path) {
    files::require_readable_file(path);
    auto db = open_live(path);
    return fingerprint(*db);
}

// ---- Backups -------------------------------------------------------------------------------

Backups::Backups(std::string workshop_path, int keep, std::chrono::minutes interval)
    : path_(std::move(workshop_path)), folder_(backup_folder(path_)), keep_(std::max(1, keep)), interval_(interval) {}

BackupResult Backups::on_open(Clock::time_point now) {
    last_ = now;
    return backup_if_changed(now);
}

BackupResult Backups::maybe_backup(Clock::time_point now) {
    if (!last_) last_ = now;
    if (now - *last_ < interval_) return {};
    last_ = now;
    return backup_if_changed(now);
}

BackupResult Backups::backup_if_changed(Clock::time_point now) {
    BackupResult result;
    try {
        const std::uint64_t current = content_fingerprint(path_);
        const auto existing = list_backups(path_, false);
        if (!newest_fingerprint_ && !existing.empty()) {
            try {
                auto db = open_immutable(existing.front().path);
                if (!soundness_problem(*db)) newest_fingerprint_ = fingerprint(*db);
            } catch (const std::exception&) {
                // an unreadable newest backup: a new one is made
            }
        }
        if (newest_fingerprint_ && *newest_fingerprint_ == current && !existing.empty()) {
            result.status = BackupResult::Status::Unchanged;
            return result;
        }

        // The name: the time of `now`, but always after the newest backup (a clock set back
        // must not make the new backup look older than the others, nor two share a name).
        std::time_t t = Clock::to_time_t(now);
        if (!existing.empty())
            if (auto newest = parse_stamp(existing.front().stamp); newest && *newest >= t) t = *newest + 1;
        const std::string stamp = stamp_of_time(t);
        const std::string target = folder_ + "/" + stem_of(absolute_path(path_)) + "-" + stamp + kExtension;

        std::error_code ec;
        fs::create_directories(folder_, ec);
        if (ec) throw StorageError(folder_ + ": cannot create the backup folder: " + ec.message());
        remove_stale_temporaries(folder_);

        std::uint64_t made = 0;
        {
            files::TempFile tmp(target);
            {
                auto src = open_live(path_);
                sqlite::Statement vacuum(*src, "VACUUM INTO ?");
                vacuum.bind(1, std::string_view(tmp.path()));
                vacuum.run();
            }
            {
                auto copy = open_immutable(tmp.path());
                if (auto problem = soundness_problem(*copy))
                    throw StorageError(target + ": the backup is not sound (" + *problem + "); not kept");
                made = fingerprint(*copy);
            }
            tmp.commit(false);
        }
        newest_fingerprint_ = made;
        result.status = BackupResult::Status::Made;
        result.path = target;

        // Keep the newest `keep_`.
        auto all = list_backups(path_, false);
        for (std::size_t i = static_cast<std::size_t>(keep_); i < all.size(); ++i) fs::remove(all[i].path, ec);
    } catch (const std::exception& e) {
        result.status = BackupResult::Status::Failed;
        result.error = std::string(e.what()).starts_with(path_) || std::string(e.what()).starts_with(folder_)
                           ? e.what()
                           : path_ + ": backup failed: " + e.what();
        for (char& c : result.error)
            if (c == '\n') c = ' ';
    }
    return result;
}

// ---- restore -------------------------------------------------------------------------------

RestoreResult restore_backup(const std::string& file, const std::string& from) {
    BackupInfo chosen;
    if (!from.empty()) {
        files::require_readable_file(from);
        if (exists_entry(file)) {
            std::error_code ec;
            if (fs::equivalent(file, from, ec)) throw StorageError(from + ": is the workshop file itself");
        }
        std::error_code ec;
        if (fs::exists(from + "-wal", ec) && fs::file_size(from + "-wal", ec) > 0)
            throw StorageError(from + ": has a write-ahead log (" + from +
                               "-wal); open it once with pilotdeck, or restore one of its backups");
        if (auto problem = backup_problem(from)) throw StorageError(from + ": " + *problem + "; nothing was restored");
        chosen.path = from;
    } else {
        const auto all = list_backups(file, true);
        auto it = std::find_if(all.begin(), all.end(), [](const BackupInfo& b) { return b.sound; });
        if (it == all.end()) {
            if (all.empty()) throw StorageError(file + ": no backups (looked in " + backup_folder(file) + ")");
            throw StorageError(file + ": no sound backup (" + std::to_string(all.size()) + " in " + backup_folder(file) +
                               ", all damaged); nothing was restored");
        }
        chosen = *it;
    }

    if (pid_t pid = other_process_using(file))
        throw StorageError(file + ": is open in another program" +
                           (pid > 0 ? " (process " + std::to_string(pid) + ")" : std::string()) +
                           "; close it first; nothing was restored");

    RestoreResult result;
    result.backup = chosen.path;

    files::TempFile tmp(file);
    copy_bytes(chosen.path, tmp.path(), file);
    {
        Database db(tmp.path(), SQLITE_OPEN_READWRITE, file);
        if (auto problem = soundness_problem(db))
            throw StorageError(file + ": the copy of " + chosen.path + " is not sound (" + *problem + "); nothing was restored");
        db.pragma_set("journal_mode", "WAL");  // as WorkshopFile::create makes them
    }

    // The previous file is kept: renamed (with its side files), never copied.
    std::vector<std::pair<std::string, std::string>> moved;
    auto move_back = [&] {
        for (auto it = moved.rbegin(); it != moved.rend(); ++it) ::rename(it->second.c_str(), it->first.c_str());
        moved.clear();
    };
    if (exists_entry(file)) {
        bool sound = false;
        try {
            sound = WorkshopFile::check(file).ok;
        } catch (const std::exception&) {
        }
        const std::string base = file + (sound ? ".replaced-" : ".corrupt-") +
                                 stamp_of_time(std::time(nullptr));
        std::string kept = base;
        for (int n = 2; exists_entry(kept) || exists_entry(kept + "-wal"); ++n) kept = base + "-" + std::to_string(n);
        if (::rename(file.c_str(), kept.c_str()) != 0) fail_errno(file, "cannot move it aside to " + kept);
        moved.emplace_back(file, kept);
        for (const char* suffix : kSideFiles) {
            const std::string side = file + suffix;
            if (!exists_entry(side)) continue;
            if (::rename(side.c_str(), (kept + suffix).c_str()) != 0) {
                int saved = errno;
                move_back();
                errno = saved;
                fail_errno(side, "cannot move it aside to " + kept + suffix);
            }
            moved.emplace_back(side, kept + suffix);
        }
        result.kept_as = kept;
    }
    try {
        tmp.commit(false);
    } catch (...) {
        move_back();
        throw;
    }
    try {
        auto opened = WorkshopFile::open(file, WorkshopFile::Mode::ReadOnly);
        (void)opened->current_stage();
    } catch (const std::exception& e) {
        // Put the previous file back over the restored one.
        if (!moved.empty()) {
            for (const char* suffix : kSideFiles) ::unlink((file + suffix).c_str());
            move_back();
        } else {
            ::unlink(file.c_str());
        }
        throw StorageError(file + ": the restored file does not open (" + e.what() + "); the previous file is back");
    }
    return result;
}

}  // namespace pilotdeck::storage
