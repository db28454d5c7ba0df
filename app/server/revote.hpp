// The re-vote on phones (contracts 9): during an open re-vote round, in the scoring stage, a rater
// sees the contested cells they scored with the room's median, quartiles and histogram (no
// names) and gives a new value with a one-line reason. Session's thread; no HTTP here.
#pragma once

#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "core/session.hpp"
#include "server/job.hpp"
#include "server/phone_view.hpp"

namespace pilotdeck::server {

// PUT /api/revote: refused (j.reply set, nullopt) or the core::Revote to commit with the batch.
std::optional<core::Command> check_revote(Job& j, const core::Session& s, const PhoneSettings& settings);

// The state's "revote" (only while a round is open and phones are in the scoring stage):
// {"round", "cells": [{"idea", "title", "criterion", "label", "min", "max", "mine", "done",
//   "raters", "median", "q1", "q3", "histogram": [{"value", "count"}]}]}, the cells this
// participant scored.
void add_revote_state(nlohmann::json& out, const std::string& participant, const core::Session& s,
                      const PhoneSettings& settings);

// The p-quantile of sorted values, linearly interpolated between the two nearest ranks (as
// spreadsheets' QUARTILE.INC): 0.5 is the median.
double quantile(const std::vector<int>& sorted, double p);

}  // namespace pilotdeck::server
