#include "ui/panel_portfolio.hpp"

#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "base/i18n.hpp"
#include "core/portfolio.hpp"
#include "platform/paths.hpp"
#include "portfolio/sources.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"

namespace pilotdeck::ui {
void PortfolioView::read_folder() {
    namespace fs = std::filesystem;
    portfolio_.reset();
    error_.clear();
    std::vector<std::string> files;
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(folder_, ec)) {
        const std::string ext = entry.path().extension().string();
        if (entry.is_regular_file() && (ext == ".pilotdeck" || ext == ".json")) files.push_back(entry.path().string());
    }
    if (ec) {
        error_ = folder_ + ": " + ec.message();
        return;
    }
    std::sort(files.begin(), files.end());
    files_ = files.size();
    if (files.empty()) {
        error_ = i18n::format(i18n::tr("{0}: no workshop files (*.pilotdeck) or workshop documents (*.json) here"), {folder_});
        return;
    }
    try {
        portfolio_ = core::build_portfolio(portfolio::load_portfolio_sources(files));
    } catch (const std::exception& e) {
        error_ = e.what();
    }
}

namespace {

std::string percent(double share) { return std::to_string(static_cast<int>(std::lround(share * 100.0))) + " %"; }

// The worries' shares over the workshops, one line per worry, with a legend on the right.
void trend_chart(const Fonts& fonts, const Palette& pal, const core::Portfolio& p) {
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 size(ImGui::GetContentRegionAvail().x, em(15.0f));
    float legend_w = em(10.0f);  // as wide as the longest label with its share, at most 45 %
    for (const auto& w : p.worries) legend_w = std::max(legend_w, ImGui::CalcTextSize((w.label + " (100 %)").c_str()).x + em(3.5f));
    legend_w = std::min(legend_w, size.x * 0.45f);
    const ImVec2 p0 = ImGui::GetCursorScreenPos();
    const float left = p0.x + em(3.5f), right = p0.x + size.x - legend_w - em(1.5f);
    const float top = p0.y + em(0.8f), bottom = p0.y + size.y - em(2.2f);
    double hi = 0.5;
    for (const auto& w : p.worries)
        for (const auto& point : w.trend)
            if (point.share) hi = std::max(hi, *point.share);
    hi = std::ceil(hi * 4.0) / 4.0;
    const auto y_of = [&](double s) { return bottom - static_cast<float>(s / hi) * (bottom - top); };
    const std::size_t n = p.workshops.size();
    const auto x_of = [&](std::size_t w) {
        return n == 1 ? (left + right) * 0.5f : left + (right - left) * static_cast<float>(w) / static_cast<float>(n - 1);
    };
    ImGui::PushFont(fonts.body);
    for (double s = 0; s <= hi + 1e-9; s += 0.25) {
        dl->AddLine(ImVec2(left, y_of(s)), ImVec2(right, y_of(s)), u32(pal.grid), 1.0f);
        const std::string label = percent(s);
        dl->AddText(ImVec2(p0.x, y_of(s) - ImGui::GetTextLineHeight() * 0.5f), u32(pal.text_muted), label.c_str());
    }
    for (std::size_t w = 0; w < n; ++w) {
        const std::string& date = p.workshops[w].date;
        const ImVec2 ts = ImGui::CalcTextSize(date.c_str());
        if (n <= 8 || w == 0 || w + 1 == n || w % (n / 6 + 1) == 0)
            dl->AddText(ImVec2(std::clamp(x_of(w) - ts.x * 0.5f, p0.x, right), bottom + em(0.4f)), u32(pal.text_muted), date.c_str());
    }
    float legend_y = top;
    for (std::size_t i = 0; i < p.worries.size(); ++i) {
        const core::WorryTrend& worry = p.worries[i];
        const ImU32 colour = u32(pal.chart[(i + 1) % pal.chart.size()]);
        ImVec2 last;
        bool has_last = false;
        for (const auto& point : worry.trend) {
            if (!point.share) continue;
            const ImVec2 at(x_of(point.workshop), y_of(*point.share));
            if (has_last) dl->AddLine(last, at, colour, 4.0f);
            dl->AddCircleFilled(at, em(0.3f), colour);
            last = at;
            has_last = true;
        }
        dl->AddRectFilled(ImVec2(right + em(1.5f), legend_y + em(0.3f)), ImVec2(right + em(2.5f), legend_y + em(0.9f)), colour);
        const std::string label = worry.label + (has_last && !worry.trend.empty() && worry.trend.back().share
                                                     ? " (" + percent(*worry.trend.back().share) + ")"
                                                     : "");
        dl->PushClipRect(ImVec2(right + em(2.8f), p0.y), ImVec2(p0.x + size.x, p0.y + size.y), true);
        dl->AddText(ImVec2(right + em(2.8f), legend_y), u32(pal.text), label.c_str());
        dl->PopClipRect();
        legend_y += ImGui::GetTextLineHeightWithSpacing() * 1.2f;
    }
    ImGui::PopFont();
    ImGui::Dummy(size);
}

// Every pilot, each measure with a bar from baseline (0) to target (100 %).
void pilots_table(const Palette& pal, const core::Portfolio& p) {
    if (p.pilots.empty()) {
        ImGui::TextWrapped("%s", i18n::tr("No pilots yet: ideas become pilots on a workshop's shortlist and review stages."));
        return;
    }
    if (!ImGui::BeginTable("##pilots", 4, ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingStretchProp)) return;
    ImGui::TableSetupColumn(i18n::tr("Pilot"), ImGuiTableColumnFlags_WidthStretch, 3.0f);
    ImGui::TableSetupColumn(i18n::tr("Status"), ImGuiTableColumnFlags_WidthStretch, 1.0f);
    ImGui::TableSetupColumn(i18n::tr("Measure"), ImGuiTableColumnFlags_WidthStretch, 2.0f);
    ImGui::TableSetupColumn(i18n::tr("Progress"), ImGuiTableColumnFlags_WidthStretch, 3.0f);
    ImGui::TableHeadersRow();
    for (const core::PortfolioPilot& pilot : p.pilots) {
        const std::size_t rows = std::max<std::size_t>(1, pilot.measures.size());
        for (std::size_t r = 0; r < rows; ++r) {
            ImGui::TableNextRow();
            ImGui::TableSetColumnIndex(0);
            if (r == 0) ImGui::TextWrapped("%s (%s)", pilot.title.c_str(), p.workshops[pilot.workshop].date.c_str());
            ImGui::TableSetColumnIndex(1);
            if (r == 0) ImGui::TextWrapped("%s", status_name(pilot.status));
            ImGui::TableSetColumnIndex(2);
            if (pilot.measures.empty()) {
                ImGui::TextColored(vec4(pal.danger), "%s", i18n::tr("no measure"));
                continue;
            }
            const core::PortfolioMeasure& m = pilot.measures[r];
            ImGui::TextWrapped("%s", m.label.c_str());
            ImGui::TableSetColumnIndex(3);
            if (!m.progress) {
                ImGui::TextColored(vec4(pal.text_muted), "%s", i18n::tr("no values yet"));
                continue;
            }
            const float w = ImGui::GetContentRegionAvail().x - em(5.0f);
            const ImVec2 at = ImGui::GetCursorScreenPos();
            ImDrawList* dl = ImGui::GetWindowDrawList();
            const float h = ImGui::GetTextLineHeight();
            const float full = w / 1.2f;  // 100 % leaves room for going beyond the target
            dl->AddRectFilled(at, ImVec2(at.x + w, at.y + h), u32(pal.surface));
            const float filled = std::clamp(static_cast<float>(*m.progress), 0.0f, 1.2f) * full;
            dl->AddRectFilled(at, ImVec2(at.x + filled, at.y + h), u32(*m.progress >= 1.0 ? pal.success : pal.accent));
            dl->AddLine(ImVec2(at.x + full, at.y - 2), ImVec2(at.x + full, at.y + h + 2), u32(pal.text), 2.0f);
            ImGui::Dummy(ImVec2(w, h));
            ImGui::SameLine();
            ImGui::TextUnformatted(percent(*m.progress).c_str());
        }
    }
    ImGui::EndTable();
}

}  // namespace

void PortfolioView::open(const std::string& folder) {
    open_ = true;
    folder_ = folder;
    read_folder();
}

std::string portfolio_default_folder(const std::string& workshop_path) {
    if (!workshop_path.empty()) return std::filesystem::path(workshop_path).parent_path().string();
    return platform::documents_dir();
}

void PortfolioView::draw(const Fonts& fonts, const Palette& pal) {
    ImGui::PushFont(fonts.large);
    ImGui::TextUnformatted(i18n::tr("Portfolio"));
    ImGui::PopFont();
    ImGui::TextUnformatted(i18n::tr("Folder"));
    ImGui::SameLine();
    ImGui::SetNextItemWidth(em(36.0f));
    const bool enter = ImGui::InputText("##folder", &folder_, ImGuiInputTextFlags_EnterReturnsTrue);
    ImGui::SameLine();
    if (ImGui::Button(i18n::tr("Read")) || enter) read_folder();
    ImGui::SameLine();
    if (ImGui::Button(i18n::tr("Close (Esc)")) || (!ImGui::IsAnyItemActive() && ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape), false)))
        open_ = false;
    if (!error_.empty()) {
        ImGui::PushStyleColor(ImGuiCol_Text, vec4(pal.danger));
        ImGui::TextWrapped("%s", error_.c_str());
        ImGui::PopStyleColor();
        return;
    }
    if (!portfolio_) return;
    const core::Portfolio& p = *portfolio_;
    std::map<core::IdeaStatus, int> by_status;
    for (const auto& i : p.ideas) ++by_status[i.status];
    std::string summary = counted(p.workshops.size(), i18n::ntr("{0} workshop", "{0} workshops", plural_n(p.workshops.size())));
    if (!p.workshops.empty())
        summary += i18n::format(i18n::tr(", {0} to {1}"), {p.workshops.front().date, p.workshops.back().date});
    summary += "; " + counted(p.ideas.size(), i18n::ntr("{0} idea:", "{0} ideas:", plural_n(p.ideas.size())));
    for (const auto& [status, count] : by_status) summary += " " + std::to_string(count) + " " + status_name(status);
    ImGui::PushStyleColor(ImGuiCol_Text, vec4(pal.text_muted));
    ImGui::TextWrapped("%s", summary.c_str());
    ImGui::PopStyleColor();
    ImGui::Spacing();
    ImGui::PushFont(fonts.large);
    ImGui::TextWrapped("%s", i18n::tr("Worries over time (share of the room)"));
    ImGui::PopFont();
    trend_chart(fonts, pal, p);
    ImGui::Spacing();
    ImGui::PushFont(fonts.large);
    ImGui::TextWrapped("%s", i18n::tr("Pilots: progress from baseline to target"));
    ImGui::PopFont();
    pilots_table(pal, p);
}

}  // namespace pilotdeck::ui
