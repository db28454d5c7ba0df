// Matrix stage: the chart (matrix_chart.cpp) filling the stage, the selected idea's facts
// under it. Hover for details, click or Tab / arrows to select.
#include <GLFW/glfw3.h>
#include <imgui.h>

#include <algorithm>
#include <string>
#include <vector>

#include "base/i18n.hpp"
#include "core/selection.hpp"
#include "ui/matrix_chart.hpp"
#include "ui/panel_set.hpp"
#include "ui/panels.hpp"
#include "ui/score_display.hpp"
#include "ui/screening_text.hpp"
#include "ui/widgets.hpp"

namespace pilotdeck::ui {

namespace {

// Title, numbers, quadrant and the contested flag of one idea, in the current ImGui layout.
void idea_facts(const UiContext& ctx, const core::Idea& idea, const core::IdeaResult& r) {
    // German titles and departments run long: each goes on the line when it fits, else on the next,
    // wrapped (never running off the panel's edge).
    ImGui::TextWrapped("%s", idea.title.c_str());
    if (!idea.department.empty()) {
        same_line_if_fits(em(1) + ImGui::CalcTextSize(idea.department.c_str()).x);
        ImGui::PushStyleColor(ImGuiCol_Text, vec4(ctx.palette.text_muted));
        ImGui::TextWrapped("%s", idea.department.c_str());
        ImGui::PopStyleColor();
    }
    axis_scores_line(ctx, r);
    if (const std::string mark = screened_mark(idea); !mark.empty()) {
        same_line_if_fits(em(1) + ImGui::CalcTextSize(mark.c_str()).x);
        ImGui::TextWrapped("%s", mark.c_str());
    }
    if (r.contested) {
        const char* disagree = i18n::tr("the room disagrees on some criterion");
        same_line_if_fits(ImGui::CalcTextSize(disagree).x);
        ImGui::TextWrapped("%s", disagree);
    }
}

// Tab / Shift+Tab and the arrow keys walk the placed ideas in ranking order.
void walk_by_keyboard(UiContext& ctx) {
    const ImGuiIO& io = ImGui::GetIO();
    if (io.WantTextInput || io.KeyCtrl || io.KeyAlt || io.KeySuper) return;
    if (!ImGui::IsWindowFocused(ImGuiFocusedFlags_RootAndChildWindows)) return;
    int step = 0;
    if (ImGui::IsKeyPressed(GLFW_KEY_TAB)) step = io.KeyShift ? -1 : 1;
    if (ImGui::IsKeyPressed(GLFW_KEY_RIGHT) || ImGui::IsKeyPressed(GLFW_KEY_DOWN)) step = 1;
    if (ImGui::IsKeyPressed(GLFW_KEY_LEFT) || ImGui::IsKeyPressed(GLFW_KEY_UP)) step = -1;
    if (step == 0) return;
    const auto& ideas = ctx.session.workshop().ideas;
    const auto& results = ctx.session.results();
    std::vector<std::size_t> placed;
    for (std::size_t i : core::rank(ideas, results))
        if (i < results.size() && results[i].quadrant) placed.push_back(i);
    if (placed.empty()) return;
    const auto at = std::find_if(placed.begin(), placed.end(),
                                 [&](std::size_t i) { return ideas[i].id == ctx.state.selected_idea; });
    const int n = static_cast<int>(placed.size());
    int k = at == placed.end() ? (step > 0 ? 0 : n - 1) : (static_cast<int>(at - placed.begin()) + step + n) % n;
    ctx.select_idea(ideas[placed[static_cast<std::size_t>(k)]].id);
}

// The numbered list's page: L turns it (while nothing is typed), and a newly selected idea that
// is numbered brings its page.
void turn_list_page(UiContext& ctx, MatrixPanel& mp) {
    const ImGuiIO& io = ImGui::GetIO();
    if (mp.list_pages > 1 && !ctx.text_input_active() && !io.KeyCtrl && !io.KeyAlt && !io.KeySuper &&
        ImGui::IsKeyPressed(GLFW_KEY_L, false))
        mp.list_page = (mp.list_page + 1) % mp.list_pages;
    if (ctx.state.selected_idea == mp.paged_for || mp.idea_page.empty()) return;
    mp.paged_for = ctx.state.selected_idea;
    const auto& ideas = ctx.session.workshop().ideas;
    const core::Idea* selected = ctx.session.find_idea(mp.paged_for);
    if (!selected) return;
    const auto index = static_cast<std::size_t>(selected - ideas.data());
    for (const auto& [idea, page] : mp.idea_page)
        if (idea == index) mp.list_page = page;
}

const MatrixBubble* bubble_at(const MatrixGeometry& geo, ImVec2 m) {
    for (auto it = geo.bubbles.rbegin(); it != geo.bubbles.rend(); ++it) {  // the topmost first
        const float dx = m.x - it->centre.x, dy = m.y - it->centre.y;
        if (dx * dx + dy * dy <= it->radius * it->radius) return &*it;
    }
    return nullptr;
}

}  // namespace

void draw_matrix(UiContext& ctx) {
    if (blind_round_banner(ctx)) return;  // phones are scoring: the matrix waits for the round to close
    walk_by_keyboard(ctx);
    MatrixPanel& mp = ctx.panels().matrix;
    turn_list_page(ctx, mp);
    const float strip = ImGui::GetTextLineHeightWithSpacing() * 2 + ImGui::GetStyle().ItemSpacing.y;
    const ImVec2 avail = ImGui::GetContentRegionAvail();
    const ImVec2 size(avail.x, avail.y - strip);
    const ImVec2 p0 = ImGui::GetCursorScreenPos();
    if (size.x < em(8) || size.y < em(8)) return;
    ImGui::InvisibleButton("matrix", size);
    const bool clicked = ImGui::IsItemClicked(ImGuiMouseButton_Left);
    const bool hovered = ImGui::IsItemHovered();
    const MatrixGeometry geo = draw_matrix_chart(ImGui::GetWindowDrawList(), p0, ImVec2(p0.x + size.x, p0.y + size.y),
                                                 ctx, ImGui::GetFont(), ImGui::GetFontSize(), ctx.state.selected_idea,
                                                 &mp.chart, mp.list_page);
    mp.list_page = geo.list_page;
    mp.list_pages = geo.list_pages;
    mp.idea_page.clear();
    for (std::size_t k = 0; k < geo.numbered.size() && k < geo.list_page_of.size(); ++k)
        mp.idea_page.emplace_back(geo.numbered[k].second, geo.list_page_of[k]);

    // The selected idea's facts under the chart, readable from the back without hovering.
    const auto& ideas = ctx.session.workshop().ideas;
    const auto& results = ctx.session.results();
    const core::Idea* selected = ctx.session.find_idea(ctx.state.selected_idea);
    const auto index = selected ? static_cast<std::size_t>(selected - ideas.data()) : results.size();
    if (index < results.size()) {
        idea_facts(ctx, *selected, results[index]);
    } else {
        muted(ctx, i18n::tr("Click a bubble, or press Tab, to pick an idea."));
    }

    if (!hovered) return;
    const MatrixBubble* hit = bubble_at(geo, ImGui::GetIO().MousePos);
    if (!hit) return;
    ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
    const core::Idea& idea = ideas[hit->idea];
    if (clicked) ctx.select_idea(idea.id);
    ImGui::BeginTooltip();
    ImGui::PushTextWrapPos(em(30));
    idea_facts(ctx, idea, results[hit->idea]);
    ImGui::PopTextWrapPos();
    ImGui::EndTooltip();
}

}  // namespace pilotdeck::ui
