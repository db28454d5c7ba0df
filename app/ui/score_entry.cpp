#include "ui/score_entry.hpp"

#include <algorithm>

namespace pilotdeck::ui {

std::optional<std::size_t> next_unscored(const std::vector<core::Idea>& ideas,
                                         const std::vector<core::IdeaResult>& results, const std::string& current,
                                         const std::string& department) {
    const std::size_t n = std::min(ideas.size(), results.size());
    std::size_t start = 0;
    for (std::size_t i = 0; i < n; ++i)
        if (ideas[i].id == current) start = i + 1;
    std::optional<std::size_t> best;
    for (std::size_t k = 0; k < n; ++k) {
        const std::size_t i = (start + k) % n;
        if (!department.empty() && ideas[i].department != department) continue;
        if (!best || results[i].raters < results[*best].raters) best = i;
    }
    return best;
}

}  // namespace pilotdeck::ui
