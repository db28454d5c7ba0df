// The follow-up of ideas after the workshop (contracts 12): the rules a status history and the
// measures of a pilot must keep, and the usual AI-adoption KPIs as presets. No I/O.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <vector>
#include <string_view>

#include "core/model.hpp"

namespace pilotdeck::core {

// A KPI a facilitator can pick instead of typing one: id, label, unit and direction, with a
// suggested baseline and target the room then changes to its own figures.
struct MeasurePreset {
    std::string_view id;
    std::string_view label;  // English; the i18n work wraps these
    std::string_view unit;
    bool up = true;
    double baseline = 0;
    double target = 0;
};
std::span<const MeasurePreset> measure_presets();
const MeasurePreset* find_measure_preset(std::string_view id);
// A new measure from a preset (values empty).
Measure measure_from_preset(const MeasurePreset& p);

// The earliest date a measure value of `idea` may carry: the workshop's date, or the idea's first
// recorded status change when that is earlier (a pilot carried over from an earlier workshop
// keeps the values measured since it began). Empty: no bound (a workshop without a date).
std::string earliest_value_date(const Idea& idea, const std::string& workshop_date);

// What is wrong with the follow-up of `idea` in a workshop dated `workshop_date`, or nullopt:
// measure ids valid and unique, labels present, target different from baseline, finite numbers,
// real dates, no value dated before earliest_value_date, history dates real. The sentence is an
// English catalogue id with {0}, {1}... and its values, so that it can be told in the room's
// language (CommandError translates it).
struct FollowupProblem {
    const char* pattern;
    std::vector<std::string> args;
};
std::optional<FollowupProblem> followup_problem(const Idea& idea, const std::string& workshop_date);

// "YYYY-MM-DD" and a real calendar day.
bool is_real_date(std::string_view s);

// The status an idea has (absent = proposed).
inline IdeaStatus status_of(const Idea& idea) { return idea.status.value_or(IdeaStatus::Proposed); }

}  // namespace pilotdeck::core
