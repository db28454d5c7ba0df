// contracts 9: what a re-vote round shows of a contested cell, without names: the spread of the
// individual values (median, quartiles, a histogram over the criterion's scale, sd) before the
// round and now. The phone view and the GUI show these same numbers.
#pragma once

#include <optional>
#include <vector>

#include "core/model.hpp"

namespace pilotdeck::core {

struct Spread {
    int n = 0;
    double median = 0, q1 = 0, q3 = 0;  // quartiles by linear interpolation (the median of a
                                        // value between two ranks is their mean)
    double sd = 0;                      // sample sd, as the aggregates (0 for one value)
    int lo = 1;                         // the criterion's scale: counts[k] is how many gave lo + k
    std::vector<int> counts;
};

// The spread of `values` on the scale lo..hi (values off the scale are left out of the histogram).
Spread spread_of(std::vector<int> values, int lo, int hi);

struct RevoteCellSpread {
    RevoteCell cell;
    Spread before;    // the values as they were when the round opened
    Spread now;       // the current values
    int revoted = 0;  // raters who gave a value in this round
};

// Each cell of the open round (in the round's order), before and now; empty when no round is
// open. The value before of a rater who re-voted is their last history entry of an earlier round.
std::vector<RevoteCellSpread> revote_spreads(const Workshop& ws);

}  // namespace pilotdeck::core
