#include "core/followup.hpp"

#include "base/i18n.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>

namespace pilotdeck::core {
namespace {

// The KPIs that AI-adoption programmes measure most (the list), with figures a room
// typically starts from; every preset is edited to the firm's own numbers before it counts.
constexpr std::array<MeasurePreset, 5> kPresets{{
    {"adoption_rate", "Adoption rate", "%", true, 0, 60},
    {"uses_per_user_week", "Uses per user per week", "uses", true, 0, 5},
    {"minutes_per_task", "Minutes per task", "min", false, 30, 15},
    {"feedback_score", "User feedback score (1-5)", "score", true, 3, 4},
    {"ideas_from_users", "New ideas from users", "ideas", true, 0, 5},
}};

}  // namespace

std::span<const MeasurePreset> measure_presets() { return kPresets; }

const MeasurePreset* find_measure_preset(std::string_view id) {
    for (const MeasurePreset& p : kPresets)
        if (p.id == id) return &p;
    return nullptr;
}

Measure measure_from_preset(const MeasurePreset& p) {
    Measure m;
    m.id = std::string(p.id);
    m.label = std::string(p.label);
    m.unit = std::string(p.unit);
    m.up = p.up;
    m.baseline = p.baseline;
    m.target = p.target;
    return m;
}

bool is_real_date(std::string_view s) {
    if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
    int year = 0, month = 0, day = 0;
    const auto number = [&](std::size_t at, std::size_t len, int& out) {
        const auto [end, ec] = std::from_chars(s.data() + at, s.data() + at + len, out);
        return ec == std::errc() && end == s.data() + at + len && s[at] >= '0' && s[at] <= '9';
    };
    if (!number(0, 4, year) || !number(5, 2, month) || !number(8, 2, day)) return false;
    if (year < 1 || month < 1 || month > 12 || day < 1) return false;
    static constexpr std::array<int, 12> kDays{31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    return day <= kDays[static_cast<std::size_t>(month - 1)] + (month == 2 && leap ? 1 : 0);
}

std::string earliest_value_date(const Idea& idea, const std::string& workshop_date) {
    std::string earliest = workshop_date;
    for (const StatusChange& c : idea.status_history)
        if (!c.date.empty() && (earliest.empty() || c.date < earliest)) earliest = c.date;
    return earliest;
}

std::optional<FollowupProblem> followup_problem(const Idea& idea, const std::string& workshop_date) {
    using i18n::N_;
    const auto problem = [](const char* pattern, std::vector<std::string> args) {
        return std::optional<FollowupProblem>(FollowupProblem{pattern, std::move(args)});
    };
    for (const StatusChange& c : idea.status_history)
        if (!is_real_date(c.date)) return problem(N_("a status change needs a date like 2026-11-19, found \"{0}\""), {c.date});
    const std::string earliest = earliest_value_date(idea, workshop_date);
    for (std::size_t i = 0; i < idea.measures.size(); ++i) {
        const Measure& m = idea.measures[i];
        if (!is_valid_id(m.id)) return problem(N_("invalid measure id \"{0}\""), {m.id});
        for (std::size_t j = 0; j < i; ++j)
            if (idea.measures[j].id == m.id) return problem(N_("two measures have the id \"{0}\""), {m.id});
        if (m.label.find_first_not_of(" \t\r\n") == std::string::npos) return problem(N_("a measure needs a label"), {});
        if (!std::isfinite(m.baseline) || !std::isfinite(m.target))
            return problem(N_("measure \"{0}\": baseline and target must be numbers"), {m.label});
        if (m.target == m.baseline) return problem(N_("measure \"{0}\": the target must differ from the baseline"), {m.label});
        for (const MeasureValue& v : m.values) {
            if (!is_real_date(v.date))
                return problem(N_("measure \"{0}\": a value needs a date like 2026-11-19, found \"{1}\""), {m.label, v.date});
            if (!std::isfinite(v.value)) return problem(N_("measure \"{0}\": a value must be a number"), {m.label});
            if (!earliest.empty() && v.date < earliest)
                return problem(N_("measure \"{0}\": the value of {1} is dated before the workshop ({2})"),
                               {m.label, v.date, earliest});
        }
    }
    return std::nullopt;
}

}  // namespace pilotdeck::core
