// Schema 4 (contracts 6): a hackathon's teams, comparisons, awards and votes in the workshop
// file, and a schema 3 file that gains them when opened for editing.
#include <catch2/catch.hpp>

#include "documents/documents.hpp"
#include "storage/workshop_file.hpp"
#include "storage_fixtures.hpp"
#include "support/temp_dir.hpp"

namespace core = pilotdeck::core;
namespace storage = pilotdeck::storage;
namespace test = pilotdeck::test;
using storage::WorkshopFile;

namespace {
core::Workshop hackathon() {
    return pilotdeck::documents::load_workshop(std::string(PILOTDECK_SOURCE_DIR) + "/tests/data/hackathon-workshop.json");
}
}  // namespace

TEST_CASE("a hackathon is stored whole and read back equal", "[storage][hackathon]") {
    test::TempDir dir;
    const std::string path = dir.file("h.pilotdeck");
    const core::Workshop ws = hackathon();
    WorkshopFile::create(path, ws).reset();
    CHECK(WorkshopFile::open(path, WorkshopFile::Mode::ReadOnly)->load() == ws);
    CHECK(test::raw_query(path, "SELECT count(*) FROM comparison") == "6");
    CHECK(test::raw_query(path, "SELECT value FROM meta WHERE key = 'mode'") == "hackathon");
    CHECK(WorkshopFile::check(path).ok);
}

TEST_CASE("the file refuses a second team for one idea and a comparison of a team with itself", "[storage][hackathon]") {
    test::TempDir dir;
    const std::string path = dir.file("h.pilotdeck");
    WorkshopFile::create(path, hackathon()).reset();
    CHECK_THROWS(test::raw_exec(path, "INSERT INTO team (position, id, name, idea, table_label, pitch_order) "
                                      "SELECT 9, 't9', 'Copy', idea, '', 0 FROM team WHERE id = 't1'"));
    CHECK_THROWS(test::raw_exec(path, "INSERT INTO comparison (judge, winner, loser, at) VALUES (1, 1, 1, '')"));
}

TEST_CASE("a schema 3 file gets the hackathon tables when opened for editing", "[storage][hackathon]") {
    test::TempDir dir;
    const std::string path = dir.file("old.pilotdeck");
    WorkshopFile::create(path, test::sample_workshop()).reset();
    test::raw_exec(path, "DROP TABLE audience_vote; DROP TABLE award; DROP TABLE comparison; DROP TABLE team_member; "
                         "DROP TABLE team; DELETE FROM meta WHERE key IN ('mode', 'pitch_minutes', 'qa_minutes', "
                         "'judging_method', 'recuse_same_department'); PRAGMA user_version = 3;");
    CHECK(WorkshopFile::open(path, WorkshopFile::Mode::ReadOnly)->load() == test::sample_workshop());
    auto f = WorkshopFile::open(path);
    CHECK(test::raw_query(path, "PRAGMA user_version") == std::to_string(storage::kSchemaVersion));
    CHECK(test::raw_query(path, "SELECT count(*) FROM sqlite_schema WHERE name = 'team'") == "1");
    CHECK(f->load() == test::sample_workshop());
}
