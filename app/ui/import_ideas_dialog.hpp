// File > Import ideas… (issue 10): a hackathon's teams start from the ideas of another workshop.
// A path prompt over the stage, like the start screen's "Open a workshop": Enter imports through
// the same code as `pilotdeck import-ideas` (portfolio/idea_source.hpp), as one undo step, and
// shows the teams stage; a refusal is said in the prompt, the workshop unchanged.
#pragma once

#include <string>

#include "ui/ui_context.hpp"

namespace pilotdeck::ui {

class ImportIdeasDialog {
public:
    // Opens the prompt with `folder` (the workshop's folder) filled in.
    void open(const std::string& folder);
    bool is_open() const { return open_; }
    // Every frame of the view it belongs to (a modal popup while open).
    void draw(UiContext& ctx);
    // The import itself (also for tests): the status line's words, or throws std::runtime_error
    // with the one-line reason (nothing changed then). `show_teams`: the teams stage first.
    static std::string import(UiContext& ctx, const std::string& from, bool show_teams = false);

private:
    bool open_ = false;
    bool popup_pending_ = false;
    bool focus_ = false;
    bool cursor_pending_ = false;  // the field just took the focus: its cursor goes to the end
    std::string path_;
    std::string message_;
};

void draw_import_ideas(UiContext& ctx);  // the view's dialog (its PanelSet's)

}  // namespace pilotdeck::ui
