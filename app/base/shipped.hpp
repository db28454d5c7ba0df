// Where the running binary is, and where the files pilotdeck ships (templates, assets, fonts) are:
// next to an installed binary, in the install prefix, or in the source tree of a developer build.
#pragma once

#include <string>
#include <string_view>

namespace pilotdeck::base {

// The folder of the running binary (from /proc/self/exe), or empty when that cannot be read
// (no /proc, as in a bare chroot).
std::string executable_dir();

// A folder of shipped files called `name` ("workshop_templates", "assets", "fonts"): the value of
// the environment variable `env` when it is set, else the first folder that exists of
// <binary>/../share/pilotdeck/<name>, <install prefix>/share/pilotdeck/<name>,
// /usr/share/pilotdeck/<name>; else the source tree's <name> (a build that was never installed).
std::string shipped_dir(const char* env, std::string_view name);

}  // namespace pilotdeck::base
