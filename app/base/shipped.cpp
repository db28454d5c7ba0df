#include "base/shipped.hpp"

#include <cstdlib>
#include <filesystem>
#include <system_error>
#include <vector>

namespace pilotdeck::base {

namespace fs = std::filesystem;

std::string executable_dir() {
    std::error_code ec;
    const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
    return ec ? std::string() : exe.parent_path().string();
}

std::string shipped_dir(const char* env, std::string_view name) {
    if (const char* v = env ? std::getenv(env) : nullptr; v && *v) return v;
    std::vector<fs::path> installed;
    if (const std::string exe = executable_dir(); !exe.empty())
        installed.push_back(fs::path(exe) / ".." / "share" / "pilotdeck" / name);
    installed.push_back(fs::path(PILOTDECK_INSTALL_DATA_DIR) / name);
    installed.push_back(fs::path("/usr/share/pilotdeck") / name);
    std::error_code ec;
    for (const fs::path& dir : installed)
        if (fs::is_directory(dir, ec)) return fs::weakly_canonical(dir, ec).string();
    return (fs::path(PILOTDECK_SOURCE_DIR) / name).string();
}

}  // namespace pilotdeck::base
