// Starting a follow-up workshop from an earlier one (contracts 12, issue 13 "carry over").
#pragma once

#include <string>

#include "core/model.hpp"

namespace pilotdeck::core {

// A new workshop from template `t`, dated `date`, carrying from `earlier`: its organisation,
// facilitator and participants; its pilots for review (status pilot or adjusted, and the ideas
// its shortlist chose when nobody set a status yet: they become pilots chosen on the earlier
// date) with their history and measures; its other open ideas as proposed (without their pin).
// Ideas already scaled or stopped stay with the earlier workshop. Scores are not carried: the
// new meeting scores afresh. A carried pilot without history gets one entry dated at the
// earlier workshop, so that its values measured since then stay valid (earliest_value_date).
Workshop carry_over(const Workshop& earlier, const Template& t, const std::string& title, const std::string& date);

}  // namespace pilotdeck::core
