// The scoring grid of one idea: raters x criteria typed by keyboard, the focused criterion's
// level texts beside or below it, font scale, row height and columns chosen so that the whole
// grid of the room and every level text show without scrolling. Recused judges (contracts 6)
// have their row hatched, marked and named as recused; it cannot be entered.
#include "ui/score_grid.hpp"

#include <GLFW/glfw3.h>
#include <imgui.h>

#include <algorithm>
#include <string>
#include <vector>

#include "base/i18n.hpp"
#include "ui/grid_columns.hpp"
#include "ui/panel_set.hpp"
#include "ui/score_display.hpp"
#include "ui/score_entry.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"

namespace pilotdeck::ui {

using core::Axis;
using core::Criterion;

bool ScoreGrid::any_open() const {
    return std::any_of(recused.begin(), recused.end(), [](const auto& r) { return !r.has_value(); });
}

std::vector<const core::Participant*> grid_raters(const core::Workshop& ws) {
    std::vector<const core::Participant*> out;
    const bool jury = ws.mode == core::Mode::Hackathon;
    for (const core::Participant& p : ws.participants)
        if (p.id != kConsensusId && (!jury || p.role == core::Role::Jury)) out.push_back(&p);
    return out;
}

ScoreGrid make_score_grid(const UiContext& ctx, const core::Idea& idea, bool consensus) {
    ScoreGrid g;
    const core::Workshop& ws = ctx.session.workshop();
    for (Axis a : {Axis::Benefit, Axis::Risk, Axis::Visibility})
        for (const Criterion& c : ws.criteria)
            if (c.axis == a) g.criteria.push_back(&c);
    if (consensus) {
        g.rater_ids.push_back(kConsensusId);
        g.rater_names.push_back(i18n::tr(kConsensusName));
        g.recused.emplace_back();
        return g;
    }
    const core::Recusals recusals(ws);
    const core::Team* team = ws.mode == core::Mode::Hackathon ? recusals.team_of_idea(idea.id) : nullptr;
    int n = 0;
    for (const core::Participant* p : grid_raters(ws)) {
        ++n;
        g.rater_ids.push_back(p->id);
        g.rater_names.push_back(ctx.state.notes_visible && !p->name.empty()
                                    ? p->name
                                    : i18n::format(i18n::tr("Rater {0}"), {std::to_string(n)}));
        g.recused.push_back(team ? recusals.of(p->id, team->id) : std::nullopt);
    }
    return g;
}

namespace {

bool key_pressed(int glfw_key) { return ImGui::IsKeyPressed(glfw_key, true); }

void set_score(UiContext& ctx, const std::string& idea, const std::string& rater, const std::string& criterion,
               std::optional<int> value) {
    if (const auto command = score_command(ctx.session, idea, rater, criterion, value)) ctx.run(*command);
}

std::string recused_why(const ScoreGrid& g, std::size_t row) {
    return i18n::format(*g.recused[row] == core::RecusalReason::Member
                            ? i18n::tr("{0} is recused: a member of this team. This cell cannot be entered.")
                            : i18n::tr("{0} is recused: same department as this team's idea. This cell cannot be entered."),
                        {g.rater_names[row]});
}

bool open_row(const ScoreGrid& g, int row) { return !g.recused[static_cast<std::size_t>(row)]; }

// The focus on a cell that may be entered: the first open row from the focused one on.
void settle_focus(const ScoreGrid& g, ScoringFocus& focus) {
    const int rows = static_cast<int>(g.rater_ids.size());
    for (int k = 0; k < rows && !open_row(g, focus.row); ++k) focus.row = (focus.row + 1) % rows;
}

// Digits, clear, arrows and Tab on the focused cell. Only when no text field has the keyboard.
// Recused rows are stepped over: they cannot be entered.
void handle_grid_keys(UiContext& ctx, const ScoreGrid& g, const std::string& idea) {
    ScoringFocus& focus = ctx.panels().scoring.focus;
    const ImGuiIO& io = ImGui::GetIO();
    if (io.WantTextInput || g.rater_ids.empty() || g.criteria.empty() || !g.any_open()) return;
    if (!ImGui::IsWindowFocused(ImGuiFocusedFlags_RootAndChildWindows)) return;
    const int rows = static_cast<int>(g.rater_ids.size());
    const int cols = static_cast<int>(g.criteria.size());
    auto advance = [&](int step) {
        int cell = focus.row * cols + focus.col;
        do {
            cell = ((cell + step) % (rows * cols) + rows * cols) % (rows * cols);
        } while (!open_row(g, cell / cols));
        focus.row = cell / cols;
        focus.col = cell % cols;
    };
    auto vertical = [&](int step) {
        do {
            focus.row = (focus.row + step + rows) % rows;
        } while (!open_row(g, focus.row));
    };
    if (io.KeyCtrl || io.KeyAlt || io.KeySuper) return;
    const int before = focus.row * cols + focus.col;
    if (key_pressed(GLFW_KEY_LEFT)) advance(-1);
    if (key_pressed(GLFW_KEY_RIGHT)) advance(1);
    if (key_pressed(GLFW_KEY_UP)) vertical(-1);
    if (key_pressed(GLFW_KEY_DOWN)) vertical(1);
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

std::vector<std::string> labels_of(const ScoreGrid& g) {
    std::vector<std::string> labels;
    for (const Criterion* c : g.criteria) labels.push_back(c->label);
    return labels;
}

// The grid's rows: two headers, the raters, mean, sd, raters and agreement.
float table_height(const ScoreGrid& g) {
    const float rows = static_cast<float>(g.rater_ids.size()) + 6.f;
    return rows * (ImGui::GetTextLineHeight() + 2 * ImGui::GetStyle().CellPadding.y) + 6;
}

float table_width(const GridColumns& gc) {
    const ImGuiStyle& st = ImGui::GetStyle();
    float w = gc.rater + 2;
    for (float c : gc.width) w += c + 2 * st.CellPadding.x + 1;
    return w;
}

// The axis scores line under the table ("Benefit 4.25   Risk 1.90   Visibility 4.31   8 raters").
std::string axis_line(const core::IdeaResult& r) {
    const auto raters = static_cast<unsigned long>(std::max(r.raters, 0));
    return i18n::format(i18n::tr("Benefit {0}   Risk {1}   Visibility {2}   {3}"),
                        {fmt_score(r.benefit), fmt_score(r.risk), fmt_score(r.visibility),
                         i18n::format(i18n::ntr("{0} rater", "{0} raters", raters), {std::to_string(raters)})});
}

// Under the table, `width` wide: the axis scores line (wrapped once where it must, the quadrant
// and the contested flag on it while they fit), and who is recused.
float under_height(const ScoreGrid& g, const core::IdeaResult* result, float width) {
    const float line = ImGui::GetTextLineHeightWithSpacing();
    float text_w = result ? ImGui::CalcTextSize(axis_line(*result).c_str()).x : 0.f;
    if (result && result->quadrant) text_w += ImGui::CalcTextSize(quadrant_title(*result->quadrant)).x + em(2);
    if (result && result->contested) text_w += ImGui::CalcTextSize(i18n::tr("! discuss")).x + em(1);
    const bool any = std::any_of(g.recused.begin(), g.recused.end(), [](const auto& r) { return r.has_value(); });
    return line * (text_w <= width ? 1.f : 2.f) + (any ? line : 0.f);
}

void draw_table(UiContext& ctx, const ScoreGrid& g, const GridColumns& gc, const core::Idea& idea,
                const core::IdeaResult* result, float height) {
    ScoringFocus& focus = ctx.panels().scoring.focus;
    const core::Session& s = ctx.session;
    const int cols = static_cast<int>(g.criteria.size());
    const ImGuiTableFlags flags = ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg | ImGuiTableFlags_ScrollX |
                                  ImGuiTableFlags_ScrollY | ImGuiTableFlags_SizingFixedFit;
    if (!ImGui::BeginTable("grid", cols + 1, flags, ImVec2(table_width(gc), height))) return;
    ImGui::TableSetupScrollFreeze(1, 2);
    ImGui::TableSetupColumn(i18n::trc("score grid", "Rater"), ImGuiTableColumnFlags_WidthFixed,
                            gc.rater - 2 * ImGui::GetStyle().CellPadding.x - 1);
    // Each criterion column as wide as its digits, its name abbreviated to fit (whole on hover
    // and in the levels' title when focused).
    for (std::size_t k = 0; k < g.criteria.size(); ++k)
        ImGui::TableSetupColumn(gc.header[k].c_str(), ImGuiTableColumnFlags_WidthFixed, gc.width[k]);

    // Header row 1: the axis of each criterion group; row 2: the criteria.
    ImGui::TableNextRow(ImGuiTableRowFlags_Headers);
    for (int col = 0; col < cols; ++col) {
        const Axis a = g.criteria[static_cast<std::size_t>(col)]->axis;
        if (col > 0 && g.criteria[static_cast<std::size_t>(col - 1)]->axis == a) continue;
        ImGui::TableSetColumnIndex(col + 1);
        ImGui::TableHeader(abbreviate(axis_title(a), ImGui::GetContentRegionAvail().x).c_str());
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", axis_title(a));
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
        const bool recused = g.recused[row].has_value();
        ImGui::TableNextRow(0, cell_h);
        ImGui::TableSetColumnIndex(0);
        if (recused) ImGui::PushStyleColor(ImGuiCol_Text, vec4(ctx.palette.text_muted));
        fitted_text(g.rater_names[row]);
        if (recused) ImGui::PopStyleColor();
        if (recused && ImGui::IsItemHovered()) ImGui::SetTooltip("%s", recused_why(g, row).c_str());
        for (int col = 0; col < cols; ++col) {
            ImGui::TableSetColumnIndex(col + 1);
            const Criterion& c = *g.criteria[static_cast<std::size_t>(col)];
            ImGui::PushID(static_cast<int>(row) * 1000 + col);
            const ImVec2 p = ImGui::GetCursorScreenPos();
            const float w = ImGui::GetContentRegionAvail().x;
            ImDrawList* dl = ImGui::GetWindowDrawList();
            if (recused) {
                // Recused: hatched and crossed (a shape, not a colour), no button to enter it.
                ImGui::Dummy(ImVec2(w, cell_h));
                if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", recused_why(g, row).c_str());
                const ImU32 ink = u32(ctx.palette.text_muted);
                dl->AddLine(ImVec2(p.x, p.y + cell_h), ImVec2(p.x + cell_h, p.y), ink);
                dl->AddLine(ImVec2(p.x + w - cell_h, p.y + cell_h), ImVec2(p.x + w, p.y), ink);
                const ImVec2 ts = ImGui::CalcTextSize("\u00D7");
                dl->AddText(ImVec2(p.x + (w - ts.x) / 2, p.y + (cell_h - ts.y) / 2), ink, "\u00D7");
                ImGui::PopID();
                continue;
            }
            const auto v = s.score(idea.id, g.rater_ids[row], c.id);
            const bool focused = static_cast<int>(row) == focus.row && col == focus.col;
            if (ImGui::InvisibleButton("cell", ImVec2(w, cell_h))) {
                focus.row = static_cast<int>(row);
                focus.col = col;
            }
            if (ImGui::IsItemHovered())
                ImGui::SetTooltip("%s", i18n::format(i18n::tr("{0}: {1} ({2} to {3}). Type a digit; 0 clears."),
                                                     {g.rater_names[row], c.label, std::to_string(c.min), std::to_string(c.max)})
                                            .c_str());
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
            const std::string text = v ? std::to_string(*v) : std::string("\u00B7");
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
            std::string text = "\u2014";
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
                fitted_text(i18n::tr("! disc."));
                ImGui::PopStyleColor();
            } else {
                contested_badge(ctx);
            }
        } else if (cs && cs->n >= 2) {
            fitted_text(narrow ? i18n::trc("agreement, short", "ok") : i18n::tr("agreed"));
        }
    }
    ImGui::EndTable();
}

void draw_under(const UiContext& ctx, const ScoreGrid& g, const core::IdeaResult* result) {
    if (result) {  // the axis scores, wrapped in the grid's width (German words run long)
        const core::IdeaResult& r = *result;
        ImGui::TextWrapped("%s", axis_line(r).c_str());
        if (r.quadrant) {
            same_line_if_fits(ImGui::CalcTextSize(quadrant_title(*r.quadrant)).x + em(2));
            quadrant_tag(ctx, *r.quadrant);
        }
        if (r.contested) {
            same_line_if_fits(ImGui::CalcTextSize(i18n::tr("! discuss")).x + em(1));
            contested_badge(ctx);
        }
    }
    if (std::none_of(g.recused.begin(), g.recused.end(), [](const auto& r) { return r.has_value(); })) return;
    std::string names;
    for (std::size_t row = 0; row < g.rater_ids.size(); ++row)
        if (g.recused[row]) names += (names.empty() ? "" : ", ") + g.rater_names[row];
    ImGui::PushStyleColor(ImGuiCol_Text, vec4(ctx.palette.text_muted));
    ImGui::TextWrapped("%s", i18n::format(i18n::tr("\u00D7 recused from this team: {0}"), {names}).c_str());
    ImGui::PopStyleColor();
}

std::string hint_of(const Criterion& c) {
    return i18n::format(c.axis == Axis::Risk ? i18n::tr("({0}, higher = more risk)") : i18n::tr("({0}, higher = more of it)"),
                        {axis_title(c.axis)});
}

std::string level_line(int level, const std::string& text, bool current) {
    return std::string(current ? "> " : "  ") + std::to_string(level) + " \u2014 " + text;
}

// The height draw_levels takes at `width` with the current font scale: all level texts show.
float levels_height(const UiContext& ctx, const Criterion& c, float width) {
    const ImGuiStyle& st = ImGui::GetStyle();
    if (ctx.fonts.large) ImGui::PushFont(ctx.fonts.large);
    const ImVec2 title = ImGui::CalcTextSize(c.label.c_str(), nullptr, false, width);
    if (ctx.fonts.large) ImGui::PopFont();
    float h = title.y + st.ItemSpacing.y;
    const std::string hint = hint_of(c);
    const float hint_w = ImGui::CalcTextSize(hint.c_str()).x;
    if (title.x + st.ItemSpacing.x + hint_w > width) h += ImGui::CalcTextSize(hint.c_str(), nullptr, false, width).y + st.ItemSpacing.y;
    if (!c.help.empty()) h += ImGui::CalcTextSize(c.help.c_str(), nullptr, false, width).y + st.ItemSpacing.y;
    for (const auto& [level, text] : c.levels)
        h += ImGui::CalcTextSize(level_line(level, text, false).c_str(), nullptr, false, width).y + st.ItemSpacing.y;
    return h + st.WindowPadding.y;
}

void draw_levels(UiContext& ctx, const ScoreGrid& g, const core::Idea& idea) {
    ScoringFocus& focus = ctx.panels().scoring.focus;
    const Criterion& c = *g.criteria[static_cast<std::size_t>(focus.col)];
    const std::string& rater = g.rater_ids[static_cast<std::size_t>(focus.row)];
    const bool open = open_row(g, focus.row);
    const auto v = ctx.session.score(idea.id, rater, c.id);
    const float width = ImGui::GetContentRegionAvail().x;
    if (ctx.fonts.large) ImGui::PushFont(ctx.fonts.large);
    ImGui::TextWrapped("%s", c.label.c_str());
    const float title_w = ImGui::CalcTextSize(c.label.c_str(), nullptr, false, width).x;
    if (ctx.fonts.large) ImGui::PopFont();
    const std::string hint = hint_of(c);
    if (title_w + ImGui::GetStyle().ItemSpacing.x + ImGui::CalcTextSize(hint.c_str()).x <= width) ImGui::SameLine();
    ImGui::PushStyleColor(ImGuiCol_Text, vec4(ctx.palette.text_muted));
    ImGui::TextWrapped("%s", hint.c_str());
    ImGui::PopStyleColor();
    if (!c.help.empty()) ImGui::TextWrapped("%s", c.help.c_str());
    for (const auto& [level, text] : c.levels) {
        const bool current = v && *v == level;
        if (current) ImGui::PushStyleColor(ImGuiCol_Text, vec4(ctx.palette.text));
        ImGui::TextWrapped("%s", level_line(level, text, current).c_str());
        if (current) ImGui::PopStyleColor();
        // A click on a level enters it, for those who prefer the mouse (never for a recused judge).
        if (open && ImGui::IsItemClicked()) set_score(ctx, idea.id, rater, c.id, level);
        if (open && ImGui::IsItemHovered()) ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
    }
}

struct Fit {
    float scale = 1;
    bool beside = false;
    GridColumns columns;
    float grid_h = 0;   // the table
    float block_w = 0;  // the table and the line under it
    float block_h = 0;
};

// The largest font scale at which the grid and the levels show whole in avail_w x avail_h.
// Measured with the current window's font scale set to each candidate, then reset.
Fit fit_layout(const UiContext& ctx, const ScoreGrid& g, const core::IdeaResult* result, const Criterion& focused,
               float avail_w, float avail_h) {
    const std::vector<std::string> labels = labels_of(g);
    const ImGuiStyle& st = ImGui::GetStyle();
    Fit best;
    bool found = false;
    for (const float s : {1.0f, 0.92f, 0.85f, 0.8f, 0.75f, 0.7f, 0.66f, 0.6f}) {
        ImGui::SetWindowFontScale(s);
        const float grid_h = table_height(g);
        const GridColumns narrow = grid_columns(g.rater_names, labels, 0);
        const float narrow_w = table_width(narrow);
        const float block_h = grid_h + st.ItemSpacing.y + under_height(g, result, narrow_w);
        Fit f{s, true, narrow, grid_h, narrow_w, block_h};
        if (block_h <= avail_h) {
            // Beside: the columns wide enough for whole names while the levels still fit.
            for (const float share : {0.62f, 0.5f, 0.0f}) {
                const GridColumns gc = share > 0 ? grid_columns(g.rater_names, labels, avail_w * share) : narrow;
                const float w = std::max(table_width(gc), narrow_w);
                const float side = avail_w - w - st.ItemSpacing.x;
                if (side >= em(11) && levels_height(ctx, focused, side) <= avail_h) {
                    f.columns = gc;
                    f.block_w = w;
                    found = true;
                    break;
                }
            }
            // Below: the levels under the grid, the whole width.
            if (!found && narrow_w <= avail_w &&
                block_h + st.ItemSpacing.y * 2 + 1 + levels_height(ctx, focused, avail_w) <= avail_h) {
                f.beside = false;
                f.columns = grid_columns(g.rater_names, labels, avail_w);
                f.block_w = std::min(table_width(f.columns), avail_w);
                found = true;
            }
        }
        best = f;
        if (found) break;
    }
    ImGui::SetWindowFontScale(1.0f);
    return best;  // nothing fits: the smallest scale, beside, scrolling where it must
}

}  // namespace

void draw_grid_and_levels(UiContext& ctx, const ScoreGrid& g, const core::Idea& idea, const core::IdeaResult* result) {
    ScoringFocus& focus = ctx.panels().scoring.focus;
    if (g.rater_ids.empty() || g.criteria.empty()) return;
    focus.row = std::clamp(focus.row, 0, static_cast<int>(g.rater_ids.size()) - 1);
    focus.col = std::clamp(focus.col, 0, static_cast<int>(g.criteria.size()) - 1);
    settle_focus(g, focus);
    handle_grid_keys(ctx, g, idea.id);

    const ImGuiStyle& st = ImGui::GetStyle();
    const ImVec2 avail = ImGui::GetContentRegionAvail();
    const Criterion& focused = *g.criteria[static_cast<std::size_t>(focus.col)];
    const Fit f = fit_layout(ctx, g, result, focused, avail.x, avail.y);
    const ImGuiWindowFlags no_scroll = ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse;
    const float gap = st.ItemSpacing.x;
    ImGui::BeginChild("cells", ImVec2(f.beside ? f.block_w : avail.x, f.beside ? avail.y : std::min(f.block_h, avail.y * 0.6f)),
                      false, no_scroll);
    ImGui::SetWindowFontScale(f.scale);
    draw_table(ctx, g, f.columns, idea, result,
               std::min(f.grid_h, ImGui::GetContentRegionAvail().y - under_height(g, result, ImGui::GetContentRegionAvail().x)));
    draw_under(ctx, g, result);
    ImGui::EndChild();
    if (f.beside) {
        ImGui::SameLine(0, gap);
    } else {
        ImGui::Separator();
    }
    ImGui::BeginChild("levels", ImVec2(0, 0), false);
    ImGui::SetWindowFontScale(f.scale);
    draw_levels(ctx, g, idea);
    ImGui::EndChild();
}

// ----- column widths and abbreviations -----

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

}  // namespace pilotdeck::ui
