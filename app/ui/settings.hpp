// The presenter's settings: recent files, zoom, theme, language and which screen is the room's, kept in
// $XDG_CONFIG_HOME/pilotdeck/settings.json (written atomically).
#pragma once

#include <string>
#include <vector>

namespace pilotdeck::ui {

struct Settings {
    std::vector<std::string> recent;  // most recent first
    float zoom = 1.0f;
    std::string theme = "projector";  // or "dark"
    std::string language;  // "en", "nl" or "de" chosen in View > Language; empty: the workshop's
    // Two screens: the room's view on the primary screen and the presenter's on the other
    // (swapped), instead of the presenter's on the primary (the laptop's, as a rule).
    bool screens_swapped = false;
    // The countdown's chime at one minute left and at zero (chimes.hpp).
    bool chime = false;
};

inline constexpr float kMinZoom = 0.6f;
inline constexpr float kMaxZoom = 2.5f;
inline constexpr std::size_t kMaxRecent = 8;

std::string settings_path();
// Never fails: a missing or unreadable file gives the defaults.
Settings load_settings();
// Returns an error line, or empty on success.
std::string save_settings(const Settings& s);
// Puts `path` (made absolute) first in the recent list.
void remember_recent(Settings& s, const std::string& path);

}  // namespace pilotdeck::ui
