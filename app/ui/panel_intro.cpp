// The intro stage: who, when, why, and the agenda of the day.
#include <string>

#include <imgui.h>

#include "ui/panels.hpp"
#include "ui/widgets.hpp"

namespace pilotdeck::ui {

namespace {

std::string clock_text(int minutes) {
    const int h = minutes / 60, m = minutes % 60;
    return std::to_string(h) + ":" + (m < 10 ? "0" : "") + std::to_string(m);
}

void draw_info_editor(UiContext& ctx) {
    static core::WorkshopInfo draft;
    static std::uint64_t seen = ~0ull;
    static TypingPause pause;
    static int generation = 0;  // bumps when the draft is replaced from the session
    if (seen != ctx.session.revision() && !ImGui::IsAnyItemActive()) {
        draft = ctx.session.workshop().info;
        seen = ctx.session.revision();
        ++generation;
    }
    ImGui::PushID(generation);
    bool done = false, changed = false;
    done |= edit_field("Title", "##info_title", draft.title, 1, &changed);
    done |= edit_field("Organisation", "##info_org", draft.organisation, 1, &changed);
    done |= edit_field("Date (YYYY-MM-DD)", "##info_date", draft.date, 1, &changed);
    done |= edit_field("Facilitator", "##info_facilitator", draft.facilitator, 1, &changed);
    done |= pause.due(ctx, changed);
    if (done && draft != ctx.session.workshop().info) {
        ctx.run(core::SetInfo{draft});
        seen = ctx.session.revision();
    }
    if (done) pause.committed();
    ImGui::PopID();
}

}  // namespace

void draw_intro(UiContext& ctx) {
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
