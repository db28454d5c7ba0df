// Scoring: the room's scores per idea, entered fast by keyboard. The ideas (a list, or a
// drop-down where the stage is narrow), the raters x criteria grid with its level texts
// (score_grid.cpp), and a "Team consensus" row for when the room agrees on one value. In a
// hackathon's criteria judging the same panel shows the jury and the teams' ideas.
#include <GLFW/glfw3.h>
#include <imgui.h>

#include <algorithm>
#include <string>
#include <vector>

#include "base/i18n.hpp"
#include "core/selection.hpp"
#include "ui/panel_revote.hpp"
#include "ui/panel_set.hpp"
#include "ui/panels.hpp"
#include "ui/score_grid.hpp"
#include "ui/score_display.hpp"
#include "ui/score_entry.hpp"
#include "ui/screening_text.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"

namespace pilotdeck::ui {
namespace {

using core::Idea;
using core::Participant;

bool key_pressed(int glfw_key) { return ImGui::IsKeyPressed(glfw_key, true); }


// In a hackathon the jury scores the teams' ideas: ideas without a team are not judged.
bool judged(const core::Workshop& ws, const Idea& idea) {
    if (ws.mode != core::Mode::Hackathon || ws.teams.empty()) return true;
    return std::any_of(ws.teams.begin(), ws.teams.end(), [&](const core::Team& t) { return t.idea == idea.id; });
}

// The idea as the room knows it: in a hackathon by its team ("Matchmakers: Invoice matching").
std::string shown_title(const core::Workshop& ws, const Idea& idea) {
    if (ws.mode == core::Mode::Hackathon)
        for (const core::Team& t : ws.teams)
            if (t.idea == idea.id) return i18n::format(i18n::trc("team and idea", "{0}: {1}"), {t.name, idea.title});
    return idea.title;
}

bool consensus_scored(const core::Session& s, const std::string& idea) {
    for (const core::Criterion& c : s.workshop().criteria)
        if (s.score(idea, kConsensusId, c.id)) return true;
    return false;
}

const Idea* selected_or_first(UiContext& ctx) {
    const core::Session& s = ctx.session;
    if (const Idea* i = s.find_idea(ctx.state.selected_idea)) return i;
    if (s.workshop().ideas.empty()) return nullptr;
    ctx.state.selected_idea = s.workshop().ideas.front().id;
    return &s.workshop().ideas.front();
}

void select_next_unscored(UiContext& ctx) {
    ScoringFocus& focus = ctx.panels().scoring.focus;
    const core::Workshop& ws = ctx.session.workshop();
    // Only the ideas this panel scores (in a hackathon those of a team), results alongside.
    std::vector<Idea> ideas;
    std::vector<core::IdeaResult> results;
    for (std::size_t i = 0; i < ws.ideas.size() && i < ctx.session.results().size(); ++i)
        if (judged(ws, ws.ideas[i])) {
            ideas.push_back(ws.ideas[i]);
            results.push_back(ctx.session.results()[i]);
        }
    const auto next = next_unscored(ideas, results, ctx.state.selected_idea, ctx.state.department_filter);
    if (!next) return;
    ctx.state.selected_idea = ideas[*next].id;
    focus.reveal_idea = true;
}

// The class marker line of a screened idea: a prohibited one in the danger colour too.
void class_text(const UiContext& ctx, const Idea& idea, const std::string& text) {
    const bool prohibited = core::classify_ai_act(idea.assessment) == core::AiActClass::Prohibited;
    ImGui::PushStyleColor(ImGuiCol_Text, vec4(prohibited ? ctx.palette.danger : ctx.palette.text));
    ImGui::TextUnformatted(text.c_str());
    ImGui::PopStyleColor();
}

void draw_idea_list(UiContext& ctx, int participant_count) {
    ScoringFocus& focus = ctx.panels().scoring.focus;
    const core::Session& s = ctx.session;
    const auto& ideas = s.workshop().ideas;
    const auto& results = s.results();
    if (ideas.empty()) {
        ImGui::TextWrapped("%s", i18n::tr("No ideas yet. Collect them in the Ideas stage first."));
        return;
    }
    for (std::size_t i = 0; i < ideas.size(); ++i) {
        const Idea& idea = ideas[i];
        if (!ctx.state.department_filter.empty() && idea.department != ctx.state.department_filter) continue;
        if (!judged(s.workshop(), idea)) continue;
        const bool selected = idea.id == ctx.state.selected_idea;
        const float line = ImGui::GetTextLineHeightWithSpacing();
        const float wrap = ImGui::GetContentRegionAvail().x - em(0.6f);
        const std::string title = shown_title(s.workshop(), idea);
        const float title_h = ImGui::CalcTextSize(title.c_str(), nullptr, false, wrap).y;
        const std::string mark = screened_mark(idea);  // the AI Act class once screened (contracts 7)
        const float row_h = title_h + line * (mark.empty() ? 1.f : 2.f) + em(0.2f);
        const ImVec2 top = ImGui::GetCursorPos();
        // Rows scrolled out of view only take their room (a long list stays cheap per frame);
        // the selected row is always drawn so it can be scrolled into view.
        if (!selected && !ImGui::IsRectVisible(ImVec2(wrap + em(0.6f), row_h))) {
            ImGui::SetCursorPos(ImVec2(top.x, top.y + row_h + ImGui::GetStyle().ItemSpacing.y));
            continue;
        }
        const core::IdeaResult& r = results[i];
        const bool consensus = consensus_scored(s, idea.id);
        const int individual = r.raters;  // consensus values have no rater
        ImGui::PushID(idea.id.c_str());
        if (ImGui::Selectable("##idea", selected, 0, ImVec2(0, row_h))) ctx.state.selected_idea = idea.id;
        if (selected && focus.reveal_idea) {
            ImGui::SetScrollHereY(0.5f);
            focus.reveal_idea = false;
        }
        ImGui::SetCursorPos(ImVec2(top.x + em(0.3f), top.y));
        ImGui::PushTextWrapPos(top.x + em(0.3f) + wrap);
        ImGui::TextUnformatted(title.c_str());
        ImGui::PopTextWrapPos();
        ImGui::SetCursorPos(ImVec2(top.x + em(0.3f), top.y + title_h + ImGui::GetStyle().ItemSpacing.y));
        std::string progress =
            i18n::format(i18n::tr("scored by {0} of {1}"), {std::to_string(individual), std::to_string(participant_count)});
        if (consensus) progress += i18n::tr(" + team");
        ImGui::PushStyleColor(ImGuiCol_Text, vec4(ctx.palette.text_muted));
        ImGui::TextUnformatted(progress.c_str());
        ImGui::PopStyleColor();
        if (r.contested && !ctx.state.blind_round) {
            ImGui::SameLine();
            contested_badge(ctx);
        }
        if (!mark.empty()) {
            ImGui::SetCursorPosX(top.x + em(0.3f));
            class_text(ctx, idea, mark);
        }
        ImGui::SetCursorPos(ImVec2(top.x, top.y + row_h + ImGui::GetStyle().ItemSpacing.y));
        ImGui::PopID();
    }
}

}  // namespace

// Narrow stages (the notes beside it, a 4:3 screen): the ideas in a drop-down on one line
// instead of a list beside the grid, so the grid and its levels get the width.
void idea_selector(UiContext& ctx, const Idea& current, int participant_count) {
    const core::Session& s = ctx.session;
    const auto& ideas = s.workshop().ideas;
    auto progress = [&](std::size_t i) {
        std::string p = i18n::format(i18n::tr("scored by {0} of {1}"),
                                     {std::to_string(s.results()[i].raters), std::to_string(participant_count)});
        if (consensus_scored(s, ideas[i].id)) p += i18n::tr(" + team");
        return p;
    };
    std::size_t at = 0;
    while (at < ideas.size() && ideas[at].id != current.id) ++at;
    // The title whole in the large font where it fits, else in the body font (the tooltip has it all).
    const float avail = ImGui::GetContentRegionAvail().x;
    ImFont* font = ctx.fonts.large;
    const std::string title = shown_title(s.workshop(), current);
    auto combo_w = [&] { return ImGui::CalcTextSize(title.c_str()).x + ImGui::GetFrameHeight() + em(1); };
    if (font) ImGui::PushFont(font);
    if (font && combo_w() > avail) {
        ImGui::PopFont();
        font = nullptr;
    }
    const float width = std::min(avail, combo_w());
    ImGui::SetNextItemWidth(width);
    // Too long even in the body font: it ends in "…" (the tooltip has it all).
    const std::string preview =
        ellipsised(title, width - ImGui::GetFrameHeight() - 2 * ImGui::GetStyle().FramePadding.x);
    const bool open = ImGui::BeginCombo("##idea", preview.c_str(), ImGuiComboFlags_HeightLarge);
    if (font) ImGui::PopFont();
    if (open) {
        for (std::size_t i = 0; i < ideas.size(); ++i) {
            if (!ctx.state.department_filter.empty() && ideas[i].department != ctx.state.department_filter) continue;
            if (!judged(s.workshop(), ideas[i])) continue;
            const std::string item = shown_title(s.workshop(), ideas[i]) + "  \u2014  " + progress(i) + "##" + ideas[i].id;
            if (ImGui::Selectable(item.c_str(), i == at)) ctx.state.selected_idea = ideas[i].id;
        }
        ImGui::EndCombo();
    }
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", title.c_str());
    std::string line = progress(at);
    if (!current.department.empty()) line = current.department + "  \u00B7  " + line;
    same_line_if_fits(ImGui::CalcTextSize(line.c_str()).x);
    muted(ctx, line);
}

void draw_scoring(UiContext& ctx) {
    ScoringFocus& focus = ctx.panels().scoring.focus;
    if (draw_revote_if_open(ctx)) return;  // F3: the contested scores and their re-vote round
    const core::Workshop& ws = ctx.session.workshop();
    const bool hackathon = ws.mode == core::Mode::Hackathon;
    const int participant_count = static_cast<int>(grid_raters(ws).size());
    const ImGuiIO& io = ImGui::GetIO();
    if (!io.WantTextInput && ImGui::IsWindowFocused(ImGuiFocusedFlags_RootAndChildWindows) &&
        (key_pressed(GLFW_KEY_F8) || (io.KeyCtrl && (key_pressed(GLFW_KEY_ENTER) || key_pressed(GLFW_KEY_KP_ENTER)))))
        select_next_unscored(ctx);

    // The list of ideas beside the grid only where the stage is wide enough for both.
    const bool list = ImGui::GetContentRegionAvail().x >= em(60);
    if (list) {
        ImGui::BeginChild("ideas", ImVec2(em(15), 0), true);
        draw_idea_list(ctx, participant_count);
        ImGui::EndChild();
        ImGui::SameLine();
    }
    ImGui::BeginChild("idea", ImVec2(0, 0), false);

    const Idea* idea = selected_or_first(ctx);
    if (idea && !judged(ws, *idea)) {
        for (const Idea& i : ws.ideas)
            if (judged(ws, i)) {
                ctx.state.selected_idea = i.id;
                idea = &i;
                break;
            }
    }
    if (!idea) {
        ImGui::TextWrapped("%s", i18n::tr("Nothing to score yet."));
        ImGui::EndChild();
        return;
    }
    if (focus.idea != idea->id) {
        focus.idea = idea->id;
        focus.col = 0;
        focus.row = 0;
        focus.consensus = !hackathon && consensus_scored(ctx.session, idea->id);  // the mode does not carry over
    }

    if (list) {
        heading(ctx, shown_title(ws, *idea));
        if (!idea->department.empty()) muted(ctx, idea->department);
    } else {
        idea_selector(ctx, *idea, participant_count);
    }
    if (const std::string mark = screened_mark(*idea); !mark.empty()) {
        if (list && !idea->department.empty()) ImGui::SameLine(0, em(1.5f));
        std::string line = mark;
        if (const std::string dpia = dpia_tag(core::classify_dpia(idea->assessment)); !dpia.empty()) line += "  \u00B7  " + dpia;
        class_text(ctx, *idea, line);
    }
    if (blind_round_banner(ctx)) {  // phones are scoring: no values in the room until the round closes
        ImGui::EndChild();
        return;
    }

    if (fitted_button(i18n::tr("Next unscored idea (F8)"))) select_next_unscored(ctx);
    if (!hackathon) {
        ImGui::SameLine();
        revote_button(ctx);
        // The two modes follow on the line while they fit, else they wrap (German labels run long).
        auto radio_width = [](const char* label) {
            return ImGui::GetFrameHeight() + ImGui::GetStyle().ItemInnerSpacing.x + ImGui::CalcTextSize(label).x;
        };
        same_line_if_fits(radio_width(i18n::tr("Individual scores")));
        if (ImGui::RadioButton(i18n::tr("Individual scores"), !focus.consensus)) {
            focus.consensus = false;
            focus.row = 0;
        }
        same_line_if_fits(radio_width(i18n::tr(kConsensusName)));
        if (ImGui::RadioButton(i18n::tr(kConsensusName), focus.consensus)) {
            focus.consensus = true;
            focus.row = 0;
        }
        if (focus.consensus)
            muted(ctx, i18n::tr("One agreed value per criterion. It counts as one rater for the shortlist's "
                                "\u201Cmin raters\u201D rule."));
    } else {
        focus.consensus = false;  // the jury scores one by one
    }

    if (ws.criteria.empty()) {
        ImGui::TextWrapped("%s", i18n::tr("This workshop has no criteria to score on."));
        ImGui::EndChild();
        return;
    }
    const ScoreGrid g = make_score_grid(ctx, *idea, focus.consensus);
    if (g.rater_ids.empty()) {
        ImGui::TextWrapped("%s", hackathon ? i18n::tr("No jury yet. Give people the role jury in the participants list (F2).")
                                           : i18n::tr("No participants yet. Add them in the participants list, or score as a team "
                                                      "with \u201CTeam consensus\u201D."));
        ImGui::EndChild();
        return;
    }
    draw_grid_and_levels(ctx, g, *idea, ctx.session.result_for(idea->id));
    ImGui::EndChild();
}

}  // namespace pilotdeck::ui
