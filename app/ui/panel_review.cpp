// Review stage (contracts 12): each pilot's measures against baseline and target as a chart,
// new values entered with their date, and the decision — scale, adjust, stop — with its reason,
// recorded in the idea's status and history. Keys (when no field is being typed in): Up/Down
// pick a pilot, V goes to the value field, S / A / X open the decision (scale / adjust / stop).
#include <imgui.h>
#include <imgui_stdlib.h>

#include <GLFW/glfw3.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <optional>
#include <ctime>
#include <string>
#include <vector>

#include "base/i18n.hpp"
#include "core/followup.hpp"
#include "core/progress.hpp"
#include "ui/panel_set.hpp"
#include "ui/panels.hpp"
#include "ui/pilot_measures.hpp"
#include "ui/review_chart.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"

namespace pilotdeck::ui {
namespace {

// Texts people read, in one place for the translation work.
const char* kNoPilots() {
    return i18n::tr("No pilots yet. Ideas become pilots on the shortlist stage, or come along when a workshop is "
                    "started from an earlier one (pilotdeck new --from).");
}
const char* kValueHint() { return i18n::tr("Value \u2014 Enter adds it"); }
const char* kReasonHint() { return i18n::tr("Why? What do the figures and the users say?"); }

ReviewState& state(UiContext& ctx) { return ctx.panels().review; }

std::string today() {
    const std::time_t t = std::time(nullptr);
    std::tm tm{};
    localtime_r(&t, &tm);
    char buf[16];
    std::strftime(buf, sizeof buf, "%Y-%m-%d", &tm);
    return buf;
}

const char* verb(core::IdeaStatus s) {
    switch (s) {
    case core::IdeaStatus::Scaled: return i18n::trc("decision", "Scale");
    case core::IdeaStatus::Adjusted: return i18n::trc("decision", "Adjust");
    case core::IdeaStatus::Stopped: return i18n::trc("decision", "Stop");
    default: return i18n::trc("decision", "Decide");
    }
}

const char* status_text(core::IdeaStatus s) { return status_name(s); }

bool keys_free(const UiContext& ctx) {
    const ImGuiIO& io = ImGui::GetIO();
    return !ImGui::IsAnyItemActive() && !ctx.state.text_focus_pending && !io.KeyCtrl && !io.KeyAlt &&
           !ImGui::IsPopupOpen("", ImGuiPopupFlags_AnyPopupId);
}

std::vector<const core::Idea*> pilots_of(const core::Workshop& ws) {
    std::vector<const core::Idea*> out;
    for (const core::Idea& i : ws.ideas)
        if (core::status_of(i) != core::IdeaStatus::Proposed) out.push_back(&i);
    return out;
}

void pilot_list(UiContext& ctx, const std::vector<const core::Idea*>& pilots) {
    ReviewState& st = state(ctx);
    int current = 0;
    for (std::size_t i = 0; i < pilots.size(); ++i)
        if (pilots[i]->id == st.selected) current = static_cast<int>(i);
    if (keys_free(ctx)) {
        const int n = static_cast<int>(pilots.size());
        if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_DownArrow))) current = (current + 1) % n;
        if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_UpArrow))) current = (current + n - 1) % n;
    }
    if (st.selected != pilots[static_cast<std::size_t>(current)]->id) {
        st.selected = pilots[static_cast<std::size_t>(current)]->id;
        st.value_text.clear();
    }
    for (std::size_t i = 0; i < pilots.size(); ++i) {
        const core::Idea& p = *pilots[i];
        ImGui::PushID(p.id.c_str());
        // The title wraps (never cut), the status below it in the muted colour; one selectable row.
        const float width = ImGui::GetContentRegionAvail().x;
        const char* status = status_text(core::status_of(p));
        const float title_h = ImGui::CalcTextSize(p.title.c_str(), nullptr, false, width).y;
        const ImVec2 at = ImGui::GetCursorScreenPos();
        if (ImGui::Selectable("##pilot", static_cast<int>(i) == current, 0,
                              ImVec2(width, title_h + ImGui::GetTextLineHeight()))) {
            st.selected = p.id;
            st.value_text.clear();
        }
        ImDrawList* dl = ImGui::GetWindowDrawList();
        dl->AddText(ImGui::GetFont(), ImGui::GetFontSize(), at, ImGui::GetColorU32(ImGuiCol_Text), p.title.c_str(),
                    nullptr, width);
        dl->AddText(ImVec2(at.x, at.y + title_h), u32(ctx.palette.text_muted), status);
        ImGui::LogText("%s\n%s\n", p.title.c_str(), status);  // drawn by hand, so logged by hand (tests)
        ImGui::PopID();
    }
}

void add_value(UiContext& ctx, const core::Idea& pilot, std::size_t measure, const std::string& text) {
    ReviewState& st = state(ctx);
    const auto value = parse_number(text);
    if (!value) {
        ctx.state.error = i18n::format(i18n::tr("\u201C{0}\u201D is not a number"), {text});
        return;
    }
    if (!core::is_real_date(st.date)) {
        ctx.state.error = i18n::format(i18n::tr("The date \u201C{0}\u201D is not a date like 2026-11-19"), {st.date});
        return;
    }
    core::Idea changed = pilot;
    changed.measures[measure].values.push_back({st.date, *value});
    if (ctx.run(core::PutIdea{changed, std::nullopt})) {
        st.value_text[measure].clear();
        ctx.state.status = i18n::format(i18n::tr("Saved {0} for {1}"),
                                        {with_unit(*value, pilot.measures[measure].unit), pilot.measures[measure].label});
    }
}

void measure_block(UiContext& ctx, const core::Idea& pilot, std::size_t index) {
    ReviewState& st = state(ctx);
    const core::Measure& m = pilot.measures[index];
    ImGui::PushID(static_cast<int>(index));
    ImGui::PushFont(ctx.fonts.large);
    // The label wraps in the panel (a long one in German at 1024x768 ran off its edge), and the
    // progress goes beside it when it fits, else on the next line.
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextUnformatted(m.label.c_str());
    const auto progress = core::progress(m);
    if (progress) {
        const int percent = static_cast<int>(std::lround(core::round3(*progress) * 100.0));
        const std::string text = i18n::format(i18n::tr("\u2014 {0} % of the way"), {std::to_string(percent)});
        same_line_if_fits(ImGui::CalcTextSize(text.c_str()).x);
        ImGui::PushStyleColor(ImGuiCol_Text, vec4(*progress >= 1.0 ? ctx.palette.success : ctx.palette.text));
        ImGui::TextUnformatted(text.c_str());
        ImGui::PopStyleColor();
    }
    ImGui::PopTextWrapPos();
    ImGui::PopFont();
    const float width = ImGui::GetContentRegionAvail().x;
    measure_chart(ctx, m, ImVec2(width, em(9.0f)));
    if (const auto latest = core::latest_value(m))
        muted(ctx, i18n::format(m.up ? i18n::tr("Latest: {0} on {1}; higher is better")
                                     : i18n::tr("Latest: {0} on {1}; lower is better"),
                                {with_unit(latest->value, m.unit), latest->date}));
    ImGui::SetNextItemWidth(em(10.0f));
    if (index == 0 && st.focus_value) {
        ImGui::SetKeyboardFocusHere();
        st.focus_value = false;
    }
    const bool enter = ImGui::InputTextWithHint("##value", kValueHint(), &st.value_text[index], ImGuiInputTextFlags_EnterReturnsTrue);
    if (ImGui::IsItemActive()) st.focus_frames = 0;
    ImGui::SameLine();
    if ((ImGui::Button(i18n::tr("Add value")) || enter) && !st.value_text[index].empty()) add_value(ctx, pilot, index, st.value_text[index]);
    ImGui::PopID();
    ImGui::Spacing();
}

void decision_popup(UiContext& ctx, const core::Idea& pilot) {
    ReviewState& st = state(ctx);
    if (st.open_decision) {
        ImGui::OpenPopup("##decide");
        st.open_decision = false;
        st.reason.clear();
        st.users_say.clear();
        st.focus_frames = 3;
    }
    if (!ImGui::BeginPopup("##decide")) return;
    ImGui::PushFont(ctx.fonts.large);
    ImGui::TextWrapped("%s", i18n::format(i18n::tr("{0} \u201C{1}\u201D"), {verb(st.decision), pilot.title}).c_str());
    ImGui::PopFont();
    ImGui::SetNextItemWidth(em(32.0f));
    if (ImGui::IsWindowAppearing()) ImGui::SetKeyboardFocusHere();
    const bool enter = ImGui::InputTextWithHint("##reason", kReasonHint(), &st.reason, ImGuiInputTextFlags_EnterReturnsTrue);
    if (ImGui::IsItemActive()) st.focus_frames = 0;
    ImGui::SetNextItemWidth(em(32.0f));
    ImGui::InputTextWithHint("##users_say", i18n::tr("What do the users say? (optional)"), &st.users_say);
    const bool has_reason = st.reason.find_first_not_of(" \t") != std::string::npos;
    if (!has_reason) muted(ctx, i18n::tr("The reason is recorded with the decision, for the steering group."));
    ImGui::BeginDisabled(!has_reason);
    if (ImGui::Button(i18n::tr("Record decision")) || (enter && has_reason)) {
        core::Idea changed = pilot;
        changed.status = st.decision;
        changed.status_history.push_back({st.decision, today(), st.reason, st.users_say});
        if (ctx.run(core::PutIdea{changed, std::nullopt})) ctx.state.status = i18n::format(i18n::tr("Recorded: {0}"), {verb(st.decision)});
        ImGui::CloseCurrentPopup();
    }
    ImGui::EndDisabled();
    ImGui::SameLine();
    if (ImGui::Button(i18n::tr("Cancel"))) ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
}

void decision_row(UiContext& ctx, const core::Idea& pilot) {
    ReviewState& st = state(ctx);
    const Palette& pal = ctx.palette;
    const bool keys = keys_free(ctx);
    const auto choose = [&](core::IdeaStatus s) {
        st.decision = s;
        st.open_decision = true;
    };
    ImGui::PushFont(ctx.fonts.large);
    if (colour_button(i18n::tr("Scale (S)"), pal.success, pal.success_text) || (keys && ImGui::IsKeyPressed(GLFW_KEY_S, false)))
        choose(core::IdeaStatus::Scaled);
    same_line_if_fits(button_width(i18n::tr("Adjust (A)")));
    if (colour_button(i18n::tr("Adjust (A)"), pal.warning, pal.warning_text) || (keys && ImGui::IsKeyPressed(GLFW_KEY_A, false)))
        choose(core::IdeaStatus::Adjusted);
    same_line_if_fits(button_width(i18n::tr("Stop (X)")));
    if (colour_button(i18n::tr("Stop (X)"), pal.danger, pal.danger_text) || (keys && ImGui::IsKeyPressed(GLFW_KEY_X, false)))
        choose(core::IdeaStatus::Stopped);
    ImGui::PopFont();
    decision_popup(ctx, pilot);
}

void pilot_details(UiContext& ctx, const core::Idea& pilot) {
    ReviewState& st = state(ctx);
    heading(ctx, pilot.title);
    std::string line = i18n::format(i18n::tr("Status: {0}"), {status_text(core::status_of(pilot))});
    if (!pilot.status_history.empty()) {
        const core::StatusChange& last = pilot.status_history.back();
        line += i18n::format(i18n::tr(" since {0}"), {last.date}) + (last.reason.empty() ? "" : " \u2014 " + last.reason);
    }
    muted(ctx, line);
    if (!pilot.success_criteria.empty()) muted(ctx, i18n::format(i18n::tr("Success criterion: {0}"), {pilot.success_criteria}));
    ImGui::Spacing();
    decision_row(ctx, pilot);
    ImGui::Separator();
    ImGui::TextUnformatted(i18n::tr("New values are dated"));
    same_line_if_fits(em(8.0f));
    ImGui::SetNextItemWidth(em(8.0f));
    ImGui::InputText("##date", &st.date);
    st.value_text.resize(pilot.measures.size());
    for (std::size_t i = 0; i < pilot.measures.size(); ++i) measure_block(ctx, pilot, i);
    ImGui::Separator();
    ImGui::TextWrapped("%s", pilot.measures.empty() ? i18n::tr("This pilot has no measure yet. Add one:") : i18n::tr("Add a measure:"));
    add_measure_row(ctx, pilot);
}

}  // namespace

void draw_review(UiContext& ctx) {
    ReviewState& st = state(ctx);
    if (st.date.empty()) st.date = today();
    const auto pilots = pilots_of(ctx.session.workshop());
    if (pilots.empty()) {
        heading(ctx, i18n::tr("Pilot review"));
        muted(ctx, kNoPilots());
        return;
    }
    if (keys_free(ctx) && ImGui::IsKeyPressed(GLFW_KEY_V, false)) {
        st.focus_value = true;
        st.focus_frames = 3;
    }
    // Letters typed while a field is on its way to the focus are text, not presenter keys.
    if (st.focus_frames > 0) {
        --st.focus_frames;
        ctx.state.text_focus_pending = true;
    }
    const float list_w = em(16.0f);
    ImGui::BeginChild("##pilots", ImVec2(list_w, 0), false);
    pilot_list(ctx, pilots);
    ImGui::EndChild();
    ImGui::SameLine();
    ImGui::BeginChild("##pilot", ImVec2(0, 0), false);
    if (const core::Idea* pilot = ctx.session.find_idea(st.selected)) pilot_details(ctx, *pilot);
    ImGui::EndChild();
}

}  // namespace pilotdeck::ui
