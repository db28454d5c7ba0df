#include "ui/panel_start.hpp"

#include <cctype>
#include <ctime>
#include <filesystem>

#include <imgui.h>
#include <imgui_stdlib.h>

#include "platform/paths.hpp"
#include "ui/widgets.hpp"

namespace pilotdeck::ui {

namespace {

constexpr float kColumnGapEm = 2.0f;
constexpr float kFieldShare = 0.5f;

// Latin letters with accents, as UTF-8, and their plain spelling in a file name.
struct Fold { const char* utf8; const char* plain; };
constexpr Fold kFolds[] = {{"ä", "ae"}, {"ö", "oe"}, {"ü", "ue"}, {"ß", "ss"}, {"Ä", "ae"}, {"Ö", "oe"},
                           {"Ü", "ue"}, {"é", "e"},  {"è", "e"},  {"ë", "e"},  {"ê", "e"},  {"á", "a"},
                           {"à", "a"},  {"â", "a"},  {"ï", "i"},  {"í", "i"},  {"ó", "o"},  {"ô", "o"},
                           {"ú", "u"},  {"ç", "c"},  {"ñ", "n"},  {"É", "e"},  {"ø", "o"},  {"å", "a"}};

std::string today() {
    const std::time_t t = std::time(nullptr);
    std::tm tm{};
    localtime_r(&t, &tm);
    char buf[16];
    std::strftime(buf, sizeof buf, "%Y-%m-%d", &tm);
    return buf;
}

std::string default_path(const std::string& title) {
    const std::string slug = slugify(title);
    return platform::documents_dir() + "/" + (slug.empty() ? "workshop" : slug) + ".pilotdeck";
}

std::optional<StartAction> create_column(StartForm& f, const Fonts& fonts,
                                         const std::vector<documents::TemplateEntry>& templates) {
    ImGui::PushFont(fonts.large);
    ImGui::TextUnformatted("New workshop");
    ImGui::PopFont();
    std::vector<const documents::TemplateEntry*> valid;
    for (const auto& t : templates)
        if (t.tmpl) valid.push_back(&t);
    if (valid.empty()) {
        ImGui::TextWrapped("No workshop templates were found.");
        return std::nullopt;
    }
    if (f.template_index >= static_cast<int>(valid.size())) f.template_index = 0;
    const core::Template& chosen = *valid[static_cast<std::size_t>(f.template_index)]->tmpl;
    ImGui::TextUnformatted("Template");
    ImGui::SetNextItemWidth(-1);
    if (ImGui::BeginCombo("##template", chosen.name.c_str())) {
        for (std::size_t i = 0; i < valid.size(); ++i)
            if (ImGui::Selectable((valid[i]->tmpl->name + "##" + valid[i]->tmpl->id).c_str(),
                                  static_cast<int>(i) == f.template_index))
                f.template_index = static_cast<int>(i);
        ImGui::EndCombo();
    }
    ImGui::TextWrapped("%s", chosen.description.c_str());
    if (f.date.empty()) f.date = today();
    edit_field("Title", "##new_title", f.title);
    edit_field("Organisation", "##new_org", f.organisation);
    edit_field("Date (YYYY-MM-DD)", "##new_date", f.date);
    edit_field("Facilitator", "##new_facilitator", f.facilitator);
    if (!f.path_edited && f.path != default_path(f.title)) {
        f.path = default_path(f.title);  // follows the title until edited
        ++f.path_generation;
    }
    ImGui::TextUnformatted("Save as");
    ImGui::SetNextItemWidth(-1);
    ImGui::PushID(f.path_generation);
    if (ImGui::InputText("##new_path", &f.path)) f.path_edited = true;
    ImGui::PopID();
    if (!ImGui::Button("Create workshop") || f.title.empty()) return std::nullopt;
    StartAction a;
    a.kind = StartAction::Kind::Create;
    a.path = f.path;
    a.workshop = core::workshop_from_template(chosen, f.title);
    a.workshop.info.organisation = f.organisation;
    a.workshop.info.date = f.date;
    a.workshop.info.facilitator = f.facilitator;
    return a;
}

std::optional<StartAction> open_column(StartForm& f, const Fonts& fonts, const std::vector<std::string>& recent) {
    ImGui::PushFont(fonts.large);
    ImGui::TextUnformatted("Open a workshop");
    ImGui::PopFont();
    ImGui::TextUnformatted("File");
    ImGui::SetNextItemWidth(-1);
    const bool enter = ImGui::InputTextWithHint("##open_path", "/path/to/workshop.pilotdeck", &f.open_path,
                                                ImGuiInputTextFlags_EnterReturnsTrue);
    if ((ImGui::Button("Open") || enter) && !f.open_path.empty())
        return StartAction{StartAction::Kind::Open, f.open_path, {}};
    ImGui::Spacing();
    ImGui::PushFont(fonts.large);
    ImGui::TextUnformatted("Recent");
    ImGui::PopFont();
    if (recent.empty()) ImGui::TextUnformatted("No recent workshops.");
    for (const auto& r : recent) {
        const std::string name = std::filesystem::path(r).filename().string();
        if (ImGui::Selectable((name + "  \u2014 " + r).c_str())) return StartAction{StartAction::Kind::Open, r, {}};
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
    ImGui::PushFont(fonts.large);
    ImGui::TextUnformatted("pilotdeck \u2014 AI use-case workshops");
    ImGui::PopFont();
    if (can_go_back) {
        ImGui::SameLine();
        if (ImGui::Button("Back to the workshop")) action = StartAction{StartAction::Kind::Back, {}, {}};
    }
    if (!form.message.empty()) {
        ImGui::PushStyleColor(ImGuiCol_Text, vec4(palette.danger));
        ImGui::TextWrapped("\u25A0 %s", form.message.c_str());
        ImGui::PopStyleColor();
    }
    ImGui::Spacing();
    const float avail = ImGui::GetContentRegionAvail().x;
    const float col = (avail - ImGui::GetFontSize() * kColumnGapEm) * kFieldShare;
    ImGui::BeginChild("##create", ImVec2(col, 0), false);
    if (auto a = create_column(form, fonts, templates)) action = a;
    ImGui::EndChild();
    ImGui::SameLine(0, ImGui::GetFontSize() * kColumnGapEm);
    ImGui::BeginChild("##open", ImVec2(0, 0), false);
    if (auto a = open_column(form, fonts, recent)) action = a;
    ImGui::EndChild();
    return action;
}

}  // namespace pilotdeck::ui
