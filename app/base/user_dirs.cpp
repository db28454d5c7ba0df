#include "base/user_dirs.hpp"

#include <pwd.h>
#include <unistd.h>

#include <cstdlib>

namespace pilotdeck::base {
namespace {

std::string env(const char* name) {
    const char* v = std::getenv(name);
    return v ? std::string(v) : std::string();
}

// $VAR when it is an absolute path (the XDG rule), else ~/fallback.
std::string xdg_home(const char* var, const char* fallback_below_home) {
    std::string base = env(var);
    if (base.empty() || base.front() != '/') base = home_dir() + "/" + fallback_below_home;
    return base;
}

}  // namespace

std::string home_dir() {
    std::string h = env("HOME");
    if (!h.empty()) return h;
    if (const passwd* pw = ::getpwuid(::getuid()); pw && pw->pw_dir) return pw->pw_dir;
    return ".";
}

std::string data_home() { return xdg_home("XDG_DATA_HOME", ".local/share"); }
std::string config_dir() { return xdg_home("XDG_CONFIG_HOME", ".config") + "/pilotdeck"; }
std::string data_dir() { return data_home() + "/pilotdeck"; }

}  // namespace pilotdeck::base
