// Team forming from another workshop's ideas (issue 10), shared by `pilotdeck import-ideas` and
// the GUI's File > Import ideas: reading the other workshop and deciding what to add.
#pragma once

#include <string>

#include "core/idea_import.hpp"
#include "core/model.hpp"

namespace pilotdeck::portfolio {

// The other workshop (a workshop file or a workshop document), read only. Throws
// std::runtime_error "FROM: what is wrong", also when FROM is the hackathon's own FILE.
core::Workshop read_idea_source(const std::string& file, const std::string& from);

// The ideas of `source` that `target` (the hackathon in FILE) lacks (core::ideas_from_workshop).
// Throws std::runtime_error "FILE: what is wrong" (not a hackathon, no ideas in the other).
core::IdeaImport plan_idea_import(const std::string& file, const core::Workshop& target, const core::Workshop& source);

}  // namespace pilotdeck::portfolio
