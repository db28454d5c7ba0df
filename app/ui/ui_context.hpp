// What every panel gets: the session to read from, a way to issue commands, and the
// presentation state (selection, notes, theme, fonts). Panels draw only: no SQL, no rules.
#pragma once

#include <string>

#include "core/commands.hpp"
#include "core/session.hpp"

struct ImFont;

namespace pilotdeck::ui {

struct Fonts {
    ImFont* body = nullptr;    // the base size (zoomed)
    ImFont* large = nullptr;   // ~1.6x, headings and tiles
    ImFont* huge = nullptr;    // ~4x, the countdown
};

struct Palette;  // theme.hpp

struct UiState {
    std::string selected_idea;      // idea id, or empty
    std::string selected_concern;   // concern id, or empty (its answer shows in the notes)
    bool participants_visible = false;  // the participants side panel (F2)
    std::string department_filter;  // empty = all
    bool notes_visible = true;      // facilitator notes (prompts, answers, rater names); N toggles
    bool blanked = false;           // B
    bool blind_round = false;       // phones are on and their scoring round is open: no values shown
    bool focus_new_idea = false;    // Ctrl+N asks the ideas panel to focus its title field
    bool text_focus_pending = false;  // a text field is taking focus: letters are text; reset every frame
    bool empty_field_active = false;  // the active text field is empty: Ctrl+Z undoes the last edit; reset every frame
    double wake_at = 0;             // ImGui time a panel wants the next frame by (0: none); reset every frame
    std::string status;             // last message (e.g. "Saved", "Undid …")
    std::string error;              // last error, shown as a banner until dismissed
    std::string workshop_path;      // the open workshop file ("" in memory): default export folder
};

class UiContext {
public:
    UiContext(core::Session& s, const Fonts& f, const Palette& p) : session(s), fonts(f), palette(p) {}

    // Execute a command through the core (validated, committed). Errors land in state.error;
    // returns false then. Never throws. A non-empty coalesce_key joins the undo step of the
    // previous run with the same key (core::Session::execute_coalescing).
    bool run(const core::Command& c, const std::string& coalesce_key = {});

    core::Session& session;
    const Fonts& fonts;
    const Palette& palette;
    UiState state;
};

// Layout helper: n em in pixels at the current font size.
float em(float n);

}  // namespace pilotdeck::ui
