// The panels that keep state between frames, each an object owning its state. One PanelSet is
// made per view of an open workshop (UiContext owns it): opening another workshop makes a new
// UiContext and so new panels, which is how they reset; a second window on the same workshop
// gets its own. The free draw_* functions of panels.hpp draw the current view's panel.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <set>
#include <string>

#include <imgui.h>

#include "core/hackathon_stages.hpp"
#include "core/model.hpp"
#include "core/recusal.hpp"
#include "core/timer.hpp"
#include "server/qr.hpp"
#include "ui/matrix_chart.hpp"
#include "ui/draft_editor.hpp"
#include "ui/import_ideas_dialog.hpp"
#include "ui/owner_field.hpp"
#include "ui/panel_revote.hpp"
#include "ui/panel_robustness.hpp"
#include "ui/panel_screening.hpp"
#include "ui/ui_context.hpp"

namespace pilotdeck::server {
class PhoneServer;
}

namespace pilotdeck::ui {

// The intro stage (panel_intro.cpp), with its editor of the workshop details.
class IntroPanel {
public:
    void draw(UiContext& ctx);

private:
    void draw_info_editor(UiContext& ctx);
    void commit_info(UiContext& ctx);
    DraftEditor<core::WorkshopInfo> info_;
};

// The ideas stage (panel_ideas.cpp): the capture field, the list and the selected idea's details.
class IdeasPanel {
public:
    void draw(UiContext& ctx);

private:
    void capture(UiContext& ctx);
    void save_new_idea(UiContext& ctx, bool select);
    void details(UiContext& ctx);
    void commit_details(UiContext& ctx);
    void merge(UiContext& ctx, const core::Idea& idea);
    void owner(UiContext& ctx);
    void add_owner(UiContext& ctx, const std::string& name);

    std::string new_title_;
    bool refocus_ = false;
    int capture_generation_ = 0;  // bumps when the capture field is emptied after a save
    ImVector<ImWchar> typed_ahead_;  // typed while the field was asked to take focus
    int focus_wait_frames_ = 0;
    bool was_active_ = false;
    bool enter_after_letters_ = false;
    int cancel_focus_frames_ = 0;  // Esc came before the focus: drop it when it arrives
    DraftEditor<core::Idea> details_;  // the selected idea being edited
    OwnerField owner_;  // its owner, completed from the participants
    int merge_pick_ = 0;  // the highlighted idea in the merge list
    bool edit_details_ = false;  // Enter on the selected idea: its title field takes the keyboard
};

// The participants side panel (panel_participants.cpp).
class ParticipantsPanel {
public:
    void draw(UiContext& ctx);

private:
    void load(const core::Participant& p) {
        form_ = p;
        ++generation_;
    }
    void save_form(UiContext& ctx);
    bool name_field(UiContext& ctx);

    core::Participant form_;  // being added (empty id) or edited
    int generation_ = 0;      // bumps when the form is replaced
    int drawn_frame_ = -2;    // the ImGui frame the panel was last drawn in (a gap: it has just opened)
    bool focus_name_ = false;
    int focus_wait_frames_ = 0;  // the name field was asked to take the focus and has not yet
    bool name_was_active_ = false;
    ImVector<ImWchar> typed_ahead_;  // letters typed while the focus was on its way
};

// The phones box (panel_phones.cpp), with the QR matrix of the last join URL.
class PhonesPanel {
public:
    void draw(UiContext& ctx, const server::PhoneServer& phones);

private:
    struct QrCache {
        std::string text;
        server::QrMatrix matrix;
        std::string error;
    };
    const QrCache& qr_for(const std::string& text);
    QrCache qr_;
};

// The scoring stage (panel_scoring.cpp): which cell of the grid has the keyboard, and whether
// the grid shows the "Team consensus" row (set from the idea's scores when another idea is
// picked: the mode never carries over).
struct ScoringFocus {
    int row = 0;
    int col = 0;
    bool consensus = false;    // grid shows the single "Team consensus" row
    bool scroll = false;       // the keyboard moved the focus: scroll the grid to it
    bool reveal_idea = false;  // "next unscored" picked an idea: scroll the list to it
    std::string idea;          // focus resets when the idea changes
};
struct ScoringPanel {
    ScoringFocus focus;
};

// The shortlist stage (panel_shortlist.cpp): the rules being edited, the export path and result,
// the pin popup's form.
struct ShortlistState {
    core::SelectionRules draft;  // the rules as the controls show them
    bool editing = false;        // draft differs from the workshop's and is not applied yet
    std::string export_path;     // the JSON path field
    std::string export_for;      // the workshop the default path was made for
    std::string export_result;   // "Exported to …"
    bool pin_key = false;         // P this frame: the selected idea's pin popup opens
    bool export_key = false;      // E this frame: export
    std::uint64_t exported_at = 0;  // the session's revision the export was made from
    std::string pin_idea;        // the idea the pin popup edits
    int pin_choice = 0;          // 0 include, 1 exclude
    std::string pin_reason;
};
struct ShortlistPanel {
    ShortlistState state;
};

// The matrix stage (panel_matrix.cpp): the bubble and label layout of its chart.
struct MatrixPanel {
    MatrixChartCache chart;
    // The side column's numbered list when it has pages (matrix_side.hpp): the page shown, how
    // many there were and each numbered idea's page (last drawn), and the selected idea the page
    // was last turned to (a newly selected numbered idea brings its page).
    int list_page = 0, list_pages = 1;
    std::vector<std::pair<std::size_t, int>> idea_page;
    std::string paged_for;
};

// The review stage (panel_review.cpp) and the pilots' measures (pilot_measures.cpp).
struct ReviewState {
    std::string selected;      // idea id
    std::string date;          // the date new values get (default: today)
    std::vector<std::string> value_text;  // per measure of the selected pilot
    bool focus_value = false;
    int focus_frames = 0;      // frames the value or reason field is on its way to the focus
    core::IdeaStatus decision = core::IdeaStatus::Scaled;
    std::string reason;
    std::string users_say;     // what the users say, recorded with the decision (issue 13)
    bool open_decision = false;
};
struct MeasureDraft {
    int preset = 0;
    std::string baseline, target;
    std::string flag_idea;  // the pilot the shortlist's popup adds a measure to
};

// The hackathon stages: the team registration form (panel_teams.cpp), the pitch running order
// (panel_pitches.cpp), the judges' progress (panel_judging.cpp), the award reveal (panel_awards.cpp).
struct TeamDraft {
    const core::Session* session = nullptr;
    std::string name, table, idea;
    std::set<std::string> members;
};
struct PitchState {
    const core::Session* session = nullptr;
    core::PitchCursor cursor;
    std::set<std::string> absent;
    core::Countdown timer;
};
struct JudgingCache {
    const core::Session* session = nullptr;
    std::uint64_t revision = ~std::uint64_t{0};
    std::vector<core::JudgeProgress> progress;
    std::vector<core::RecusalEntry> recusals;
};
struct RevealState {
    const core::Session* session = nullptr;
    std::size_t shown = 0;
    std::uint64_t revision = ~std::uint64_t{0};
    unsigned language = 0;  // i18n::generation(): the "why" sentences follow the language
    std::vector<core::RevealStep> steps;
};
// What the room is shown on the pitch and award stages: the team on stage with its countdown,
// and the awards revealed so far. The presenter's window shares the room's
// (App::presenter_workshop_shown); any other view has its own.
struct StageShow {
    PitchState pitches;
    RevealState awards;
};

struct PanelSet {
    IntroPanel intro;
    IdeasPanel ideas;
    ParticipantsPanel participants;
    PhonesPanel phones;
    ScoringPanel scoring;
    ShortlistPanel shortlist;
    ScreeningPanel screening;  // panel_screening.cpp (ideas and shortlist stages)
    RevotePanel revote;        // panel_revote.cpp (scoring stage)
    RobustnessPanel robustness;  // panel_robustness.cpp (shortlist stage)
    ImportIdeasDialog import_ideas;  // import_ideas_dialog.cpp (File > Import ideas, hackathons)
    MatrixPanel matrix;
    ReviewState review;
    MeasureDraft measure;
    TeamDraft team;
    JudgingCache judging;
    std::shared_ptr<StageShow> show = std::make_shared<StageShow>();
};

}  // namespace pilotdeck::ui
