// One function per stage panel (and the side panels). Each draws into the current ImGui
// window region, reads from ctx.session and changes things only through ctx.run(command).
#pragma once

#include <string>
#include <vector>

#include <imgui.h>

#include "core/model.hpp"
#include "core/timer.hpp"
#include "ui/ui_context.hpp"

namespace pilotdeck::server {
class PhoneServer;
}

namespace pilotdeck::ui {

void draw_intro(UiContext& ctx);         // panel_intro.cpp
void draw_concerns(UiContext& ctx);      // panel_concerns.cpp
void draw_ideas(UiContext& ctx);         // panel_ideas.cpp
void draw_participants(UiContext& ctx);  // panel_participants.cpp
void draw_scoring(UiContext& ctx);       // panel_scoring.cpp
void draw_matrix(UiContext& ctx);        // panel_matrix.cpp
void draw_shortlist(UiContext& ctx);     // panel_shortlist.cpp
void draw_review(UiContext& ctx);        // panel_review.cpp (contracts 12)

// Hackathons (contracts 6).
void draw_teams(UiContext& ctx);         // panel_teams.cpp
void draw_work(UiContext& ctx);          // panel_teams.cpp (the build sprint)
void draw_pitches(UiContext& ctx);       // panel_pitches.cpp
void draw_judging(UiContext& ctx);       // panel_judging.cpp
void draw_awards(UiContext& ctx);        // panel_awards.cpp
// PageDown (+1) / PageUp (-1) within a stage: the next pitch phase or team, the next award.
// True when the stage used the key; false at its ends (the key then changes the stage).
bool pitches_page(UiContext& ctx, int direction);
bool awards_page(UiContext& ctx, int direction);
bool hackathon_page(UiContext& ctx, int direction);  // panel_awards.cpp: dispatches by stage kind
// Text in the large font drawn `scale` times bigger, wrapped to the available width (the huge
// font holds only the countdown's digits). panel_pitches.cpp.
void big_text(const UiContext& ctx, const std::string& text, ImU32 colour, float scale);

// The agenda (panel_agenda.cpp): the stages as a stepper across the top, and the current
// stage's title, goal and countdown.
void draw_stepper(UiContext& ctx);
// The stepper's cells for `total` pixels: each "N. title" when all fit, else the current stage
// whole (marked) and the others by their number (a tick for those done).
struct StepCell {
    std::string label;
    float width = 0;
    bool whole = true;  // the label is the whole title
    std::string line2;  // the current stage's title on two lines when one is too wide (else empty)
    float scale = 1;    // last resort: the text drawn smaller when even two lines are too wide
};
std::vector<StepCell> stepper_cells(const std::vector<core::Stage>& stages, int current, float total, float gap,
                                    float pad);
// The demo workshop's own file (created on the first run): while it is open, a line says it is
// the demo and how to start one's own (Ctrl+O). Draws nothing for any other workshop.
std::string demo_workshop_path();
void draw_demo_note(UiContext& ctx);
void draw_stage_header(UiContext& ctx, core::Countdown& countdown);
// The facilitator notes column (panel_notes.cpp): the stage's prompts and the picked concern's
// answer; in scoring, with the phone server running, the names of the phones that finished.
void draw_notes(UiContext& ctx, const server::PhoneServer* phones = nullptr);
// The notes column's width beside `stage` in `avail_w` (the stage, notes and gap): 0.28 of it;
// on the scoring stages 0.18 (at least 9 em), so the grid of raters x criteria stays big enough
// for the back row; the notes wrap and scroll there, and the column is at least as wide as the
// widest word of its prompts (up to 0.28), so that no word is broken.
float notes_width(const core::Stage& stage, float avail_w);

// The phones box beside the stage while the phone server runs (panel_phones.cpp): address,
// join code, QR code, counts (never values) and the blind round's close/reopen buttons (they
// request SetPhoneRound: the application layer closes or opens the round).
void draw_phones(UiContext& ctx, const server::PhoneServer& phones);
float phones_panel_width(const UiContext& ctx);
// While ctx.state.blind_round: draws the "scores are hidden" banner and returns true (the
// scoring and matrix panels then show no values).
bool blind_round_banner(const UiContext& ctx);

}  // namespace pilotdeck::ui
