// Schema 6 (contracts 12): status, status history and measures in the workshop file.
#include <catch2/catch.hpp>

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
const std::string kFollowup = std::string(PILOTDECK_TEST_DATA) + "/followup-workshop.json";
}

TEST_CASE("followup: a workshop with status, history and measures reads back exactly", "[followup]") {
    TempDir dir;
    const core::Workshop ws = docs::load_workshop(kFollowup);
    const std::string path = dir.file("f.pilotdeck");
    WorkshopFile::create(path, ws).reset();
    CHECK(WorkshopFile::open(path, WorkshopFile::Mode::ReadOnly)->load() == ws);
    CHECK(docs::write_workshop(WorkshopFile::open(path, WorkshopFile::Mode::ReadOnly)->load()) == test::read_all(kFollowup));
    CHECK(WorkshopFile::check(path).ok);
}

TEST_CASE("followup: saving an idea saves its follow-up; removing it removes the rows", "[followup]") {
    TempDir dir;
    const std::string path = dir.file("f.pilotdeck");
    auto f = WorkshopFile::create(path, docs::load_workshop(kFollowup));
    core::Session s(f->load(), 0, f.get());
    core::Idea i1 = *s.find_idea("i1");
    i1.status = core::IdeaStatus::Scaled;
    i1.status_history.push_back({core::IdeaStatus::Scaled, "2027-02-01", "Every account manager uses it"});
    i1.measures[1].values.push_back({"2027-01-31", 52});
    i1.measures.erase(i1.measures.begin());
    s.execute(core::PutIdea{i1, std::nullopt});
    f.reset();
    auto again = WorkshopFile::open(path);
    const core::Workshop ws = again->load();
    CHECK(ws.ideas.at(0) == i1);
    CHECK(test::raw_query(path, "SELECT count(*) FROM measure_value") == "3");  // i1's one, i2's two
    again->apply(core::RemoveIdea{"i2"});
    CHECK(test::raw_query(path, "SELECT count(*) FROM measure_value") == "1");
    CHECK(test::raw_query(path, "SELECT count(*) FROM status_change") == "2");
    CHECK(test::raw_query(path, "SELECT count(*) FROM idea_status") == "2");  // i1 scaled, i4 proposed
}

TEST_CASE("followup: the core refuses a follow-up that import would refuse", "[followup]") {
    TempDir dir;
    auto f = WorkshopFile::create(dir.file("f.pilotdeck"), docs::load_workshop(kFollowup));
    core::Session s(f->load(), 0, f.get());
    core::Idea i1 = *s.find_idea("i1");
    core::Idea early = i1;
    early.measures[0].values.push_back({"2026-10-01", 28});
    CHECK_THROWS_WITH(s.execute(core::PutIdea{early, std::nullopt}),
                      "measure \"Minutes per task\": the value of 2026-10-01 is dated before the workshop (2026-11-02)");
    core::Idea flat = i1;
    flat.measures[1].target = flat.measures[1].baseline;
    CHECK_THROWS_WITH(s.execute(core::PutIdea{flat, std::nullopt}),
                      "measure \"Adoption rate\": the target must differ from the baseline");
    CHECK(f->load().ideas.at(0) == i1);  // nothing saved
}

TEST_CASE("followup: a schema 5 file reads read-only and migrates to 6 when opened for editing", "[followup]") {
    TempDir dir;
    const std::string path = dir.file("old.pilotdeck");
    const core::Workshop small = docs::load_workshop(std::string(PILOTDECK_TEST_DATA) + "/small-workshop.json");
    WorkshopFile::create(path, small).reset();
    test::raw_exec(path, "DROP TABLE measure_value; DROP TABLE measure; DROP TABLE status_change; DROP TABLE idea_status;"
                         "PRAGMA user_version = 5;");
    CHECK(WorkshopFile::open(path, WorkshopFile::Mode::ReadOnly)->load() == small);
    CHECK(test::raw_query(path, "PRAGMA user_version") == "5");
    auto f = WorkshopFile::open(path);
    CHECK(test::raw_query(path, "PRAGMA user_version") == std::to_string(pilotdeck::storage::kSchemaVersion));
    core::Idea i1 = small.ideas.at(0);
    i1.status = core::IdeaStatus::Pilot;
    f->apply(core::PutIdea{i1, std::nullopt});
    CHECK(f->load().ideas.at(0).status == core::IdeaStatus::Pilot);
    CHECK(WorkshopFile::check(path).ok);
}
