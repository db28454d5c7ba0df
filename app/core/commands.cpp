#include "core/commands.hpp"

#include "core/hackathon_commands.hpp"

#include <set>
#include <utility>

namespace pilotdeck::core {

namespace {

std::string quoted(const std::string& s) { return "\xE2\x80\x9C" + s + "\xE2\x80\x9D"; }  // “s”

struct Describer {
    std::string operator()(const SetInfo&) const { return "Edit workshop details"; }
    std::string operator()(const SetCurrentStage&) const { return "Change stage"; }
    std::string operator()(const SetConcernCount&) const { return "Count a concern"; }
    std::string operator()(const PutParticipant& c) const { return "Save participant " + quoted(c.participant.name); }
    std::string operator()(const RemoveParticipant&) const { return "Remove participant"; }
    std::string operator()(const PutIdea& c) const { return "Save idea " + quoted(c.idea.title); }
    std::string operator()(const RemoveIdea&) const { return "Delete idea"; }
    std::string operator()(const SetScore& c) const { return c.value ? "Score" : "Clear score"; }
    std::string operator()(const SetSelection&) const { return "Change selection rules"; }
    template <HackathonCommand H>
    std::string operator()(const H& c) const { return describe_hackathon(c); }
    std::string operator()(const Batch& c) const {
        if (!c.label.empty()) return c.label;
        return c.commands.size() == 1 ? describe(c.commands.front()) : "Several changes";
    }
};

}  // namespace

std::string describe(const Command& c) { return std::visit(Describer{}, c); }

Batch merge_ideas(const Workshop& ws, const Idea& dropped, const Idea& kept) {
    Batch b;
    b.label = "Merge " + quoted(dropped.title) + " into " + quoted(kept.title);
    std::set<std::pair<std::string, std::string>> own;  // (rater, criterion) the kept idea has
    for (const auto& sc : ws.scores)
        if (sc.idea == kept.id) own.emplace(sc.rater, sc.criterion);
    for (const auto& sc : ws.scores)
        if (sc.idea == dropped.id && !own.contains({sc.rater, sc.criterion}))
            b.commands.push_back(SetScore{kept.id, sc.rater, sc.criterion, sc.value});
    b.commands.push_back(RemoveIdea{dropped.id});
    return b;
}

}  // namespace pilotdeck::core
