#include "portfolio/idea_source.hpp"

#include <filesystem>
#include <stdexcept>

#include "base/i18n.hpp"
#include "portfolio/sources.hpp"

namespace pilotdeck::portfolio {

core::Workshop read_idea_source(const std::string& file, const std::string& from) {
    std::error_code ec;
    if (std::filesystem::equivalent(file, from, ec))
        throw std::runtime_error(from + ": " + i18n::tr("is the hackathon's own file; name the other workshop"));
    return load_portfolio_sources({from}).front().workshop;
}

core::IdeaImport plan_idea_import(const std::string& file, const core::Workshop& target, const core::Workshop& source) {
    try {
        return core::ideas_from_workshop(target, source);
    } catch (const std::invalid_argument& e) {
        throw std::runtime_error(file + ": " + e.what());
    }
}

}  // namespace pilotdeck::portfolio
