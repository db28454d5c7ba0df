// The ideas stage: capture an idea in seconds, edit its details, filter by department,
// delete (undoable) and merge duplicates.
#include <algorithm>
#include <set>
#include <string>

#include <imgui.h>
#include <imgui_internal.h>
#include <imgui_stdlib.h>

#include "core/text.hpp"
#include "ui/panels.hpp"
#include "ui/widgets.hpp"

namespace pilotdeck::ui {

namespace {

constexpr float kListShare = 0.45f;
constexpr int kFocusWaitFrames = 5;

struct IdeasState {
    std::string new_title;
    bool refocus = false;
    core::Idea draft;             // the selected idea being edited
    std::uint64_t draft_revision = ~0ull;
    int draft_generation = 0;    // bumps when the draft is replaced from the session
    int capture_generation = 0;  // bumps when the capture field is emptied after a save
    TypingPause pause;
    ImVector<ImWchar> typed_ahead;  // typed while the field was asked to take focus
    int focus_wait_frames = 0;
    bool was_active = false;
    bool enter_after_letters = false;
    int cancel_focus_frames = 0;  // Esc came before the focus: drop it when it arrives
};

IdeasState& state() {
    static IdeasState s;
    return s;
}

using core::trim;

std::string quoted(const std::string& s) { return "\u201C" + s + "\u201D"; }

void capture(UiContext& ctx) {
    IdeasState& st = state();
    ImGui::PushFont(ctx.fonts.large);
    ImGui::SetNextItemWidth(-1);
    ImGuiIO& io = ImGui::GetIO();
    if (ctx.state.focus_new_idea || st.refocus) {
        ImGui::SetKeyboardFocusHere();
        st.focus_wait_frames = kFocusWaitFrames;
        ctx.state.focus_new_idea = false;
        st.refocus = false;
    }
    // Focus arrives a frame after it is asked for, and the frame the field becomes active it
    // drops the letters typed: keep them until the field has been active for a frame, and an
    // Enter typed after them waits for them (Ctrl+N, typing and Enter at once).
    const bool waiting = !st.was_active && st.focus_wait_frames > 0;
    bool flushed = false;
    if (waiting) {
        for (ImWchar c : io.InputQueueCharacters) st.typed_ahead.push_back(c);
        io.InputQueueCharacters.resize(0);
    } else if (st.was_active && !st.typed_ahead.empty()) {
        for (ImWchar c : io.InputQueueCharacters) st.typed_ahead.push_back(c);
        io.InputQueueCharacters.swap(st.typed_ahead);
        st.typed_ahead.clear();
        flushed = true;
    }
    const bool enter_key = ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Enter), false) ||
                           ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_KeyPadEnter), false);
    ImGui::PushID(st.capture_generation);
    bool enter = ImGui::InputTextWithHint("##new_idea", "New idea \u2014 Enter saves", &st.new_title,
                                          ImGuiInputTextFlags_EnterReturnsTrue);
    ImGui::PopID();
    ImGui::PopFont();
    if (waiting && (enter || enter_key) && !st.typed_ahead.empty()) {
        st.enter_after_letters = true;
        st.refocus = enter;  // the field let go of focus on Enter
        enter = false;
    }
    if (flushed && st.enter_after_letters) {
        st.enter_after_letters = false;
        ImGui::ClearActiveID();  // the widget's own copy of the text goes with it
        enter = true;
    }
    bool active = ImGui::IsItemActive();
    // Esc while the focus is on its way: the field does not take it.
    if (waiting && ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape), false)) {
        st.focus_wait_frames = 0;
        st.typed_ahead.clear();
        st.enter_after_letters = false;
        st.cancel_focus_frames = kFocusWaitFrames;
    } else if (st.cancel_focus_frames > 0) {
        --st.cancel_focus_frames;
    }
    if (active && st.cancel_focus_frames > 0) {
        ImGui::ClearActiveID();
        active = false;
        st.cancel_focus_frames = 0;
    }
    if (!active && st.focus_wait_frames > 0 && --st.focus_wait_frames == 0) {
        st.typed_ahead.clear();
        st.enter_after_letters = false;
    }
    if (active) st.focus_wait_frames = 0;
    st.was_active = active && !enter;
    // An empty capture field has nothing to undo: Ctrl+Z there undoes the last edit (the idea just saved).
    if (active && st.new_title.empty()) ctx.state.empty_field_active = true;
    // Letters typed while the field is on its way are text, not presenter keys.
    if (st.focus_wait_frames > 0 || !st.typed_ahead.empty()) ctx.state.text_focus_pending = true;
    if (!enter) return;
    const std::string title = trim(st.new_title);
    st.refocus = true;  // ready for the next one
    if (title.empty()) return;
    core::Idea idea;
    idea.id = ctx.session.next_idea_id();
    idea.title = title;
    idea.department = ctx.state.department_filter;
    if (ctx.run(core::PutIdea{idea, std::nullopt})) {
        st.new_title.clear();
        ++st.capture_generation;
        ctx.state.selected_idea = idea.id;
        ctx.state.status = "Saved idea " + quoted(title);
    }
}

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
    if (!ImGui::BeginCombo("##department_filter", f.empty() ? "All departments" : f.c_str())) return;
    if (ImGui::Selectable("All departments", f.empty())) ctx.state.department_filter.clear();
    for (const auto& d : departments(ctx.session.workshop()))
        if (ImGui::Selectable(d.c_str(), d == f)) ctx.state.department_filter = d;
    ImGui::EndCombo();
}

void idea_list(UiContext& ctx) {
    const auto& ideas = ctx.session.workshop().ideas;
    int shown = 0;
    for (const auto& idea : ideas) {
        if (!ctx.state.department_filter.empty() && idea.department != ctx.state.department_filter) continue;
        ++shown;
        const bool sel = idea.id == ctx.state.selected_idea;
        std::string label = (sel ? "\u25B6 " : "") + idea.title;
        if (!idea.department.empty()) label += "  \u2014 " + idea.department;
        label += "##" + idea.id;
        if (ImGui::Selectable(label.c_str(), sel)) ctx.state.selected_idea = idea.id;
    }
    if (shown == 0) muted(ctx, ideas.empty() ? "No ideas yet. Ctrl+N starts one." : "No ideas in this department.");
}

core::Command merge_command(const core::Session& s, const core::Idea& dropped, const core::Idea& kept) {
    core::Batch b;
    b.label = "Merge " + quoted(dropped.title) + " into " + quoted(kept.title);
    for (const auto& sc : s.workshop().scores) {
        if (sc.idea != dropped.id) continue;
        if (s.score(kept.id, sc.rater, sc.criterion)) continue;  // the kept idea's own score wins
        b.commands.push_back(core::SetScore{kept.id, sc.rater, sc.criterion, sc.value});
    }
    b.commands.push_back(core::RemoveIdea{dropped.id});
    return b;
}

void owner_combo(UiContext& ctx, core::Idea& d, bool& done) {
    const core::Participant* owner = ctx.session.find_participant(d.owner);
    ImGui::TextUnformatted("Owner");
    ImGui::SetNextItemWidth(-1);
    if (!ImGui::BeginCombo("##owner", owner ? owner->name.c_str() : "nobody yet")) return;
    if (ImGui::Selectable("nobody yet", d.owner.empty())) {
        d.owner.clear();
        done = true;
    }
    for (const auto& p : ctx.session.workshop().participants) {
        const std::string label = p.name + (p.department.empty() ? "" : " (" + p.department + ")") + "##" + p.id;
        if (ImGui::Selectable(label.c_str(), p.id == d.owner)) {
            d.owner = p.id;
            done = true;
        }
    }
    ImGui::EndCombo();
}

void details(UiContext& ctx) {
    IdeasState& st = state();
    const core::Idea* idea = ctx.session.find_idea(ctx.state.selected_idea);
    if (!idea) {
        muted(ctx, "Pick an idea to see and edit its details.");
        return;
    }
    if (st.draft.id != idea->id || (st.draft_revision != ctx.session.revision() && !ImGui::IsAnyItemActive())) {
        st.draft = *idea;
        st.draft_revision = ctx.session.revision();
        ++st.draft_generation;
    }
    ImGui::PushID(st.draft_generation);
    core::Idea& d = st.draft;
    bool done = false, changed = false;
    done |= edit_field("Title", "##title", d.title, 1, &changed);
    done |= edit_field("Problem", "##problem", d.problem, 3, &changed);
    done |= edit_field("Proposed AI solution", "##solution", d.solution, 3, &changed);
    done |= edit_field("Department", "##department", d.department, 1, &changed);
    owner_combo(ctx, d, done);
    done |= edit_field("Success criteria", "##success", d.success_criteria, 2, &changed);
    done |= st.pause.due(ctx, changed);
    if (done && !trim(d.title).empty() && d != *idea) {  // an idea keeps a title
        ctx.run(core::PutIdea{d, std::nullopt});
        st.draft_revision = ctx.session.revision();
    }
    if (done) st.pause.committed();
    ImGui::PopID();

    ImGui::Spacing();
    const auto& ideas = ctx.session.workshop().ideas;
    ImGui::SetNextItemWidth(em(16));
    if (ideas.size() > 1 && ImGui::BeginCombo("##merge", "Merge into\u2026")) {
        for (const auto& other : ideas) {
            if (other.id == idea->id) continue;
            if (ImGui::Selectable((other.title + "##m" + other.id).c_str())) {
                const std::string kept = other.id, title = idea->title;
                if (ctx.run(merge_command(ctx.session, *idea, other))) {
                    ctx.state.selected_idea = kept;
                    ctx.state.status = "Merged " + quoted(title) + ". Ctrl+Z undoes it.";
                }
                break;
            }
        }
        ImGui::EndCombo();
    }
    ImGui::SameLine();
    const bool delete_key = !ImGui::IsAnyItemActive() && !ctx.state.text_focus_pending &&
                            ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Delete), false);
    if (colour_button("Delete idea", ctx.palette.danger, ctx.palette.danger_text) || delete_key) {
        const std::string title = idea->title;
        if (ctx.run(core::RemoveIdea{idea->id})) {
            ctx.state.selected_idea.clear();
            ctx.state.status = "Deleted " + quoted(title) + ". Ctrl+Z brings it back.";
        }
    }
}

}  // namespace

void draw_ideas(UiContext& ctx) {
    const ImVec2 avail = ImGui::GetContentRegionAvail();
    const float list_w = avail.x * kListShare;
    ImGui::BeginChild("##idea_list", ImVec2(list_w, avail.y), false);
    capture(ctx);
    filter_combo(ctx);
    heading(ctx, std::to_string(ctx.session.workshop().ideas.size()) + " ideas");
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
