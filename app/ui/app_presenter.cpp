// Two screens (App, app.hpp): the room's view full screen on the projector, the presenter's view
// (presenter_view.hpp) in a second window on the laptop. One WorkshopController and one session;
// each window has its own ImGui context (sharing the font atlas and, through a shared GL
// context, the textures) and its own UiContext (view state and panels). GLFW has one event
// queue: the loop waits once for both windows, then each hands its input to its own context.
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <utility>
#include <variant>

#include <imgui.h>
#include <imgui_internal.h>

#include "base/i18n.hpp"
#include "ui/app.hpp"
#include "ui/fonts.hpp"
#include "ui/import_ideas_dialog.hpp"
#include "ui/panel_set.hpp"
#include "ui/presenter_view.hpp"
#include "ui/widgets.hpp"

namespace pilotdeck::ui {

// The presenter's window and its view of the open workshop.
struct PresenterScreen {
    std::unique_ptr<platform::Window> window;
    std::unique_ptr<UiContext> ctx;  // declared after the window: goes first
    unsigned long preview_drawn = 0;  // the room picture's copy last drawn here
    float preview_at[4] = {};         // where it was drawn (x0, y0, x1, y1), for redrawing only it
    std::string selected_concern;     // the picked worry as both views last agreed
    std::string trace;
};

namespace {

constexpr float kBaseStyleFontPx = 13.0f;  // as app.cpp: ImGui's default sizes suit a 13 px font

const char* trace_dir() {
    const char* dir = std::getenv("PILOTDECK_TRACE_TEXT");
    return dir && *dir ? dir : nullptr;
}

// ImGui time in another window's context.
double time_in(ImGuiContext* context) {
    ImGuiContext* previous = ImGui::GetCurrentContext();
    ImGui::SetCurrentContext(context);
    const double t = ImGui::GetTime();
    ImGui::SetCurrentContext(previous);
    return t;
}

}  // namespace

App::~App() = default;

void App::use_two_screens(std::vector<platform::Screen> screens) {
    if (screens.size() < 2 || presenter_) return;
    window_.make_current();
    ImFontAtlas* atlas = ImGui::GetIO().Fonts;  // the room's: the presenter's context shares it
    platform::WindowOptions wo;
    wo.title = "pilotdeck \u2014 presenter";
    wo.width = screens.front().width;
    wo.height = screens.front().height;
    wo.share = &window_;
    wo.shared_fonts = [atlas] { return atlas; };
    std::string error;
    auto p = std::make_shared<PresenterScreen>();
    p->window = platform::Window::create(wo, error);
    if (!p->window) {
        window_.make_current();
        std::cerr << "pilotdeck: " << error << " (the presenter's window; one window instead)\n";
        return;  // one screen, as without a second one
    }
    ImGui::GetIO().ConfigInputTextCursorBlink = false;  // in the presenter's context, as the room's
    reserve_stage_keys();
    presenter_ = std::move(p);
    screens_ = std::move(screens);
    window_.make_current();
    window_.keep_copy(true);  // the presenter's preview of the room
    presenter_->window->set_partial_redraw(true);
    if (workshop_.is_open() && ctx_) presenter_workshop_shown();
    place_windows();
}

void App::place_windows() {
    if (!presenter_) return;
    const platform::Screen& laptop = screens_[settings_.screens_swapped ? 1 : 0];
    const platform::Screen& room = screens_[settings_.screens_swapped ? 0 : 1];
    window_.place(room.x, room.y, room.width, room.height, room.monitor, true);
    presenter_->window->place(laptop.x, laptop.y, laptop.width, laptop.height, laptop.monitor, false);
}

void App::swap_screens() {
    if (!presenter_) return;
    settings_.screens_swapped = !settings_.screens_swapped;
    place_windows();
    save_settings_now();
    if (ctx_) ctx_->state.status = i18n::tr("Screens swapped");
}

UiContext& App::notes_view() {
    if (presenter_ && presenter_->ctx) return *presenter_->ctx;
    return *ctx_;
}

void App::presenter_workshop_shown() {
    if (!presenter_) return;
    presenter_->ctx = std::make_unique<UiContext>(workshop_.session(), fonts_, palette_);
    presenter_->ctx->state.workshop_path = workshop_.path();
    if (ctx_) presenter_->ctx->panels().show = ctx_->panels().show;  // the pitch and the award the room sees
    presenter_->selected_concern.clear();
    const std::string& title = workshop_.session().workshop().info.title;
    presenter_->window->set_title(i18n::format(i18n::tr("pilotdeck \u2014 presenter \u2014 {0}"), {title}));
}

void App::presenter_workshop_closing() {
    if (!presenter_ || !presenter_->ctx) return;
    presenter_->ctx->commit_edits();
    presenter_->ctx.reset();
}

void App::presenter_commit() {
    if (presenter_ && presenter_->ctx) presenter_->ctx->commit_edits();
}

double App::presenter_timeout() const {
    if (!presenter_ || !presenter_->ctx || presenter_->ctx->state.wake_at <= 0) return 3600;
    return presenter_->ctx->state.wake_at - time_in(presenter_->window->imgui_context());
}

void App::presenter_swap() {
    if (presenter_) presenter_->window->swap();
}

bool App::wait_for_input(double timeout_seconds) {
    if (!presenter_) return window_.wait_events(timeout_seconds);
    platform::Window& p = *presenter_->window;
    platform::Window::wait_any(timeout_seconds, window_.has_pending_input() || p.has_pending_input());
    room_input_ = window_.take_input();
    presenter_input_ = p.take_input();
    if (p.should_close()) window_.request_close();  // closing either window quits
    window_.make_current();
    return room_input_ || presenter_input_;
}

// The window that had the input draws first, the other after it: an edit in one shows in the
// other in the same frame. (With input in both, as when the focus moves from one to the other,
// the room's goes first; a frame drawn twice would see a key held longer than it was and repeat it.)
void App::frames() {
    if (!presenter_) {
        frame();
        return;
    }
    if (presenter_input_ && !room_input_) {
        presenter_frame();
        frame();
        return;
    }
    frame();
    presenter_frame();
}

void App::run_action(std::string_view id) {
    for (const Action& a : actions())
        if (a.run && id == a.id && action_shown(a)) a.run(*this);
}

void App::presenter_frame() {
    PresenterScreen& p = *presenter_;
    platform::Window& w = *p.window;
    w.make_current();
    // The atlas is built for the room's screen; this window scales it to its own height.
    const float px = body_font_px(w.height(), settings_.zoom);
    ImGuiStyle fresh;
    fresh.ScaleAllSizes(px / kBaseStyleFontPx);
    ImGui::GetStyle() = fresh;
    apply_theme(palette_);
    ImGui::GetIO().FontGlobalScale = font_px_ > 0 ? px / font_px_ : 1.0f;

    w.begin_frame();
    if (w.take_focus_lost() && p.ctx) p.ctx->commit_edits();
    keys_view_ = p.ctx ? p.ctx.get() : ctx_.get();
    if (keys_view_) handle_keys();
    const ImGuiIO& io = ImGui::GetIO();
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(io.DisplaySize);
    ImGui::Begin("##presenter", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                     ImGuiWindowFlags_NoBringToFrontOnFocus | ImGuiWindowFlags_MenuBar);
    trace_begin();
    if (keys_view_) draw_menu();
    const char* asked = nullptr;
    if (p.ctx && ctx_ && !start_screen_) {
        UiState& st = p.ctx->state;
        st.wake_at = 0;  // as the room's view: panels ask again while they need it
        st.text_focus_pending = false;
        st.empty_field_active = false;
        st.text_dialog_open = false;
        st.blind_round = workshop_.sync_phones();
        st.audience_vote_open = workshop_.audience_vote_open();
        // The picked worry is the same in both views (its answer is in the presenter's notes).
        if (ctx_->state.selected_concern != p.selected_concern)
            p.selected_concern = st.selected_concern = ctx_->state.selected_concern;
        else if (st.selected_concern != p.selected_concern)
            p.selected_concern = ctx_->state.selected_concern = st.selected_concern;
        PresenterInfo info;
        info.preview_texture = window_.copy_texture();
        info.preview_width = window_.copy_width();
        info.preview_height = window_.copy_height();
        info.preview_drawn_at = p.preview_at;
        info.room_blanked = ctx_->state.blanked;
        info.timer = current_timer();
        info.phones = workshop_.phones();
        asked = draw_presenter_view(*p.ctx, info);
        draw_import_ideas(*p.ctx);  // File > Import ideas from this window: its prompt here
    } else {
        ImGui::TextWrapped("%s", i18n::tr("The room's screen shows the start screen: open or create a workshop there."));
    }
    trace_end("presenter", p.trace);
    ImGui::End();
    if (asked) run_action(asked);
    keys_view_ = nullptr;
    if (p.ctx)
        for (const Request& r : p.ctx->take_requests())
            if (const auto* round = std::get_if<SetPhoneRound>(&r)) {
                const Outcome o = workshop_.set_phone_round(round->open);
                if (!o.status.empty()) p.ctx->state.status = o.status;
                if (!o.error.empty()) p.ctx->state.error = o.error;
            }
    // The room's picture changed under the same texture: this window draws the picture again
    // (the draw lists do not show it), or itself whole when it does not know where it is.
    if (window_.copy_generation() != p.preview_drawn) {
        p.preview_drawn = window_.copy_generation();
        if (p.preview_at[2] > p.preview_at[0] && p.preview_at[3] > p.preview_at[1])
            w.damage(p.preview_at[0], p.preview_at[1], p.preview_at[2], p.preview_at[3]);
        else
            w.invalidate();
    }
    const float clear[3] = {palette_.background.r, palette_.background.g, palette_.background.b};
    w.render(clear);
    ImGui::SetCurrentContext(window_.imgui_context());  // the room's again (its timeouts, its keys)
}

void App::trace_begin() {
    if (trace_dir()) ImGui::LogToBuffer();
}

void App::trace_end(const char* name, std::string& last) {
    const char* dir = trace_dir();
    if (!dir || !GImGui->LogEnabled) return;
    std::string text = GImGui->LogBuffer.c_str();
    ImGui::LogFinish();
    if (text == last) return;
    last = text;
    const std::filesystem::path path = std::filesystem::path(dir) / (std::string(name) + ".txt");
    const std::filesystem::path part = path.string() + ".part";
    {
        std::ofstream out(part, std::ios::binary | std::ios::trunc);
        out << text;
    }
    std::error_code ec;
    std::filesystem::rename(part, path, ec);  // whole or not at all, for the test reading it
}

}  // namespace pilotdeck::ui
