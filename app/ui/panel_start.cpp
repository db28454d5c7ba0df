#include "base/dates.hpp"
#include "base/i18n.hpp"
#include "ui/panel_start.hpp"

#include <cctype>
#include <ctime>
#include <filesystem>

#include <imgui.h>
#include <imgui_stdlib.h>

#include "core/session.hpp"
#include "core/text.hpp"
#include "platform/paths.hpp"
#include "ui/widgets.hpp"

namespace pilotdeck::ui {

namespace {

using core::trim;

constexpr float kColumnGapEm = 2.0f;

// Latin letters with accents, as UTF-8, and their plain spelling in a file name.
struct Fold { const char* utf8; const char* plain; };
constexpr Fold kFolds[] = {{"ä", "ae"}, {"ö", "oe"}, {"ü", "ue"}, {"ß", "ss"}, {"Ä", "ae"}, {"Ö", "oe"},
                           {"Ü", "ue"}, {"é", "e"},  {"è", "e"},  {"ë", "e"},  {"ê", "e"},  {"á", "a"},
                           {"à", "a"},  {"â", "a"},  {"ï", "i"},  {"í", "i"},  {"ó", "o"},  {"ô", "o"},
                           {"ú", "u"},  {"ç", "c"},  {"ñ", "n"},  {"É", "e"},  {"ø", "o"},  {"å", "a"}};

std::string today() { return base::today_iso(); }

std::string default_path(const std::string& title) {
    const std::string slug = slugify(title);
    return platform::documents_dir() + "/" + (slug.empty() ? "workshop" : slug) + ".pilotdeck";
}

using Field = StartForm::Field;

// A labelled one-line field; takes the keyboard focus when the form asks for it. Returns true
// when Enter was pressed in it.
bool field(StartForm& f, Field which, const char* label, const char* id, std::string& value,
           ImGuiInputTextFlags flags = 0, ImGuiInputTextCallback callback = nullptr, void* user = nullptr) {
    ImGui::TextWrapped("%s", label);
    ImGui::SetNextItemWidth(-1);
    if (f.focus == which) {
        ImGui::SetKeyboardFocusHere();
        f.focus = Field::None;
    }
    return ImGui::InputText(id, &value, flags | ImGuiInputTextFlags_EnterReturnsTrue, callback, user);
}

// Up and Down in a field step through a list and put the item in the field: the templates,
// the recent workshops. *index is -1 while none is picked.
struct Stepper {
    int* index;
    std::vector<std::string> items;
};

int step_through(ImGuiInputTextCallbackData* data) {
    auto& st = *static_cast<Stepper*>(data->UserData);
    const int n = static_cast<int>(st.items.size());
    if (n == 0) return 0;
    int& i = *st.index;
    if (i >= n) i = -1;  // the list changed meanwhile
    if (data->EventKey == ImGuiKey_DownArrow) i = i + 1 >= n ? 0 : i + 1;
    if (data->EventKey == ImGuiKey_UpArrow) i = i <= 0 ? n - 1 : i - 1;
    data->DeleteChars(0, data->BufTextLen);
    data->InsertChars(0, st.items[static_cast<std::size_t>(i)].c_str());
    return 0;
}

// The template field takes no typing: Up / Down choose, and the text is always the name.
int template_callback(ImGuiInputTextCallbackData* data) {
    if (data->EventFlag == ImGuiInputTextFlags_CallbackCharFilter) return 1;  // typed letters are dropped
    auto& st = *static_cast<Stepper*>(data->UserData);
    if (data->EventFlag == ImGuiInputTextFlags_CallbackHistory) return step_through(data);
    // Anything else (Backspace, Delete, cut) put back; through the callback, so the field's own copy agrees.
    const std::string& name = st.items[static_cast<std::size_t>(*st.index)];
    if (name != data->Buf) {
        data->DeleteChars(0, data->BufTextLen);
        data->InsertChars(0, name.c_str());
    }
    return 0;
}

// The template: a field in the Tab order (Shift+Tab from the title; Up / Down choose), and a
// list for the mouse beside it.
void template_field(StartForm& f, const std::vector<const documents::TemplateEntry*>& valid) {
    Stepper names{&f.template_index, {}};
    for (const auto* t : valid) names.items.push_back(t->tmpl->name);
    std::string shown = names.items[static_cast<std::size_t>(f.template_index)];
    const float pick_w = ImGui::GetFrameHeight();
    ImGui::TextWrapped("%s", i18n::tr("Template (Up / Down)"));
    ImGui::SetNextItemWidth(-pick_w - ImGui::GetStyle().ItemInnerSpacing.x);
    if (f.focus == Field::Template) {
        ImGui::SetKeyboardFocusHere();
        f.focus = Field::None;
    }
    ImGui::InputText("##template", &shown,
                     ImGuiInputTextFlags_CallbackHistory | ImGuiInputTextFlags_CallbackAlways |
                         ImGuiInputTextFlags_CallbackCharFilter,
                     template_callback, &names);
    ImGui::SameLine(0, ImGui::GetStyle().ItemInnerSpacing.x);
    if (ImGui::BeginCombo("##template_list", nullptr, ImGuiComboFlags_NoPreview | ImGuiComboFlags_PopupAlignLeft)) {
        for (std::size_t i = 0; i < valid.size(); ++i)
            if (ImGui::Selectable((valid[i]->tmpl->name + "##" + valid[i]->tmpl->id).c_str(),
                                  static_cast<int>(i) == f.template_index))
                f.template_index = static_cast<int>(i);
        ImGui::EndCombo();
    }
}

std::optional<StartAction> create_column(StartForm& f, const Fonts& fonts,
                                         const std::vector<documents::TemplateEntry>& templates) {
    ImGui::PushFont(fonts.large);
    ImGui::TextUnformatted(i18n::tr("New workshop"));
    ImGui::PopFont();
    std::vector<const documents::TemplateEntry*> valid;
    for (const auto& t : templates)
        if (t.tmpl) valid.push_back(&t);
    if (valid.empty()) {
        ImGui::TextWrapped("%s", i18n::tr("No workshop templates were found."));
        return std::nullopt;
    }
    if (f.template_index < 0 || f.template_index >= static_cast<int>(valid.size())) f.template_index = 0;
    template_field(f, valid);
    const core::Template& chosen = *valid[static_cast<std::size_t>(f.template_index)]->tmpl;
    ImGui::TextWrapped("%s", chosen.description.c_str());
    if (f.date.empty()) f.date = today();
    Field entered = Field::None;
    if (field(f, Field::Title, i18n::tr("Title"), "##new_title", f.title)) entered = Field::Title;
    if (field(f, Field::Organisation, i18n::tr("Organisation"), "##new_org", f.organisation)) entered = Field::Organisation;
    if (field(f, Field::Date, i18n::tr("Date (YYYY-MM-DD)"), "##new_date", f.date)) entered = Field::Date;
    if (field(f, Field::Facilitator, i18n::tr("Facilitator"), "##new_facilitator", f.facilitator)) entered = Field::Facilitator;
    if (!f.path_edited && f.path != default_path(f.title)) {
        f.path = default_path(f.title);  // follows the title until edited
        ++f.path_generation;
    }
    ImGui::PushID(f.path_generation);
    const std::string before = f.path;
    if (field(f, Field::Path, i18n::tr("Save as"), "##new_path", f.path)) entered = Field::Path;
    if (f.path != before) f.path_edited = true;
    ImGui::PopID();
    // A follow-up meeting (a pilot review, a pulse-check) starts from the earlier workshop's file.
    if (field(f, Field::FollowUp, i18n::tr("Follow-up of (an earlier workshop file, optional)"), "##new_follow_up", f.follow_up))
        entered = Field::FollowUp;
    const bool create = ImGui::Button(i18n::tr("Create workshop")) || entered != Field::None;
    ImGui::SameLine();
    ImGui::TextDisabled("%s", i18n::tr("Enter in any field"));
    if (!create) return std::nullopt;
    if (trim(f.title).empty()) {
        f.message = i18n::tr("A new workshop needs a title.");
        f.focus = Field::Title;
        return std::nullopt;
    }
    StartAction a;
    a.kind = StartAction::Kind::Create;
    a.path = f.path;
    a.workshop = core::workshop_from_template(chosen, trim(f.title));
    a.workshop.info.organisation = trim(f.organisation);
    a.workshop.info.date = trim(f.date);
    a.workshop.info.facilitator = trim(f.facilitator);
    a.follow_up_of = trim(f.follow_up);
    if (!a.follow_up_of.empty()) a.from_template = chosen;
    try {
        core::validate(a.workshop, core::SetInfo{a.workshop.info});  // e.g. a date that is no date
    } catch (const core::CommandError& e) {
        f.message = e.what();
        f.focus = entered == Field::None ? Field::Title : entered;
        return std::nullopt;
    }
    // Should creating fail (the file exists...), the field Enter came from takes the focus again.
    f.focus = entered == Field::None ? Field::Path : entered;
    return a;
}

std::optional<StartAction> open_column(StartForm& f, const Fonts& fonts, const std::vector<std::string>& recent) {
    ImGui::PushFont(fonts.large);
    ImGui::TextUnformatted(i18n::tr("Open a workshop"));
    ImGui::PopFont();
    Stepper history{&f.recent_index, recent};
    const bool enter = field(f, Field::OpenPath, i18n::tr("File (Up / Down: recent workshops)"), "##open_path", f.open_path,
                             ImGuiInputTextFlags_CallbackHistory, step_through, &history);
    if ((ImGui::Button(i18n::tr("Open")) || enter) && !trim(f.open_path).empty()) {
        f.focus = Field::OpenPath;  // again, should it fail
        return StartAction{StartAction::Kind::Open, trim(f.open_path), {}};
    }
    ImGui::Spacing();
    ImGui::PushFont(fonts.large);
    ImGui::TextUnformatted(i18n::tr("Recent"));
    ImGui::PopFont();
    if (recent.empty()) ImGui::TextUnformatted(i18n::tr("No recent workshops."));
    for (std::size_t i = 0; i < recent.size(); ++i) {
        const std::string& r = recent[i];
        const std::string name = std::filesystem::path(r).filename().string();
        if (ImGui::Selectable((name + "  \u2014 " + r).c_str(), static_cast<int>(i) == f.recent_index))
            return StartAction{StartAction::Kind::Open, r, {}};
    }
    return std::nullopt;
}

}  // namespace

std::string slugify(const std::string& title) {
    std::string out;
    bool dash = false;
    for (std::size_t i = 0; i < title.size();) {
        const unsigned char c = static_cast<unsigned char>(title[i]);
        std::string piece;
        std::size_t len = 1;
        if (std::isalnum(c) && c < 0x80) {
            piece = static_cast<char>(std::tolower(c));
        } else if (c >= 0x80) {
            len = (c >= 0xF0) ? 4 : (c >= 0xE0) ? 3 : (c >= 0xC0) ? 2 : 1;
            for (const auto& fold : kFolds)
                if (title.compare(i, len, fold.utf8) == 0) piece = fold.plain;
        }
        i += len;
        if (piece.empty()) {
            dash = !out.empty();
            continue;
        }
        if (dash) out += '-';
        dash = false;
        out += piece;
    }
    return out.substr(0, 80);
}

std::optional<StartAction> draw_start(StartForm& form, const Fonts& fonts, const Palette& palette,
                                      const std::vector<std::string>& recent,
                                      const std::vector<documents::TemplateEntry>& templates, bool can_go_back) {
    std::optional<StartAction> action;
    // Appearing (first frame, or back from a workshop): the title field takes the keyboard.
    if (ImGui::GetFrameCount() != form.last_frame + 1) {
        form.focus = StartForm::Field::Title;
        form.popup_was_open = false;
    }
    form.last_frame = ImGui::GetFrameCount();
    ImGui::PushFont(fonts.large);
    ImGui::TextUnformatted(i18n::tr("pilotdeck \u2014 AI use-case workshops"));
    ImGui::PopFont();
    if (can_go_back) {
        same_line_if_fits(button_width(i18n::tr("Back to the workshop (Esc)")));
        // Esc closes an open list or menu first (ImGui closes it before this frame is drawn).
        const bool esc = ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape), false) && !form.popup_was_open;
        if (ImGui::Button(i18n::tr("Back to the workshop (Esc)")) || esc)
            action = StartAction{StartAction::Kind::Back, {}, {}};
    }
    if (!form.message.empty()) {
        ImGui::PushStyleColor(ImGuiCol_Text, vec4(palette.danger));
        ImGui::TextWrapped("\u25A0 %s", form.message.c_str());
        ImGui::PopStyleColor();
    }
    ImGui::Spacing();
    // Both columns in one window (a table, not child windows), so Tab walks all the fields.
    ImGui::PushStyleVar(ImGuiStyleVar_CellPadding, ImVec2(ImGui::GetFontSize() * kColumnGapEm * 0.5f, 0));
    if (ImGui::BeginTable("##start_columns", 2, ImGuiTableFlags_SizingStretchSame)) {
        ImGui::TableNextRow();
        ImGui::TableSetColumnIndex(0);
        if (auto a = create_column(form, fonts, templates)) action = a;
        ImGui::TableSetColumnIndex(1);
        if (auto a = open_column(form, fonts, recent)) action = a;
        ImGui::EndTable();
    }
    ImGui::PopStyleVar();
    form.popup_was_open = ImGui::IsPopupOpen(nullptr, ImGuiPopupFlags_AnyPopupId);
    return action;
}

}  // namespace pilotdeck::ui
