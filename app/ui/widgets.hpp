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

// "1 idea", "3 ideas": a count with the noun in the right number (English only; prefer counted).
std::string count_of(std::size_t n, const char* one, const char* many);
// A translated plural pattern filled with n: counted(n, i18n::ntr("{0} idea", "{0} ideas", n)).
std::string counted(std::size_t n, const char* pattern);
// n as the unsigned long that ntr wants (negative counts as 0).
inline unsigned long plural_n(std::size_t n) { return static_cast<unsigned long>(n); }
inline unsigned long plural_n(int n) { return n > 0 ? static_cast<unsigned long>(n) : 0UL; }

// A participant's role as people read it, in the current language ("Champion", "Entscheider").
const char* role_name(core::Role role);
// An idea's status as people read it ("pilot", "scaled"), in the current language.
const char* status_name(core::IdeaStatus status);

// A button whose label fits `width` (0: the label's own width, capped by what is left of the
// line): a longer label ends in "…" at a whole glyph (German words run long) and shows whole on
// hover. The id is the label's ("##" works).
bool fitted_button(const char* label, float width = 0);
// Before an item `width` pixels wide that should follow on the same line: SameLine() when it
// fits in what is left of the line, else it starts the next line (rows of buttons wrap).
void same_line_if_fits(float width);
// The width of a button with this label in the current font.
float button_width(const char* label);

// `text` as it fits `width` pixels in the current font: whole, else cut at a whole glyph and
// ended with "…" (for hints and labels that cannot wrap; show the whole text on hover).
std::string ellipsised(const std::string& text, float width);
// A title or a name in quotation marks, as the language writes them (“…” in English, „…“ in German).
std::string quoted_title(const std::string& s);
// One line of text that cannot wrap (a table cell, a name in a list): whole when it fits what is
// left of the line, else ellipsised, with the whole text on hover.
void fitted_text(const std::string& text);
// The width of the widest word of `text` (words are split at spaces) in `font` (null: the current one).
float longest_word_width(ImFont* font, const std::string& text);
// Whether every word of `text` in `font` (null: the current one) is at most `width` wide: wrapped
// text then breaks between words only.
bool longest_word_fits(ImFont* font, const std::string& text, float width);

// A button drawn in a palette colour pair (e.g. danger / danger_text).
bool colour_button(const char* label, const Rgba& fill, const Rgba& text, ImVec2 size = ImVec2(0, 0));

// The zoom level ("Zoom 150%") in a box at the top middle of the screen, over everything: shown
// for a moment after the zoom changes (App::set_zoom), so the room sees what a key did.
void zoom_badge(const UiContext& ctx, float zoom);
std::string zoom_text(float zoom);

// Stage index of the first stage of `kind` (the current one when it already is of that kind), or -1.
int stage_of_kind(const core::Session& s, core::StageKind kind);
// For a view that Esc closes (the questionnaire F7, the re-vote view F3), called every frame it is
// drawn open, before its fields: true when Esc was pressed this frame and nothing else took it
// (an open popup or combo, the help, the window's own Esc). While such a view is up, the window's
// Esc (leave full screen) leaves the key to it. A field being typed in is not drawn again once the
// view closes, so ImGui never puts back its text: what was typed stays.
bool esc_closes_view(UiContext& ctx);

}  // namespace pilotdeck::ui
