// Words and numbers of the report and the CSV, for people, in the current i18n language.
#pragma once

#include <string>
#include <vector>

#include "report/report.hpp"

namespace pilotdeck::report {

// "2026-11-19" -> "19 November 2026" / "19 november 2026" / "19. November 2026"; other text as it is.
std::string date_for_people(const std::string& iso_date);
const char* quadrant_name(core::Quadrant q);
const char* axis_name(core::Axis a);
// proposed, pilot, scaled, adjusted, stopped (contracts 12) in the current language.
const char* status_name(core::IdeaStatus s);
// The owner's name, or "not named".
std::string owner_name(const core::Workshop& ws, const core::Idea& idea);
// "Benefit 4,25 (spread 0,52) · Risk 1,90 (spread 0,35) · Visibility 4,31 (spread 0,70)".
std::string axis_scores_line(const std::vector<core::Criterion>& criteria, const core::IdeaResult& r);
// One line per scored criterion: "Time saved: 4,33, spread 0,52, 6 raters".
std::vector<std::string> criterion_lines(const std::vector<core::Criterion>& criteria, const core::IdeaResult& r);
// One line per measure of a pilot (contracts 12): "Reply time: baseline 8 h, target 4 h, latest 5,5 h (2026-12-10)".
std::vector<std::string> measure_lines(const core::Idea& idea);
// numbers[r] = the place of results[r] in the ranking (1 = best).
std::vector<int> ranking_numbers(const ReportInput& in);

}  // namespace pilotdeck::report
