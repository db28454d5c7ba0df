#include "core/model.hpp"

#include <array>
#include <bit>
#include <utility>

namespace pilotdeck::core {

namespace {

template <typename E, std::size_t N>
std::optional<E> lookup(const std::array<std::pair<E, std::string_view>, N>& table, std::string_view s) {
    for (const auto& [value, name] : table)
        if (name == s) return value;
    return std::nullopt;
}

template <typename E, std::size_t N>
std::string_view name_of(const std::array<std::pair<E, std::string_view>, N>& table, E e) {
    for (const auto& [value, name] : table)
        if (value == e) return name;
    return {};
}

constexpr std::array<std::pair<StageKind, std::string_view>, 12> kStageKinds{{
    {StageKind::Intro, "intro"},
    {StageKind::Concerns, "concerns"},
    {StageKind::Ideas, "ideas"},
    {StageKind::Scoring, "scoring"},
    {StageKind::Matrix, "matrix"},
    {StageKind::Shortlist, "shortlist"},
    {StageKind::Teams, "teams"},
    {StageKind::Work, "work"},
    {StageKind::Pitches, "pitches"},
    {StageKind::Judging, "judging"},
    {StageKind::Awards, "awards"},
    {StageKind::Review, "review"},
}};
constexpr std::array<std::pair<Axis, std::string_view>, 3> kAxes{{
    {Axis::Benefit, "benefit"}, {Axis::Risk, "risk"}, {Axis::Visibility, "visibility"}}};
constexpr std::array<std::pair<Role, std::string_view>, 5> kRoles{{
    {Role::User, "user"}, {Role::Champion, "champion"}, {Role::Decider, "decider"}, {Role::Developer, "developer"},
    {Role::Jury, "jury"}}};
constexpr std::array<std::pair<Mode, std::string_view>, 2> kModes{{{Mode::UseCase, "use-case"}, {Mode::Hackathon, "hackathon"}}};
constexpr std::array<std::pair<JudgingMethod, std::string_view>, 2> kJudgingMethods{{
    {JudgingMethod::Criteria, "criteria"}, {JudgingMethod::Pairwise, "pairwise"}}};
constexpr std::array<std::pair<IdeaStatus, std::string_view>, 5> kIdeaStatuses{{
    {IdeaStatus::Proposed, "proposed"}, {IdeaStatus::Pilot, "pilot"}, {IdeaStatus::Scaled, "scaled"},
    {IdeaStatus::Adjusted, "adjusted"}, {IdeaStatus::Stopped, "stopped"}}};
constexpr std::array<std::pair<Pin, std::string_view>, 2> kPins{{{Pin::Include, "include"}, {Pin::Exclude, "exclude"}}};

bool is_lower_alnum(char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); }

}  // namespace

std::string_view to_string(StageKind k) { return name_of(kStageKinds, k); }
std::string_view to_string(Axis a) { return name_of(kAxes, a); }
std::string_view to_string(Role r) { return name_of(kRoles, r); }
std::string_view to_string(Pin p) { return name_of(kPins, p); }
std::optional<StageKind> stage_kind_from(std::string_view s) { return lookup(kStageKinds, s); }
std::optional<Axis> axis_from(std::string_view s) { return lookup(kAxes, s); }
std::optional<Role> role_from(std::string_view s) { return lookup(kRoles, s); }
std::optional<Pin> pin_from(std::string_view s) { return lookup(kPins, s); }
std::string_view to_string(Mode m) { return name_of(kModes, m); }
std::string_view to_string(JudgingMethod m) { return name_of(kJudgingMethods, m); }
std::string_view to_string(IdeaStatus s) { return name_of(kIdeaStatuses, s); }
std::optional<Mode> mode_from(std::string_view s) { return lookup(kModes, s); }
std::optional<JudgingMethod> judging_method_from(std::string_view s) { return lookup(kJudgingMethods, s); }
std::optional<IdeaStatus> idea_status_from(std::string_view s) { return lookup(kIdeaStatuses, s); }

bool is_valid_id(std::string_view id) {
    if (id.empty() || id.size() > 64) return false;
    for (char c : id)
        if (!is_lower_alnum(c) && c != '-' && c != '_') return false;
    return true;
}

bool is_valid_template_id(std::string_view id) {
    if (id.empty() || id.size() > 64) return false;
    for (char c : id)
        if (!is_lower_alnum(c) && c != '-') return false;
    return true;
}

Workshop workshop_from_template(const Template& t, const std::string& title) {
    Workshop ws;
    ws.info.title = title.empty() ? t.name : title;
    ws.info.language = t.language;
    ws.info.template_id = t.id;
    ws.stages = t.stages;
    ws.concerns = t.concerns;
    for (auto& c : ws.concerns) c.count = 0;
    ws.criteria = t.criteria;
    ws.selection = t.selection;
    ws.mode = t.mode;
    ws.pitching = t.pitching;
    ws.judging = t.judging;
    ws.awards = t.awards;
    return ws;
}

std::optional<std::size_t> screening_question_index(std::string_view id) {
    for (std::size_t i = 0; i < kScreeningQuestions.size(); ++i)
        if (kScreeningQuestions[i] == id) return i;
    return std::nullopt;
}

std::optional<bool> ScreeningAnswers::get(std::string_view id) const {
    const auto i = screening_question_index(id);
    if (!i) return std::nullopt;
    const std::uint64_t bit = std::uint64_t{1} << *i;
    if ((answered & bit) == 0) return std::nullopt;
    return (yes & bit) != 0;
}

bool ScreeningAnswers::set(std::string_view id, std::optional<bool> answer) {
    const auto i = screening_question_index(id);
    if (!i) return false;
    const std::uint64_t bit = std::uint64_t{1} << *i;
    answered &= ~bit;
    yes &= ~bit;
    if (answer) {
        answered |= bit;
        if (*answer) yes |= bit;
    }
    return true;
}

std::size_t ScreeningAnswers::size() const { return static_cast<std::size_t>(std::popcount(answered)); }

}  // namespace pilotdeck::core
