#include "platform/paths.hpp"

#include <cstdlib>
#include <filesystem>

#include <pwd.h>
#include <unistd.h>

namespace pilotdeck::platform {

namespace {

std::string env(const char* name) {
    const char* v = std::getenv(name);
    return v ? std::string(v) : std::string();
}

std::string xdg(const char* var, const char* fallback_below_home) {
    std::string base = env(var);
    if (base.empty() || base.front() != '/') base = home_dir() + "/" + fallback_below_home;
    return base + "/pilotdeck";
}

}  // namespace

std::string home_dir() {
    std::string h = env("HOME");
    if (!h.empty()) return h;
    if (const passwd* pw = getpwuid(getuid()); pw && pw->pw_dir) return pw->pw_dir;
    return ".";
}

std::string config_dir() { return xdg("XDG_CONFIG_HOME", ".config"); }
std::string data_dir() { return xdg("XDG_DATA_HOME", ".local/share"); }

std::string documents_dir() {
    std::error_code ec;
    const std::string docs = home_dir() + "/Documents";
    if (std::filesystem::is_directory(docs, ec)) return docs;
    return home_dir();
}

std::string executable_dir() {
    std::error_code ec;
    const auto exe = std::filesystem::read_symlink("/proc/self/exe", ec);
    return ec ? std::string() : exe.parent_path().string();
}

}  // namespace pilotdeck::platform
