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

// Text helper bound to one font and size (the panel's, or the export's).
struct Pen {
    ImDrawList* dl;
    ImFont* font;
    float size;
    ImVec2 measure(const std::string& t, float scale = 1) const {
        return font->CalcTextSizeA(size * scale, FLT_MAX, 0.f, t.c_str());
    }
    void text(ImVec2 p, const Rgba& c, const std::string& t, float scale = 1) const {
        dl->AddText(font, size * scale, p, u32(c), t.c_str());
    }
    // Wrapped at `wrap` wide; returns the height it took.
    float wrapped(ImVec2 p, const Rgba& c, const std::string& t, float wrap) const {
        dl->AddText(font, size, p, u32(c), t.c_str(), nullptr, wrap);
        return font->CalcTextSizeA(size, FLT_MAX, wrap, t.c_str()).y;
    }
};

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

// The side column: marker key, numbered ideas (whole titles, wrapped), and ideas not yet placed.
// The side column's width: a quarter of the chart, wider where ideas share a spot (they will be
// numbered) and their whole titles would not fit in it, even smaller and in two columns.
float side_width(const core::Workshop& ws, const std::vector<core::IdeaResult>& results, const Pen& pen, float width,
                 float height) {
    const float fs = pen.size;
    const float base = std::clamp(width * 0.26f, fs * 9.f, fs * 20.f);
    std::vector<std::string> crowd;
    for (std::size_t i = 0; i < results.size() && i < ws.ideas.size(); ++i) {
        const core::IdeaResult& a = results[i];
        if (!a.benefit || !a.risk) continue;
        for (std::size_t j = 0; j < results.size(); ++j) {
            const core::IdeaResult& b = results[j];
            if (j == i || !b.benefit || !b.risk) continue;
            if (std::abs(*a.benefit - *b.benefit) < 0.15 && std::abs(*a.risk - *b.risk) < 0.15) {
                crowd.push_back(std::to_string(i + 1) + " \u2014 " + ws.ideas[i].title);
                break;
            }
        }
    }
    const float room = height - fs * 1.35f * 9.f;  // below the key
    auto fits = [&](float w) {
        const float col = (w - fs * 0.8f) / 2;
        float h = 0;
        for (const std::string& t : crowd) h += pen.font->CalcTextSizeA(fs * 0.65f, FLT_MAX, col, t.c_str()).y + fs * 0.25f;
        return h / 2 + fs * 1.5f <= room;
    };
    for (const float share : {0.f, 0.34f, 0.42f, 0.5f})
        if (const float w = std::max(base, width * share); fits(w)) return w;
    return std::max(base, width * 0.5f);
}

// Returns how many numbered ideas it listed.
std::size_t draw_side(const Pen& pen, const Palette& pal, ImVec2 p, float width, float bottom, bool limit_shown,
                      const std::vector<std::pair<int, std::string>>& numbered, const std::vector<std::string>& unplaced) {
    std::size_t listed = 0;
    const float fs = pen.size;
    const float line = fs * 1.35f;
    const float gap = line - fs;
    auto room = [&] { return p.y + line <= bottom; };
    pen.text(p, pal.text, i18n::trc("legend", "Key"));
    p.y += line;
    // Two markers a row when they fit side by side: the numbered list needs the room more.
    float widest = 0;
    for (Quadrant q : {Quadrant::QuickWin, Quadrant::Strategic, Quadrant::FillIn, Quadrant::Avoid})
        widest = std::max(widest, pen.measure(quadrant_title(q)).x + fs * 1.3f);
    const bool pairs = 2 * widest + fs * 0.8f <= width;
    int nth = 0;
    for (Quadrant q : {Quadrant::QuickWin, Quadrant::Strategic, Quadrant::FillIn, Quadrant::Avoid}) {
        const float x = p.x + (pairs && nth % 2 == 1 ? widest + fs * 0.8f : 0.f);
        draw_quadrant_marker(pen.dl, ImVec2(x + fs * 0.5f, p.y + fs * 0.55f), fs * 0.42f, q, pal, 1.0f);
        pen.text(ImVec2(x + fs * 1.3f, p.y), pal.text, quadrant_title(q));
        if (!pairs || nth % 2 == 1) p.y += line;
        ++nth;
    }
    pen.text(p, pal.text_muted, i18n::tr("Size: visibility"));
    p.y += line;
    if (limit_shown) p.y += pen.wrapped(p, pal.text_muted, i18n::tr("Right of the dashed line: risk above the limit"), width) + gap;
    p.y += line * 0.5f;
    if (!numbered.empty() && room()) {
        pen.text(p, pal.text, i18n::tr("Numbered ideas"));
        p.y += line;
        // Every numbered idea listed whole: the list's text smaller, then in two columns, until
        // it fits (what the room needs is to find each number); "+ N more" only past all that.
        const float col_gap = fs * 0.8f;
        auto entry = [&](std::size_t k) { return std::to_string(numbered[k].first) + " \u2014 " + numbered[k].second; };
        float list_bottom = unplaced.empty() ? bottom : bottom - 2.5f * line;  // a place for "Not yet placed"
        float end_y = p.y;  // under the last entry drawn (one column), else the list's bottom
        auto fill = [&](float s, int cols, bool draw) {  // entries that fit, top-down, column by column
            const float col_w = (width - col_gap * static_cast<float>(cols - 1)) / static_cast<float>(cols);
            float x = p.x, y = p.y;
            int col = 0;
            std::size_t k = 0;
            for (; k < numbered.size(); ++k) {
                const std::string t = entry(k);
                const float h = pen.font->CalcTextSizeA(fs * s, FLT_MAX, col_w, t.c_str()).y;
                if (y + h > list_bottom) {  // the next column, if there is one
                    if (++col == cols) break;
                    x += col_w + col_gap;
                    y = p.y;
                    if (y + h > list_bottom) break;
                }
                if (draw) pen.dl->AddText(pen.font, fs * s, ImVec2(x, y), u32(pal.text), t.c_str(), nullptr, col_w);
                y += h + gap * s;
            }
            end_y = cols == 1 ? y : list_bottom;
            return k;
        };
        std::pair<float, int> fit{0.f, 0};  // scale and columns at which all fit
        for (const int c : {1, 2})
            for (const float sc : {1.0f, 0.9f, 0.8f, 0.72f, 0.65f})
                if (fit.second == 0 && fill(sc, c, false) == numbered.size()) fit = {sc, c};
        if (fit.second > 0) {
            listed = fill(fit.first, fit.second, true);
            p.y = end_y;
        } else {  // even two columns of small text do not hold them: as many as fit, and how many are left
            list_bottom = bottom - line;
            listed = fill(0.65f, 2, true);
            pen.text(ImVec2(p.x, bottom - line), pal.text_muted,
                     counted(numbered.size() - listed, i18n::ntr("+ {0} more", "+ {0} more", plural_n(numbered.size() - listed))));
            p.y = bottom;
        }
        p.y += line * 0.5f;
    }
    if (!unplaced.empty() && room()) {
        pen.text(p, pal.text, i18n::tr("Not yet placed"));
        p.y += line;
        for (std::size_t k = 0; k < unplaced.size(); ++k) {
            const float h = pen.font->CalcTextSizeA(fs, FLT_MAX, width, unplaced[k].c_str()).y;
            if (p.y + h + line > bottom && k + 1 < unplaced.size()) {
                pen.text(p, pal.text_muted, counted(unplaced.size() - k, i18n::ntr("+ {0} more", "+ {0} more", plural_n(unplaced.size() - k))));
                break;
            }
            p.y += pen.wrapped(p, pal.text_muted, unplaced[k], width) + gap;
        }
    }
    return listed;
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
                                 float fs, const std::string& highlight, MatrixChartCache* layout_cache) {
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
            std::string t;
            float cx = 0, cy = 0, r = 0;
            for (std::size_t k : g) {
                t += (t.empty() ? "" : ", ") + std::to_string(cache.labels.labels[k].number);
                cx += circles[k].x;
                cy += circles[k].y;
                r = std::max(r, circles[k].r);
            }
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
        if (tp.placed) a = ImVec2(tp.rect.x0, tp.rect.y0);
        const ImVec2 ts = pen.measure(cache.group_text[g]);
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
    std::vector<std::pair<int, std::string>> numbered;
    for (std::size_t k = 0; k < placed_ideas.size(); ++k)
        if (!labels.labels[k].placed) {
            const core::Idea& idea = ws.ideas[placed_ideas[k]];
            const std::string mark = risk_mark(idea);
            numbered.emplace_back(labels.labels[k].number, mark.empty() ? idea.title : mark + "  " + idea.title);
            geo.numbered.emplace_back(labels.labels[k].number, placed_ideas[k]);
        }
    std::sort(numbered.begin(), numbered.end());
    std::sort(geo.numbered.begin(), geo.numbered.end());

    geo.listed = draw_side(pen, pal, ImVec2(max.x - side_w, min.y + fs * 0.2f), side_w - fs * 0.3f, max.y,
              max_risk >= risk.lo && max_risk < risk.mid, numbered, unplaced);
    dl->PopClipRect();
    return geo;
}

}  // namespace pilotdeck::ui
