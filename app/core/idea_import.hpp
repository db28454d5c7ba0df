// Team forming from the ideas of another workshop (issue 10): a hackathon takes the ideas of an
// earlier use-case workshop as the challenges its teams pick from. Pure: the caller reads the
// other workshop and runs the commands.
#pragma once

#include <string>
#include <vector>

#include "core/commands.hpp"
#include "core/model.hpp"

namespace pilotdeck::core {

struct IdeaImport {
    std::vector<Idea> ideas;  // the new ideas, with fresh ids, in the other workshop's order
    std::size_t skipped = 0;  // ideas the target already has (the same title, case and spaces aside)
};

// The ideas of `source` as new ideas of `target`: title, problem, solution, department, success
// criteria and screening answers; fresh ids ("i<n>" above the target's); the owner only when the
// target has a participant with the same id and name; no scores, pins, status or measures (those
// belong to the other workshop). Throws std::invalid_argument with a sentence when `target` is not
// a hackathon or `source` has no ideas.
IdeaImport ideas_from_workshop(const Workshop& target, const Workshop& source);

// The command that adds them, one undoable edit ("Import ideas").
Command import_command(const IdeaImport& import);

}  // namespace pilotdeck::core
