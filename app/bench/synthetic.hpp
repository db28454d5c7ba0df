// Deterministic synthetic workshops for benchmarks and size tests.
#pragma once

#include "core/model.hpp"

namespace pilotdeck::bench {

// `ideas` ideas in 8 departments, `raters` participants each scoring every idea on every one of
// `criteria` criteria (axes in turn: benefit, risk, visibility), values from a fixed seed.
core::Workshop synthetic_workshop(int ideas, int raters, int criteria, unsigned seed = 7);

}  // namespace pilotdeck::bench
