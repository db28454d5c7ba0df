// The facilitator notes column: the current stage's prompts, the picked concern's answer and,
// while phones score, who has finished (names only here: N hides them, the projected phones box
// shows counts).
#include <string>

#include <imgui.h>

#include "base/i18n.hpp"
#include "server/phone_server.hpp"
#include "ui/panels.hpp"
#include "ui/widgets.hpp"

namespace pilotdeck::ui {

namespace {

void phones_finished(const UiContext& ctx, const server::PhoneServer& phones) {
    const server::PhoneCounts c = phones.counts();
    ImGui::Separator();
    ImGui::TextWrapped("%s", i18n::format(i18n::tr("Finished on phones: {0} of {1}"),
                                          {std::to_string(c.finished), std::to_string(c.joined)})
                                 .c_str());
    if (c.finished_names.empty()) muted(ctx, c.joined == 0 ? i18n::tr("No phone has joined yet.") : i18n::tr("Nobody has finished yet."));
    for (const auto& name : c.finished_names) {
        ImGui::Bullet();
        ImGui::TextWrapped("%s", name.c_str());
    }
}

}  // namespace

void draw_notes(UiContext& ctx, const server::PhoneServer* phones) {
    const auto& ws = ctx.session.workshop();
    const int current = ctx.session.current_stage();
    if (current < 0 || current >= static_cast<int>(ws.stages.size())) return;
    const core::Stage& st = ws.stages[static_cast<std::size_t>(current)];

    heading(ctx, i18n::tr("Facilitator notes"));
    muted(ctx, i18n::tr("N hides these notes"));
    ImGui::Spacing();
    if (st.kind == core::StageKind::Concerns && !ctx.state.selected_concern.empty()) {
        for (const auto& c : ws.concerns) {
            if (c.id != ctx.state.selected_concern) continue;
            ImGui::PushFont(ctx.fonts.large);
            ImGui::TextWrapped("%s", i18n::format(i18n::tr("Answer to \u201C{0}\u201D"), {c.label}).c_str());
            ImGui::PopFont();
            ImGui::TextWrapped("%s", c.response.c_str());
            ImGui::Separator();
        }
    }
    ImGui::TextWrapped("%s", i18n::tr("Questions for the room"));
    for (const auto& prompt : st.prompts) {
        ImGui::Bullet();
        ImGui::TextWrapped("%s", prompt.c_str());
    }
    if (st.kind == core::StageKind::Scoring && phones && phones->running()) phones_finished(ctx, *phones);
}

}  // namespace pilotdeck::ui
