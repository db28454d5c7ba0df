#include "ui/score_display.hpp"

#include <algorithm>
#include <cstdio>

#include "base/i18n.hpp"
#include "ui/widgets.hpp"

namespace pilotdeck::ui {

std::string fmt2(double v) { return i18n::number(v, 2); }

std::string fmt_score(const std::optional<double>& v) { return v ? fmt2(*v) : std::string("—"); }

std::string fmt_limit(double v) {
    std::string s = fmt2(v);
    if (s.find_first_of(".,") == std::string::npos) return s;
    while (!s.empty() && s.back() == '0') s.pop_back();
    if (!s.empty() && (s.back() == '.' || s.back() == ',')) s.pop_back();
    return s;
}

AxisRange axis_range(const std::vector<core::Criterion>& criteria, core::Axis a) {
    AxisRange r;
    bool any = false;
    for (const core::Criterion& c : criteria) {
        if (c.axis != a) continue;
        r.lo = any ? std::min<double>(r.lo, c.min) : c.min;
        r.hi = any ? std::max<double>(r.hi, c.max) : c.max;
        any = true;
    }
    if (!any || r.hi <= r.lo) r = AxisRange{};
    return r;
}

const char* quadrant_title(core::Quadrant q) {
    switch (q) {
        case core::Quadrant::QuickWin: return i18n::tr("Quick win");
        case core::Quadrant::Strategic: return i18n::trc("quadrant", "Strategic");
        case core::Quadrant::FillIn: return i18n::tr("Fill-in");
        case core::Quadrant::Avoid: return i18n::trc("quadrant", "Avoid");
    }
    return "";
}

const char* quadrant_area_title(core::Quadrant q) {
    switch (q) {
        case core::Quadrant::QuickWin: return i18n::tr("Quick wins");
        case core::Quadrant::Strategic: return i18n::trc("quadrant", "Strategic");
        case core::Quadrant::FillIn: return i18n::tr("Fill-ins");
        case core::Quadrant::Avoid: return i18n::trc("quadrant", "Avoid");
    }
    return "";
}

const char* axis_title(core::Axis a) {
    switch (a) {
        case core::Axis::Benefit: return i18n::trc("axis", "Benefit");
        case core::Axis::Risk: return i18n::trc("axis", "Risk");
        case core::Axis::Visibility: return i18n::trc("axis", "Visibility");
    }
    return "";
}

Rgba quadrant_colour(const Palette& p, core::Quadrant q) {
    // Okabe-Ito: bluish green, blue, orange, vermillion.
    switch (q) {
        case core::Quadrant::QuickWin: return p.chart[3];
        case core::Quadrant::Strategic: return p.chart[5];
        case core::Quadrant::FillIn: return p.chart[1];
        case core::Quadrant::Avoid: return p.chart[6];
    }
    return p.chart[0];
}

Rgba quadrant_tint(const Palette& p, core::Quadrant q) {
    switch (q) {
        case core::Quadrant::QuickWin: return p.quadrant_quick_win;
        case core::Quadrant::Strategic: return p.quadrant_strategic;
        case core::Quadrant::FillIn: return p.quadrant_fill_in;
        case core::Quadrant::Avoid: return p.quadrant_avoid;
    }
    return p.surface;
}

Rgba text_on(const Rgba& fill) {
    const Rgba black{0, 0, 0, 1}, white{1, 1, 1, 1};
    const Rgba opaque{fill.r, fill.g, fill.b, 1};
    return contrast_ratio(opaque, black) >= contrast_ratio(opaque, white) ? black : white;
}

void draw_quadrant_marker(ImDrawList* dl, ImVec2 c, float r, core::Quadrant q, const Palette& p, float t) {
    const ImU32 fill = u32(quadrant_colour(p, q));
    const ImU32 line = u32(p.text);
    switch (q) {
        case core::Quadrant::QuickWin:
            dl->AddCircleFilled(c, r, fill, 32);
            dl->AddCircle(c, r, line, 32, t);
            break;
        case core::Quadrant::Strategic: {
            const float h = r * 0.88f;
            dl->AddRectFilled(ImVec2(c.x - h, c.y - h), ImVec2(c.x + h, c.y + h), fill);
            dl->AddRect(ImVec2(c.x - h, c.y - h), ImVec2(c.x + h, c.y + h), line, 0, 0, t);
            break;
        }
        case core::Quadrant::FillIn: {
            const ImVec2 a(c.x, c.y - r), b(c.x + r, c.y), d(c.x, c.y + r), e(c.x - r, c.y);
            dl->AddQuadFilled(a, b, d, e, fill);
            dl->AddQuad(a, b, d, e, line, t);
            break;
        }
        case core::Quadrant::Avoid: {
            const ImVec2 a(c.x, c.y - r), b(c.x + r * 0.95f, c.y + r * 0.72f), d(c.x - r * 0.95f, c.y + r * 0.72f);
            dl->AddTriangleFilled(a, b, d, fill);
            dl->AddTriangle(a, b, d, line, t);
            break;
        }
    }
}

void badge(const char* text, const Rgba& bg, const Rgba& fg) {
    const ImVec2 pad(em(0.3f), em(0.05f));
    const ImVec2 size = ImGui::CalcTextSize(text);
    const ImVec2 p = ImGui::GetCursorScreenPos();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(p, ImVec2(p.x + size.x + 2 * pad.x, p.y + size.y + 2 * pad.y), u32(bg), em(0.2f));
    dl->AddText(ImVec2(p.x + pad.x, p.y + pad.y), u32(fg), text);
    ImGui::Dummy(ImVec2(size.x + 2 * pad.x, size.y + 2 * pad.y));
}

void contested_badge(const UiContext& ctx) { badge(i18n::tr("! discuss"), ctx.palette.warning, ctx.palette.warning_text); }

void quadrant_tag(const UiContext& ctx, core::Quadrant q) {
    const float h = ImGui::GetTextLineHeight();
    const ImVec2 p = ImGui::GetCursorScreenPos();
    draw_quadrant_marker(ImGui::GetWindowDrawList(), ImVec2(p.x + h / 2, p.y + h / 2), h * 0.4f, q, ctx.palette,
                         1.0f);
    ImGui::Dummy(ImVec2(h, h));
    ImGui::SameLine();
    ImGui::TextUnformatted(quadrant_title(q));
}

void axis_scores_line(const UiContext& ctx, const core::IdeaResult& r) {
    const auto raters = static_cast<unsigned long>(std::max(r.raters, 0));
    const std::string line =
        i18n::format(i18n::tr("Benefit {0}   Risk {1}   Visibility {2}   {3}"),
                     {fmt_score(r.benefit), fmt_score(r.risk), fmt_score(r.visibility),
                      i18n::format(i18n::ntr("{0} rater", "{0} raters", raters), {std::to_string(raters)})});
    ImGui::TextWrapped("%s", line.c_str());
    // The tags follow on the line when they fit, else on the next (a narrow panel, long words).
    if (r.quadrant) {
        same_line_if_fits(em(1) + ImGui::GetTextLineHeight() + ImGui::GetStyle().ItemSpacing.x +
                          ImGui::CalcTextSize(quadrant_title(*r.quadrant)).x);
        quadrant_tag(ctx, *r.quadrant);
    }
    if (r.contested) {
        same_line_if_fits(em(1.6f) + ImGui::CalcTextSize(i18n::tr("! discuss")).x);
        contested_badge(ctx);
    }
}

}  // namespace pilotdeck::ui
