// The intro stage: who, when, why, and the agenda of the day.
#include <cstdint>
#include <map>
#include <string>

#include <imgui.h>
#include <imgui_internal.h>

#include "ui/panels.hpp"
#include "ui/widgets.hpp"

namespace pilotdeck::ui {

namespace {

std::string clock_text(int minutes) {
    const int h = minutes / 60, m = minutes % 60;
    return std::to_string(h) + ":" + (m < 10 ? "0" : "") + std::to_string(m);
}

struct InfoEditor {
    core::WorkshopInfo draft;
    std::uint64_t seen = ~0ull;
    const core::Session* session = nullptr;  // the draft's session (a workshop opened since starts afresh)
    TypingPause pause;
    int generation = 0;  // bumps when the draft is replaced from the session
    std::map<std::string, int> focus_serial;  // field id -> the count when it last took focus
    int focus_count = 0;
    std::string save_key;  // undo coalescing key of the field edit waiting to be saved
};

InfoEditor& editor() {
    static InfoEditor e;
    return e;
}

// The draft of the workshop details into the session, in the undo step of its field session.
void commit_info(UiContext& ctx) {
    InfoEditor& e = editor();
    ctx.release_edit("workshop details");
    if (e.session == &ctx.session && e.draft != ctx.session.workshop().info) {
        ctx.run(core::SetInfo{e.draft}, e.save_key);
        e.seen = ctx.session.revision();
    }
    e.pause.committed();
    e.save_key.clear();
}

void draw_info_editor(UiContext& ctx) {
    InfoEditor& e = editor();
    if ((e.session != &ctx.session || e.seen != ctx.session.revision()) && !ImGui::IsAnyItemActive()) {
        e.draft = ctx.session.workshop().info;
        e.seen = ctx.session.revision();
        e.session = &ctx.session;
        ++e.generation;
    }
    ImGui::PushID(e.generation);
    bool done = false, changed = false;
    // The saves of one field, from the moment it takes focus until it lets go (the pauses in
    // typing and the leaving), are one undo step: their key names the field and that focus.
    auto field = [&](const char* label, const char* id, std::string& value) {
        // Esc leaves the field keeping its text (ImGui would put back the text from when the
        // field took the focus: with saves already made, that would throw the typing away).
        const bool leave = ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape), false) &&
                           ImGui::GetActiveID() == ImGui::GetID(id);
        if (leave) ImGui::ClearActiveID();
        bool edited = false;
        const bool finished = edit_field(label, id, value, 1, &edited) || leave;
        if (ImGui::IsItemActivated()) e.focus_serial[id] = ++e.focus_count;
        if (edited || finished) e.save_key = std::string("info\x1f") + id + '\x1f' + std::to_string(e.focus_serial[id]);
        changed |= edited;
        done |= finished;
    };
    field("Title", "##info_title", e.draft.title);
    field("Organisation", "##info_org", e.draft.organisation);
    field("Date (YYYY-MM-DD)", "##info_date", e.draft.date);
    field("Facilitator", "##info_facilitator", e.draft.facilitator);
    done |= e.pause.due(ctx, changed);
    if (done)
        commit_info(ctx);
    else if (changed)
        ctx.hold_edit("workshop details", [&ctx] { commit_info(ctx); });
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
