// The concerns stage: the template's worries as large tiles with counts, and a bar chart.
#include <algorithm>
#include <cfloat>
#include <vector>
#include <string>

#include <GLFW/glfw3.h>
#include <imgui.h>
#include <imgui_internal.h>

#include "base/i18n.hpp"
#include "ui/panels.hpp"
#include "ui/widgets.hpp"

namespace pilotdeck::ui {

namespace {

constexpr float kTileMinWidthEm = 12.0f;
constexpr float kCountButtonEm = 2.6f;

// How the tiles share the room: columns, the tile height and the label font.
struct TileLayout {
    int columns = 1;
    float tile_w = 0, tile_h = 0;
    ImFont* font = nullptr;
    float pad_y = 0;  // the tiles' padding above and below (the style's, less when that is what fits)
};

// The label's width in a tile `width` wide (the count and its buttons take the right end).
float label_width(ImFont* font, float width) {
    const ImGuiStyle& style = ImGui::GetStyle();
    ImGui::PushFont(font);
    const float count_w = ImGui::CalcTextSize("000").x;
    ImGui::PopFont();
    const float inner = width - 2 * style.WindowPadding.x;
    return std::max(inner - em(kCountButtonEm) * 2 - style.ItemSpacing.x - count_w - em(1.0f), em(1));
}

// All of the worries in `avail` without scrolling: the fewest columns (the widest tiles) whose
// rows fit, the large font first; tiles as tall as their longest label needs. Where nothing fits
// (the presenter's laptop view at 1024x768 under a stage goal of two lines), the body font with
// half the padding above and below the label, before any tile is cut.
TileLayout tile_layout(const UiContext& ctx, const std::vector<core::Concern>& concerns, ImVec2 avail) {
    const ImGuiStyle& style = ImGui::GetStyle();
    TileLayout best;
    float best_overflow = -1;
    struct Try {
        ImFont* font;
        float pad_y;
    };
    const Try tries[] = {{ctx.fonts.large ? ctx.fonts.large : ImGui::GetFont(), style.WindowPadding.y},
                         {ImGui::GetFont(), style.WindowPadding.y},
                         {ImGui::GetFont(), style.WindowPadding.y * 0.5f}};
    for (const auto& [font, pad_y] : tries) {
        for (int columns = 1; columns <= 3; ++columns) {
            const float spacing = style.ItemSpacing.x;
            const float tile_w = (avail.x - spacing * static_cast<float>(columns - 1)) / static_cast<float>(columns);
            if (columns > 1 && tile_w < em(kTileMinWidthEm)) break;
            const float text_w = label_width(font, tile_w);
            float label_h = 0;
            for (const auto& c : concerns)
                label_h = std::max(label_h, font->CalcTextSizeA(font->FontSize, FLT_MAX, text_w, ("\u25B6 " + c.label).c_str()).y);
            const float tile_h = std::max(label_h, em(kCountButtonEm)) + pad_y * 2;
            const int rows = (static_cast<int>(concerns.size()) + columns - 1) / columns;
            const float total = static_cast<float>(rows) * tile_h + static_cast<float>(rows - 1) * style.ItemSpacing.y;
            const float overflow = total - avail.y;
            if (overflow <= 0) return {columns, tile_w, tile_h, font, pad_y};
            if (best_overflow < 0 || overflow < best_overflow) {
                best_overflow = overflow;
                best = {columns, tile_w, tile_h, font, pad_y};
            }
        }
    }
    return best;
}

void draw_tile(UiContext& ctx, const core::Concern& c, const TileLayout& layout) {
    const float width = layout.tile_w;
    const bool selected = ctx.state.selected_concern == c.id;
    const ImGuiStyle& style = ImGui::GetStyle();
    const float tile_h = layout.tile_h;
    ImGui::PushID(c.id.c_str());
    ImGui::PushStyleColor(ImGuiCol_ChildBg, vec4(ctx.palette.surface));
    ImGui::PushStyleColor(ImGuiCol_Border, vec4(selected ? ctx.palette.accent : ctx.palette.grid));
    ImGui::PushStyleVar(ImGuiStyleVar_ChildBorderSize, selected ? em(0.2f) : 1.0f);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(style.WindowPadding.x, layout.pad_y));
    ImGui::BeginChild("##tile", ImVec2(width, tile_h), true, ImGuiWindowFlags_NoScrollbar);
    const ImVec2 start = ImGui::GetCursorPos();
    const float right = ImGui::GetWindowContentRegionMax().x;
    const float button = em(kCountButtonEm);
    const float buttons_x = right - button * 2 - style.ItemSpacing.x;
    ImGui::PushFont(layout.font);
    const float count_w = ImGui::CalcTextSize("000").x;
    ImGui::PopFont();
    const float count_x = buttons_x - count_w - em(0.5f);
    const float text_w = label_width(layout.font, width);

    // The label: a click picks the concern (its answer appears in the notes).
    if (ImGui::InvisibleButton("##pick", ImVec2(text_w, tile_h - layout.pad_y * 2)))
        ctx.state.selected_concern = selected ? std::string() : c.id;
    ImGui::SetCursorPos(start);
    ImGui::PushTextWrapPos(start.x + text_w);
    ImGui::PushFont(layout.font);
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
    ImGui::PopStyleVar(2);
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
    const float number_w = ImGui::CalcTextSize("0000").x;
    ImFont* font = ImGui::GetFont();
    for (std::size_t i = 0; i < concerns.size(); ++i) {
        const auto& c = concerns[i];
        const float y = p0.y + row * static_cast<float>(i);
        // The label on one line, else wrapped to two; what still does not fit ends in "…" at a
        // whole glyph, and the whole label shows on hover.
        const char* text = c.label.c_str();
        const char* end = text + c.label.size();
        float lines = 1;
        if (ImGui::CalcTextSize(text, end).x <= width) {
            dl->AddText(ImVec2(p0.x, y), u32(ctx.palette.text), text, end);
        } else {
            const char* brk = font->CalcWordWrapPositionA(ImGui::GetFontSize() / font->FontSize, text, end, width);
            if (brk == text) brk = text + 1;
            while (brk < end && (*brk & 0xC0) == 0x80) ++brk;  // (never inside a UTF-8 sequence)
            dl->AddText(font, ImGui::GetFontSize(), ImVec2(p0.x, y), u32(ctx.palette.text), text, brk);
            while (brk < end && *brk == ' ') ++brk;
            const float right = p0.x + width;
            ImGui::PushStyleColor(ImGuiCol_Text, vec4(ctx.palette.text));
            ImGui::RenderTextEllipsis(dl, ImVec2(p0.x, y + label_h), ImVec2(right, y + 2 * label_h), right, right, brk,
                                      end, nullptr);
            ImGui::PopStyleColor();
            lines = 2;
            if (ImGui::IsMouseHoveringRect(ImVec2(p0.x, y), ImVec2(right, y + 2 * label_h))) ImGui::SetTooltip("%s", text);
        }
        const float bar_h = std::max(row - lines * label_h - em(0.6f), em(0.5f));
        const float bar_w = (width - number_w) * static_cast<float>(c.count) / static_cast<float>(max_count);
        // Okabe-Ito from the second colour on (the first is the text colour).
        const Rgba& colour = ctx.palette.chart[1 + i % (ctx.palette.chart.size() - 1)];
        const ImVec2 b0(p0.x, y + lines * label_h + em(0.15f));
        dl->AddRectFilled(b0, ImVec2(b0.x + bar_w, b0.y + bar_h), u32(colour));
        dl->AddRect(b0, ImVec2(b0.x + std::max(bar_w, 1.0f), b0.y + bar_h), u32(ctx.palette.text));
        const std::string n = std::to_string(c.count);
        dl->AddText(ImVec2(b0.x + bar_w + em(0.4f), b0.y + (bar_h - label_h) * 0.5f), u32(ctx.palette.text), n.c_str());
    }
}

// By keyboard (a clicker-and-keyboard run): Up / Down pick a worry, Right or + counts a hand
// for it, Left or - takes one back. Not while a field is typed in.
void concern_keys(UiContext& ctx) {
    const ImGuiIO& io = ImGui::GetIO();
    if (ImGui::IsAnyItemActive() || ctx.text_input_active() || io.KeyCtrl || io.KeyAlt || io.KeySuper) return;
    const auto& concerns = ctx.session.workshop().concerns;
    const int n = static_cast<int>(concerns.size());
    int at = -1;
    for (int i = 0; i < n; ++i)
        if (concerns[static_cast<std::size_t>(i)].id == ctx.state.selected_concern) at = i;
    auto key = [](int k) { return ImGui::IsKeyPressed(k, true); };
    if (key(GLFW_KEY_DOWN)) at = (at + 1) % n;
    if (key(GLFW_KEY_UP)) at = at < 0 ? n - 1 : (at + n - 1) % n;
    if (at >= 0) ctx.state.selected_concern = concerns[static_cast<std::size_t>(at)].id;
    if (at < 0) return;
    const core::Concern& c = concerns[static_cast<std::size_t>(at)];
    if (key(GLFW_KEY_RIGHT) || key(GLFW_KEY_KP_ADD) || key(GLFW_KEY_EQUAL)) ctx.run(core::SetConcernCount{c.id, c.count + 1});
    else if ((key(GLFW_KEY_LEFT) || key(GLFW_KEY_KP_SUBTRACT) || key(GLFW_KEY_MINUS)) && c.count > 0)
        ctx.run(core::SetConcernCount{c.id, c.count - 1});
}

}  // namespace

void draw_concerns(UiContext& ctx) {
    const auto& concerns = ctx.session.workshop().concerns;
    if (concerns.empty()) {
        ImGui::TextWrapped("%s", i18n::tr("This workshop has no worries to tally."));
        return;
    }
    concern_keys(ctx);
    const ImVec2 avail = ImGui::GetContentRegionAvail();
    const float chart_w = avail.x * 0.38f;
    const float tiles_w = avail.x - chart_w - em(1);

    ImGui::BeginChild("##tiles", ImVec2(tiles_w, avail.y), false);
    const TileLayout layout = tile_layout(ctx, concerns, ImGui::GetContentRegionAvail());
    for (std::size_t i = 0; i < concerns.size(); ++i) {
        if (i % static_cast<std::size_t>(layout.columns) != 0) ImGui::SameLine();
        draw_tile(ctx, concerns[i], layout);
    }
    ImGui::EndChild();
    ImGui::SameLine(0, em(1));
    ImGui::BeginChild("##chart", ImVec2(chart_w, avail.y), false);
    int total = 0;
    for (const auto& c : concerns) total += c.count;
    heading(ctx, i18n::format(i18n::tr("Hands raised: {0}"), {std::to_string(total)}));
    const float h = std::min(ImGui::GetContentRegionAvail().y, em(4.0f) * static_cast<float>(concerns.size()));
    draw_chart(ctx, ImGui::GetContentRegionAvail().x, h);
    ImGui::EndChild();
}

}  // namespace pilotdeck::ui
