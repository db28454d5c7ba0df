// The matrix chart (matrix_chart.hpp): benefit (up) against risk (right), one bubble per scored
// idea, sized by visibility, coloured AND shaped by quadrant, a prohibited or high-risk idea
// marked by a shape and the word (contracts 7); labels placed so they never pile up
// (matrix_layout), with a numbered legend for those that do not fit. Drawn by the matrix panel
// (panel_matrix.cpp) and into the exported PNG.
#include <GLFW/glfw3.h>
#include <imgui.h>

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <string>
#include <vector>

#include "base/i18n.hpp"
#include "core/selection.hpp"
#include "ui/matrix_chart.hpp"
#include "ui/matrix_layout.hpp"
#include "ui/matrix_side.hpp"
#include "ui/panels.hpp"
#include "ui/score_display.hpp"
#include "ui/screening_text.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"

namespace pilotdeck::ui {
namespace {

using core::Axis;
using core::Quadrant;

struct AxisScale {
    double lo = 1, hi = 5, mid = 3;
};

AxisScale axis_scale(const std::vector<core::Criterion>& criteria, Axis a) {
    const AxisRange r = axis_range(criteria, a);
    const bool any = std::any_of(criteria.begin(), criteria.end(), [a](const auto& c) { return c.axis == a; });
    return {r.lo, r.hi, any ? core::axis_mid(criteria, a) : (r.lo + r.hi) / 2};
}

std::vector<std::string> words_of(const std::string& t) {
    std::vector<std::string> out;
    std::string w;
    for (char ch : t) {
        if (ch == ' ') {
            if (!w.empty()) out.push_back(w);
            w.clear();
        } else {
            w += ch;
        }
    }
    if (!w.empty()) out.push_back(w);
    return out;
}

// The whole title on at most `lines` lines ('\n' between), as even as they can be: the
// narrowest width at which the words, packed greedily, take no more lines. Never cut.
std::string wrap_lines(const Pen& pen, const std::string& title, int lines) {
    const std::vector<std::string> words = words_of(title);
    if (words.size() < 2 || lines < 2) return title;
    const float space = pen.measure(" ").x;
    std::vector<float> w;
    float widest = 0, total = 0;
    for (const auto& word : words) {
        w.push_back(pen.measure(word).x);
        widest = std::max(widest, w.back());
        total += w.back() + space;
    }
    auto pack = [&](float width, std::string* out) {
        int used = 1;
        float line = 0;
        for (std::size_t k = 0; k < words.size(); ++k) {
            if (line > 0 && line + space + w[k] > width) {
                ++used;
                line = 0;
                if (out) *out += '\n';
            } else if (line > 0) {
                line += space;
                if (out) *out += ' ';
            }
            line += w[k];
            if (out) *out += words[k];
        }
        return used;
    };
    float lo = widest, hi = total;
    for (int it = 0; it < 24 && hi - lo > 0.5f; ++it) {
        const float mid = (lo + hi) / 2;
        if (pack(mid, nullptr) <= lines) hi = mid; else lo = mid;
    }
    std::string out;
    pack(hi, &out);
    return out;
}

// Sorted numbers as runs: "2–29", "3, 5–7".
std::string number_runs(std::vector<int> numbers) {
    std::sort(numbers.begin(), numbers.end());
    std::string t;
    for (std::size_t a = 0; a < numbers.size();) {
        std::size_t b = a;
        while (b + 1 < numbers.size() && numbers[b + 1] == numbers[b] + 1) ++b;
        t += (t.empty() ? "" : ", ") + std::to_string(numbers[a]);
        if (b > a) t += (b == a + 1 ? ", " : "–") + std::to_string(numbers[b]);
        a = b + 1;
    }
    return t;
}

void dashed_vline(ImDrawList* dl, float x, float y0, float y1, ImU32 col, float thickness, float dash) {
    for (float y = y0; y < y1; y += 2 * dash) dl->AddLine(ImVec2(x, y), ImVec2(x, std::min(y + dash, y1)), col, thickness);
}

// A prohibited idea's bubble is struck out (a cross over it: never a pilot), a high-risk one
// carries a "!" badge at its upper right: shapes none of the quadrants use, not colour alone;
// the label says the word.
void draw_class_badge(ImDrawList* dl, ImVec2 centre, float r, float fs, core::AiActClass c, const Palette& pal) {
    if (c == core::AiActClass::Prohibited) {
        const float d = std::max(r * 0.9f, fs * 0.6f);
        for (float w : {fs * 0.32f, fs * 0.18f}) {  // an outline in the background colour, the cross on it
            const ImU32 col = u32(w > fs * 0.2f ? pal.background : pal.danger);
            dl->AddLine(ImVec2(centre.x - d, centre.y - d), ImVec2(centre.x + d, centre.y + d), col, w);
            dl->AddLine(ImVec2(centre.x - d, centre.y + d), ImVec2(centre.x + d, centre.y - d), col, w);
        }
    } else if (c == core::AiActClass::HighRisk) {
        const float h = fs * 0.5f;
        const ImVec2 at(centre.x + r * 0.75f, centre.y - r * 0.75f);
        dl->AddCircleFilled(at, h, u32(pal.text), 20);
        dl->AddCircle(at, h, u32(pal.background), 20, fs * 0.08f);
        const ImU32 mark = u32(pal.background);
        dl->AddLine(ImVec2(at.x, at.y - h * 0.6f), ImVec2(at.x, at.y + h * 0.15f), mark, fs * 0.14f);
        dl->AddCircleFilled(ImVec2(at.x, at.y + h * 0.45f), fs * 0.08f, mark, 8);
    }
}

matrix::Rect to_rect(ImVec2 p, ImVec2 size) { return {p.x, p.y, p.x + size.x, p.y + size.y}; }

Quadrant quadrant_at(bool high_benefit, bool high_risk) {
    if (high_benefit) return high_risk ? Quadrant::Strategic : Quadrant::QuickWin;
    return high_risk ? Quadrant::Avoid : Quadrant::FillIn;
}

}  // namespace

core::Quadrant shown_quadrant(const core::IdeaResult& r, double max_risk) {
    const Quadrant q = r.quadrant.value_or(Quadrant::Avoid);
    if (!r.risk || *r.risk <= max_risk) return q;  // the shortlist's own test: risk > max_risk keeps it out
    if (q == Quadrant::QuickWin) return Quadrant::Strategic;
    if (q == Quadrant::FillIn) return Quadrant::Avoid;
    return q;
}

MatrixGeometry draw_matrix_chart(ImDrawList* dl, ImVec2 min, ImVec2 max, const UiContext& ctx, ImFont* font,
                                 float fs, const std::string& highlight, MatrixChartCache* layout_cache,
                                 int list_page) {
    const Palette& pal = ctx.palette;
    const core::Session& session = ctx.session;
    const core::Workshop& ws = session.workshop();
    const auto& results = session.results();
    const Pen pen{dl, font, fs};
    MatrixGeometry geo;

    dl->PushClipRect(min, max, true);
    dl->AddRectFilled(min, max, u32(pal.background));

    // Side column on the right, the plot on the left with room for ticks and axis names.
    const float width = max.x - min.x;
    const float side_w = side_width(ws, results, pen, width, max.y - min.y);
    const ImVec2 plot_min(min.x + fs * 2.2f, min.y + fs * 1.8f);
    const ImVec2 plot_max(max.x - side_w - fs * 1.2f, max.y - fs * 2.8f);
    geo.plot_min = plot_min;
    geo.plot_max = plot_max;
    if (plot_max.x - plot_min.x < fs * 6 || plot_max.y - plot_min.y < fs * 6) {
        pen.text(min, pal.text, i18n::tr("Make the window larger to see the matrix."));
        dl->PopClipRect();
        return geo;
    }

    const AxisScale risk = axis_scale(ws.criteria, Axis::Risk);
    const AxisScale benefit = axis_scale(ws.criteria, Axis::Benefit);
    const AxisScale vis = axis_scale(ws.criteria, Axis::Visibility);
    auto x_of = [&](double r) { return matrix::scale(r, risk.lo, risk.hi, plot_min.x, plot_max.x); };
    auto y_of = [&](double b) { return matrix::scale(b, benefit.lo, benefit.hi, plot_max.y, plot_min.y); };
    const float xm = x_of(risk.mid), ym = y_of(benefit.mid);

    // Quadrant areas with their names written inside, in the outer corners. Between the risk
    // limit and the middle line ideas are low-risk but still too risky for a pilot: that band
    // takes the high-risk tint, as its bubbles take the high-risk marker (shown_quadrant).
    std::vector<matrix::Rect> obstacles;
    const float pad = fs * 0.4f;
    const double max_risk = ws.selection.max_risk;
    for (int pass = 0; pass < 2; ++pass) {
        for (bool high_benefit : {true, false}) {
            for (bool high_risk : {false, true}) {
                const Quadrant q = quadrant_at(high_benefit, high_risk);
                const ImVec2 a(high_risk ? xm : plot_min.x, high_benefit ? plot_min.y : ym);
                const ImVec2 b(high_risk ? plot_max.x : xm, high_benefit ? ym : plot_max.y);
                if (pass == 0) {
                    dl->AddRectFilled(a, b, u32(quadrant_tint(pal, q)));
                    if (!high_risk && max_risk >= risk.lo && max_risk < risk.mid)
                        dl->AddRectFilled(ImVec2(x_of(max_risk), a.y), b,
                                          u32(quadrant_tint(pal, quadrant_at(high_benefit, true))));
                    continue;
                }
                const std::string name = quadrant_area_title(q);
                const ImVec2 ts = pen.measure(name, 1.15f);
                const ImVec2 at(high_risk ? b.x - pad - ts.x : a.x + pad, high_benefit ? a.y + pad : b.y - pad - ts.y);
                pen.text(at, pal.text, name, 1.15f);
                obstacles.push_back(to_rect(at, ts));
            }
        }
    }

    // Grid at every whole score, the middle lines stronger, ticks and axis names.
    for (int v = static_cast<int>(std::ceil(risk.lo)); v <= static_cast<int>(std::floor(risk.hi)); ++v) {
        const float x = x_of(v);
        dl->AddLine(ImVec2(x, plot_min.y), ImVec2(x, plot_max.y), u32(pal.grid), 1.0f);
        const std::string t = std::to_string(v);
        pen.text(ImVec2(x - pen.measure(t).x / 2, plot_max.y + fs * 0.2f), pal.text_muted, t);
    }
    for (int v = static_cast<int>(std::ceil(benefit.lo)); v <= static_cast<int>(std::floor(benefit.hi)); ++v) {
        const float y = y_of(v);
        dl->AddLine(ImVec2(plot_min.x, y), ImVec2(plot_max.x, y), u32(pal.grid), 1.0f);
        const std::string t = std::to_string(v);
        pen.text(ImVec2(plot_min.x - fs * 0.4f - pen.measure(t).x, y - fs / 2), pal.text_muted, t);
    }
    dl->AddLine(ImVec2(xm, plot_min.y), ImVec2(xm, plot_max.y), u32(pal.text_muted), fs * 0.1f);
    dl->AddLine(ImVec2(plot_min.x, ym), ImVec2(plot_max.x, ym), u32(pal.text_muted), fs * 0.1f);
    dl->AddRect(plot_min, plot_max, u32(pal.text_muted), 0, 0, 1.0f);
    pen.text(ImVec2(plot_min.x, min.y + fs * 0.2f), pal.text, i18n::tr("\u2191 Benefit"));
    const std::string risk_title = i18n::tr("Risk \u2192");
    pen.text(ImVec2(plot_max.x - pen.measure(risk_title).x, plot_max.y + fs * 1.4f), pal.text, risk_title);

    // The risk limit of the selection rules, dashed and labelled (the label is drawn last, on top).
    std::string limit_text;
    ImVec2 limit_at;
    if (max_risk >= risk.lo && max_risk <= risk.hi) {
        const float x = x_of(max_risk);
        dashed_vline(dl, x, plot_min.y, plot_max.y, u32(pal.text), fs * 0.12f, fs * 0.45f);
        const std::string t = i18n::format(i18n::tr("max risk {0}"), {fmt_limit(max_risk)});
        const ImVec2 ts = pen.measure(t);
        // Below the quadrant names, on the side of the line with room.
        const float lx = x + pad + ts.x <= plot_max.x ? x + pad : x - pad - ts.x;
        const ImVec2 at(lx, plot_min.y + fs * 1.9f);
        limit_text = t;
        limit_at = at;
        obstacles.push_back({at.x - fs * 0.15f, at.y, at.x + ts.x + fs * 0.15f, at.y + ts.y});
    }

    // Bubbles and label placement depend only on the workshop and the geometry: they are laid
    // out again when either changes, not every frame (placing 1,000 labels is quadratic).
    MatrixChartCache one_off;  // without the view's cache: laid out for this drawing only
    MatrixChartCache& cache = layout_cache ? *layout_cache : one_off;
    const MatrixChartKey key{&session, session.revision(), min.x, min.y, max.x, max.y, fs, font, highlight};
    if (!(cache.key == key)) {
        cache = MatrixChartCache{};
        cache.key = key;
        std::vector<std::string>& unplaced = cache.unplaced;
        std::vector<std::size_t>& placed_ideas = cache.placed_ideas;
        std::vector<matrix::Circle>& circles = cache.circles;
        std::vector<std::string>& label_text = cache.label_text;
        std::vector<std::string>& short_text = cache.short_text;
        // Bubbles: ideas with benefit and risk scores.
        const float r_min = fs * 0.7f, r_max = fs * 1.6f;
        for (std::size_t i = 0; i < results.size() && i < ws.ideas.size(); ++i) {
            const core::IdeaResult& r = results[i];
            if (!r.benefit || !r.risk || !r.quadrant) {
                unplaced.push_back(ws.ideas[i].title);
                continue;
            }
            const float radius = r.visibility ? matrix::scale(*r.visibility, vis.lo, vis.hi, r_min, r_max) : r_min;
            placed_ideas.push_back(i);
            circles.push_back({x_of(*r.risk), y_of(*r.benefit), radius});
        }
        // Every bubble stays at its true position, however crowded: labels move, bubbles do not.

        // Labels: the ranking decides who gets room first, the selected idea before all.
        matrix::LayoutInput layout;
        layout.bubbles = circles;
        layout.bounds = {plot_min.x, plot_min.y, plot_max.x, plot_max.y};
        layout.obstacles = obstacles;
        layout.gap = fs * 0.25f;
        layout.reach = fs * 1.6f;
        layout.reach_steps = 8;
        const ImVec2 label_pad(fs * 0.25f, fs * 0.08f);
        auto label_size = [&](const std::string& t) {
            const ImVec2 ts = pen.measure(t);
            return matrix::Size{ts.x + 2 * label_pad.x, ts.y + 2 * label_pad.y};
        };
        for (std::size_t k = 0; k < placed_ideas.size(); ++k) {
            // The whole title: on one line when short, else on two; the narrower form on two or three.
            const std::string& title = ws.ideas[placed_ideas[k]].title;
            const bool one_line = pen.measure(title).x <= fs * 13.f;
            // A prohibited or high-risk idea says so above its title, in words (contracts 7).
            std::string mark = risk_mark(ws.ideas[placed_ideas[k]]);
            if (!mark.empty()) mark += '\n';
            label_text.push_back(mark + (one_line ? title : wrap_lines(pen, title, 2)));
            short_text.push_back(mark + wrap_lines(pen, title, one_line ? 2 : 3));
            layout.labels.push_back(label_size(label_text.back()));
            layout.short_labels.push_back(label_size(short_text.back()));
        }
        std::vector<std::size_t> slot_of(results.size(), SIZE_MAX);
        for (std::size_t k = 0; k < placed_ideas.size(); ++k) slot_of[placed_ideas[k]] = k;
        for (std::size_t k = 0; k < placed_ideas.size(); ++k)
            if (ws.ideas[placed_ideas[k]].id == highlight) layout.order.push_back(k);
        for (std::size_t idx : core::rank(ws.ideas, results))
            if (idx < slot_of.size() && slot_of[idx] != SIZE_MAX) layout.order.push_back(slot_of[idx]);
        cache.labels = matrix::place_labels(layout);

        // Numbered bubbles that overlap others cannot show their number inside: such a crowd gets
        // one tag ("3, 4, 5") placed like a label, with a leader line, and the list at the side.
        const std::size_t n = placed_ideas.size();
        std::vector<int> group(n, -1);
        for (std::size_t k = 0; k < n; ++k) {
            if (cache.labels.labels[k].placed) continue;
            for (std::size_t j = 0; j < n; ++j) {
                if (j == k) continue;
                const float dx = circles[j].x - circles[k].x, dy = circles[j].y - circles[k].y;
                const float reach = (circles[j].r + circles[k].r) * 0.6f;
                if (dx * dx + dy * dy >= reach * reach) continue;
                if (group[k] < 0) {
                    group[k] = cache.groups.empty() || group[j] < 0 ? static_cast<int>(cache.groups.size()) : group[j];
                    if (group[k] == static_cast<int>(cache.groups.size())) cache.groups.emplace_back();
                    cache.groups[static_cast<std::size_t>(group[k])].push_back(k);
                }
                break;
            }
        }
        matrix::LayoutInput tags;
        tags.bounds = layout.bounds;
        tags.obstacles = obstacles;
        for (const auto& l : cache.labels.labels)
            if (l.placed) tags.obstacles.push_back(l.rect);
        tags.gap = layout.gap;
        tags.reach = layout.reach;
        tags.reach_steps = 6;
        for (const auto& g : cache.groups) {
            float cx = 0, cy = 0, r = 0;
            std::vector<int> numbers;
            for (std::size_t k : g) {
                numbers.push_back(cache.labels.labels[k].number);
                cx += circles[k].x;
                cy += circles[k].y;
                r = std::max(r, circles[k].r);
            }
            // "2–29" for a run of numbers; wrapped to the plot's width, never cut.
            std::string t = number_runs(numbers);
            const float plot_w = plot_max.x - plot_min.x - 2 * label_pad.x;
            if (const float w = pen.measure(t).x; w > plot_w)
                t = wrap_lines(pen, t, static_cast<int>(std::ceil(w / plot_w)) + 1);
            const float cnt = static_cast<float>(g.size());
            tags.bubbles.push_back({cx / cnt, cy / cnt, r});
            tags.labels.push_back(label_size(t));
            cache.group_text.push_back(t);
        }
        cache.group_tags = matrix::place_labels(tags);
        cache.group_centres = tags.bubbles;
    }
    const std::vector<std::string>& unplaced = cache.unplaced;
    const std::vector<std::size_t>& placed_ideas = cache.placed_ideas;
    const std::vector<matrix::Circle>& circles = cache.circles;
    const std::vector<std::string>& label_text = cache.label_text;
    const std::vector<std::string>& short_text = cache.short_text;
    const matrix::LabelLayout& labels = cache.labels;
    const ImVec2 label_pad(fs * 0.25f, fs * 0.08f);

    // Draw big bubbles first so small ones stay visible on top; the highlighted one last.
    std::vector<std::size_t> draw_order(placed_ideas.size());
    for (std::size_t k = 0; k < draw_order.size(); ++k) draw_order[k] = k;
    std::stable_sort(draw_order.begin(), draw_order.end(), [&](std::size_t a, std::size_t b) {
        const bool ha = ws.ideas[placed_ideas[a]].id == highlight, hb = ws.ideas[placed_ideas[b]].id == highlight;
        if (ha != hb) return hb;
        return circles[a].r > circles[b].r;
    });
    // Leader lines under everything, then the bubbles, then labels and numbers on top of all bubbles.
    for (std::size_t k = 0; k < placed_ideas.size(); ++k) {
        const matrix::LabelPlacement& lp = labels.labels[k];
        if (!lp.placed || !lp.far) continue;
        const matrix::Circle& c = circles[k];
        const ImVec2 q(std::clamp(c.x, lp.rect.x0, lp.rect.x1), std::clamp(c.y, lp.rect.y0, lp.rect.y1));
        const float dx = q.x - c.x, dy = q.y - c.y, d = std::sqrt(dx * dx + dy * dy);
        if (d > c.r) dl->AddLine(ImVec2(c.x + dx / d * c.r, c.y + dy / d * c.r), q, u32(pal.text_muted), fs * 0.08f);
    }
    for (std::size_t k : draw_order) {
        const std::size_t i = placed_ideas[k];
        const matrix::Circle& c = circles[k];
        const bool hl = ws.ideas[i].id == highlight;
        const ImVec2 centre(c.x, c.y);
        if (hl) dl->AddCircle(centre, c.r + fs * 0.3f, u32(pal.text), 32, fs * 0.18f);
        draw_quadrant_marker(dl, centre, c.r, shown_quadrant(results[i], max_risk), pal, hl ? fs * 0.14f : fs * 0.06f);
        draw_class_badge(dl, centre, c.r, fs, core::classify_ai_act(ws.ideas[i].assessment), pal);
        geo.bubbles.push_back({i, centre, c.r});
    }
    for (std::size_t k : draw_order) {
        const std::size_t i = placed_ideas[k];
        const matrix::Circle& c = circles[k];
        const bool hl = ws.ideas[i].id == highlight;
        const matrix::LabelPlacement& lp = labels.labels[k];
        if (lp.placed) {
            const ImVec2 a(lp.rect.x0, lp.rect.y0), b(lp.rect.x1, lp.rect.y1);
            Rgba bg = hl ? pal.accent : pal.background;
            bg.a = hl ? 1.0f : 0.85f;
            dl->AddRectFilled(a, b, u32(bg), fs * 0.15f);
            const std::string& t = lp.short_form ? short_text[k] : label_text[k];
            pen.text(ImVec2(a.x + label_pad.x, a.y + label_pad.y), hl ? pal.accent_text : pal.text, t);
            geo.labels.push_back({i, t, a, b, lp.far});
        } else if (std::none_of(cache.groups.begin(), cache.groups.end(), [k](const auto& g) {
                       return std::find(g.begin(), g.end(), k) != g.end();
                   })) {
            const std::string n = std::to_string(lp.number);
            const float scale_n = std::min(1.0f, c.r * 1.25f / fs);
            const ImVec2 ts = pen.measure(n, scale_n);
            pen.text(ImVec2(c.x - ts.x / 2, c.y - ts.y / 2),
                     text_on(quadrant_colour(pal, shown_quadrant(results[i], max_risk))), n, scale_n);
        }
    }
    // The crowds' number tags, with a line to the middle of their crowd.
    for (std::size_t g = 0; g < cache.groups.size(); ++g) {
        const matrix::Circle& c = cache.group_centres[g];
        const matrix::LabelPlacement& tp = cache.group_tags.labels[g];
        ImVec2 a(c.x - fs, c.y - fs * 2.5f), b;
        const ImVec2 ts = pen.measure(cache.group_text[g]);
        if (tp.placed) {
            a = ImVec2(tp.rect.x0, tp.rect.y0);
        } else {  // no free spot: above the crowd, but inside the plot (never cut)
            a.x = std::clamp(a.x, plot_min.x, std::max(plot_min.x, plot_max.x - ts.x - 2 * label_pad.x));
            a.y = std::clamp(a.y, plot_min.y, std::max(plot_min.y, plot_max.y - ts.y - 2 * label_pad.y));
        }
        b = ImVec2(a.x + ts.x + 2 * label_pad.x, a.y + ts.y + 2 * label_pad.y);
        const ImVec2 q(std::clamp(c.x, a.x, b.x), std::clamp(c.y, a.y, b.y));
        dl->AddLine(ImVec2(c.x, c.y), q, u32(pal.text), fs * 0.08f);
        dl->AddCircleFilled(ImVec2(c.x, c.y), fs * 0.12f, u32(pal.text));
        dl->AddRectFilled(a, b, u32(pal.background), fs * 0.15f);
        dl->AddRect(a, b, u32(pal.text_muted), fs * 0.15f, 0, fs * 0.06f);
        pen.text(ImVec2(a.x + label_pad.x, a.y + label_pad.y), pal.text, cache.group_text[g]);
    }
    if (!limit_text.empty()) {
        const ImVec2 ts = pen.measure(limit_text);
        dl->AddRectFilled(ImVec2(limit_at.x - fs * 0.15f, limit_at.y),
                          ImVec2(limit_at.x + ts.x + fs * 0.15f, limit_at.y + ts.y), u32(pal.background));
        pen.text(limit_at, pal.text, limit_text);
    }
    std::vector<NumberedIdea> numbered;
    for (std::size_t k = 0; k < placed_ideas.size(); ++k)
        if (!labels.labels[k].placed) {
            const core::Idea& idea = ws.ideas[placed_ideas[k]];
            const std::string mark = risk_mark(idea);
            numbered.push_back({labels.labels[k].number, placed_ideas[k], mark.empty() ? idea.title : mark + "  " + idea.title,
                                list_page >= 0 && idea.id == highlight});
        }
    std::sort(numbered.begin(), numbered.end(), [](const auto& a, const auto& b) { return a.number < b.number; });
    for (const NumberedIdea& n : numbered) geo.numbered.emplace_back(n.number, n.idea);

    SideColumn side = draw_side(pen, pal, ImVec2(max.x - side_w, min.y + fs * 0.2f), side_w - fs * 0.3f, max.y,
                                max_risk >= risk.lo && max_risk < risk.mid, numbered, unplaced, list_page);
    geo.listed = side.drawn.size();
    geo.list_pages = side.pages;
    geo.list_page = side.page;
    geo.list_page_of = std::move(side.page_of);
    geo.list = std::move(side.drawn);
    geo.unplaced = std::move(side.unplaced);
    dl->PopClipRect();
    return geo;
}

}  // namespace pilotdeck::ui
