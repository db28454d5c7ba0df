// The language of the command line's messages (contracts.md section 10): `--lang en|nl|de` after
// any command, else the workshop's language for commands on a workshop, else the system's.
#pragma once

#include <CLI/CLI.hpp>

#include <cstddef>
#include <string>
#include <string_view>

namespace pilotdeck::cli {

// Before parsing: --lang (when valid) or the system's language, so that --help is translated too.
void choose_language_early(int argc, char** argv);
// Adds `--lang` to a command; every command has it.
void add_lang_option(CLI::App* command, std::string& value);
// After parsing: a non-empty --lang becomes the override. An unknown one prints one line naming
// the languages there are and returns false (the caller exits 2).
bool apply_lang_option(const std::string& value);
// For a command on a workshop: shows its messages in the workshop's language unless --lang was given.
void follow_workshop_language(std::string_view workshop_language);
// A translated count pattern ("{0} stages") filled with n.
std::string counted(std::size_t n, const char* pattern);
// n as the unsigned long that ngettext wants.
inline unsigned long plural_n(std::size_t n) { return static_cast<unsigned long>(n); }

}  // namespace pilotdeck::cli
