// One function per stage panel (and the side panels). Each draws into the current ImGui
// window region, reads from ctx.session and changes things only through ctx.run(command).
#pragma once

#include "ui/ui_context.hpp"

namespace pilotdeck::ui {

void draw_intro(UiContext& ctx);         // panel_intro.cpp
void draw_concerns(UiContext& ctx);      // panel_concerns.cpp
void draw_ideas(UiContext& ctx);         // panel_ideas.cpp
void draw_participants(UiContext& ctx);  // panel_participants.cpp
void draw_scoring(UiContext& ctx);       // panel_scoring.cpp
void draw_matrix(UiContext& ctx);        // panel_matrix.cpp
void draw_shortlist(UiContext& ctx);     // panel_shortlist.cpp

}  // namespace pilotdeck::ui
