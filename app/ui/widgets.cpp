#include "ui/widgets.hpp"

#include <algorithm>

#include <imgui_internal.h>
#include <imgui_stdlib.h>

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

bool edit_field(const char* label, const char* id, std::string& value, int lines, bool* changed) {
    ImGui::TextUnformatted(label);
    ImGui::SetNextItemWidth(-1);
    bool edited = false;
    if (lines > 1) {
        const float h = ImGui::GetTextLineHeight() * static_cast<float>(lines) + ImGui::GetStyle().FramePadding.y * 2;
        edited = ImGui::InputTextMultiline(id, &value, ImVec2(-1, h));
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

std::string count_of(std::size_t n, const char* one, const char* many) {
    return std::to_string(n) + " " + (n == 1 ? one : many);
}

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

}  // namespace pilotdeck::ui
