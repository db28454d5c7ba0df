// The start screen: create a workshop from a template, open a file, or pick a recent one.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/model.hpp"
#include "documents/documents.hpp"
#include "ui/theme.hpp"
#include "ui/ui_context.hpp"

namespace pilotdeck::ui {

// The start screen is made for the keyboard: the title field has the focus when the screen
// appears, Tab and Shift+Tab walk every field of both columns, Enter in a field of the new
// workshop creates it, Enter in the file field opens it, Up and Down there step through the
// recent workshops, and in the template field (Shift+Tab from the title) through the
// templates; Esc goes back to the open workshop.
struct StartForm {
    enum class Field { None, Template, Title, Organisation, Date, Facilitator, FollowUp, Path, OpenPath };
    int template_index = 0;
    std::string title, organisation, date, facilitator;
    std::string follow_up;     // an earlier workshop file this meeting follows up (contracts 12), or empty
    std::string path;          // where the new workshop goes
    bool path_edited = false;  // else it follows the title
    int path_generation = 0;   // bumps when the path follows the title (a fresh text field)
    std::string open_path;
    int recent_index = -1;     // the recent workshop Up/Down put in the file field
    std::string message;       // why the last attempt failed
    Field focus = Field::None;  // the field to give the keyboard focus in the next frame
    int last_frame = -2;       // ImGui frame the screen was last drawn in (to notice it appear)
    bool popup_was_open = false;  // a list or menu was open last frame (Esc closes it, not the screen)
};

struct StartAction {
    enum class Kind { Open, Create, Back } kind = Kind::Open;
    std::string path;
    core::Workshop workshop;  // Create: the new workshop
    // Create as a follow-up: the earlier workshop's file; the application layer reads it and
    // carries its participants, open ideas and pilots over (core::carry_over) with `from_template`.
    std::string follow_up_of;
    std::optional<core::Template> from_template;
};

// A file name from a title: lower-case ASCII letters and digits, '-' between words.
std::string slugify(const std::string& title);

std::optional<StartAction> draw_start(StartForm& form, const Fonts& fonts, const Palette& palette,
                                      const std::vector<std::string>& recent,
                                      const std::vector<documents::TemplateEntry>& templates, bool can_go_back);

}  // namespace pilotdeck::ui
