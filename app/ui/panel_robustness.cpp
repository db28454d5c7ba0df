#include "ui/panel_robustness.hpp"

#include <imgui.h>

#include <algorithm>
#include <exception>

#include "base/i18n.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"

namespace pilotdeck::ui {
namespace {

constexpr double kPauseSeconds = 0.6;   // after a change, before computing again
constexpr double kPollSeconds = 0.1;    // frames while it runs (the progress bar moves)

std::string percent(double share) { return i18n::number(share * 100, 0) + "%"; }

std::string verdict_words(core::RobustnessVerdict v) {
    switch (v) {
        case core::RobustnessVerdict::Robust: return std::string("\u2714 ") + i18n::tr("robust");
        case core::RobustnessVerdict::Uncertain: return std::string("? ") + i18n::tr("uncertain");
        case core::RobustnessVerdict::Fragile: return std::string("\u25B2 ") + i18n::tr("fragile");
        case core::RobustnessVerdict::Out: return i18n::tr("not chosen");
    }
    return {};
}

}  // namespace

RobustnessPanel::~RobustnessPanel() {
    if (!job_) return;
    job_->cancel = true;
    if (job_->thread.joinable()) job_->thread.join();
}

void RobustnessPanel::cancel() {
    if (!job_) return;
    job_->cancel = true;
    stopped_ = true;
}

void RobustnessPanel::start(const UiContext& ctx) {
    auto job = std::make_unique<Job>();
    job->revision = ctx.session.revision();
    for (const core::Idea& i : ctx.session.workshop().ideas) job->idea_ids.push_back(i.id);
    job->total = samples_;
    Job* j = job.get();
    // A copy of the workshop: the session goes on changing while the samples run.
    j->thread = std::thread([j, ws = ctx.session.workshop(), samples = samples_] {
        core::RobustnessOptions o;
        o.samples = samples;
        o.threads = 1;  // this thread only: the frames keep the other core
        o.cancel = &j->cancel;
        o.progress = [j](int done, int) { j->done = done; };
        try {
            j->result = core::robustness(ws, o);
        } catch (const std::exception& e) {
            j->error = e.what();
        }
        j->finished = true;
    });
    job_ = std::move(job);
}

void RobustnessPanel::poll() {
    if (!job_ || !job_->finished) return;
    job_->thread.join();
    if (!job_->error.empty()) {
        error_ = job_->error;
    } else if (!job_->result.cancelled) {
        result_ = std::move(job_->result);
        result_ids_ = std::move(job_->idea_ids);
        result_revision_ = job_->revision;
        error_.clear();
    }
    job_.reset();
}

void RobustnessPanel::verdict(UiContext& ctx, const std::string& idea_id) {
    if (!result_) return;
    const core::Workshop& ws = ctx.session.workshop();
    for (const core::IdeaRobustness& r : result_->ideas) {
        if (!r.chosen || r.idea >= result_ids_.size() || result_ids_[r.idea] != idea_id) continue;
        const bool weak = r.verdict == core::RobustnessVerdict::Fragile;
        ImGui::PushStyleColor(ImGuiCol_Text, vec4(weak ? ctx.palette.danger : ctx.palette.text));
        ImGui::TextWrapped("%s", i18n::format(i18n::tr("Robustness: {0}, chosen in {1} of the variations"),
                                              {verdict_words(r.verdict), percent(r.selected_share)})
                                     .c_str());
        ImGui::PopStyleColor();
        if (!r.depends_on) return;
        const core::RobustnessDependence& d = *r.depends_on;
        if (d.criterion && *d.criterion < ws.criteria.size()) {
            const std::string name = "\u201C" + ws.criteria[*d.criterion].label + "\u201D";
            const char* pattern = d.weight_when_chosen >= d.weight_otherwise
                                      ? i18n::tr("Depends on the weight of {0}: chosen when it weighs more (share {1} when chosen, {2} otherwise).")
                                      : i18n::tr("Depends on the weight of {0}: chosen when it weighs less (share {1} when chosen, {2} otherwise).");
            muted(ctx, i18n::format(pattern, {name, i18n::number(d.weight_when_chosen, 2), i18n::number(d.weight_otherwise, 2)}));
        }
        if (d.rater && *d.rater < ws.participants.size()) {
            // A rater's name is for the facilitator (shown with the notes), never for the room.
            if (ctx.state.notes_visible)
                muted(ctx, i18n::format(i18n::tr("Depends on {0}'s scores: chosen in {1} of the variations with them, {2} without."),
                                        {ws.participants[*d.rater].name, percent(d.share_with_rater), percent(d.share_without_rater)}));
            else
                muted(ctx, i18n::format(i18n::tr("Depends on one rater's scores: chosen in {0} of the variations with them, {1} without."),
                                        {percent(d.share_with_rater), percent(d.share_without_rater)}));
        }
        return;
    }
}

void RobustnessPanel::draw(UiContext& ctx) {
    poll();
    const std::uint64_t revision = ctx.session.revision();
    const double now = ImGui::GetTime();
    if (revision != seen_revision_) {  // a change: counted from now, and a stop by hand ends
        seen_revision_ = revision;
        seen_at_ = now;
        stopped_ = false;
        error_.clear();
    }
    if (job_ && job_->revision != revision) job_->cancel = true;  // out of date: stopped, started again
    const bool current = result_ && result_revision_ == revision;
    if (!job_ && !current && !stopped_ && error_.empty()) {
        // The first time at once, after a change once the changes pause.
        if (!result_ || now - seen_at_ >= kPauseSeconds)
            start(ctx);
        else
            ctx.state.wake_at = ctx.state.wake_at > 0 ? std::min(ctx.state.wake_at, seen_at_ + kPauseSeconds) : seen_at_ + kPauseSeconds;
    }

    heading(ctx, i18n::tr("Is the choice robust?"));
    muted(ctx, i18n::format(i18n::tr("How often each pilot is chosen in {0} plausible variations of the weights and of who was in the room."),
                            {std::to_string(samples_)}));
    if (job_) {
        const int total = std::max(1, job_->total.load());
        const float fraction = static_cast<float>(job_->done.load()) / static_cast<float>(total);
        ImGui::SetNextItemWidth(em(16));
        ImGui::ProgressBar(fraction, ImVec2(em(16), 0), (i18n::number(fraction * 100.0, 0) + "%").c_str());
        ImGui::SameLine();
        if (ImGui::Button(i18n::tr("Cancel"))) cancel();
        ctx.state.wake_at = ctx.state.wake_at > 0 ? std::min(ctx.state.wake_at, now + kPollSeconds) : now + kPollSeconds;
    } else if (stopped_ || !error_.empty()) {
        if (!error_.empty()) muted(ctx, error_);
        else muted(ctx, i18n::tr("Stopped."));
        ImGui::SameLine();
        if (ImGui::Button(i18n::tr("Check again"))) {
            stopped_ = false;
            error_.clear();
            start(ctx);
        }
    }
    if (result_ && !current) muted(ctx, i18n::tr("The workshop changed: these verdicts are being checked again."));
    else if (result_) muted(ctx, i18n::tr("Each pilot above shows its verdict."));
}

}  // namespace pilotdeck::ui
