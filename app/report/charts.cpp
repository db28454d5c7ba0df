#include "report/charts.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numbers>
#include <string>

#include "base/i18n.hpp"

namespace pilotdeck::report {

namespace {

void set_color(cairo_t* cr, const Rgb& c, double alpha = 1.0) { cairo_set_source_rgba(cr, c.r, c.g, c.b, alpha); }

// The scale of an axis: the lowest min and highest max over its criteria (1..5 by default).
std::pair<double, double> axis_range(const std::vector<core::Criterion>& criteria, core::Axis axis) {
    int lo = std::numeric_limits<int>::max(), hi = std::numeric_limits<int>::min();
    for (const auto& c : criteria) {
        if (c.axis != axis) continue;
        lo = std::min(lo, c.min);
        hi = std::max(hi, c.max);
    }
    if (lo >= hi) return {1.0, 5.0};
    return {static_cast<double>(lo), static_cast<double>(hi)};
}

}  // namespace

void draw_worries_chart(PdfDoc& doc, const std::vector<core::Concern>& concerns) {
    if (concerns.empty()) {
        doc.paragraph(i18n::tr("This workshop has no list of worries."), fonts::kBody);
        return;
    }
    int most = 0;
    for (const auto& c : concerns) most = std::max(most, c.count);
    const Font label_font = fonts::kBody;
    const double label_w = doc.width() * 0.42;
    const double bar_x = doc.left() + label_w + 8;
    const double bar_max = doc.right() - bar_x - 28;
    const double lh = doc.line_height(label_font);
    cairo_t* cr = doc.cr();
    for (const auto& c : concerns) {
        const auto lines = doc.wrap(c.label, label_font, label_w);
        const double row_h = std::max(lh * static_cast<double>(lines.size()), 16.0) + 6;
        doc.ensure(row_h);
        double ly = doc.y + label_font.size;
        for (const auto& line : lines) {
            doc.text_at(doc.left(), ly, line, label_font);
            ly += lh;
        }
        const double bar_len = most > 0 ? bar_max * c.count / most : 0.0;
        set_color(cr, colors::kLine);
        cairo_rectangle(cr, bar_x, doc.y + 1, bar_max, 12);
        cairo_fill(cr);
        set_color(cr, colors::kAccent);
        cairo_rectangle(cr, bar_x, doc.y + 1, std::max(bar_len, 0.0), 12);
        cairo_fill(cr);
        doc.text_at(bar_x + bar_max + 6, doc.y + 11, i18n::integer(c.count), fonts::kLabel);
        doc.y += row_h;
    }
    if (most == 0) doc.paragraph(i18n::tr("Nobody has counted a worry yet."), fonts::kSmall);
}

void draw_matrix(PdfDoc& doc, const ReportInput& in, const std::vector<int>& numbers, double side) {
    doc.ensure(matrix_height(side));
    cairo_t* cr = doc.cr();
    const double x0 = doc.left() + 48, y0 = doc.y + 8;  // top-left of the plot
    // Plain variables, not structured bindings: clang 14 (the fuzz build) cannot capture those.
    const auto risk_range = axis_range(in.workshop.criteria, core::Axis::Risk);
    const auto benefit_range = axis_range(in.workshop.criteria, core::Axis::Benefit);
    const double rlo = risk_range.first, rhi = risk_range.second;
    const double blo = benefit_range.first, bhi = benefit_range.second;
    const double rmid = core::axis_mid(in.workshop.criteria, core::Axis::Risk);
    const double bmid = core::axis_mid(in.workshop.criteria, core::Axis::Benefit);
    auto px = [&](double risk) { return x0 + side * (risk - rlo) / (rhi - rlo); };
    auto py = [&](double benefit) { return y0 + side * (1.0 - (benefit - blo) / (bhi - blo)); };

    // Quadrants: quick wins up left (high benefit, low risk), strategic up right, fill-ins down
    // left, avoid down right.
    struct Quad {
        double x1, y1, x2, y2;
        Rgb fill;
        const char* name;
    };
    const double mx = px(rmid), my = py(bmid);
    const Quad quads[] = {
        {x0, y0, mx, my, {0.86, 0.94, 0.87}, i18n::tr("Quick wins")},
        {mx, y0, x0 + side, my, {0.87, 0.91, 0.97}, i18n::tr("Strategic bets")},
        {x0, my, mx, y0 + side, {0.95, 0.95, 0.95}, i18n::tr("Fill-ins")},
        {mx, my, x0 + side, y0 + side, {0.98, 0.90, 0.88}, i18n::tr("Avoid")},
    };
    for (const auto& q : quads) {
        set_color(cr, q.fill);
        cairo_rectangle(cr, q.x1, q.y1, q.x2 - q.x1, q.y2 - q.y1);
        cairo_fill(cr);
        doc.text_at(q.x1 + 5, q.y1 + 12, q.name, Font{8.5, true, colors::kMuted});
    }
    set_color(cr, colors::kMuted);
    cairo_set_line_width(cr, 0.8);
    cairo_rectangle(cr, x0, y0, side, side);
    cairo_stroke(cr);
    const double dashes[] = {3.0, 2.0};
    cairo_set_dash(cr, dashes, 2, 0);
    cairo_move_to(cr, mx, y0);
    cairo_line_to(cr, mx, y0 + side);
    cairo_move_to(cr, x0, my);
    cairo_line_to(cr, x0 + side, my);
    cairo_stroke(cr);
    cairo_set_dash(cr, nullptr, 0, 0);

    // Ticks on both scales, with numbers for people.
    const Font tick{8, false, colors::kMuted};
    for (double v = std::ceil(rlo); v <= rhi + 1e-9; v += 1.0) {
        const std::string t = i18n::number(v, 0);
        doc.text_at(px(v) - doc.text_width(t, tick) / 2, y0 + side + 11, t, tick);
    }
    for (double v = std::ceil(blo); v <= bhi + 1e-9; v += 1.0) {
        const std::string t = i18n::number(v, 0);
        doc.text_at(x0 - 6 - doc.text_width(t, tick), py(v) + 3, t, tick);
    }
    const Font axis_font{9, true, colors::kText};
    const std::string risk_label = i18n::tr("Risk →");
    doc.text_at(x0 + side - doc.text_width(risk_label, axis_font), y0 + side + 24, risk_label, axis_font);
    cairo_save(cr);
    cairo_translate(cr, x0 - 22, y0);
    cairo_rotate(cr, -std::numbers::pi / 2);
    const std::string benefit_label = i18n::tr("Benefit →");
    doc.text_at(-doc.text_width(benefit_label, axis_font), 0, benefit_label, axis_font);
    cairo_restore(cr);

    std::vector<bool> pilot(in.results.size(), false);
    for (const auto& p : in.selection.pilots) pilot[p.result] = true;
    std::size_t scored = 0;
    for (const auto& r : in.results)
        if (r.benefit && r.risk) ++scored;
    const bool label_all = scored <= 40;
    const Font number_font{7.5, true, colors::kText};
    // Dots: others first, pilots on top.
    struct Box {
        double x1, y1, x2, y2;
        bool overlaps(const Box& o) const { return x1 < o.x2 && o.x1 < x2 && y1 < o.y2 && o.y1 < y2; }
    };
    std::vector<Box> taken;
    std::vector<std::pair<double, double>> where(in.results.size(), {0.0, 0.0});
    for (int pass = 0; pass < 2; ++pass) {
        for (std::size_t i = 0; i < in.results.size(); ++i) {
            const auto& r = in.results[i];
            if (!r.benefit || !r.risk || pilot[i] != (pass == 1)) continue;
            const double x = px(std::clamp(*r.risk, rlo, rhi)), y = py(std::clamp(*r.benefit, blo, bhi));
            where[i] = {x, y};
            const double radius = pilot[i] ? 4.5 : 3.0;
            cairo_new_path(cr);
            cairo_arc(cr, x, y, radius, 0, 2 * std::numbers::pi);
            if (pilot[i]) {
                set_color(cr, colors::kAccent);
                cairo_fill(cr);
            } else {
                set_color(cr, colors::kMuted, 0.8);
                cairo_set_line_width(cr, 0.9);
                cairo_stroke(cr);
            }
            if (label_all) taken.push_back({x - radius, y - radius, x + radius, y + radius});
        }
    }
    // Numbers: pilots first, then in ranking order, each at the first free place around its dot.
    std::vector<std::size_t> label_order;
    for (const auto& p : in.selection.pilots) label_order.push_back(p.result);
    if (label_all) {
        std::vector<std::size_t> rest;
        for (std::size_t i = 0; i < in.results.size(); ++i)
            if (!pilot[i]) rest.push_back(i);
        std::sort(rest.begin(), rest.end(), [&](std::size_t a, std::size_t b) { return numbers[a] < numbers[b]; });
        label_order.insert(label_order.end(), rest.begin(), rest.end());
    }
    const Box plot{x0, y0, x0 + side, y0 + side};
    for (std::size_t i : label_order) {
        const auto& r = in.results[i];
        if (!r.benefit || !r.risk) continue;
        const auto [x, y] = where[i];
        const std::string text = std::to_string(numbers[i]);
        const Font f{number_font.size, number_font.bold, pilot[i] ? colors::kAccent : colors::kText};
        const double w = doc.text_width(text, f), h = f.size * 0.8;
        const std::pair<double, double> spots[] = {{x + 5.5, y - 3.5}, {x + 5.5, y + 3.5 + h}, {x - 5.5 - w, y - 3.5},
                                                   {x - 5.5 - w, y + 3.5 + h}, {x - w / 2, y - 6.5}, {x - w / 2, y + 6.5 + h}};
        std::pair<double, double> at = spots[0];
        for (const auto& spot : spots) {
            const Box box{spot.first, spot.second - h, spot.first + w, spot.second};
            const bool inside = box.x1 >= plot.x1 && box.x2 <= plot.x2 && box.y1 >= plot.y1 && box.y2 <= plot.y2;
            const bool free = std::none_of(taken.begin(), taken.end(), [&](const Box& t) { return t.overlaps(box); });
            if (inside && free) {
                at = spot;
                break;
            }
        }
        taken.push_back({at.first, at.second - h, at.first + w, at.second});
        doc.text_at(at.first, at.second, text, f);
    }
    doc.y = y0 + side + 30;
    const std::string legend =
        scored == in.results.size()
            ? std::string(i18n::tr("Filled dots are the pilots; the numbers are the places in the ranking."))
            : i18n::format(i18n::ntr("Filled dots are the pilots; the numbers are the places in the ranking. {0} idea "
                                     "has no benefit or risk score and is not shown.",
                                     "Filled dots are the pilots; the numbers are the places in the ranking. {0} ideas "
                                     "have no benefit or risk score and are not shown.",
                                     static_cast<unsigned long>(in.results.size() - scored)),
                           {std::to_string(in.results.size() - scored)});
    doc.paragraph(legend, fonts::kSmall);
}

}  // namespace pilotdeck::report
