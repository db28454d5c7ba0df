#include "core/commands.hpp"

#include "core/hackathon_commands.hpp"

#include "base/i18n.hpp"

#include <set>
#include <utility>

namespace pilotdeck::core {

namespace {

std::string quoted(const std::string& s) { return "\xE2\x80\x9C" + s + "\xE2\x80\x9D"; }  // “s”

struct Describer {
    std::string operator()(const SetInfo&) const { return i18n::tr("Edit workshop details"); }
    std::string operator()(const SetCurrentStage&) const { return i18n::tr("Change stage"); }
    std::string operator()(const SetConcernCount&) const { return i18n::tr("Count a concern"); }
    std::string operator()(const PutParticipant& c) const { return i18n::format(i18n::tr("Save participant {0}"), {quoted(c.participant.name)}); }
    std::string operator()(const RemoveParticipant&) const { return i18n::tr("Remove participant"); }
    std::string operator()(const PutIdea& c) const { return i18n::format(i18n::tr("Save idea {0}"), {quoted(c.idea.title)}); }
    std::string operator()(const RemoveIdea&) const { return i18n::tr("Delete idea"); }
    std::string operator()(const SetScore& c) const {
        if (c.consensus) return c.value ? i18n::tr("Team consensus") : i18n::tr("Clear team consensus");
        return c.value ? i18n::trc("undo", "Score") : i18n::tr("Clear score");
    }
    std::string operator()(const SetSelection&) const { return i18n::tr("Change selection rules"); }
    template <HackathonCommand H>
    std::string operator()(const H& c) const { return describe_hackathon(c); }
    std::string operator()(const SetRevote& c) const { return c.revote ? i18n::tr("Open a re-vote") : i18n::tr("Close the re-vote"); }
    std::string operator()(const Revote&) const { return i18n::trc("undo", "Re-vote"); }
    std::string operator()(const Unrevote&) const { return i18n::tr("Undo a re-vote"); }
    std::string operator()(const Batch& c) const {
        if (!c.label.empty()) return c.label;
        return c.commands.size() == 1 ? describe(c.commands.front()) : i18n::tr("Several changes");
    }
};

}  // namespace

std::string describe(const Command& c) { return std::visit(Describer{}, c); }

Batch merge_ideas(const Workshop& ws, const Idea& dropped, const Idea& kept) {
    Batch b;
    b.label = i18n::format(i18n::tr("Merge {0} into {1}"), {quoted(dropped.title), quoted(kept.title)});
    std::set<std::pair<std::string, std::string>> own;  // (rater, criterion) the kept idea has
    for (const auto& sc : ws.scores)
        if (sc.idea == kept.id) own.emplace(sc.rater, sc.criterion);
    for (const auto& sc : ws.scores)
        if (sc.idea == dropped.id && !own.contains({sc.rater, sc.criterion}))
            b.commands.push_back(SetScore{kept.id, sc.rater, sc.criterion, sc.value, sc.consensus});
    b.commands.push_back(RemoveIdea{dropped.id});
    return b;
}

}  // namespace pilotdeck::core
