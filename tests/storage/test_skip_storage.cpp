// Schema 8: the teams a judge skipped in pairwise judging (table pair_skip), saved by the core's
// SetSkip, read back in order, kept by a file built from a workshop, left out of the workshop
// document, and checked by `check`; a schema 7 file migrates.
#include <catch2/catch.hpp>

#include <filesystem>

#include "core/session.hpp"
#include "documents/documents.hpp"
#include "storage/workshop_file.hpp"
#include "storage_fixtures.hpp"
#include "support/temp_dir.hpp"

using pilotdeck::storage::WorkshopFile;
using pilotdeck::test::TempDir;
namespace core = pilotdeck::core;
namespace docs = pilotdeck::documents;
namespace test = pilotdeck::test;

namespace {
const std::string kHackathon = std::string(PILOTDECK_TEST_DATA) + "/hackathon-workshop.json";
}  // namespace

TEST_CASE("schema 8: skips are saved one by one, read back in order, and never exported", "[hackathon]") {
    TempDir dir;
    const std::string path = dir.file("h.pilotdeck");
    auto f = WorkshopFile::create(path, docs::load_workshop(kHackathon));
    core::Session s(f->load(), 0, f.get());
    s.execute(core::SetSkip{{"p9", "t3"}, true}, false);
    s.execute(core::SetSkip{{"p7", "t1"}, true}, false);
    const std::vector<core::Skip> skips{{"p9", "t3"}, {"p7", "t1"}};
    CHECK(WorkshopFile::open(path, WorkshopFile::Mode::ReadOnly)->load().skips == skips);
    CHECK(test::raw_query(path, "SELECT count(*) FROM pair_skip") == "2");

    // The workshop document has no such field (contracts 6): export leaves them out.
    const std::string doc = docs::write_workshop(s.workshop());
    CHECK(doc.find("skip") == std::string::npos);
    CHECK(docs::parse_workshop(doc, "h.json").skips.empty());

    // A file built from a workshop (new, import, restore) keeps the skips it is given.
    const std::string copy = dir.file("copy.pilotdeck");
    WorkshopFile::create(copy, s.workshop()).reset();
    CHECK(WorkshopFile::open(copy, WorkshopFile::Mode::ReadOnly)->load().skips == skips);
    CHECK(WorkshopFile::check(copy).ok);
    CHECK(WorkshopFile::check(path).ok);
}

TEST_CASE("schema 8: a schema 7 file reads read-only without skips and migrates when opened for editing", "[hackathon]") {
    TempDir dir;
    const std::string path = dir.file("old.pilotdeck");
    const core::Workshop ws = docs::load_workshop(kHackathon);
    WorkshopFile::create(path, ws).reset();
    test::raw_exec(path, "DROP TABLE pair_skip; PRAGMA user_version = 7;");
    CHECK(WorkshopFile::check(path).ok);
    CHECK(WorkshopFile::open(path, WorkshopFile::Mode::ReadOnly)->load() == ws);
    CHECK(test::raw_query(path, "PRAGMA user_version") == "7");
    auto f = WorkshopFile::open(path);
    CHECK(test::raw_query(path, "PRAGMA user_version") == "8");
    f->apply(core::SetSkip{{"p8", "t2"}, true});
    CHECK(f->load().skips == std::vector<core::Skip>{{"p8", "t2"}});
    CHECK(WorkshopFile::check(path).ok);
}

TEST_CASE("schema 8: check finds a missing pair_skip table and a skip of a team that is gone", "[hackathon]") {
    TempDir dir;
    const std::string path = dir.file("h.pilotdeck");
    WorkshopFile::create(path, docs::load_workshop(kHackathon)).reset();
    {
        auto f = WorkshopFile::open(path);
        f->apply(core::SetSkip{{"p9", "t3"}, true});
    }
    const std::string dropped = dir.file("dropped.pilotdeck");
    std::filesystem::copy_file(path, dropped);
    test::raw_exec(dropped, "DROP TABLE pair_skip;");
    const auto missing = WorkshopFile::check(dropped);
    CHECK_FALSE(missing.ok);
    REQUIRE(missing.problems.size() == 1);
    CHECK(missing.problems[0] == "the table pair_skip of schema 8 is missing");

    test::raw_exec(path, "PRAGMA foreign_keys = OFF; UPDATE pair_skip SET team = 999;");
    const auto dangling = WorkshopFile::check(path);
    CHECK_FALSE(dangling.ok);
    REQUIRE(dangling.problems.size() == 1);
    CHECK(dangling.problems[0] == "a row of pair_skip refers to a missing row of team");
}
