// A workshop with enough (idea, rater, criterion) cells for long write sequences.
#pragma once

#include "core/commands.hpp"
#include "core/model.hpp"

namespace pilotdeck::test {

constexpr int kIdeas = 50, kRaters = 10, kCriteria = 3;

core::Workshop reliability_workshop();
// The k-th score of the write sequence (k < kIdeas * kRaters * kCriteria gives distinct cells).
core::SetScore nth_score(int k);

}  // namespace pilotdeck::test
