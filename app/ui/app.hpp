// The presenter application: the frame loop around the views (hello_imgui's callbacks in one
// class): the menu, agenda, stage panel, notes and status line of the projected window, the
// presenter keys, the start screen, fonts, zoom and theme. The open workshop (file, session,
// backups, countdowns, phones) is the WorkshopController's; this window's view of it (view state
// and panels) is a UiContext, so a second window can show the same workshop with its own.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "base/i18n.hpp"
#include "core/session.hpp"
#include "core/timer.hpp"
#include "documents/documents.hpp"
#include "platform/screens.hpp"
#include "platform/window.hpp"
#include "ui/actions.hpp"
#include "ui/chimes.hpp"
#include "ui/panel_portfolio.hpp"
#include "ui/panel_start.hpp"
#include "ui/settings.hpp"
#include "ui/theme.hpp"
#include "ui/ui_context.hpp"
#include "ui/workshop_controller.hpp"

namespace pilotdeck::ui {

struct PresenterScreen;  // app_presenter.cpp

class App {
public:
    // persist_settings false: zoom, theme and recent files are neither read nor written.
    // `settings`: already loaded (the start loads them on its loader thread); else read here.
    App(platform::Window& window, bool persist_settings, std::string templates_dir,
        std::optional<Settings> settings = std::nullopt);
    ~App();
    App(const App&) = delete;
    App& operator=(const App&) = delete;

    // The fonts are already in the window's atlas, built for a body size of `body_px` (the start
    // builds them on its loader thread); used when the first frame wants that size.
    void use_prebuilt_fonts(const Fonts& fonts, float body_px);
    // Uploads the fonts and creates the renderer's GL objects now, ahead of the first frame.
    void prepare_gl();

    // Shows this workshop (replaces the current one): WorkshopController::show.
    void show(OpenWorkshop w) { workshop_.show(std::move(w)); }
    // Opens a file; on failure the start screen shows why, the file is untouched, and the
    // reason (one line naming the file) is returned. Empty on success.
    std::string open(const std::string& path);
    void show_start(const std::string& message);

    // The main loop until quit.
    void run();
    // One frame laid out for display_w x display_h (0: the window's size).
    void frame(int display_w = 0, int display_h = 0);
    void go_to_stage(int index);
    // `steps` PageDowns within the current stage, as far as it takes them (a hackathon's pitches
    // and awards; `pilotdeck screenshot --steps`).
    void page_within_stage(int steps);
    // A computation of the shown view still running in the background (the shortlist's
    // robustness check): `pilotdeck screenshot` waits for it, so the picture shows its result.
    bool background_busy();

    const Palette& palette() const { return palette_; }
    // The open workshop, apart from this window (the start-up path shows the first one here).
    WorkshopController& workshop() { return workshop_; }

    // Two screens (app_presenter.cpp): the room's view full screen on the projector, the
    // presenter's view (presenter_view.hpp) in a second window on the laptop, both on the same
    // workshop. `screens`: the laptop's first (desktop_screens(), or --screens); fewer than two:
    // one window as before. The choice of screens can be swapped (F7), remembered per machine.
    void use_two_screens(std::vector<platform::Screen> screens);
    bool two_screens() const { return presenter_ != nullptr; }
    void swap_screens();

    // The presenter actions (app_actions.cpp): the one table behind the menus, the keys, the
    // help overlay and the README's keys table.
    static const std::vector<Action>& actions();

    // View > Language: a language, or nullopt for the workshop's. Remembered per machine; it
    // applies from the next frame on (the fonts already hold every letter of en, nl and de).
    void choose_language(std::optional<i18n::Language> lang);
    bool language_choice_is(std::optional<i18n::Language> lang) const;

private:
    void ensure_fonts(int framebuffer_height);
    void set_zoom(float zoom);
    void toggle_theme();
    // Before each frame: the language the window speaks (i18n::resolve_language: the choice, else
    // the workshop's, else the system's).
    void apply_language();
    void apply_look();
    void save_settings_now();
    void handle_keys();
    bool workshop_shown() const;
    static constexpr double kZoomShownSeconds = 1.5;
    double zoom_shown_until_ = 0;  // ImGui time until which the zoom level shows (set_zoom)
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
    core::Countdown* current_timer() { return workshop_.current_timer(); }
    const core::Countdown* current_timer() const { return workshop_.current_timer(); }
    double idle_timeout() const;
    // The view of a workshop just shown, and of one about to close.
    void workshop_shown_now();
    void workshop_closing();
    // What the views asked for this frame (requests.hpp), done after it.
    void handle_requests();
    void report(const Outcome& o);
    // The phone server (F4, View > Phones): only for a workshop opened for editing.
    void toggle_phones();

    // app_presenter.cpp: the second window's loop, views and keys.
    bool wait_for_input(double timeout_seconds);
    void frames();
    void presenter_frame();
    void place_windows();
    void presenter_workshop_shown();
    void presenter_workshop_closing();
    double presenter_timeout() const;
    void presenter_commit();
    void presenter_swap();
    void run_action(std::string_view id);
    // The view keys and menus act for: the presenter's while its frame runs, else the room's.
    UiContext& key_view() { return keys_view_ ? *keys_view_ : *ctx_; }
    const UiContext& key_view() const { return keys_view_ ? *keys_view_ : *ctx_; }
    // Whose facilitator notes N shows and hides: the presenter's with two screens (the room's
    // view never shows them), else the room's.
    UiContext& notes_view();
    const UiContext& notes_view() const { return const_cast<App*>(this)->notes_view(); }
    // PILOTDECK_TRACE_TEXT=DIR: each window's drawn text in DIR/room.txt and DIR/presenter.txt
    // when it changes (for tests of what each screen shows).
    void trace_begin();
    void trace_end(const char* name, std::string& last);

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

    // The view (ctx_) is declared after the workshop: it goes first.
    WorkshopController workshop_;
    std::unique_ptr<UiContext> ctx_;
    bool start_screen_ = false;
    bool help_open_ = false;  // F1 or ?: the keys over the whole window
    bool start_after_frame_ = false;  // Ctrl+O: the start screen comes after this frame (a field let go saves first)
    StartForm start_form_;
    std::optional<StartAction> start_action_;  // the start screen's choice, done after the frame
    std::vector<documents::TemplateEntry> templates_;
    bool templates_loaded_ = false;
    // Two screens (declared after the workshop and the room's view: goes first).
    std::shared_ptr<PresenterScreen> presenter_;  // shared_ptr: the type is complete only in app_presenter.cpp
    std::vector<platform::Screen> screens_;
    UiContext* keys_view_ = nullptr;
    bool room_input_ = false, presenter_input_ = false;
    std::string room_trace_;
    Chimes chimes_;  // the countdown's chime (settings_.chime)
    PortfolioView portfolio_;  // File > Portfolio, over the whole window while open
};

}  // namespace pilotdeck::ui
