#include "ui/review_chart.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>
#include <vector>

#include "base/i18n.hpp"
#include "ui/theme.hpp"
#include "ui/score_display.hpp"
#include "ui/widgets.hpp"

namespace pilotdeck::ui {

std::string with_unit(double value, const std::string& unit) {
    const std::string n = fmt_limit(value);  // up to two decimals, in the language's way
    if (unit.empty()) return n;
    return n + (unit == "%" ? "" : " ") + unit;
}

void measure_chart(const UiContext& ctx, const core::Measure& m, ImVec2 size) {
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 p0 = ImGui::GetCursorScreenPos();
    const ImVec2 p1(p0.x + size.x, p0.y + size.y);
    const Palette& pal = ctx.palette;
    dl->AddRectFilled(p0, p1, u32(pal.surface));
    dl->AddRect(p0, p1, u32(pal.grid));

    // Values in date order (entered in any order); ties keep their entry order.
    std::vector<core::MeasureValue> values = m.values;
    std::stable_sort(values.begin(), values.end(), [](const auto& a, const auto& b) { return a.date < b.date; });
    double lo = std::min(m.baseline, m.target), hi = std::max(m.baseline, m.target);
    for (const auto& v : values) {
        lo = std::min(lo, v.value);
        hi = std::max(hi, v.value);
    }
    const double pad = (hi - lo) * 0.15;
    lo -= pad;
    hi += pad;
    // Room on the left for the baseline and target labels: the wider of the two ("Ausgangswert
    // 6 min" ran into its line at 9 em). When that would take more than half of a narrow chart,
    // each label goes just above its line instead, and the lines start at the left edge.
    ImGui::PushFont(ctx.fonts.body);
    const std::string baseline_label = i18n::format(i18n::tr("Baseline {0}"), {with_unit(m.baseline, m.unit)});
    const std::string target_label = i18n::format(i18n::tr("Target {0}"), {with_unit(m.target, m.unit)});
    const float widest = std::max(ImGui::CalcTextSize(baseline_label.c_str()).x, ImGui::CalcTextSize(target_label.c_str()).x);
    ImGui::PopFont();
    const bool labels_above = widest + em(1.0f) > size.x * 0.5f;
    const float label_w = labels_above ? em(0.4f) : std::max(em(9.0f), widest + em(1.0f));
    const float left = p0.x + label_w, right = p1.x - em(1.5f);
    const float top = p0.y + em(0.8f), bottom = p1.y - em(2.0f);  // the dates go below
    const auto y_of = [&](double v) { return bottom - static_cast<float>((v - lo) / (hi - lo)) * (bottom - top); };

    ImGui::PushFont(ctx.fonts.body);
    const auto level = [&](double v, const Rgba& colour, float thickness, const std::string& label, const Rgba& text) {
        const float y = y_of(v);
        dl->AddLine(ImVec2(left, y), ImVec2(right, y), u32(colour), thickness);
        const ImVec2 ts = ImGui::CalcTextSize(label.c_str());
        const float ty = labels_above ? std::max(p0.y + 1.0f, y - ts.y - thickness) : y - ts.y * 0.5f;
        dl->AddText(ImVec2(p0.x + em(0.4f), ty), u32(text), label.c_str());
    };
    level(m.baseline, pal.grid, 2.0f, baseline_label, pal.text_muted);
    level(m.target, pal.success, 4.0f, target_label, pal.text);

    if (values.empty()) {
        const char* none = i18n::tr("No values yet");
        const ImVec2 ts = ImGui::CalcTextSize(none);
        dl->AddText(ImVec2((left + right - ts.x) * 0.5f, (top + bottom - ts.y) * 0.5f), u32(pal.text_muted), none);
    } else {
        const std::size_t n = values.size();
        const auto x_of = [&](std::size_t i) {
            return n == 1 ? (left + right) * 0.5f : left + (right - left) * static_cast<float>(i) / static_cast<float>(n - 1);
        };
        for (std::size_t i = 1; i < n; ++i)
            dl->AddLine(ImVec2(x_of(i - 1), y_of(values[i - 1].value)), ImVec2(x_of(i), y_of(values[i].value)), u32(pal.accent),
                        4.0f);
        for (std::size_t i = 0; i < n; ++i) dl->AddCircleFilled(ImVec2(x_of(i), y_of(values[i].value)), em(0.35f), u32(pal.accent));
        // The dates of the first and the last value along the bottom.
        const auto date_at = [&](std::size_t i, bool align_right) {
            const ImVec2 ds = ImGui::CalcTextSize(values[i].date.c_str());
            // Inside the chart (std::clamp needs lo <= hi, so a chart narrower than a date keeps it at the left).
            const float min_x = std::max(left - em(1.0f), p0.x + em(0.3f));
            const float x = std::clamp(x_of(i) - (align_right ? ds.x : ds.x * 0.5f), min_x, std::max(min_x, p1.x - ds.x - em(0.3f)));
            dl->AddText(ImVec2(x, p1.y - ds.y - em(0.3f)), u32(pal.text_muted), values[i].date.c_str());
        };
        date_at(0, false);
        if (n > 1) date_at(n - 1, false);
        // The latest value, written beside its point.
        const std::string last = with_unit(values.back().value, m.unit);
        const ImVec2 ts = ImGui::CalcTextSize(last.c_str());
        const float x = std::min(x_of(n - 1) - ts.x * 0.5f, p1.x - ts.x - em(0.3f));
        const float above = y_of(values.back().value) - ts.y - em(0.4f);
        dl->AddText(ImVec2(x, above < p0.y ? y_of(values.back().value) + em(0.4f) : above), u32(pal.text), last.c_str());
    }
    ImGui::PopFont();
    ImGui::Dummy(size);
}

}  // namespace pilotdeck::ui
