// The participants side panel (F2): add and edit name, department and role at any stage.
#include <array>
#include <string>

#include <imgui.h>
#include <imgui_stdlib.h>

#include "ui/panels.hpp"
#include "ui/widgets.hpp"

namespace pilotdeck::ui {

namespace {

constexpr std::array kRoles{core::Role::User, core::Role::Champion, core::Role::Decider, core::Role::Developer};

struct ParticipantsState {
    core::Participant form;  // being added (empty id) or edited
    int generation = 0;      // bumps when the form is replaced
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

}  // namespace

void draw_participants(UiContext& ctx) {
    ParticipantsState& st = state();
    core::Participant& f = st.form;
    const auto& people = ctx.session.workshop().participants;
    heading(ctx, "Participants (" + std::to_string(people.size()) + ")");
    muted(ctx, "F2 closes this panel");

    const bool editing = !f.id.empty() && ctx.session.find_participant(f.id);
    ImGui::TextUnformatted(editing ? "Edit participant" : "Add a participant");
    ImGui::PushID(st.generation);
    ImGui::TextUnformatted("Name");
    ImGui::SetNextItemWidth(-1);
    const bool enter = ImGui::InputText("##p_name", &f.name, ImGuiInputTextFlags_EnterReturnsTrue);
    ImGui::TextUnformatted("Department");
    ImGui::SetNextItemWidth(-1);
    ImGui::InputText("##p_department", &f.department);
    role_combo(f.role);
    ImGui::PopID();
    const bool save = ImGui::Button(editing ? "Save changes" : "Add") || enter;
    if (save && !f.name.empty()) {
        core::Participant p = f;
        if (!editing) p.id = ctx.session.next_participant_id();
        if (ctx.run(core::PutParticipant{p, std::nullopt})) st.load({});
    }
    if (editing) {
        ImGui::SameLine();
        if (ImGui::Button("Cancel")) st.load({});
        ImGui::SameLine();
        if (colour_button("Remove", ctx.palette.danger, ctx.palette.danger_text) &&
            ctx.run(core::RemoveParticipant{f.id}))
            st.load({});
    }
    ImGui::Separator();
    ImGui::BeginChild("##people", ImVec2(0, 0), false);
    for (const auto& p : people) {
        std::string label = (p.id == f.id ? "\u25B6 " : "") + p.name;
        if (!p.department.empty()) label += " \u2014 " + p.department;
        label += " (" + std::string(core::to_string(p.role)) + ")##" + p.id;
        if (ImGui::Selectable(label.c_str(), p.id == f.id)) st.load(p);
    }
    if (people.empty()) muted(ctx, "Nobody yet. Names let ideas have owners and scores have raters.");
    ImGui::EndChild();
}

}  // namespace pilotdeck::ui
