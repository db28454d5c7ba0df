// The participants side panel (F2): add and edit name, department and role at any stage.
// It is a panel for typing: the name field has the focus when it opens and again after each
// person is added, Enter in the name or department field adds (or saves), and while it is open
// letters are never presenter keys.
#include <array>
#include <string>

#include <imgui.h>
#include <imgui_stdlib.h>

#include "base/i18n.hpp"
#include "core/text.hpp"
#include "ui/panel_set.hpp"
#include "ui/panels.hpp"
#include "ui/widgets.hpp"

namespace pilotdeck::ui {

namespace {

constexpr std::array kRoles{core::Role::User, core::Role::Champion, core::Role::Decider, core::Role::Developer};
constexpr int kFocusWaitFrames = 5;

void role_combo(core::Role& role) {
    ImGui::TextUnformatted(i18n::tr("Role"));
    ImGui::SetNextItemWidth(-1);
    const std::string current(role_name(role));
    if (!ImGui::BeginCombo("##role", current.c_str())) return;
    for (core::Role r : kRoles) {
        const std::string name = std::string(role_name(r)) + "##" + std::string(core::to_string(r));
        if (ImGui::Selectable(name.c_str(), r == role)) role = r;
    }
    ImGui::EndCombo();
}

}  // namespace

// The form into the session: a new person, or the changes to one. The form then empties and
// the name field takes the focus for the next name.
void ParticipantsPanel::save_form(UiContext& ctx) {
    ctx.release_edit("participant");
    core::Participant p = form_;
    p.name = core::trim(p.name);
    if (p.name.empty()) return;
    const core::Participant* stored = p.id.empty() ? nullptr : ctx.session.find_participant(p.id);
    if (stored && *stored == p) return;
    if (!stored) p.id = ctx.session.next_participant_id();
    if (ctx.run(core::PutParticipant{p, std::nullopt})) {
        load({});
        focus_name_ = true;
    }
}

// The name field. Focus asked for arrives a frame later, and the frame the field becomes active
// it drops the letters typed: they are kept aside until the field has been active for a frame.
bool ParticipantsPanel::name_field(UiContext& ctx) {
    ImGuiIO& io = ImGui::GetIO();
    const bool waiting = !name_was_active_ && focus_wait_frames_ > 0;
    if (waiting) {
        for (ImWchar c : io.InputQueueCharacters) typed_ahead_.push_back(c);
        io.InputQueueCharacters.resize(0);
    } else if (name_was_active_ && !typed_ahead_.empty()) {
        for (ImWchar c : io.InputQueueCharacters) typed_ahead_.push_back(c);
        io.InputQueueCharacters.swap(typed_ahead_);
        typed_ahead_.clear();
    }
    if (focus_name_) {
        ImGui::SetKeyboardFocusHere();
        focus_name_ = false;
        focus_wait_frames_ = kFocusWaitFrames;
    }
    ImGui::TextUnformatted(i18n::tr("Name"));
    ImGui::SetNextItemWidth(-1);
    const bool enter = ImGui::InputText("##p_name", &form_.name, ImGuiInputTextFlags_EnterReturnsTrue);
    const bool active = ImGui::IsItemActive();
    if (!active && focus_wait_frames_ > 0 && --focus_wait_frames_ == 0) typed_ahead_.clear();
    if (active) focus_wait_frames_ = 0;
    name_was_active_ = active && !enter;
    if (focus_wait_frames_ > 0 || !typed_ahead_.empty()) ctx.state.text_focus_pending = true;
    if (active && form_.name.empty()) ctx.state.empty_field_active = true;  // Ctrl+Z undoes the last edit
    return enter;
}

void draw_participants(UiContext& ctx) { ctx.panels().participants.draw(ctx); }

void ParticipantsPanel::draw(UiContext& ctx) {
    const int frame = ImGui::GetFrameCount();
    if (drawn_frame_ != frame - 1) focus_name_ = true;  // just opened: ready for a name
    drawn_frame_ = frame;
    ctx.state.text_dialog_open = true;
    core::Participant& f = form_;
    const auto& people = ctx.session.workshop().participants;
    heading(ctx, i18n::format(i18n::tr("Participants ({0})"), {std::to_string(people.size())}));
    muted(ctx, i18n::tr("F2 closes this panel"));

    const bool editing = !f.id.empty() && ctx.session.find_participant(f.id);
    ImGui::TextUnformatted(editing ? i18n::tr("Edit participant") : i18n::tr("Add a participant"));
    ImGui::PushID(generation_);
    bool enter = name_field(ctx);
    ImGui::TextUnformatted(i18n::tr("Department"));
    ImGui::SetNextItemWidth(-1);
    enter |= ImGui::InputText("##p_department", &f.department, ImGuiInputTextFlags_EnterReturnsTrue);
    role_combo(f.role);
    ImGui::PopID();
    // A name typed and not yet added is added by whatever ends the typing (quit, F2, ...).
    const core::Participant* stored = editing ? ctx.session.find_participant(f.id) : nullptr;
    if (core::trim(f.name).empty() || (stored && *stored == f))
        ctx.release_edit("participant");
    else
        ctx.hold_edit("participant", [this, &ctx] { save_form(ctx); });
    if (ImGui::Button(editing ? i18n::tr("Save changes") : i18n::trc("participant", "Add")) || enter) save_form(ctx);
    if (editing) {
        ImGui::SameLine();
        if (ImGui::Button(i18n::tr("Cancel"))) {
            ctx.release_edit("participant");
            load({});
        }
        ImGui::SameLine();
        if (colour_button(i18n::tr("Remove"), ctx.palette.danger, ctx.palette.danger_text) &&
            ctx.run(core::RemoveParticipant{f.id})) {
            ctx.release_edit("participant");
            load({});
        }
    }
    ImGui::Separator();
    ImGui::BeginChild("##people", ImVec2(0, 0), false);
    for (const auto& p : people) {
        std::string label = (p.id == f.id ? "\u25B6 " : "") + p.name;
        if (!p.department.empty()) label += " \u2014 " + p.department;
        label += " (" + std::string(role_name(p.role)) + ")";
        // The row wraps in the narrow panel (German roles and departments run long), never cut.
        const float width = ImGui::GetContentRegionAvail().x;
        const float h = ImGui::CalcTextSize(label.c_str(), nullptr, false, width).y;
        const ImVec2 at = ImGui::GetCursorScreenPos();
        if (ImGui::Selectable(("##" + p.id).c_str(), p.id == f.id, 0, ImVec2(width, h))) {
            ctx.commit_edits();
            load(p);
        }
        ImGui::GetWindowDrawList()->AddText(ImGui::GetFont(), ImGui::GetFontSize(), at,
                                            ImGui::GetColorU32(ImGuiCol_Text), label.c_str(), nullptr, width);
        ImGui::LogText("%s\n", label.c_str());  // drawn by hand, so logged by hand (tests)
    }
    if (people.empty()) muted(ctx, i18n::tr("Nobody yet. Names let ideas have owners and scores have raters."));
    ImGui::EndChild();
}

}  // namespace pilotdeck::ui
