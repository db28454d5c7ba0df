#include "cli/resources.hpp"

#include <filesystem>

#include "base/shipped.hpp"

namespace fs = std::filesystem;

namespace pilotdeck::cli {

std::string default_templates_dir() { return base::shipped_dir("PILOTDECK_TEMPLATES", "workshop_templates"); }

std::string obligations_path() {
    return (fs::path(base::shipped_dir("PILOTDECK_ASSETS", "assets")) / "ai-act-obligations.json").string();
}

std::string demo_document_path() { return (fs::path(base::shipped_dir("PILOTDECK_ASSETS", "assets")) / "demo-workshop.json").string(); }

}  // namespace pilotdeck::cli
