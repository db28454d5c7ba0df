// Scoring: the room's scores per idea, entered fast by keyboard. Raters x criteria grid,
// level texts at hand, live mean/spread per criterion, and a "Team consensus" row for when the
// room agrees on one value instead of scoring individually.
#include <GLFW/glfw3.h>
#include <imgui.h>

#include <algorithm>
#include <string>
#include <vector>

#include "base/i18n.hpp"
#include "core/selection.hpp"
#include "ui/grid_columns.hpp"
#include "ui/panel_revote.hpp"
#include "ui/panel_set.hpp"
#include "ui/panels.hpp"
#include "ui/score_display.hpp"
#include "ui/score_entry.hpp"
#include "ui/screening_text.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"

namespace pilotdeck::ui {
namespace {

using core::Axis;
using core::Criterion;
using core::Idea;
using core::Participant;

bool key_pressed(int glfw_key) { return ImGui::IsKeyPressed(glfw_key, true); }


// Criteria grouped by axis (benefit, risk, visibility), each group in workshop order.
std::vector<const Criterion*> criteria_by_axis(const std::vector<Criterion>& all) {
    std::vector<const Criterion*> out;
    for (Axis a : {Axis::Benefit, Axis::Risk, Axis::Visibility})
        for (const Criterion& c : all)
            if (c.axis == a) out.push_back(&c);
    return out;
}

bool is_consensus(const Participant& p) { return p.id == kConsensusId; }

std::vector<const Participant*> individual_raters(const core::Workshop& ws) {
    std::vector<const Participant*> out;
    for (const Participant& p : ws.participants)
        if (!is_consensus(p)) out.push_back(&p);
    return out;
}

bool consensus_scored(const core::Session& s, const std::string& idea) {
    for (const Criterion& c : s.workshop().criteria)
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
    const auto next = next_unscored(ctx.session.workshop().ideas, ctx.session.results(), ctx.state.selected_idea,
                                    ctx.state.department_filter);
    if (!next) return;
    ctx.state.selected_idea = ctx.session.workshop().ideas[*next].id;
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
        const bool selected = idea.id == ctx.state.selected_idea;
        const float line = ImGui::GetTextLineHeightWithSpacing();
        const float wrap = ImGui::GetContentRegionAvail().x - em(0.6f);
        const float title_h = ImGui::CalcTextSize(idea.title.c_str(), nullptr, false, wrap).y;
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
        ImGui::TextUnformatted(idea.title.c_str());
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

void set_score(UiContext& ctx, const std::string& idea, const std::string& rater, const std::string& criterion,
               std::optional<int> value) {
    if (const auto command = score_command(ctx.session, idea, rater, criterion, value)) ctx.run(*command);
}

struct Grid {
    std::vector<std::string> rater_ids;
    std::vector<std::string> rater_names;
    std::vector<const Criterion*> criteria;
};

Grid make_grid(const UiContext& ctx, bool consensus) {
    Grid g;
    const core::Workshop& ws = ctx.session.workshop();
    g.criteria = criteria_by_axis(ws.criteria);
    if (consensus) {
        g.rater_ids.push_back(kConsensusId);
        g.rater_names.push_back(i18n::tr(kConsensusName));
        return g;
    }
    int n = 0;
    for (const Participant* p : individual_raters(ws)) {
        ++n;
        g.rater_ids.push_back(p->id);
        g.rater_names.push_back(ctx.state.notes_visible && !p->name.empty() ? p->name : i18n::format(i18n::tr("Rater {0}"), {std::to_string(n)}));
    }
    return g;
}

// Digits, clear, arrows and Tab on the focused cell. Only when no text field has the keyboard.
void handle_grid_keys(UiContext& ctx, const Grid& g, const std::string& idea) {
    ScoringFocus& focus = ctx.panels().scoring.focus;
    const ImGuiIO& io = ImGui::GetIO();
    if (io.WantTextInput || g.rater_ids.empty() || g.criteria.empty()) return;
    if (!ImGui::IsWindowFocused(ImGuiFocusedFlags_RootAndChildWindows)) return;
    const int rows = static_cast<int>(g.rater_ids.size());
    const int cols = static_cast<int>(g.criteria.size());
    auto advance = [&](int step) {
        int cell = focus.row * cols + focus.col + step;
        cell = (cell % (rows * cols) + rows * cols) % (rows * cols);
        focus.row = cell / cols;
        focus.col = cell % cols;
    };
    if (io.KeyCtrl || io.KeyAlt || io.KeySuper) return;
    const int before = focus.row * cols + focus.col;
    if (key_pressed(GLFW_KEY_LEFT)) advance(-1);
    if (key_pressed(GLFW_KEY_RIGHT)) advance(1);
    if (key_pressed(GLFW_KEY_UP)) focus.row = (focus.row + rows - 1) % rows;
    if (key_pressed(GLFW_KEY_DOWN)) focus.row = (focus.row + 1) % rows;
    if (key_pressed(GLFW_KEY_TAB)) advance(io.KeyShift ? -1 : 1);
    if (focus.row * cols + focus.col != before) focus.scroll = true;

    const Criterion& c = *g.criteria[static_cast<std::size_t>(focus.col)];
    const std::string& rater = g.rater_ids[static_cast<std::size_t>(focus.row)];
    if (key_pressed(GLFW_KEY_0) || key_pressed(GLFW_KEY_KP_0) || key_pressed(GLFW_KEY_DELETE) ||
        key_pressed(GLFW_KEY_BACKSPACE)) {
        set_score(ctx, idea, rater, c.id, std::nullopt);
        return;
    }
    for (int d = 1; d <= 9; ++d) {
        if (!key_pressed(GLFW_KEY_0 + d) && !key_pressed(GLFW_KEY_KP_0 + d)) continue;
        if (d < c.min || d > c.max) {
            ctx.state.status = i18n::format(i18n::tr("{0} takes {1} to {2}"), {c.label, std::to_string(c.min), std::to_string(c.max)});
            return;
        }
        set_score(ctx, idea, rater, c.id, d);
        advance(1);  // on to the next criterion: a rater's row is typed in one go
        focus.scroll = true;
        return;
    }
}

}  // namespace

std::string abbreviate(const std::string& label, float width) {
    if (ImGui::CalcTextSize(label.c_str()).x <= width) return label;
    std::vector<std::string> words;
    std::string w;
    for (char ch : label) {
        if (ch == ' ') {
            if (!w.empty()) words.push_back(w);
            w.clear();
        } else {
            w += ch;
        }
    }
    if (!w.empty()) words.push_back(w);
    // A note in brackets goes first: "Personal data (GDPR)" is "Personal data" before "Pers. d. (G."
    std::vector<std::string> plain;
    for (const std::string& word : words)
        if (word.front() != '(') plain.push_back(word);
    if (!plain.empty() && plain.size() < words.size()) {
        std::string joined;
        for (const std::string& word : plain) joined += (joined.empty() ? "" : " ") + word;
        if (ImGui::CalcTextSize(joined.c_str()).x <= width) return joined;
        words = plain;
    }
    // Each long word cut to its first n letters and a full stop, n shrinking until it fits.
    auto utf8_prefix = [](const std::string& word, std::size_t letters) {
        std::size_t i = 0, n = 0;
        while (i < word.size() && n < letters) {
            ++i;
            while (i < word.size() && (static_cast<unsigned char>(word[i]) & 0xC0) == 0x80) ++i;
            ++n;
        }
        return std::pair{word.substr(0, i), i < word.size()};
    };
    for (std::size_t n = 6; n >= 1; --n) {
        std::string out;
        for (const std::string& word : words) {
            const auto [head, cut] = utf8_prefix(word, n);
            if (!out.empty()) out += ' ';
            out += head;
            if (cut) out += '.';
        }
        if (ImGui::CalcTextSize(out.c_str()).x <= width) return out;
        // Without the spaces and full stops: the initials, "RRW".
        if (n == 1) {
            std::string initials;
            for (const std::string& word : words) initials += utf8_prefix(word, 1).first;
            return initials;
        }
    }
    return label;
}

GridColumns grid_columns(const std::vector<std::string>& rater_names, const std::vector<std::string>& labels,
                         float avail) {
    GridColumns out;
    const ImGuiStyle& st = ImGui::GetStyle();
    const float pad = 2 * st.CellPadding.x + 1;
    for (const std::string& n : rater_names) out.rater = std::max(out.rater, ImGui::CalcTextSize(n.c_str()).x);
    out.rater = std::clamp(std::max(out.rater, ImGui::CalcTextSize(i18n::tr("Spread (sd)")).x), em(4), em(9)) + pad;
    // Columns as wide as the digits they hold ("4.33"), wider for their whole name while there is room.
    const float digits = ImGui::CalcTextSize("0.00").x + em(0.4f);
    const float n = static_cast<float>(std::max<std::size_t>(labels.size(), 1));
    const float share = std::max(digits, (avail - out.rater) / n - pad);
    for (const std::string& l : labels) {
        const float full = ImGui::CalcTextSize(l.c_str()).x;
        const float w = std::max(digits, std::min(full, share));
        out.width.push_back(w);
        out.header.push_back(abbreviate(l, w));
    }
    return out;
}

namespace {

void draw_grid(UiContext& ctx, const Grid& g, const Idea& idea, const core::IdeaResult* result, float height,
               float avail_w = 1e9f) {
    ScoringFocus& focus = ctx.panels().scoring.focus;
    const core::Session& s = ctx.session;
    const int cols = static_cast<int>(g.criteria.size());
    const ImGuiTableFlags flags = ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg | ImGuiTableFlags_ScrollX |
                                  ImGuiTableFlags_ScrollY | ImGuiTableFlags_SizingFixedFit;
    std::vector<std::string> labels;
    for (const Criterion* c : g.criteria) labels.push_back(c->label);
    const GridColumns gc = grid_columns(g.rater_names, labels, std::min(ImGui::GetContentRegionAvail().x, avail_w));
    if (!ImGui::BeginTable("grid", cols + 1, flags, ImVec2(0, std::max(height, em(6))))) return;
    ImGui::TableSetupScrollFreeze(1, 2);
    ImGui::TableSetupColumn(i18n::trc("score grid", "Rater"), ImGuiTableColumnFlags_WidthFixed, gc.rater - 2 * ImGui::GetStyle().CellPadding.x - 1);
    // Each criterion column as wide as its digits, its name abbreviated to fit (whole on focus, below).
    for (std::size_t k = 0; k < g.criteria.size(); ++k)
        ImGui::TableSetupColumn(gc.header[k].c_str(), ImGuiTableColumnFlags_WidthFixed, gc.width[k]);

    // Header row 1: the axis of each criterion group; row 2: the criteria.
    ImGui::TableNextRow(ImGuiTableRowFlags_Headers);
    for (int col = 0; col < cols; ++col) {
        const Axis a = g.criteria[static_cast<std::size_t>(col)]->axis;
        if (col > 0 && g.criteria[static_cast<std::size_t>(col - 1)]->axis == a) continue;
        ImGui::TableSetColumnIndex(col + 1);
        ImGui::TableHeader(abbreviate(axis_title(a), ImGui::GetContentRegionAvail().x).c_str());
    }
    ImGui::TableNextRow(ImGuiTableRowFlags_Headers);
    for (int col = 0; col <= cols; ++col) {
        ImGui::TableSetColumnIndex(col);
        const bool focused = col == focus.col + 1;
        if (focused) ImGui::TableSetBgColor(ImGuiTableBgTarget_CellBg, u32(ctx.palette.accent));
        if (focused) ImGui::PushStyleColor(ImGuiCol_Text, vec4(ctx.palette.accent_text));
        ImGui::TableHeader(col == 0 ? i18n::trc("score grid", "Rater") : gc.header[static_cast<std::size_t>(col - 1)].c_str());
        if (focused) ImGui::PopStyleColor();
        if (col > 0 && ImGui::IsItemHovered())
            ImGui::SetTooltip("%s", g.criteria[static_cast<std::size_t>(col - 1)]->label.c_str());
    }

    const float cell_h = ImGui::GetTextLineHeight();
    for (std::size_t row = 0; row < g.rater_ids.size(); ++row) {
        ImGui::TableNextRow(0, cell_h);
        ImGui::TableSetColumnIndex(0);
        ImGui::TextUnformatted(g.rater_names[row].c_str());
        for (int col = 0; col < cols; ++col) {
            ImGui::TableSetColumnIndex(col + 1);
            const Criterion& c = *g.criteria[static_cast<std::size_t>(col)];
            const auto v = s.score(idea.id, g.rater_ids[row], c.id);
            const bool focused = static_cast<int>(row) == focus.row && col == focus.col;
            ImGui::PushID(static_cast<int>(row) * 1000 + col);
            const ImVec2 p = ImGui::GetCursorScreenPos();
            const float w = ImGui::GetContentRegionAvail().x;
            if (ImGui::InvisibleButton("cell", ImVec2(w, cell_h))) {
                focus.row = static_cast<int>(row);
                focus.col = col;
            }
            if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", i18n::format(i18n::tr("{0}: {1} ({2} to {3}). Type a digit; 0 clears."),
                                                                      {g.rater_names[row], c.label, std::to_string(c.min),
                                                                       std::to_string(c.max)}).c_str());
            ImDrawList* dl = ImGui::GetWindowDrawList();
            if (focused && focus.scroll) {
                ImGui::SetScrollHereX(0.5f);
                ImGui::SetScrollHereY(0.5f);
                focus.scroll = false;
            }
            if (focused) {
                // Focus: accent fill AND a thick outline, so it does not rely on colour.
                dl->AddRectFilled(p, ImVec2(p.x + w, p.y + cell_h), u32(ctx.palette.accent));
                dl->AddRect(ImVec2(p.x + 1, p.y + 1), ImVec2(p.x + w - 1, p.y + cell_h - 1), u32(ctx.palette.text), 0,
                            0, em(0.15f));
            }
            const std::string text = v ? std::to_string(*v) : std::string("·");
            const ImVec2 ts = ImGui::CalcTextSize(text.c_str());
            dl->AddText(ImVec2(p.x + (w - ts.x) / 2, p.y + (cell_h - ts.y) / 2),
                        u32(focused ? ctx.palette.accent_text : (v ? ctx.palette.text : ctx.palette.text_muted)),
                        text.c_str());
            ImGui::PopID();
        }
    }

    // Live aggregates under the grid, aligned with their criteria.
    auto summary_of = [&](const Criterion& c) -> const core::CriterionSummary* {
        if (!result) return nullptr;
        for (const auto& cs : result->criteria)
            if (cs.criterion == c.id) return &cs;
        return nullptr;
    };
    const char* names[] = {i18n::tr("Mean"), i18n::tr("Spread (sd)"), i18n::tr("Raters")};
    for (int line = 0; line < 3; ++line) {
        ImGui::TableNextRow();
        ImGui::TableSetBgColor(ImGuiTableBgTarget_RowBg0, u32(ctx.palette.surface));
        ImGui::TableSetColumnIndex(0);
        ImGui::TextUnformatted(names[line]);
        for (int col = 0; col < cols; ++col) {
            ImGui::TableSetColumnIndex(col + 1);
            const core::CriterionSummary* cs = summary_of(*g.criteria[static_cast<std::size_t>(col)]);
            std::string text = "—";
            if (cs) text = line == 0 ? fmt2(cs->mean) : line == 1 ? fmt2(cs->sd) : std::to_string(cs->n);
            ImGui::TextUnformatted(text.c_str());
        }
    }
    ImGui::TableNextRow();
    ImGui::TableSetColumnIndex(0);
    ImGui::TextUnformatted(i18n::tr("Agreement"));
    for (int col = 0; col < cols; ++col) {
        ImGui::TableSetColumnIndex(col + 1);
        const core::CriterionSummary* cs = summary_of(*g.criteria[static_cast<std::size_t>(col)]);
        const bool narrow = ImGui::GetContentRegionAvail().x < ImGui::CalcTextSize(i18n::tr("! discuss")).x + em(0.6f);
        if (cs && cs->sd >= 1.0) {
            if (narrow) {
                ImGui::PushStyleColor(ImGuiCol_Text, vec4(ctx.palette.text));
                ImGui::TextUnformatted(i18n::tr("! disc."));
                ImGui::PopStyleColor();
            } else {
                contested_badge(ctx);
            }
        } else if (cs && cs->n >= 2) {
            ImGui::TextUnformatted(narrow ? i18n::trc("agreement, short", "ok") : i18n::tr("agreed"));
        }
    }
    ImGui::EndTable();
}

// The height draw_focused_criterion takes at `width`: all level texts must show.
float focused_criterion_height(UiContext& ctx, const Grid& g, float width) {
    ScoringFocus& focus = ctx.panels().scoring.focus;
    if (g.criteria.empty()) return 0;
    const Criterion& c = *g.criteria[static_cast<std::size_t>(focus.col)];
    const ImGuiStyle& st = ImGui::GetStyle();
    float h = (ctx.fonts.large ? ctx.fonts.large->FontSize : ImGui::GetFontSize()) + st.ItemSpacing.y;
    if (!c.help.empty()) h += ImGui::CalcTextSize(c.help.c_str(), nullptr, false, width).y + st.ItemSpacing.y;
    for (const auto& [level, text] : c.levels) {
        const std::string line = "  " + std::to_string(level) + " — " + text;
        h += ImGui::CalcTextSize(line.c_str(), nullptr, false, width).y + st.ItemSpacing.y;
    }
    return h + st.WindowPadding.y;
}

void draw_focused_criterion(UiContext& ctx, const Grid& g, const Idea& idea) {
    ScoringFocus& focus = ctx.panels().scoring.focus;
    if (g.criteria.empty() || g.rater_ids.empty()) return;
    const Criterion& c = *g.criteria[static_cast<std::size_t>(focus.col)];
    const std::string& rater = g.rater_ids[static_cast<std::size_t>(focus.row)];
    const auto v = ctx.session.score(idea.id, rater, c.id);
    if (ctx.fonts.large) ImGui::PushFont(ctx.fonts.large);
    ImGui::Text("%s", c.label.c_str());
    if (ctx.fonts.large) ImGui::PopFont();
    ImGui::SameLine();
    ImGui::PushStyleColor(ImGuiCol_Text, vec4(ctx.palette.text_muted));
    ImGui::TextUnformatted(i18n::format(c.axis == Axis::Risk ? i18n::tr("({0}, higher = more risk)") : i18n::tr("({0}, higher = more of it)"),
                                        {axis_title(c.axis)}).c_str());
    ImGui::PopStyleColor();
    if (!c.help.empty()) ImGui::TextWrapped("%s", c.help.c_str());
    for (const auto& [level, text] : c.levels) {
        const bool current = v && *v == level;
        const std::string line = std::string(current ? "> " : "  ") + std::to_string(level) + " — " + text;
        if (current) ImGui::PushStyleColor(ImGuiCol_Text, vec4(ctx.palette.text));
        ImGui::TextWrapped("%s", line.c_str());
        if (current) ImGui::PopStyleColor();
        // A click on a level enters it, for those who prefer the mouse.
        if (ImGui::IsItemClicked()) set_score(ctx, idea.id, rater, c.id, level);
        if (ImGui::IsItemHovered()) ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
    }
}

void draw_axis_scores(const UiContext& ctx, const core::IdeaResult* r) {
    if (r) axis_scores_line(ctx, *r);
}

}  // namespace

void draw_scoring(UiContext& ctx) {
    ScoringFocus& focus = ctx.panels().scoring.focus;
    if (draw_revote_if_open(ctx)) return;  // F3: the contested scores and their re-vote round
    const core::Workshop& ws = ctx.session.workshop();
    const int participant_count = static_cast<int>(individual_raters(ws).size());
    const ImGuiIO& io = ImGui::GetIO();
    if (!io.WantTextInput && ImGui::IsWindowFocused(ImGuiFocusedFlags_RootAndChildWindows) &&
        (key_pressed(GLFW_KEY_F8) || (io.KeyCtrl && (key_pressed(GLFW_KEY_ENTER) || key_pressed(GLFW_KEY_KP_ENTER)))))
        select_next_unscored(ctx);

    ImGui::BeginChild("ideas", ImVec2(em(15), 0), true);
    draw_idea_list(ctx, participant_count);
    ImGui::EndChild();
    ImGui::SameLine();
    ImGui::BeginChild("idea", ImVec2(0, 0), false);

    const Idea* idea = selected_or_first(ctx);
    if (!idea) {
        ImGui::TextWrapped("%s", i18n::tr("Nothing to score yet."));
        ImGui::EndChild();
        return;
    }
    if (focus.idea != idea->id) {
        focus.idea = idea->id;
        focus.col = 0;
        focus.row = 0;
        focus.consensus = consensus_scored(ctx.session, idea->id);  // the mode does not carry over to the next idea
    }

    heading(ctx, idea->title);
    if (!idea->department.empty()) muted(ctx, idea->department);
    if (const std::string mark = screened_mark(*idea); !mark.empty()) {
        if (!idea->department.empty()) ImGui::SameLine(0, em(1.5f));
        std::string line = mark;
        if (const std::string dpia = dpia_tag(core::classify_dpia(idea->assessment)); !dpia.empty()) line += "  \u00B7  " + dpia;
        class_text(ctx, *idea, line);
    }
    if (blind_round_banner(ctx)) {  // phones are scoring: no values in the room until the round closes
        ImGui::EndChild();
        return;
    }

    if (fitted_button(i18n::tr("Next unscored idea (F8)"))) select_next_unscored(ctx);
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

    if (ws.criteria.empty()) {
        ImGui::TextWrapped("%s", i18n::tr("This workshop has no criteria to score on."));
        ImGui::EndChild();
        return;
    }
    const Grid g = make_grid(ctx, focus.consensus);
    if (g.rater_ids.empty()) {
        ImGui::TextWrapped("%s", i18n::tr("No participants yet. Add them in the participants list, or score as a team "
                                         "with \u201CTeam consensus\u201D."));
        ImGui::EndChild();
        return;
    }
    focus.row = std::clamp(focus.row, 0, static_cast<int>(g.rater_ids.size()) - 1);
    focus.col = std::clamp(focus.col, 0, static_cast<int>(g.criteria.size()) - 1);

    handle_grid_keys(ctx, g, idea->id);
    const core::IdeaResult* result = ctx.session.result_for(idea->id);
    // The grid as tall as its rows; the levels of the focused criterion beside it when the grid
    // leaves room for them (all of them must show), else below it.
    const ImGuiStyle& st = ImGui::GetStyle();
    const float rows = static_cast<float>(g.rater_ids.size()) + 6.f;  // two headers, mean, sd, raters, agreement
    const float needed = rows * (ImGui::GetTextLineHeight() + 2 * st.CellPadding.y + 1) + st.ScrollbarSize;
    std::vector<std::string> labels;
    for (const Criterion* c : g.criteria) labels.push_back(c->label);
    const float full_w = ImGui::GetContentRegionAvail().x;
    const GridColumns gc = grid_columns(g.rater_names, labels, full_w * 0.62f);
    float grid_w = gc.rater;
    for (float w : gc.width) grid_w += w + 2 * st.CellPadding.x + 1;
    grid_w += st.ScrollbarSize;
    const float side_w = full_w - grid_w - st.ItemSpacing.x;
    const float avail_h = ImGui::GetContentRegionAvail().y - ImGui::GetFrameHeightWithSpacing();
    const bool beside = side_w >= em(14) && focused_criterion_height(ctx, g, side_w) <= avail_h;
    if (beside) {
        ImGui::BeginChild("gridbox", ImVec2(grid_w, 0), false, ImGuiWindowFlags_NoScrollbar);
        draw_grid(ctx, g, *idea, result, std::min(needed, ImGui::GetContentRegionAvail().y - ImGui::GetFrameHeightWithSpacing()),
                  full_w * 0.62f);
        draw_axis_scores(ctx, result);
        ImGui::EndChild();
        ImGui::SameLine();
        ImGui::BeginChild("levels", ImVec2(0, 0), false);
        draw_focused_criterion(ctx, g, *idea);
        ImGui::EndChild();
    } else {
        const float levels_h = focused_criterion_height(ctx, g, full_w);
        const float below = levels_h + ImGui::GetFrameHeightWithSpacing() + st.ItemSpacing.y * 2;
        draw_grid(ctx, g, *idea, result, std::min(needed, ImGui::GetContentRegionAvail().y - below));
        draw_axis_scores(ctx, result);
        ImGui::Separator();
        ImGui::BeginChild("levels", ImVec2(0, 0), false);
        draw_focused_criterion(ctx, g, *idea);
        ImGui::EndChild();
    }
    ImGui::EndChild();
}

}  // namespace pilotdeck::ui
