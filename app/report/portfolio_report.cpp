#include "report/portfolio_report.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <filesystem>
#include <map>
#include <numbers>
#include <stdexcept>

#include "base/i18n.hpp"
#include "documents/documents.hpp"
#include "report/pdf_doc.hpp"
#include "report/text.hpp"

namespace pilotdeck::report {
namespace {

void set_color(cairo_t* cr, const Rgb& c) { cairo_set_source_rgb(cr, c.r, c.g, c.b); }

// Colours for the worries' lines, told apart in print and by people with red-green blindness
// (Okabe and Ito's palette).
constexpr std::array<Rgb, 8> kLineColors{{{0.00, 0.45, 0.70}, {0.90, 0.62, 0.00}, {0.00, 0.62, 0.45},
                                          {0.80, 0.47, 0.65}, {0.34, 0.71, 0.91}, {0.84, 0.37, 0.00},
                                          {0.35, 0.35, 0.35}, {0.94, 0.89, 0.26}}};

std::string when(const std::string& date) { return date.empty() ? std::string(i18n::tr("no date")) : date_for_people(date); }

std::string percent(double share) { return i18n::number(share * 100, 0) + " %"; }

void cover(PdfDoc& doc, const core::Portfolio& p) {
    std::vector<std::string> orgs;
    for (const auto& w : p.workshops)
        if (!w.organisation.empty() && std::find(orgs.begin(), orgs.end(), w.organisation) == orgs.end())
            orgs.push_back(w.organisation);
    std::string org;
    for (const auto& o : orgs) org += (org.empty() ? "" : ", ") + o;
    doc.paragraph(org.empty() ? std::string(i18n::tr("Portfolio of AI pilots")) : org, fonts::kH1, 0, 3);
    doc.paragraph(i18n::tr("Portfolio report for the steering group"), Font{13, false, colors::kMuted});
    doc.space(8);
    doc.rule();
    doc.space(4);
    std::string first, last;
    for (const auto& w : p.workshops)
        if (!w.date.empty()) {
            if (first.empty()) first = w.date;
            last = w.date;
        }
    if (!first.empty())
        doc.field(i18n::tr("Period"), first == last ? date_for_people(first)
                                                    : i18n::format(i18n::tr("{0} to {1}"), {date_for_people(first), date_for_people(last)}));
    doc.field(i18n::tr("Workshops"), i18n::integer(static_cast<long long>(p.workshops.size())));
    doc.field(i18n::tr("Ideas"), i18n::integer(static_cast<long long>(p.ideas.size())));
    doc.field(i18n::tr("Pilots"), i18n::integer(static_cast<long long>(p.pilots.size())));
    std::map<core::IdeaStatus, long long> counts;
    for (const auto& idea : p.ideas) ++counts[idea.status];
    std::string by_status;
    for (core::IdeaStatus s : {core::IdeaStatus::Proposed, core::IdeaStatus::Pilot, core::IdeaStatus::Adjusted,
                               core::IdeaStatus::Scaled, core::IdeaStatus::Stopped})
        by_status += (by_status.empty() ? "" : " · ") + std::string(status_name(s)) + " " + i18n::integer(counts[s]);
    doc.field(i18n::tr("Ideas by status"), by_status);
}

void workshops_section(PdfDoc& doc, const core::Portfolio& p) {
    doc.heading(i18n::tr("The workshops"), fonts::kH2);
    for (const auto& w : p.workshops) {
        doc.ensure(doc.line_height(fonts::kLabel) * 2);
        doc.paragraph(when(w.date) + "  " + (w.title.empty() ? std::string(i18n::tr("Untitled workshop")) : w.title),
                      fonts::kLabel, 0, 2);
        // TRANSLATORS: {0} participants, {1} ideas, {2} pilots of one workshop.
        doc.paragraph(i18n::format(i18n::tr("{0} participants · {1} ideas · {2} pilots"),
                                   {i18n::integer(static_cast<long long>(w.participants)),
                                    i18n::integer(static_cast<long long>(w.ideas)), i18n::integer(static_cast<long long>(w.pilots))}),
                      fonts::kSmall, 16, 1);
        doc.space(2);
    }
}

// Each worry's share of the room per workshop: x = the workshops in date order, y = 0..100 %.
void worries_chart(PdfDoc& doc, const core::Portfolio& p) {
    doc.heading(i18n::tr("Worries over time"), fonts::kH2);
    if (p.worries.empty()) {
        doc.paragraph(i18n::tr("None of these workshops has a list of worries."), fonts::kBody);
        return;
    }
    doc.paragraph(i18n::tr("The share of the participants who named each worry, workshop by workshop (the pulse-checks)."),
                  fonts::kSmall);
    const double plot_h = 170, legend_lh = 13;
    const double legend_h = legend_lh * static_cast<double>(p.worries.size()) + 6;
    doc.ensure(plot_h + 40 + legend_h);
    cairo_t* cr = doc.cr();
    const double x0 = doc.left() + 40, y0 = doc.y + 8, w = doc.width() - 60;
    const std::size_t n = p.workshops.size();
    auto px = [&](std::size_t i) { return n <= 1 ? x0 + w / 2 : x0 + w * static_cast<double>(i) / static_cast<double>(n - 1); };
    auto py = [&](double share) { return y0 + plot_h * (1.0 - std::clamp(share, 0.0, 1.0)); };
    const Font tick{8, false, colors::kMuted};
    cairo_set_line_width(cr, 0.6);
    for (int pct = 0; pct <= 100; pct += 25) {
        set_color(cr, colors::kLine);
        cairo_move_to(cr, x0, py(pct / 100.0));
        cairo_line_to(cr, x0 + w, py(pct / 100.0));
        cairo_stroke(cr);
        const std::string t = i18n::integer(pct) + " %";
        doc.text_at(x0 - 6 - doc.text_width(t, tick), py(pct / 100.0) + 3, t, tick);
    }
    // A date under every workshop while they fit (about 56 points each), else under every k-th.
    const std::size_t every = n <= 1 ? 1 : std::max<std::size_t>(1, static_cast<std::size_t>(std::ceil(56.0 * static_cast<double>(n - 1) / w)));
    for (std::size_t i = 0; i < n; i += every) {
        const std::string& d = p.workshops[i].date;
        const std::string t = d.empty() ? std::to_string(i + 1) : d;
        doc.text_at(std::clamp(px(i) - doc.text_width(t, tick) / 2, x0 - 20, x0 + w + 20 - doc.text_width(t, tick)),
                    y0 + plot_h + 12, t, tick);
    }
    for (std::size_t k = 0; k < p.worries.size(); ++k) {
        const Rgb color = kLineColors[k % kLineColors.size()];
        set_color(cr, color);
        cairo_set_line_width(cr, 1.6);
        bool started = false;
        for (const auto& point : p.worries[k].trend) {
            if (!point.share) {
                started = false;
                continue;
            }
            const double x = px(point.workshop), y = py(*point.share);
            if (started) cairo_line_to(cr, x, y);
            else cairo_move_to(cr, x, y);
            started = true;
        }
        cairo_stroke(cr);
        for (const auto& point : p.worries[k].trend)
            if (point.share) {
                cairo_arc(cr, px(point.workshop), py(*point.share), 2.6, 0, 2 * std::numbers::pi);
                cairo_fill(cr);
            }
    }
    doc.y = y0 + plot_h + 24;
    for (std::size_t k = 0; k < p.worries.size(); ++k) {
        const auto& worry = p.worries[k];
        set_color(cr, kLineColors[k % kLineColors.size()]);
        cairo_rectangle(cr, doc.left(), doc.y + 3, 14, 4);
        cairo_fill(cr);
        std::string latest = i18n::tr("not asked");
        for (const auto& point : worry.trend)
            if (point.share) latest = percent(*point.share);
        const std::string label = (worry.label.empty() ? worry.concern : worry.label) + " — " +
                                  i18n::format(i18n::tr("latest {0}"), {latest});
        const auto lines = doc.wrap(label, fonts::kSmall, doc.width() - 22);
        doc.text_at(doc.left() + 20, doc.y + 8, lines.empty() ? label : lines.front(), Font{8.5, false, colors::kText});
        doc.y += legend_lh;
    }
}

// One measure: "label: baseline → target (unit)", and a bar from the baseline (0 %) to the target
// (the mark at 100 %) filled up to the latest value's progress.
void measure_row(PdfDoc& doc, const core::PortfolioMeasure& m) {
    const std::string unit = m.unit.empty() ? "" : " " + m.unit;
    auto amount = [&](double v) {
        const bool whole = std::abs(v - std::round(v)) < 0.005;
        return i18n::number(v, whole ? 0 : 2) + unit;
    };
    std::string text = i18n::format(i18n::tr("{0}: baseline {1}, target {2}"),
                                    {m.label.empty() ? m.id : m.label, amount(m.baseline), amount(m.target)});
    if (m.latest)
        text += i18n::format(i18n::tr(", latest {0} ({1})"), {amount(*m.latest), date_for_people(m.latest_date)});
    constexpr double bar_w = 130, label_w = 52;
    const double bar_x = doc.right() - bar_w;
    const auto lines = doc.wrap(text, fonts::kBody, doc.width() - 16 - bar_w - label_w - 8);
    const double lh = doc.line_height(fonts::kBody);
    doc.ensure(std::max(lh * static_cast<double>(lines.size()), 14.0) + 4);
    const double top = doc.y;
    double ly = doc.y + fonts::kBody.size;
    for (const auto& line : lines) {
        doc.text_at(doc.left() + 16, ly, line, fonts::kBody);
        ly += lh;
    }
    cairo_t* cr = doc.cr();
    // The bar spans -0 .. 125 % so that beyond the target shows; the target is a mark at 100 %.
    const double scale = bar_w / 1.25;
    set_color(cr, colors::kLine);
    cairo_rectangle(cr, bar_x, top + 2, bar_w, 9);
    cairo_fill(cr);
    if (m.progress) {
        set_color(cr, *m.progress >= 1.0 ? Rgb{0.00, 0.55, 0.35} : (*m.progress < 0 ? Rgb{0.80, 0.20, 0.15} : colors::kAccent));
        cairo_rectangle(cr, bar_x, top + 2, scale * std::clamp(*m.progress, 0.0, 1.25), 9);
        cairo_fill(cr);
    }
    set_color(cr, colors::kText);
    cairo_set_line_width(cr, 1.2);
    cairo_move_to(cr, bar_x + scale, top);
    cairo_line_to(cr, bar_x + scale, top + 13);
    cairo_stroke(cr);
    const Font f{8, false, colors::kMuted};
    if (m.progress) {
        const std::string label = percent(*m.progress);
        doc.text_at(bar_x - 6 - doc.text_width(label, f), top + 10, label, f);
    } else {  // in the bar: "no values yet" is longer than a percentage
        const std::string label = i18n::tr("no values yet");
        doc.text_at(bar_x + 4, top + 9.5, label, Font{7.5, false, colors::kText});
    }
    doc.y = std::max(ly - fonts::kBody.size, top + 14) + 2;
}

void pilots_section(PdfDoc& doc, const core::Portfolio& p) {
    doc.heading(i18n::tr("The pilots and their measures"), fonts::kH2);
    if (p.pilots.empty()) {
        doc.paragraph(i18n::tr("No idea has become a pilot yet."), fonts::kBody);
        return;
    }
    doc.paragraph(i18n::tr("Progress: 0 % at the baseline, 100 % at the target (the mark), for rising and falling "
                           "measures alike; from the latest value."),
                  fonts::kSmall);
    doc.space(4);
    for (const auto& pilot : p.pilots) {
        const auto& w = p.workshops[pilot.workshop];
        doc.ensure(doc.line_height(fonts::kH3) * 2 + doc.line_height(fonts::kBody) * 3);
        doc.paragraph(pilot.title, fonts::kH3, 0, 3);
        // TRANSLATORS: {0} a status (pilot, scaled...), {1} a workshop's title, {2} its date.
        doc.paragraph(i18n::format(i18n::tr("{0} · from {1}, {2}"), {status_name(pilot.status), w.title, when(w.date)}),
                      fonts::kSmall, 0, 1);
        if (pilot.measures.empty()) doc.paragraph(i18n::tr("No measure yet."), fonts::kBody, 16, 1);
        for (const auto& m : pilot.measures) measure_row(doc, m);
        if (pilot.decision && !pilot.decision->reason.empty()) {
            // TRANSLATORS: {0} a status (scaled, stopped...), {1} a date, {2} the reason given for it.
            const char* pattern = i18n::tr("{0} on {1}: {2}");
            doc.field(i18n::tr("Decision"),
                      i18n::format(pattern, {status_name(pilot.decision->status), when(pilot.decision->date), pilot.decision->reason}), 16);
        }
        if (!pilot.users_say.empty()) {
            // TRANSLATORS: what the pilot's users said at a review, {0}, in quotes; {1} the date of that review.
            const char* pattern = i18n::tr("“{0}” ({1})");
            doc.field(i18n::tr("What the users say"), i18n::format(pattern, {pilot.users_say, when(pilot.users_say_date)}), 16);
        }
        doc.space(6);
    }
}

void ideas_section(PdfDoc& doc, const core::Portfolio& p) {
    doc.heading(i18n::tr("Every idea"), fonts::kH2);
    if (p.ideas.empty()) {
        doc.paragraph(i18n::tr("These workshops have no ideas yet."), fonts::kBody);
        return;
    }
    std::size_t current = p.workshops.size();
    for (const auto& idea : p.ideas) {
        if (idea.workshop != current) {
            current = idea.workshop;
            const auto& w = p.workshops[current];
            doc.space(3);
            doc.paragraph(when(w.date) + "  " + w.title, fonts::kLabel, 0, 3);
        }
        std::string line = idea.title + " — " + status_name(idea.status);
        if (!idea.department.empty()) line += " · " + idea.department;
        if (idea.benefit && idea.risk)
            line += " · " + i18n::format(i18n::tr("benefit {0}, risk {1}"), {i18n::number(*idea.benefit), i18n::number(*idea.risk)});
        doc.paragraph(line, fonts::kBody, 12, 1);
    }
}

}  // namespace

std::string render_portfolio_pdf(const core::Portfolio& portfolio) {
    const std::string title = i18n::tr("Portfolio of AI pilots");
    PdfDoc doc(title, title);
    cover(doc, portfolio);
    workshops_section(doc, portfolio);
    worries_chart(doc, portfolio);
    pilots_section(doc, portfolio);
    ideas_section(doc, portfolio);
    doc.space(6);
    doc.paragraph(i18n::tr("This report shows only aggregates: no names of raters and no individual scores."), fonts::kSmall);
    return doc.finish();
}

void write_portfolio_pdf(const core::Portfolio& portfolio, const std::string& path) {
    namespace fs = std::filesystem;
    const fs::path parent = fs::path(path).parent_path();
    std::error_code ec;
    if (!parent.empty() && !fs::is_directory(parent, ec))
        throw std::runtime_error(path + ": " + i18n::format(i18n::tr("the folder {0} does not exist"), {parent.string()}));
    documents::write_file_atomic(path, render_portfolio_pdf(portfolio));
}

}  // namespace pilotdeck::report
