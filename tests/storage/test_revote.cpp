// contracts 9 and 5b in the workshop file: a re-vote round, its new values with reasons, the
// history, undo, and consensus values, kept across reopening.
#include <catch2/catch.hpp>

#include "core/session.hpp"
#include "storage/workshop_file.hpp"
#include "storage_fixtures.hpp"
#include "support/temp_dir.hpp"

using namespace pilotdeck;
using storage::WorkshopFile;

namespace {

// Two ideas, three raters, one criterion per axis; i1 is contested on "b" (1, 3, 5).
core::Workshop contested() {
    core::Workshop ws = test::sample_workshop();
    ws.scores.clear();
    const std::string b = ws.criteria.at(0).id;
    ws.scores.push_back({"i1", "p1", b, 1});
    ws.scores.push_back({"i1", "p2", b, 3});
    ws.scores.push_back({"i1", "p3", b, 5});
    ws.scores.push_back({"i2", "p1", b, 4});
    ws.scores.push_back({"i2", "p2", b, 4});
    return ws;
}

}  // namespace

TEST_CASE("a re-vote round: new values with reasons, history and undo, saved in the file", "[revote]") {
    test::TempDir dir;
    const std::string path = dir.file("w.pilotdeck");
    auto file = WorkshopFile::create(path, contested());
    core::Session s(file->load(), 0, file.get());
    const std::string b = s.workshop().criteria.at(0).id;

    const auto open = s.open_revote();
    REQUIRE(open);
    REQUIRE(open->revote->cells.size() == 1);
    CHECK(open->revote->cells[0].idea == "i1");
    CHECK(open->revote->round == 2);
    s.execute(*open);

    s.execute(core::Revote{"i1", "p1", b, 3, "I had the old process in mind."});
    s.execute(core::Revote{"i1", "p3", b, 4, "Agreed after the discussion."});
    CHECK(s.result_for("i1")->criteria.at(0).sd < 1.0);
    CHECK(s.score("i1", "p1", b) == 3);
    REQUIRE(s.workshop().score_history.size() == 2);
    CHECK(s.workshop().score_history[0].value == 1);
    CHECK(s.workshop().score_history[0].round == 1);

    // Refused: twice in one round, off the scale, a long reason, a cell not in the round.
    CHECK_THROWS_AS(s.execute(core::Revote{"i1", "p1", b, 2, ""}), core::CommandError);
    CHECK_THROWS_AS(s.execute(core::Revote{"i1", "p2", b, 9, ""}), core::CommandError);
    CHECK_THROWS_AS(s.execute(core::Revote{"i1", "p2", b, 3, std::string(281, 'x')}), core::CommandError);
    CHECK_THROWS_AS(s.execute(core::Revote{"i1", "p2", b, 3, "two\nlines"}), core::CommandError);
    CHECK_THROWS_AS(s.execute(core::Revote{"i2", "p1", b, 3, ""}), core::CommandError);
    s.execute(core::Revote{"i1", "p2", b, 3, std::string(280, 'y')});  // exactly 280 is fine
    REQUIRE(s.undo());
    CHECK(s.workshop().score_history.size() == 2);

    // Reopened: the same workshop, rounds, history and open round; the file is sound.
    {
        auto again = WorkshopFile::open(path, WorkshopFile::Mode::ReadOnly);
        const core::Workshop loaded = again->load();
        CHECK(loaded.score_history == s.workshop().score_history);
        CHECK(loaded.revote == s.workshop().revote);
        int round2 = 0;
        for (const auto& sc : loaded.scores) round2 += sc.round == 2;
        CHECK(round2 == 2);
    }
    CHECK(WorkshopFile::check(path).ok);

    // Undo brings the first value back, in memory and in the file.
    REQUIRE(s.undo());
    REQUIRE(s.undo());
    CHECK(s.score("i1", "p1", b) == 1);
    CHECK(s.workshop().score_history.empty());
    {
        auto again = WorkshopFile::open(path, WorkshopFile::Mode::ReadOnly);
        const core::Workshop loaded = again->load();
        CHECK(loaded.score_history.empty());
        for (const auto& sc : loaded.scores) CHECK(sc.round == 1);
        const auto agg = again->load_aggregates();
        CHECK(agg.find("i1")->by_criterion.at(b).sum == 9);
    }
    s.execute(core::SetRevote{std::nullopt});
    CHECK_THROWS_AS(s.execute(core::Revote{"i1", "p1", b, 3, ""}), core::CommandError);  // no round open
}

TEST_CASE("consensus values in the file: set, changed, cleared, never a participant", "[consensus]") {
    test::TempDir dir;
    const std::string path = dir.file("w.pilotdeck");
    auto file = WorkshopFile::create(path, contested());
    core::Session s(file->load(), 0, file.get());
    const std::string b = s.workshop().criteria.at(0).id;
    const std::size_t people = s.workshop().participants.size();
    s.execute(core::SetScore{"i2", "", b, 2, true});
    s.execute(core::SetScore{"i2", "", b, 5, true});
    {
        auto again = WorkshopFile::open(path, WorkshopFile::Mode::ReadOnly);
        const core::Workshop loaded = again->load();
        CHECK(loaded.participants.size() == people);
        int agreed = 0;
        for (const auto& sc : loaded.scores)
            if (sc.consensus) {
                ++agreed;
                CHECK(sc.value == 5);
                CHECK(sc.rater.empty());
            }
        CHECK(agreed == 1);
        const auto agg = again->load_aggregates();
        CHECK(agg.find("i2")->consensus.at(b) == 5);
        CHECK(agg.find("i2")->raters == 2);  // people only
    }
    s.execute(core::SetScore{"i2", "", b, std::nullopt, true});
    CHECK(WorkshopFile::open(path, WorkshopFile::Mode::ReadOnly)->load_aggregates().find("i2")->consensus.empty());
    CHECK(WorkshopFile::check(path).ok);
}
