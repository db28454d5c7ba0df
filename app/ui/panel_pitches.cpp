// The pitches stage (contracts 6): big on the projector, who is on and who is next, a pitch
// countdown and then a Q&A countdown per team (pitching.pitch_minutes, qa_minutes), advanced by
// PageDown (a clicker); a team can be marked absent and goes to the end of the line.
#include <algorithm>
#include <cfloat>
#include <chrono>
#include <set>
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
const char* kNoTeams() { return i18n::tr("No teams to pitch yet."); }
const char* kWaiting() { return i18n::tr("Ready for the first pitch. PageDown starts it."); }
const char* kDone() { return i18n::tr("Every team has pitched. PageDown goes on to the next stage."); }
const char* kPitch() { return i18n::tr("Pitch"); }
const char* kQandA() { return i18n::tr("Questions"); }
const char* kOnStage() { return i18n::tr("On stage"); }
const char* kNext() { return i18n::tr("Next"); }
const char* kLast() { return i18n::tr("Last team"); }
const char* kAbsent() { return i18n::tr("absent"); }
const char* kMarkAbsent() { return i18n::tr("Absent: move to the end"); }
const char* kBack() { return i18n::tr("Back in line"); }
const char* kKeys() { return i18n::tr("PageDown: next phase or team \u00B7 PageUp: back"); }
const char* kEarlier() { return i18n::tr("Earlier"); }
const char* kLater() { return i18n::tr("Later"); }
const char* kReorder() { return i18n::tr("Change the pitch order"); }
std::string first_up(const std::string& name) { return i18n::format(i18n::tr("First up: {0}"), {name}); }
}  // namespace text

PitchState& state_for(UiContext& ctx) {
    PitchState& s = ctx.panels().show->pitches;
    if (s.session != &ctx.session) s = PitchState{&ctx.session, {}, {}, core::Countdown()};
    return s;
}

void restart_timer(const UiContext& ctx, PitchState& s) {
    const core::Pitching& p = ctx.session.workshop().pitching;
    const int minutes = s.cursor.phase == core::PitchPhase::Pitch ? p.pitch_minutes : p.qa_minutes;
    s.timer.set_duration(std::chrono::seconds(minutes * 60));
    if (s.cursor.phase == core::PitchPhase::Pitch || s.cursor.phase == core::PitchPhase::QandA) s.timer.start();
}

void big_countdown(UiContext& ctx, const core::Countdown& timer) {
    const core::TimerPhase phase = timer.phase();
    const Rgba& colour = phase == core::TimerPhase::Over      ? ctx.palette.danger
                         : phase == core::TimerPhase::Warning ? ctx.palette.warning
                                                              : ctx.palette.text;
    // As large as the column allows: beside the phones box and the notes the column is narrow, and
    // "+00:05" in the huge font would be cut off.
    const std::string text = timer.text();
    ImFont* font = ctx.fonts.huge ? ctx.fonts.huge : ImGui::GetFont();
    const float avail = ImGui::GetContentRegionAvail().x;
    const float full = font->CalcTextSizeA(font->FontSize, FLT_MAX, 0.0f, text.c_str()).x;
    const float size = full > avail && full > 0 ? font->FontSize * avail / full : font->FontSize;
    ImGui::GetWindowDrawList()->AddText(font, size, ImGui::GetCursorScreenPos(), u32(colour), text.c_str());
    ImGui::LogText("%s", text.c_str());
    ImGui::Dummy(ImVec2(std::min(full, avail), size));
    if (timer.running()) {
        const double at = ImGui::GetTime() + static_cast<double>(timer.until_next_tick().count()) / 1000.0;
        if (ctx.state.wake_at <= 0 || at < ctx.state.wake_at) ctx.state.wake_at = at;
    }
}

std::string members_line(const core::Workshop& ws, const core::Team& t) {
    std::string line;
    for (const std::string& m : t.members)
        for (const core::Participant& p : ws.participants)
            if (p.id == m) line += (line.empty() ? "" : ", ") + p.name;
    return line;
}

const core::Idea* idea_of(const core::Workshop& ws, const core::Team& t) {
    for (const core::Idea& i : ws.ideas)
        if (i.id == t.idea) return &i;
    return nullptr;
}

}  // namespace

void big_text(const UiContext& ctx, const std::string& text, ImU32 colour, float scale) {
    ImFont* font = ctx.fonts.large;
    const float size = font->FontSize * scale;
    const float wrap = ImGui::GetContentRegionAvail().x;
    const ImVec2 extent = font->CalcTextSizeA(size, FLT_MAX, wrap, text.c_str());
    ImGui::GetWindowDrawList()->AddText(font, size, ImGui::GetCursorScreenPos(), colour, text.c_str(), nullptr, wrap);
    ImGui::LogText("%s", text.c_str());
    ImGui::Dummy(extent);
}

bool pitches_page(UiContext& ctx, int direction) {
    PitchState& s = state_for(ctx);
    const std::size_t teams = ctx.session.workshop().teams.size();
    const bool moved = direction > 0 ? s.cursor.next(teams) : s.cursor.back(teams);
    if (moved) restart_timer(ctx, s);
    return moved;
}

void draw_pitches(UiContext& ctx) {
    const core::Workshop& ws = ctx.session.workshop();
    PitchState& s = state_for(ctx);
    if (ws.teams.empty()) {
        muted(ctx, text::kNoTeams());
        return;
    }
    // Who is absent is kept in the file (team.absent); the buttons below toggle this copy, and
    // what changed is saved after the line-up as one undoable edit per team.
    s.absent.clear();
    for (const core::Team& t : ws.teams)
        if (t.absent) s.absent.insert(t.id);
    const std::vector<std::size_t> lineup = core::pitch_lineup(ws, s.absent);
    if (s.cursor.position >= lineup.size()) s.cursor.position = lineup.size() - 1;
    const bool on = s.cursor.phase == core::PitchPhase::Pitch || s.cursor.phase == core::PitchPhase::QandA;
    const std::size_t current = s.cursor.phase == core::PitchPhase::Waiting ? 0 : s.cursor.position;

    if (ImGui::BeginTable("##pitch_now", 2, ImGuiTableFlags_SizingStretchProp)) {
        ImGui::TableSetupColumn("now", ImGuiTableColumnFlags_WidthStretch, 2.0f);
        ImGui::TableSetupColumn("timer", ImGuiTableColumnFlags_WidthStretch, 1.0f);
        ImGui::TableNextRow();
        ImGui::TableSetColumnIndex(0);
        if (on) {
            const core::Team& t = ws.teams[lineup[current]];
            muted(ctx, text::kOnStage());
            big_text(ctx, t.name, u32(ctx.palette.text), 2.0f);
            if (const core::Idea* idea = idea_of(ws, t)) {
                ImGui::PushFont(ctx.fonts.large);
                ImGui::TextWrapped("%s", idea->title.c_str());
                ImGui::PopFont();
            }
            muted(ctx, members_line(ws, t));
        } else {
            ImGui::PushFont(ctx.fonts.large);
            ImGui::TextWrapped("%s", s.cursor.phase == core::PitchPhase::Done ? text::kDone() : text::kWaiting());
            ImGui::PopFont();
            if (s.cursor.phase == core::PitchPhase::Waiting) muted(ctx, text::first_up(ws.teams[lineup[0]].name));
        }
        ImGui::TableSetColumnIndex(1);
        if (on) {
            ImGui::PushFont(ctx.fonts.large);
            ImGui::TextUnformatted(s.cursor.phase == core::PitchPhase::Pitch ? text::kPitch() : text::kQandA());
            ImGui::PopFont();
            big_countdown(ctx, s.timer);
            const std::size_t next = current + 1;
            if (next < lineup.size()) {
                muted(ctx, text::kNext());
                ImGui::PushFont(ctx.fonts.large);
                ImGui::TextWrapped("%s", ws.teams[lineup[next]].name.c_str());
                ImGui::PopFont();
            } else {
                muted(ctx, text::kLast());
            }
        }
        ImGui::EndTable();
    }
    ImGui::Separator();

    // The line-up: done, on stage, waiting, absent at the end.
    for (std::size_t i = 0; i < lineup.size(); ++i) {
        const core::Team& t = ws.teams[lineup[i]];
        const bool absent = s.absent.count(t.id) > 0;
        const bool done = s.cursor.phase == core::PitchPhase::Done || (s.cursor.phase != core::PitchPhase::Waiting && i < current);
        const bool now = on && i == current;
        ImGui::PushID(static_cast<int>(i));
        const std::string label = std::to_string(i + 1) + ". " + t.name + (t.table.empty() ? "" : "  (" + t.table + ")");
        if (now)
            ImGui::TextColored(vec4(ctx.palette.accent), "\u25B6 %s", label.c_str());
        else if (done)
            ImGui::TextColored(vec4(ctx.palette.text_muted), "\u2713 %s", label.c_str());
        else
            ImGui::Text("   %s", label.c_str());
        if (absent) {
            ImGui::SameLine();
            ImGui::TextColored(vec4(ctx.palette.warning), "%s", text::kAbsent());
        }
        if (!done && !now) {
            // The buttons follow on the line while they fit, else on the next (German runs long).
            const auto small_w = [](const char* l) { return ImGui::CalcTextSize(l, nullptr, true).x + 2 * ImGui::GetStyle().FramePadding.x; };
            same_line_if_fits(small_w(absent ? text::kBack() : text::kMarkAbsent()));
            if (ImGui::SmallButton(absent ? text::kBack() : text::kMarkAbsent())) {
                if (absent) s.absent.erase(t.id);
                else s.absent.insert(t.id);
            }
            // Swap places with the neighbour that has not pitched yet (saved as the pitch order).
            const auto swap_with = [&](std::size_t other) {
                core::Team a = t, b = ws.teams[lineup[other]];
                std::swap(a.pitch_order, b.pitch_order);
                if (a.pitch_order == b.pitch_order) a.pitch_order += other < i ? -1 : 1;
                if (a.pitch_order < 0) {
                    ++a.pitch_order;
                    ++b.pitch_order;
                }
                ctx.run(core::Batch{{core::PutTeam{a, std::nullopt}, core::PutTeam{b, std::nullopt}}, text::kReorder()});
            };
            const std::size_t first_waiting = on ? current + 1 : 0;
            if (!absent && i > first_waiting) {
                same_line_if_fits(small_w(text::kEarlier()));
                if (ImGui::SmallButton(text::kEarlier())) swap_with(i - 1);
            }
            if (!absent && i + 1 < lineup.size() && !s.absent.count(ws.teams[lineup[i + 1]].id)) {
                same_line_if_fits(small_w(text::kLater()));
                if (ImGui::SmallButton(text::kLater())) swap_with(i + 1);
            }
        }
        ImGui::PopID();
    }
    for (const core::Team& t : ws.teams)
        if ((s.absent.count(t.id) > 0) != t.absent) {
            core::Team marked = t;
            marked.absent = !t.absent;
            ctx.run(core::PutTeam{marked, std::nullopt});
            break;  // `ws` changed: the next frame looks again
        }
    ImGui::Spacing();
    muted(ctx, text::kKeys());
}

}  // namespace pilotdeck::ui
