// The presenter's view (two screens: this on the laptop, the room's view on the projector): the
// current stage's panel to work in, and beside it what the room sees (a small live picture of
// the room's window), the next stage, the controls, the facilitator notes (questions for the
// room, the answer to the picked worry) and who has finished on their phones. Nothing here is
// ever drawn in the room's window.
#pragma once

#include <string>

#include "core/model.hpp"
#include "core/timer.hpp"
#include "ui/ui_context.hpp"

namespace pilotdeck::server {
class PhoneServer;
}

namespace pilotdeck::ui {

// What the presenter's view shows beside the workshop that is not in the session.
struct PresenterInfo {
    unsigned preview_texture = 0;  // the room's window as drawn (OpenGL texture), 0: none yet
    int preview_width = 0, preview_height = 0;
    // Out: where the picture was drawn (screen pixels x0, y0, x1, y1), for redrawing only it when
    // the room's picture changes; null: not asked.
    float* preview_drawn_at = nullptr;
    bool room_blanked = false;
    core::Countdown* timer = nullptr;  // the current stage's countdown, or null
    const server::PhoneServer* phones = nullptr;  // running, or null
};

// The whole view, into the current ImGui window region. Returns the id of the presenter action
// (App::actions) a control asked for ("next_stage", "blank", "swap_screens"...), or null; the
// application layer runs it.
const char* draw_presenter_view(UiContext& ctx, const PresenterInfo& info);

// "Next: 4. Scoring (20 minutes)", or that this is the last stage.
std::string next_stage_line(const core::Session& session);

// The current stage's panel (app.cpp): what the room sees, here to work in.
void draw_stage_panel(UiContext& ctx, core::StageKind kind);

}  // namespace pilotdeck::ui
