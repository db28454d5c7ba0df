// The agenda: the stepper across the top, and the current stage's title, goal and countdown.
#include <algorithm>
#include <filesystem>
#include <string>
#include <system_error>
#include <vector>

#include <imgui.h>
#include <imgui_internal.h>

#include "base/i18n.hpp"
#include "platform/paths.hpp"
#include "ui/panels.hpp"
#include "ui/widgets.hpp"

namespace pilotdeck::ui {

namespace {

constexpr float kStepHeightEm = 2.2f;
constexpr int kPulseSeconds = 10;  // after zero, the countdown blinks once a second this long
constexpr long long kOneMinute = 60;


// The current stage's label whole in `room`: on one line, else on two (split at the space that
// leaves the narrower wider line), else two lines drawn smaller. Never cut.
void fit_current(StepCell& cell, float room) {
    const float one = ImGui::CalcTextSize(cell.label.c_str()).x;
    if (one <= room) return;
    const std::string label = cell.label;
    float best = one;
    std::size_t best_at = std::string::npos;
    for (std::size_t at = label.find(' '); at != std::string::npos; at = label.find(' ', at + 1)) {
        const float w = std::max(ImGui::CalcTextSize(label.substr(0, at).c_str()).x,
                                 ImGui::CalcTextSize(label.substr(at + 1).c_str()).x);
        if (w < best) {
            best = w;
            best_at = at;
        }
    }
    if (best_at != std::string::npos) {
        cell.label = label.substr(0, best_at);
        cell.line2 = label.substr(best_at + 1);
    }
    if (best > room) cell.scale = std::max(room, 1.0f) / best;
}

}  // namespace

std::vector<StepCell> stepper_cells(const std::vector<core::Stage>& stages, int current, float total, float gap,
                                    float pad) {
    std::vector<StepCell> cells;
    const std::size_t n = stages.size();
    if (n == 0) return cells;
    const float spacing = gap * static_cast<float>(n - 1);
    const float equal = (total - spacing) / static_cast<float>(n);
    bool all_fit = true;
    for (std::size_t i = 0; i < n; ++i) {
        const int idx = static_cast<int>(i);
        const char* marker = idx == current ? "\u25B6 " : (idx < current ? "\u2713 " : "");
        cells.push_back({std::string(marker) + std::to_string(i + 1) + ". " + stages[i].title, equal, true});
        all_fit &= ImGui::CalcTextSize(cells.back().label.c_str()).x + 2 * pad <= equal;
    }
    if (all_fit || n == 1) return cells;
    // Too narrow for every title: the current stage whole, the others by their number.
    float others_w = 0;
    for (std::size_t i = 0; i < n; ++i) {
        if (static_cast<int>(i) == current) continue;
        const int idx = static_cast<int>(i);
        cells[i].label = std::string(idx < current ? "\u2713 " : "") + std::to_string(i + 1);
        cells[i].whole = false;
        others_w = std::max(others_w, ImGui::CalcTextSize(cells[i].label.c_str()).x + 2 * pad);
    }
    const bool has_current = current >= 0 && current < static_cast<int>(n);
    const std::size_t others = has_current ? n - 1 : n;
    float current_w = 0;
    if (has_current) {
        StepCell& cur = cells[static_cast<std::size_t>(current)];
        // (+2: a label exactly as wide as its room is ellipsised by rounding)
        current_w = std::min(ImGui::CalcTextSize(cur.label.c_str()).x + 2 * pad + 2,
                             total - spacing - others_w * static_cast<float>(others));
        current_w = std::max(current_w, equal);
        cur.width = current_w;
        fit_current(cur, current_w - 2 * pad - 2);
    }
    const float rest = (total - spacing - current_w) / static_cast<float>(others);
    for (std::size_t i = 0; i < n; ++i)
        if (static_cast<int>(i) != current) cells[i].width = rest;
    return cells;
}

void draw_stepper(UiContext& ctx) {
    const auto& stages = ctx.session.workshop().stages;
    if (stages.empty()) return;
    const int current = ctx.session.current_stage();
    const float gap = em(0.25f);
    const float total = ImGui::GetContentRegionAvail().x;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float pad = em(0.4f);
    const std::vector<StepCell> cells = stepper_cells(stages, current, total, gap, pad);
    const bool two_lines = std::any_of(cells.begin(), cells.end(), [](const StepCell& c) { return !c.line2.empty(); });
    const float h = em(kStepHeightEm) + (two_lines ? ImGui::GetTextLineHeight() : 0.0f);
    for (std::size_t i = 0; i < stages.size(); ++i) {
        if (i > 0) ImGui::SameLine(0, gap);
        ImGui::PushID(static_cast<int>(i));
        const float cell = cells[i].width;
        const ImVec2 p0 = ImGui::GetCursorScreenPos();
        if (ImGui::InvisibleButton("##step", ImVec2(cell, h)) && static_cast<int>(i) != current)
            ctx.go_to_stage(static_cast<int>(i));
        const bool hovered = ImGui::IsItemHovered();
        const ImVec2 p1(p0.x + cell, p0.y + h);
        const bool is_current = static_cast<int>(i) == current;
        const Rgba& fill = is_current ? ctx.palette.accent : ctx.palette.surface;
        const Rgba& text = is_current ? ctx.palette.accent_text : ctx.palette.text;
        dl->AddRectFilled(p0, p1, u32(fill), em(0.3f));
        dl->AddRect(p0, p1, u32(is_current || hovered ? ctx.palette.accent : ctx.palette.grid), em(0.3f), 0,
                    is_current ? em(0.15f) : 1.0f);
        const std::string& label = cells[i].label;
        const float line_h = ImGui::GetTextLineHeight() * cells[i].scale;
        const float lines = cells[i].line2.empty() ? 1.0f : 2.0f;
        const float text_y = p0.y + (h - line_h * lines) * 0.5f;
        if (cells[i].scale < 1 || !cells[i].line2.empty()) {  // the current stage, whole on two lines or smaller
            const float size = ImGui::GetFontSize() * cells[i].scale;
            dl->AddText(ImGui::GetFont(), size, ImVec2(p0.x + pad, text_y), u32(text), label.c_str());
            if (!cells[i].line2.empty())
                dl->AddText(ImGui::GetFont(), size, ImVec2(p0.x + pad, text_y + line_h), u32(text),
                            cells[i].line2.c_str());
        } else {
            // A number alone stands in the middle of its cell.
            const float text_w = ImGui::CalcTextSize(label.c_str()).x;
            const float text_x = cells[i].whole ? p0.x + pad : p0.x + std::max(pad, (cell - text_w) * 0.5f);
            ImGui::PushStyleColor(ImGuiCol_Text, vec4(text));
            ImGui::RenderTextEllipsis(dl, ImVec2(text_x, text_y), ImVec2(p1.x - pad, p1.y), p1.x - pad, p1.x - pad,
                                      label.c_str(), nullptr, nullptr);
            ImGui::PopStyleColor();
        }
        if (hovered && ctx.tooltips_allowed())
            ImGui::SetTooltip("%s", i18n::format(i18n::tr("{0}. {1} ({2} min)"),
                                                  {std::to_string(i + 1), stages[i].title, std::to_string(stages[i].minutes)})
                                         .c_str());
        ImGui::PopID();
    }
}

std::string demo_workshop_path() { return platform::data_dir() + "/demo.pilotdeck"; }

void draw_demo_note(UiContext& ctx) {
    if (ctx.state.workshop_path.empty()) return;
    std::error_code ec;
    if (!std::filesystem::equivalent(ctx.state.workshop_path, demo_workshop_path(), ec) || ec) return;
    ImGui::PushStyleColor(ImGuiCol_Text, vec4(ctx.palette.accent));
    ImGui::TextWrapped("%s", i18n::tr("This is the demo workshop: try anything here. Ctrl+O (File \u2192 New or open "
                                      "workshop) starts your own."));
    ImGui::PopStyleColor();
}

void draw_stage_header(UiContext& ctx, core::Countdown& countdown) {
    const auto& stages = ctx.session.workshop().stages;
    const int current = ctx.session.current_stage();
    if (current < 0 || current >= static_cast<int>(stages.size())) return;
    const core::Stage& st = stages[static_cast<std::size_t>(current)];

    ImGui::PushFont(ctx.fonts.huge);
    const ImVec2 digits = ImGui::CalcTextSize("+00:00");
    ImGui::PopFont();
    const float timer_w = digits.x + em(2.0f);

    if (!ImGui::BeginTable("##stage_header", 2, ImGuiTableFlags_SizingStretchProp)) return;
    ImGui::TableSetupColumn("stage", ImGuiTableColumnFlags_WidthStretch);
    ImGui::TableSetupColumn("timer", ImGuiTableColumnFlags_WidthFixed, timer_w);
    ImGui::TableNextRow();
    ImGui::TableSetColumnIndex(0);
    heading(ctx, st.title);
    ImGui::TextWrapped("%s", st.goal.c_str());
    const auto minutes = static_cast<unsigned long>(std::max(st.minutes, 0));
    muted(ctx, i18n::format(i18n::tr("Stage {0} of {1} \u2014 {2}"),
                            {std::to_string(current + 1), std::to_string(stages.size()),
                             i18n::format(i18n::ntr("{0} minute", "{0} minutes", minutes), {std::to_string(minutes)})}));

    ImGui::TableSetColumnIndex(1);
    const core::TimerPhase phase = countdown.phase();
    const long long left = countdown.remaining_seconds();
    const bool over = phase == core::TimerPhase::Over;
    const bool pulse_off = over && -left <= kPulseSeconds && (-left) % 2 == 1;
    const Rgba* fill = nullptr;
    const Rgba* text = &ctx.palette.text;
    if (phase == core::TimerPhase::Warning) {
        fill = &ctx.palette.warning;
        text = &ctx.palette.warning_text;
    } else if (over && !pulse_off) {
        fill = &ctx.palette.danger;
        text = &ctx.palette.danger_text;
    } else if (over) {
        text = &ctx.palette.danger;
    }
    const ImVec2 p0 = ImGui::GetCursorScreenPos();
    const ImVec2 box(timer_w, digits.y + em(0.4f));
    ImDrawList* dl = ImGui::GetWindowDrawList();
    if (fill) dl->AddRectFilled(p0, ImVec2(p0.x + box.x, p0.y + box.y), u32(*fill), em(0.4f));
    if (over) dl->AddRect(p0, ImVec2(p0.x + box.x, p0.y + box.y), u32(ctx.palette.danger), em(0.4f), 0, em(0.25f));
    const std::string t = countdown.text();
    ImGui::PushFont(ctx.fonts.huge);
    const ImVec2 ts = ImGui::CalcTextSize(t.c_str());
    dl->AddText(ImVec2(p0.x + (box.x - ts.x) * 0.5f, p0.y + (box.y - ts.y) * 0.5f), u32(*text), t.c_str());
    ImGui::LogText("%s", t.c_str());  // drawn by hand, so logged by hand ("Log to clipboard", tests)
    ImGui::PopFont();
    ImGui::Dummy(box);

    // The phase in words as well as colour.
    if (phase == core::TimerPhase::Warning)
        ImGui::TextUnformatted(i18n::tr("\u25B2 less than 2 minutes left"));
    else if (over)
        ImGui::TextColored(vec4(ctx.palette.danger), "%s", i18n::tr("\u25A0 over time"));
    else
        muted(ctx, countdown.running() ? i18n::tr("running") : i18n::tr("paused"));

    if (ImGui::Button(countdown.running() ? i18n::tr("Pause") : i18n::trc("countdown", "Start"))) countdown.running() ? countdown.pause() : countdown.start();
    ImGui::SameLine();
    if (ImGui::Button(i18n::tr("Reset"))) countdown.reset();
    ImGui::SameLine();
    if (ImGui::Button(i18n::tr("+1 min"))) countdown.add(std::chrono::seconds(kOneMinute));
    ImGui::EndTable();
}

}  // namespace pilotdeck::ui
