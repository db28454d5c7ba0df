#include "ui/matrix_layout.hpp"

#include <algorithm>
#include <cmath>

namespace pilotdeck::ui::matrix {

bool overlaps(const Circle& c, const Rect& r) {
    const float nx = std::clamp(c.x, r.x0, r.x1);
    const float ny = std::clamp(c.y, r.y0, r.y1);
    const float dx = c.x - nx, dy = c.y - ny;
    return dx * dx + dy * dy < c.r * c.r;
}

Rect candidate(const Circle& c, const Size& s, Spot spot, float gap) {
    const float d = c.r + gap;               // beside, above, below
    const float diag = c.r * 0.7072f + gap;  // the diagonals touch the circle at 45 degrees
    switch (spot) {
        case Spot::Right: return {c.x + d, c.y - s.h / 2, c.x + d + s.w, c.y + s.h / 2};
        case Spot::Left: return {c.x - d - s.w, c.y - s.h / 2, c.x - d, c.y + s.h / 2};
        case Spot::Above: return {c.x - s.w / 2, c.y - d - s.h, c.x + s.w / 2, c.y - d};
        case Spot::Below: return {c.x - s.w / 2, c.y + d, c.x + s.w / 2, c.y + d + s.h};
        case Spot::AboveRight: return {c.x + diag, c.y - diag - s.h, c.x + diag + s.w, c.y - diag};
        case Spot::AboveLeft: return {c.x - diag - s.w, c.y - diag - s.h, c.x - diag, c.y - diag};
        case Spot::BelowRight: return {c.x + diag, c.y + diag, c.x + diag + s.w, c.y + diag + s.h};
        case Spot::BelowLeft: return {c.x - diag - s.w, c.y + diag, c.x - diag, c.y + diag + s.h};
    }
    return {};
}

namespace {

Rect grown(const Rect& r, float by) { return {r.x0 - by, r.y0 - by, r.x1 + by, r.y1 + by}; }

bool fits(const Rect& r, const LayoutInput& in, const std::vector<Rect>& placed) {
    if (!in.bounds.contains(r)) return false;
    const Rect padded = grown(r, in.gap / 2);
    for (const Rect& p : placed)
        if (padded.overlaps(grown(p, in.gap / 2))) return false;
    for (const Rect& o : in.obstacles)
        if (padded.overlaps(o)) return false;
    for (const Circle& b : in.bubbles)
        if (overlaps(b, r)) return false;
    return true;
}

}  // namespace

LabelLayout place_labels(const LayoutInput& in) {
    const std::size_t n = in.bubbles.size();
    LabelLayout out;
    out.labels.resize(n);
    // Every index once, the priority order first.
    std::vector<bool> listed(n, false);
    std::vector<std::size_t> queue;
    for (std::size_t i : in.order) {
        if (i >= n || listed[i]) continue;
        listed[i] = true;
        queue.push_back(i);
    }
    for (std::size_t i = 0; i < n; ++i)
        if (!listed[i]) queue.push_back(i);

    // Ways to place a label, best first: full label near, full far, short near, short far.
    std::vector<Rect> placed;
    placed.reserve(n);
    const int steps = in.reach > 0 ? std::max(1, in.reach_steps) : 0;
    const auto try_way = [&](std::size_t i, bool short_form, int step) {
        const bool far = step > 0;
        if (short_form && i >= in.short_labels.size()) return false;
        const Size size = short_form ? in.short_labels[i] : (i < in.labels.size() ? in.labels[i] : Size{});
        for (int s = 0; s < kSpotCount; ++s) {
            const Spot spot = static_cast<Spot>(s);
            const Rect r = candidate(in.bubbles[i], size, spot, in.gap + in.reach * static_cast<float>(step));
            if (fits(r, in, placed)) {
                out.labels[i] = {true, r, spot, short_form, far, 0};
                placed.push_back(r);
                return true;
            }
        }
        return false;
    };
    // In priority order (the ranking: the likely pilots get their names written out first).
    for (std::size_t i : queue) {
        bool done = false;
        for (int form = 0; form < 2 && !done; ++form)
            for (int step = 0; step <= steps && !done; ++step) done = try_way(i, form == 1, step);
    }
    for (auto& l : out.labels)
        if (!l.placed) l.number = ++out.numbered;
    return out;
}

std::vector<Circle> spread_coincident(std::vector<Circle> bubbles, float min_distance) {
    const std::size_t n = bubbles.size();
    const float eps = min_distance * 0.75f;  // closer than this, their numbers would overlap
    std::vector<bool> done(n, false);
    for (std::size_t i = 0; i < n; ++i) {
        if (done[i]) continue;
        std::vector<std::size_t> group{i};
        for (std::size_t j = i + 1; j < n; ++j)
            if (!done[j] && std::fabs(bubbles[j].x - bubbles[i].x) < eps && std::fabs(bubbles[j].y - bubbles[i].y) < eps)
                group.push_back(j);
        for (std::size_t g : group) done[g] = true;
        if (group.size() < 2) continue;
        // k points on a ring whose chord between neighbours is min_distance.
        const double k = static_cast<double>(group.size());
        const double pi = 3.14159265358979323846;
        const double ring = min_distance / (2.0 * std::sin(pi / k));
        const float cx = bubbles[i].x, cy = bubbles[i].y;
        for (std::size_t m = 0; m < group.size(); ++m) {
            const double a = -pi / 2 + 2.0 * pi * static_cast<double>(m) / k;
            bubbles[group[m]].x = cx + static_cast<float>(ring * std::cos(a));
            bubbles[group[m]].y = cy + static_cast<float>(ring * std::sin(a));
        }
    }
    return bubbles;
}

float scale(double value, double lo, double hi, float p0, float p1) {
    if (hi <= lo) return (p0 + p1) / 2;
    const double t = std::clamp((value - lo) / (hi - lo), 0.0, 1.0);
    return static_cast<float>(p0 + (p1 - p0) * t);
}

}  // namespace pilotdeck::ui::matrix
