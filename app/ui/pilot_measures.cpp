#include "ui/pilot_measures.hpp"

#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <charconv>

#include "base/i18n.hpp"
#include "core/followup.hpp"
#include "ui/panel_set.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"

namespace pilotdeck::ui {
namespace {

MeasureDraft& draft(UiContext& ctx) { return ctx.panels().measure; }

}  // namespace

std::optional<double> parse_number(std::string text) {
    for (char& c : text)
        if (c == ',') c = '.';
    const auto first = text.find_first_not_of(" \t"), last = text.find_last_not_of(" \t");
    if (first == std::string::npos) return std::nullopt;
    double v = 0;
    const char* begin = text.data() + first;
    const char* end = text.data() + last + 1;
    const auto [ptr, ec] = std::from_chars(begin, end, v);
    if (ec != std::errc() || ptr != end) return std::nullopt;
    return v;
}

bool add_measure_row(UiContext& ctx, const core::Idea& pilot) {
    MeasureDraft& st = draft(ctx);
    const auto presets = core::measure_presets();
    ImGui::SetNextItemWidth(em(16.0f));
    const std::string current(presets[static_cast<std::size_t>(st.preset)].label);
    if (ImGui::BeginCombo("##preset", current.c_str())) {
        for (std::size_t i = 0; i < presets.size(); ++i)
            if (ImGui::Selectable(std::string(presets[i].label).c_str(), static_cast<int>(i) == st.preset)) st.preset = static_cast<int>(i);
        ImGui::EndCombo();
    }
    same_line_if_fits(em(7.0f));
    ImGui::SetNextItemWidth(em(7.0f));
    ImGui::InputTextWithHint("##baseline", i18n::tr("Baseline"), &st.baseline);
    same_line_if_fits(em(7.0f));
    ImGui::SetNextItemWidth(em(7.0f));
    ImGui::InputTextWithHint("##target", i18n::tr("Target"), &st.target);
    same_line_if_fits(button_width(i18n::tr("Add measure")));
    if (!ImGui::Button(i18n::tr("Add measure"))) return false;
    const core::MeasurePreset& p = presets[static_cast<std::size_t>(st.preset)];
    core::Measure m = core::measure_from_preset(p);
    const auto baseline = parse_number(st.baseline), target = parse_number(st.target);
    if (!baseline || !target) {
        ctx.state.error = i18n::tr("Give the measure a baseline and a target (numbers)");
        return false;
    }
    m.baseline = *baseline;
    m.target = *target;
    m.up = *target > *baseline;
    for (int n = 2; std::any_of(pilot.measures.begin(), pilot.measures.end(), [&](const auto& x) { return x.id == m.id; }); ++n)
        m.id = std::string(p.id) + "_" + std::to_string(n);
    core::Idea changed = pilot;
    changed.measures.push_back(m);
    if (!ctx.run(core::PutIdea{changed, std::nullopt})) return false;
    st.baseline.clear();
    st.target.clear();
    return true;
}

void measure_flag(UiContext& ctx, const core::Idea& pilot) {
    if (!pilot.measures.empty()) return;
    MeasureDraft& st = draft(ctx);
    ImGui::PushID(pilot.id.c_str());
    ImGui::PushStyleColor(ImGuiCol_Text, vec4(ctx.palette.danger));
    ImGui::TextWrapped("%s", i18n::tr("No measurable success criterion yet: without a baseline and a target nobody can "
                                      "tell later whether this pilot worked."));
    ImGui::PopStyleColor();
    if (ImGui::SmallButton(i18n::tr("Add a measure\u2026"))) {
        st.flag_idea = pilot.id;
        ImGui::OpenPopup("##measure");
    }
    if (ImGui::BeginPopup("##measure")) {
        ImGui::TextUnformatted(i18n::format(i18n::tr("A measure for \u201C{0}\u201D"), {pilot.title}).c_str());
        if (st.flag_idea != pilot.id || add_measure_row(ctx, pilot)) ImGui::CloseCurrentPopup();
        ImGui::EndPopup();
    }
    ImGui::PopID();
}

}  // namespace pilotdeck::ui
