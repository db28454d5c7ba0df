#include "ui/import_ideas_dialog.hpp"

#include <algorithm>
#include <exception>
#include <stdexcept>

#include <imgui.h>
#include <imgui_stdlib.h>

#include "base/i18n.hpp"
#include "portfolio/idea_source.hpp"
#include "ui/panel_set.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"

namespace pilotdeck::ui {
namespace {

constexpr const char* kPopupId = "###import_ideas";

std::string trimmed(const std::string& s) {
    const auto b = s.find_first_not_of(" \t\r\n");
    if (b == std::string::npos) return {};
    return s.substr(b, s.find_last_not_of(" \t\r\n") - b + 1);
}

// The field takes the focus with its text selected (ImGui's way): the cursor goes to the end
// instead, so typing adds the file name to the folder given.
int cursor_to_end(ImGuiInputTextCallbackData* data) {
    bool& pending = *static_cast<bool*>(data->UserData);
    if (pending) {
        data->CursorPos = data->SelectionStart = data->SelectionEnd = data->BufTextLen;
        pending = false;
    }
    return 0;
}

}  // namespace

void ImportIdeasDialog::open(const std::string& folder) {
    open_ = true;
    popup_pending_ = true;
    focus_ = true;
    message_.clear();
    if (path_.empty()) path_ = folder.empty() ? std::string() : folder + "/";
}

std::string ImportIdeasDialog::import(UiContext& ctx, const std::string& from, bool show_teams) {
    const std::string file = ctx.state.workshop_path;
    const core::Workshop source = portfolio::read_idea_source(file, from);
    const core::IdeaImport plan = portfolio::plan_idea_import(file, ctx.session.workshop(), source);
    // The teams stage shows them (before the import, so that Ctrl+Z undoes the import first).
    if (show_teams)
        if (const int teams = stage_of_kind(ctx.session, core::StageKind::Teams); teams >= 0) ctx.go_to_stage(teams);
    if (!plan.ideas.empty() && !ctx.run(core::import_command(plan))) {
        std::string why = ctx.state.error;
        ctx.state.error.clear();  // said in the prompt instead
        throw std::runtime_error(why);
    }
    std::string words = i18n::format(i18n::ntr("Imported {0} idea from {1} into {2}", "Imported {0} ideas from {1} into {2}",
                                               plural_n(plan.ideas.size())),
                                     {std::to_string(plan.ideas.size()), from, file});
    if (plan.skipped > 0)
        words += i18n::format(i18n::ntr(" ({0} was already there)", " ({0} were already there)", plural_n(plan.skipped)),
                              {std::to_string(plan.skipped)});
    return words + ".";
}

void ImportIdeasDialog::draw(UiContext& ctx) {
    if (!open_) return;
    ctx.state.text_dialog_open = true;  // letters are the path, not presenter keys
    const std::string title = std::string(i18n::tr("Import ideas from another workshop")) + kPopupId;
    if (popup_pending_) {
        ImGui::OpenPopup(title.c_str());
        popup_pending_ = false;
    }
    // As wide as a long path needs (within the screen); as high as what it says (an error grows it).
    const float width = std::min(em(40), ImGui::GetIO().DisplaySize.x * 0.9f);
    ImGui::SetNextWindowSizeConstraints(ImVec2(width, 0), ImVec2(width, ImGui::GetIO().DisplaySize.y * 0.9f));
    ImGui::SetNextWindowPos(ImVec2(ImGui::GetIO().DisplaySize.x * 0.5f, ImGui::GetIO().DisplaySize.y * 0.35f),
                            ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
    if (!ImGui::BeginPopupModal(title.c_str(), nullptr, ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_AlwaysAutoResize)) {
        open_ = false;  // closed from outside
        return;
    }
    ImGui::TextWrapped("%s", i18n::tr("The ideas of a use-case workshop become the challenges the teams pick from. "
                                      "Ideas already here (the same title) are left out; Ctrl+Z undoes the import."));
    ImGui::TextWrapped("%s", i18n::tr("Workshop file or workshop document (JSON)"));
    ImGui::SetNextItemWidth(-1);
    if (focus_) {
        ImGui::SetKeyboardFocusHere();
        focus_ = false;
        cursor_pending_ = true;
    }
    bool go = ImGui::InputText("##import_path", &path_,
                               ImGuiInputTextFlags_EnterReturnsTrue | ImGuiInputTextFlags_CallbackAlways, cursor_to_end,
                               &cursor_pending_);
    if (!message_.empty()) {
        ImGui::PushStyleColor(ImGuiCol_Text, vec4(ctx.palette.danger));
        ImGui::TextWrapped("\u25A0 %s", message_.c_str());
        ImGui::PopStyleColor();
    }
    go = ImGui::Button(i18n::tr("Import")) || go;
    ImGui::SameLine();
    const bool cancel = ImGui::Button(i18n::tr("Cancel")) || ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape), false);
    if (go && !trimmed(path_).empty()) {
        try {
            ctx.state.status = import(ctx, trimmed(path_), true);
            open_ = false;
            message_.clear();
        } catch (const std::exception& e) {
            message_ = e.what();
            focus_ = true;  // the path again, to correct it
        }
    } else if (cancel) {
        open_ = false;
    }
    if (!open_) ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
}

void draw_import_ideas(UiContext& ctx) { ctx.panels().import_ideas.draw(ctx); }

}  // namespace pilotdeck::ui
