// WorkshopFile::read_summary (what `pilotdeck portfolio` reads of each file): one connection, the
// same workshop and aggregates as open() + load_without_scores() + load_aggregates(), nothing
// written or left behind, a file in use read under its locks, and open()'s refusals.
#include <catch2/catch.hpp>

#include <filesystem>

#include "storage/workshop_file.hpp"
#include "storage_fixtures.hpp"
#include "support/temp_dir.hpp"

using pilotdeck::storage::WorkshopFile;
using namespace pilotdeck;
using namespace pilotdeck::test;

namespace {

void require_same_sums(const core::Aggregates& a, const core::Aggregates& b) {
    REQUIRE(a.all().size() == b.all().size());
    for (const auto& [idea, stats] : a.all()) {
        const core::IdeaStats* other = b.find(idea);
        REQUIRE(other != nullptr);
        CHECK(stats.by_criterion == other->by_criterion);
        CHECK(stats.raters == other->raters);
        CHECK(stats.consensus == other->consensus);
    }
}

}  // namespace

TEST_CASE("read_summary reads what open() reads, once, and leaves the file and its folder as they were", "[storage][portfolio]") {
    TempDir dir;
    const std::string path = dir.file("w.pilotdeck");
    WorkshopFile::create(path, sample_workshop());
    const std::string before = read_all(path);
    const auto files_before = listing(dir.path());

    const WorkshopFile::Summary summary = WorkshopFile::read_summary(path);
    CHECK(read_all(path) == before);
    CHECK(listing(dir.path()) == files_before);  // no -wal, no -shm

    auto wf = WorkshopFile::open(path, WorkshopFile::Mode::ReadOnly);
    CHECK(summary.workshop == wf->load_without_scores());
    CHECK(summary.workshop.scores.empty());
    require_same_sums(summary.aggregates, wf->load_aggregates());
    CHECK_FALSE(summary.aggregates.all().empty());
}

TEST_CASE("read_summary of a file in use sees its latest commit, and the other connection goes on", "[storage][portfolio]") {
    TempDir dir;
    const std::string path = dir.file("w.pilotdeck");
    core::Workshop ws = sample_workshop();
    auto gui = WorkshopFile::create(path, ws);  // open read-write, as the GUI holds it
    core::Idea renamed = ws.ideas[0];
    renamed.title = "Renamed while the portfolio is read";
    gui->apply(core::PutIdea{renamed, std::nullopt});
    REQUIRE(std::filesystem::exists(path + "-wal"));

    const WorkshopFile::Summary summary = WorkshopFile::read_summary(path);
    CHECK(summary.workshop.ideas[0].title == "Renamed while the portfolio is read");
    renamed.title = "And again";
    gui->apply(core::PutIdea{renamed, std::nullopt});  // still writable: no lock was left behind
    CHECK(WorkshopFile::read_summary(path).workshop.ideas[0].title == "And again");
    gui.reset();
    CHECK(WorkshopFile::check(path).ok);
}

TEST_CASE("read_summary refuses what open() refuses, with the same words, and writes nothing", "[storage][portfolio]") {
    TempDir dir;
    const std::string missing = dir.file("absent.pilotdeck");
    CHECK(storage_error_of([&] { WorkshopFile::read_summary(missing); }) ==
          storage_error_of([&] { WorkshopFile::open(missing, WorkshopFile::Mode::ReadOnly); }));
    const std::string empty = dir.file("empty.pilotdeck");
    write_all(empty, "");
    CHECK(storage_error_of([&] { WorkshopFile::read_summary(empty); }) == empty + ": not a pilotdeck workshop (empty file)");
    const std::string foreign = dir.file("other.sqlite");
    raw_exec(foreign, "CREATE TABLE t(x); INSERT INTO t VALUES (1);");
    const std::string foreign_bytes = read_all(foreign);
    const auto files_before = listing(dir.path());
    CHECK(storage_error_of([&] { WorkshopFile::read_summary(foreign); }) ==
          foreign + ": not a pilotdeck workshop (another SQLite database)");
    CHECK(read_all(foreign) == foreign_bytes);
    CHECK(listing(dir.path()) == files_before);
    // A damaged page among the tables it reads: "damaged", as open() says.
    const std::string damaged = dir.file("damaged.pilotdeck");
    core::Workshop small = sample_workshop();
    small.scores.clear();  // every page belongs to a table read_summary reads
    WorkshopFile::create(damaged, small);
    damage_middle_page(damaged);
    const std::string message = storage_error_of([&] { WorkshopFile::read_summary(damaged); });
    CHECK(message.find(damaged + ": damaged") == 0);
}
