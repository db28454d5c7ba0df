// One organisation's workshops over months as one portfolio (contracts 12): the workshops in date
// order, the worries' trend across pulse-checks, every idea with its status, every pilot with its
// progress. Pure: the workshops are read elsewhere.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/model.hpp"
#include "core/selection.hpp"

namespace pilotdeck::core {

// One workshop as read, with its axis scores (summarize()) and where it came from.
struct PortfolioSource {
    std::string name;  // the file as given, for messages
    Workshop workshop;
    std::vector<IdeaResult> results;  // one per idea, same order
};

struct PortfolioWorkshop {
    std::string title, organisation, date;
    std::size_t participants = 0, ideas = 0, pilots = 0;
};
struct TrendPoint {
    std::size_t workshop = 0;  // index into workshops
    std::string date;
    std::optional<double> share;  // 3 decimals; nullopt when the workshop has no participants
};
struct WorryTrend {
    std::string concern, label;  // label: from the latest workshop that has the concern
    std::vector<TrendPoint> trend;
};
struct PortfolioIdea {
    std::size_t workshop = 0;
    std::string idea, title, department;
    IdeaStatus status = IdeaStatus::Proposed;
    std::optional<double> benefit, risk, visibility;  // 2 decimals, as the shortlist
    std::string ai_act;  // contracts 7: prohibited, high-risk, unassessed, limited, minimal
};
struct PortfolioMeasure {
    std::string id, label, unit;
    double baseline = 0, target = 0;
    bool up = true;
    std::optional<double> latest;
    std::string latest_date;
    std::optional<double> progress;  // 3 decimals
};
struct PortfolioPilot {
    std::size_t workshop = 0;
    std::string idea, title;
    IdeaStatus status = IdeaStatus::Pilot;
    std::vector<PortfolioMeasure> measures;
    // For the report (not in the portfolio document): the latest decision (status change) and
    // the latest words of the users heard at a review, with the date of that review.
    std::optional<StatusChange> decision;
    std::string users_say, users_say_date;
};
struct Portfolio {
    std::vector<PortfolioWorkshop> workshops;  // date order (undated last), ties in the order given
    std::vector<WorryTrend> worries;           // in order of first appearance
    std::vector<PortfolioIdea> ideas;          // by workshop, then the workshop's idea order
    std::vector<PortfolioPilot> pilots;        // every idea whose status is not proposed
};

// Two sources that are the same workshop (same organisation, title and date): the index of the
// later one and of the one it repeats, or nullopt.
std::optional<std::pair<std::size_t, std::size_t>> repeated_workshop(const std::vector<PortfolioSource>& sources);

Portfolio build_portfolio(const std::vector<PortfolioSource>& sources);

// contracts 7's class from the screening answers (no answers: unassessed).
std::string ai_act_class(const std::optional<Assessment>& a);

}  // namespace pilotdeck::core
