// The robustness document (contracts 8): shares of samples, 3 decimals, ideas in ranking order.
#include <cmath>

#include "documents/documents.hpp"
#include "documents/json_writer.hpp"

namespace pilotdeck::documents {

std::string write_robustness(const core::Workshop& ws, const core::RobustnessResult& result,
                             const core::RobustnessOptions& options) {
    JsonWriter w;
    w.begin_object().field("format", "pilotdeck-robustness").field("version", 1);
    w.field("samples", options.samples).field("seed", static_cast<std::int64_t>(options.seed));
    w.field("concentration", options.concentration).key("ideas").begin_array();
    for (const core::IdeaRobustness& r : result.ideas) {
        const core::Idea& idea = ws.ideas.at(r.idea);
        w.begin_object(JsonWriter::Layout::Inline).field("idea", idea.id).field("title", idea.title);
        w.field("selected_share", r.selected_share).field("top_share", r.top_share);
        w.field("verdict", core::to_string(r.verdict)).end_object();
    }
    w.end_array().end_object();
    return w.finish();
}

}  // namespace pilotdeck::documents
