// The presenter application: the open workshop, the start screen, the frame (menu, agenda,
// stage panel, notes, status line), the presenter keys, zoom and theme.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/session.hpp"
#include "core/timer.hpp"
#include "documents/documents.hpp"
#include "platform/window.hpp"
#include "server/phone_server.hpp"
#include "storage/backup.hpp"
#include "storage/workshop_file.hpp"
#include "ui/actions.hpp"
#include "ui/panel_start.hpp"
#include "ui/settings.hpp"
#include "ui/theme.hpp"
#include "ui/ui_context.hpp"

namespace pilotdeck::ui {

// A workshop file with its session. For screenshots the file is read-only and the session
// has no store.
struct OpenWorkshop {
    std::unique_ptr<storage::WorkshopFile> file;
    std::unique_ptr<core::Session> session;
    // Rolling backups of a file opened for editing (null for read-only): the first when the
    // window is up (when changed since the newest backup), then every 30 minutes of editing.
    std::unique_ptr<storage::Backups> backups;
    bool backups_started = false;
};

// Opens `path`; throws storage::StorageError (one line naming the file) when it cannot.
OpenWorkshop open_workshop(const std::string& path, bool read_only);

class App {
public:
    // persist_settings false: zoom, theme and recent files are neither read nor written.
    // `settings`: already loaded (the start loads them on its loader thread); else read here.
    App(platform::Window& window, bool persist_settings, std::string templates_dir,
        std::optional<Settings> settings = std::nullopt);

    // The fonts are already in the window's atlas, built for a body size of `body_px` (the start
    // builds them on its loader thread); used when the first frame wants that size.
    void use_prebuilt_fonts(const Fonts& fonts, float body_px);
    // Uploads the fonts and creates the renderer's GL objects now, ahead of the first frame.
    void prepare_gl();

    // Shows this workshop (replaces the current one).
    void show(OpenWorkshop w);
    // Opens a file; on failure the start screen shows why, the file is untouched, and the
    // reason (one line naming the file) is returned. Empty on success.
    std::string open(const std::string& path);
    void show_start(const std::string& message);

    // The main loop until quit.
    void run();
    // One frame laid out for display_w x display_h (0: the window's size).
    void frame(int display_w = 0, int display_h = 0);
    void go_to_stage(int index);

    const Palette& palette() const { return palette_; }

    // The presenter actions (app_actions.cpp): the one table behind the menus, the keys, the
    // help overlay and the README's keys table.
    static const std::vector<Action>& actions();

private:
    void ensure_fonts(int framebuffer_height);
    void set_zoom(float zoom);
    void toggle_theme();
    void apply_look();
    void save_settings_now();
    void handle_keys();
    bool workshop_shown() const;
    bool action_shown(const Action& a) const;
    void draw_help();
    void new_idea();
    void step_history(bool forward);
    void toggle_timer();
    void toggle_participants();
    void draw_menu();
    void draw_error_banner();
    void draw_workshop();
    void draw_status();
    void draw_start_screen();
    void sync_timers();
    core::Countdown* current_timer();
    const core::Countdown* current_timer() const;
    double idle_timeout() const;
    void tend_backups();
    // The phone server (F4, View > Phones): only for a workshop opened for editing.
    void toggle_phones();
    void start_phones();
    void stop_phones();
    void sync_phones();  // stage phones follow, blind round flag

    platform::Window& window_;
    bool persist_;
    std::string templates_dir_;
    Settings settings_;
    Palette palette_;
    Fonts fonts_;
    float font_px_ = 0;
    bool fonts_dirty_ = true;
    float prebuilt_px_ = 0;  // use_prebuilt_fonts(): the atlas holds this size (0: none)
    bool first_frame_done_ = false;  // for the start-up trace
    bool first_swapped_ = false;
    bool layout_pass_ = false;  // run(): the frame built before the first one drawn
    int frames_after_first_ = 0;  // the start-up trace: the follow-up frames after the first
    long long redrawn_after_first_ = 0;
    bool settings_unsaved_ = false;  // the recent files changed: saved after the next swap

    OpenWorkshop workshop_;
    std::unique_ptr<UiContext> ctx_;
    std::vector<core::Countdown> timers_;
    bool start_screen_ = false;
    bool help_open_ = false;  // F1 or ?: the keys over the whole window
    bool start_after_frame_ = false;  // Ctrl+O: the start screen comes after this frame (a field let go saves first)
    StartForm start_form_;
    std::vector<documents::TemplateEntry> templates_;
    bool templates_loaded_ = false;
    // Declared after the workshop: destroyed (stopped) before the session it serves.
    std::unique_ptr<server::PhoneServer> phones_;
    std::optional<core::StageKind> phones_stage_;  // last stage kind given to set_stage()
};

}  // namespace pilotdeck::ui
