#include "ui/app.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <exception>
#include <iostream>
#include <utility>
#include <variant>

#include <imgui.h>
#include <imgui_internal.h>

#include "base/i18n.hpp"
#include "platform/startup_trace.hpp"
#include "ui/fonts.hpp"
#include "ui/import_ideas_dialog.hpp"
#include "ui/panel_portfolio.hpp"
#include "ui/panel_set.hpp"
#include "ui/panels.hpp"
#include "ui/presenter_view.hpp"
#include "ui/shortlist_export.hpp"
#include "ui/widgets.hpp"

namespace pilotdeck::ui {

namespace {

constexpr int kFollowUpFrames = 3;       // frames drawn after input so ImGui settles
constexpr int kLayoutPasses = 2;         // frames built, not drawn, before the first one shown
constexpr double kIdleWaitSeconds = 3600; // nothing to animate: sleep until input
constexpr float kParticipantsWidthEm = 24.0f;
constexpr float kBaseStyleFontPx = 13.0f;  // ImGui's default sizes are made for a 13 px font

using Clock = std::chrono::steady_clock;

}  // namespace

void draw_stage_panel(UiContext& ctx, core::StageKind kind) {
    switch (kind) {
    case core::StageKind::Intro: draw_intro(ctx); break;
    case core::StageKind::Concerns: draw_concerns(ctx); break;
    case core::StageKind::Ideas: draw_ideas(ctx); break;
    case core::StageKind::Scoring: draw_scoring(ctx); break;
    case core::StageKind::Matrix: draw_matrix(ctx); break;
    case core::StageKind::Shortlist: draw_shortlist(ctx); break;
    case core::StageKind::Teams: draw_teams(ctx); break;
    case core::StageKind::Work: draw_work(ctx); break;
    case core::StageKind::Pitches: draw_pitches(ctx); break;
    case core::StageKind::Judging: draw_judging(ctx); break;
    case core::StageKind::Awards: draw_awards(ctx); break;
    case core::StageKind::Review: draw_review(ctx); break;
    }
}

App::App(platform::Window& window, bool persist_settings, std::string templates_dir, std::optional<Settings> settings)
    : window_(window), persist_(persist_settings), templates_dir_(std::move(templates_dir)) {
    if (persist_) settings_ = settings ? std::move(*settings) : load_settings();
    palette_ = settings_.theme == "dark" ? dark_palette() : projector_palette();
    ImGui::GetIO().ConfigInputTextCursorBlink = false;  // a blinking cursor would need frames
    reserve_stage_keys();
    // `--lang` (the command line's override) beats the language chosen in View > Language for this
    // run; that one beats the workshop's.
    if (persist_ && !i18n::override_language())
        if (const auto chosen = i18n::parse_language(settings_.language)) i18n::set_override(*chosen);
    workshop_.before_close = [this] { workshop_closing(); };
    workshop_.after_show = [this] { workshop_shown_now(); };
}

// The workshop being closed keeps what was typed; its view goes with it.
void App::workshop_closing() {
    presenter_workshop_closing();
    if (ctx_) ctx_->commit_edits();
    ctx_.reset();
}

void App::workshop_shown_now() {
    ctx_ = std::make_unique<UiContext>(workshop_.session(), fonts_, palette_);
    ctx_->state.workshop_path = workshop_.path();
    presenter_workshop_shown();
    const std::string& title = workshop_.session().workshop().info.title;
    window_.set_title(title.empty() ? "pilotdeck" : "pilotdeck \u2014 " + title);
    start_screen_ = false;
    start_form_.message.clear();
    if (persist_ && !workshop_.path().empty()) {
        remember_recent(settings_, workshop_.path());
        settings_unsaved_ = true;  // written after the next frame is on screen
    }
}

std::string App::open(const std::string& path) {
    std::string error = workshop_.open(path);
    if (!error.empty()) show_start(error);
    return error;
}

void App::show_start(const std::string& message) {
    start_screen_ = true;
    start_form_.message = message;
}

double App::idle_timeout() const {
    double t = kIdleWaitSeconds;
    if (ctx_ && ctx_->state.wake_at > 0) t = std::min(t, ctx_->state.wake_at - ImGui::GetTime());
    if (zoom_shown_until_ > ImGui::GetTime()) t = std::min(t, zoom_shown_until_ - ImGui::GetTime());
    t = std::min(t, presenter_timeout());
    for (const auto& timer : workshop_.timers())
        if (timer.running()) t = std::min(t, static_cast<double>(timer.until_next_tick().count()) / 1000.0);
    return std::max(t, 0.001);
}

void App::use_prebuilt_fonts(const Fonts& fonts, float body_px) {
    fonts_ = fonts;
    prebuilt_px_ = body_px;
}

void App::prepare_gl() { ensure_fonts(window_.height()); }

void App::ensure_fonts(int framebuffer_height) {
    const float px = body_font_px(framebuffer_height, settings_.zoom);
    if (!fonts_dirty_ && px == font_px_) return;
    if (px != prebuilt_px_) build_fonts(fonts_, px);
    prebuilt_px_ = 0;
    window_.reload_font_texture();
    font_px_ = px;
    fonts_dirty_ = false;
    apply_look();
}

void App::apply_look() {
    ImGuiStyle fresh;
    fresh.ScaleAllSizes(font_px_ / kBaseStyleFontPx);
    ImGui::GetStyle() = fresh;
    apply_theme(palette_);
}

void App::save_settings_now() {
    if (!persist_) return;
    if (const std::string err = save_settings(settings_); !err.empty() && ctx_) ctx_->state.error = err;
}

void App::set_zoom(float zoom) {
    settings_.zoom = std::clamp(std::round(zoom * 10.0f) / 10.0f, kMinZoom, kMaxZoom);
    fonts_dirty_ = true;  // rebuilt before the next frame
    zoom_shown_until_ = ImGui::GetTime() + kZoomShownSeconds;  // the level shows for a moment
    save_settings_now();
}

void App::toggle_theme() {
    settings_.theme = settings_.theme == "dark" ? "projector" : "dark";
    palette_ = settings_.theme == "dark" ? dark_palette() : projector_palette();
    apply_look();
    save_settings_now();
}

void App::choose_language(std::optional<i18n::Language> lang) {
    i18n::set_override(lang);
    settings_.language = lang ? std::string(i18n::code(*lang)) : std::string();
    save_settings_now();
}

bool App::language_choice_is(std::optional<i18n::Language> lang) const { return i18n::override_language() == lang; }

void App::apply_language() {
    const std::string_view workshop_language =
        workshop_.is_open() ? std::string_view(workshop_.session().workshop().info.language) : std::string_view();
    if (const i18n::Language lang = i18n::resolve_language(workshop_language); lang != i18n::language())
        i18n::set_language(lang);
}

void App::go_to_stage(int index) {
    presenter_commit();  // what is typed in the presenter's window is saved first too
    if (ctx_) ctx_->go_to_stage(index);  // commits what is being typed first
}

bool App::background_busy() { return ctx_ && ctx_->panels().robustness.running(); }

void App::page_within_stage(int steps) {
    for (int i = 0; ctx_ && i < steps; ++i)
        if (!hackathon_page(*ctx_, 1)) break;
}

void App::step_history(bool forward) {
    if (!ctx_) return;
    UiContext& view = key_view();  // the window the key was pressed in
    if (!forward && view.restore_cleared_title()) {  // Esc cleared a new idea's title just now
        if (const int ideas = stage_of_kind(view.session, core::StageKind::Ideas); ideas >= 0) go_to_stage(ideas);
        return;
    }
    view.commit_edits();  // an undo comes after what was typed, never in the middle of it
    core::Session& s = view.session;
    if (forward ? !s.can_redo() : !s.can_undo()) return;
    const std::string label = forward ? s.redo_label() : s.undo_label();
    try {
        forward ? s.redo() : s.undo();
        view.state.status = i18n::format(forward ? i18n::tr("Redone: {0}") : i18n::tr("Undone: {0}"), {label});
    } catch (const std::exception& e) {
        view.state.error = e.what();
    }
}

void App::toggle_participants() {
    if (!ctx_) return;
    ctx_->commit_edits();  // a name typed and not added yet is added
    ctx_->state.participants_visible = !ctx_->state.participants_visible;
}

void App::toggle_timer() {
    if (core::Countdown* t = current_timer()) t->running() ? t->pause() : t->start();
}

void App::new_idea() {
    if (!ctx_) return;
    ctx_->state.blanked = false;
    if (const int ideas = stage_of_kind(ctx_->session, core::StageKind::Ideas); ideas >= 0) {
        go_to_stage(ideas);
        key_view().state.focus_new_idea = true;  // in the window Ctrl+N was pressed in
    }
}

void App::draw_error_banner() {
    UiState& st = ctx_->state;
    if (st.error.empty()) return;
    ImGui::PushStyleColor(ImGuiCol_ChildBg, vec4(palette_.danger));
    ImGui::PushStyleColor(ImGuiCol_Text, vec4(palette_.danger_text));
    const float h = ImGui::GetFrameHeightWithSpacing() + ImGui::GetStyle().WindowPadding.y;
    ImGui::BeginChild("##error", ImVec2(0, h), false, ImGuiWindowFlags_NoScrollbar);
    ImGui::AlignTextToFramePadding();
    ImGui::Text("\u25A0 %s", st.error.c_str());
    ImGui::SameLine();
    if (ImGui::Button(i18n::tr("Dismiss"))) st.error.clear();
    ImGui::EndChild();
    ImGui::PopStyleColor(2);
}

void App::draw_status() {
    const UiState& st = ctx_->state;
    const std::string left = st.status.empty() ? i18n::tr("All changes are saved as you go") : st.status;
    const std::string undo =
        ctx_->session.can_undo() ? i18n::format(i18n::tr("Ctrl+Z: undo {0}"), {ctx_->session.undo_label()}) : "";
    ImGui::Separator();
    status_line(*ctx_, left, undo, workshop_.path());
}

void App::draw_workshop() {
    UiContext& ctx = *ctx_;
    ctx.state.wake_at = 0;  // panels ask again while they need it
    ctx.state.text_focus_pending = false;
    ctx.state.empty_field_active = false;
    ctx.state.text_dialog_open = false;
    workshop_.sync_timers();
    ctx.state.blind_round = workshop_.sync_phones();
    ctx.state.audience_vote_open = workshop_.audience_vote_open();
    if (two_screens()) ctx.state.notes_visible = false;  // the room's view: no notes, no rater names
    draw_error_banner();
    draw_stepper(ctx);
    draw_demo_note(ctx);
    ImGui::Spacing();
    const auto& stages = ctx.session.workshop().stages;
    const int cur = ctx.session.current_stage();
    if (core::Countdown* t = current_timer()) draw_stage_header(ctx, *t);
    ImGui::Separator();

    const float status_h = ImGui::GetFrameHeightWithSpacing() + ImGui::GetStyle().ItemSpacing.y;
    const float body_h = ImGui::GetContentRegionAvail().y - status_h;
    const float avail_w = ImGui::GetContentRegionAvail().x;
    float side_w = 0;
    if (ctx.state.participants_visible)
        side_w = std::min(em(kParticipantsWidthEm), avail_w * 0.4f);
    else if (ctx.state.notes_visible && cur >= 0 && cur < static_cast<int>(stages.size()))
        side_w = notes_width(stages[static_cast<std::size_t>(cur)], avail_w);
    const float gap = side_w > 0 ? em(1) : 0;
    const server::PhoneServer* phones = workshop_.phones();
    const bool phones_on = phones != nullptr;
    const float phones_w = phones_on ? std::min(phones_panel_width(ctx), avail_w * 0.4f) : 0;
    const float phones_gap = phones_on ? em(1) : 0;

    ImGui::BeginChild("##stage", ImVec2(avail_w - side_w - gap - phones_w - phones_gap, body_h), false);
    if (cur >= 0 && cur < static_cast<int>(stages.size()))
        draw_stage_panel(ctx, stages[static_cast<std::size_t>(cur)].kind);
    ImGui::EndChild();
    if (phones_on) {
        ImGui::SameLine(0, phones_gap);
        ImGui::PushStyleColor(ImGuiCol_ChildBg, vec4(palette_.surface));
        ImGui::BeginChild("##phones", ImVec2(phones_w, body_h), false, ImGuiWindowFlags_AlwaysUseWindowPadding);
        draw_phones(ctx, *phones);
        ImGui::EndChild();
        ImGui::PopStyleColor();
    }
    if (side_w > 0) {
        ImGui::SameLine(0, gap);
        ImGui::PushStyleColor(ImGuiCol_ChildBg, vec4(palette_.surface));
        // No keyboard navigation in the notes: the arrow keys belong to the stage (they scrolled the notes away).
        ImGui::BeginChild("##side", ImVec2(side_w, body_h), false,
                          ImGuiWindowFlags_AlwaysUseWindowPadding | (ctx.state.participants_visible ? 0 : ImGuiWindowFlags_NoNavInputs));
        if (ctx.state.participants_visible)
            draw_participants(ctx);
        else
            draw_notes(ctx, phones);
        ImGui::EndChild();
        ImGui::PopStyleColor();
    }
    draw_status();
    draw_import_ideas(ctx);  // File > Import ideas: its prompt, while open
}

void App::draw_start_screen() {
    if (!templates_loaded_) {
        try {
            templates_ = documents::scan_templates(templates_dir_);
        } catch (const std::exception& e) {
            start_form_.message = e.what();
        }
        templates_loaded_ = true;
    }
    if (auto action = draw_start(start_form_, fonts_, palette_, settings_.recent, templates_, ctx_ != nullptr))
        start_action_ = std::move(action);
}

// What the views asked for this frame: the start screen's choice (open, create a file) and the
// requests of the workshop's panels (requests.hpp).
void App::handle_requests() {
    if (std::optional<StartAction> action = std::exchange(start_action_, std::nullopt)) {
        switch (action->kind) {
        case StartAction::Kind::Back: start_screen_ = false; break;
        case StartAction::Kind::Open: open(action->path); break;
        case StartAction::Kind::Create:
            // The file was not made, or not opened: the start screen says why.
            if (const std::string error = action->follow_up_of.empty()
                                              ? workshop_.create(action->path, action->workshop)
                                              : workshop_.create_follow_up(action->path, action->follow_up_of,
                                                                           *action->from_template, action->workshop.info);
                !error.empty())
                show_start(error);
            break;
        }
    }
    if (!ctx_) return;
    for (const Request& r : ctx_->take_requests()) {
        if (const auto* round = std::get_if<SetPhoneRound>(&r)) report(workshop_.set_phone_round(round->open));
        if (std::holds_alternative<ExportReport>(r)) report(workshop_.export_report());
        if (const auto* shortlist = std::get_if<ExportShortlist>(&r)) carry_out(*ctx_, *shortlist);
    }
}

void App::report(const Outcome& o) {
    if (!ctx_) return;
    if (!o.status.empty()) ctx_->state.status = o.status;
    if (!o.error.empty()) ctx_->state.error = o.error;
}

void App::frame(int display_w, int display_h) {
    namespace startup = platform::startup;
    std::optional<startup::Step> step;
    if (!first_frame_done_ && !layout_pass_) step.emplace("font rebuild");
    window_.make_current();
    ensure_fonts(display_h > 0 ? display_h : window_.height());
    apply_language();
    if (step) step.emplace("frame");
    window_.begin_frame(display_w, display_h);
    // The window lost the focus (another window, the desktop): what is being typed is committed.
    if (window_.take_focus_lost() && ctx_) ctx_->commit_edits();
    handle_keys();
    const ImGuiIO& io = ImGui::GetIO();
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(io.DisplaySize);
    const bool blank = ctx_ && !start_screen_ && ctx_->state.blanked;
    if (blank) ImGui::PushStyleColor(ImGuiCol_WindowBg, ImVec4(0, 0, 0, 1));
    const ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                   ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBringToFrontOnFocus |
                                   (blank ? 0 : ImGuiWindowFlags_MenuBar);
    ImGui::Begin("##pilotdeck", nullptr, flags);
    trace_begin();
    if (!blank) {
        draw_menu();
        if (portfolio_.is_open())
            portfolio_.draw(fonts_, palette_);
        else if (start_screen_ || !ctx_)
            draw_start_screen();
        else
            draw_workshop();
    }
    trace_end("room", room_trace_);
    ImGui::End();
    if (blank) ImGui::PopStyleColor();
    if (help_open_) draw_help();
    if (ctx_ && ImGui::GetTime() < zoom_shown_until_) zoom_badge(*ctx_, settings_.zoom);
    handle_requests();
    if (start_after_frame_) {
        start_after_frame_ = false;
        show_start({});
    }
    const Rgba& bg = blank ? Rgba{0, 0, 0, 1} : palette_.background;
    const float clear[3] = {bg.r, bg.g, bg.b};
    if (step) step.emplace("gl draw");
    window_.render(clear);
    if (!layout_pass_) first_frame_done_ = true;
}

void App::run() {
    // A countdown tick redraws the countdown, not the window; with two windows in both (the
    // presenter's also redraws its picture of the room where it is, Window::damage): a ticking
    // countdown then costs about 2% of a core instead of 15% (scripts/idle_cpu.sh SECONDS two).
    // Two windows once drew whole frames because the room's window was seen black after switching
    // GL contexts; with partial redraw on, the two-screen GUI tests pass and their screenshots
    // (and a countdown's ticks in both windows) look right. PILOTDECK_FULL_REDRAW=1 turns it off.
    window_.set_partial_redraw(true);
    // ImGui shows child windows (the stage, the notes) from their second frame on and settles
    // the layout in the third: two frames are built and not drawn, so the first frame on screen
    // is the finished picture (the trace's follow-up line checks it: 0 pixels redrawn).
    if (!first_swapped_ && !window_.should_close()) {
        platform::startup::Step step("layout passes");
        window_.set_gl_draw(false);
        layout_pass_ = true;
        for (int i = 0; i < kLayoutPasses; ++i) frame();
        layout_pass_ = false;
        window_.set_gl_draw(true);
    }
    int follow_up = kFollowUpFrames;
    while (!window_.should_close() || window_.has_pending_input()) {
        const bool input = wait_for_input(follow_up > 0 ? 0.0 : idle_timeout());
        if (input)
            follow_up = kFollowUpFrames;
        else if (follow_up > 0)
            --follow_up;
        workshop_.pump_phones();  // queued joins and votes, on this thread
        const bool first = !first_swapped_;
        frames();  // the room's window, and the presenter's with two screens
        {
            std::optional<platform::startup::Step> step;
            if (first) step.emplace("swap");
            window_.swap();
            presenter_swap();
        }
        if (first) platform::startup::first_frame_swapped();
        // The trace also says whether the first frame was already the finished picture: how much
        // the follow-up frames after it drew again (0 pixels: nothing changed).
        if (!first && frames_after_first_ < kFollowUpFrames && platform::startup::enabled()) {
            redrawn_after_first_ += window_.last_drawn_pixels();
            if (++frames_after_first_ == kFollowUpFrames)
                std::cerr << "startup: the " << kFollowUpFrames << " frames after the first redrew "
                          << redrawn_after_first_ << " pixels" << std::endl;
        }
        first_swapped_ = true;
        if (settings_unsaved_) {
            settings_unsaved_ = false;
            save_settings_now();
        }
        report(workshop_.tend_backups());
        chimes_.tend(workshop_.timers(), settings_.chime);  // one minute left, zero
    }
    // Ctrl+Q, File > Quit or the window closed: what is being typed is committed first.
    if (ctx_) ctx_->commit_edits();
    if (settings_unsaved_) save_settings_now();
    workshop_.close();  // the phones stop, a last backup when changed
}

void App::toggle_phones() {
    if (!ctx_) return;
    ctx_->commit_edits();  // the phones box takes its place beside the stage: typing ends first
    report(workshop_.toggle_phones());
    ctx_->state.blind_round = workshop_.sync_phones();
}

}  // namespace pilotdeck::ui
