#include "bench/report_bench.hpp"

#include "base/i18n.hpp"
#include "bench_util.hpp"
#include "core/selection.hpp"
#include "documents/documents.hpp"
#include "report/report.hpp"
#include "storage/workshop_file.hpp"

namespace pilotdeck::bench {

namespace {

// What `pilotdeck report FILE --out PDF` does, without starting a process.
void one_report(const std::string& file, const std::string& pdf) {
    auto wf = storage::WorkshopFile::open(file, storage::WorkshopFile::Mode::ReadOnly);
    const core::Workshop ws = wf->load_without_scores();
    i18n::set_language(i18n::resolve_language(ws.info.language));
    const core::Aggregates agg = wf->load_aggregates();
    const auto results = core::summarize(ws.ideas, ws.criteria, agg);
    const auto sel = core::select_pilots(ws.ideas, results, ws.selection);
    report::write_pdf({ws, results, sel, ws.selection}, pdf);
}

}  // namespace

void report_report(const std::string& workshop_file, const std::filesystem::path& dir, int runs) {
    const std::string demo = (dir / "demo.pilotdeck").string();
    storage::WorkshopFile::create(demo, documents::load_workshop(PILOTDECK_DEMO_DOCUMENT), true);
    const std::string pdf = (dir / "report.pdf").string();
    report("report.demo", measure(runs, [&] { one_report(demo, pdf); }));
    report("report", measure(std::min(runs, 5), [&] { one_report(workshop_file, pdf); }));
}

}  // namespace pilotdeck::bench
