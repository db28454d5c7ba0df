// One function per stage panel (and the side panels). Each draws into the current ImGui
// window region, reads from ctx.session and changes things only through ctx.run(command).
#pragma once

#include "core/timer.hpp"
#include "ui/ui_context.hpp"

namespace pilotdeck::ui {

void draw_intro(UiContext& ctx);         // panel_intro.cpp
void draw_concerns(UiContext& ctx);      // panel_concerns.cpp
void draw_ideas(UiContext& ctx);         // panel_ideas.cpp
void draw_participants(UiContext& ctx);  // panel_participants.cpp
void draw_scoring(UiContext& ctx);       // panel_scoring.cpp
void draw_matrix(UiContext& ctx);        // panel_matrix.cpp
void draw_shortlist(UiContext& ctx);     // panel_shortlist.cpp

// The agenda (panel_agenda.cpp): the stages as a stepper across the top, and the current
// stage's title, goal and countdown.
void draw_stepper(UiContext& ctx);
void draw_stage_header(UiContext& ctx, core::Countdown& countdown);
// The facilitator notes column (panel_notes.cpp): the stage's prompts and the picked concern's answer.
void draw_notes(UiContext& ctx);

}  // namespace pilotdeck::ui
