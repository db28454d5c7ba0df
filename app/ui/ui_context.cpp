#include "ui/ui_context.hpp"

#include <cstdio>
#include <exception>

#include <algorithm>
#include <utility>

#include <imgui.h>
#include <imgui_internal.h>

#include "base/i18n.hpp"
#include "ui/panel_set.hpp"

namespace pilotdeck::ui {

UiContext::UiContext(core::Session& s, const Fonts& f, const Palette& p)
    : session(s), fonts(f), palette(p), panels_(std::make_unique<PanelSet>()) {}

// The held edits' commits refer to the panels: they go first.
UiContext::~UiContext() { held_.clear(); }

// Out of line: inlined into each caller, GCC 12 at -O2 takes the moved std::variant for
// uninitialised (a false -Wmaybe-uninitialized, a known fault of GCC 12 with variants).
void UiContext::request(Request r) { requests_.push_back(std::move(r)); }

bool UiContext::run(const core::Command& c, const std::string& coalesce_key) {
    try {
        if (coalesce_key.empty())
            session.execute(c);
        else
            session.execute_coalescing(c, coalesce_key);
        state.status = core::describe(c);
        state.error.clear();
        return true;
    } catch (const std::exception& e) {
        state.error = e.what();
        std::fprintf(stderr, "pilotdeck: %s\n", e.what());  // the banner shows it; the log keeps it
        return false;
    }
}

void UiContext::hold_edit(const std::string& key, std::function<void()> commit) { held_[key] = std::move(commit); }

void UiContext::release_edit(const std::string& key) { held_.erase(key); }

void UiContext::commit_edits() {
    // A commit may hold or release edits itself: take the list first.
    if (held_.empty()) return;
    auto held = std::move(held_);
    held_.clear();
    for (auto& [key, commit] : held) commit();
    // The field typed in lets go: its session is over (a key typed later starts a new one).
    if (ImGui::GetCurrentContext() && ImGui::GetActiveID() != 0) ImGui::ClearActiveID();
}

void UiContext::go_to_stage(int index) {
    const int n = static_cast<int>(session.workshop().stages.size());
    index = std::clamp(index, 0, std::max(n - 1, 0));
    commit_edits();
    if (index == session.current_stage()) return;
    run(core::SetCurrentStage{index});
    if (!ImGui::GetCurrentContext()) return;
    // The new stage starts calm: no button keeps the keyboard focus (ImGui moves it with Page Up /
    // Down) and no tooltip of the stepper stays under a mouse that did not move.
    ImGuiContext& g = *GImGui;
    if (g.NavMoveSubmitted || g.NavMoveScoringItems) ImGui::NavMoveRequestCancel();  // Page Up / Down's own move
    g.NavInitRequest = false;
    if (g.NavWindow) ImGui::SetNavID(0, ImGuiNavLayer_Main, 0, ImRect());
    g.NavDisableHighlight = true;
    state.quiet_tooltips = true;
    state.quiet_mouse_x = g.IO.MousePos.x;
    state.quiet_mouse_y = g.IO.MousePos.y;
}

bool UiContext::tooltips_allowed() {
    if (!state.quiet_tooltips) return true;
    const ImVec2 m = ImGui::GetIO().MousePos;
    if (m.x == state.quiet_mouse_x && m.y == state.quiet_mouse_y) return false;
    state.quiet_tooltips = false;
    return true;
}

void UiContext::select_idea(const std::string& id) {
    if (id == state.selected_idea) return;
    commit_edits();
    state.selected_idea = id;
}

bool UiContext::text_field_active() const {
    const ImGuiIO& io = ImGui::GetIO();
    // io.WantTextInput describes the last frame; a field let go since (Esc) is no longer active.
    return (io.WantTextInput && ImGui::IsAnyItemActive()) || state.text_focus_pending || state.focus_new_idea;
}

bool UiContext::text_input_active() const { return text_field_active() || state.text_dialog_open; }

bool UiContext::restore_cleared_title() {
    if (state.cleared_title.empty()) return false;
    const bool unchanged = state.cleared_at == session.revision();
    std::string title = std::move(state.cleared_title);
    state.cleared_title.clear();
    if (!unchanged) return false;  // an edit came since: Ctrl+Z undoes that
    state.restore_title = std::move(title);
    state.focus_new_idea = true;
    state.status = i18n::tr("Put back the new idea\u2019s title");
    return true;
}

float em(float n) { return n * ImGui::GetFontSize(); }

}  // namespace pilotdeck::ui
