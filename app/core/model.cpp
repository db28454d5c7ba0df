#include "core/model.hpp"

#include <array>
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

constexpr std::array<std::pair<StageKind, std::string_view>, 6> kStageKinds{{
    {StageKind::Intro, "intro"},
    {StageKind::Concerns, "concerns"},
    {StageKind::Ideas, "ideas"},
    {StageKind::Scoring, "scoring"},
    {StageKind::Matrix, "matrix"},
    {StageKind::Shortlist, "shortlist"},
}};
constexpr std::array<std::pair<Axis, std::string_view>, 3> kAxes{{
    {Axis::Benefit, "benefit"}, {Axis::Risk, "risk"}, {Axis::Visibility, "visibility"}}};
constexpr std::array<std::pair<Role, std::string_view>, 4> kRoles{{
    {Role::User, "user"}, {Role::Champion, "champion"}, {Role::Decider, "decider"}, {Role::Developer, "developer"}}};
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
    return ws;
}

}  // namespace pilotdeck::core
