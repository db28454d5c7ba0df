// The font atlas: DejaVu Sans at three sizes, with the glyphs Western European workshops
// need (Latin-1, Latin Extended-A, general punctuation, €, arrows and shapes for markers).
#pragma once

#include <string>

#include "ui/ui_context.hpp"

struct ImFontAtlas;

namespace pilotdeck::ui {

// The TrueType file used: $PILOTDECK_FONT_DIR, the bundled assets/fonts, then the system's
// DejaVu or Noto Sans. Empty when none is found (then ImGui's built-in font is the fallback).
std::string find_font_file(bool bold);

// Clears the atlas and builds body/large/huge for a body size in pixels. Must be called
// between frames; afterwards the renderer's font texture must be re-created.
// Returns false (fonts set to ImGui's default) when no font file was found.
bool build_fonts(Fonts& fonts, float body_px);
// The same into a given atlas. Needs no ImGui context: the start builds the fonts on the loader
// thread while the window opens, before the context (which then shares this atlas) exists.
bool build_fonts(ImFontAtlas& atlas, Fonts& fonts, float body_px);

// The body size for a framebuffer height and zoom factor (readable from the back row).
float body_font_px(int framebuffer_height, float zoom);

}  // namespace pilotdeck::ui
