// The judging stage (contracts 6): each judge's progress ("12 of 15 teams", or "n compared,
// about m to go"), and which teams each judge is recused from. No scores and no ranking: those
// wait for the awards.
#include <cstdint>
#include <string>

#include <imgui.h>

#include "base/i18n.hpp"
#include "core/hackathon_stages.hpp"
#include "core/recusal.hpp"
#include "ui/panel_set.hpp"
#include "ui/panels.hpp"
#include "ui/widgets.hpp"

namespace pilotdeck::ui {
namespace {

namespace text {
const char* kCriteria() { return i18n::tr("Jury scoring on the criteria"); }
const char* kPairwise() { return i18n::tr("Pairwise judging: \u201CA or B?\u201D on the judges\u2019 phones"); }
const char* kNoJudges() { return i18n::tr("No judges yet: give jury members the role \u201Cjury\u201D (participants panel, F2)."); }
const char* kRecused() { return i18n::tr("recused"); }
const char* kRecusals() { return i18n::tr("Recusals"); }
const char* kNoRecusals() { return i18n::tr("No judge is recused from any team."); }
std::string criteria_progress(int done, int of) {
    return i18n::format(i18n::ntr("{0} of {1} team", "{0} of {1} teams", plural_n(of)), {std::to_string(done), std::to_string(of)});
}
std::string pairwise_progress(int done, int left) {
    if (left == 0) return i18n::format(i18n::tr("{0} compared, none left"), {std::to_string(done)});
    return i18n::format(i18n::tr("{0} compared, about {1} to go"),
                        {std::to_string(done), std::to_string(left)});
}
std::string recused_count(int n) {
    return i18n::format(i18n::ntr("recused from {0} team", "recused from {0} teams", plural_n(n)), {std::to_string(n)});
}
std::string reason(core::RecusalReason r) {
    return r == core::RecusalReason::Member ? i18n::trc("recusal", "member") : i18n::tr("same department");
}
}  // namespace text

}  // namespace

void draw_judging(UiContext& ctx) {
    const core::Workshop& ws = ctx.session.workshop();
    JudgingCache& c = ctx.panels().judging;
    if (c.session != &ctx.session || c.revision != ctx.session.revision()) {
        c = JudgingCache{&ctx.session, ctx.session.revision(), core::judging_progress(ws), core::list_recusals(ws)};
    }
    const bool pairwise = ws.judging.method == core::JudgingMethod::Pairwise;
    if (!pairwise) return draw_scoring(ctx);  // the jury's grid, recused cells marked (panel_scoring.cpp)
    heading(ctx, pairwise ? text::kPairwise() : text::kCriteria());
    if (c.progress.empty()) {
        muted(ctx, text::kNoJudges());
        return;
    }
    if (ImGui::BeginTable("##judges", 3, ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH)) {
        ImGui::TableSetupColumn(i18n::tr("Judge"), ImGuiTableColumnFlags_WidthStretch, 1.0f);
        ImGui::TableSetupColumn(i18n::tr("Progress"), ImGuiTableColumnFlags_WidthStretch, 1.0f);
        ImGui::TableSetupColumn(i18n::trc("judging", "Done"), ImGuiTableColumnFlags_WidthStretch, 1.3f);
        ImGui::TableHeadersRow();
        for (const core::JudgeProgress& g : c.progress) {
            ImGui::TableNextRow();
            ImGui::TableSetColumnIndex(0);
            ImGui::PushFont(ctx.fonts.large);
            ImGui::TextWrapped("%s", g.name.c_str());  // a narrow column (phones and notes beside) wraps, never cuts
            ImGui::PopFont();
            ImGui::TableSetColumnIndex(1);
            const float fraction = g.of > 0 ? static_cast<float>(g.done) / static_cast<float>(g.of) : 1.0f;
            ImGui::PushStyleColor(ImGuiCol_PlotHistogram, vec4(fraction >= 1.0f ? ctx.palette.success : ctx.palette.accent));
            ImGui::ProgressBar(fraction, ImVec2(-1, em(1.6f)), "");
            ImGui::PopStyleColor();
            ImGui::TableSetColumnIndex(2);
            const std::string line =
                pairwise ? text::pairwise_progress(g.done, g.of - g.done) : text::criteria_progress(g.done, g.of);
            ImGui::TextWrapped("%s", line.c_str());
            if (g.recused > 0) muted(ctx, text::recused_count(g.recused));
        }
        ImGui::EndTable();
    }
    ImGui::Spacing();
    if (!ctx.state.notes_visible) return;  // who is recused from what: facilitator's view
    heading(ctx, text::kRecusals());
    if (c.recusals.empty()) {
        muted(ctx, text::kNoRecusals());
        return;
    }
    for (const core::RecusalEntry& e : c.recusals) {
        std::string judge = e.judge, team = e.team;
        for (const core::Participant& p : ws.participants)
            if (p.id == e.judge) judge = p.name;
        for (const core::Team& t : ws.teams)
            if (t.id == e.team) team = t.name;
        ImGui::Text("%s \u2014 %s", judge.c_str(), team.c_str());
        ImGui::SameLine();
        ImGui::TextColored(vec4(ctx.palette.text_muted), "%s (%s)", text::kRecused(), text::reason(e.reason).c_str());
    }
}

}  // namespace pilotdeck::ui
