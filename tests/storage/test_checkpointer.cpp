// The write-ahead log folded into the file by a thread of its own (storage/checkpointer.hpp):
// the phone server and the window turn it on so that no commit waits for a checkpoint.
#include <catch2/catch.hpp>

#include <chrono>
#include <filesystem>
#include <thread>

#include "storage/workshop_file.hpp"
#include "storage_fixtures.hpp"
#include "support/temp_dir.hpp"

using namespace pilotdeck;
using storage::WorkshopFile;
using test::TempDir;

namespace {

core::Idea long_idea(int k) {
    core::Idea idea;
    idea.id = "long" + std::to_string(k);
    idea.title = "Idea " + std::to_string(k);
    idea.problem = std::string(3000, static_cast<char>('a' + k % 26));  // a few pages each, with the index
    return idea;
}

std::uintmax_t size_of(const std::string& path) {
    std::error_code ec;
    const auto n = std::filesystem::file_size(path, ec);
    return ec ? 0 : n;
}

}  // namespace

TEST_CASE("the write-ahead log is folded into the file by a thread of its own, and nothing is lost") {
    TempDir dir;
    const std::string path = dir.file("w.pilotdeck");
    WorkshopFile::create(path, test::sample_workshop());
    auto f = WorkshopFile::open(path);
    f->fold_log_in_background();
    const auto before = size_of(path);
    constexpr int kIdeas = 120;
    for (int k = 0; k < kIdeas; ++k) f->apply(core::PutIdea{long_idea(k), std::nullopt});
    // Fewer pages than SQLite's own mark (1,000): without the background fold, the main file
    // would not change until the file is closed.
    const auto log = size_of(path + "-wal");
    REQUIRE(log > 300 * 4096);
    REQUIRE(log < 900 * 4096);
    // The fold runs on its own thread: wait for it (a bound for a broken build, not a timing).
    const auto until = std::chrono::steady_clock::now() + std::chrono::seconds(20);
    while (size_of(path) <= before && std::chrono::steady_clock::now() < until)
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    CHECK(size_of(path) > before);  // pages folded in while the file is open

    // Edits go on while it folds, and everything is there after closing and opening again.
    for (int k = kIdeas; k < kIdeas + 20; ++k) f->apply(core::PutIdea{long_idea(k), std::nullopt});
    f.reset();
    CHECK_FALSE(std::filesystem::exists(path + "-wal"));  // the last connection folded the rest and removed it
    const core::Workshop ws = WorkshopFile::open(path, WorkshopFile::Mode::ReadOnly)->load();
    int found = 0;
    for (const auto& idea : ws.ideas)
        if (idea.id.rfind("long", 0) == 0) {
            ++found;
            CHECK(idea.problem.size() == 3000);
        }
    CHECK(found == kIdeas + 20);
    CHECK(WorkshopFile::check(path).ok);
}

TEST_CASE("a file opened read-only has nothing to fold") {
    TempDir dir;
    const std::string path = dir.file("w.pilotdeck");
    WorkshopFile::create(path, test::sample_workshop());
    auto f = WorkshopFile::open(path, WorkshopFile::Mode::ReadOnly);
    f->fold_log_in_background();  // no thread, no second connection
    CHECK(f->load().ideas.size() == test::sample_workshop().ideas.size());
}
