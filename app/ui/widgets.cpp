#include "ui/widgets.hpp"

#include <algorithm>
#include <cmath>

#include <imgui_internal.h>
#include <imgui_stdlib.h>

#include "base/i18n.hpp"

namespace pilotdeck::ui {

ImU32 u32(const Rgba& c) { return ImGui::ColorConvertFloat4ToU32(vec4(c)); }
ImVec4 vec4(const Rgba& c) { return ImVec4(c.r, c.g, c.b, c.a); }

void heading(const UiContext& ctx, const std::string& text) {
    ImGui::PushFont(ctx.fonts.large);
    ImGui::TextWrapped("%s", text.c_str());
    ImGui::PopFont();
}

void muted(const UiContext& ctx, const std::string& text) {
    ImGui::PushStyleColor(ImGuiCol_Text, vec4(ctx.palette.text_muted));
    ImGui::TextWrapped("%s", text.c_str());
    ImGui::PopStyleColor();
}

namespace {

// A multi-line field whose text wraps. Dear ImGui 1.86 cannot wrap while typing, so while the
// field is not being edited the editor's own text is drawn transparent and the text is drawn
// over it wrapped at the field's width, the field as tall as the wrapped text needs. The editor
// is always the item (clicks, Tab, activation and deactivation are its own); while it has the
// keyboard it shows its usual text.
bool wrapped_multiline(const char* id, std::string& value, int lines) {
    const ImGuiStyle& style = ImGui::GetStyle();
    const ImGuiID editor = ImGui::GetID(id);
    const float width = ImGui::GetContentRegionAvail().x;
    const float min_h = ImGui::GetTextLineHeight() * static_cast<float>(lines) + style.FramePadding.y * 2;
    const float wrap = std::max(width - style.FramePadding.x * 2 - style.ScrollbarSize, 1.0f);
    const float text_h = ImGui::CalcTextSize(value.c_str(), nullptr, false, wrap).y;
    const float h = std::max(min_h, text_h + style.FramePadding.y * 2);
    const bool was_editing = ImGui::GetActiveID() == editor;
    if (!was_editing) ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0, 0, 0, 0));
    const bool edited = ImGui::InputTextMultiline(id, &value, ImVec2(-1, h));
    if (was_editing) return edited;
    ImGui::PopStyleColor();
    if (ImGui::GetActiveID() == editor) return edited;  // taken this frame: its own text from the next
    const ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->PushClipRect(a, b, true);
    dl->AddText(ImGui::GetFont(), ImGui::GetFontSize(), ImVec2(a.x + style.FramePadding.x, a.y + style.FramePadding.y),
                ImGui::GetColorU32(ImGuiCol_Text), value.c_str(), nullptr, wrap);
    dl->PopClipRect();
    if (GImGui->LogEnabled) ImGui::LogRenderedText(&a, value.c_str());
    return edited;
}

}  // namespace

bool edit_field(const char* label, const char* id, std::string& value, int lines, bool* changed) {
    ImGui::TextUnformatted(label);
    ImGui::SetNextItemWidth(-1);
    bool edited = false;
    if (lines > 1) {
        edited = wrapped_multiline(id, value, lines);
    } else {
        edited = ImGui::InputText(id, &value);
    }
    if (changed && edited) *changed = true;
    return ImGui::IsItemDeactivatedAfterEdit();
}

namespace {
constexpr double kCommitAfterPauseSeconds = 1.0;
}

bool TypingPause::due(UiContext& ctx, bool changed) {
    const double now = ImGui::GetTime();
    if (changed) last_change = now;
    if (last_change <= 0) return false;
    const double at = last_change + kCommitAfterPauseSeconds;
    if (now >= at) return true;
    if (ctx.state.wake_at <= 0 || at < ctx.state.wake_at) ctx.state.wake_at = at;
    return false;
}

void status_line(const UiContext& ctx, const std::string& left, const std::string& undo, const std::string& path) {
    const float start = ImGui::GetCursorPosX();
    const float avail = ImGui::GetContentRegionAvail().x;
    const float gap = em(2);
    const float left_w = std::min(ImGui::CalcTextSize(left.c_str()).x, avail);
    std::string right;
    for (const std::string& candidate : {undo.empty() || path.empty() ? undo + path : undo + "   " + path, undo}) {
        if (!candidate.empty() && left_w + gap + ImGui::CalcTextSize(candidate.c_str()).x <= avail) {
            right = candidate;
            break;
        }
    }
    const ImVec2 p0 = ImGui::GetCursorScreenPos();
    const float line_h = ImGui::GetTextLineHeight();
    ImGui::RenderTextEllipsis(ImGui::GetWindowDrawList(), p0, ImVec2(p0.x + avail, p0.y + line_h), p0.x + avail,
                              p0.x + avail, left.c_str(), nullptr, nullptr);
    ImGui::Dummy(ImVec2(left_w, line_h));
    if (right.empty()) return;
    ImGui::SameLine(start + avail - ImGui::CalcTextSize(right.c_str()).x);
    ImGui::PushStyleColor(ImGuiCol_Text, vec4(ctx.palette.text_muted));
    ImGui::TextUnformatted(right.c_str());
    ImGui::PopStyleColor();
}

std::string zoom_text(float zoom) {
    return i18n::format(i18n::tr("Zoom {0}%"), {std::to_string(static_cast<int>(std::lround(zoom * 100.0f)))});
}

void zoom_badge(const UiContext& ctx, float zoom) {
    const ImGuiIO& io = ImGui::GetIO();
    ImGui::SetNextWindowPos(ImVec2(io.DisplaySize.x * 0.5f, io.DisplaySize.y * 0.12f), ImGuiCond_Always,
                            ImVec2(0.5f, 0.0f));
    ImGui::PushStyleColor(ImGuiCol_WindowBg, vec4(ctx.palette.text));
    ImGui::PushStyleColor(ImGuiCol_Text, vec4(ctx.palette.background));
    ImGui::Begin("##zoom", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoInputs | ImGuiWindowFlags_AlwaysAutoResize |
                     ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoFocusOnAppearing | ImGuiWindowFlags_NoNav);
    if (ctx.fonts.large) ImGui::PushFont(ctx.fonts.large);
    ImGui::TextUnformatted(zoom_text(zoom).c_str());
    if (ctx.fonts.large) ImGui::PopFont();
    ImGui::End();
    ImGui::PopStyleColor(2);
}

std::string count_of(std::size_t n, const char* one, const char* many) {
    return std::to_string(n) + " " + (n == 1 ? one : many);
}

std::string counted(std::size_t n, const char* pattern) { return i18n::format(pattern, {std::to_string(n)}); }

const char* role_name(core::Role role) {
    switch (role) {
    case core::Role::User: return i18n::trc("role", "user");
    case core::Role::Champion: return i18n::trc("role", "champion");
    case core::Role::Decider: return i18n::trc("role", "decider");
    case core::Role::Developer: return i18n::trc("role", "developer");
    case core::Role::Jury: return i18n::trc("role", "jury");
    }
    return "";
}

const char* status_name(core::IdeaStatus status) {
    switch (status) {
    case core::IdeaStatus::Proposed: return i18n::trc("status", "proposed");
    case core::IdeaStatus::Pilot: return i18n::trc("status", "pilot");
    case core::IdeaStatus::Scaled: return i18n::trc("status", "scaled");
    case core::IdeaStatus::Adjusted: return i18n::trc("status", "adjusted");
    case core::IdeaStatus::Stopped: return i18n::trc("status", "stopped");
    }
    return "";
}

void same_line_if_fits(float width) {
    const float spacing = ImGui::GetStyle().ItemSpacing.x;
    // The right edge of where items go: the window's, or in a table the column's.
    const float right = ImGui::GetCursorScreenPos().x + ImGui::GetContentRegionAvail().x;
    const float after = ImGui::GetItemRectMax().x + spacing;  // where SameLine() would put it
    if (after + width <= right) ImGui::SameLine();
}

float button_width(const char* label) {
    return ImGui::CalcTextSize(label, nullptr, true).x + 2 * ImGui::GetStyle().FramePadding.x;
}

bool fitted_button(const char* label, float width) {
    const char* end = ImGui::FindRenderedTextEnd(label);
    const std::string shown(label, end);
    const ImGuiStyle& style = ImGui::GetStyle();
    const float natural = ImGui::CalcTextSize(shown.c_str()).x + 2 * style.FramePadding.x;
    const float avail = ImGui::GetContentRegionAvail().x;
    const float w = width > 0 ? width : std::min(natural, avail);
    if (natural <= w || w <= 2 * style.FramePadding.x) return ImGui::Button(label, ImVec2(width > 0 ? width : 0, 0));
    // Too long: an empty button of width w with the label ellipsised inside it.
    const bool pressed = ImGui::Button((std::string("##") + label).c_str(), ImVec2(w, 0));
    const ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
    const ImVec2 t0(a.x + style.FramePadding.x, a.y + style.FramePadding.y);
    const float right = b.x - style.FramePadding.x;
    ImGui::RenderTextEllipsis(ImGui::GetWindowDrawList(), t0, ImVec2(right, b.y), right, right, shown.c_str(), nullptr,
                              nullptr);
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", shown.c_str());  // (RenderTextEllipsis logs the whole text)
    return pressed;
}

// TRANSLATORS: quotation marks around a title, as the language writes them.
std::string quoted_title(const std::string& s) { return i18n::format(i18n::tr("\u201C{0}\u201D"), {s}); }

std::string ellipsised(const std::string& text, float width) {
    if (ImGui::CalcTextSize(text.c_str()).x <= width) return text;
    const char* dots = ImGui::GetFont()->FindGlyphNoFallback(0x2026) ? "\u2026" : "...";
    std::string cut = text;
    while (!cut.empty()) {
        // One whole glyph off the end: its UTF-8 continuation bytes, then its first byte.
        while (!cut.empty() && (static_cast<unsigned char>(cut.back()) & 0xC0) == 0x80) cut.pop_back();
        if (!cut.empty()) cut.pop_back();
        while (!cut.empty() && cut.back() == ' ') cut.pop_back();
        if (ImGui::CalcTextSize((cut + dots).c_str()).x <= width) break;
    }
    return cut + dots;
}

void fitted_text(const std::string& text) {
    const std::string shown = ellipsised(text, ImGui::GetContentRegionAvail().x);
    ImGui::TextUnformatted(shown.c_str());
    // (Text is no interactive item: the mouse over its rectangle is enough, whatever item or
    // table cell around it the window counts as hovered.)
    const bool over = ImGui::IsWindowHovered(ImGuiHoveredFlags_AllowWhenBlockedByActiveItem) &&
                      ImGui::IsMouseHoveringRect(ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
    if (shown != text && over) ImGui::SetTooltip("%s", text.c_str());
}

float longest_word_width(ImFont* font, const std::string& text) {
    if (font) ImGui::PushFont(font);
    float widest = 0;
    std::size_t at = 0;
    while (at < text.size()) {
        const std::size_t end = std::min(text.find(' ', at), text.size());
        widest = std::max(widest, ImGui::CalcTextSize(text.data() + at, text.data() + end).x);
        at = end + 1;
    }
    if (font) ImGui::PopFont();
    return widest;
}

bool longest_word_fits(ImFont* font, const std::string& text, float width) { return longest_word_width(font, text) <= width; }

bool colour_button(const char* label, const Rgba& fill, const Rgba& text, ImVec2 size) {
    ImGui::PushStyleColor(ImGuiCol_Button, vec4(fill));
    ImGui::PushStyleColor(ImGuiCol_ButtonHovered, vec4(fill));
    ImGui::PushStyleColor(ImGuiCol_ButtonActive, vec4(fill));
    ImGui::PushStyleColor(ImGuiCol_Text, vec4(text));
    const bool pressed = ImGui::Button(label, size);
    ImGui::PopStyleColor(4);
    return pressed;
}

int stage_of_kind(const core::Session& s, core::StageKind kind) {
    const auto& stages = s.workshop().stages;
    const int cur = s.current_stage();
    if (cur >= 0 && cur < static_cast<int>(stages.size()) && stages[static_cast<std::size_t>(cur)].kind == kind)
        return cur;
    for (std::size_t i = 0; i < stages.size(); ++i)
        if (stages[i].kind == kind) return static_cast<int>(i);
    return -1;
}

bool esc_closes_view(UiContext& ctx) {
    const int frame = ImGui::GetFrameCount();
    ctx.state.esc_panel_frame = frame;
    if (!ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape), false)) return false;
    if (ctx.state.esc_used_frame == frame || ImGui::IsPopupOpen("", ImGuiPopupFlags_AnyPopupId)) return false;
    ctx.state.esc_used_frame = frame;
    return true;
}

}  // namespace pilotdeck::ui
