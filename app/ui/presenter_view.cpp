#include "ui/presenter_view.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>

#include <imgui.h>

#include "base/i18n.hpp"
#include "server/phone_server.hpp"
#include "ui/panels.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"

namespace pilotdeck::ui {

namespace {

constexpr float kSideShare = 0.38f;  // the column beside the stage panel

// The room's picture, scaled to the column's width, framed; a note over it while blanked.
void draw_preview(const UiContext& ctx, const PresenterInfo& info) {
    muted(ctx, i18n::tr("The room sees"));
    const float w = ImGui::GetContentRegionAvail().x;
    const float aspect = info.preview_width > 0 && info.preview_height > 0
                             ? static_cast<float>(info.preview_height) / static_cast<float>(info.preview_width)
                             : 9.0f / 16.0f;
    const ImVec2 size(w, std::round(w * aspect));
    const ImVec2 p0 = ImGui::GetCursorScreenPos();
    const ImVec2 p1(p0.x + size.x, p0.y + size.y);
    if (info.preview_drawn_at) {  // within the column's clip rectangle
        const ImVec2 c0 = ImGui::GetWindowDrawList()->GetClipRectMin();
        const ImVec2 c1 = ImGui::GetWindowDrawList()->GetClipRectMax();
        const float at[4] = {std::max(p0.x, c0.x), std::max(p0.y, c0.y), std::min(p1.x, c1.x), std::min(p1.y, c1.y)};
        std::copy(at, at + 4, info.preview_drawn_at);
    }
    ImDrawList* dl = ImGui::GetWindowDrawList();
    if (info.room_blanked) {
        dl->AddRectFilled(p0, p1, IM_COL32(0, 0, 0, 255));
    } else if (info.preview_texture != 0) {
        // The texture holds the window bottom row first (OpenGL's order): flipped here.
        const auto id = reinterpret_cast<ImTextureID>(static_cast<std::uintptr_t>(info.preview_texture));
        dl->AddImage(id, p0, p1, ImVec2(0, 1), ImVec2(1, 0));
    } else {
        dl->AddRectFilled(p0, p1, u32(ctx.palette.surface));
    }
    dl->AddRect(p0, p1, u32(ctx.palette.text_muted));
    const char* note = info.room_blanked ? i18n::tr("The room's screen is blank (B shows it again)")
                                         : (info.preview_texture == 0 ? i18n::tr("The room's picture comes with its first frame") : nullptr);
    if (note) {
        const ImVec2 ts = ImGui::CalcTextSize(note, nullptr, false, size.x - em(1));
        ImGui::SetCursorScreenPos(ImVec2(p0.x + em(0.5f), p0.y + (size.y - ts.y) * 0.5f));
        ImGui::PushStyleColor(ImGuiCol_Text, info.room_blanked ? ImVec4(1, 1, 1, 1) : vec4(ctx.palette.text_muted));
        ImGui::PushTextWrapPos(p0.x - ImGui::GetWindowPos().x + size.x - em(0.5f));
        ImGui::TextWrapped("%s", note);
        ImGui::PopTextWrapPos();
        ImGui::PopStyleColor();
    }
    ImGui::SetCursorScreenPos(p0);
    ImGui::Dummy(size);
}

// A button on the current line when it fits there, else on the next (German labels are long).
bool flow_button(const char* label, bool first) {
    const ImGuiStyle& style = ImGui::GetStyle();
    const float w = ImGui::CalcTextSize(label).x + style.FramePadding.x * 2;
    if (!first) {
        const float right = ImGui::GetItemRectMax().x + style.ItemSpacing.x + w;
        if (right <= ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x) ImGui::SameLine();
    }
    return ImGui::Button(label);
}

// The buttons for what clickers and keys do; returns the action asked for.
const char* draw_controls(const UiContext& ctx, const PresenterInfo& info) {
    const char* asked = nullptr;
    const int cur = ctx.session.current_stage();
    const int count = static_cast<int>(ctx.session.workshop().stages.size());
    ImGui::BeginDisabled(cur <= 0);
    if (flow_button(i18n::tr("\u2190 Previous"), true)) asked = "previous_stage";
    ImGui::EndDisabled();
    ImGui::BeginDisabled(cur + 1 >= count);
    if (flow_button(i18n::tr("Next \u2192"), false)) asked = "next_stage";
    ImGui::EndDisabled();
    if (flow_button(info.room_blanked ? i18n::tr("Show the room's screen") : i18n::tr("Blank the room's screen"), false))
        asked = "blank";
    if (flow_button(i18n::tr("Swap screens"), false)) asked = "swap_screens";
    return asked;
}

void draw_phones_line(const UiContext& ctx, const server::PhoneServer& phones) {
    const server::PhoneCounts c = phones.counts();
    ImGui::Separator();
    ImGui::TextWrapped("%s", i18n::format(i18n::tr("Phones: {0} joined, {1} finished"),
                                          {i18n::integer(c.joined), i18n::integer(c.finished)})
                                 .c_str());
    // contracts 6: the jury's own join code, here and never in the room's window.
    if (ctx.session.workshop().mode == core::Mode::Hackathon && !phones.jury_code().empty()) {
        const std::string code = phones.jury_code();
        const std::string spaced = code.size() == 6 ? code.substr(0, 3) + " " + code.substr(3) : code;
        ImGui::TextColored(vec4(ctx.palette.accent), "%s",
                           i18n::format(i18n::tr("Jury code: {0} (for the jury only)"), {spaced}).c_str());
    }
    // In scoring the notes name who has finished; elsewhere the names are here.
    const auto& stages = ctx.session.workshop().stages;
    const int cur = ctx.session.current_stage();
    const bool scoring = cur >= 0 && cur < static_cast<int>(stages.size()) &&
                         stages[static_cast<std::size_t>(cur)].kind == core::StageKind::Scoring;
    if (scoring) return;
    for (const auto& name : c.finished_names) {
        ImGui::Bullet();
        ImGui::TextWrapped("%s", name.c_str());
    }
}

}  // namespace

std::string next_stage_line(const core::Session& session) {
    const auto& stages = session.workshop().stages;
    const int next = session.current_stage() + 1;
    if (next <= 0 || next >= static_cast<int>(stages.size())) return i18n::tr("This is the last stage");
    const core::Stage& st = stages[static_cast<std::size_t>(next)];
    const auto minutes = static_cast<unsigned long>(std::max(st.minutes, 0));
    return i18n::format(i18n::tr("Next: {0}. {1} ({2})"),
                        {i18n::integer(next + 1), st.title,
                         i18n::format(i18n::ntr("{0} minute", "{0} minutes", minutes), {i18n::integer(st.minutes)})});
}

const char* draw_presenter_view(UiContext& ctx, const PresenterInfo& info) {
    const char* asked = nullptr;
    if (!ctx.state.error.empty()) {  // this view's error (the room's has its own banner)
        ImGui::PushStyleColor(ImGuiCol_Text, vec4(ctx.palette.danger));
        ImGui::TextWrapped("\u25A0 %s", ctx.state.error.c_str());
        ImGui::PopStyleColor();
        ImGui::SameLine();
        if (ImGui::SmallButton(i18n::tr("Dismiss"))) ctx.state.error.clear();
    }
    draw_stepper(ctx);
    ImGui::Separator();
    const auto& stages = ctx.session.workshop().stages;
    const int cur = ctx.session.current_stage();
    ImVec2 avail = ImGui::GetContentRegionAvail();
    avail.y -= ImGui::GetFrameHeightWithSpacing() + ImGui::GetStyle().ItemSpacing.y;  // the status line
    const float side_w = std::round(avail.x * kSideShare);
    const float gap = em(1);

    ImGui::BeginChild("##presenter_stage", ImVec2(avail.x - side_w - gap, avail.y), false);
    if (info.timer) draw_stage_header(ctx, *info.timer);
    ImGui::Separator();
    if (cur >= 0 && cur < static_cast<int>(stages.size())) draw_stage_panel(ctx, stages[static_cast<std::size_t>(cur)].kind);
    ImGui::EndChild();

    ImGui::SameLine(0, gap);
    ImGui::PushStyleColor(ImGuiCol_ChildBg, vec4(ctx.palette.surface));
    ImGui::BeginChild("##presenter_side", ImVec2(side_w, avail.y), false, ImGuiWindowFlags_AlwaysUseWindowPadding);
    draw_preview(ctx, info);
    ImGui::TextWrapped("%s", next_stage_line(ctx.session).c_str());
    asked = draw_controls(ctx, info);
    ImGui::Separator();
    if (ctx.state.notes_visible)
        draw_notes(ctx, info.phones);
    else
        muted(ctx, i18n::tr("Notes hidden (N shows them)"));
    if (info.phones) draw_phones_line(ctx, *info.phones);
    ImGui::EndChild();
    ImGui::PopStyleColor();
    ImGui::Separator();
    const std::string left = ctx.state.status.empty() ? i18n::tr("All changes are saved as you go") : ctx.state.status;
    const std::string undo =
        ctx.session.can_undo() ? i18n::format(i18n::tr("Ctrl+Z: undo {0}"), {ctx.session.undo_label()}) : std::string();
    status_line(ctx, left, undo, ctx.state.workshop_path);
    return asked;
}

}  // namespace pilotdeck::ui
