// The intro stage: who, when, why, and the agenda of the day.
#include <string>

#include <imgui.h>

#include "ui/panel_set.hpp"
#include "ui/panels.hpp"
#include "ui/widgets.hpp"

namespace pilotdeck::ui {

namespace {

std::string clock_text(int minutes) {
    const int h = minutes / 60, m = minutes % 60;
    return std::to_string(h) + ":" + (m < 10 ? "0" : "") + std::to_string(m);
}

}  // namespace

// The draft of the workshop details into the session, in the undo step of its field session.
void IntroPanel::commit_info(UiContext& ctx) {
    ctx.release_edit("workshop details");
    if (info_.draft() != ctx.session.workshop().info) {
        ctx.run(core::SetInfo{info_.draft()}, info_.save_key());
        info_.saved(ctx.session.revision());
    }
    info_.committed();
}

void IntroPanel::draw_info_editor(UiContext& ctx) {
    info_.refresh(ctx.session.workshop().info, ctx.session.revision());
    ImGui::PushID(info_.generation());
    core::WorkshopInfo& d = info_.draft();
    info_.field("Title", "##info_title", d.title, 1, "info");
    info_.field("Organisation", "##info_org", d.organisation, 1, "info");
    info_.field("Date (YYYY-MM-DD)", "##info_date", d.date, 1, "info");
    info_.field("Facilitator", "##info_facilitator", d.facilitator, 1, "info");
    info_.finish(ctx, "workshop details", [this, &ctx] { commit_info(ctx); });
    ImGui::PopID();
}

void draw_intro(UiContext& ctx) { ctx.panels().intro.draw(ctx); }

void IntroPanel::draw(UiContext& ctx) {
    const auto& ws = ctx.session.workshop();
    const auto& info = ws.info;
    ImGui::PushFont(ctx.fonts.large);
    ImGui::TextWrapped("%s", info.title.empty() ? "Untitled workshop" : info.title.c_str());
    ImGui::PopFont();
    std::string line = info.organisation;
    if (!info.date.empty()) line += (line.empty() ? "" : " \u00B7 ") + info.date;
    if (!info.facilitator.empty()) line += (line.empty() ? "" : " \u00B7 facilitated by ") + info.facilitator;
    if (!line.empty()) ImGui::TextWrapped("%s", line.c_str());
    ImGui::Spacing();

    for (const auto& st : ws.stages) {
        if (st.kind != core::StageKind::Intro) continue;
        ImGui::TextUnformatted("Today\u2019s goal");
        ImGui::PushFont(ctx.fonts.large);
        ImGui::TextWrapped("%s", st.goal.c_str());
        ImGui::PopFont();
        break;
    }
    ImGui::Spacing();

    heading(ctx, "Agenda");
    if (ImGui::BeginTable("##agenda", 3, ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH)) {
        ImGui::TableSetupColumn("Starts", ImGuiTableColumnFlags_WidthFixed, em(5));
        ImGui::TableSetupColumn("Stage", ImGuiTableColumnFlags_WidthStretch);
        ImGui::TableSetupColumn("Minutes", ImGuiTableColumnFlags_WidthFixed, em(6));
        ImGui::TableHeadersRow();
        int start = 0;
        for (std::size_t i = 0; i < ws.stages.size(); ++i) {
            const auto& st = ws.stages[i];
            const bool cur = static_cast<int>(i) == ctx.session.current_stage();
            ImGui::TableNextRow();
            ImGui::TableSetColumnIndex(0);
            ImGui::Text("+%s", clock_text(start).c_str());
            ImGui::TableSetColumnIndex(1);
            ImGui::Text("%s%zu. %s", cur ? "\u25B6 " : "", i + 1, st.title.c_str());
            ImGui::TableSetColumnIndex(2);
            ImGui::Text("%d min", st.minutes);
            start += st.minutes;
        }
        ImGui::EndTable();
    }
    ImGui::Text("In total %s hours", clock_text([&] {
                    int t = 0;
                    for (const auto& st : ws.stages) t += st.minutes;
                    return t;
                }()).c_str());

    ImGui::Spacing();
    if (ImGui::CollapsingHeader("Edit workshop details")) draw_info_editor(ctx);
}

}  // namespace pilotdeck::ui
