// Rolling backups: when they are made, what they hold, how many are kept, and how a damaged
// workshop file names its newest sound backup. Real files; XDG_DATA_HOME is a temporary folder.
#include <sqlite3.h>

#include <catch2/catch.hpp>
#include <chrono>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <functional>
#include <regex>
#include <set>

#include "storage/backup.hpp"
#include "storage/workshop_file.hpp"
#include "storage_fixtures.hpp"
#include "support/temp_dir.hpp"

using namespace pilotdeck;
using storage::BackupResult;
using storage::Backups;
using storage::StorageError;
using storage::WorkshopFile;
using test::read_all;
using test::TempDir;
using test::write_all;
namespace fs = std::filesystem;
using Status = BackupResult::Status;
using std::chrono::minutes;

namespace {

// XDG_DATA_HOME set to a fresh temporary folder for the test's lifetime.
struct DataHome {
    TempDir dir;
    std::string old;
    bool had = false;
    DataHome() {
        if (const char* v = std::getenv("XDG_DATA_HOME")) had = true, old = v;
        ::setenv("XDG_DATA_HOME", dir.path().c_str(), 1);
    }
    ~DataHome() {
        if (had)
            ::setenv("XDG_DATA_HOME", old.c_str(), 1);
        else
            ::unsetenv("XDG_DATA_HOME");
    }
    std::string root() const { return dir.file("pilotdeck/backups"); }
};

// 2026-11-26 21:40:00 local time, the injected clock's start.
Backups::Clock::time_point t0() {
    std::tm tm{};
    tm.tm_year = 2026 - 1900, tm.tm_mon = 10, tm.tm_mday = 26, tm.tm_hour = 21, tm.tm_min = 40, tm.tm_isdst = -1;
    return Backups::Clock::from_time_t(std::mktime(&tm));
}

std::string stamp(Backups::Clock::time_point t) {
    std::time_t tt = Backups::Clock::to_time_t(t);
    std::tm tm{};
    localtime_r(&tt, &tm);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y%m%d-%H%M%S", &tm);
    return buf;
}

std::vector<std::string> backup_paths(const std::string& workshop) {
    std::vector<std::string> out;
    for (const auto& b : storage::list_backups(workshop, false)) out.push_back(b.path);
    return out;
}

// One change to the workshop (its title), committed.
void edit(const std::string& path, int n) {
    auto file = WorkshopFile::open(path);
    auto info = file->load_without_scores().info;
    info.title = "Edited " + std::to_string(n);
    file->apply(core::SetInfo{info});
}

}  // namespace

TEST_CASE("backups live in the data folder, one folder per workshop path", "[backup]") {
    DataHome home;
    TempDir dir;
    fs::create_directories(dir.path() / "a");
    fs::create_directories(dir.path() / "b");
    const std::string a = dir.file("a/w.pilotdeck"), b = dir.file("b/w.pilotdeck");
    WorkshopFile::create(a, test::sample_workshop());
    WorkshopFile::create(b, test::big_workshop(5, 3, 3));

    const std::string fa = storage::backup_folder(a), fb = storage::backup_folder(b);
    CHECK(fa != fb);
    CHECK(std::regex_match(fa, std::regex(std::regex_replace(home.root(), std::regex("[.^$|()\\[\\]{}*+?\\\\]"), "\\$&") +
                                          "/w-[0-9a-f]{10}")));
    CHECK(storage::backup_folder(dir.file("a/../a/w.pilotdeck")) == fa);

    auto ra = Backups(a).on_open(t0());
    auto rb = Backups(b).on_open(t0());
    REQUIRE(ra.made());
    REQUIRE(rb.made());
    CHECK(ra.path == fa + "/w-" + stamp(t0()) + ".pilotdeck");
    CHECK(backup_paths(a) == std::vector<std::string>{ra.path});
    CHECK(backup_paths(b) == std::vector<std::string>{rb.path});
    CHECK(WorkshopFile::open(ra.path, WorkshopFile::Mode::ReadOnly)->load() == test::sample_workshop());
    CHECK(WorkshopFile::open(rb.path, WorkshopFile::Mode::ReadOnly)->load() == test::big_workshop(5, 3, 3));
    // Only the finished backups are in the folder: no temporary or side files.
    CHECK(test::listing(fa) == std::set<std::string>{"w-" + stamp(t0()) + ".pilotdeck"});
}

TEST_CASE("on open, a backup is made only when the workshop changed since the newest one", "[backup]") {
    DataHome home;
    TempDir dir;
    const std::string path = dir.file("w.pilotdeck");
    WorkshopFile::create(path, test::sample_workshop());

    CHECK(Backups(path).on_open(t0()).status == Status::Made);
    // Opened again without a change (a new Backups, as in a new session): nothing new.
    CHECK(Backups(path).on_open(t0() + minutes(5)).status == Status::Unchanged);
    CHECK(backup_paths(path).size() == 1);

    edit(path, 7);
    auto r = Backups(path).on_open(t0() + minutes(6));
    CHECK(r.status == Status::Made);
    REQUIRE(backup_paths(path).size() == 2);
    CHECK(backup_paths(path).front() == r.path);  // newest first
    CHECK(WorkshopFile::open(r.path, WorkshopFile::Mode::ReadOnly)->load() == WorkshopFile::open(path)->load());

    CHECK(Backups(path).on_open(t0() + minutes(7)).status == Status::Unchanged);
    CHECK(backup_paths(path).size() == 2);
}

TEST_CASE("while editing, a backup every 30 minutes when something changed (injected clock)", "[backup]") {
    DataHome home;
    TempDir dir;
    const std::string path = dir.file("w.pilotdeck");
    WorkshopFile::create(path, test::sample_workshop());
    auto file = WorkshopFile::open(path);  // the editing connection stays open throughout
    const std::string concern = file->load().concerns.at(0).id;

    Backups backups(path);
    REQUIRE(backups.on_open(t0()).made());
    file->apply(core::SetConcernCount{concern, 1});
    CHECK(backups.maybe_backup(t0() + minutes(10)).status == Status::NotDue);
    CHECK(backups.maybe_backup(t0() + minutes(29)).status == Status::NotDue);
    auto r = backups.maybe_backup(t0() + minutes(30));
    REQUIRE(r.status == Status::Made);
    CHECK(r.path.ends_with("-" + stamp(t0() + minutes(30)) + ".pilotdeck"));
    CHECK(WorkshopFile::open(r.path, WorkshopFile::Mode::ReadOnly)->load() == file->load());

    // No change since: the next check makes none.
    CHECK(backups.maybe_backup(t0() + minutes(61)).status == Status::Unchanged);
    file->apply(core::SetConcernCount{concern, 2});
    CHECK(backups.maybe_backup(t0() + minutes(80)).status == Status::NotDue);  // 19 minutes after the last check
    CHECK(backups.maybe_backup(t0() + minutes(91)).status == Status::Made);
    CHECK(backup_paths(path).size() == 3);

    // A change by another connection (the phone server) counts too.
    WorkshopFile::open(path)->apply(core::SetConcernCount{concern, 3});
    CHECK(backups.maybe_backup(t0() + minutes(121)).status == Status::Made);
    CHECK(WorkshopFile::open(backup_paths(path).front(), WorkshopFile::Mode::ReadOnly)->load() == file->load());
}

TEST_CASE("only the newest 10 backups are kept", "[backup]") {
    DataHome home;
    TempDir dir;
    const std::string path = dir.file("w.pilotdeck");
    WorkshopFile::create(path, test::sample_workshop());
    auto file = WorkshopFile::open(path);
    const std::string concern = file->load().concerns.at(0).id;

    Backups backups(path);
    REQUIRE(backups.on_open(t0()).made());
    std::vector<std::string> made;
    for (int i = 1; i <= 13; ++i) {
        file->apply(core::SetConcernCount{concern, i});
        auto r = backups.maybe_backup(t0() + minutes(30 * i));
        REQUIRE(r.made());
        made.push_back(r.path);
    }
    auto kept = backup_paths(path);
    CHECK(kept.size() == 10);
    CHECK(kept == std::vector<std::string>(made.rbegin(), made.rbegin() + 10));
    CHECK(test::listing(backups.folder()).size() == 10);
    // The newest holds the last change.
    CHECK(WorkshopFile::open(kept.front(), WorkshopFile::Mode::ReadOnly)->load() == file->load());
}

TEST_CASE("every backup is a sound workshop equal to the file when it was made", "[backup]") {
    DataHome home;
    TempDir dir;
    const std::string path = dir.file("w.pilotdeck");
    const core::Workshop first = test::big_workshop(30, 8, 6);
    WorkshopFile::create(path, first);
    auto file = WorkshopFile::open(path);
    Backups backups(path);
    auto r1 = backups.on_open(t0());
    REQUIRE(r1.made());

    const auto& idea = first.ideas.at(3);
    file->apply(core::SetScore{idea.id, first.participants.at(0).id, first.criteria.at(0).id, std::nullopt});
    file->apply(core::RemoveIdea{first.ideas.at(5).id});
    file->apply(core::SetCurrentStage{2});
    const core::Workshop second = file->load();
    REQUIRE(second != first);
    auto r2 = backups.maybe_backup(t0() + minutes(30));
    REQUIRE(r2.made());

    for (const auto& [backup, expected] : {std::pair{r1.path, first}, std::pair{r2.path, second}}) {
        INFO(backup);
        CHECK(WorkshopFile::check(backup).ok);
        auto opened = WorkshopFile::open(backup, WorkshopFile::Mode::ReadOnly);
        CHECK(opened->load() == expected);
    }
    CHECK(WorkshopFile::open(r2.path, WorkshopFile::Mode::ReadOnly)->current_stage() == 2);
    for (const auto& b : storage::list_backups(path)) CHECK(b.sound);
}

TEST_CASE("a failing backup is reported and never stops editing", "[backup]") {
    DataHome home;
    TempDir dir;
    const std::string path = dir.file("w.pilotdeck");
    WorkshopFile::create(path, test::sample_workshop());
    auto file = WorkshopFile::open(path);

    SECTION("the backup folder cannot be made") {
        write_all(home.dir.file("pilotdeck"), "a file where the folder should be");
        Backups backups(path);
        BackupResult r;
        REQUIRE_NOTHROW(r = backups.on_open(t0()));
        CHECK(r.status == Status::Failed);
        INFO(r.error);
        CHECK(r.error.find(home.dir.file("pilotdeck")) != std::string::npos);
        CHECK(r.error.find('\n') == std::string::npos);
        file->apply(core::SetCurrentStage{1});  // editing goes on
        CHECK(backups.maybe_backup(t0() + minutes(30)).status == Status::Failed);
        CHECK(file->current_stage() == 1);
    }
    SECTION("the workshop file went away") {
        Backups backups(dir.file("gone.pilotdeck"));
        auto r = backups.on_open(t0());
        CHECK(r.status == Status::Failed);
        CHECK(r.error.starts_with(dir.file("gone.pilotdeck") + ": "));
        CHECK_FALSE(fs::exists(dir.file("gone.pilotdeck")));
    }
}

TEST_CASE("a damaged workshop file names its newest sound backup and stays byte-identical", "[backup]") {
    DataHome home;
    TempDir dir;
    const std::string path = dir.file("w.pilotdeck");
    WorkshopFile::create(path, test::big_workshop(40, 10, 9));
    Backups backups(path);
    REQUIRE(backups.on_open(t0()).made());
    edit(path, 4);
    REQUIRE(backups.maybe_backup(t0() + minutes(30)).made());
    const std::string hint_newest = "; a backup from 2026-11-26 22:10 is available: run pilotdeck restore " + path;

    auto require_refused = [&](const std::string& message) {
        const std::string before = read_all(path);
        const auto files_before = test::listing(dir.path());
        const auto backups_before = test::listing(backups.folder());
        for (auto mode : {WorkshopFile::Mode::ReadWrite, WorkshopFile::Mode::ReadOnly}) {
            CHECK(test::storage_error_of([&] { WorkshopFile::open(path, mode); }) == message);
            REQUIRE(read_all(path) == before);
            REQUIRE(test::listing(dir.path()) == files_before);
            REQUIRE(test::listing(backups.folder()) == backups_before);
        }
    };

    SECTION("bytes overwritten inside a page") {
        test::damage_middle_page(path);
        require_refused(path + ": damaged: " + test::raw_quick_check(path) + hint_newest);
    }
    SECTION("the database header overwritten") {
        std::string bytes = read_all(path);
        bytes.replace(0, 16, std::string(16, '\0'));
        write_all(path, bytes);
        require_refused(path + ": damaged: its header is not readable as an SQLite database" + hint_newest);
    }
    SECTION("a damaged newest backup is passed over for an older sound one") {
        test::damage_middle_page(backup_paths(path).front());
        test::damage_middle_page(path);
        require_refused(path + ": damaged: " + test::raw_quick_check(path) +
                        "; a backup from 2026-11-26 21:40 is available: run pilotdeck restore " + path);
        auto listed = storage::list_backups(path);
        REQUIRE(listed.size() == 2);
        CHECK_FALSE(listed[0].sound);
        CHECK(listed[0].problem.starts_with("damaged: "));
        CHECK(listed[1].sound);
        CHECK(storage::newest_sound_backup(path)->path == listed[1].path);
    }
    SECTION("no sound backup: the message is the plain one") {
        for (const auto& b : backup_paths(path)) test::damage_middle_page(b);
        test::damage_middle_page(path);
        require_refused(path + ": damaged: " + test::raw_quick_check(path));
    }
    SECTION("a file that is not a workshop is not called damaged") {
        write_all(path, std::string(5000, 'x'));
        require_refused(path + ": not a pilotdeck workshop (not an SQLite database)");
    }
}

TEST_CASE("restore_backup puts the newest sound backup in place and keeps the damaged file", "[backup]") {
    DataHome home;
    TempDir dir;
    const std::string path = dir.file("w.pilotdeck");
    WorkshopFile::create(path, test::big_workshop(40, 10, 9));
    Backups backups(path);
    REQUIRE(backups.on_open(t0()).made());
    edit(path, 9);
    const core::Workshop latest = WorkshopFile::open(path)->load();
    REQUIRE(backups.maybe_backup(t0() + minutes(30)).made());
    test::damage_middle_page(path);
    const std::string damaged = read_all(path);
    // raw_quick_check's read-only connection left side files; they go along with the file.
    REQUIRE(fs::exists(path + "-wal"));
    REQUIRE(fs::exists(path + "-shm"));
    const std::string damaged_wal = read_all(path + "-wal");

    auto r = storage::restore_backup(path);
    CHECK(r.backup == backup_paths(path).front());
    REQUIRE(r.kept_as.starts_with(path + ".corrupt-"));
    CHECK(read_all(r.kept_as) == damaged);
    CHECK(WorkshopFile::check(path).ok);
    CHECK(WorkshopFile::open(path)->load() == latest);
    CHECK(test::raw_query(path, "PRAGMA journal_mode") == "wal");
    CHECK(read_all(r.kept_as + "-wal") == damaged_wal);
    const std::string kept = fs::path(r.kept_as).filename().string();
    CHECK(test::listing(dir.path()) == std::set<std::string>{"w.pilotdeck", kept, kept + "-wal", kept + "-shm"});
}

TEST_CASE("opening a workshop file makes no backup by itself, in either mode", "[backup]") {
    DataHome home;
    TempDir dir;
    const std::string path = dir.file("w.pilotdeck");
    WorkshopFile::create(path, test::sample_workshop());
    WorkshopFile::open(path)->apply(core::SetCurrentStage{1});
    WorkshopFile::open(path, WorkshopFile::Mode::ReadOnly)->load();
    CHECK(test::listing(home.dir.path()).empty());
    CHECK(storage::list_backups(path).empty());
    CHECK_FALSE(storage::newest_sound_backup(path));
}

TEST_CASE("a clock set back never makes a new backup look older than the others", "[backup]") {
    DataHome home;
    TempDir dir;
    const std::string path = dir.file("w.pilotdeck");
    WorkshopFile::create(path, test::sample_workshop());
    REQUIRE(Backups(path).on_open(t0()).made());
    edit(path, 1);
    auto r = Backups(path).on_open(t0() - std::chrono::hours(2));
    REQUIRE(r.made());
    CHECK(r.path.ends_with("-" + stamp(t0() + std::chrono::seconds(1)) + ".pilotdeck"));
    CHECK(backup_paths(path).front() == r.path);
    CHECK(WorkshopFile::open(r.path, WorkshopFile::Mode::ReadOnly)->load() == WorkshopFile::open(path)->load());
}
