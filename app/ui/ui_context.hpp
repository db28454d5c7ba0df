// What every panel gets: the session to read from, a way to issue commands, and the
// presentation state (selection, notes, theme, fonts). Panels draw only: no SQL, no rules.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "core/commands.hpp"
#include "core/session.hpp"
#include "ui/requests.hpp"

struct ImFont;

namespace pilotdeck::ui {

struct Fonts {
    ImFont* body = nullptr;    // the base size (zoomed)
    ImFont* large = nullptr;   // ~1.6x, headings and tiles
    ImFont* huge = nullptr;    // ~4x, the countdown
};

struct Palette;   // theme.hpp
struct PanelSet;  // panel_set.hpp

struct UiState {
    std::string selected_idea;      // idea id, or empty
    std::string selected_concern;   // concern id, or empty (its answer shows in the notes)
    bool participants_visible = false;  // the participants side panel (F2)
    std::string department_filter;  // empty = all
    bool notes_visible = true;      // facilitator notes (prompts, answers, rater names); N toggles
    bool blanked = false;           // B
    bool blind_round = false;       // phones are on and their scoring round is open: no values shown
    bool audience_vote_open = false;  // phones are on and the hackathon's audience vote is open: its award waits
    bool focus_new_idea = false;    // Ctrl+N asks the ideas panel to focus its title field
    bool text_focus_pending = false;  // a text field is taking focus: letters are text; reset every frame
    bool empty_field_active = false;  // the active text field is empty: Ctrl+Z undoes the last edit; reset every frame
    bool text_dialog_open = false;  // a panel or popup for typing text is open (F2, a pin's reason); reset every frame
    std::string cleared_title;      // a new-idea title Esc cleared: Ctrl+Z puts it back (until the next edit)
    std::uint64_t cleared_at = 0;   // the session's revision when it was cleared
    std::string restore_title;      // Ctrl+Z asks the ideas panel to put this title back into its field
    bool quiet_tooltips = false;    // after a stage change: no tooltip until the mouse moves
    float quiet_mouse_x = 0, quiet_mouse_y = 0;  // where the mouse was then
    double wake_at = 0;             // ImGui time a panel wants the next frame by (0: none); reset every frame
    std::string status;             // last message (e.g. "Saved", "Undid …")
    std::string error;              // last error, shown as a banner until dismissed
    std::string workshop_path;      // the open workshop file ("" in memory): default export folder
    int esc_panel_frame = -10;      // ImGui frame a view Esc closes (F7, F3) was last drawn open: the window's Esc leaves it to it
    int esc_used_frame = -10;       // ImGui frame Esc already did something in (closed the help, left full screen, unblanked)
};

class UiContext {
public:
    // One per view of an open workshop: its own view state and its own panels (panel_set.hpp).
    UiContext(core::Session& s, const Fonts& f, const Palette& p);
    ~UiContext();
    UiContext(const UiContext&) = delete;
    UiContext& operator=(const UiContext&) = delete;

    // Execute a command through the core (validated, committed). Errors land in state.error;
    // returns false then. Never throws. A non-empty coalesce_key joins the undo step of the
    // previous run with the same key (core::Session::execute_coalescing).
    bool run(const core::Command& c, const std::string& coalesce_key = {});
    // Asks the application layer for what a view does not do itself (requests.hpp); taken
    // after the frame.
    void request(Request r);
    std::vector<Request> take_requests() { return std::exchange(requests_, {}); }

    // Edits typed but not committed yet (a field between pauses in typing, a new-idea title
    // without Enter): the panel holding one says how to commit it (hold_edit) until it has
    // (release_edit). commit_edits() commits them all, each in the undo step of its field
    // session, and lets go of the field being typed in. Everything that ends a field editing
    // session goes through it first: the stage changes (go_to_stage), another idea picked
    // (select_idea), and, in the app, quit, closing the window, Ctrl+O, the window losing the
    // focus and phones' votes.
    void hold_edit(const std::string& key, std::function<void()> commit);
    void release_edit(const std::string& key);
    void commit_edits();
    bool holds_edits() const { return !held_.empty(); }
    void go_to_stage(int index);
    // False after a stage change until the mouse moves (panels ask before showing a tooltip).
    bool tooltips_allowed();
    void select_idea(const std::string& id);

    // Letters are text, not presenter keys: a text field is being typed in or taking the focus,
    // or a panel or popup for typing text is open. The one gate of every single-key command
    // (B, N, T, M, Delete, Up / Down, Ctrl+arrows).
    bool text_input_active() const;
    // The part of it that Ctrl shortcuts (Ctrl+Z, Ctrl+arrows) respect: a text field is being
    // typed in or taking the focus (an open dialog whose fields are let go does not count).
    bool text_field_active() const;
    // Ctrl+Z right after Esc cleared a new-idea title: puts it back (true) instead of an undo.
    bool restore_cleared_title();

    core::Session& session;
    const Fonts& fonts;
    const Palette& palette;
    UiState state;
    // The panels of this view, each owning its state (created with the context).
    PanelSet& panels() { return *panels_; }

private:
    std::map<std::string, std::function<void()>> held_;
    std::unique_ptr<PanelSet> panels_;
    std::vector<Request> requests_;
};

// Layout helper: n em in pixels at the current font size.
float em(float n);

}  // namespace pilotdeck::ui
