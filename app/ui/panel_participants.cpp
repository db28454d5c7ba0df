// The participants side panel (F2): add and edit name, department and role at any stage.
// It is a panel for typing: the name field has the focus when it opens and again after each
// person is added, Enter in the name or department field adds (or saves), and while it is open
// letters are never presenter keys.
#include <array>
#include <string>

#include <imgui.h>
#include <imgui_stdlib.h>

#include "core/text.hpp"
#include "ui/panels.hpp"
#include "ui/widgets.hpp"

namespace pilotdeck::ui {

namespace {

constexpr std::array kRoles{core::Role::User, core::Role::Champion, core::Role::Decider, core::Role::Developer};
constexpr int kFocusWaitFrames = 5;

struct ParticipantsState {
    core::Participant form;  // being added (empty id) or edited
    int generation = 0;      // bumps when the form is replaced
    int drawn_frame = -2;    // the ImGui frame the panel was last drawn in (a gap: it has just opened)
    bool focus_name = false;
    int focus_wait_frames = 0;  // the name field was asked to take the focus and has not yet
    bool name_was_active = false;
    ImVector<ImWchar> typed_ahead;  // letters typed while the focus was on its way
    void load(const core::Participant& p) {
        form = p;
        ++generation;
    }
};

ParticipantsState& state() {
    static ParticipantsState s;
    return s;
}

void role_combo(core::Role& role) {
    ImGui::TextUnformatted("Role");
    ImGui::SetNextItemWidth(-1);
    const std::string current(core::to_string(role));
    if (!ImGui::BeginCombo("##role", current.c_str())) return;
    for (core::Role r : kRoles) {
        const std::string name(core::to_string(r));
        if (ImGui::Selectable(name.c_str(), r == role)) role = r;
    }
    ImGui::EndCombo();
}

// The form into the session: a new person, or the changes to one. The form then empties and
// the name field takes the focus for the next name.
void save_form(UiContext& ctx) {
    ParticipantsState& st = state();
    ctx.release_edit("participant");
    core::Participant p = st.form;
    p.name = core::trim(p.name);
    if (p.name.empty()) return;
    const core::Participant* stored = p.id.empty() ? nullptr : ctx.session.find_participant(p.id);
    if (stored && *stored == p) return;
    if (!stored) p.id = ctx.session.next_participant_id();
    if (ctx.run(core::PutParticipant{p, std::nullopt})) {
        st.load({});
        st.focus_name = true;
    }
}

// The name field. Focus asked for arrives a frame later, and the frame the field becomes active
// it drops the letters typed: they are kept aside until the field has been active for a frame.
bool name_field(UiContext& ctx, ParticipantsState& st) {
    ImGuiIO& io = ImGui::GetIO();
    const bool waiting = !st.name_was_active && st.focus_wait_frames > 0;
    if (waiting) {
        for (ImWchar c : io.InputQueueCharacters) st.typed_ahead.push_back(c);
        io.InputQueueCharacters.resize(0);
    } else if (st.name_was_active && !st.typed_ahead.empty()) {
        for (ImWchar c : io.InputQueueCharacters) st.typed_ahead.push_back(c);
        io.InputQueueCharacters.swap(st.typed_ahead);
        st.typed_ahead.clear();
    }
    if (st.focus_name) {
        ImGui::SetKeyboardFocusHere();
        st.focus_name = false;
        st.focus_wait_frames = kFocusWaitFrames;
    }
    ImGui::TextUnformatted("Name");
    ImGui::SetNextItemWidth(-1);
    const bool enter = ImGui::InputText("##p_name", &st.form.name, ImGuiInputTextFlags_EnterReturnsTrue);
    const bool active = ImGui::IsItemActive();
    if (!active && st.focus_wait_frames > 0 && --st.focus_wait_frames == 0) st.typed_ahead.clear();
    if (active) st.focus_wait_frames = 0;
    st.name_was_active = active && !enter;
    if (st.focus_wait_frames > 0 || !st.typed_ahead.empty()) ctx.state.text_focus_pending = true;
    if (active && st.form.name.empty()) ctx.state.empty_field_active = true;  // Ctrl+Z undoes the last edit
    return enter;
}

}  // namespace

void draw_participants(UiContext& ctx) {
    ParticipantsState& st = state();
    const int frame = ImGui::GetFrameCount();
    if (st.drawn_frame != frame - 1) st.focus_name = true;  // just opened: ready for a name
    st.drawn_frame = frame;
    ctx.state.text_dialog_open = true;
    core::Participant& f = st.form;
    const auto& people = ctx.session.workshop().participants;
    heading(ctx, "Participants (" + std::to_string(people.size()) + ")");
    muted(ctx, "F2 closes this panel");

    const bool editing = !f.id.empty() && ctx.session.find_participant(f.id);
    ImGui::TextUnformatted(editing ? "Edit participant" : "Add a participant");
    ImGui::PushID(st.generation);
    bool enter = name_field(ctx, st);
    ImGui::TextUnformatted("Department");
    ImGui::SetNextItemWidth(-1);
    enter |= ImGui::InputText("##p_department", &f.department, ImGuiInputTextFlags_EnterReturnsTrue);
    role_combo(f.role);
    ImGui::PopID();
    // A name typed and not yet added is added by whatever ends the typing (quit, F2, ...).
    const core::Participant* stored = editing ? ctx.session.find_participant(f.id) : nullptr;
    if (core::trim(f.name).empty() || (stored && *stored == f))
        ctx.release_edit("participant");
    else
        ctx.hold_edit("participant", [&ctx] { save_form(ctx); });
    if (ImGui::Button(editing ? "Save changes" : "Add") || enter) save_form(ctx);
    if (editing) {
        ImGui::SameLine();
        if (ImGui::Button("Cancel")) {
            ctx.release_edit("participant");
            st.load({});
        }
        ImGui::SameLine();
        if (colour_button("Remove", ctx.palette.danger, ctx.palette.danger_text) &&
            ctx.run(core::RemoveParticipant{f.id})) {
            ctx.release_edit("participant");
            st.load({});
        }
    }
    ImGui::Separator();
    ImGui::BeginChild("##people", ImVec2(0, 0), false);
    for (const auto& p : people) {
        std::string label = (p.id == f.id ? "\u25B6 " : "") + p.name;
        if (!p.department.empty()) label += " \u2014 " + p.department;
        label += " (" + std::string(core::to_string(p.role)) + ")##" + p.id;
        if (ImGui::Selectable(label.c_str(), p.id == f.id)) {
            ctx.commit_edits();
            st.load(p);
        }
    }
    if (people.empty()) muted(ctx, "Nobody yet. Names let ideas have owners and scores have raters.");
    ImGui::EndChild();
}

}  // namespace pilotdeck::ui
