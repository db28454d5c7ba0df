// The report for decision makers (contracts.md section 11) and the CSV of all ideas.
// Depends on core (the numbers) and documents (atomic file writes) only.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "core/model.hpp"
#include "core/selection.hpp"

namespace pilotdeck::report {

// HOOK (other branches): a line printed under a pilot or another idea, after its scores —
// e.g. {"AI Act", "limited risk"}, {"DPIA", "needed"}, {"Obligations", "..."},
// {"Robustness", "robust: stays a pilot in 97 % of ..."}. The caller fills
// them from its own model fields (ai_act, dpia, obligations, robustness verdict) in the
// report's language; the report prints them in the given order and never invents any.
struct ExtraLine {
    std::string label;
    std::string text;
    std::vector<std::string> items = {};  // when not empty: printed one per line under the label (text unused)
};

struct ReportInput {
    const core::Workshop& workshop;  // info, concerns, criteria, participants, ideas; scores are not read
    const std::vector<core::IdeaResult>& results;
    const core::Selection& selection;
    const core::SelectionRules& rules;
    std::map<std::string, std::vector<ExtraLine>> extras = {};  // idea id -> extra lines (HOOK)
    std::vector<std::string> notes = {};  // small print after the rules (e.g. how robustness was computed)
};

// The A4 PDF (fonts embedded) in the current i18n language, as bytes.
std::string render_pdf(const ReportInput& in);

// render_pdf written to `path` atomically. Throws std::runtime_error "PATH: reason" (a missing
// folder is reported before anything is drawn; nothing is left behind on failure).
void write_pdf(const ReportInput& in, const std::string& path);

// Every idea with its aggregates, one row each in ranking order: RFC 4180 (CRLF, fields with
// commas, quotes or line breaks quoted), UTF-8 with a byte order mark. Numbers keep points;
// the reason sentences follow the current i18n language. Columns: see docs/formats.md.
std::string ideas_csv(const ReportInput& in);

}  // namespace pilotdeck::report
