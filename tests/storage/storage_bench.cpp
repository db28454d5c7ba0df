// Times the workshop file on a big workshop: storage_bench [FOLDER] [IDEAS RATERS CRITERIA].
#include <chrono>
#include <ctime>
#include <cstdio>
#include <filesystem>
#include <string>

#include <sqlite3.h>

#include "storage/schema.hpp"
#include "storage/sqlite.hpp"
#include "storage/workshop_file.hpp"
#include "storage_fixtures.hpp"

using namespace pilotdeck;
using Clock = std::chrono::steady_clock;

namespace {
// Wall time; the CPU time of the process is printed beside it, a better guess of the wall time
// on an idle machine when other processes compete for the cores (for CPU-bound steps).
template <class F>
double seconds(F&& f) {
    auto start = Clock::now();
    std::clock_t cpu = std::clock();
    f();
    std::fprintf(stdout, "[cpu %6.3f s] ", static_cast<double>(std::clock() - cpu) / CLOCKS_PER_SEC);
    return std::chrono::duration<double>(Clock::now() - start).count();
}
}  // namespace

int main(int argc, char** argv) {
    std::string folder = argc > 1 ? argv[1] : std::filesystem::temp_directory_path().string();
    int ideas = argc > 4 ? std::stoi(argv[2]) : 10000, raters = argc > 4 ? std::stoi(argv[3]) : 50,
        criteria = argc > 4 ? std::stoi(argv[4]) : 9;
    std::string path = (std::filesystem::path(folder) / "storage_bench.pilotdeck").string();
    std::setvbuf(stdout, nullptr, _IOLBF, 0);  // each figure as soon as it is measured
    try {
        auto ws = test::big_workshop(ideas, raters, criteria);
        std::printf("workshop: %d ideas x %d raters x %d criteria = %zu scores\n", ideas, raters, criteria, ws.scores.size());
        std::printf("create (overwrite):          %8.3f s\n", seconds([&] { storage::WorkshopFile::create(path, ws, true); }));
        std::printf("file size:                   %8.1f MB\n", static_cast<double>(std::filesystem::file_size(path)) / 1e6);
        std::printf("quick_check alone:           %8.3f s\n", seconds([&] {
                        storage::sqlite::Database db(path, SQLITE_OPEN_READONLY);
                        storage::schema::integrity_problems(db, false, 1);
                    }));
        std::unique_ptr<storage::WorkshopFile> file;
        std::printf("open read-only (quick_check):%8.3f s\n",
                    seconds([&] { file = storage::WorkshopFile::open(path, storage::WorkshopFile::Mode::ReadOnly); }));
        std::printf("load_without_scores:         %8.3f s\n", seconds([&] { file->load_without_scores(); }));
        std::printf("load_aggregates:             %8.3f s\n", seconds([&] { file->load_aggregates(); }));
        std::printf("load (all scores):           %8.3f s\n", seconds([&] { file->load(); }));
        file.reset();
        std::printf("shortlist inputs (open read-only, load_without_scores, load_aggregates): %.3f s\n", seconds([&] {
                        auto f = storage::WorkshopFile::open(path, storage::WorkshopFile::Mode::ReadOnly);
                        f->load_without_scores();
                        f->load_aggregates();
                    }));
        std::printf("open read-write:             %8.3f s\n", seconds([&] { file = storage::WorkshopFile::open(path); }));
        std::printf("SetScore change, committed:  %8.3f ms\n",
                    1000 * seconds([&] { file->apply(core::SetScore{"i7", "p3", "c2", 1}); }));
        std::printf("SetScore clear, committed:   %8.3f ms\n",
                    1000 * seconds([&] { file->apply(core::SetScore{"i7", "p3", "c2", std::nullopt}); }));
        std::printf("SetScore add, committed:     %8.3f ms\n",
                    1000 * seconds([&] { file->apply(core::SetScore{"i7", "p3", "c2", 4}); }));
        file.reset();
        storage::CheckReport report;
        std::printf("check:                       %8.3f s (%s)\n", seconds([&] { report = storage::WorkshopFile::check(path); }),
                    report.ok ? "ok" : report.problems.front().c_str());
    } catch (const std::exception& e) {
        std::fprintf(stderr, "storage_bench: %s\n", e.what());
        return 1;
    }
    std::filesystem::remove(path);
    return 0;
}
