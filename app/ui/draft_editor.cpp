#include "ui/draft_editor.hpp"

#include <imgui_internal.h>

namespace pilotdeck::ui {

void FieldSessions::field(const char* label, const char* id, std::string& value, int lines, const std::string& record,
                          const char* what) {
    // Esc leaves the field keeping its text (ImGui would put back the text from when the field
    // took the focus: with saves already made, that would throw the typing away).
    const bool leave =
        ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape), false) && ImGui::GetActiveID() == ImGui::GetID(id);
    if (leave) ImGui::ClearActiveID();
    bool edited = false;
    const bool finished = edit_field(label, id, value, lines, &edited) || leave;
    if (ImGui::IsItemActivated()) focus_serial_[id] = ++focus_count_;
    if (edited || finished) {
        save_key_ = record + '\x1f' + id + '\x1f' + std::to_string(focus_serial_[id]);
        save_what_ = what;
    }
    changed_ |= edited;
    done_ |= finished;
}

void FieldSessions::picked(const char* what) {
    save_key_.clear();
    save_what_ = what;
    done_ = true;
}

void FieldSessions::finish(UiContext& ctx, const std::string& hold_key, const std::function<void()>& commit) {
    const bool changed = changed_;
    const bool done = done_ | pause_.due(ctx, changed);
    changed_ = done_ = false;
    if (done)
        commit();
    else if (changed)
        ctx.hold_edit(hold_key, commit);
}

void FieldSessions::committed() {
    pause_.committed();
    save_key_.clear();
    save_what_.clear();
}

}  // namespace pilotdeck::ui
