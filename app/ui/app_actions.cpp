// The presenter actions of the App (actions.hpp): the table, and the menus, key handling and
// help overlay it feeds.
#include <algorithm>
#include <array>

#include <GLFW/glfw3.h>
#include <imgui.h>

#include "base/i18n.hpp"
#include "ui/panels.hpp"
#include "ui/panel_portfolio.hpp"
#include "ui/panel_set.hpp"
#include "ui/actions.hpp"
#include "ui/app.hpp"
#include "ui/widgets.hpp"

namespace pilotdeck::ui {

using i18n::N_;

namespace {

constexpr float kZoomStep = 0.1f;
// The menus' ids (the table's `menu`) and their words.
constexpr std::array kMenus{"File", "Edit", "View", "Go", "Help"};
constexpr std::array kMenuWords{N_("File"), N_("Edit"), N_("View"), N_("Go"), N_("Help")};

bool pressed(const Chord& c, bool repeat) {
    const ImGuiIO& io = ImGui::GetIO();
    if (io.KeyCtrl != c.ctrl || io.KeyAlt || io.KeySuper) return false;
    if (c.shift >= 0 && io.KeyShift != (c.shift == 1)) return false;
    return ImGui::IsKeyPressed(c.key, repeat);
}

bool same_text(const char* a, const char* b) { return a == b || (a && b && std::string_view(a) == b); }

}  // namespace

bool App::workshop_shown() const { return ctx_ && !start_screen_; }

const std::vector<Action>& App::actions() {
    using G = Gate;
    static const std::vector<Action> table = [] {
        std::vector<Action> list;
        auto add = [&list](Action a) { list.push_back(std::move(a)); };
        // Presenting (the order of the help and the README; each menu keeps its items in this order)
        add({.id = "next_stage", .menu = "Go", .label = N_("Next stage"), .what = N_("next stage (clickers send Page Down); in a hackathon's pitches and awards first the next pitch, Q&A or award"),
             .chords = {{GLFW_KEY_PAGE_DOWN, false, -1}, {GLFW_KEY_RIGHT, true, 0, G::NoTextField}},
             .repeat = true, .run = [](App& a) {
                 if (!hackathon_page(*a.ctx_, 1)) a.go_to_stage(a.ctx_->session.current_stage() + 1);
             }});
        add({.id = "previous_stage", .menu = "Go", .label = N_("Previous stage"), .what = N_("previous stage (in a hackathon's pitches and awards first the previous step)"),
             .chords = {{GLFW_KEY_PAGE_UP, false, -1}, {GLFW_KEY_LEFT, true, 0, G::NoTextField}},
             .repeat = true, .run = [](App& a) {
                 if (!hackathon_page(*a.ctx_, -1)) a.go_to_stage(a.ctx_->session.current_stage() - 1);
             }});
        add({.id = "countdown", .menu = "Go", .label = N_("Start the countdown"), .what = N_("start or pause the stage countdown"),
             .chords = {{GLFW_KEY_T, false, 0, G::NoTextInput}}, .separator_before = true,
             .shown = [](const App& a) { return a.current_timer() != nullptr; },
             .dynamic_label = [](const App& a) {
                 const core::Countdown* t = a.current_timer();
                 return std::string(t && t->running() ? i18n::tr("Pause the countdown") : i18n::tr("Start the countdown"));
             },
             .run = [](App& a) { a.toggle_timer(); }});
        add({.id = "countdown_reset", .menu = "Go", .label = N_("Reset the countdown"), .what = N_("reset the countdown"),
             .shown = [](const App& a) { return a.current_timer() != nullptr; },
             .run = [](App& a) {
                 if (core::Countdown* t = a.current_timer()) t->reset();
             }});
        add({.id = "countdown_more", .menu = "Go", .label = N_("One more minute"), .what = N_("one more minute"),
             .shown = [](const App& a) { return a.current_timer() != nullptr; },
             .run = [](App& a) {
                 if (core::Countdown* t = a.current_timer()) t->add(std::chrono::minutes(1));
             }});
        add({.id = "fullscreen", .menu = "View", .label = N_("Full screen"), .what = N_("full screen on or off"),
             .chords = {{GLFW_KEY_F11}, {GLFW_KEY_F5}}, .needs_workshop = false,
             .checked = [](const App& a) { return a.window_.fullscreen(); },
             .run = [](App& a) { a.window_.set_fullscreen(!a.window_.fullscreen()); }});
        add({.id = "back", .menu = nullptr, .label = N_("Back"), .what = N_("the blanked screen returns, else full screen ends"),
             .chords = {{GLFW_KEY_ESCAPE, false, -1}},
             .run = [](App& a) {
                 UiState& view = a.key_view().state;
                 const int frame = ImGui::GetFrameCount();
                 if (a.ctx_->state.blanked) {
                     a.ctx_->state.blanked = false;
                     view.esc_used_frame = frame;
                 } else if (view.esc_panel_frame >= frame - 1) {
                     // The questionnaire or the re-vote view is up in that window: Esc closes it, nothing else.
                 } else if (a.window_.fullscreen() && !a.keys_view_) {  // Esc on the laptop leaves the projector alone
                     a.window_.set_fullscreen(false);
                     view.esc_used_frame = frame;
                 }
             }});
        add({.id = "blank", .menu = "View", .label = N_("Blank the screen"), .what = N_("blank the screen (B again returns)"),
             .chords = {{GLFW_KEY_B, false, 0, G::NoTextInput}}, .separator_before = true,
             .run = [](App& a) { a.ctx_->state.blanked = !a.ctx_->state.blanked; }});
        add({.id = "notes", .menu = "View", .label = N_("Facilitator notes"),
             .what = N_("show or hide the facilitator notes (questions, answers to worries, rater names)"),
             .chords = {{GLFW_KEY_N, false, 0, G::NoTextInput}},
             .checked = [](const App& a) { return a.notes_view().state.notes_visible; },
             .run = [](App& a) { a.notes_view().state.notes_visible = !a.notes_view().state.notes_visible; }});
        add({.id = "chime", .menu = "View", .label = i18n::N_("Chime at one minute and at zero"),
             .what = i18n::N_("a chime when the countdown has one minute left and when it reaches zero (remembered on this computer)"),
             .needs_workshop = false,
             .checked = [](const App& a) { return a.settings_.chime; },
             .run = [](App& a) {
                 a.settings_.chime = !a.settings_.chime;
                 a.save_settings_now();
             }});
        add({.id = "swap_screens", .menu = "View", .label = i18n::N_("Swap screens"),
             .what = i18n::N_("two screens: the room's view and the presenter's view change screens (remembered on this computer)"),
             .chords = {{GLFW_KEY_F10}}, .needs_workshop = false,
             .shown = [](const App& a) { return a.two_screens(); },
             .run = [](App& a) { a.swap_screens(); }});
        add({.id = "new_idea", .menu = "Go", .label = N_("New idea"), .what = N_("new idea (type the title, Enter saves)"),
             .chords = {{GLFW_KEY_N, true}}, .separator_before = true, .run = [](App& a) { a.new_idea(); }});
        // Keys the panels handle themselves, listed for the help and the README.
        add({.id = "ideas_pick", .menu = nullptr, .label = "",
             .what = N_("ideas: select the previous / next idea (while no field is typed in)"), .keys_text = N_("Up / Down")});
        add({.id = "worries_keys", .menu = nullptr, .label = "",
             .what = N_("worries: Up / Down pick a worry, Right or + counts a hand for it, Left or \u2212 takes one back"),
             .keys_text = N_("Up / Down, Right / Left")});
        add({.id = "shortlist_pin", .menu = nullptr, .label = "",
             .what = N_("shortlist: pin the selected idea in or out of the pilots (type the reason, Enter pins)"),
             .keys_text = "P"});
        add({.id = "shortlist_export", .menu = nullptr, .label = "",
             .what = N_("shortlist: export it (JSON and the matrix PNG) to the path shown"), .keys_text = "E"});
        add({.id = "ideas_edit", .menu = nullptr, .label = "",
             .what = N_("ideas: edit the selected idea's fields (Tab moves on, Esc leaves; while no field is typed in)"),
             .keys_text = N_("Enter")});
        add({.id = "ideas_merge", .menu = nullptr, .label = "",
             .what = N_("ideas: merge the selected idea into another (Up / Down pick it, Enter merges, Esc "
                     "cancels; Ctrl+Z undoes it)"), .keys_text = "M"});
        add({.id = "ideas_delete", .menu = nullptr, .label = "",
             .what = N_("ideas: delete the selected idea (while no field is typed in; Ctrl+Z brings it back)"), .keys_text = N_("Delete")});
        add({.id = "screening", .menu = nullptr, .label = "",
             .what = N_("ideas and shortlist: screen the selected idea (EU AI Act, GDPR); Y or J yes, N no, Delete "
                        "unanswered, Up / Down move, F7 again or Esc closes"), .keys_text = "F7"});
        add({.id = "field_leave", .menu = nullptr, .label = "",
             .what = N_("leave the field keeping its text (it is saved; a new idea's title is cleared, Ctrl+Z "
                     "brings it back)"), .keys_text = N_("Esc in a text field")});
        add({.id = "scoring_next", .menu = nullptr, .label = "",
             .what = N_("scoring: next idea nobody scored yet"), .keys_text = N_("F8 or Ctrl+Enter")});
        add({.id = "scoring_revote", .menu = nullptr, .label = "",
             .what = N_("scoring: where the room disagrees (spread, no names); Enter opens a re-vote round, then a digit, "
                        "Left / Right (rater), Tab the reason, Enter re-votes; F3 again or Esc closes"), .keys_text = "F3"});
        add({.id = "scoring_digits", .menu = nullptr, .label = "",
             .what = N_("scoring: set or clear the focused cell (arrows and Tab move)"), .keys_text = N_("1\u20139, 0 or Delete")});
        add({.id = "matrix_list_page", .menu = nullptr, .label = "",
             .what = N_("matrix: the next page of the numbered ideas, when they need more than one (Tab or the arrows "
                        "to a numbered idea bring its page)"), .keys_text = "L"});
        // Editing, the look, the side panels, files
        add({.id = "undo", .menu = "Edit", .label = N_("Undo"),
             .what = N_("undo (every edit of this run; an undo is itself saved)"),
             .chords = {{GLFW_KEY_Z, true, 0, G::NoTextFieldUnlessEmpty}}, .repeat = true,
             .enabled = [](const App& a) { return a.ctx_->session.can_undo(); },
             .dynamic_label = [](const App& a) {
                 return a.ctx_->session.can_undo() ? i18n::format(i18n::tr("Undo {0}"), {a.ctx_->session.undo_label()})
                                                   : std::string(i18n::tr("Undo"));
             },
             .run = [](App& a) { a.step_history(false); }});
        add({.id = "redo", .menu = "Edit", .label = N_("Redo"), .what = N_("redo"),
             .chords = {{GLFW_KEY_Y, true, 0, G::NoTextFieldUnlessEmpty},
                        {GLFW_KEY_Z, true, 1, G::NoTextFieldUnlessEmpty}},
             .repeat = true,
             .enabled = [](const App& a) { return a.ctx_->session.can_redo(); },
             .dynamic_label = [](const App& a) {
                 return a.ctx_->session.can_redo() ? i18n::format(i18n::tr("Redo {0}"), {a.ctx_->session.redo_label()})
                                                   : std::string(i18n::tr("Redo"));
             },
             .run = [](App& a) { a.step_history(true); }});
        add({.id = "zoom_in", .menu = "View", .label = N_("Zoom in"),
             .what = N_("zoom in (the font is re-rendered, remembered per machine)"),
             .chords = {{GLFW_KEY_EQUAL, true, -1}, {GLFW_KEY_KP_ADD, true, -1, G::Always, false}},
             .needs_workshop = false, .separator_before = true, .run = [](App& a) { a.set_zoom(a.settings_.zoom + kZoomStep); }});
        add({.id = "zoom_out", .menu = "View", .label = N_("Zoom out"), .what = N_("zoom out"),
             .chords = {{GLFW_KEY_MINUS, true, -1}, {GLFW_KEY_KP_SUBTRACT, true, -1, G::Always, false}},
             .needs_workshop = false, .run = [](App& a) { a.set_zoom(a.settings_.zoom - kZoomStep); }});
        add({.id = "zoom_reset", .menu = "View", .label = N_("Actual size"), .what = N_("zoom back to actual size"),
             .chords = {{GLFW_KEY_0, true}, {GLFW_KEY_KP_0, true, 0, G::Always, false}},
             .needs_workshop = false, .run = [](App& a) { a.set_zoom(1.0f); }});
        add({.id = "theme", .menu = "View", .label = N_("Dark theme"), .what = N_("projector (light) or dark theme"),
             .chords = {{GLFW_KEY_F9}}, .needs_workshop = false,
             .checked = [](const App& a) { return a.settings_.theme == "dark"; },
             .run = [](App& a) { a.toggle_theme(); }});
        // View > Language: one entry per language and the workshop's own (no keys; the help names the menu).
        add({.id = "language_menu", .menu = nullptr, .label = "",
             .what = N_("the window's language: English, Nederlands, Deutsch or the workshop's (remembered per "
                        "machine; --lang beats it for one run)"),
             .keys_text = N_("View > Language")});
        add({.id = "language_workshop", .menu = "View", .submenu = N_("Language"), .label = N_("Workshop's language"),
             .what = N_("the window in the workshop's language (else the system's)"),
             .needs_workshop = false, .separator_before = true,
             .checked = [](const App& a) { return a.language_choice_is(std::nullopt); },
             .run = [](App& a) { a.choose_language(std::nullopt); }});
        add({.id = "language_en", .menu = "View", .submenu = N_("Language"), .label = "English", .what = N_("the window in English"), .needs_workshop = false,
             .checked = [](const App& a) { return a.language_choice_is(i18n::Language::En); },
             .run = [](App& a) { a.choose_language(i18n::Language::En); }});
        add({.id = "language_nl", .menu = "View", .submenu = N_("Language"), .label = "Nederlands", .what = N_("the window in Dutch"), .needs_workshop = false,
             .checked = [](const App& a) { return a.language_choice_is(i18n::Language::Nl); },
             .run = [](App& a) { a.choose_language(i18n::Language::Nl); }});
        add({.id = "language_de", .menu = "View", .submenu = N_("Language"), .label = "Deutsch", .what = N_("the window in German"), .needs_workshop = false,
             .checked = [](const App& a) { return a.language_choice_is(i18n::Language::De); },
             .run = [](App& a) { a.choose_language(i18n::Language::De); }});
        add({.id = "participants", .menu = "View", .label = N_("Participants"),
             .what = N_("participants: add and edit (the name field has the focus; Enter adds)"),
             .chords = {{GLFW_KEY_F2}}, .separator_before = true,
             .checked = [](const App& a) { return a.ctx_->state.participants_visible; },
             .run = [](App& a) { a.toggle_participants(); }});
        add({.id = "phones", .menu = "View", .label = N_("Phones on"),
             .what = N_("phones on or off (address, join code and QR code on screen)"), .chords = {{GLFW_KEY_F4}},
             .enabled = [](const App& a) { return a.workshop_.editable(); },
             .checked = [](const App& a) { return a.workshop_.phones_on(); },
             .dynamic_label = [](const App& a) {
                 return std::string(a.workshop_.phones_on() ? i18n::tr("Phones off") : i18n::tr("Phones on"));
             },
             .run = [](App& a) { a.toggle_phones(); }});
        add({.id = "new_join_code", .menu = "View", .label = N_("New join code"),
             .what = N_("phones: a new join code (when the code was spent by guessing; phones that joined stay)"),
             .chords = {{GLFW_KEY_F6}},
             .shown = [](const App& a) { return a.workshop_.phones_on(); },
             .run = [](App& a) {
                 if (a.workshop_.phones_on()) a.report(a.workshop_.new_join_code());
             }});
        add({.id = "close_audience_vote", .menu = "View", .label = N_("Close the audience vote"),
             .what = N_("hackathon: close the audience vote (phones can no longer vote; the awards then reveal the "
                        "audience award)"),
             .chords = {{GLFW_KEY_F12}},
             .shown = [](const App& a) {
                 return a.ctx_->session.workshop().mode == core::Mode::Hackathon && a.workshop_.phones_on();
             },
             .enabled = [](const App& a) { return a.workshop_.audience_vote_open(); },
             .run = [](App& a) { a.report(a.workshop_.close_audience_vote()); }});
        add({.id = "open", .menu = "File", .label = N_("New or open workshop\u2026"),
             .what = N_("the start screen: a new workshop, or open one"),
             .chords = {{GLFW_KEY_O, true}}, .needs_workshop = false,
             .run = [](App& a) {
                 if (!a.workshop_shown()) return;  // already there
                 a.ctx_->commit_edits();  // what is typed is saved before the screen changes
                 a.start_after_frame_ = true;
             }});
        add({.id = "portfolio", .menu = "File", .label = N_("Portfolio\u2026"),
             .what = N_("the portfolio of the workshops in this folder: worries over time, pilots' progress"),
             .needs_workshop = false,
             .run = [](App& a) {
                 if (a.ctx_) a.ctx_->commit_edits();
                 a.portfolio_.open(portfolio_default_folder(a.ctx_ ? a.ctx_->state.workshop_path : ""));
             }});
        add({.id = "import_ideas", .menu = "File", .label = N_("Import ideas from another workshop\u2026"),
             .what = N_("hackathon: the ideas of another workshop become the teams' challenges (one undo step)"),
             .shown = [](const App& a) { return a.ctx_->session.workshop().mode == core::Mode::Hackathon; },
             .enabled = [](const App& a) { return a.workshop_.editable(); },
             .run = [](App& a) {
                 if (!a.workshop_.editable()) return;
                 a.key_view().commit_edits();  // what is typed is saved before the prompt takes the keys
                 const std::string path = a.workshop_.path();
                 const auto slash = path.find_last_of('/');
                 a.key_view().panels().import_ideas.open(slash == std::string::npos ? std::string() : path.substr(0, slash));
             }});
        add({.id = "export_report", .menu = "File", .label = i18n::N_("Export report\u2026"),
             .what = i18n::N_("the report for decision makers (PDF) next to the workshop file"),
             .run = [](App& a) {
                 a.ctx_->commit_edits();  // what is typed is in the file before it is read
                 a.ctx_->request(ExportReport{});
             }});
                add({.id = "quit", .menu = "File", .label = N_("Quit"), .what = N_("quit (what is being typed is saved first)"),
             .chords = {{GLFW_KEY_Q, true}}, .needs_workshop = false,
             .run = [](App& a) { a.window_.request_close(); }});
        add({.id = "help", .menu = "Help", .label = N_("Keys"), .what = N_("this list of keys (Esc closes it)"),
             .chords = {{GLFW_KEY_F1}, {GLFW_KEY_SLASH, false, 1, G::NoTextInput}}, .needs_workshop = false,
             .checked = [](const App& a) { return a.help_open_; },
             .run = [](App& a) { a.help_open_ = !a.help_open_; }});
        return list;
    }();
    return table;
}

bool App::action_shown(const Action& a) const {
    if (a.needs_workshop && !workshop_shown()) return false;
    return !a.shown || a.shown(*this);
}

void App::handle_keys() {
    const bool workshop = workshop_shown();
    const bool field = workshop && key_view().text_field_active();  // in the window the key is pressed in
    const bool letters_are_text = workshop && key_view().text_input_active();
    const bool empty_field = workshop && key_view().state.empty_field_active;
    auto open = [&](Gate g) {
        switch (g) {
        case Gate::Always: return true;
        case Gate::NoTextField: return !field;
        case Gate::NoTextFieldUnlessEmpty: return !field || empty_field;
        case Gate::NoTextInput: return !letters_are_text;
        }
        return false;
    };
    for (const Action& a : actions()) {
        if (!a.run || !action_shown(a)) continue;
        // While the help is up, only its own keys and Esc (which closes it) act.
        if (help_open_ && std::string_view(a.id) != "help") {
            if (std::string_view(a.id) == "back" && pressed(a.chords.front(), false)) {
                help_open_ = false;
                if (workshop_shown()) key_view().state.esc_used_frame = ImGui::GetFrameCount();
            }
            continue;
        }
        for (const Chord& c : a.chords) {
            if (!open(c.gate) || !pressed(c, a.repeat)) continue;
            a.run(*this);
            break;
        }
    }
}

void App::draw_menu() {
    if (!ImGui::BeginMenuBar()) return;
    for (std::size_t m = 0; m < kMenus.size(); ++m) {
        const char* menu = kMenus[m];
        std::vector<const Action*> items;
        for (const Action& a : actions())
            if (a.menu && std::string_view(a.menu) == menu && a.run && action_shown(a)) items.push_back(&a);
        // The id stays the English one, so that an open menu stays open when the language changes.
        const std::string title = std::string(i18n::tr(kMenuWords[m])) + "###" + menu;
        if (items.empty() || !ImGui::BeginMenu(title.c_str())) continue;
        const char* open_submenu = nullptr;  // a run of items with the same submenu is one submenu
        bool submenu_shown = false;
        for (std::size_t i = 0; i < items.size(); ++i) {
            const Action& a = *items[i];
            if (!same_text(a.submenu, open_submenu)) {
                if (open_submenu && submenu_shown) ImGui::EndMenu();
                open_submenu = a.submenu;
                if (a.separator_before && i > 0) ImGui::Separator();
                submenu_shown = a.submenu && ImGui::BeginMenu((std::string(i18n::tr(a.submenu)) + "###" + a.submenu).c_str());
            } else if (a.separator_before && i > 0) {
                ImGui::Separator();
            }
            if (a.submenu && !submenu_shown) continue;
            const std::string label = a.dynamic_label ? a.dynamic_label(*this) : std::string(i18n::tr(a.label));
            const std::string keys = menu_shortcut(a, true);
            if (ImGui::MenuItem(label.c_str(), keys.empty() ? nullptr : keys.c_str(), a.checked && a.checked(*this),
                                !a.enabled || a.enabled(*this)))
                a.run(*this);
        }
        if (open_submenu && submenu_shown) ImGui::EndMenu();
        ImGui::EndMenu();
    }
    ImGui::EndMenuBar();
}

// The keys as a projected cheat sheet: two columns of key and words, over the whole window.
void App::draw_help() {
    const ImGuiIO& io = ImGui::GetIO();
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(io.DisplaySize);
    ImGui::PushStyleColor(ImGuiCol_WindowBg, vec4(palette_.background));
    ImGui::Begin("##help", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings);
    if (fonts_.large) ImGui::PushFont(fonts_.large);
    ImGui::TextUnformatted(i18n::tr("Keys"));
    if (fonts_.large) ImGui::PopFont();
    ImGui::SameLine();
    ImGui::PushStyleColor(ImGuiCol_Text, vec4(palette_.text_muted));
    ImGui::TextUnformatted((std::string("   ") + i18n::tr("Esc, F1 or ? closes this list")).c_str());
    ImGui::PopStyleColor();
    ImGui::Separator();
    std::vector<const Action*> rows;
    for (const Action& a : actions())
        if (!keys_text(a, true).empty()) rows.push_back(&a);
    const std::size_t half = (rows.size() + 1) / 2;
    const ImGuiTableFlags flags = ImGuiTableFlags_SizingStretchProp | ImGuiTableFlags_BordersInnerV;
    if (ImGui::BeginTable("##keys", 4, flags)) {
        const float key_w = ImGui::GetContentRegionAvail().x * 0.13f;
        ImGui::TableSetupColumn("key", ImGuiTableColumnFlags_WidthFixed, key_w);
        ImGui::TableSetupColumn("what", ImGuiTableColumnFlags_WidthStretch);
        ImGui::TableSetupColumn("key2", ImGuiTableColumnFlags_WidthFixed, key_w);
        ImGui::TableSetupColumn("what2", ImGuiTableColumnFlags_WidthStretch);
        for (std::size_t r = 0; r < half; ++r) {
            ImGui::TableNextRow();
            for (std::size_t side = 0; side < 2; ++side) {
                const std::size_t i = r + side * half;
                if (i >= rows.size()) break;
                ImGui::TableSetColumnIndex(static_cast<int>(side * 2));
                ImGui::PushStyleColor(ImGuiCol_Text, vec4(palette_.accent));
                ImGui::TextWrapped("%s", keys_text(*rows[i], true).c_str());
                ImGui::PopStyleColor();
                ImGui::TableSetColumnIndex(static_cast<int>(side * 2 + 1));
                ImGui::TextWrapped("%s", i18n::tr(rows[i]->what));
            }
        }
        ImGui::EndTable();
    }
    ImGui::End();
    ImGui::PopStyleColor();
}

}  // namespace pilotdeck::ui
