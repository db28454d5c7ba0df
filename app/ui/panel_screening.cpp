#include "ui/panel_screening.hpp"

#include <GLFW/glfw3.h>
#include <imgui.h>

#include <algorithm>

#include "base/i18n.hpp"
#include "core/screening.hpp"
#include "ui/panel_set.hpp"
#include "ui/screening_text.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"

namespace pilotdeck::ui {
namespace {

constexpr float kIdColumnEm = 3.0f;
constexpr float kAnswerColumnEm = 13.0f;
constexpr int kNotesLines = 2;

std::optional<bool> answer_of(const core::Idea& idea, std::string_view id) {
    if (!idea.assessment) return std::nullopt;
    return idea.assessment->answers.get(id);
}

int first_open(const core::Idea& idea) {
    const auto& texts = screening_texts();
    for (std::size_t i = 0; i < texts.size(); ++i)
        if (!answer_of(idea, texts[i].id)) return static_cast<int>(i);
    return 0;
}

bool key(int k) { return ImGui::IsKeyPressed(k, false); }

// The class and the DPIA verdict, big, with the marker and the words, and the notice.
void verdict(const UiContext& ctx, const core::Idea& idea) {
    const core::AiActClass c = core::classify_ai_act(idea.assessment);
    const core::DpiaVerdict d = core::classify_dpia(idea.assessment);
    const Rgba& colour = c == core::AiActClass::Prohibited ? ctx.palette.danger : ctx.palette.text;
    std::size_t answered = 0;
    if (idea.assessment)
        for (const auto& q : screening_texts())
            if (idea.assessment->answers.get(q.id)) ++answered;
    if (ctx.fonts.large) ImGui::PushFont(ctx.fonts.large);
    ImGui::PushStyleColor(ImGuiCol_Text, vec4(colour));
    ImGui::TextWrapped("%s", i18n::format(i18n::tr("EU AI Act: {0} \u2014 {1}"), {class_marker(c), core::describe(c)}).c_str());
    ImGui::PopStyleColor();
    ImGui::TextWrapped("%s", i18n::format(i18n::tr("DPIA (GDPR): {0}"), {core::describe(d)}).c_str());
    if (ctx.fonts.large) ImGui::PopFont();
    muted(ctx, i18n::format(i18n::tr("{0} of {1} questions answered. Y yes, N no, Delete unanswered, Up / Down move, "
                                     "F7 or Esc closes; Ctrl+Z undoes an answer. {2}"),
                            {std::to_string(answered), std::to_string(screening_texts().size()), screening_notice()}));
}

}  // namespace

void ScreeningPanel::open(UiContext& ctx, const std::string& idea) {
    const core::Idea* found = ctx.session.find_idea(idea);
    if (!found) return;
    if (is_open() && idea_ != idea) close(ctx);
    idea_ = idea;
    focus_ = first_open(*found);
    scroll_to_focus_ = true;
    drawn_frame_ = ImGui::GetFrameCount();
}

void ScreeningPanel::close(UiContext& ctx) {
    commit_notes(ctx);
    idea_.clear();
}

void ScreeningPanel::commit_notes(UiContext& ctx) {
    ctx.release_edit("screening notes");
    const core::Idea& draft = notes_.draft();
    const core::Idea* stored = ctx.session.find_idea(draft.id);
    const std::string notes = draft.assessment ? draft.assessment->notes : std::string();
    const std::string stored_notes = stored && stored->assessment ? stored->assessment->notes : std::string();
    if (stored && notes != stored_notes) {
        core::Idea changed = *stored;  // the answers as stored: only the notes come from the draft
        if (!changed.assessment) changed.assessment = core::Assessment{};
        changed.assessment->notes = notes;
        const std::string label = i18n::format(i18n::tr("Edit the screening notes of {0}"), {quoted_title(stored->title)});
        ctx.run(core::Batch{{core::PutIdea{changed, std::nullopt}}, label}, notes_.save_key());
        notes_.saved(ctx.session.revision());
    }
    notes_.committed();
}

void ScreeningPanel::answer(UiContext& ctx, const core::Idea& idea, std::string_view id, std::optional<bool> value) {
    if (answer_of(idea, id) == value) return;
    core::Idea changed = idea;
    if (!changed.assessment) changed.assessment = core::Assessment{};
    changed.assessment->answers.set(id, value);
    const char* word = !value ? i18n::tr("unanswered") : *value ? i18n::tr("yes") : i18n::tr("no");
    const std::string label = i18n::format(i18n::tr("Screening of {0}: {1} {2}"), {quoted_title(idea.title), id, word});
    ctx.run(core::Batch{{core::PutIdea{changed, std::nullopt}}, label});
}

void ScreeningPanel::keys(UiContext& ctx, const core::Idea& idea) {
    if (ImGui::IsAnyItemActive() || ctx.text_field_active()) return;
    const ImGuiIO& io = ImGui::GetIO();
    if (io.KeyCtrl || io.KeyAlt) return;
    const int last = static_cast<int>(screening_texts().size()) - 1;
    auto move = [&](int to, bool to_notes = false) {
        if (to > last && to_notes) {
            focus_notes_ = true;
            return;
        }
        focus_ = std::clamp(to, 0, last);
        scroll_to_focus_ = true;
    };
    if (ImGui::IsKeyPressed(GLFW_KEY_DOWN)) move(focus_ + 1, true);
    if (ImGui::IsKeyPressed(GLFW_KEY_UP)) move(focus_ - 1);
    const std::string_view id = screening_texts()[static_cast<std::size_t>(focus_)].id;
    if (key(GLFW_KEY_Y) || key(GLFW_KEY_J)) {
        answer(ctx, idea, id, true);
        move(focus_ + 1);
    } else if (key(GLFW_KEY_N)) {
        answer(ctx, idea, id, false);
        move(focus_ + 1);
    } else if (key(GLFW_KEY_DELETE) || key(GLFW_KEY_BACKSPACE) || key(GLFW_KEY_0)) {
        answer(ctx, idea, id, std::nullopt);
    }
}

void ScreeningPanel::question_rows(UiContext& ctx, const core::Idea& idea) {
    const auto& texts = screening_texts();
    const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingStretchProp | ImGuiTableFlags_BordersInnerH;
    if (!ImGui::BeginTable("##questions", 3, flags)) return;
    ImGui::TableSetupColumn("##id", ImGuiTableColumnFlags_WidthFixed, em(kIdColumnEm));
    ImGui::TableSetupColumn("##question", ImGuiTableColumnFlags_WidthStretch);
    ImGui::TableSetupColumn("##answer", ImGuiTableColumnFlags_WidthFixed, em(kAnswerColumnEm));
    const char* section = nullptr;
    for (std::size_t i = 0; i < texts.size(); ++i) {
        const ScreeningText& q = texts[i];
        const bool focused = static_cast<int>(i) == focus_;
        if (section != q.section) {  // a group heading across the row
            section = q.section;
            ImGui::TableNextRow();
            ImGui::TableSetColumnIndex(1);
            ImGui::PushStyleColor(ImGuiCol_Text, vec4(ctx.palette.accent));
            ImGui::TextWrapped("%s", i18n::tr(q.section));
            ImGui::PopStyleColor();
        }
        ImGui::TableNextRow();
        ImGui::PushID(static_cast<int>(i));
        if (focused) {
            Rgba tint = ctx.palette.accent;
            tint.a = 0.18f;
            ImGui::TableSetBgColor(ImGuiTableBgTarget_RowBg1, u32(tint));
        }
        ImGui::TableSetColumnIndex(0);
        ImGui::TextUnformatted(focused ? ("\u25B6" + std::string(q.id)).c_str() : std::string(q.id).c_str());
        ImGui::TableSetColumnIndex(1);
        ImGui::TextWrapped("%s", i18n::tr(q.question));
        if (focused) muted(ctx, i18n::tr(q.hint));
        else if (ImGui::IsItemHovered() && ctx.tooltips_allowed()) ImGui::SetTooltip("%s", i18n::tr(q.hint));
        if (focused && scroll_to_focus_) {
            ImGui::SetScrollHereY(0.4f);
            scroll_to_focus_ = false;
        }
        ImGui::TableSetColumnIndex(2);
        const std::optional<bool> a = answer_of(idea, q.id);
        // The chosen answer carries a tick and the accent colour: readable without colour too.
        auto choice = [&](const char* word, std::optional<bool> value) {
            const bool chosen = a == value;
            const std::string label = (chosen ? "\u2713 " : "") + std::string(word) + "##" + word;
            if (chosen) ImGui::PushStyleColor(ImGuiCol_Button, vec4(ctx.palette.accent));
            if (chosen) ImGui::PushStyleColor(ImGuiCol_Text, vec4(ctx.palette.accent_text));
            if (ImGui::SmallButton(label.c_str())) {
                focus_ = static_cast<int>(i);
                answer(ctx, idea, q.id, value);
            }
            if (chosen) ImGui::PopStyleColor(2);
        };
        choice(i18n::tr("Yes"), true);
        ImGui::SameLine();
        choice(i18n::tr("No"), false);
        ImGui::SameLine();
        choice("?", std::nullopt);
        ImGui::PopID();
    }
    ImGui::EndTable();
}

void ScreeningPanel::draw(UiContext& ctx) {
    const int frame = ImGui::GetFrameCount();
    if (drawn_frame_ < frame - 1) close(ctx);  // not drawn last frame: the stage changed meanwhile
    drawn_frame_ = frame;
    const core::Idea* idea = ctx.session.find_idea(idea_);
    if (!idea) {
        idea_.clear();
        return;
    }
    ctx.state.text_dialog_open = true;  // Y and N answer here: no presenter letter keys
    // The close button first (right-aligned on the heading's line), then the heading beside it.
    const char* close_label = i18n::tr("Close (F7)");
    const float close_w = ImGui::CalcTextSize(close_label).x + ImGui::GetStyle().FramePadding.x * 2;
    const ImVec2 top = ImGui::GetCursorPos();
    ImGui::SetCursorPosX(top.x + std::max(0.0f, ImGui::GetContentRegionAvail().x - close_w));
    if (ImGui::Button(close_label)) {
        close(ctx);
        return;
    }
    ImGui::SetCursorPos(top);
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + std::max(em(10), ImGui::GetContentRegionAvail().x - close_w - em(1)));
    if (ctx.fonts.large) ImGui::PushFont(ctx.fonts.large);
    ImGui::TextWrapped("%s", i18n::format(i18n::tr("Screening {0}"), {quoted_title(idea->title)}).c_str());
    if (ctx.fonts.large) ImGui::PopFont();
    ImGui::PopTextWrapPos();
    verdict(ctx, *idea);
    keys(ctx, *idea);

    const float notes_h = ImGui::GetTextLineHeightWithSpacing() * (kNotesLines + 2.5f) + ImGui::GetStyle().ItemSpacing.y;
    ImGui::BeginChild("##screening_questions", ImVec2(0, -notes_h), false);
    question_rows(ctx, *idea);
    ImGui::EndChild();

    notes_.refresh(*idea, ctx.session.revision(), notes_.draft().id != idea->id);
    core::Idea& d = notes_.draft();
    if (!d.assessment) d.assessment = core::Assessment{};
    ImGui::PushID(notes_.generation());
    if (focus_notes_) {
        ImGui::SetKeyboardFocusHere(0);  // the field below the label
        ctx.state.text_focus_pending = true;
        focus_notes_ = false;
    }
    notes_.field(i18n::tr("Screening notes (who checked it, what to ask legal)"), "##screening_notes",
                 d.assessment->notes, kNotesLines, d.id, i18n::tr("screening notes"));
    notes_.finish(ctx, "screening notes", [this, &ctx] { commit_notes(ctx); });
    ImGui::PopID();
}

bool draw_screening_if_open(UiContext& ctx) {
    ScreeningPanel& panel = ctx.panels().screening;
    const ImGuiIO& io = ImGui::GetIO();
    if (key(GLFW_KEY_F7) && !ImGui::IsAnyItemActive() && !io.KeyCtrl) {
        if (panel.is_open())
            panel.close(ctx);
        else if (ctx.session.find_idea(ctx.state.selected_idea))
            panel.open(ctx, ctx.state.selected_idea);
        else
            ctx.state.status = i18n::tr("Pick an idea first, then F7 screens it.");
    }
    if (!panel.is_open()) return false;
    if (esc_closes_view(ctx)) {  // the notes typed so far are committed by close()
        panel.close(ctx);
        return false;
    }
    panel.draw(ctx);
    return panel.is_open();
}

void screening_button(UiContext& ctx, const std::string& idea, bool small) {
    const std::string label = std::string(small ? i18n::tr("Screening") : i18n::tr("Screening (F7)")) + "##screen_" + idea;
    // Small: as SmallButton (no vertical padding), its label ellipsised when the line is short.
    if (small) ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(ImGui::GetStyle().FramePadding.x, 0));
    const bool pressed = fitted_button(label.c_str());
    if (small) ImGui::PopStyleVar();
    if (pressed) {
        ctx.select_idea(idea);
        ctx.panels().screening.open(ctx, idea);
    }
}

}  // namespace pilotdeck::ui
