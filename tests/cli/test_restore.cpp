// `pilotdeck restore` as a user runs it: the real binary on real files, with backups made by the
// storage layer (as the GUI makes them) under a temporary XDG_DATA_HOME.
#include <catch2/catch.hpp>

#include <chrono>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <regex>
#include <set>
#include <sstream>

#include "storage/backup.hpp"
#include "storage/workshop_file.hpp"
#include "storage_fixtures.hpp"
#include "support/cli.hpp"

using namespace pilotdeck;
using storage::Backups;
using storage::WorkshopFile;
using test::check_one_error_line;
using test::read_all;
using test::RunResult;
using test::TempDir;
using test::write_all;
namespace fs = std::filesystem;
using std::chrono::minutes;

namespace {

std::vector<std::string> lines(const std::string& text) {
    std::vector<std::string> out;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) out.push_back(line);
    return out;
}

Backups::Clock::time_point t0() {
    std::tm tm{};
    tm.tm_year = 2026 - 1900, tm.tm_mon = 10, tm.tm_mday = 26, tm.tm_hour = 21, tm.tm_min = 40, tm.tm_isdst = -1;
    return Backups::Clock::from_time_t(std::mktime(&tm));
}

// A workshop file w.pilotdeck with two backups: `first` (as created, 21:40) and `second` (after
// an edit, 22:10), under its own XDG_DATA_HOME; the file is closed afterwards.
struct Scene {
    TempDir dir;
    TempDir data;
    std::string path = dir.file("w.pilotdeck");
    core::Workshop first, second;
    std::string older, newer;  // the backups

    Scene() {
        ::setenv("XDG_DATA_HOME", data.path().c_str(), 1);
        first = test::big_workshop(40, 10, 9);
        WorkshopFile::create(path, first);
        Backups backups(path);
        auto r1 = backups.on_open(t0());
        REQUIRE(r1.made());
        {
            auto file = WorkshopFile::open(path);
            auto info = first.info;
            info.title = "After the coffee break";
            file->apply(core::SetInfo{info});
            file->apply(core::SetCurrentStage{1});
            second = file->load();
        }
        auto r2 = backups.maybe_backup(t0() + minutes(30));
        REQUIRE(r2.made());
        older = r1.path, newer = r2.path;
        REQUIRE(second != first);
    }
    ~Scene() { ::unsetenv("XDG_DATA_HOME"); }

    RunResult pd(std::vector<std::string> args) const {
        return test::pd(args, {"XDG_DATA_HOME=" + data.path().string()});
    }
    core::Workshop load() const { return WorkshopFile::open(path, WorkshopFile::Mode::ReadOnly)->load(); }
    // The one FILE.corrupt-... in the folder.
    std::string kept(const char* kind = ".corrupt-") const {
        std::string found;
        for (const auto& name : test::listing(dir.path()))
            if (name.starts_with(std::string("w.pilotdeck") + kind) && !name.ends_with("-wal") && !name.ends_with("-shm")) {
                CHECK(found.empty());
                found = dir.file(name);
            }
        return found;
    }
};

}  // namespace

TEST_CASE("a damaged file: commands name the backup, restore brings back the newest sound one", "[restore]") {
    Scene s;
    test::damage_middle_page(s.path);
    const std::string damaged = read_all(s.path);

    auto e = s.pd({"export", s.path});
    CHECK(e.status == 1);
    check_one_error_line(e);
    CHECK(e.err.find(s.path + ": damaged: ") != std::string::npos);
    CHECK(e.err.find("; a backup from 2026-11-26 22:10 is available: run pilotdeck restore " + s.path) != std::string::npos);
    CHECK(read_all(s.path) == damaged);

    auto r = s.pd({"restore", s.path});
    INFO(r.err);
    REQUIRE(r.status == 0);
    CHECK(s.load() == s.second);
    const std::string kept = s.kept();
    REQUIRE_FALSE(kept.empty());
    CHECK(std::regex_search(kept, std::regex(R"(\.corrupt-\d{8}-\d{6}$)")));
    CHECK(read_all(kept) == damaged);  // renamed, not rewritten
    CHECK(r.err.find(s.newer) != std::string::npos);
    CHECK(r.err.find(kept) != std::string::npos);
    auto c = s.pd({"check", s.path});
    CHECK(c.status == 0);
    // The backups themselves are left as they were.
    CHECK(storage::list_backups(s.path).size() == 2);
}

TEST_CASE("restore --list shows the backups newest first with time, size and soundness", "[restore]") {
    Scene s;
    test::damage_middle_page(s.older);
    auto r = s.pd({"restore", s.path, "--list"});
    INFO(r.err);
    REQUIRE(r.status == 0);
    auto rows = lines(r.out);
    INFO(r.out);
    REQUIRE(rows.size() == 2);
    CHECK(rows[0] == "2026-11-26 22:10:00\t" + std::to_string(fs::file_size(s.newer)) + " bytes\tsound\t" + s.newer);
    CHECK(rows[1].starts_with("2026-11-26 21:40:00\t" + std::to_string(fs::file_size(s.older)) + " bytes\tdamaged: "));
    CHECK(rows[1].ends_with("\t" + s.older));

    TempDir other;
    auto none = s.pd({"restore", other.file("x.pilotdeck"), "--list"});
    CHECK(none.status == 0);
    CHECK(none.out.empty());
    CHECK(none.err.find("No backups of " + other.file("x.pilotdeck")) != std::string::npos);
}

TEST_CASE("restore --from puts that backup in place", "[restore]") {
    Scene s;
    test::damage_middle_page(s.path);
    auto r = s.pd({"restore", s.path, "--from", s.older});
    INFO(r.err);
    REQUIRE(r.status == 0);
    CHECK(s.load() == s.first);
    CHECK_FALSE(s.kept().empty());

    SECTION("a sound file replaced by --from is kept as FILE.replaced-...") {
        auto again = s.pd({"restore", s.path, "--from", s.newer});
        INFO(again.err);
        REQUIRE(again.status == 0);
        CHECK(s.load() == s.second);
        CHECK(WorkshopFile::open(s.kept(".replaced-"), WorkshopFile::Mode::ReadOnly)->load() == s.first);
    }
    SECTION("--from a damaged backup: exit 1, nothing changed") {
        test::damage_middle_page(s.newer);
        const std::string before = read_all(s.path);
        const auto files = test::listing(s.dir.path());
        auto bad = s.pd({"restore", s.path, "--from", s.newer});
        CHECK(bad.status == 1);
        check_one_error_line(bad);
        CHECK(bad.err.find(s.newer + ": damaged") != std::string::npos);
        CHECK(read_all(s.path) == before);
        CHECK(test::listing(s.dir.path()) == files);
    }
    SECTION("--from with --list is wrong usage") {
        CHECK(s.pd({"restore", s.path, "--list", "--from", s.older}).status == 2);
    }
}

TEST_CASE("restore passes over a damaged newest backup for an older sound one", "[restore]") {
    Scene s;
    test::damage_middle_page(s.newer);
    test::damage_middle_page(s.path);
    auto r = s.pd({"restore", s.path});
    INFO(r.err);
    REQUIRE(r.status == 0);
    CHECK(s.load() == s.first);
    CHECK(r.err.find(s.older) != std::string::npos);
}

TEST_CASE("restore without a sound backup exits 1 and leaves the file as it was", "[restore]") {
    Scene s;
    test::damage_middle_page(s.path);

    SECTION("all backups damaged") {
        test::damage_middle_page(s.older);
        test::damage_middle_page(s.newer);
    }
    SECTION("no backups at all") {
        fs::remove_all(s.data.path() / "pilotdeck");
    }
    const std::string before = read_all(s.path);
    const auto files = test::listing(s.dir.path());
    auto r = s.pd({"restore", s.path});
    CHECK(r.status == 1);
    check_one_error_line(r);
    CHECK(r.err.starts_with("pilotdeck: " + s.path + ": no "));
    CHECK(read_all(s.path) == before);
    CHECK(test::listing(s.dir.path()) == files);
}

TEST_CASE("restore brings back a workshop file that was deleted", "[restore]") {
    Scene s;
    fs::remove(s.path);
    auto r = s.pd({"restore", s.path});
    INFO(r.err);
    REQUIRE(r.status == 0);
    CHECK(s.load() == s.second);
    CHECK(test::listing(s.dir.path()) == std::set<std::string>{"w.pilotdeck"});
}

TEST_CASE("restore refuses a workshop file that another program has open", "[restore]") {
    Scene s;
    auto open = WorkshopFile::open(s.path);  // as the GUI or the phone server would hold it
    const std::string before = read_all(s.path);
    const auto files = test::listing(s.dir.path());
    auto r = s.pd({"restore", s.path, "--from", s.older});
    CHECK(r.status == 1);
    check_one_error_line(r);
    CHECK(r.err.find(s.path + ": is open in another program") != std::string::npos);
    CHECK(read_all(s.path) == before);
    CHECK(test::listing(s.dir.path()) == files);
    CHECK(open->load() == s.second);

    open.reset();
    auto after = s.pd({"restore", s.path, "--from", s.older});
    INFO(after.err);
    CHECK(after.status == 0);
    CHECK(s.load() == s.first);
}
