// check(), the migration runner and the SQLite layer's errors and transactions.
#include <sqlite3.h>

#include <catch2/catch.hpp>

#include "storage/schema.hpp"
#include "storage/sqlite.hpp"
#include "storage/workshop_file.hpp"
#include "storage_fixtures.hpp"
#include "support/temp_dir.hpp"

using namespace pilotdeck;
using storage::StorageError;
using storage::WorkshopFile;
using storage::sqlite::Database;
using test::TempDir;

namespace {

std::string make_file(const TempDir& dir) {
    std::string path = dir.file("w.pilotdeck");
    WorkshopFile::create(path, test::sample_workshop());
    return path;
}

// check() leaves the file byte-identical and returns its report.
storage::CheckReport checked(const std::string& path) {
    std::string before = test::read_all(path);
    auto report = WorkshopFile::check(path);
    REQUIRE(test::read_all(path) == before);
    REQUIRE(report.ok == report.problems.empty());
    return report;
}

}  // namespace

TEST_CASE("check passes a sound file") {
    TempDir dir;
    auto report = checked(make_file(dir));
    CHECK(report.ok);
    CHECK(report.schema_version == storage::kSchemaVersion);
}

TEST_CASE("check finds stored sums and raters that do not match the scores") {
    TempDir dir;
    std::string path = make_file(dir);
    // The problems check() reports after `sql` changed the file behind storage's back.
    auto problems_after = [&](const std::string& sql) {
        test::raw_exec(path, sql);
        auto report = checked(path);
        REQUIRE_FALSE(report.ok);
        return report.problems;
    };

    SECTION("a changed sum") {
        auto problems = problems_after(
            "UPDATE score_agg SET sum = sum + 1 WHERE idea = (SELECT rid FROM idea WHERE id = 'i3') "
            "AND criterion = (SELECT rid FROM criterion WHERE id = 'quality')");
        REQUIRE(problems.size() == 1);
        CHECK_THAT(problems[0], Catch::StartsWith("stored sums of idea 'i3' on 'quality' are n="));
    }
    SECTION("a missing aggregate row") {
        auto problems = problems_after("DELETE FROM score_agg WHERE idea = (SELECT rid FROM idea WHERE id = 'i1')");
        CHECK_THAT(problems[0], Catch::StartsWith("stored sums of idea 'i1' on ") && Catch::Contains("are n=0"));
    }
    SECTION("a wrong number of raters") {
        auto problems = problems_after("UPDATE idea SET raters = 9 WHERE id = 'i4'");
        REQUIRE(problems.size() == 1);
        CHECK_THAT(problems[0], Catch::StartsWith("idea 'i4' is stored with 9 raters, its scores have "));
    }
    SECTION("two ideas at the same position") {
        auto problems = problems_after("UPDATE idea SET position = 0 WHERE id = 'i2'");
        CHECK(problems == std::vector<std::string>{"the positions of the idea list are not 0..n-1"});
    }
    SECTION("a score of an idea that is gone") {
        auto problems = problems_after("PRAGMA foreign_keys = OFF; DELETE FROM idea WHERE id = 'i6'");
        CHECK_THAT(problems, Catch::VectorContains(std::string("a row of score refers to a missing row of idea")));
    }
}

TEST_CASE("check reports files that are not workshops, and damage, without changing them") {
    TempDir dir;
    std::string path = dir.file("f.pilotdeck");
    SECTION("not SQLite") {
        test::write_all(path, std::string(3000, 'z'));
        CHECK(checked(path).problems == std::vector<std::string>{"not a pilotdeck workshop (not an SQLite database)"});
    }
    SECTION("newer schema") {
        make_file(dir);
        test::raw_exec(dir.file("w.pilotdeck"), "PRAGMA user_version = 99");
        auto report = checked(dir.file("w.pilotdeck"));
        CHECK(report.schema_version == 99);
        CHECK(report.problems == std::vector<std::string>{"made by a newer pilotdeck (schema 99); this version reads up to " +
                                                          std::to_string(storage::kSchemaVersion)});
    }
    SECTION("damaged page") {
        WorkshopFile::create(path, test::big_workshop(40, 10, 9));
        std::string bytes = test::read_all(path);
        bytes.replace(bytes.size() / 4096 / 2 * 4096, 64, std::string(64, '\xff'));
        test::write_all(path, bytes);
        auto report = checked(path);
        REQUIRE_FALSE(report.ok);
        CHECK_THAT(report.problems[0], Catch::StartsWith("damaged: "));
    }
    SECTION("a missing file cannot be checked") {
        CHECK_THROWS_WITH(WorkshopFile::check(dir.file("none")), dir.file("none") + ": no such file");
    }
}

namespace {
std::int64_t count(Database& db, const std::string& sql) { return *storage::sqlite::Statement(db, sql).one_int64(); }
void create_a(Database& db) { db.exec("CREATE TABLE a (x INTEGER)"); }
void add_b(Database& db) { db.exec("ALTER TABLE a ADD COLUMN b TEXT NOT NULL DEFAULT 'b'"); }
void broken(Database& db) {
    db.exec("CREATE TABLE half_done (x)");
    db.exec("THIS IS NOT SQL");
}
constexpr storage::schema::Migration kTwo[] = {{1, create_a}, {2, add_b}};
constexpr storage::schema::Migration kThird[] = {{1, create_a}, {2, add_b}, {3, broken}};
constexpr storage::schema::Migration kOutOfOrder[] = {{2, add_b}, {1, create_a}};
}  // namespace

TEST_CASE("migrations run in order, once, each in its own transaction") {
    TempDir dir;
    Database db(dir.file("m.db"), SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
    storage::schema::migrate(db, kTwo);
    CHECK(db.pragma_int("user_version") == 2);
    db.exec("INSERT INTO a (x) VALUES (1)");
    storage::schema::migrate(db, kTwo);  // nothing pending: nothing runs again
    CHECK(db.pragma_int("user_version") == 2);

    CHECK_THROWS_AS(storage::schema::migrate(db, kThird), StorageError);
    CHECK(db.pragma_int("user_version") == 2);  // the failed migration left nothing behind
    CHECK(count(db, "SELECT count(*) FROM sqlite_schema WHERE name = 'half_done'") == 0);

    CHECK_THROWS_WITH(storage::schema::migrate(db, kOutOfOrder), dir.file("m.db") + ": migrations out of order");
}

TEST_CASE("the SQLite layer names the file in its errors and rolls back unfinished transactions") {
    TempDir dir;
    Database db(dir.file("t.db"), SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, "shown.pilotdeck");
    db.exec("CREATE TABLE t (x INTEGER NOT NULL)");
    CHECK_THROWS_WITH(db.exec("INSERT INTO nowhere VALUES (1)"),
                      Catch::StartsWith("shown.pilotdeck: ") && Catch::Contains("no such table: nowhere"));
    CHECK_THROWS_WITH(db.exec("\nCREATE TABLE u (\n    x INTEGER,\n    y NOSUCH TYPE ("),
                      Catch::StartsWith("shown.pilotdeck: cannot run \"CREATE TABLE u ( x INTEGER, y NOSUCH TYPE (\": ") &&
                          !Catch::Contains("\n"));
    {
        storage::sqlite::Transaction tx(db);
        db.exec("INSERT INTO t VALUES (1)");
    }
    CHECK(count(db, "SELECT count(*) FROM t") == 0);
    {
        storage::sqlite::Transaction tx(db);
        storage::sqlite::Statement insert(db, "INSERT INTO t VALUES (?)");
        insert.bind(1, std::int64_t{5}).run();
        insert.bind(1, nullptr);
        CHECK_THROWS_WITH(insert.run(), Catch::Contains("NOT NULL constraint failed: t.x"));
        tx.commit();
    }
    storage::sqlite::Statement read(db, "SELECT x, 'text', 2.5 FROM t");
    REQUIRE(read.step());
    CHECK(read.column_int64(0) == 5);
    CHECK(read.column_text(1) == "text");
    CHECK(read.column_double(2) == 2.5);
    CHECK_FALSE(read.step());
    CHECK_THROWS_WITH(Database(dir.file("no/such/dir.db"), SQLITE_OPEN_READWRITE),
                      Catch::StartsWith(dir.file("no/such/dir.db") + ": cannot open: "));
}
