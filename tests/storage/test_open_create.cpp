// Creating, opening and refusing files: what is not a sound workshop stays byte-identical.
#include <sqlite3.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <algorithm>
#include <functional>
#include <random>
#include <set>

#include "storage/file_ops.hpp"
#include "storage/workshop_file.hpp"
#include "storage_fixtures.hpp"
#include "support/temp_dir.hpp"

using pilotdeck::storage::StorageError;
using pilotdeck::storage::WorkshopFile;
using namespace pilotdeck::test;
namespace fs = std::filesystem;

namespace {

// Opening `path` in either mode fails with exactly `message` and changes nothing in its folder.
void require_refused(const TempDir& dir, const std::string& path, const std::string& message) {
    std::string before = read_all(path);
    auto files_before = listing(dir.path());
    for (auto mode : {WorkshopFile::Mode::ReadWrite, WorkshopFile::Mode::ReadOnly}) {
        CHECK(storage_error_of([&] { WorkshopFile::open(path, mode); }) == path + ": " + message);
        REQUIRE(read_all(path) == before);
        REQUIRE(listing(dir.path()) == files_before);
    }
}

std::string make_workshop_file(const TempDir& dir, const std::string& name, const pilotdeck::core::Workshop& ws) {
    std::string path = dir.file(name);
    WorkshopFile::create(path, ws);
    return path;
}

const std::string kPngBytes("\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01\x08\x06\0\0\0\x1f\x15\xc4\x89", 33);

}  // namespace

TEST_CASE("create then load gives back exactly the workshop") {
    TempDir dir;
    auto ws = sample_workshop();
    auto file = WorkshopFile::create(dir.file("w.pilotdeck"), ws);
    REQUIRE(file->load() == ws);
    REQUIRE(file->current_stage() == 0);
    file.reset();

    auto reopened = WorkshopFile::open(dir.file("w.pilotdeck"), WorkshopFile::Mode::ReadOnly);
    REQUIRE(reopened->load() == ws);
    auto without_scores = ws;
    without_scores.scores.clear();
    REQUIRE(reopened->load_without_scores() == without_scores);
}

TEST_CASE("load_aggregates gives the sums and raters the scores give") {
    TempDir dir;
    auto ws = sample_workshop();
    auto file = WorkshopFile::create(dir.file("w.pilotdeck"), ws);
    auto expected = pilotdeck::core::Aggregates::from_scores(ws.scores);
    auto stored = file->load_aggregates();
    REQUIRE(stored.all().size() == expected.all().size());
    for (const auto& [idea, stats] : expected.all()) {
        const auto* got = stored.find(idea);
        REQUIRE(got != nullptr);
        CHECK(got->by_criterion == stats.by_criterion);
        CHECK(got->raters == stats.raters);
    }
    CHECK(stored.find("i5") == nullptr);  // no scores, no stats
}

TEST_CASE("a created file is a WAL-mode pilotdeck database of the current schema") {
    TempDir dir;
    std::string path = make_workshop_file(dir, "w.pilotdeck", sample_workshop());
    CHECK(raw_query(path, "PRAGMA journal_mode") == "wal");
    CHECK(raw_query(path, "PRAGMA application_id") == std::to_string(pilotdeck::storage::kApplicationId));
    CHECK(raw_query(path, "PRAGMA user_version") == std::to_string(pilotdeck::storage::kSchemaVersion));
    CHECK(raw_query(path, "SELECT value FROM meta WHERE key = 'created_by'").starts_with("pilotdeck 0."));
    CHECK(raw_query(path, "SELECT count(*) FROM score_agg WHERE n <= 0") == "0");
    CHECK(listing(dir.path()) == std::set<std::string>{"w.pilotdeck"});  // no temporary file left
}

TEST_CASE("create refuses an existing file and leaves it byte-identical") {
    TempDir dir;
    std::string path = dir.file("w.pilotdeck");
    write_all(path, "precious notes");
    CHECK(storage_error_of([&] { WorkshopFile::create(path, sample_workshop()); }) ==
          path + ": already exists (use --force to replace it)");
    CHECK(read_all(path) == "precious notes");
    CHECK(listing(dir.path()) == std::set<std::string>{"w.pilotdeck"});
}

TEST_CASE("create with overwrite replaces the file") {
    TempDir dir;
    std::string path = make_workshop_file(dir, "w.pilotdeck", sample_workshop());
    auto other = big_workshop(3, 2, 3);
    WorkshopFile::create(path, other, true);
    CHECK(WorkshopFile::open(path)->load() == other);
    CHECK(listing(dir.path()) == std::set<std::string>{"w.pilotdeck"});
}

TEST_CASE("a create that fails leaves the existing file byte-identical and no temporary file") {
    TempDir dir;
    std::string path = make_workshop_file(dir, "w.pilotdeck", sample_workshop());
    std::string before = read_all(path);
    auto broken = sample_workshop();
    broken.scores.push_back({"i404", "p1", "quality", 3});
    CHECK(storage_error_of([&] { WorkshopFile::create(path, broken, true); }) == path + ": score refers to unknown idea 'i404'");
    auto duplicate = sample_workshop();
    duplicate.scores.push_back(duplicate.scores.front());
    CHECK(storage_error_of([&] { WorkshopFile::create(path, duplicate, true); }) ==
          path + ": two scores of rater 'p1' for idea 'i1' on 'time_saved'");
    CHECK(read_all(path) == before);
    CHECK(listing(dir.path()) == std::set<std::string>{"w.pilotdeck"});
}

TEST_CASE("overwriting a database never replays its stale write-ahead log into the new file") {
    TempDir dir;
    std::string path = dir.file("w.pilotdeck");
    // A real WAL with committed frames, as a crashed writer of another database leaves it.
    sqlite3* other = nullptr;
    REQUIRE(sqlite3_open(dir.file("other.db").c_str(), &other) == SQLITE_OK);
    REQUIRE(sqlite3_exec(other,
                         "PRAGMA journal_mode=WAL; PRAGMA wal_autocheckpoint=0; CREATE TABLE t(x);"
                         "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 2000) "
                         "INSERT INTO t SELECT randomblob(100) FROM n;",
                         nullptr, nullptr, nullptr) == SQLITE_OK);
    write_all(path, read_all(dir.file("other.db")));
    write_all(path + "-wal", read_all(dir.file("other.db-wal")));
    sqlite3_close(other);

    auto ws = sample_workshop();
    WorkshopFile::create(path, ws, true);
    CHECK_FALSE(fs::exists(path + "-wal"));
    CHECK(WorkshopFile::open(path)->load() == ws);
    CHECK(WorkshopFile::check(path).ok);
}

TEST_CASE("files that are not sound workshops are refused and stay byte-identical") {
    TempDir dir;
    std::string path = dir.file("f.pilotdeck");

    SECTION("PNG") {
        write_all(path, kPngBytes);
        require_refused(dir, path, "not a pilotdeck workshop (not an SQLite database)");
    }
    SECTION("text file larger than a database header") {
        write_all(path, std::string(5000, 'x'));
        require_refused(dir, path, "not a pilotdeck workshop (not an SQLite database)");
    }
    SECTION("another SQLite database") {
        raw_exec(path, "CREATE TABLE contacts (name TEXT); INSERT INTO contacts VALUES ('Ann');");
        require_refused(dir, path, "not a pilotdeck workshop (another SQLite database)");
    }
    SECTION("another SQLite database in WAL mode") {
        raw_exec(path, "PRAGMA journal_mode=WAL; CREATE TABLE contacts (name TEXT);");
        require_refused(dir, path, "not a pilotdeck workshop (another SQLite database)");
    }
    SECTION("empty file") {
        write_all(path, "");
        require_refused(dir, path, "not a pilotdeck workshop (empty file)");
    }
    SECTION("schema version 0") {
        make_workshop_file(dir, "f.pilotdeck", sample_workshop());
        raw_exec(path, "PRAGMA user_version = 0");
        require_refused(dir, path, "not a complete pilotdeck workshop (schema version 0)");
    }
    SECTION("newer schema") {
        make_workshop_file(dir, "f.pilotdeck", sample_workshop());
        raw_exec(path, "PRAGMA user_version = 9");
        require_refused(dir, path, "made by a newer pilotdeck (schema 9); this version reads up to " +
                                       std::to_string(pilotdeck::storage::kSchemaVersion));
    }
    SECTION("truncated workshop") {
        std::string whole = read_all(make_workshop_file(dir, "f.pilotdeck", big_workshop(40, 10, 9)));
        write_all(path, whole.substr(0, whole.size() / 2));
        std::string problem = raw_quick_check(path);
        REQUIRE(problem != "ok");
        require_refused(dir, path, "damaged: " + problem);
    }
    SECTION("bytes overwritten inside a page") {
        std::string bytes = read_all(make_workshop_file(dir, "f.pilotdeck", big_workshop(40, 10, 9)));
        std::size_t page = bytes.size() / 4096 / 2;  // a page of the score b-tree, in the middle
        bytes.replace(page * 4096, 64, std::string(64, '\xff'));
        write_all(path, bytes);
        std::string problem = raw_quick_check(path);
        REQUIRE(problem != "ok");
        require_refused(dir, path, "damaged: " + problem);
    }
}

TEST_CASE("a missing file or a folder is refused with its name") {
    TempDir dir;
    CHECK(storage_error_of([&] { WorkshopFile::open(dir.file("none.pilotdeck")); }) == dir.file("none.pilotdeck") + ": no such file");
    CHECK(storage_error_of([&] { WorkshopFile::open(dir.path().string()); }) ==
          dir.path().string() + ": is a folder, not a workshop file");
    CHECK(listing(dir.path()).empty());
}

TEST_CASE("opening read-only changes nothing in the file or its folder") {
    TempDir dir;
    std::string path = make_workshop_file(dir, "w.pilotdeck", sample_workshop());
    std::string before = read_all(path);
    {
        auto file = WorkshopFile::open(path, WorkshopFile::Mode::ReadOnly);
        CHECK(file->load() == sample_workshop());
        CHECK_THROWS_WITH(file->apply(pilotdeck::core::SetCurrentStage{2}),
                          path + ": opened read-only: the change was not saved");
    }
    CHECK(read_all(path) == before);
    CHECK(listing(dir.path()) == std::set<std::string>{"w.pilotdeck"});
    CHECK(WorkshopFile::open(path)->current_stage() == 0);
}

TEST_CASE("scores in any order load in list order, with the right sums") {
    TempDir dir;
    auto ws = sample_workshop();
    auto shuffled = ws;
    std::mt19937 rng(7);
    std::shuffle(shuffled.scores.begin(), shuffled.scores.end(), rng);
    REQUIRE(shuffled.scores != ws.scores);
    auto file = WorkshopFile::create(dir.file("w.pilotdeck"), shuffled);
    CHECK(file->load() == ws);
    CHECK(WorkshopFile::check(dir.file("w.pilotdeck")).ok);
}

TEST_CASE("a file that appears while the new one is built is not replaced") {
    TempDir dir;
    std::string path = dir.file("w.pilotdeck");
    {
        pilotdeck::storage::files::TempFile tmp(path);
        write_all(tmp.path(), "new");
        write_all(path, "made meanwhile by someone else");
        CHECK(storage_error_of([&] { tmp.commit(false); }) == path + ": already exists (use --force to replace it)");
    }
    CHECK(read_all(path) == "made meanwhile by someone else");
    CHECK(listing(dir.path()) == std::set<std::string>{"w.pilotdeck"});
}

TEST_CASE("a score that refers to a missing row is named as damage, not loaded half") {
    TempDir dir;
    const std::string path = dir.file("w.pilotdeck");
    WorkshopFile::create(path, sample_workshop()).reset();
    // Foreign keys are off in a plain connection: the idea goes, its scores stay.
    raw_exec(path, "DELETE FROM idea WHERE id = 'i2'");
    auto file = WorkshopFile::open(path, WorkshopFile::Mode::ReadOnly);
    const std::string error = storage_error_of([&] { file->load(); });
    CHECK(error.find("damaged: a score refers to a missing idea") != std::string::npos);
    CHECK(file->load_without_scores().ideas.size() == sample_workshop().ideas.size() - 1);
}
