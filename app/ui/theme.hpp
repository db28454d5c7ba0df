// Projector (light, 7:1 contrast for every text/background pair) and dark themes, and the
// Okabe-Ito colour-blind-safe palette for charts. Colours are RGBA floats 0..1.
#pragma once

#include <array>
#include <string>
#include <vector>

namespace pilotdeck::ui {

struct Rgba { float r = 0, g = 0, b = 0, a = 1; };

struct Palette {
    std::string name;           // "projector" or "dark"
    Rgba background, surface, text, text_muted, accent, accent_text;  // accent_text: text on accent
    Rgba warning, warning_text;   // countdown in the last 2 minutes (amber) and text on it
    Rgba danger, danger_text;     // over time (red) and text on it
    Rgba success, success_text;
    Rgba grid;                    // chart lines
    std::array<Rgba, 8> chart;    // Okabe-Ito: black, orange, sky blue, bluish green, yellow, blue, vermillion, reddish purple
    Rgba quadrant_quick_win, quadrant_strategic, quadrant_fill_in, quadrant_avoid;  // matrix areas (light tints)
};

const Palette& projector_palette();
const Palette& dark_palette();

// WCAG 2 contrast ratio of two opaque colours (1..21).
double contrast_ratio(const Rgba& a, const Rgba& b);

// Every (text, background) pair the theme draws, with a name, for the 7:1 test.
struct ColourPair { std::string name; Rgba text, background; };
std::vector<ColourPair> text_pairs(const Palette& p);

// Applies the palette to ImGui's style (theme.cpp is the only place that maps it).
void apply_theme(const Palette& p);

}  // namespace pilotdeck::ui
