// The facilitator notes column: the current stage's prompts and the picked concern's answer.
#include <string>

#include <imgui.h>

#include "ui/panels.hpp"
#include "ui/widgets.hpp"

namespace pilotdeck::ui {

void draw_notes(UiContext& ctx) {
    const auto& ws = ctx.session.workshop();
    const int current = ctx.session.current_stage();
    if (current < 0 || current >= static_cast<int>(ws.stages.size())) return;
    const core::Stage& st = ws.stages[static_cast<std::size_t>(current)];

    heading(ctx, "Facilitator notes");
    muted(ctx, "N hides these notes");
    ImGui::Spacing();
    if (st.kind == core::StageKind::Concerns && !ctx.state.selected_concern.empty()) {
        for (const auto& c : ws.concerns) {
            if (c.id != ctx.state.selected_concern) continue;
            ImGui::PushFont(ctx.fonts.large);
            ImGui::TextWrapped("Answer to \u201C%s\u201D", c.label.c_str());
            ImGui::PopFont();
            ImGui::TextWrapped("%s", c.response.c_str());
            ImGui::Separator();
        }
    }
    ImGui::TextUnformatted("Questions for the room");
    for (const auto& prompt : st.prompts) {
        ImGui::Bullet();
        ImGui::TextWrapped("%s", prompt.c_str());
    }
}

}  // namespace pilotdeck::ui
