#include "reliability_fixture.hpp"

namespace pilotdeck::test {

core::Workshop reliability_workshop() {
    using namespace core;
    Workshop ws;
    ws.info.title = "Reliability";
    ws.stages = {{"s1", StageKind::Scoring, "Scoring", 30, "Score", {}}};
    const Axis axes[] = {Axis::Benefit, Axis::Risk, Axis::Visibility};
    for (int c = 0; c < kCriteria; ++c) {
        Criterion cr;
        cr.id = "c" + std::to_string(c);
        cr.label = "Criterion " + std::to_string(c);
        cr.axis = axes[c];
        ws.criteria.push_back(cr);
    }
    for (int p = 0; p < kRaters; ++p) ws.participants.push_back({"p" + std::to_string(p), "Rater " + std::to_string(p), "Ops", Role::User});
    for (int i = 0; i < kIdeas; ++i) {
        Idea idea;
        idea.id = "i" + std::to_string(i);
        idea.title = "Idea " + std::to_string(i);
        ws.ideas.push_back(idea);
    }
    return ws;
}

core::SetScore nth_score(int k) {
    return core::SetScore{"i" + std::to_string(k % kIdeas), "p" + std::to_string((k / kIdeas) % kRaters),
                          "c" + std::to_string((k / (kIdeas * kRaters)) % kCriteria), 1 + k % 5};
}

}  // namespace pilotdeck::test
