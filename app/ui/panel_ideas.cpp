// The ideas stage: capture an idea in seconds, edit its details, filter by department,
// delete (undoable) and merge duplicates.
#include <algorithm>
#include <map>
#include <set>
#include <string>

#include <GLFW/glfw3.h>
#include <imgui.h>
#include <imgui_internal.h>
#include <imgui_stdlib.h>

#include "base/i18n.hpp"
#include "core/text.hpp"
#include "ui/panel_set.hpp"
#include "ui/panels.hpp"
#include "ui/widgets.hpp"

namespace pilotdeck::ui {

using i18n::N_;

namespace {

constexpr float kListShare = 0.65f;        // of the stage's width: the list is what the room reads
constexpr float kMinDetailsEm = 16.0f;     // the details column keeps room for its fields
constexpr float kMinListShare = 0.5f;      // ... but never at the cost of the list
constexpr float kMaxDepartmentShare = 0.4f;  // of the list's width; longer departments wrap
constexpr int kFocusWaitFrames = 5;

using core::trim;

std::vector<std::string> departments(const core::Workshop& ws) {
    std::set<std::string> d;
    for (const auto& i : ws.ideas)
        if (!i.department.empty()) d.insert(i.department);
    for (const auto& p : ws.participants)
        if (!p.department.empty()) d.insert(p.department);
    return {d.begin(), d.end()};
}

void filter_combo(UiContext& ctx) {
    const std::string& f = ctx.state.department_filter;
    ImGui::SetNextItemWidth(-1);
    if (!ImGui::BeginCombo("##department_filter", f.empty() ? i18n::tr("All departments") : f.c_str())) return;
    if (ImGui::Selectable(i18n::tr("All departments"), f.empty())) ctx.state.department_filter.clear();
    for (const auto& d : departments(ctx.session.workshop()))
        if (ImGui::Selectable(d.c_str(), d == f)) ctx.state.department_filter = d;
    ImGui::EndCombo();
}

// No text field is being typed in: single keys are commands (Delete, M, Up/Down).
bool keys_free(const UiContext& ctx) {
    const ImGuiIO& io = ImGui::GetIO();
    return !ImGui::IsAnyItemActive() && !ctx.text_input_active() && !io.KeyCtrl && !io.KeyAlt;
}

bool pressed(ImGuiKey key) { return ImGui::IsKeyPressed(ImGui::GetKeyIndex(key), false); }

// Up / Down (while no field is typed in and no list is open) select the previous / next idea shown.
void list_keys(UiContext& ctx) {
    if (!keys_free(ctx) || ImGui::IsPopupOpen(nullptr, ImGuiPopupFlags_AnyPopupId)) return;
    const int step = ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_DownArrow))  ? 1
                     : ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_UpArrow)) ? -1
                                                                                 : 0;
    if (step == 0) return;
    std::vector<const core::Idea*> shown;
    for (const auto& idea : ctx.session.workshop().ideas)
        if (ctx.state.department_filter.empty() || idea.department == ctx.state.department_filter) shown.push_back(&idea);
    if (shown.empty()) return;
    const int n = static_cast<int>(shown.size());
    int at = -1;
    for (int i = 0; i < n; ++i)
        if (shown[static_cast<std::size_t>(i)]->id == ctx.state.selected_idea) at = i;
    at = at < 0 ? (step > 0 ? 0 : n - 1) : std::clamp(at + step, 0, n - 1);
    ctx.select_idea(shown[static_cast<std::size_t>(at)]->id);
}

// One row per idea: the title wraps (never cut), the department stands whole in a column of
// its own on the right, in the muted colour; the row is one selectable.
void idea_list(UiContext& ctx) {
    list_keys(ctx);
    const auto& ideas = ctx.session.workshop().ideas;
    std::vector<const core::Idea*> shown;
    for (const auto& idea : ideas)
        if (ctx.state.department_filter.empty() || idea.department == ctx.state.department_filter) shown.push_back(&idea);
    if (shown.empty()) {
        muted(ctx, ideas.empty() ? i18n::tr("No ideas yet. Ctrl+N starts one.") : i18n::tr("No ideas in this department."));
        return;
    }
    const float width = ImGui::GetContentRegionAvail().x;
    const float gap = em(1);
    float dept_w = 0;
    for (const auto* idea : shown) dept_w = std::max(dept_w, ImGui::CalcTextSize(idea->department.c_str()).x);
    dept_w = std::min(dept_w, width * kMaxDepartmentShare);
    const float title_w = std::max(width - dept_w - (dept_w > 0 ? gap : 0), em(4));
    ImFont* font = ImGui::GetFont();
    const float size = ImGui::GetFontSize();
    const ImU32 text = ImGui::GetColorU32(ImGuiCol_Text);
    const ImU32 dim = u32(ctx.palette.text_muted);
    for (const auto* idea : shown) {
        const bool sel = idea->id == ctx.state.selected_idea;
        const std::string title = (sel ? "\u25B6 " : "") + idea->title;
        const float h = std::max(ImGui::CalcTextSize(title.c_str(), nullptr, false, title_w).y,
                                 ImGui::CalcTextSize(idea->department.c_str(), nullptr, false, dept_w).y);
        const ImVec2 at = ImGui::GetCursorScreenPos();
        if (ImGui::Selectable(("##" + idea->id).c_str(), sel, 0, ImVec2(width, h))) ctx.select_idea(idea->id);
        if (!ImGui::IsItemVisible()) continue;
        ImDrawList* dl = ImGui::GetWindowDrawList();
        dl->AddText(font, size, at, text, title.c_str(), nullptr, title_w);
        if (!idea->department.empty())
            dl->AddText(font, size, ImVec2(at.x + width - dept_w, at.y), dim, idea->department.c_str(), nullptr, dept_w);
    }
}

void delete_idea(UiContext& ctx, const core::Idea& idea) {
    const std::string title = idea.title;
    if (ctx.run(core::Batch{{core::RemoveIdea{idea.id}}, i18n::format(i18n::tr("Delete {0}"), {quoted_title(title)})})) {
        ctx.state.selected_idea.clear();
        ctx.state.status = i18n::format(i18n::tr("Deleted {0}. Ctrl+Z brings it back."), {quoted_title(title)});
    }
}

// Deleting a pinned idea asks first: Enter or "Delete" deletes, Esc or "Keep it" keeps it.
void confirm_delete(UiContext& ctx, const core::Idea& idea) {
    if (!ImGui::BeginPopup("##confirm_delete")) return;
    const bool include = idea.decision && idea.decision->pin == core::Pin::Include;
    ImGui::PushTextWrapPos(em(28));
    const std::string reason =
        idea.decision && !idea.decision->reason.empty() ? " (" + idea.decision->reason + ")" : std::string();
    const std::string question =
        i18n::format(include ? i18n::tr("{0} is pinned as a pilot{1}. Delete it anyway?")
                             : i18n::tr("{0} is pinned out of the pilots{1}. Delete it anyway?"),
                     {quoted_title(idea.title), reason});
    ImGui::TextWrapped("%s", question.c_str());
    ImGui::PopTextWrapPos();
    const bool enter = pressed(ImGuiKey_Enter) || pressed(ImGuiKey_KeyPadEnter);
    if (colour_button(i18n::tr("Delete"), ctx.palette.danger, ctx.palette.danger_text) || enter) {
        delete_idea(ctx, idea);
        ImGui::CloseCurrentPopup();
    }
    ImGui::SameLine();
    if (ImGui::Button(i18n::tr("Keep it"))) ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
}

}  // namespace

// The capture field's title as a new idea (in the department filtered on); `select`: the new
// idea becomes the selected one (Enter; not when a stage change or quit saves it).
void IdeasPanel::save_new_idea(UiContext& ctx, bool select) {
    ctx.release_edit("new idea");
    const std::string title = trim(new_title_);
    if (title.empty()) return;
    core::Idea idea;
    idea.id = ctx.session.next_idea_id();
    idea.title = title;
    idea.department = ctx.state.department_filter;
    if (ctx.run(core::PutIdea{idea, std::nullopt})) {
        new_title_.clear();
        ++capture_generation_;
        if (select) ctx.state.selected_idea = idea.id;
        ctx.state.status = i18n::format(i18n::tr("Saved idea {0}"), {quoted_title(title)});
    }
}

void IdeasPanel::capture(UiContext& ctx) {
    ImGui::PushFont(ctx.fonts.large);
    ImGui::SetNextItemWidth(-1);
    ImGuiIO& io = ImGui::GetIO();
    if (!ctx.state.restore_title.empty()) {  // Ctrl+Z after Esc cleared the title: it comes back
        new_title_ = std::move(ctx.state.restore_title);
        ctx.state.restore_title.clear();
        ++capture_generation_;
    }
    if (ctx.state.focus_new_idea || refocus_) {
        ImGui::SetKeyboardFocusHere();
        focus_wait_frames_ = kFocusWaitFrames;
        ctx.state.focus_new_idea = false;
        refocus_ = false;
    }
    // Focus arrives a frame after it is asked for, and the frame the field becomes active it
    // drops the letters typed: keep them until the field has been active for a frame, and an
    // Enter typed after them waits for them (Ctrl+N, typing and Enter at once).
    const bool waiting = !was_active_ && focus_wait_frames_ > 0;
    bool flushed = false;
    if (waiting) {
        for (ImWchar c : io.InputQueueCharacters) typed_ahead_.push_back(c);
        io.InputQueueCharacters.resize(0);
    } else if (was_active_ && !typed_ahead_.empty()) {
        for (ImWchar c : io.InputQueueCharacters) typed_ahead_.push_back(c);
        io.InputQueueCharacters.swap(typed_ahead_);
        typed_ahead_.clear();
        flushed = true;
    }
    const bool enter_key = ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Enter), false) ||
                           ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_KeyPadEnter), false);
    ImGui::PushID(capture_generation_);
    // Esc clears a typed title (ImGui would too); Ctrl+Z puts it back (UiContext::restore_cleared_title).
    if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape), false) &&
        ImGui::GetActiveID() == ImGui::GetID("##new_idea") && !trim(new_title_).empty()) {
        ImGui::ClearActiveID();
        ctx.state.cleared_title = new_title_;
        ctx.state.cleared_at = ctx.session.revision();
        ctx.state.status = i18n::format(i18n::tr("Cleared {0}. Ctrl+Z brings it back."), {quoted_title(trim(new_title_))});
        new_title_.clear();
    }
    // The hint whole when it fits the field, else ending in "…" with the whole hint on hover.
    const std::string full_hint = i18n::tr("New idea \u2014 Enter saves");
    const std::string hint = ellipsised(full_hint, ImGui::GetContentRegionAvail().x - 2 * ImGui::GetStyle().FramePadding.x);
    bool enter = ImGui::InputTextWithHint("##new_idea", hint.c_str(), &new_title_, ImGuiInputTextFlags_EnterReturnsTrue);
    ImGui::PopID();
    ImGui::PopFont();
    if (hint != full_hint && new_title_.empty() && ImGui::IsItemHovered() && ctx.tooltips_allowed())
        ImGui::SetTooltip("%s", full_hint.c_str());
    // (Also an Enter typed while a title put back by Ctrl+Z waits for the focus.)
    if (waiting && (enter || enter_key) && (!typed_ahead_.empty() || !trim(new_title_).empty())) {
        enter_after_letters_ = true;
        refocus_ = enter;  // the field let go of focus on Enter
        enter = false;
    }
    if (enter_after_letters_ && (flushed || (was_active_ && typed_ahead_.empty()))) {
        enter_after_letters_ = false;
        ImGui::ClearActiveID();  // the widget's own copy of the text goes with it
        enter = true;
    }
    bool active = ImGui::IsItemActive();
    // Esc while the focus is on its way: the field does not take it.
    if (waiting && ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape), false)) {
        focus_wait_frames_ = 0;
        typed_ahead_.clear();
        enter_after_letters_ = false;
        cancel_focus_frames_ = kFocusWaitFrames;
    } else if (cancel_focus_frames_ > 0) {
        --cancel_focus_frames_;
    }
    if (active && cancel_focus_frames_ > 0) {
        ImGui::ClearActiveID();
        active = false;
        cancel_focus_frames_ = 0;
    }
    if (!active && focus_wait_frames_ > 0 && --focus_wait_frames_ == 0) {
        typed_ahead_.clear();
        enter_after_letters_ = false;
    }
    if (active) focus_wait_frames_ = 0;
    was_active_ = active && !enter;
    // An empty capture field has nothing to undo: Ctrl+Z there undoes the last edit (the idea just saved).
    if (active && new_title_.empty()) ctx.state.empty_field_active = true;
    // Letters typed while the field is on its way are text, not presenter keys.
    if (focus_wait_frames_ > 0 || !typed_ahead_.empty()) ctx.state.text_focus_pending = true;
    // A title typed and not yet entered is saved as an idea by whatever ends the typing.
    if (trim(new_title_).empty())
        ctx.release_edit("new idea");
    else
        ctx.hold_edit("new idea", [this, &ctx] { save_new_idea(ctx, false); });
    if (!enter) return;
    refocus_ = true;  // ready for the next one
    save_new_idea(ctx, true);
}

// "Merge into…" (button or M): a list of the other ideas; Up/Down and Enter (or a click) merge
// the selected idea into the chosen one, Esc closes. One undoable edit.
void IdeasPanel::merge(UiContext& ctx, const core::Idea& idea) {
    const auto& ideas = ctx.session.workshop().ideas;
    if (ideas.size() < 2) return;
    const bool m_key = keys_free(ctx) && !ImGui::IsPopupOpen("##merge") && ImGui::IsKeyPressed(GLFW_KEY_M, false);
    if (ImGui::Button(i18n::tr("Merge into\u2026 (M)")) || m_key) {
        ImGui::OpenPopup("##merge");
        merge_pick_ = 0;
    }
    if (!ImGui::BeginPopup("##merge")) return;
    std::vector<const core::Idea*> others;
    for (const auto& other : ideas)
        if (other.id != idea.id) others.push_back(&other);
    const int n = static_cast<int>(others.size());
    merge_pick_ = std::clamp(merge_pick_, 0, n - 1);
    if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_DownArrow))) merge_pick_ = (merge_pick_ + 1) % n;
    if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_UpArrow))) merge_pick_ = (merge_pick_ + n - 1) % n;
    ImGui::TextWrapped("%s", i18n::format(i18n::tr("Merge {0} into:"), {quoted_title(idea.title)}).c_str());
    muted(ctx, i18n::tr("Up / Down, Enter merges, Esc cancels. Scores the kept idea lacks come along."));
    const core::Idea* chosen = nullptr;
    for (int i = 0; i < n; ++i) {
        const bool picked = i == merge_pick_;
        if (ImGui::Selectable(((picked ? "\u25B6 " : "") + others[static_cast<std::size_t>(i)]->title + "##m" +
                               others[static_cast<std::size_t>(i)]->id).c_str(), picked))
            chosen = others[static_cast<std::size_t>(i)];
        if (picked) ImGui::SetScrollHereY();
    }
    if (pressed(ImGuiKey_Enter) || pressed(ImGuiKey_KeyPadEnter)) chosen = others[static_cast<std::size_t>(merge_pick_)];
    if (chosen) {
        const std::string kept = chosen->id, title = idea.title;
        if (ctx.run(core::merge_ideas(ctx.session.workshop(), idea, *chosen))) {
            ctx.state.selected_idea = kept;
            ctx.state.status = i18n::format(i18n::tr("Merged {0}. Ctrl+Z undoes it."), {quoted_title(title)});
        }
        ImGui::CloseCurrentPopup();
    }
    ImGui::EndPopup();
}

// The draft of the selected idea's details into the session, in the undo step of the field
// session it came from.
void IdeasPanel::commit_details(UiContext& ctx) {
    ctx.release_edit("idea details");
    const core::Idea& draft = details_.draft();
    const core::Idea* idea = ctx.session.find_idea(draft.id);
    if (idea && !trim(draft.title).empty() && draft != *idea) {  // an idea keeps a title
        // The undo label names the change: "Edit the department of “Invoices”".
        const std::string& what = details_.save_what();
        const std::string label =
            what.empty() ? i18n::format(i18n::tr("Edit {0}"), {quoted_title(idea->title)})
                         : i18n::format(i18n::tr("Edit the {0} of {1}"), {i18n::tr(what.c_str()), quoted_title(idea->title)});
        ctx.run(core::Batch{{core::PutIdea{draft, std::nullopt}}, label}, details_.save_key());
        details_.saved(ctx.session.revision());
    }
    details_.committed();
}

// The owner field (owner_field.hpp): a participant picked or the owner cleared is a step of its
// own; a name typed and not taken yet is held, so a stage change or quit takes it.
void IdeasPanel::owner(UiContext& ctx) {
    const OwnerChoice c = owner_.draw(ctx, details_.draft().owner);
    const auto apply = [this](const OwnerChoice& choice) {
        details_.draft().owner = choice.kind == OwnerChoice::Kind::Pick ? choice.value : std::string();
        details_.picked(N_("owner"));
    };
    if (c.held) {
        ctx.hold_edit("idea owner", [this, &ctx, c, apply] {
            apply(c);
            commit_details(ctx);
        });
        return;
    }
    ctx.release_edit("idea owner");
    if (c.kind == OwnerChoice::Kind::Pick || c.kind == OwnerChoice::Kind::Clear) apply(c);
    if (c.kind == OwnerChoice::Kind::Add) add_owner(ctx, c.value);
}

// A name nobody in the workshop has, taken as the owner: the participant is added and made the
// owner in one undoable step.
void IdeasPanel::add_owner(UiContext& ctx, const std::string& name) {
    ctx.release_edit("idea details");
    core::Participant p;
    p.id = ctx.session.next_participant_id();
    p.name = name;
    core::Idea idea = details_.draft();
    idea.owner = p.id;
    const std::string label =
        i18n::format(i18n::tr("Add {0} as the owner of {1}"), {quoted_title(name), quoted_title(idea.title)});
    if (ctx.run(core::Batch{{core::PutParticipant{p, std::nullopt}, core::PutIdea{idea, std::nullopt}}, label})) {
        details_.draft().owner = p.id;
        details_.saved(ctx.session.revision());
        ctx.state.status = label;
    }
    details_.committed();
}

void IdeasPanel::details(UiContext& ctx) {
    const core::Idea* idea = ctx.session.find_idea(ctx.state.selected_idea);
    if (!idea) {
        muted(ctx, i18n::tr("Pick an idea (Up / Down, or a click) to see and edit its details."));
        return;
    }
    details_.refresh(*idea, ctx.session.revision(), details_.draft().id != idea->id);
    ImGui::PushID(details_.generation());
    core::Idea& d = details_.draft();
    // The saves of one field session are one undo step (their key names the idea, the field and
    // that focus); the owner picked is a step of its own.
    if (edit_details_) {  // Enter on the selected idea: the keyboard goes to its title (Tab walks on)
        ImGui::SetKeyboardFocusHere();
        ctx.state.wake_at = ImGui::GetTime();  // the next frame now (it takes the focus), not at the next key
        edit_details_ = false;
    }
    details_.field(i18n::tr("Title"), "##title", d.title, 1, d.id, N_("title"));
    details_.field(i18n::tr("Problem"), "##problem", d.problem, 3, d.id, N_("problem"));
    details_.field(i18n::tr("Proposed AI solution"), "##solution", d.solution, 3, d.id, N_("proposed solution"));
    details_.field(i18n::tr("Department"), "##department", d.department, 1, d.id, N_("department"));
    owner(ctx);
    details_.field(i18n::tr("Success criteria"), "##success", d.success_criteria, 2, d.id, N_("success criteria"));
    details_.finish(ctx, "idea details", [this, &ctx] { commit_details(ctx); });
    ImGui::PopID();

    ImGui::Spacing();
    screening_button(ctx, idea->id);
    ImGui::SameLine();
    merge(ctx, *idea);
    ImGui::SameLine();
    const bool delete_key = keys_free(ctx) && !ImGui::IsPopupOpen(nullptr, ImGuiPopupFlags_AnyPopupId) &&
                            ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Delete), false);
    if (colour_button(i18n::tr("Delete idea"), ctx.palette.danger, ctx.palette.danger_text) || delete_key) {
        if (idea->decision)
            ImGui::OpenPopup("##confirm_delete");  // a pinned idea: a decision the room made, asked first
        else
            delete_idea(ctx, *idea);
    }
    confirm_delete(ctx, *idea);
}

void draw_ideas(UiContext& ctx) {
    if (!draw_screening_if_open(ctx)) ctx.panels().ideas.draw(ctx);
}

void IdeasPanel::draw(UiContext& ctx) {
    const ImVec2 avail = ImGui::GetContentRegionAvail();
    const float list_w = std::max(std::min(avail.x * kListShare, avail.x - em(kMinDetailsEm)), avail.x * kMinListShare);
    // Enter, while no field is typed in: edit the selected idea's fields by keyboard.
    if (keys_free(ctx) && !ImGui::IsPopupOpen(nullptr, ImGuiPopupFlags_AnyPopupId) && new_title_.empty() &&
        (pressed(ImGuiKey_Enter) || pressed(ImGuiKey_KeyPadEnter)) && ctx.session.find_idea(ctx.state.selected_idea))
        edit_details_ = true;
    ImGui::BeginChild("##idea_list", ImVec2(list_w, avail.y), false);
    capture(ctx);
    filter_combo(ctx);
    const auto n_ideas = static_cast<unsigned long>(ctx.session.workshop().ideas.size());
    heading(ctx, i18n::format(i18n::ntr("{0} idea", "{0} ideas", n_ideas), {std::to_string(n_ideas)}));
    ImGui::BeginChild("##ideas_scroll", ImVec2(0, 0), false);
    idea_list(ctx);
    ImGui::EndChild();
    ImGui::EndChild();
    ImGui::SameLine(0, em(1));
    ImGui::BeginChild("##idea_details", ImVec2(0, avail.y), false);
    details(ctx);
    ImGui::EndChild();
}

}  // namespace pilotdeck::ui
