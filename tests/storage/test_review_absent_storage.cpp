// Schema 7: what the users say, recorded with a review decision (status_change.users_say), and a
// team marked absent during the pitches (team.absent).
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
const std::string kHackathon = std::string(PILOTDECK_TEST_DATA) + "/hackathon-workshop.json";
}  // namespace

TEST_CASE("schema 7: a decision's users_say and a team's absent are saved by commands and read back", "[followup][hackathon]") {
    TempDir dir;
    const std::string path = dir.file("f.pilotdeck");
    auto f = WorkshopFile::create(path, docs::load_workshop(kFollowup));
    core::Session s(f->load(), 0, f.get());
    core::Idea i1 = *s.find_idea("i1");
    i1.status = core::IdeaStatus::Adjusted;
    i1.status_history.push_back({core::IdeaStatus::Adjusted, "2027-02-01", "Too slow for long meetings",
                                 "“Saves me an hour a week, but it misses who agreed to what.”"});
    s.execute(core::PutIdea{i1, std::nullopt});
    f.reset();
    CHECK(WorkshopFile::open(path, WorkshopFile::Mode::ReadOnly)->load().ideas.at(0) == i1);
    CHECK(test::raw_query(path, "SELECT users_say FROM status_change WHERE users_say <> ''") ==
          "“Saves me an hour a week, but it misses who agreed to what.”");

    const std::string hpath = dir.file("h.pilotdeck");
    auto h = WorkshopFile::create(hpath, docs::load_workshop(kHackathon));
    core::Session hs(h->load(), 0, h.get());
    core::Team t = hs.workshop().teams.at(1);
    t.absent = true;
    hs.execute(core::PutTeam{t, std::nullopt});
    CHECK(WorkshopFile::open(hpath, WorkshopFile::Mode::ReadOnly)->load().teams.at(1).absent);
    hs.undo();  // back again: undo restores the team as it was
    CHECK_FALSE(WorkshopFile::open(hpath, WorkshopFile::Mode::ReadOnly)->load().teams.at(1).absent);
    CHECK(WorkshopFile::check(hpath).ok);
}

TEST_CASE("schema 7: a schema 6 file reads read-only without the new columns and migrates when opened for editing", "[followup][hackathon]") {
    TempDir dir;
    const std::string path = dir.file("old.pilotdeck");
    const core::Workshop ws = docs::load_workshop(kHackathon);
    WorkshopFile::create(path, ws).reset();
    test::raw_exec(path, "ALTER TABLE status_change DROP COLUMN users_say; ALTER TABLE team DROP COLUMN absent;"
                         "PRAGMA user_version = 6;");
    CHECK(WorkshopFile::open(path, WorkshopFile::Mode::ReadOnly)->load() == ws);
    CHECK(test::raw_query(path, "PRAGMA user_version") == "6");
    auto f = WorkshopFile::open(path);
    CHECK(test::raw_query(path, "PRAGMA user_version") == std::to_string(pilotdeck::storage::kSchemaVersion));  // and on to the newest
    core::Team t = ws.teams.at(0);
    t.absent = true;
    f->apply(core::PutTeam{t, std::nullopt});
    CHECK(f->load().teams.at(0).absent);
    CHECK(WorkshopFile::check(path).ok);
}
