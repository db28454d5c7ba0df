// Pure geometry for the benefit-vs-risk matrix: where each bubble's label goes so that no two
// labels overlap and no label covers a bubble. No ImGui here, so it is unit-tested on its own.
#pragma once

#include <cstddef>
#include <vector>

namespace pilotdeck::ui::matrix {

struct Rect {
    float x0 = 0, y0 = 0, x1 = 0, y1 = 0;
    float width() const { return x1 - x0; }
    float height() const { return y1 - y0; }
    bool overlaps(const Rect& o) const { return x0 < o.x1 && o.x0 < x1 && y0 < o.y1 && o.y0 < y1; }
    bool contains(const Rect& o) const { return o.x0 >= x0 && o.x1 <= x1 && o.y0 >= y0 && o.y1 <= y1; }
};

struct Circle {
    float x = 0, y = 0, r = 0;  // centre and radius (screen units, y down)
};

struct Size {
    float w = 0, h = 0;
};

bool overlaps(const Circle& c, const Rect& r);

// The 8 candidate spots around a bubble, in the order they are tried: beside first (reads
// best), then above/below, then the diagonals.
enum class Spot { Right, Left, Above, Below, AboveRight, AboveLeft, BelowRight, BelowLeft };
inline constexpr int kSpotCount = 8;

// The rectangle of a label of `size` at `spot` around `c`, `gap` away from the circle.
Rect candidate(const Circle& c, const Size& size, Spot spot, float gap);

struct LabelPlacement {
    bool placed = false;
    Rect rect;              // valid when placed
    Spot spot = Spot::Right;
    bool short_form = false;  // placed with its short label (LayoutInput::short_labels)
    bool far = false;         // placed `reach` further out: draw a leader line to the bubble
    int number = 0;         // 1.. when not placed: drawn in the bubble and listed in a legend
};

struct LabelLayout {
    std::vector<LabelPlacement> labels;  // one per bubble, same order
    int numbered = 0;                    // how many labels fell back to a number
};

struct LayoutInput {
    std::vector<Circle> bubbles;
    std::vector<Size> labels;        // one per bubble
    std::vector<Size> short_labels;  // optional, one per bubble: a shorter text tried when the full one fits nowhere
    Rect bounds;                     // labels must stay inside
    std::vector<Rect> obstacles;     // fixed text already drawn (quadrant names, limit label)
    float gap = 4;                   // distance between a bubble and its label, and between labels
    float reach = 0;                 // > 0: also try the 8 spots this much further out (with a leader line)
    int reach_steps = 1;             // ... and 2, 3... times `reach` out, up to this many steps
    std::vector<std::size_t> order;  // placement priority (first placed first); empty = index order
};

// Greedy placement in priority order. A label takes the first of its 8 spots that stays in
// bounds and overlaps no placed label (with `gap` to spare), no bubble and no obstacle, trying
// in turn: full text beside its bubble, full text `reach` (then 2, 3... `reach_steps` times
// `reach`) further out (drawn with a leader line), short text beside, short text further out. Labels that fit nowhere get numbers 1..k in
// bubble-index order.
LabelLayout place_labels(const LayoutInput& in);

// Bubbles whose centres (nearly) coincide — ideas with identical or almost identical scores,
// closer than 3/4 of `min_distance` — are moved apart onto a small ring around the first one's
// centre, `min_distance` apart, so each stays visible and clickable. Returns new centres.
std::vector<Circle> spread_coincident(std::vector<Circle> bubbles, float min_distance);

// Maps a score on [lo, hi] to [p0, p1] (p1 may be smaller than p0, for y pointing down), clamped.
float scale(double value, double lo, double hi, float p0, float p1);

}  // namespace pilotdeck::ui::matrix
