// The intro stage: who, when, why, and the agenda of the day.
#include <string>

#include <imgui.h>

#include "base/i18n.hpp"
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
    info_.field(i18n::tr("Title"), "##info_title", d.title, 1, "info");
    info_.field(i18n::tr("Organisation"), "##info_org", d.organisation, 1, "info");
    info_.field(i18n::tr("Date (YYYY-MM-DD)"), "##info_date", d.date, 1, "info");
    info_.field(i18n::tr("Facilitator"), "##info_facilitator", d.facilitator, 1, "info");
    info_.finish(ctx, "workshop details", [this, &ctx] { commit_info(ctx); });
    ImGui::PopID();
}

void draw_intro(UiContext& ctx) { ctx.panels().intro.draw(ctx); }

void IntroPanel::draw(UiContext& ctx) {
    const auto& ws = ctx.session.workshop();
    const auto& info = ws.info;
    ImGui::PushFont(ctx.fonts.large);
    ImGui::TextWrapped("%s", info.title.empty() ? i18n::tr("Untitled workshop") : info.title.c_str());
    ImGui::PopFont();
    std::string line = info.organisation;
    if (!info.date.empty()) line += (line.empty() ? "" : " \u00B7 ") + info.date;
    if (!info.facilitator.empty())
        line += (line.empty() ? std::string() : std::string(" \u00B7 ")) +
                i18n::format(i18n::tr("facilitated by {0}"), {info.facilitator});
    if (!line.empty()) ImGui::TextWrapped("%s", line.c_str());
    ImGui::Spacing();

    for (const auto& st : ws.stages) {
        if (st.kind != core::StageKind::Intro) continue;
        ImGui::TextUnformatted(i18n::tr("Today\u2019s goal"));
        ImGui::PushFont(ctx.fonts.large);
        ImGui::TextWrapped("%s", st.goal.c_str());
        ImGui::PopFont();
        break;
    }
    ImGui::Spacing();

    heading(ctx, i18n::tr("Agenda"));
    if (ImGui::BeginTable("##agenda", 3, ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH)) {
        ImGui::TableSetupColumn(i18n::tr("Starts"), ImGuiTableColumnFlags_WidthFixed, em(5));
        ImGui::TableSetupColumn(i18n::tr("Stage"), ImGuiTableColumnFlags_WidthStretch);
        ImGui::TableSetupColumn(i18n::tr("Minutes"), ImGuiTableColumnFlags_WidthFixed, em(6));
        ImGui::TableHeadersRow();
        int start = 0;
        for (std::size_t i = 0; i < ws.stages.size(); ++i) {
            const auto& st = ws.stages[i];
            const bool cur = static_cast<int>(i) == ctx.session.current_stage();
            ImGui::TableNextRow();
            ImGui::TableSetColumnIndex(0);
            ImGui::Text("+%s", clock_text(start).c_str());
            ImGui::TableSetColumnIndex(1);
            ImGui::TextWrapped("%s%zu. %s", cur ? "\u25B6 " : "", i + 1, st.title.c_str());
            ImGui::TableSetColumnIndex(2);
            ImGui::TextUnformatted(i18n::format(i18n::tr("{0} min"), {std::to_string(st.minutes)}).c_str());
            start += st.minutes;
        }
        ImGui::EndTable();
    }
    int total = 0;
    for (const auto& st : ws.stages) total += st.minutes;
    ImGui::TextUnformatted(i18n::format(i18n::tr("In total {0} hours"), {clock_text(total)}).c_str());

    ImGui::Spacing();
    if (ImGui::CollapsingHeader((std::string(i18n::tr("Edit workshop details")) + "###info_editor").c_str())) draw_info_editor(ctx);
}

}  // namespace pilotdeck::ui
