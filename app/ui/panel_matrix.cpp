// Matrix: benefit (up) against risk (right), one bubble per scored idea, sized by visibility,
// coloured AND shaped by quadrant; labels placed so they never pile up (matrix_layout), with a
// numbered legend for those that do not fit. Hover for details, click to select.
#include <GLFW/glfw3.h>
#include <imgui.h>

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <string>
#include <vector>

#include "core/selection.hpp"
#include "ui/matrix_chart.hpp"
#include "ui/matrix_layout.hpp"
#include "ui/panels.hpp"
#include "ui/score_display.hpp"
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
};

// The title cut (at a UTF-8 character boundary) with "…" so it is at most `max_w` wide.
std::string shorten(const Pen& pen, const std::string& title, float max_w) {
    if (pen.measure(title).x <= max_w) return title;
    std::string s = title;
    while (!s.empty()) {
        // One whole character off the end: its continuation bytes, then its lead byte.
        while (!s.empty() && (static_cast<unsigned char>(s.back()) & 0xC0) == 0x80) s.pop_back();
        if (!s.empty()) s.pop_back();
        while (!s.empty() && s.back() == ' ') s.pop_back();
        if (pen.measure(s + "…").x <= max_w) return s + "…";
    }
    return "…";
}

void dashed_vline(ImDrawList* dl, float x, float y0, float y1, ImU32 col, float thickness, float dash) {
    for (float y = y0; y < y1; y += 2 * dash) dl->AddLine(ImVec2(x, y), ImVec2(x, std::min(y + dash, y1)), col, thickness);
}

matrix::Rect to_rect(ImVec2 p, ImVec2 size) { return {p.x, p.y, p.x + size.x, p.y + size.y}; }

Quadrant quadrant_at(bool high_benefit, bool high_risk) {
    if (high_benefit) return high_risk ? Quadrant::Strategic : Quadrant::QuickWin;
    return high_risk ? Quadrant::Avoid : Quadrant::FillIn;
}

// The side column: marker key, numbered ideas, and ideas not yet placed.
void draw_side(const Pen& pen, const Palette& pal, ImVec2 p, float width, float bottom,
               const std::vector<std::pair<int, std::string>>& numbered, const std::vector<std::string>& unplaced) {
    const float fs = pen.size;
    const float line = fs * 1.35f;
    auto room = [&] { return p.y + line <= bottom; };
    pen.text(p, pal.text, "Key");
    p.y += line;
    for (Quadrant q : {Quadrant::QuickWin, Quadrant::Strategic, Quadrant::FillIn, Quadrant::Avoid}) {
        draw_quadrant_marker(pen.dl, ImVec2(p.x + fs * 0.5f, p.y + fs * 0.55f), fs * 0.42f, q, pal, 1.0f);
        pen.text(ImVec2(p.x + fs * 1.3f, p.y), pal.text, quadrant_title(q));
        p.y += line;
    }
    pen.text(p, pal.text_muted, "Size: visibility");
    p.y += line * 1.5f;
    if (!numbered.empty() && room()) {
        pen.text(p, pal.text, "Numbered ideas");
        p.y += line;
        for (std::size_t k = 0; k < numbered.size(); ++k) {
            if (p.y + 2 * line > bottom && k + 1 < numbered.size()) {  // keep a line to say what is left out
                pen.text(p, pal.text_muted,
                         shorten(pen, "+ " + std::to_string(numbered.size() - k) + " more", width));
                p.y += line;
                break;
            }
            pen.text(p, pal.text, shorten(pen, std::to_string(numbered[k].first) + " — " + numbered[k].second, width));
            p.y += line;
        }
        p.y += line * 0.5f;
    }
    if (!unplaced.empty() && room()) {
        pen.text(p, pal.text, "Not yet placed");
        p.y += line;
        for (std::size_t k = 0; k < unplaced.size(); ++k) {
            if (p.y + 2 * line > bottom && k + 1 < unplaced.size()) {
                pen.text(p, pal.text_muted, "+ " + std::to_string(unplaced.size() - k) + " more");
                break;
            }
            pen.text(p, pal.text_muted, shorten(pen, unplaced[k], width));
            p.y += line;
        }
    }
}

}  // namespace

namespace {

// What the bubble and label layout was computed from.
struct ChartLayoutKey {
    const core::Session* session = nullptr;
    std::uint64_t revision = 0;
    float x0 = 0, y0 = 0, x1 = 0, y1 = 0, font_size = 0;
    const ImFont* font = nullptr;
    std::string highlight;
    bool operator==(const ChartLayoutKey&) const = default;
};

struct ChartLayoutCache {
    ChartLayoutKey key;
    std::vector<std::string> unplaced;
    std::vector<std::size_t> placed_ideas;
    std::vector<matrix::Circle> circles;
    std::vector<std::string> label_text, short_text;
    matrix::LabelLayout labels;
};

}  // namespace

MatrixGeometry draw_matrix_chart(ImDrawList* dl, ImVec2 min, ImVec2 max, const UiContext& ctx, ImFont* font,
                                 float fs, const std::string& highlight) {
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
    const float side_w = std::clamp(width * 0.26f, fs * 9.f, fs * 20.f);
    const ImVec2 plot_min(min.x + fs * 2.2f, min.y + fs * 1.8f);
    const ImVec2 plot_max(max.x - side_w - fs * 1.2f, max.y - fs * 2.8f);
    geo.plot_min = plot_min;
    geo.plot_max = plot_max;
    if (plot_max.x - plot_min.x < fs * 6 || plot_max.y - plot_min.y < fs * 6) {
        pen.text(min, pal.text, "Make the window larger to see the matrix.");
        dl->PopClipRect();
        return geo;
    }

    const AxisScale risk = axis_scale(ws.criteria, Axis::Risk);
    const AxisScale benefit = axis_scale(ws.criteria, Axis::Benefit);
    const AxisScale vis = axis_scale(ws.criteria, Axis::Visibility);
    auto x_of = [&](double r) { return matrix::scale(r, risk.lo, risk.hi, plot_min.x, plot_max.x); };
    auto y_of = [&](double b) { return matrix::scale(b, benefit.lo, benefit.hi, plot_max.y, plot_min.y); };
    const float xm = x_of(risk.mid), ym = y_of(benefit.mid);

    // Quadrant areas with their names written inside, in the outer corners.
    std::vector<matrix::Rect> obstacles;
    const float pad = fs * 0.4f;
    for (bool high_benefit : {true, false}) {
        for (bool high_risk : {false, true}) {
            const Quadrant q = quadrant_at(high_benefit, high_risk);
            const ImVec2 a(high_risk ? xm : plot_min.x, high_benefit ? plot_min.y : ym);
            const ImVec2 b(high_risk ? plot_max.x : xm, high_benefit ? ym : plot_max.y);
            dl->AddRectFilled(a, b, u32(quadrant_tint(pal, q)));
            const std::string name = quadrant_area_title(q);
            const ImVec2 ts = pen.measure(name, 1.15f);
            const ImVec2 at(high_risk ? b.x - pad - ts.x : a.x + pad, high_benefit ? a.y + pad : b.y - pad - ts.y);
            pen.text(at, pal.text, name, 1.15f);
            obstacles.push_back(to_rect(at, ts));
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
    pen.text(ImVec2(plot_min.x, min.y + fs * 0.2f), pal.text, "↑ Benefit");
    const std::string risk_title = "Risk →";
    pen.text(ImVec2(plot_max.x - pen.measure(risk_title).x, plot_max.y + fs * 1.4f), pal.text, risk_title);

    // The risk limit of the selection rules, dashed and labelled (the label is drawn last, on top).
    std::string limit_text;
    ImVec2 limit_at;
    const double max_risk = ws.selection.max_risk;
    if (max_risk >= risk.lo && max_risk <= risk.hi) {
        const float x = x_of(max_risk);
        dashed_vline(dl, x, plot_min.y, plot_max.y, u32(pal.text), fs * 0.12f, fs * 0.45f);
        const std::string t = "max risk " + fmt_limit(max_risk);
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
    static thread_local ChartLayoutCache cache;
    const ChartLayoutKey key{&session, session.revision(), min.x, min.y, max.x, max.y, fs, font, highlight};
    if (!(cache.key == key)) {
        cache = ChartLayoutCache{};
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
        circles = matrix::spread_coincident(std::move(circles), fs * 1.4f);

        // Labels: the ranking decides who gets room first, the selected idea before all.
        matrix::LayoutInput layout;
        layout.bubbles = circles;
        layout.bounds = {plot_min.x, plot_min.y, plot_max.x, plot_max.y};
        layout.obstacles = obstacles;
        layout.gap = fs * 0.25f;
        layout.reach = fs * 1.6f;
        const ImVec2 label_pad(fs * 0.25f, fs * 0.08f);
        auto label_size = [&](const std::string& t) {
            const ImVec2 ts = pen.measure(t);
            return matrix::Size{ts.x + 2 * label_pad.x, ts.y + 2 * label_pad.y};
        };
        for (std::size_t k = 0; k < placed_ideas.size(); ++k) {
            label_text.push_back(shorten(pen, ws.ideas[placed_ideas[k]].title, fs * 12.f));
            short_text.push_back(shorten(pen, ws.ideas[placed_ideas[k]].title, fs * 6.f));
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
        draw_quadrant_marker(dl, centre, c.r, *results[i].quadrant, pal, hl ? fs * 0.14f : fs * 0.06f);
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
            pen.text(ImVec2(a.x + label_pad.x, a.y + label_pad.y), hl ? pal.accent_text : pal.text,
                     lp.short_form ? short_text[k] : label_text[k]);
        } else {
            const std::string n = std::to_string(lp.number);
            const float scale_n = std::min(1.0f, c.r * 1.25f / fs);
            const ImVec2 ts = pen.measure(n, scale_n);
            pen.text(ImVec2(c.x - ts.x / 2, c.y - ts.y / 2), text_on(quadrant_colour(pal, *results[i].quadrant)), n,
                     scale_n);
        }
    }
    if (!limit_text.empty()) {
        const ImVec2 ts = pen.measure(limit_text);
        dl->AddRectFilled(ImVec2(limit_at.x - fs * 0.15f, limit_at.y),
                          ImVec2(limit_at.x + ts.x + fs * 0.15f, limit_at.y + ts.y), u32(pal.background));
        pen.text(limit_at, pal.text, limit_text);
    }
    std::vector<std::pair<int, std::string>> numbered;
    for (std::size_t k = 0; k < placed_ideas.size(); ++k)
        if (!labels.labels[k].placed) numbered.emplace_back(labels.labels[k].number, ws.ideas[placed_ideas[k]].title);
    std::sort(numbered.begin(), numbered.end());

    draw_side(pen, pal, ImVec2(max.x - side_w, min.y + fs * 0.2f), side_w - fs * 0.3f, max.y, numbered, unplaced);
    dl->PopClipRect();
    return geo;
}

namespace {

// Title, numbers, quadrant and the contested flag of one idea, in the current ImGui layout.
void idea_facts(const UiContext& ctx, const core::Idea& idea, const core::IdeaResult& r) {
    ImGui::TextUnformatted(idea.title.c_str());
    if (!idea.department.empty()) {
        ImGui::SameLine(0, em(1));
        ImGui::PushStyleColor(ImGuiCol_Text, vec4(ctx.palette.text_muted));
        ImGui::TextUnformatted(idea.department.c_str());
        ImGui::PopStyleColor();
    }
    axis_scores_line(ctx, r);
    if (r.contested) {
        ImGui::SameLine();
        ImGui::TextUnformatted("the room disagrees on some criterion");
    }
}

// Tab / Shift+Tab and the arrow keys walk the placed ideas in ranking order.
void walk_by_keyboard(UiContext& ctx) {
    const ImGuiIO& io = ImGui::GetIO();
    if (io.WantTextInput || io.KeyCtrl || io.KeyAlt || io.KeySuper) return;
    if (!ImGui::IsWindowFocused(ImGuiFocusedFlags_RootAndChildWindows)) return;
    int step = 0;
    if (ImGui::IsKeyPressed(GLFW_KEY_TAB)) step = io.KeyShift ? -1 : 1;
    if (ImGui::IsKeyPressed(GLFW_KEY_RIGHT) || ImGui::IsKeyPressed(GLFW_KEY_DOWN)) step = 1;
    if (ImGui::IsKeyPressed(GLFW_KEY_LEFT) || ImGui::IsKeyPressed(GLFW_KEY_UP)) step = -1;
    if (step == 0) return;
    const auto& ideas = ctx.session.workshop().ideas;
    const auto& results = ctx.session.results();
    std::vector<std::size_t> placed;
    for (std::size_t i : core::rank(ideas, results))
        if (i < results.size() && results[i].quadrant) placed.push_back(i);
    if (placed.empty()) return;
    const auto at = std::find_if(placed.begin(), placed.end(),
                                 [&](std::size_t i) { return ideas[i].id == ctx.state.selected_idea; });
    const int n = static_cast<int>(placed.size());
    int k = at == placed.end() ? (step > 0 ? 0 : n - 1) : (static_cast<int>(at - placed.begin()) + step + n) % n;
    ctx.select_idea(ideas[placed[static_cast<std::size_t>(k)]].id);
}

const MatrixBubble* bubble_at(const MatrixGeometry& geo, ImVec2 m) {
    for (auto it = geo.bubbles.rbegin(); it != geo.bubbles.rend(); ++it) {  // the topmost first
        const float dx = m.x - it->centre.x, dy = m.y - it->centre.y;
        if (dx * dx + dy * dy <= it->radius * it->radius) return &*it;
    }
    return nullptr;
}

}  // namespace

void draw_matrix(UiContext& ctx) {
    if (blind_round_banner(ctx)) return;  // phones are scoring: the matrix waits for the round to close
    walk_by_keyboard(ctx);
    const float strip = ImGui::GetTextLineHeightWithSpacing() * 2 + ImGui::GetStyle().ItemSpacing.y;
    const ImVec2 avail = ImGui::GetContentRegionAvail();
    const ImVec2 size(avail.x, avail.y - strip);
    const ImVec2 p0 = ImGui::GetCursorScreenPos();
    if (size.x < em(8) || size.y < em(8)) return;
    ImGui::InvisibleButton("matrix", size);
    const bool clicked = ImGui::IsItemClicked(ImGuiMouseButton_Left);
    const bool hovered = ImGui::IsItemHovered();
    const MatrixGeometry geo = draw_matrix_chart(ImGui::GetWindowDrawList(), p0, ImVec2(p0.x + size.x, p0.y + size.y),
                                                 ctx, ImGui::GetFont(), ImGui::GetFontSize(), ctx.state.selected_idea);

    // The selected idea's facts under the chart, readable from the back without hovering.
    const auto& ideas = ctx.session.workshop().ideas;
    const auto& results = ctx.session.results();
    const core::Idea* selected = ctx.session.find_idea(ctx.state.selected_idea);
    const auto index = selected ? static_cast<std::size_t>(selected - ideas.data()) : results.size();
    if (index < results.size()) {
        idea_facts(ctx, *selected, results[index]);
    } else {
        muted(ctx, "Click a bubble, or press Tab, to pick an idea.");
    }

    if (!hovered) return;
    const MatrixBubble* hit = bubble_at(geo, ImGui::GetIO().MousePos);
    if (!hit) return;
    ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
    const core::Idea& idea = ideas[hit->idea];
    if (clicked) ctx.select_idea(idea.id);
    ImGui::BeginTooltip();
    ImGui::PushTextWrapPos(em(30));
    idea_facts(ctx, idea, results[hit->idea]);
    ImGui::PopTextWrapPos();
    ImGui::EndTooltip();
}

}  // namespace pilotdeck::ui
