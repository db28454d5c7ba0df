// The results document of a hackathon (contracts 6, `pilotdeck results`): the ranking, the
// awards and the recusals; no judge names, no individual scores or comparisons.
#pragma once

#include <string>

#include "core/hackathon.hpp"
#include "core/model.hpp"

namespace pilotdeck::documents {

std::string write_results(const core::Workshop& ws, const core::HackathonResults& results);

}  // namespace pilotdeck::documents
