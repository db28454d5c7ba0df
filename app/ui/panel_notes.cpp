// The facilitator notes column: the current stage's prompts, the picked concern's answer and,
// while phones score, who has finished (names only here: N hides them, the projected phones box
// shows counts).
#include <algorithm>
#include <string>

#include <imgui.h>

#include "base/i18n.hpp"
#include "server/phone_server.hpp"
#include "ui/panels.hpp"
#include "ui/widgets.hpp"

namespace pilotdeck::ui {

namespace {

void phones_finished(const UiContext& ctx, const server::PhoneServer& phones) {
    const server::PhoneCounts c = phones.counts();
    ImGui::Separator();
    ImGui::TextWrapped("%s", i18n::format(i18n::tr("Finished on phones: {0} of {1}"),
                                          {std::to_string(c.finished), std::to_string(c.joined)})
                                 .c_str());
    if (c.finished_names.empty()) muted(ctx, c.joined == 0 ? i18n::tr("No phone has joined yet.") : i18n::tr("Nobody has finished yet."));
    for (const auto& name : c.finished_names) {
        ImGui::Bullet();
        ImGui::TextWrapped("%s", name.c_str());
    }
}

constexpr float kNotesShare = 0.28f;
constexpr float kScoringNotesShare = 0.18f;
constexpr float kMinNotesEm = 9.0f;

}  // namespace

float notes_width(const core::Stage& stage, float avail_w) {
    if (stage.kind != core::StageKind::Scoring && stage.kind != core::StageKind::Judging) return avail_w * kNotesShare;
    // The prompts are bullets in the body font (the current one here): their widest word, the
    // bullet before it (ImGui::Bullet: a font size and twice the frame padding), the window's
    // padding and its scrollbar.
    float word = longest_word_width(nullptr, i18n::tr("Questions for the room"));
    for (const auto& prompt : stage.prompts) word = std::max(word, longest_word_width(nullptr, prompt));
    const ImGuiStyle& style = ImGui::GetStyle();
    const float need = word + ImGui::GetFontSize() + 2 * style.FramePadding.x + 2 * style.WindowPadding.x + style.ScrollbarSize;
    return std::min(std::max({avail_w * kScoringNotesShare, em(kMinNotesEm), need}), avail_w * kNotesShare);
}

void draw_notes(UiContext& ctx, const server::PhoneServer* phones) {
    const auto& ws = ctx.session.workshop();
    const int current = ctx.session.current_stage();
    if (current < 0 || current >= static_cast<int>(ws.stages.size())) return;
    const core::Stage& st = ws.stages[static_cast<std::size_t>(current)];

    // The heading in the large font where its longest word fits the column, else in the body
    // font (the narrow notes of the scoring stage): a word is never broken.
    const std::string title = i18n::tr("Facilitator notes");
    float widest = 0;
    if (ctx.fonts.large) ImGui::PushFont(ctx.fonts.large);
    for (std::size_t a = 0; a < title.size();) {
        const std::size_t b = std::min(title.find(' ', a), title.size());
        widest = std::max(widest, ImGui::CalcTextSize(title.c_str() + a, title.c_str() + b).x);
        a = b + 1;
    }
    if (ctx.fonts.large) ImGui::PopFont();
    if (widest <= ImGui::GetContentRegionAvail().x)
        heading(ctx, title);
    else
        ImGui::TextWrapped("%s", title.c_str());
    muted(ctx, i18n::tr("N hides these notes"));
    ImGui::Spacing();
    if (st.kind == core::StageKind::Concerns && !ctx.state.selected_concern.empty()) {
        for (const auto& c : ws.concerns) {
            if (c.id != ctx.state.selected_concern) continue;
            ImGui::PushFont(ctx.fonts.large);
            ImGui::TextWrapped("%s", i18n::format(i18n::tr("Answer to \u201C{0}\u201D"), {c.label}).c_str());
            ImGui::PopFont();
            ImGui::TextWrapped("%s", c.response.c_str());
            ImGui::Separator();
        }
    }
    ImGui::TextWrapped("%s", i18n::tr("Questions for the room"));
    for (const auto& prompt : st.prompts) {
        ImGui::Bullet();
        ImGui::TextWrapped("%s", prompt.c_str());
    }
    if (st.kind == core::StageKind::Scoring && phones && phones->running()) phones_finished(ctx, *phones);
}

}  // namespace pilotdeck::ui
