#include "ui/matrix_side.hpp"

#include <algorithm>
#include <array>
#include <cmath>

#include "base/i18n.hpp"
#include "ui/score_display.hpp"
#include "ui/widgets.hpp"

namespace pilotdeck::ui {

namespace {

using core::Quadrant;

constexpr std::array kQuadrants{Quadrant::QuickWin, Quadrant::Strategic, Quadrant::FillIn, Quadrant::Avoid};
constexpr std::array kExportScales{1.0f, 0.9f, 0.8f, 0.72f, 0.65f};  // the picture has no pages
constexpr std::array kRoomScales{1.0f, 0.9f, 0.8f};  // on screen: what the back row still reads

std::string page_text(int page, int pages) {
    return i18n::format(i18n::tr("Page {0} of {1} \u2014 L turns the page"),
                        {std::to_string(page + 1), std::to_string(pages)});
}

}  // namespace

void Pen::text(ImVec2 p, const Rgba& c, const std::string& t, float scale) const {
    dl->AddText(font, size * scale, p, u32(c), t.c_str());
}

float Pen::wrapped(ImVec2 p, const Rgba& c, const std::string& t, float wrap) const {
    dl->AddText(font, size, p, u32(c), t.c_str(), nullptr, wrap);
    return font->CalcTextSizeA(size, FLT_MAX, wrap, t.c_str()).y;
}

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

SideColumn draw_side(const Pen& pen, const Palette& pal, ImVec2 p, float width, float bottom, bool limit_shown,
                     const std::vector<NumberedIdea>& numbered, const std::vector<std::string>& unplaced, int page) {
    SideColumn out;
    out.page_of.assign(numbered.size(), 0);
    const float fs = pen.size;
    const float line = fs * 1.35f;
    const float gap = line - fs;
    auto room = [&] { return p.y + line <= bottom; };
    // The key: the four markers with their quadrant's name, the size, the dashed line. Where a
    // list that pages on screen would not hold its numbered ideas whole below it, the markers'
    // rows go (the chart's corners name the quadrants) and the list gets their room.
    const std::string size_text = i18n::tr("Size: visibility");
    const std::string limit_text = i18n::tr("Right of the dashed line: risk above the limit");
    float widest = 0;
    for (Quadrant q : kQuadrants) widest = std::max(widest, pen.measure(quadrant_title(q)).x + fs * 1.3f);
    const bool pairs = 2 * widest + fs * 0.8f <= width;  // two markers a row when they fit side by side
    const float markers_h = line * (pairs ? 2.f : 4.f);
    const float limit_h =
        limit_shown ? pen.font->CalcTextSizeA(fs, FLT_MAX, width, limit_text.c_str()).y + gap : 0.f;
    const std::string unplaced_heading = i18n::tr("Not yet placed");
    const float unplaced_min = pen.font->CalcTextSizeA(fs, FLT_MAX, width, unplaced_heading.c_str()).y + gap + line;
    auto entry_of = [](const NumberedIdea& n) { return std::to_string(n.number) + " \u2014 " + n.text; };
    bool markers = true;
    if (page >= 0 && !numbered.empty()) {
        const float list_top = p.y + line + markers_h + line + limit_h + line * 0.5f + line;
        const float unplaced_h = unplaced.empty() ? 0.f : unplaced_min + line * 0.5f;
        float whole = 0;  // the list in one column at the smallest size the back row reads
        for (const NumberedIdea& n : numbered)
            whole += pen.font->CalcTextSizeA(fs * kRoomScales.back(), FLT_MAX, width, entry_of(n).c_str()).y +
                     gap * kRoomScales.back();
        markers = list_top + whole <= bottom - unplaced_h;  // (two columns of half the width: about as tall)
    }
    pen.text(p, pal.text, i18n::trc("legend", "Key"));
    p.y += line;
    int nth = 0;
    for (Quadrant q : kQuadrants) {
        if (!markers) break;
        const float x = p.x + (pairs && nth % 2 == 1 ? widest + fs * 0.8f : 0.f);
        draw_quadrant_marker(pen.dl, ImVec2(x + fs * 0.5f, p.y + fs * 0.55f), fs * 0.42f, q, pal, 1.0f);
        pen.text(ImVec2(x + fs * 1.3f, p.y), pal.text, quadrant_title(q));
        if (!pairs || nth % 2 == 1) p.y += line;
        ++nth;
    }
    pen.text(p, pal.text_muted, size_text);
    p.y += line;
    if (limit_shown) p.y += pen.wrapped(p, pal.text_muted, limit_text, width) + gap;
    p.y += line * 0.5f;
    if (!numbered.empty() && room()) {
        pen.text(p, pal.text, i18n::tr("Numbered ideas"));
        p.y += line;
        // Every numbered idea listed whole: the list's text smaller, then in two columns, until
        // it fits (what the room needs is to find each number); past that, on screen, pages at a
        // size the back row reads; in the picture "+ N more".
        const float col_gap = fs * 0.8f;
        auto entry = [&](std::size_t k) { return entry_of(numbered[k]); };
        // A place for "Not yet placed" (its heading, wrapped, and one line: an idea or "+ N more").
        float list_bottom = unplaced.empty() ? bottom : bottom - unplaced_min - line * 0.5f;
        float end_y = p.y;  // under the last entry drawn (one column), else the list's bottom
        // Entries from `from` that fit, top-down, column by column; drawn when `draw`.
        auto fill = [&](float s, int cols, std::size_t from, bool draw) {
            const float col_w = (width - col_gap * static_cast<float>(cols - 1)) / static_cast<float>(cols);
            float x = p.x, y = p.y;
            int col = 0;
            std::size_t k = from;
            for (; k < numbered.size(); ++k) {
                const std::string t = entry(k);
                const float h = pen.font->CalcTextSizeA(fs * s, FLT_MAX, col_w, t.c_str()).y;
                if (y + h > list_bottom) {  // the next column, if there is one
                    if (++col == cols) break;
                    x += col_w + col_gap;
                    y = p.y;
                    if (y + h > list_bottom) break;
                }
                if (draw) {
                    const ImVec2 a(x, y), b(x + col_w, y + h);
                    if (numbered[k].highlight) pen.dl->AddRectFilled(a, b, u32(pal.accent), fs * 0.15f);
                    pen.dl->AddText(pen.font, fs * s, a, u32(numbered[k].highlight ? pal.accent_text : pal.text),
                                    t.c_str(), nullptr, col_w);
                    out.drawn.push_back({numbered[k].number, numbered[k].idea, t, a, b, fs * s});
                }
                y += h + gap * s;
            }
            end_y = cols == 1 ? y : list_bottom;
            return k;
        };
        const bool paged = page >= 0;
        std::pair<float, int> fit{0.f, 0};  // scale and columns at which all fit
        for (const int c : {1, 2})
            for (const float sc : kExportScales)
                if (fit.second == 0 && (!paged || sc >= kRoomScales.back()) && fill(sc, c, 0, false) == numbered.size())
                    fit = {sc, c};
        if (fit.second > 0) {
            fill(fit.first, fit.second, 0, true);
            p.y = end_y;
        } else if (!paged) {  // even two columns of small text do not hold them: as many as fit, and how many are left
            list_bottom = bottom - line;
            const std::size_t listed = fill(kExportScales.back(), 2, 0, true);
            pen.text(ImVec2(p.x, bottom - line), pal.text_muted,
                     counted(numbered.size() - listed, i18n::ntr("+ {0} more", "+ {0} more", plural_n(numbered.size() - listed))));
            p.y = bottom;
        } else {
            // Pages: the fewest at a size the back row reads (the larger size when as few), the
            // page's number and the key that turns it at the bottom.
            const float indicator_h =
                pen.font->CalcTextSizeA(fs, FLT_MAX, width, page_text(98, 99).c_str()).y;
            list_bottom -= indicator_h + gap;
            // Every page lists at least one idea: where the longest title at the smallest size
            // the back row reads does not fit above the page number, the list takes the place
            // kept for "Not yet placed" (which then goes: the ideas stage lists them).
            float longest = 0;
            for (std::size_t k = 0; k < numbered.size(); ++k)
                longest = std::max(longest, pen.font->CalcTextSizeA(fs * kRoomScales.back(), FLT_MAX, width,
                                                                    entry(k).c_str()).y);
            if (p.y + longest > list_bottom && !unplaced.empty())
                list_bottom = std::min(bottom - indicator_h - gap, std::max(list_bottom, p.y + longest));
            std::vector<std::size_t> best_starts;
            std::pair<float, int> best{0.f, 0};
            for (const int c : {1, 2})
                for (const float sc : kRoomScales) {
                    std::vector<std::size_t> starts;
                    for (std::size_t k = 0; k < numbered.size();) {
                        starts.push_back(k);
                        k = std::max(fill(sc, c, k, false), k + 1);  // an entry taller than the list: alone
                    }
                    if (best.second == 0 || starts.size() < best_starts.size() ||
                        (starts.size() == best_starts.size() && sc > best.first)) {
                        best = {sc, c};
                        best_starts = starts;
                    }
                }
            out.pages = static_cast<int>(best_starts.size());
            out.page = page % out.pages;
            for (std::size_t pg = 0; pg < best_starts.size(); ++pg) {
                const std::size_t end = pg + 1 < best_starts.size() ? best_starts[pg + 1] : numbered.size();
                for (std::size_t k = best_starts[pg]; k < end; ++k) out.page_of[k] = static_cast<int>(pg);
            }
            fill(best.first, best.second, best_starts[static_cast<std::size_t>(out.page)], true);
            pen.wrapped(ImVec2(p.x, list_bottom + gap), pal.text_muted, page_text(out.page, out.pages), width);
            p.y = list_bottom + gap + indicator_h;
        }
        p.y += line * 0.5f;
    }
    // The ideas not yet placed, under their heading (wrapped), as many as fit whole, then how
    // many more; where not even the heading and one line fit, nothing (never a cut line).
    auto put = [&](const Rgba& c, const std::string& t) {
        const float h = pen.wrapped(p, c, t, width);
        out.unplaced.push_back({0, 0, t, p, ImVec2(p.x + pen.font->CalcTextSizeA(fs, FLT_MAX, width, t.c_str()).x, p.y + h), fs});
        p.y += h + gap;
    };
    auto more = [&](std::size_t n) { return counted(n, i18n::ntr("+ {0} more", "+ {0} more", plural_n(n))); };
    if (!unplaced.empty() && p.y + unplaced_min <= bottom + 0.5f) {
        put(pal.text, unplaced_heading);
        for (std::size_t k = 0; k < unplaced.size(); ++k) {
            const float h = pen.font->CalcTextSizeA(fs, FLT_MAX, width, unplaced[k].c_str()).y;
            const bool last = k + 1 == unplaced.size();
            if (p.y + h + (last ? 0.f : line) > bottom + 0.5f) {
                put(pal.text_muted, more(unplaced.size() - k));
                break;
            }
            put(pal.text_muted, unplaced[k]);
        }
    }
    return out;
}

}  // namespace pilotdeck::ui
