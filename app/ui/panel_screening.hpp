// The screening questionnaire of an idea (contracts 7), reachable from the ideas and shortlist
// stages by F7 or a button. It takes the stage's place while open. Each answer is one undoable
// edit of the idea (core::PutIdea); the notes are edited like other fields (DraftEditor: saved
// when typing pauses, whatever ends the typing commits them). The class and DPIA verdict come
// from core/screening and show at once, with the "first screening, not legal advice" notice.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/model.hpp"
#include "ui/draft_editor.hpp"
#include "ui/ui_context.hpp"

namespace pilotdeck::ui {

class ScreeningPanel {
public:
    // Opens the questionnaire for `idea` (an id); the focus on its first open question.
    void open(UiContext& ctx, const std::string& idea);
    // Commits the notes and closes.
    void close(UiContext& ctx);
    bool is_open() const { return !idea_.empty(); }
    const std::string& idea() const { return idea_; }
    // Draws the questionnaire into the current region, with its keys: Up / Down move, Y (or J)
    // yes, N no, Delete / Backspace / 0 unanswered, F7 closes.
    void draw(UiContext& ctx);

private:
    void keys(UiContext& ctx, const core::Idea& idea);
    void answer(UiContext& ctx, const core::Idea& idea, std::string_view id, std::optional<bool> value);
    void question_rows(UiContext& ctx, const core::Idea& idea);
    void commit_notes(UiContext& ctx);

    std::string idea_;
    int focus_ = 0;              // the question the keys answer
    bool scroll_to_focus_ = false;
    bool focus_notes_ = false;   // Down from the last question: the notes field takes the focus
    int drawn_frame_ = -2;       // the last ImGui frame it was drawn in (a gap: the stage changed)
    DraftEditor<core::Idea> notes_;
};

// For the ideas and shortlist stages: F7 (no field typed in) opens the questionnaire of the
// selected idea, or closes it; while it is open it is drawn and this returns true (the stage
// then draws nothing else).
bool draw_screening_if_open(UiContext& ctx);
// "Screening (F7)" (small: in a list row) opening the questionnaire of `idea`; the label also
// carries the idea's class marker when it has been screened.
void screening_button(UiContext& ctx, const std::string& idea, bool small = false);

}  // namespace pilotdeck::ui
