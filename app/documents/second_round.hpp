// Reading and writing the second round's parts of workshop documents (version 2): screening
// answers and gates (contracts 7), consensus values and rounds of scores (5b, 9), the score
// history (9). Internal to app/documents; called from workshop_document.cpp and schema.cpp.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/model.hpp"
#include "documents/json_reader.hpp"
#include "documents/json_writer.hpp"

namespace pilotdeck::documents::second_round {

inline constexpr std::size_t kMaxReasonChars = 280;
inline constexpr int kMaxRound = 1000;

// "assessment": {"P1": true, ..., "notes": "..."}; null or absent: never screened (not written).
std::optional<core::Assessment> read_assessment(JsonReader& r);
void write_assessment(JsonWriter& w, const std::optional<core::Assessment>& a);

// "gates": {"high_risk": "exclude" | "allow", "unassessed": "allow" | "exclude"}
void read_gates(JsonReader& r, core::SelectionRules& rules);
void write_gates(JsonWriter& w, const core::SelectionRules& rules);

// "revote": {"round": 2, "cells": [{"idea": "i1", "criterion": "quality"}, ...]}; references
// are checked by the caller (offsets of each cell returned).
core::RevoteRound read_revote(JsonReader& r, std::vector<std::size_t>& cell_offsets);
void write_revote(JsonWriter& w, const std::optional<core::RevoteRound>& revote);

// A score's "round" (1.. kMaxRound).
int read_round(JsonReader& r);
// A re-vote reason: one line, at most kMaxReasonChars characters.
std::string read_reason(JsonReader& r);

}  // namespace pilotdeck::documents::second_round
