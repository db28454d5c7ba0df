#include "synthetic.hpp"

#include <random>

namespace pilotdeck::bench {

core::Workshop synthetic_workshop(int ideas, int raters, int criteria, unsigned seed) {
    using namespace core;
    std::mt19937 rng(seed);
    Workshop ws;
    ws.info = {"Synthetic workshop", "Bench GmbH", "2026-11-26", "Bench", "en", "use-case-workshop"};
    const StageKind kinds[] = {StageKind::Intro, StageKind::Concerns, StageKind::Ideas,
                               StageKind::Scoring, StageKind::Matrix, StageKind::Shortlist};
    for (StageKind k : kinds)
        ws.stages.push_back({std::string(to_string(k)), k, std::string(to_string(k)), 20, "Goal", {"Prompt one", "Prompt two"}});
    ws.concerns = {{"jobs", "AI will replace my job", "Answer", 3}, {"blame", "I carry the blame", "Answer", 1}};
    const Axis axes[] = {Axis::Benefit, Axis::Risk, Axis::Visibility};
    for (int c = 0; c < criteria; ++c) {
        Criterion cr;
        cr.id = "c" + std::to_string(c + 1);
        cr.label = "Criterion " + std::to_string(c + 1);
        cr.axis = axes[c % 3];
        cr.weight = 1.0 + (c % 2);
        cr.levels = {{1, "low"}, {3, "middle"}, {5, "high"}};
        ws.criteria.push_back(cr);
    }
    const char* departments[] = {"Finance", "Sales", "Operations", "HR", "IT", "Customer Service", "Purchasing", "Legal"};
    for (int p = 0; p < raters; ++p)
        ws.participants.push_back({"p" + std::to_string(p + 1), "Person " + std::to_string(p + 1), departments[p % 8], Role::User});
    for (int i = 0; i < ideas; ++i) {
        Idea idea;
        idea.id = "i" + std::to_string(i + 1);
        idea.title = "Use case " + std::to_string(i + 1);
        idea.problem = "A recurring manual task";
        idea.solution = "An assistant drafts it";
        idea.department = departments[i % 8];
        idea.owner = "p" + std::to_string(i % raters + 1);
        idea.success_criteria = "Half the time within six weeks";
        ws.ideas.push_back(std::move(idea));
    }
    ws.scores.reserve(ws.ideas.size() * ws.participants.size() * ws.criteria.size());
    std::uniform_int_distribution<int> value(1, 5);
    for (const auto& idea : ws.ideas)
        for (const auto& person : ws.participants)
            for (const auto& cr : ws.criteria) ws.scores.push_back({idea.id, person.id, cr.id, value(rng)});
    return ws;
}

}  // namespace pilotdeck::bench
