#include "cli/resources.hpp"

#include <cstdlib>
#include <filesystem>
#include <system_error>

#include "version.hpp"

namespace fs = std::filesystem;

namespace pilotdeck::cli {

namespace {

fs::path executable_dir() {
    std::error_code ec;
    fs::path exe = fs::read_symlink("/proc/self/exe", ec);
    return ec ? fs::path() : exe.parent_path();
}

// The first existing folder of: $env, <exe>/../share/pilotdeck/<name>, <source>/<name>.
std::string find_dir(const char* env, const std::string& name) {
    if (const char* v = std::getenv(env); v && *v) return v;
    std::error_code ec;
    const fs::path installed = executable_dir() / ".." / "share" / "pilotdeck" / name;
    if (fs::is_directory(installed, ec)) return fs::weakly_canonical(installed, ec).string();
    return (fs::path(PILOTDECK_SOURCE_DIR) / name).string();
}

}  // namespace

std::string default_templates_dir() { return find_dir("PILOTDECK_TEMPLATES", "workshop_templates"); }

std::string obligations_path() {
    return (fs::path(find_dir("PILOTDECK_ASSETS", "assets")) / "ai-act-obligations.json").string();
}

std::string demo_document_path() { return (fs::path(find_dir("PILOTDECK_ASSETS", "assets")) / "demo-workshop.json").string(); }

}  // namespace pilotdeck::cli
