// The concerns stage: the template's worries as large tiles with counts, and a bar chart.
#include <algorithm>
#include <string>

#include <imgui.h>

#include "ui/panels.hpp"
#include "ui/widgets.hpp"

namespace pilotdeck::ui {

namespace {

constexpr float kTileLines = 2.6f;  // label lines a tile has room for, in the large font
constexpr float kTileMinWidthEm = 16.0f;
constexpr float kCountButtonEm = 2.6f;

void draw_tile(UiContext& ctx, const core::Concern& c, float width) {
    const bool selected = ctx.state.selected_concern == c.id;
    const ImGuiStyle& style = ImGui::GetStyle();
    const float tile_h = ctx.fonts.large->FontSize * kTileLines + style.WindowPadding.y * 2;
    ImGui::PushID(c.id.c_str());
    ImGui::PushStyleColor(ImGuiCol_ChildBg, vec4(ctx.palette.surface));
    ImGui::PushStyleColor(ImGuiCol_Border, vec4(selected ? ctx.palette.accent : ctx.palette.grid));
    ImGui::PushStyleVar(ImGuiStyleVar_ChildBorderSize, selected ? em(0.2f) : 1.0f);
    ImGui::BeginChild("##tile", ImVec2(width, tile_h), true, ImGuiWindowFlags_NoScrollbar);
    const ImVec2 start = ImGui::GetCursorPos();
    const float right = ImGui::GetWindowContentRegionMax().x;
    const float button = em(kCountButtonEm);
    const float buttons_x = right - button * 2 - style.ItemSpacing.x;
    ImGui::PushFont(ctx.fonts.large);
    const float count_w = ImGui::CalcTextSize("000").x;
    ImGui::PopFont();
    const float count_x = buttons_x - count_w - em(0.5f);
    const float text_w = std::max(count_x - start.x - em(0.5f), em(1));

    // The label: a click picks the concern (its answer appears in the notes).
    if (ImGui::InvisibleButton("##pick", ImVec2(text_w, tile_h - style.WindowPadding.y * 2)))
        ctx.state.selected_concern = selected ? std::string() : c.id;
    ImGui::SetCursorPos(start);
    ImGui::PushTextWrapPos(start.x + text_w);
    ImGui::PushFont(ctx.fonts.large);
    ImGui::TextWrapped("%s%s", selected ? "\u25B6 " : "", c.label.c_str());
    ImGui::PopTextWrapPos();
    ImGui::SetCursorPos(ImVec2(count_x, start.y));
    ImGui::Text("%3d", c.count);
    ImGui::PopFont();
    ImGui::SetCursorPos(ImVec2(buttons_x, start.y));
    if (ImGui::Button("\u2212", ImVec2(button, button)) && c.count > 0)
        ctx.run(core::SetConcernCount{c.id, c.count - 1});
    ImGui::SameLine();
    if (ImGui::Button("+", ImVec2(button, button))) ctx.run(core::SetConcernCount{c.id, c.count + 1});
    ImGui::EndChild();
    ImGui::PopStyleVar();
    ImGui::PopStyleColor(2);
    ImGui::PopID();
}

void draw_chart(UiContext& ctx, float width, float height) {
    const auto& concerns = ctx.session.workshop().concerns;
    int max_count = 1;
    for (const auto& c : concerns) max_count = std::max(max_count, c.count);
    const ImVec2 p0 = ImGui::GetCursorScreenPos();
    ImGui::Dummy(ImVec2(width, height));
    if (concerns.empty()) return;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float row = height / static_cast<float>(concerns.size());
    const float label_h = ImGui::GetTextLineHeight();
    const float bar_h = std::max(row - label_h - em(0.6f), em(0.5f));
    const float number_w = ImGui::CalcTextSize("0000").x;
    for (std::size_t i = 0; i < concerns.size(); ++i) {
        const auto& c = concerns[i];
        const float y = p0.y + row * static_cast<float>(i);
        const std::string label = c.label;
        dl->PushClipRect(ImVec2(p0.x, y), ImVec2(p0.x + width, y + label_h), true);
        dl->AddText(ImVec2(p0.x, y), u32(ctx.palette.text), label.c_str());
        dl->PopClipRect();
        const float bar_w = (width - number_w) * static_cast<float>(c.count) / static_cast<float>(max_count);
        // Okabe-Ito from the second colour on (the first is the text colour).
        const Rgba& colour = ctx.palette.chart[1 + i % (ctx.palette.chart.size() - 1)];
        const ImVec2 b0(p0.x, y + label_h + em(0.15f));
        dl->AddRectFilled(b0, ImVec2(b0.x + bar_w, b0.y + bar_h), u32(colour));
        dl->AddRect(b0, ImVec2(b0.x + std::max(bar_w, 1.0f), b0.y + bar_h), u32(ctx.palette.text));
        const std::string n = std::to_string(c.count);
        dl->AddText(ImVec2(b0.x + bar_w + em(0.4f), b0.y + (bar_h - label_h) * 0.5f), u32(ctx.palette.text), n.c_str());
    }
}

}  // namespace

void draw_concerns(UiContext& ctx) {
    const auto& concerns = ctx.session.workshop().concerns;
    if (concerns.empty()) {
        ImGui::TextWrapped("This workshop has no worries to tally.");
        return;
    }
    const ImVec2 avail = ImGui::GetContentRegionAvail();
    const float chart_w = avail.x * 0.38f;
    const float tiles_w = avail.x - chart_w - em(1);

    ImGui::BeginChild("##tiles", ImVec2(tiles_w, avail.y), false);
    const float inner_w = ImGui::GetContentRegionAvail().x;  // without the scrollbar
    const float spacing = ImGui::GetStyle().ItemSpacing.x;
    const int columns = std::max(1, std::min(2, static_cast<int>((inner_w + spacing) / (em(kTileMinWidthEm) + spacing))));
    const float tile_w = (inner_w - spacing * static_cast<float>(columns - 1)) / static_cast<float>(columns);
    for (std::size_t i = 0; i < concerns.size(); ++i) {
        if (i % static_cast<std::size_t>(columns) != 0) ImGui::SameLine();
        draw_tile(ctx, concerns[i], tile_w);
    }
    ImGui::EndChild();
    ImGui::SameLine(0, em(1));
    ImGui::BeginChild("##chart", ImVec2(chart_w, avail.y), false);
    int total = 0;
    for (const auto& c : concerns) total += c.count;
    heading(ctx, "Hands raised: " + std::to_string(total));
    const float h = std::min(ImGui::GetContentRegionAvail().y, em(4.0f) * static_cast<float>(concerns.size()));
    draw_chart(ctx, ImGui::GetContentRegionAvail().x, h);
    ImGui::EndChild();
}

}  // namespace pilotdeck::ui
