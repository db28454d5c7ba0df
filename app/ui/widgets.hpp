// Small drawing helpers shared by the panels: palette colours for ImGui, headings, text
// fields that report when an edit is finished.
#pragma once

#include <string>

#include <imgui.h>

#include "ui/theme.hpp"
#include "ui/ui_context.hpp"

namespace pilotdeck::ui {

ImU32 u32(const Rgba& c);
ImVec4 vec4(const Rgba& c);

// A heading in the large font, wrapped to the available width.
void heading(const UiContext& ctx, const std::string& text);
// Muted, wrapped text.
void muted(const UiContext& ctx, const std::string& text);

// A labelled single-line (or multi-line when lines > 1) text field editing `value`.
// Returns true when an edit is finished (focus left the field or Enter was pressed): the
// moment to commit it. `changed` (optional) is set when the text changed this frame.
bool edit_field(const char* label, const char* id, std::string& value, int lines = 1, bool* changed = nullptr);

// Commits an edit in progress once typing pauses, so a crash mid-sentence loses at most the
// last moment: call every frame with whether the text changed; returns true when it is time.
struct TypingPause {
    double last_change = 0;  // ImGui time of the last uncommitted change, 0 when none
    bool due(UiContext& ctx, bool changed);
    void committed() { last_change = 0; }
};

// Dear ImGui 1.86 keeps a text field's undo stack when the same field is activated again,
// even if its text was changed from outside meanwhile; Ctrl+Z then corrupts it (an assertion).
// Fields whose text can change from outside are drawn inside PushID(generation) with a
// generation that changes whenever the text is replaced, so they start with a fresh state.

// The status line: `left` (the last message) on the left, on the right `undo` ("Ctrl+Z: undo …")
// and the file's path, as much of them as fits beside it without overlapping: the path goes
// first, then the undo hint; a message too long for the line ends in "…".
void status_line(const UiContext& ctx, const std::string& left, const std::string& undo, const std::string& path);

// "1 idea", "3 ideas": a count with the noun in the right number.
std::string count_of(std::size_t n, const char* one, const char* many);

// A button drawn in a palette colour pair (e.g. danger / danger_text).
bool colour_button(const char* label, const Rgba& fill, const Rgba& text, ImVec2 size = ImVec2(0, 0));

// Stage index of the first stage of `kind` (the current one when it already is of that kind), or -1.
int stage_of_kind(const core::Session& s, core::StageKind kind);

}  // namespace pilotdeck::ui
