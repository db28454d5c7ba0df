// The shortlist export: the shortlist document (JSON) and the matrix image beside it.
#pragma once

#include <string>

#include "ui/ui_context.hpp"

namespace pilotdeck::ui {

// "ai-use-case-workshop" from a workshop title (slugify of panel_start), "workshop" when that is empty.
std::string title_slug(const std::string& title);

// The shortlist document (contracts.md section 4) with the workshop's rules, written atomically
// to `json_path`, and the matrix as "<slug>-matrix.png" in the same folder (export_png.hpp).
struct ExportResult {
    bool json_written = false;
    bool png_written = false;
    std::string png_path;
    std::string error;  // one line, empty when both were written
};
ExportResult export_shortlist(const UiContext& ctx, const std::string& json_path);

// The application layer's side of the ExportShortlist request the shortlist panel makes: the
// export, and what came of it told to the view (the panel's "Exported to …", the status line or
// the error banner).
void carry_out(UiContext& ctx, const ExportShortlist& request);

}  // namespace pilotdeck::ui
