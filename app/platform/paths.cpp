#include "platform/paths.hpp"

#include "base/user_dirs.hpp"

#include <cstdlib>
#include <filesystem>

#include <pwd.h>
#include <unistd.h>

namespace pilotdeck::platform {

std::string home_dir() { return base::home_dir(); }
std::string config_dir() { return base::config_dir(); }
std::string data_dir() { return base::data_dir(); }

std::string documents_dir() {
    std::error_code ec;
    const std::string docs = home_dir() + "/Documents";
    if (std::filesystem::is_directory(docs, ec)) return docs;
    return home_dir();
}

}  // namespace pilotdeck::platform
