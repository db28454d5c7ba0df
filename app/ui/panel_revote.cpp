#include "ui/panel_revote.hpp"

#include <GLFW/glfw3.h>
#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <cmath>

#include "base/i18n.hpp"
#include "core/revote_spread.hpp"
#include "ui/panel_set.hpp"
#include "ui/panels.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"

namespace pilotdeck::ui {
namespace {

constexpr float kHistogramEm = 9.0f;

// "median 3" / "quartiles 1.75 to 5" / "sd 2.06", one line each (a number never wraps).
void stats(const core::Spread& s, const char* prefix) {
    if (s.n == 0) {
        ImGui::TextUnformatted(i18n::format(prefix, {i18n::tr("no scores")}).c_str());
        return;
    }
    auto n = [](double v) { return i18n::number(v, v == std::floor(v) ? 0 : 2); };
    ImGui::TextUnformatted(i18n::format(prefix, {i18n::format(i18n::tr("median {0}"), {n(s.median)})}).c_str());
    ImGui::TextUnformatted(i18n::format(i18n::tr("quartiles {0} to {1}"), {n(s.q1), n(s.q3)}).c_str());
    ImGui::TextUnformatted(i18n::format(i18n::tr("sd {0}"), {i18n::number(s.sd, 2)}).c_str());
}

// A histogram over the scale: one bar per value, its count above it and the value below (no
// names: counts only).
void histogram(const UiContext& ctx, const core::Spread& s) {
    const float w = em(kHistogramEm);
    const float line = ImGui::GetTextLineHeight();
    const float bars_h = line * 2.2f;
    const ImVec2 p = ImGui::GetCursorScreenPos();
    ImGui::Dummy(ImVec2(w, bars_h + line * 2));
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const int k = static_cast<int>(s.counts.size());
    if (k == 0) return;
    const int most = std::max(1, *std::max_element(s.counts.begin(), s.counts.end()));
    const float slot = w / static_cast<float>(k);
    for (int i = 0; i < k; ++i) {
        const int count = s.counts[static_cast<std::size_t>(i)];
        const float x0 = p.x + slot * static_cast<float>(i) + slot * 0.15f, x1 = p.x + slot * static_cast<float>(i + 1) - slot * 0.15f;
        const float base = p.y + line + bars_h;
        const float h = bars_h * static_cast<float>(count) / static_cast<float>(most);
        if (count > 0) dl->AddRectFilled(ImVec2(x0, base - h), ImVec2(x1, base), u32(ctx.palette.accent));
        dl->AddLine(ImVec2(x0, base), ImVec2(x1, base), u32(ctx.palette.text_muted));
        const std::string c = std::to_string(count), v = std::to_string(s.lo + i);
        const ImVec2 cs = ImGui::CalcTextSize(c.c_str()), vs = ImGui::CalcTextSize(v.c_str());
        const float mid = (x0 + x1) / 2;
        if (count > 0) dl->AddText(ImVec2(mid - cs.x / 2, base - h - line), u32(ctx.palette.text), c.c_str());
        dl->AddText(ImVec2(mid - vs.x / 2, base + 1), u32(ctx.palette.text_muted), v.c_str());
    }
}

const core::Criterion* criterion(const UiContext& ctx, const std::string& id) { return ctx.session.find_criterion(id); }

std::string cell_title(const UiContext& ctx, const core::RevoteCell& cell) {
    const core::Idea* idea = ctx.session.find_idea(cell.idea);
    const core::Criterion* c = criterion(ctx, cell.criterion);
    return (idea ? idea->title : cell.idea) + " \u2014 " + (c ? c->label : cell.criterion);
}

}  // namespace

void RevotePanel::close(UiContext&) {
    open_ = false;
    drawn_frame_ = -2;
}

// No round open: the contested scores, as the round would take them (core::Session::open_revote).
void RevotePanel::contested_list(UiContext& ctx) {
    const std::optional<core::SetRevote> proposal = ctx.session.open_revote();
    if (!proposal) {
        muted(ctx, i18n::tr("No contested scores: on every idea and criterion the room is within one point (sd below 1)."));
        return;
    }
    const auto& cells = proposal->revote->cells;
    const std::string start = i18n::format(i18n::ntr("Start a re-vote on this {0} score", "Start a re-vote on these {0} scores", cells.size()),
                                           {std::to_string(cells.size())});
    const bool enter = !ImGui::IsAnyItemActive() && ImGui::IsKeyPressed(GLFW_KEY_ENTER, false);
    if (ImGui::Button(start.c_str()) || enter) {
        if (ctx.run(*proposal)) cell_ = 0;
        return;
    }
    muted(ctx, i18n::tr("Each rater sees the group's spread (no names), may change their value and says why in one line. "
                        "Earlier values are kept."));
    const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_SizingStretchProp;
    if (!ImGui::BeginTable("##contested", 3, flags)) return;
    ImGui::TableSetupColumn(i18n::tr("Idea and criterion"), ImGuiTableColumnFlags_WidthStretch);
    ImGui::TableSetupColumn(i18n::tr("Scores"), ImGuiTableColumnFlags_WidthFixed, em(kHistogramEm + 0.5f));
    ImGui::TableSetupColumn(i18n::tr("Spread"), ImGuiTableColumnFlags_WidthStretch);
    ImGui::TableHeadersRow();
    for (const core::RevoteCell& cell : cells) {
        const core::Criterion* c = criterion(ctx, cell.criterion);
        if (!c) continue;
        std::vector<int> values;
        for (const core::Score& s : ctx.session.workshop().scores)
            if (!s.consensus && s.idea == cell.idea && s.criterion == cell.criterion) values.push_back(s.value);
        const core::Spread sp = core::spread_of(values, c->min, c->max);
        ImGui::TableNextRow();
        ImGui::TableSetColumnIndex(0);
        ImGui::TextWrapped("%s", cell_title(ctx, cell).c_str());
        ImGui::TableSetColumnIndex(1);
        histogram(ctx, sp);
        ImGui::TableSetColumnIndex(2);
        stats(sp, "{0}");
    }
    ImGui::EndTable();
}

void RevotePanel::entry_form(UiContext& ctx) {
    const core::Workshop& ws = ctx.session.workshop();
    const core::RevoteCell& cell = ws.revote->cells[static_cast<std::size_t>(cell_)];
    const core::Criterion* c = criterion(ctx, cell.criterion);
    if (!c) return;
    // Who may still re-vote on this cell: raters who scored it and did not re-vote in this round.
    std::vector<const core::Participant*> raters;
    for (const core::Score& s : ws.scores)
        if (!s.consensus && s.idea == cell.idea && s.criterion == cell.criterion && s.round < ws.revote->round)
            if (const core::Participant* p = ctx.session.find_participant(s.rater)) raters.push_back(p);
    ImGui::TextWrapped("%s", i18n::format(i18n::tr("Re-vote on {0}"), {cell_title(ctx, cell)}).c_str());
    if (raters.empty()) {
        muted(ctx, i18n::tr("Everyone who scored this has re-voted."));
        return;
    }
    if (std::none_of(raters.begin(), raters.end(), [&](const core::Participant* p) { return p->id == rater_; }))
        rater_ = raters.front()->id;
    const core::Participant* picked = ctx.session.find_participant(rater_);
    ImGui::SetNextItemWidth(em(14));
    if (ImGui::BeginCombo(i18n::tr("Rater"), picked ? picked->name.c_str() : "")) {
        for (const core::Participant* p : raters)
            if (ImGui::Selectable(p->name.c_str(), p->id == rater_)) rater_ = p->id;
        ImGui::EndCombo();
    }
    ImGui::SameLine(0, em(1));
    ImGui::TextUnformatted(i18n::tr("New value"));
    for (int v = c->min; v <= c->max; ++v) {
        ImGui::SameLine();
        const bool chosen = v == value_;
        const std::string label = (chosen ? "\u2713" : "") + std::to_string(v) + "##value" + std::to_string(v);
        if (chosen) ImGui::PushStyleColor(ImGuiCol_Button, vec4(ctx.palette.accent));
        if (chosen) ImGui::PushStyleColor(ImGuiCol_Text, vec4(ctx.palette.accent_text));
        if (ImGui::Button(label.c_str())) value_ = v;
        if (chosen) ImGui::PopStyleColor(2);
    }
    // Keys while no field is typed in: a digit picks the value, Left / Right the rater, Enter saves.
    bool enter = false;
    if (!ImGui::IsAnyItemActive() && !ctx.text_field_active() && !ImGui::GetIO().KeyCtrl) {
        for (int v = std::max(c->min, 1); v <= std::min(c->max, 9); ++v)
            if (ImGui::IsKeyPressed(GLFW_KEY_0 + v, false) || ImGui::IsKeyPressed(GLFW_KEY_KP_0 + v, false)) value_ = v;
        const auto at = std::find_if(raters.begin(), raters.end(), [&](const core::Participant* p) { return p->id == rater_; });
        const auto n = static_cast<std::ptrdiff_t>(raters.size());
        std::ptrdiff_t k = at - raters.begin();
        if (ImGui::IsKeyPressed(GLFW_KEY_RIGHT)) k = (k + 1) % n;
        if (ImGui::IsKeyPressed(GLFW_KEY_LEFT)) k = (k + n - 1) % n;
        rater_ = raters[static_cast<std::size_t>(k)]->id;
        enter = ImGui::IsKeyPressed(GLFW_KEY_ENTER, false) || ImGui::IsKeyPressed(GLFW_KEY_KP_ENTER, false);
        if (ImGui::IsKeyPressed(GLFW_KEY_TAB, false)) {  // Tab: type the reason (the field below)
            ImGui::SetKeyboardFocusHere(0);
            ctx.state.text_focus_pending = true;
        }
    }
    ctx.state.text_dialog_open = true;  // the reason is typed here: letters are text
    ImGui::SetNextItemWidth(-em(8));
    enter |= ImGui::InputTextWithHint("##reason", i18n::tr("Why, in one line (optional)"), &reason_,
                                      ImGuiInputTextFlags_EnterReturnsTrue);
    ImGui::SameLine();
    ImGui::BeginDisabled(value_ == 0);
    if ((ImGui::Button(i18n::tr("Save")) || enter) && value_ != 0) {
        if (ctx.run(core::Revote{cell.idea, rater_, cell.criterion, value_, reason_})) {
            value_ = 0;
            reason_.clear();
        }
    }
    ImGui::EndDisabled();
}

// A round is open: each cell before the round and now; the form for the picked cell.
void RevotePanel::round_view(UiContext& ctx) {
    const core::Workshop& ws = ctx.session.workshop();
    const std::vector<core::RevoteCellSpread> spreads = core::revote_spreads(ws);
    cell_ = std::clamp(cell_, 0, std::max(0, static_cast<int>(ws.revote->cells.size()) - 1));
    ImGui::TextWrapped("%s", i18n::format(i18n::ntr("Re-vote round {0}: {1} contested score", "Re-vote round {0}: {1} contested scores",
                                                    ws.revote->cells.size()),
                                          {std::to_string(ws.revote->round), std::to_string(ws.revote->cells.size())})
                                 .c_str());
    ImGui::SameLine(0, em(2));
    if (colour_button(i18n::tr("Close the round"), ctx.palette.danger, ctx.palette.danger_text)) {
        ctx.run(core::SetRevote{std::nullopt});
        return;
    }
    if (!ImGui::IsAnyItemActive() && !ctx.text_field_active()) {
        if (ImGui::IsKeyPressed(GLFW_KEY_DOWN)) cell_ = std::min(cell_ + 1, static_cast<int>(spreads.size()) - 1);
        if (ImGui::IsKeyPressed(GLFW_KEY_UP)) cell_ = std::max(cell_ - 1, 0);
    }
    const float form_h = ImGui::GetFrameHeightWithSpacing() * 2 + ImGui::GetTextLineHeightWithSpacing() * 3.2f;
    ImGui::BeginChild("##round_cells", ImVec2(0, -form_h), false);
    const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_SizingStretchProp;
    if (ImGui::BeginTable("##round", 3, flags)) {
        ImGui::TableSetupColumn(i18n::tr("Idea and criterion"), ImGuiTableColumnFlags_WidthStretch);
        ImGui::TableSetupColumn(i18n::tr("Before"), ImGuiTableColumnFlags_WidthFixed, em(kHistogramEm + 0.5f));
        ImGui::TableSetupColumn(i18n::tr("Now"), ImGuiTableColumnFlags_WidthFixed, em(kHistogramEm + 0.5f));
        ImGui::TableHeadersRow();
        for (std::size_t i = 0; i < spreads.size(); ++i) {
            const core::RevoteCellSpread& s = spreads[i];
            ImGui::TableNextRow();
            ImGui::PushID(static_cast<int>(i));
            ImGui::TableSetColumnIndex(0);
            const bool picked = static_cast<int>(i) == cell_;
            const std::string title = (picked ? "\u25B6 " : "") + cell_title(ctx, s.cell);
            if (ImGui::Selectable(title.c_str(), picked, ImGuiSelectableFlags_SpanAllColumns)) cell_ = static_cast<int>(i);
            muted(ctx, i18n::format(i18n::ntr("{0} of {1} rater re-voted", "{0} of {1} raters re-voted", static_cast<unsigned long>(s.now.n)),
                                    {std::to_string(s.revoted), std::to_string(s.now.n)}));
            ImGui::TableSetColumnIndex(1);
            histogram(ctx, s.before);
            stats(s.before, i18n::tr("Before: {0}"));
            ImGui::TableSetColumnIndex(2);
            histogram(ctx, s.now);
            stats(s.now, i18n::tr("Now: {0}"));
            ImGui::PopID();
        }
        ImGui::EndTable();
    }
    ImGui::EndChild();
    ImGui::Separator();
    if (!spreads.empty()) entry_form(ctx);
}

void RevotePanel::draw(UiContext& ctx) {
    const int frame = ImGui::GetFrameCount();
    if (drawn_frame_ >= 0 && drawn_frame_ < frame - 1) {  // not drawn last frame: the stage changed meanwhile
        close(ctx);
        return;
    }
    drawn_frame_ = frame;
    const char* back = i18n::tr("Back to scoring (F3)");
    heading(ctx, i18n::tr("Where the room disagrees"));
    ImGui::SameLine(0, em(2));
    if (ImGui::Button(back)) {
        close(ctx);
        return;
    }
    if (blind_round_banner(ctx)) return;  // phones are scoring: no values in the room
    if (ctx.session.workshop().revote)
        round_view(ctx);
    else
        contested_list(ctx);
}

bool draw_revote_if_open(UiContext& ctx) {
    RevotePanel& panel = ctx.panels().revote;
    const ImGuiIO& io = ImGui::GetIO();
    if (ImGui::IsKeyPressed(GLFW_KEY_F3, false) && !ImGui::IsAnyItemActive() && !io.KeyCtrl) {
        if (panel.is_open())
            panel.close(ctx);
        else
            panel.open();
    }
    if (!panel.is_open()) return false;
    if (esc_closes_view(ctx)) {  // the value and reason being typed stay in the view for next time
        panel.close(ctx);
        return false;
    }
    panel.draw(ctx);
    return panel.is_open();
}

void revote_button(UiContext& ctx) {
    if (ImGui::Button(i18n::tr("Disagreements and re-vote (F3)"))) ctx.panels().revote.open();
}

}  // namespace pilotdeck::ui
