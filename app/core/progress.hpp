// How far a pilot has come (contracts 12): the latest value of a measure, its progress from
// baseline to target, and a worry's share of the room. Pure functions; no I/O.
#pragma once

#include <optional>

#include "core/model.hpp"

namespace pilotdeck::core {

// The value with the latest date (values may be entered out of date order); of several on that
// date, the one entered last. nullopt when there are none.
std::optional<MeasureValue> latest_value(const Measure& m);

// (latest - baseline) / (target - baseline), unrounded: 0 at the baseline, 1 at the target, for
// rising and falling measures alike (beyond 1: past the target; below 0: worse than before).
// nullopt without values (or with target equal to baseline, which import refuses).
std::optional<double> progress(const Measure& m);

// Rounded to 3 decimals, half away from zero, as the shortest decimal that reads back as x is
// written (0.0625 -> 0.063, -0.0005 -> -0.001, 2.0005 -> 2.001).
double round3(double x);

// count / participants, unrounded; nullopt when nobody took part.
std::optional<double> worry_share(int count, std::size_t participants);

}  // namespace pilotdeck::core
