// The workshop domain: plain values, no I/O. Shared by the GUI, the CLI and storage.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace pilotdeck::core {

enum class StageKind { Intro, Concerns, Ideas, Scoring, Matrix, Shortlist };
enum class Axis { Benefit, Risk, Visibility };
enum class Role { User, Champion, Decider, Developer };
enum class Pin { Include, Exclude };

// Text names as used in the JSON documents (contracts.md).
std::string_view to_string(StageKind k);
std::string_view to_string(Axis a);
std::string_view to_string(Role r);
std::string_view to_string(Pin p);
std::optional<StageKind> stage_kind_from(std::string_view s);
std::optional<Axis> axis_from(std::string_view s);
std::optional<Role> role_from(std::string_view s);
std::optional<Pin> pin_from(std::string_view s);

struct Stage {
    std::string id;
    StageKind kind = StageKind::Intro;
    std::string title;
    int minutes = 0;
    std::string goal;
    std::vector<std::string> prompts;
    bool operator==(const Stage&) const = default;
};

struct Concern {
    std::string id;
    std::string label;
    std::string response;
    int count = 0;
    bool operator==(const Concern&) const = default;
};

struct Criterion {
    std::string id;
    std::string label;
    Axis axis = Axis::Benefit;
    double weight = 1.0;
    int min = 1;
    int max = 5;
    std::string help;
    std::map<int, std::string> levels;  // level value -> what it means
    bool operator==(const Criterion&) const = default;
};

struct SelectionRules {
    double max_risk = 2.5;
    double min_visibility = 3.5;
    int min_raters = 3;
    int size = 3;
    int max_per_department = 1;
    bool operator==(const SelectionRules&) const = default;
};

struct Template {
    std::string id;
    std::string name;
    std::string language;
    std::string description;
    std::vector<Stage> stages;
    std::vector<Concern> concerns;  // count is always 0 in a template
    std::vector<Criterion> criteria;
    SelectionRules selection;
};

struct Participant {
    std::string id;
    std::string name;
    std::string department;
    Role role = Role::User;
    bool operator==(const Participant&) const = default;
};

struct Decision {
    Pin pin = Pin::Include;
    std::string reason;
    bool operator==(const Decision&) const = default;
};

struct Idea {
    std::string id;
    std::string title;
    std::string problem;
    std::string solution;
    std::string department;
    std::string owner;  // participant id, or empty
    std::string success_criteria;
    std::optional<Decision> decision;
    bool operator==(const Idea&) const = default;
};

struct Score {
    std::string idea;
    std::string rater;
    std::string criterion;
    int value = 0;
    bool operator==(const Score&) const = default;
};

struct WorkshopInfo {
    std::string title;
    std::string organisation;
    std::string date;  // YYYY-MM-DD or empty
    std::string facilitator;
    std::string language;
    std::string template_id;
    bool operator==(const WorkshopInfo&) const = default;
};

// The whole workshop as the documents describe it (contracts.md section 3).
struct Workshop {
    WorkshopInfo info;
    std::vector<Stage> stages;
    std::vector<Concern> concerns;
    std::vector<Criterion> criteria;
    SelectionRules selection;
    std::vector<Participant> participants;
    std::vector<Idea> ideas;
    std::vector<Score> scores;
    bool operator==(const Workshop&) const = default;
};

// A fresh workshop from a template: stages, concerns, criteria and rules copied.
Workshop workshop_from_template(const Template& t, const std::string& title);

// Valid ids: lower-case letters, digits, '-' and '_' (criteria use snake_case), 1..64 chars.
bool is_valid_id(std::string_view id);
// Template ids: lower-case letters, digits and '-' only.
bool is_valid_template_id(std::string_view id);

}  // namespace pilotdeck::core
