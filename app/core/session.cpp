#include "core/session.hpp"

#include "base/i18n.hpp"
#include "core/followup.hpp"
#include "core/hackathon_commands.hpp"
#include "core/text.hpp"

#include <algorithm>
#include <atomic>
#include <cmath>

namespace pilotdeck::core {

namespace {

constexpr std::size_t kMaxTitle = 200;
constexpr std::size_t kMaxText = 10000;
constexpr std::size_t kMaxUndo = 1000;

using i18n::N_;
[[noreturn]] void fail(const char* pattern, std::vector<std::string> args = {}) { throw CommandError(pattern, std::move(args)); }

// `pattern` with {0}, {1}... replaced by the arguments (a placeholder without one stays).
std::string filled(std::string_view pattern, const std::vector<std::string>& args) {
    std::string out;
    for (std::size_t i = 0; i < pattern.size(); ++i) {
        const bool slot = pattern[i] == '{' && i + 2 < pattern.size() && pattern[i + 1] >= '0' && pattern[i + 1] <= '9' &&
                          pattern[i + 2] == '}';
        const auto n = slot ? static_cast<std::size_t>(pattern[i + 1] - '0') : args.size();
        if (n < args.size()) {
            out += args[n];
            i += 2;
        } else {
            out += pattern[i];
        }
    }
    return out;
}

template <typename T>
auto find_by_id(T& list, const std::string& id) {
    return std::find_if(list.begin(), list.end(), [&](const auto& x) { return x.id == id; });
}

bool valid_date(const std::string& d) { return d.empty() || is_real_date(d); }

std::string next_id(char prefix, const auto& list) {
    long long best = 0;
    for (const auto& x : list) {
        if (x.id.size() < 2 || x.id[0] != prefix) continue;
        if (!std::all_of(x.id.begin() + 1, x.id.end(), [](char c) { return c >= '0' && c <= '9'; })) continue;
        if (x.id.size() > 18) continue;
        best = std::max(best, std::stoll(x.id.substr(1)));
    }
    return std::string(1, prefix) + std::to_string(best + 1);
}

// Where the score of (rater, criterion) is, or would be inserted, in an idea's sorted refs.
template <class Refs>
auto position(Refs& refs, std::uint32_t rater, std::uint32_t criterion) {
    return std::lower_bound(refs.begin(), refs.end(), std::pair{rater, criterion}, [](const auto& r, const auto& key) {
        return std::pair{r.rater, r.criterion} < key;
    });
}

void check_text(const char* too_long, const std::string& s, std::size_t max) {
    if (utf8_length(s) > max) fail(too_long, {std::to_string(max)});
}

}  // namespace

CommandError::CommandError(const char* pattern, std::vector<std::string> args)
    : std::runtime_error(filled(i18n::tr(pattern), args)), pattern_(pattern), args_(std::move(args)) {}
CommandError::CommandError(const std::string& what) : std::runtime_error(what) {}

// Every session starts its revisions in a range of its own, so a cache keyed on a revision
// never mistakes one workshop for another opened later.
std::uint64_t first_revision() {
    static std::atomic<std::uint64_t> sessions{0};
    return (sessions.fetch_add(1) + 1) << 32;
}

namespace {

// `session`, when given, is the one whose workshop `ws` is: its indexes answer the lookups.
void validate_in(const Workshop& ws, const Command& command, const Session* session) {
    struct V {
        const Workshop& ws;
        const Session* session;
        bool has_participant(const std::string& id) const { return participant(id) != nullptr; }
        const Participant* participant(const std::string& id) const {
            if (session) return session->find_participant(id);
            const auto it = find_by_id(ws.participants, id);
            return it == ws.participants.end() ? nullptr : &*it;
        }
        bool has_idea(const std::string& id) const { return session ? session->find_idea(id) != nullptr : find_by_id(ws.ideas, id) != ws.ideas.end(); }
        void operator()(const SetInfo& c) const {
            if (!valid_date(c.info.date)) fail(N_("the date \"{0}\" is not a date like 2026-11-19"), {c.info.date});
            check_text(N_("the title is too long (at most {0} characters)"), c.info.title, kMaxTitle);
        }
        void operator()(const SetCurrentStage& c) const {
            if (c.index < 0 || static_cast<std::size_t>(c.index) >= ws.stages.size()) fail(N_("there is no such stage"));
        }
        void operator()(const SetConcernCount& c) const {
            if (find_by_id(ws.concerns, c.concern) == ws.concerns.end()) fail(N_("unknown concern \"{0}\""), {c.concern});
            if (c.count < 0 || c.count > 100000) fail(N_("a concern count lies between 0 and 100000"));
        }
        void operator()(const PutParticipant& c) const {
            if (!is_valid_id(c.participant.id)) fail(N_("invalid participant id \"{0}\""), {c.participant.id});
            if (c.participant.name.empty()) fail(N_("a participant needs a name"));
            check_text(N_("the name is too long (at most {0} characters)"), c.participant.name, kMaxTitle);
            if (c.position && *c.position > ws.participants.size()) fail(N_("participant position out of range"));
        }
        void operator()(const RemoveParticipant& c) const {
            if (!has_participant(c.id)) fail(N_("unknown participant \"{0}\""), {c.id});
            for (const auto& i : ws.ideas)
                if (i.owner == c.id) fail(N_("this participant owns the idea \u201C{0}\u201D"), {i.title});
            for (const auto& s : ws.scores)
                if (s.rater == c.id) fail(N_("this participant has given scores"));
        }
        void operator()(const PutIdea& c) const {
            const Idea& i = c.idea;
            if (!is_valid_id(i.id)) fail(N_("invalid idea id \"{0}\""), {i.id});
            if (i.title.find_first_not_of(" \t\r\n") == std::string::npos) fail(N_("an idea needs a title"));
            check_text(N_("the title is too long (at most {0} characters)"), i.title, kMaxTitle);
            for (const std::string* t : {&i.problem, &i.solution, &i.success_criteria, &i.department})
                check_text(N_("a text is too long (at most {0} characters)"), *t, kMaxText);
            if (!i.owner.empty() && !has_participant(i.owner))
                fail(N_("unknown owner \"{0}\""), {i.owner});
            if (c.position && *c.position > ws.ideas.size()) fail(N_("idea position out of range"));
            if (auto problem = followup_problem(i, ws.info.date)) throw CommandError(problem->pattern, std::move(problem->args));
        }
        void operator()(const RemoveIdea& c) const {
            if (find_by_id(ws.ideas, c.id) == ws.ideas.end()) fail(N_("unknown idea \"{0}\""), {c.id});
        }
        void operator()(const SetScore& c) const {
            if (!has_idea(c.idea)) fail(N_("unknown idea \"{0}\""), {c.idea});
            const Participant* rater = c.consensus ? nullptr : participant(c.rater);
            if (c.consensus) {
                if (!c.rater.empty()) fail(N_("a team consensus value has no rater"));
            } else if (!rater) {
                fail(N_("unknown rater \"{0}\""), {c.rater});
            }
            auto cr = find_by_id(ws.criteria, c.criterion);
            if (cr == ws.criteria.end()) fail(N_("unknown criterion \"{0}\""), {c.criterion});
            if (c.value && (*c.value < cr->min || *c.value > cr->max))
                fail(N_("{0} is scored from {1} to {2}"), {cr->label, std::to_string(cr->min), std::to_string(cr->max)});
            validate_recusal(ws, c, rater);
        }
        void operator()(const SetSelection& c) const {
            const SelectionRules& r = c.rules;
            if (!std::isfinite(r.max_risk) || !std::isfinite(r.min_visibility)) fail(N_("selection limits must be numbers"));
            if (r.min_raters < 0) fail(N_("minimum raters cannot be negative"));
            if (r.size < 1) fail(N_("the shortlist needs at least one place"));
            if (r.max_per_department < 1) fail(N_("at least one pilot per department must be allowed"));
        }
        // contracts 6 (hackathon_commands.cpp); a local class cannot hold a member template.
        void operator()(const PutTeam& c) const { validate_hackathon(ws, c); }
        void operator()(const RemoveTeam& c) const { validate_hackathon(ws, c); }
        void operator()(const AddComparison& c) const { validate_hackathon(ws, c, participant(c.comparison.judge)); }
        void operator()(const RemoveComparison& c) const { validate_hackathon(ws, c); }
        void operator()(const SetSkip& c) const { validate_hackathon(ws, c); }
        void operator()(const SetAudienceVote& c) const { validate_hackathon(ws, c); }
        void operator()(const SetAudienceVoteOpen& c) const { validate_hackathon(ws, c); }
        void operator()(const SetRevote& c) const {
            if (!c.revote) return;
            if (c.revote->round < 2 || c.revote->round > 1000) fail(N_("a re-vote round is numbered 2 to 1000"));
            if (c.revote->cells.empty()) fail(N_("a re-vote needs at least one contested score"));
            for (const RevoteCell& cell : c.revote->cells) {
                if (find_by_id(ws.ideas, cell.idea) == ws.ideas.end()) fail(N_("unknown idea \"{0}\""), {cell.idea});
                if (find_by_id(ws.criteria, cell.criterion) == ws.criteria.end())
                    fail(N_("unknown criterion \"{0}\""), {cell.criterion});
            }
        }
        void operator()(const Revote& c) const {
            if (!ws.revote) fail(N_("no re-vote round is open"));
            const auto& cells = ws.revote->cells;
            if (std::none_of(cells.begin(), cells.end(), [&](const RevoteCell& x) { return x.idea == c.idea && x.criterion == c.criterion; }))
                fail(N_("this score is not part of the re-vote round"));
            auto cr = find_by_id(ws.criteria, c.criterion);
            if (c.value < cr->min || c.value > cr->max)
                fail(N_("{0} is scored from {1} to {2}"), {cr->label, std::to_string(cr->min), std::to_string(cr->max)});
            if (utf8_length(c.reason) > kMaxRevoteReason)
                fail(N_("a reason is at most {0} characters"), {std::to_string(kMaxRevoteReason)});
            if (c.reason.find_first_of("\r\n") != std::string::npos) fail(N_("a reason is one line"));
            const auto s = std::find_if(ws.scores.begin(), ws.scores.end(), [&](const Score& x) {
                return !x.consensus && x.idea == c.idea && x.rater == c.rater && x.criterion == c.criterion;
            });
            if (s == ws.scores.end()) fail(N_("only a rater who scored it can re-vote"));
            if (s->round >= ws.revote->round) fail(N_("this rater has already re-voted on it in this round"));
        }
        void operator()(const Unrevote& c) const {
            const auto h = std::find_if(ws.score_history.rbegin(), ws.score_history.rend(), [&](const ScoreHistory& x) {
                return x.idea == c.idea && x.rater == c.rater && x.criterion == c.criterion;
            });
            if (h == ws.score_history.rend()) fail(N_("no earlier value to go back to"));
        }
        void operator()(const Batch&) const {}  // validated step by step while applying
    };
    std::visit(V{ws, session}, command);
}

}  // namespace

void validate(const Workshop& ws, const Command& command) { validate_in(ws, command, nullptr); }

void Session::check(const Command& c) const { validate_in(ws_, c, this); }

Session::Session(Workshop ws, int current_stage, Store* store)
    : ws_(std::move(ws)), current_stage_(current_stage), store_(store), revision_(first_revision()) {
    if (current_stage_ < 0 || static_cast<std::size_t>(current_stage_) >= ws_.stages.size()) current_stage_ = 0;
    agg_ = Aggregates::from_scores(ws_.scores);
    reindex();
}

std::uint32_t Session::Slots::intern(const std::string& id) {
    return of_.try_emplace(id, static_cast<std::uint32_t>(of_.size())).first->second;
}

std::optional<std::uint32_t> Session::Slots::find(const std::string& id) const {
    auto it = of_.find(id);
    if (it == of_.end()) return std::nullopt;
    return it->second;
}

std::vector<Session::ScoreRef>& Session::refs_of(std::uint32_t idea_slot) {
    if (idea_slot >= scores_of_idea_.size()) scores_of_idea_.resize(idea_slot + 1);
    return scores_of_idea_[idea_slot];
}

const Session::ScoreRef* Session::find_ref(const std::string& idea, const std::string& rater,
                                           const std::string& criterion) const {
    const auto i = idea_slots_.find(idea);
    if (!i || *i >= scores_of_idea_.size()) return nullptr;
    const auto r = rater_slots_.find(rater), c = criterion_slots_.find(criterion);
    if (!r || !c) return nullptr;
    const auto& refs = scores_of_idea_[*i];
    auto it = position(refs, *r, *c);
    return it != refs.end() && it->rater == *r && it->criterion == *c ? &*it : nullptr;
}

void Session::index_participants() {
    participant_index_.clear();
    for (std::size_t i = 0; i < ws_.participants.size(); ++i) participant_index_[ws_.participants[i].id] = i;
}

void Session::reindex() {
    // Slots in list order, so that scores in list order (as the file loads them) are sorted.
    idea_slots_.clear();
    rater_slots_.clear();
    criterion_slots_.clear();
    idea_index_.clear();
    for (std::size_t i = 0; i < ws_.ideas.size(); ++i) {
        idea_index_[ws_.ideas[i].id] = i;
        idea_slots_.intern(ws_.ideas[i].id);
    }
    for (const auto& p : ws_.participants) rater_slots_.intern(p.id);
    index_participants();
    for (const auto& c : ws_.criteria) criterion_slots_.intern(c.id);
    scores_of_idea_.clear();
    scores_of_idea_.resize(idea_slots_.size());

    // Consecutive scores mostly share their idea and rater: those are looked up once per run.
    const std::string *last_idea = nullptr, *last_rater = nullptr;
    std::vector<ScoreRef>* refs = nullptr;
    std::uint32_t rater = 0;
    for (std::size_t i = 0; i < ws_.scores.size(); ++i) {
        const Score& s = ws_.scores[i];
        if (!last_idea || s.idea != *last_idea) {
            refs = &refs_of(idea_slots_.intern(s.idea));
            last_idea = &s.idea;
        }
        if (!last_rater || s.rater != *last_rater) {
            rater = rater_slots_.intern(s.rater);
            last_rater = &s.rater;
        }
        refs->push_back({rater, criterion_slots_.intern(s.criterion), static_cast<std::uint32_t>(i)});
    }
    auto key_less = [](const ScoreRef& a, const ScoreRef& b) {
        return std::pair{a.rater, a.criterion} < std::pair{b.rater, b.criterion};
    };
    for (auto& list : scores_of_idea_) {
        if (!std::is_sorted(list.begin(), list.end(), key_less)) std::stable_sort(list.begin(), list.end(), key_less);
        // A workshop that names a score twice: the index keeps the last one, as a map would.
        auto same = [](const ScoreRef& a, const ScoreRef& b) { return a.rater == b.rater && a.criterion == b.criterion; };
        if (std::adjacent_find(list.begin(), list.end(), same) != list.end()) {
            std::vector<ScoreRef> unique;
            for (std::size_t k = 0; k < list.size(); ++k)
                if (k + 1 == list.size() || !same(list[k], list[k + 1])) unique.push_back(list[k]);
            list = std::move(unique);
        }
    }
    all_dirty_ = true;
    selection_.reset();
}

Command Session::apply(const Command& command) {
    if (const auto* batch = std::get_if<Batch>(&command)) {
        Batch inverse{{}, batch->label};
        try {
            for (const auto& c : batch->commands) inverse.commands.push_back(apply(c));
        } catch (...) {
            for (auto it = inverse.commands.rbegin(); it != inverse.commands.rend(); ++it) apply(*it);
            throw;
        }
        std::reverse(inverse.commands.begin(), inverse.commands.end());
        return inverse;
    }
    validate_in(ws_, command, this);
    ++revision_;
    selection_.reset();

    struct A {
        Session& s;
        Command operator()(const SetInfo& c) {
            SetInfo inv{s.ws_.info};
            s.ws_.info = c.info;
            return inv;
        }
        Command operator()(const SetCurrentStage& c) {
            SetCurrentStage inv{s.current_stage_};
            s.current_stage_ = c.index;
            return inv;
        }
        Command operator()(const SetConcernCount& c) {
            auto it = find_by_id(s.ws_.concerns, c.concern);
            SetConcernCount inv{c.concern, it->count};
            it->count = c.count;
            return inv;
        }
        Command operator()(const PutParticipant& c) {
            auto& list = s.ws_.participants;
            if (const auto at = s.participant_index_.find(c.participant.id); at != s.participant_index_.end()) {
                Participant& it = list[at->second];
                PutParticipant inv{it, std::nullopt};
                it = c.participant;
                return inv;
            }
            const std::size_t pos = c.position.value_or(list.size());
            list.insert(list.begin() + static_cast<std::ptrdiff_t>(pos), c.participant);
            if (pos + 1 == list.size()) s.participant_index_.emplace(c.participant.id, pos);
            else s.index_participants();
            return RemoveParticipant{c.participant.id};
        }
        Command operator()(const RemoveParticipant& c) {
            auto& list = s.ws_.participants;
            auto it = find_by_id(list, c.id);
            PutParticipant inv{*it, static_cast<std::size_t>(it - list.begin())};
            list.erase(it);
            s.index_participants();
            return drop_skips(s.ws_, SkipsOf::Judge, c.id, std::move(inv));
        }
        Command operator()(const PutIdea& c) {
            auto& list = s.ws_.ideas;
            auto it = find_by_id(list, c.idea.id);
            if (it != list.end()) {
                PutIdea inv{*it, std::nullopt};
                *it = c.idea;
                return inv;
            }
            const std::size_t pos = c.position.value_or(list.size());
            list.insert(list.begin() + static_cast<std::ptrdiff_t>(pos), c.idea);
            s.idea_index_.clear();
            for (std::size_t i = 0; i < list.size(); ++i) s.idea_index_[list[i].id] = i;
            s.all_dirty_ = true;
            return RemoveIdea{c.idea.id};
        }
        Command operator()(const RemoveIdea& c) {
            auto& list = s.ws_.ideas;
            auto it = find_by_id(list, c.id);
            Batch inv{{PutIdea{*it, static_cast<std::size_t>(it - list.begin())}}, "Delete idea"};
            list.erase(it);
            auto& scores = s.ws_.scores;
            auto keep = std::stable_partition(scores.begin(), scores.end(), [&](const Score& x) { return x.idea != c.id; });
            for (auto sc = keep; sc != scores.end(); ++sc) inv.commands.push_back(SetScore{sc->idea, sc->rater, sc->criterion, sc->value, sc->consensus});
            scores.erase(keep, scores.end());
            s.agg_.erase_idea(c.id);
            s.reindex();
            return inv;
        }
        Command operator()(const SetScore& c) {
            // validate() made sure that the idea, the rater and the criterion exist.
            auto& refs = s.refs_of(s.idea_slots_.intern(c.idea));
            const std::uint32_t rater = s.rater_slots_.intern(c.rater), criterion = s.criterion_slots_.intern(c.criterion);
            auto found = position(refs, rater, criterion);
            const bool exists = found != refs.end() && found->rater == rater && found->criterion == criterion;
            auto& scores = s.ws_.scores;
            SetScore inv{c.idea, c.rater, c.criterion, std::nullopt, c.consensus};
            if (exists) {
                const std::size_t idx = found->index;
                Score& existing = scores[idx];
                inv.value = existing.value;
                if (c.value) {
                    s.agg_.change(existing, *c.value);
                    existing.value = *c.value;
                } else {
                    s.agg_.remove(existing);
                    refs.erase(found);
                    if (idx + 1 != scores.size()) {  // the last score moves into the gap
                        scores[idx] = std::move(scores.back());
                        const Score& moved = scores[idx];
                        auto& moved_refs = s.refs_of(s.idea_slots_.intern(moved.idea));
                        auto m = position(moved_refs, s.rater_slots_.intern(moved.rater),
                                          s.criterion_slots_.intern(moved.criterion));
                        if (m != moved_refs.end() && m->index == scores.size() - 1) m->index = static_cast<std::uint32_t>(idx);
                    }
                    scores.pop_back();
                }
            } else if (c.value) {
                Score sc{c.idea, c.rater, c.criterion, *c.value};
                sc.consensus = c.consensus;
                s.agg_.add(sc);
                refs.insert(found, {rater, criterion, static_cast<std::uint32_t>(scores.size())});
                scores.push_back(std::move(sc));
            }
            s.mark_dirty(c.idea);
            return inv;
        }
        Command operator()(const SetSelection& c) {
            SetSelection inv{s.ws_.selection};
            s.ws_.selection = c.rules;
            return inv;
        }
        Command operator()(const PutTeam& c) { return apply_hackathon(s.ws_, c); }
        Command operator()(const RemoveTeam& c) { return apply_hackathon(s.ws_, c); }
        Command operator()(const AddComparison& c) { return apply_hackathon(s.ws_, c); }
        Command operator()(const RemoveComparison& c) { return apply_hackathon(s.ws_, c); }
        Command operator()(const SetSkip& c) { return apply_hackathon(s.ws_, c); }
        Command operator()(const SetAudienceVote& c) { return apply_hackathon(s.ws_, c); }
        Command operator()(const SetAudienceVoteOpen& c) { return apply_hackathon(s.ws_, c); }
        Command operator()(const SetRevote& c) {
            SetRevote inv{s.ws_.revote};
            s.ws_.revote = c.revote;
            return inv;
        }
        Command operator()(const Revote& c) {
            Score& score = s.ws_.scores[s.find_ref(c.idea, c.rater, c.criterion)->index];
            s.ws_.score_history.push_back({c.idea, c.rater, c.criterion, score.value, score.round, c.reason});
            s.agg_.change(score, c.value);
            score.value = c.value;
            score.round = s.ws_.revote->round;
            s.mark_dirty(c.idea);
            return Unrevote{c.idea, c.rater, c.criterion};
        }
        Command operator()(const Unrevote& c) {
            auto& history = s.ws_.score_history;
            auto h = std::find_if(history.rbegin(), history.rend(), [&](const ScoreHistory& x) {
                return x.idea == c.idea && x.rater == c.rater && x.criterion == c.criterion;
            });
            Score& score = s.ws_.scores[s.find_ref(c.idea, c.rater, c.criterion)->index];
            Revote inv{c.idea, c.rater, c.criterion, score.value, h->reason};
            s.agg_.change(score, h->value);
            score.value = h->value;
            score.round = h->round;
            history.erase(std::next(h).base());
            s.mark_dirty(c.idea);
            return inv;
        }
        Command operator()(const Batch&) { return Batch{}; }  // handled above
    };
    return std::visit(A{*this}, command);
}

void Session::mark_dirty(const std::string& idea) {
    auto it = idea_index_.find(idea);
    if (it == idea_index_.end() || it->second >= results_dirty_.size()) {
        all_dirty_ = true;
        return;
    }
    results_dirty_[it->second] = true;
    any_dirty_ = true;
}

void Session::persist_or_revert(const Command& command, const Command& inverse) {
    if (!store_) return;
    try {
        store_->apply(command);
    } catch (...) {
        apply(inverse);
        throw;
    }
}

void Session::execute(const Command& c, bool undoable) {
    Command inverse = apply(c);
    persist_or_revert(c, inverse);
    coalescing_.clear();
    if (undoable) record(std::move(inverse), c);
}

void Session::execute_coalescing(const Command& c, const std::string& key) {
    const bool join = !key.empty() && key == coalescing_ && !undo_.empty();
    Command inverse = apply(c);
    persist_or_revert(c, inverse);
    coalescing_ = key;
    if (!join) {
        record(std::move(inverse), c);
        return;
    }
    undo_.back().label = describe(c);  // the inverse of the first edit stays: undo goes back before it
    redo_.clear();
}

void Session::record(Command inverse, const Command& c) {
    undo_.push_back({std::move(inverse), describe(c)});
    if (undo_.size() > kMaxUndo) undo_.erase(undo_.begin());
    redo_.clear();
}

bool Session::step(std::vector<Entry>& from, std::vector<Entry>& to) {
    if (from.empty()) return false;
    Entry e = from.back();
    Command inverse = apply(e.command);
    persist_or_revert(e.command, inverse);
    from.pop_back();
    to.push_back({std::move(inverse), e.label});
    coalescing_.clear();
    return true;
}

bool Session::undo() { return step(undo_, redo_); }
bool Session::redo() { return step(redo_, undo_); }
std::string Session::undo_label() const { return undo_.empty() ? std::string() : undo_.back().label; }
std::string Session::redo_label() const { return redo_.empty() ? std::string() : redo_.back().label; }

const Idea* Session::find_idea(const std::string& id) const {
    auto it = idea_index_.find(id);
    return it == idea_index_.end() ? nullptr : &ws_.ideas[it->second];
}

const Participant* Session::find_participant(const std::string& id) const {
    auto it = participant_index_.find(id);
    return it == participant_index_.end() ? nullptr : &ws_.participants[it->second];
}

const Criterion* Session::find_criterion(const std::string& id) const {
    auto it = find_by_id(ws_.criteria, id);
    return it == ws_.criteria.end() ? nullptr : &*it;
}

std::optional<int> Session::score(const std::string& idea, const std::string& rater, const std::string& criterion) const {
    const ScoreRef* ref = find_ref(idea, rater, criterion);
    if (!ref) return std::nullopt;
    return ws_.scores[ref->index].value;
}

std::string Session::next_idea_id() const { return next_id('i', ws_.ideas); }
std::string Session::next_participant_id() const { return next_id('p', ws_.participants); }

const std::vector<IdeaResult>& Session::results() const {
    if (all_dirty_ || results_.size() != ws_.ideas.size()) {
        results_ = summarize(ws_.ideas, ws_.criteria, agg_);
        results_dirty_.assign(ws_.ideas.size(), false);
        all_dirty_ = false;
        any_dirty_ = false;
    } else if (any_dirty_) {
        for (std::size_t i = 0; i < results_.size(); ++i) {
            if (!results_dirty_[i]) continue;
            results_[i] = summarize_idea(i, ws_.criteria, agg_.find(ws_.ideas[i].id));
            results_dirty_[i] = false;
        }
        any_dirty_ = false;
    }
    return results_;
}

const IdeaResult* Session::result_for(const std::string& idea) const {
    auto it = idea_index_.find(idea);
    if (it == idea_index_.end()) return nullptr;
    return &results()[it->second];
}

const Selection& Session::selection() const {
    if (!selection_) selection_ = select_pilots(ws_.ideas, results(), ws_.selection);
    return *selection_;
}

Selection Session::selection_with(const SelectionRules& rules) const { return select_pilots(ws_.ideas, results(), rules); }

}  // namespace pilotdeck::core

namespace pilotdeck::core {

std::optional<SetRevote> Session::open_revote() const {
    RevoteRound round;
    int last = 1;
    for (const Score& s : ws_.scores) last = std::max(last, s.round);
    for (const ScoreHistory& h : ws_.score_history) last = std::max(last, h.round);
    if (ws_.revote) last = std::max(last, ws_.revote->round);
    round.round = last + 1;
    const auto& all = results();
    for (std::size_t i = 0; i < all.size(); ++i)
        for (const CriterionSummary& c : all[i].criteria)
            if (!c.consensus && c.sd >= 1.0) round.cells.push_back({ws_.ideas[all[i].idea].id, c.criterion});
    if (round.cells.empty()) return std::nullopt;
    return SetRevote{round};
}

}  // namespace pilotdeck::core
