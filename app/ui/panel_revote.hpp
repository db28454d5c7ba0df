// The re-vote view of the scoring stage (contracts 9): the contested scores (sd >= 1.0) with
// their median, quartiles and histogram, never names; a button (and F3) to open a re-vote round
// on them; while a round is open, each cell before the round and now, a form where a rater gives
// a new value and a one-line reason, and the button that closes the round. Every change is a
// core command (SetRevote, Revote), undoable.
#pragma once

#include <string>

#include "ui/ui_context.hpp"

namespace pilotdeck::ui {

class RevotePanel {
public:
    bool is_open() const { return open_; }
    void open() {
        open_ = true;
        drawn_frame_ = -2;
    }
    void close(UiContext& ctx);
    void draw(UiContext& ctx);

private:
    void contested_list(UiContext& ctx);
    void round_view(UiContext& ctx);
    void entry_form(UiContext& ctx);

    bool open_ = false;
    int cell_ = 0;            // the cell of the open round the form re-votes
    std::string rater_;       // the rater picked in the form
    int value_ = 0;           // 0: none picked yet
    std::string reason_;
    int drawn_frame_ = -2;    // the last ImGui frame it was drawn in (a gap: the stage changed)
};

// For the scoring stage: F3 (no field typed in) opens or closes the re-vote view; while it is
// open it is drawn and this returns true (the stage then draws nothing else).
bool draw_revote_if_open(UiContext& ctx);
// "Disagreements (F3)": the button on the scoring stage that opens it.
void revote_button(UiContext& ctx);

}  // namespace pilotdeck::ui
