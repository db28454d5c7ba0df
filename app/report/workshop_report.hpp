// The report of one workshop file, as `pilotdeck report` and the GUI's File > Export report write
// it: the workshop's aggregates and shortlist, each idea's screening (AI Act class, DPIA verdict),
// each pilot's obligations (from the shipped catalogue) and robustness verdict. See docs/formats.md
// "Report: obligations and robustness".
#pragma once

#include <functional>
#include <string>
#include <string_view>

#include "core/model.hpp"
#include "core/robustness.hpp"
#include "core/screening.hpp"
#include "report/report.hpp"

namespace pilotdeck::report {

// The robustness run behind the report's verdicts: `pilotdeck robustness`'s defaults, so that the
// report and `pilotdeck robustness FILE` always agree.
inline constexpr int kReportSamples = 10000;
inline constexpr std::uint64_t kReportSeed = 1;
inline constexpr double kReportConcentration = 50;

struct WorkshopReportOptions {
    // The shipped obligations (assets/ai-act-obligations.json); null: no obligations listed.
    const core::ObligationCatalogue* obligations = nullptr;
    // Called with the workshop's `language` once it is read, before any sentence is made (the
    // command line follows it unless --lang was given). May be empty.
    std::function<void(std::string_view)> on_language = {};
};

// The shipped catalogue of obligations: $PILOTDECK_ASSETS/ai-act-obligations.json, else
// <executable>/../share/pilotdeck/assets/, else the source tree's assets/ (as the CLI finds it).
std::string shipped_obligations_path();

// Reads workshop file `file` (read-only) and writes its report to `out` atomically. Throws
// std::runtime_error "PATH: reason"; writes nothing on failure.
void write_workshop_report(const std::string& file, const std::string& out, const WorkshopReportOptions& options);

// The extra lines of one idea (screening; for a pilot also its obligations and robustness, and for
// an uncertain or fragile pilot what it depends on: a criterion's weight by name, a rater never by
// name — the report names no rater), in the current language. `robust` is null when no verdict
// was computed; `criteria` are the workshop's (RobustnessDependence::criterion indexes them).
std::vector<ExtraLine> idea_lines(const core::Idea& idea, bool pilot, const core::IdeaRobustness* robust,
                                  int samples, const core::ObligationCatalogue* obligations,
                                  const std::vector<core::Criterion>& criteria = {});

}  // namespace pilotdeck::report
