// Helpers for the core tests: the small pieces of a workshop they build again and again.
#pragma once

#include <string>

#include "core/model.hpp"

namespace pilotdeck::test {

// A criterion on `axis`, labelled with its id, scored 1..5 (the model's defaults).
inline core::Criterion crit(const std::string& id, core::Axis axis, double weight = 1.0) {
    core::Criterion c;
    c.id = id;
    c.label = id;
    c.axis = axis;
    c.weight = weight;
    return c;
}

}  // namespace pilotdeck::test
