// pilotdeck-bench: builds a synthetic workshop of a chosen size and measures the operations a
// facilitator waits for. Prints one JSON object per line: name, median_ms, p95_ms, runs and,
// where a baseline is measured in the same run, baseline_median_ms and ratio.
#include <CLI/CLI.hpp>
#include <sqlite3.h>
#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <functional>
#include <iostream>
#include <nlohmann/json.hpp>
#include <optional>
#include <stdexcept>

#include "bench/report_bench.hpp"
#include "bench_util.hpp"
#include "core/selection.hpp"
#include "core/session.hpp"
#include "documents/documents.hpp"
#include "storage/workshop_file.hpp"
#include "synthetic.hpp"

namespace fs = std::filesystem;
using namespace pilotdeck;
using bench::measure;
using bench::report;
using bench::Stats;

namespace {

void exec(sqlite3* db, const char* sql) {
    char* err = nullptr;
    if (sqlite3_exec(db, sql, nullptr, nullptr, &err) != SQLITE_OK) {
        std::string msg = err ? err : "?";
        sqlite3_free(err);
        throw std::runtime_error(msg);
    }
}

// The baseline for score_commit: a bare INSERT in its own transaction, same disk, same pragmas.
class BareSqlite {
public:
    explicit BareSqlite(const fs::path& dir) {
        const std::string path = (dir / "baseline.sqlite").string();
        if (sqlite3_open(path.c_str(), &db_) != SQLITE_OK) throw std::runtime_error("cannot open baseline db");
        exec(db_, "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON;"
                  "CREATE TABLE IF NOT EXISTS score(idea INTEGER, rater INTEGER, criterion INTEGER, value INTEGER,"
                  " PRIMARY KEY(idea, rater, criterion)) WITHOUT ROWID;");
        sqlite3_prepare_v2(db_, "INSERT OR REPLACE INTO score VALUES (?, ?, ?, ?)", -1, &insert_, nullptr);
    }
    ~BareSqlite() {
        sqlite3_finalize(insert_);
        sqlite3_close(db_);
    }
    void commit_one(int i) {
        exec(db_, "BEGIN IMMEDIATE");
        sqlite3_bind_int(insert_, 1, i % 97);
        sqlite3_bind_int(insert_, 2, i % 13);
        sqlite3_bind_int(insert_, 3, i % 9);
        sqlite3_bind_int(insert_, 4, 1 + i % 5);
        sqlite3_step(insert_);
        sqlite3_reset(insert_);
        exec(db_, "COMMIT");
    }

private:
    sqlite3* db_ = nullptr;
    sqlite3_stmt* insert_ = nullptr;
};

long peak_rss_mb() {
    rusage ru{};
    getrusage(RUSAGE_SELF, &ru);
    return ru.ru_maxrss / 1024;
}

}  // namespace

int main(int argc, char** argv) {
    CLI::App app{"pilotdeck-bench: measures pilotdeck on a synthetic workshop", "pilotdeck-bench"};
    int ideas = 1000, raters = 30, criteria = 9, runs = 21;
    std::string dir_arg, only;
    app.add_option("--ideas", ideas, "Number of ideas")->check(CLI::Range(1, 1000000));
    app.add_option("--raters", raters, "Number of raters")->check(CLI::Range(1, 10000));
    app.add_option("--criteria", criteria, "Number of criteria")->check(CLI::Range(3, 60));
    app.add_option("--runs", runs, "Repetitions for the quick measures")->check(CLI::Range(3, 100000));
    app.add_option("--dir", dir_arg, "Folder for the files (default: a new temporary folder)");
    app.add_option("--only", only, "Comma-separated measure names to run (default: all)");
    CLI11_PARSE(app, argc, argv);
    auto wanted = [&](const std::string& name) {
        return only.empty() || ("," + only + ",").find("," + name + ",") != std::string::npos;
    };

    fs::path dir = dir_arg.empty() ? fs::temp_directory_path() / ("pilotdeck-bench-" + std::to_string(getpid())) : fs::path(dir_arg);
    fs::create_directories(dir);
    try {
        if (wanted("portfolio")) bench::report_portfolio(dir, std::min(runs, 11));
        if (only == "portfolio") {
            if (dir_arg.empty()) fs::remove_all(dir);
            return 0;
        }
        const core::Workshop ws = bench::synthetic_workshop(ideas, raters, criteria);
        std::cerr << "workshop: " << ideas << " ideas x " << raters << " raters x " << criteria << " criteria = "
                  << ws.scores.size() << " scores, in " << dir << "\n";
        const std::string doc_path = (dir / "workshop.json").string();
        const std::string file = (dir / "workshop.pilotdeck").string();
        documents::write_file_atomic(doc_path, documents::write_workshop(ws, true));

        const int slow_runs = ws.scores.size() > 1000000 ? 3 : 5;
        Stats import = measure(slow_runs, [&] {
            const core::Workshop parsed = documents::load_workshop(doc_path);
            storage::WorkshopFile::create(file, parsed, true);
        });
        if (wanted("import")) report("import", import);

        if (wanted("selection")) {
            const core::Aggregates agg = core::Aggregates::from_scores(ws.scores);
            report("selection", measure(runs, [&] {
                       const auto results = core::summarize(ws.ideas, ws.criteria, agg);
                       const auto sel = core::select_pilots(ws.ideas, results, ws.selection);
                       if (sel.pilots.size() > ws.ideas.size()) std::abort();
                   }));
        }
        if (wanted("shortlist")) {
            report("shortlist", measure(runs, [&] {
                       auto wf = storage::WorkshopFile::open(file, storage::WorkshopFile::Mode::ReadOnly);
                       const core::Workshop meta = wf->load_without_scores();
                       const core::Aggregates agg = wf->load_aggregates();
                       const auto results = core::summarize(meta.ideas, meta.criteria, agg);
                       const auto sel = core::select_pilots(meta.ideas, results, meta.selection);
                       const std::string out = documents::write_shortlist({meta, results, sel, meta.selection});
                       if (out.empty()) std::abort();
                   }));
        }
        if (wanted("export")) {
            report("export", measure(slow_runs, [&] {
                       auto wf = storage::WorkshopFile::open(file, storage::WorkshopFile::Mode::ReadOnly);
                       documents::write_file_atomic((dir / "export.json").string(), documents::write_workshop(wf->load()));
                   }));
        }
        if (wanted("open")) {
            report("open", measure(slow_runs, [&] {
                       auto wf = storage::WorkshopFile::open(file, storage::WorkshopFile::Mode::ReadWrite);
                       core::Session session(wf->load(), wf->current_stage(), wf.get());
                       if (session.results().size() != ws.ideas.size()) std::abort();
                   }));
        }
        if (wanted("score_commit")) {
            // Ours and the baseline alternate, so both see the same disk at the same moments.
            auto wf = storage::WorkshopFile::open(file, storage::WorkshopFile::Mode::ReadWrite);
            BareSqlite bare(dir);
            const int n = std::max(runs, 50);
            int i = 0, j = 0;
            std::vector<double> ours, theirs;
            for (int k = 0; k < n; ++k) {
                ours.push_back(measure(1, [&] {
                    const core::Score& s = ws.scores[static_cast<std::size_t>(i) * 7919 % ws.scores.size()];
                    wf->apply(core::SetScore{s.idea, s.rater, s.criterion, 1 + (s.value + i) % 5});
                    ++i;
                }).median);
                theirs.push_back(measure(1, [&] { bare.commit_one(j++); }).median);
            }
            report("score_commit", bench::summarize(ours), bench::summarize(theirs));
        }
        if (wanted("report")) bench::report_report(file, dir, runs);
        if (wanted("crowd_bt")) bench::report_crowd_bt(runs);
        if (wanted("robustness")) bench::report_robustness(ws, PILOTDECK_BENCH_DEMO, runs);
        if (wanted("selection.screened")) bench::report_screening(ws, runs);
#ifdef PILOTDECK_BENCH_UI
        if (wanted("ui_frame")) bench::report_ui_frames(file, runs);
        if (wanted("first_frame")) bench::report_first_frame(file, dir.string(), std::min(runs, 11));
#endif
#ifdef PILOTDECK_BENCH_PHONES
        if (wanted("phones")) bench::report_phones(dir, 3);  // 3 rounds of 60 phones x 180 votes per mode
        if (wanted("phones_scale")) bench::report_phones_scale(dir);  // 60, 300, 500 phones; 500 with 8,000 tokens
        if (wanted("phones_judging")) bench::report_phones_judging(dir);  // 300 jury phones comparing pairs
#endif
        nlohmann::ordered_json mem;
        mem["name"] = "peak_rss";
        mem["mb"] = peak_rss_mb();
        std::cout << mem.dump() << std::endl;
    } catch (const std::exception& e) {
        std::cerr << "pilotdeck-bench: " << e.what() << "\n";
        if (dir_arg.empty()) fs::remove_all(dir);
        return 1;
    }
    if (dir_arg.empty()) fs::remove_all(dir);
    return 0;
}
