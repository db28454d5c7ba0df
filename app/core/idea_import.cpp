#include "core/idea_import.hpp"

#include <algorithm>
#include <cctype>
#include <set>
#include <stdexcept>

#include "base/i18n.hpp"
#include "base/text.hpp"

namespace pilotdeck::core {
namespace {

// "  Draft  Replies " and "draft replies" are the same title, "ÜBERPRÜFUNG" and "Überprüfung" too.
std::string title_key(const std::string& title) {
    std::string key;
    bool space = false;
    for (const char c : title) {
        if (std::isspace(static_cast<unsigned char>(c))) {
            space = !key.empty();
            continue;
        }
        if (space) key += ' ';
        space = false;
        key += c;
    }
    return base::fold_case(key);
}

}  // namespace

IdeaImport ideas_from_workshop(const Workshop& target, const Workshop& source) {
    if (target.mode != Mode::Hackathon)
        throw std::invalid_argument(i18n::tr("ideas are imported into a hackathon workshop (this one is a use-case workshop)"));
    if (source.ideas.empty()) throw std::invalid_argument(i18n::tr("the other workshop has no ideas"));
    std::set<std::string> ids, titles;
    for (const Idea& idea : target.ideas) {
        ids.insert(idea.id);
        titles.insert(title_key(idea.title));
    }
    IdeaImport out;
    int next = 1;
    for (const Idea& from : source.ideas) {
        if (!titles.insert(title_key(from.title)).second) {
            ++out.skipped;
            continue;
        }
        Idea idea;
        while (ids.count("i" + std::to_string(next))) ++next;
        idea.id = "i" + std::to_string(next);
        ids.insert(idea.id);
        idea.title = from.title;
        idea.problem = from.problem;
        idea.solution = from.solution;
        idea.department = from.department;
        idea.success_criteria = from.success_criteria;
        idea.assessment = from.assessment;
        const auto owner = std::find_if(source.participants.begin(), source.participants.end(),
                                        [&](const Participant& p) { return p.id == from.owner; });
        if (owner != source.participants.end() &&
            std::any_of(target.participants.begin(), target.participants.end(),
                        [&](const Participant& p) { return p.id == owner->id && p.name == owner->name; }))
            idea.owner = from.owner;
        out.ideas.push_back(std::move(idea));
    }
    return out;
}

Command import_command(const IdeaImport& import) {
    Batch batch;
    batch.label = "Import ideas";
    for (const Idea& idea : import.ideas) batch.commands.push_back(PutIdea{idea, std::nullopt});
    return batch;
}

}  // namespace pilotdeck::core
