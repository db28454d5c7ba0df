// The awards stage (contracts 6): the reveal on the projector, one award at a time driven by the
// clicker (PageDown), the places from the lowest up and the winner last; ties are shown as ties.
#include <cstdint>
#include <string>

#include <imgui.h>

#include "base/i18n.hpp"
#include "core/hackathon_stages.hpp"
#include "ui/panel_set.hpp"
#include "ui/panels.hpp"
#include "ui/widgets.hpp"

namespace pilotdeck::ui {
namespace {

namespace text {
const char* kNoAwards() { return i18n::tr("This workshop has no awards."); }
const char* kNothing() { return i18n::tr("Not awarded: nothing to go on yet."); }
const char* kNextHidden() { return i18n::tr("PageDown reveals the next award."); }
const char* kAllShown() { return i18n::tr("Every award is revealed. Congratulations to all teams!"); }
std::string tie(std::size_t n) {
    return i18n::format(i18n::ntr("A tie between {0} team", "A tie between {0} teams", plural_n(n)), {std::to_string(n)});
}
const char* kVoteOpen() {
    return i18n::tr("The audience vote is still open: close it first (F12, or View > Close the audience vote).");
}
// The step's title in the current language (the core names the places in English).
std::string title(const core::Workshop& ws, const core::RevealStep& step) {
    if (step.place == 2) return i18n::tr("2nd place");
    if (step.place == 3) return i18n::tr("3rd place");
    if (step.place == 1)
        for (const core::Award& a : ws.awards)
            if (a.rule == "overall") return i18n::format(i18n::tr("Winner: {0}"), {a.label});
    return step.title;
}
std::string remaining(std::size_t n) {
    return i18n::format(i18n::ntr("{0} award to go", "{0} awards to go", plural_n(n)), {std::to_string(n)});
}
}  // namespace text

RevealState& reveal_for(UiContext& ctx) {
    RevealState& s = ctx.panels().show->awards;
    if (s.session != &ctx.session) s = RevealState{&ctx.session, 0, ~std::uint64_t{0}, 0, {}};
    if (s.revision != ctx.session.revision() || s.language != i18n::generation()) {
        const core::Workshop& ws = ctx.session.workshop();
        s.steps = core::award_reveal(ws, core::hackathon_results(ws));
        s.revision = ctx.session.revision();
        s.language = i18n::generation();
        if (s.shown > s.steps.size()) s.shown = s.steps.size();
    }
    return s;
}

// The latest step revealed, large.
void draw_latest(UiContext& ctx, const core::Workshop& ws, const core::RevealStep& step) {
    ImGui::PushFont(ctx.fonts.large);
    ImGui::TextColored(vec4(ctx.palette.accent), "%s", text::title(ws, step).c_str());
    ImGui::PopFont();
    if (step.rule == "audience" && ctx.state.audience_vote_open) {  // phones may still change their vote
        muted(ctx, text::kVoteOpen());
        return;
    }
    if (step.teams.empty()) {
        muted(ctx, text::kNothing());
        return;
    }
    if (step.tie()) ImGui::TextColored(vec4(ctx.palette.warning), "%s", text::tie(step.teams.size()).c_str());
    for (std::size_t i = 0; i < step.teams.size(); ++i) {
        const core::Team& t = ws.teams[step.teams[i]];
        big_text(ctx, (i > 0 ? "& " : "") + t.name, u32(ctx.palette.text), 2.0f);
    }
    if (!step.why.empty()) muted(ctx, step.why);
}

// An earlier step, once a later one is shown: one compact line (wrapped), "title — team & team",
// so that every award revealed so far stays on the projector at 1024x768 without scrolling.
void draw_earlier(UiContext& ctx, const core::Workshop& ws, const core::RevealStep& step) {
    std::string what;
    if (step.rule == "audience" && ctx.state.audience_vote_open) {
        what = text::kVoteOpen();
    } else if (step.teams.empty()) {
        what = text::kNothing();
    } else {
        for (std::size_t i = 0; i < step.teams.size(); ++i) what += (i > 0 ? " & " : "") + ws.teams[step.teams[i]].name;
        if (step.tie()) what += " (" + text::tie(step.teams.size()) + ")";
    }
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextColored(vec4(ctx.palette.text_muted), "%s —", text::title(ws, step).c_str());
    ImGui::SameLine();
    ImGui::TextWrapped("%s", what.c_str());
    ImGui::PopTextWrapPos();
}

}  // namespace

bool awards_page(UiContext& ctx, int direction) {
    RevealState& s = reveal_for(ctx);
    if (direction > 0 && s.shown < s.steps.size()) {
        ++s.shown;
        return true;
    }
    if (direction < 0 && s.shown > 0) {
        --s.shown;
        return true;
    }
    return false;
}

void draw_awards(UiContext& ctx) {
    const core::Workshop& ws = ctx.session.workshop();
    RevealState& s = reveal_for(ctx);
    if (s.steps.empty()) {
        muted(ctx, text::kNoAwards());
        return;
    }
    // The latest revealed step large at the top; the earlier ones below it, one line each.
    if (s.shown == 0) {
        ImGui::PushFont(ctx.fonts.large);
        ImGui::TextWrapped("%s", text::kNextHidden());
        ImGui::PopFont();
    } else {
        draw_latest(ctx, ws, s.steps[s.shown - 1]);
    }
    ImGui::Spacing();
    ImGui::Separator();
    for (std::size_t i = s.shown; i-- > 1;) draw_earlier(ctx, ws, s.steps[i - 1]);
    ImGui::Spacing();
    muted(ctx, s.shown == s.steps.size() ? text::kAllShown() : text::remaining(s.steps.size() - s.shown));
}

bool hackathon_page(UiContext& ctx, int direction) {
    const auto& stages = ctx.session.workshop().stages;
    const int cur = ctx.session.current_stage();
    if (cur < 0 || cur >= static_cast<int>(stages.size())) return false;
    switch (stages[static_cast<std::size_t>(cur)].kind) {
    case core::StageKind::Pitches: return pitches_page(ctx, direction);
    case core::StageKind::Awards: return awards_page(ctx, direction);
    default: return false;
    }
}

}  // namespace pilotdeck::ui
