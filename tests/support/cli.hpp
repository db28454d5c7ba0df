// The command line as the tests drive it: the real `pilotdeck` binary on real files, run in
// English unless a test says otherwise, and how the house's answers look (one error line, exit 1).
// One helper for every test of the binary (tests/cli, tests/report): link pilotdeck_test_cli.
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "support/process.hpp"
#include "support/temp_dir.hpp"

namespace pilotdeck::test {

// A neutral environment: English whatever the machine's locale ("LANG=C.UTF-8", the rest empty).
const std::vector<std::string>& english();

// `pilotdeck ARGS`, with `env` ("NAME=value") added to the current environment.
RunResult pd(const std::vector<std::string>& args, const std::vector<std::string>& env = english());

// Exactly one line on stderr, starting "pilotdeck: " and holding `contains` (any exit status).
void check_one_error_line(const RunResult& r, const std::string& contains = {});
// Bad input refused as the house does: exit status 1 and one stderr line starting
// "pilotdeck: NAMES" (the file the message names) and holding `what`.
void check_refused(const RunResult& r, const std::string& names = {}, const std::string& what = {});

// The workshop document at `doc` imported into DIR/NAME (`pilotdeck import`); REQUIREs success.
std::string imported(const TempDir& dir, const std::string& doc, const std::string& name = "w.pilotdeck");
// `doc` written to DIR/NAME.json and imported into DIR/NAME.pilotdeck; REQUIREs success.
std::string imported_json(const TempDir& dir, const std::string& name, const nlohmann::json& doc);

// Files of the repository: the demo workshop document, tests/data/NAME.
std::string demo_document();
std::string test_data(const std::string& name);

// poppler's tools (pdfinfo, pdffonts, pdftotext, found by CMake) on ARGS, in English.
RunResult poppler(std::vector<std::string> args);
// All runs of white space as one space: pdftotext breaks lines where the PDF wraps them.
std::string squeeze(const std::string& s);
// The PDF's text (pdftotext), squeezed; REQUIREs success.
std::string pdf_text(const std::string& pdf);

}  // namespace pilotdeck::test
