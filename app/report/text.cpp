#include "report/text.hpp"

#include <algorithm>
#include <cmath>
#include <optional>

#include "base/i18n.hpp"

namespace pilotdeck::report {

std::string date_for_people(const std::string& iso_date) {
    static const char* const kMonths[] = {
        i18n::N_("January"), i18n::N_("February"), i18n::N_("March"),     i18n::N_("April"),
        i18n::N_("May"),     i18n::N_("June"),     i18n::N_("July"),      i18n::N_("August"),
        i18n::N_("September"), i18n::N_("October"), i18n::N_("November"), i18n::N_("December")};
    if (iso_date.size() != 10 || iso_date[4] != '-' || iso_date[7] != '-') return iso_date;
    int year = 0, month = 0, day = 0;
    try {
        year = std::stoi(iso_date.substr(0, 4));
        month = std::stoi(iso_date.substr(5, 2));
        day = std::stoi(iso_date.substr(8, 2));
    } catch (const std::exception&) {
        return iso_date;
    }
    if (month < 1 || month > 12 || day < 1 || day > 31) return iso_date;
    // TRANSLATORS: a date: {0} day, {1} month name, {2} year (German: "{0}. {1} {2}").
    return i18n::format(i18n::tr("{0} {1} {2}"), {std::to_string(day), i18n::tr(kMonths[month - 1]), std::to_string(year)});
}

const char* quadrant_name(core::Quadrant q) {
    switch (q) {
        case core::Quadrant::QuickWin: return i18n::tr("quick win");
        case core::Quadrant::Strategic: return i18n::tr("strategic bet");
        case core::Quadrant::FillIn: return i18n::tr("fill-in");
        case core::Quadrant::Avoid: return i18n::tr("avoid");
    }
    return "";
}

const char* axis_name(core::Axis a) {
    switch (a) {
        case core::Axis::Benefit: return i18n::tr("Benefit");
        case core::Axis::Risk: return i18n::tr("Risk");
        case core::Axis::Visibility: return i18n::tr("Visibility");
    }
    return "";
}

const char* status_name(core::IdeaStatus s) {
    switch (s) {
        case core::IdeaStatus::Proposed: return i18n::tr("proposed");
        case core::IdeaStatus::Pilot: return i18n::tr("pilot");
        case core::IdeaStatus::Scaled: return i18n::tr("scaled");
        case core::IdeaStatus::Adjusted: return i18n::tr("adjusted");
        case core::IdeaStatus::Stopped: return i18n::tr("stopped");
    }
    return "";
}

std::string owner_name(const core::Workshop& ws, const core::Idea& idea) {
    if (idea.owner.empty()) return i18n::tr("not named");
    for (const auto& p : ws.participants)
        if (p.id == idea.owner) return p.name.empty() ? p.id : p.name;
    return idea.owner;
}

std::string axis_scores_line(const std::vector<core::Criterion>& criteria, const core::IdeaResult& r) {
    std::string out;
    const std::pair<core::Axis, const std::optional<double>*> axes[] = {
        {core::Axis::Benefit, &r.benefit}, {core::Axis::Risk, &r.risk}, {core::Axis::Visibility, &r.visibility}};
    for (const auto& [axis, score] : axes) {
        if (!out.empty()) out += " · ";
        if (!*score) {
            out += i18n::format(i18n::tr("{0} not scored"), {axis_name(axis)});
            continue;
        }
        double spread = 0;
        for (const auto& cs : r.criteria) {
            const auto c = std::find_if(criteria.begin(), criteria.end(),
                                        [&](const core::Criterion& k) { return k.id == cs.criterion; });
            if (c != criteria.end() && c->axis == axis) spread = std::max(spread, cs.sd);
        }
        // TRANSLATORS: {0} an axis (Benefit), {1} its score, {2} the largest standard deviation of its criteria.
        out += i18n::format(i18n::tr("{0} {1} (spread {2})"), {axis_name(axis), i18n::number(**score), i18n::number(spread)});
    }
    return out;
}

std::vector<std::string> criterion_lines(const std::vector<core::Criterion>& criteria, const core::IdeaResult& r) {
    std::vector<std::string> lines;
    for (const auto& cs : r.criteria) {
        const auto c = std::find_if(criteria.begin(), criteria.end(),
                                    [&](const core::Criterion& k) { return k.id == cs.criterion; });
        const std::string label = c != criteria.end() ? c->label : cs.criterion;
        lines.push_back(i18n::format(
            i18n::ntr("{0}: {1}, spread {2}, {3} rater", "{0}: {1}, spread {2}, {3} raters", static_cast<unsigned long>(std::max(cs.n, 0))),
            {label, i18n::number(cs.mean), i18n::number(cs.sd), std::to_string(cs.n)}));
    }
    return lines;
}

namespace {

// A measured value for people: whole numbers without decimals, others with up to 2.
std::string amount(double v, const std::string& unit) {
    const bool whole = std::abs(v - std::round(v)) < 0.005;
    std::string out = i18n::number(v, whole ? 0 : 2);
    if (!whole && out.size() > 1 && out.back() == '0') out.pop_back();
    return unit.empty() ? out : out + " " + unit;
}

}  // namespace

std::vector<std::string> measure_lines(const core::Idea& idea) {
    std::vector<std::string> lines;
    for (const auto& m : idea.measures) {
        // TRANSLATORS: {0} a measure's name, {1} where it started, {2} the aim (both with their unit).
        std::string line = i18n::format(i18n::tr("{0}: baseline {1}, target {2}"),
                                        {m.label.empty() ? m.id : m.label, amount(m.baseline, m.unit), amount(m.target, m.unit)});
        if (!m.values.empty()) {
            const auto& last = m.values.back();
            line += i18n::format(i18n::tr(", latest {0} ({1})"), {amount(last.value, m.unit), date_for_people(last.date)});
        }
        lines.push_back(line);
    }
    return lines;
}

std::vector<int> ranking_numbers(const ReportInput& in) {
    const std::vector<std::size_t> order = core::rank(in.workshop.ideas, in.results);
    std::vector<int> numbers(in.results.size(), 0);
    for (std::size_t i = 0; i < order.size(); ++i) numbers[order[i]] = static_cast<int>(i) + 1;
    return numbers;
}

}  // namespace pilotdeck::report
