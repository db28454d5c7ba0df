// The matrix as a PNG, rendered off-screen at a fixed size whatever the window looks like.
#pragma once

#include <string>

#include "ui/ui_context.hpp"

namespace pilotdeck::ui {

// Draws the matrix chart (as the Matrix stage shows it, without selection highlight) into an
// off-screen framebuffer of width x height pixels and writes it to `path` as PNG (atomically).
// Needs the GUI's GL context and ImGui OpenGL3 backend, and must run inside an ImGui frame.
// Returns false and sets `error` (one line naming the file) on failure.
bool export_matrix_png(const UiContext& ctx, const std::string& path, int width, int height, std::string& error);

}  // namespace pilotdeck::ui
