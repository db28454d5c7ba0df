// An open workshop: the state the GUI draws from, the commands that change it, undo/redo,
// and cached aggregates that one changed score updates incrementally.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/aggregate.hpp"
#include "core/commands.hpp"
#include "core/model.hpp"
#include "core/selection.hpp"

namespace pilotdeck::core {

// A command that does not fit the workshop (unknown id, value off the scale...). Its words are an
// English pattern (a catalogue msgid marked with i18n::N_, {0}, {1}... filled with `args`):
// what() is it in the language current when it was thrown (the window's, the command line's);
// a phone's answer puts pattern() and args() into the phone's language instead.
class CommandError : public std::runtime_error {
public:
    CommandError(const char* pattern, std::vector<std::string> args);
    explicit CommandError(const std::string& what);  // already in words (pattern() is null)
    const char* pattern() const { return pattern_; }
    const std::vector<std::string>& args() const { return args_; }

private:
    const char* pattern_ = nullptr;
    std::vector<std::string> args_;
};

// Where commands are persisted. storage::WorkshopFile implements it: apply() commits one
// transaction or throws (and then nothing was saved).
class Store {
public:
    virtual ~Store() = default;
    virtual void apply(const Command& c) = 0;
};

// Throws CommandError when `c` does not fit `ws` (references, ranges, duplicates).
void validate(const Workshop& ws, const Command& c);

class Session;

class Session {
public:
    // store may be null (in-memory only, for tests and screenshots of documents).
    Session(Workshop ws, int current_stage, Store* store);

    const Workshop& workshop() const { return ws_; }
    int current_stage() const { return current_stage_; }
    const Aggregates& aggregates() const { return agg_; }

    // Validate, persist (one transaction), apply, and record the inverse for undo.
    // Throws CommandError (invalid) or whatever the store throws (nothing changed then).
    // undoable false: an edit that is not the facilitator's (a phone's vote): it is saved and
    // applied but not put on the undo stack, and leaves redo as it was.
    void execute(const Command& c, bool undoable = true);
    // Like execute(c), but consecutive calls with the same non-empty key and nothing else in
    // between (no other execute, undo or redo) share one undo step: its undo restores the state
    // from before the first of them, its redo the last. Each call is still persisted at once.
    // Meant for one editing session of one text field (key: idea, field and that session).
    void execute_coalescing(const Command& c, const std::string& key);
    bool can_undo() const { return !undo_.empty(); }
    bool can_redo() const { return !redo_.empty(); }
    std::string undo_label() const;
    std::string redo_label() const;
    bool undo();  // itself an edit, persisted at once
    bool redo();

    // validate(workshop(), c) with the session's indexes: a vote's or a comparison's check costs
    // hash lookups, not walks over every participant and idea.
    void check(const Command& c) const;

    // Lookups (participants and ideas by index: their cost does not grow with the workshop).
    const Idea* find_idea(const std::string& id) const;
    const Participant* find_participant(const std::string& id) const;
    const Criterion* find_criterion(const std::string& id) const;
    std::optional<int> score(const std::string& idea, const std::string& rater, const std::string& criterion) const;
    std::string next_idea_id() const;         // "i<N>" not yet used
    std::string next_participant_id() const;  // "p<N>" not yet used

    // contracts 9: a SetRevote opening a round (numbered one above every round so far) on every
    // contested cell (idea, criterion with sd >= 1.0 of individual scores); nullopt when none.
    std::optional<SetRevote> open_revote() const;

    // Derived, cached, updated on change (never recomputed per frame).
    const std::vector<IdeaResult>& results() const;        // one per idea, same order as ideas
    const IdeaResult* result_for(const std::string& idea) const;
    const Selection& selection() const;                    // with the workshop's rules
    Selection selection_with(const SelectionRules& rules) const;
    // Bumps on every change; unique across sessions (a cache key that survives reopening).
    std::uint64_t revision() const { return revision_; }

private:
    struct Entry {
        Command command;
        std::string label;
    };
    void record(Command inverse, const Command& c);
    Command apply(const Command& c);  // validate and mutate; returns the inverse
    void persist_or_revert(const Command& c, const Command& inverse);
    bool step(std::vector<Entry>& from, std::vector<Entry>& to);
    // The score index: ids as small integers (slots), and per idea slot its scores sorted by
    // (rater slot, criterion slot), each with its index in ws_.scores. One pass over the scores
    // builds it (they come in list order from the file, which is already the sorted order), and
    // a lookup costs three small hash lookups and a binary search, with no key string built.
    struct ScoreRef {
        std::uint32_t rater = 0, criterion = 0;  // slots
        std::uint32_t index = 0;                 // in ws_.scores
    };
    class Slots {
    public:
        std::uint32_t intern(const std::string& id);  // a new id gets the next slot
        std::optional<std::uint32_t> find(const std::string& id) const;
        std::size_t size() const { return of_.size(); }
        void clear() { of_.clear(); }

    private:
        std::unordered_map<std::string, std::uint32_t> of_;
    };
    void reindex();
    void mark_dirty(const std::string& idea);
    std::vector<ScoreRef>& refs_of(std::uint32_t idea_slot);  // grows the index for a new idea
    const ScoreRef* find_ref(const std::string& idea, const std::string& rater, const std::string& criterion) const;

    Workshop ws_;
    int current_stage_ = 0;
    Store* store_ = nullptr;
    Aggregates agg_;
    Slots idea_slots_, rater_slots_, criterion_slots_;
    std::vector<std::vector<ScoreRef>> scores_of_idea_;  // by idea slot
    std::unordered_map<std::string, std::size_t> idea_index_;
    // Participant id -> its place in ws_.participants; kept in step by the commands that change
    // the list (an append adds one entry, an insert or a removal rebuilds it).
    std::unordered_map<std::string, std::size_t> participant_index_;
    void index_participants();
    std::vector<Entry> undo_, redo_;
    std::string coalescing_;  // key of the undo step that the next execute_coalescing may join
    std::uint64_t revision_ = 0;

    mutable std::vector<IdeaResult> results_;
    mutable std::vector<bool> results_dirty_;
    mutable bool all_dirty_ = true;
    mutable bool any_dirty_ = false;
    mutable std::optional<Selection> selection_;
};

}  // namespace pilotdeck::core
