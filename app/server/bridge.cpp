#include "server/bridge.hpp"

#include <algorithm>

#include <nlohmann/json.hpp>

#include "server/messages.hpp"
#include "server/page.hpp"
#include "server/revote.hpp"
#include "storage/workshop_file.hpp"

namespace pilotdeck::server {

using i18n::N_;

namespace {

using json = nlohmann::json;

constexpr std::size_t kMaxBatch = 4096;
constexpr int kMaxIdeasPerParticipant = 30;
constexpr int kMaxIdeasPerAddress = 60;          // per stage
constexpr std::size_t kMaxParticipants = 500;    // per workshop

std::string dump(const json& j) { return j.dump(-1, ' ', false, json::error_handler_t::replace); }

}  // namespace

// ---- replies (job.hpp) ----

Reply json_reply(unsigned status, const std::string& json_text) { return Reply{status, json_text, "application/json; charset=utf-8", {}, false}; }
Reply error_reply(unsigned status, const std::string& message) { return json_reply(status, dump(json{{"error", message}})); }
Reply error_reply(unsigned status, const char* msgid, std::vector<std::string> args) {
    Reply r = json_reply(status, error_body(error_text(msgid, args)));
    r.error = msgid;
    r.error_args = std::move(args);
    return r;
}
Reply refused_reply(const core::CommandError& e) {
    return e.pattern() ? error_reply(422, e.pattern(), e.args()) : refused_reply(e);
}
Reply saved_reply() {
    Reply r = json_reply(200, R"({"saved":true})");
    r.saved = true;
    return r;
}

// ---- tokens ----

std::string TokenTable::participant_of(const std::string& token) const {
    std::lock_guard l(mu_);
    auto it = of_.find(token);
    return it == of_.end() ? std::string() : it->second;
}

void TokenTable::add(const std::string& token, const std::string& participant) {
    std::lock_guard l(mu_);
    auto [it, added] = of_.try_emplace(token, participant);
    if (!added) {
        if (it->second == participant) return;
        if (--tokens_of_[it->second] == 0) tokens_of_.erase(it->second);
        it->second = participant;
    }
    ++tokens_of_[participant];
}

void TokenTable::erase(const std::string& token) {
    std::lock_guard l(mu_);
    auto it = of_.find(token);
    if (it == of_.end()) return;
    if (--tokens_of_[it->second] == 0) tokens_of_.erase(it->second);
    of_.erase(it);
}

std::size_t TokenTable::joined() const {
    std::lock_guard l(mu_);
    return tokens_of_.size();
}

std::size_t TokenTable::size() const {
    std::lock_guard l(mu_);
    return of_.size();
}

std::vector<std::string> TokenTable::participants() const {
    std::lock_guard l(mu_);
    std::vector<std::string> out;
    out.reserve(tokens_of_.size());
    for (const auto& [p, n] : tokens_of_) out.push_back(p);
    return out;
}

// ---- the bridge ----

void Bridge::load_tokens() {
    if (!token_file_) return;
    for (const auto& t : token_file_->load_phone_tokens()) tokens_.add(t.token, t.participant);
}

void Bridge::set_stage(std::optional<core::StageKind> stage) {
    std::lock_guard l(settings_mu_);
    settings_.stage = stage;
    ++settings_.version;
}

void Bridge::set_open_ideas(std::optional<std::vector<std::string>> ideas) {
    std::lock_guard l(settings_mu_);
    if (ideas)
        settings_.open_ideas = std::set<std::string>(ideas->begin(), ideas->end());
    else
        settings_.open_ideas.reset();
    ++settings_.version;
}

void Bridge::set_round(bool open) {
    std::lock_guard l(settings_mu_);
    settings_.round = open;
    ++settings_.version;
}

bool Bridge::round_open() const {
    std::lock_guard l(settings_mu_);
    return settings_.round;
}

void Bridge::set_browser_language(bool allowed) {
    std::lock_guard l(settings_mu_);
    settings_.browser_language = allowed;
    set_phone_language_from_phone(allowed);
    ++settings_.version;
}

PhoneCounts Bridge::counts() const {
    std::lock_guard l(count_mu_);
    return counts_;
}

bool Bridge::changed_elsewhere(const core::Session& s) const {
    return s.revision() != seen_revision_ || settings_.version != seen_version_;
}

void Bridge::idle(core::Session& s) {
    std::lock_guard l(settings_mu_);
    note_language(s);
    update_counts(s, changed_elsewhere(s));
}

void Bridge::note_language(const core::Session& s) const {
    const auto lang = i18n::parse_language(s.workshop().info.language);
    set_phone_languages(lang.value_or(i18n::system_language()), settings_.browser_language);
}

void Bridge::run(std::vector<Job>& jobs, core::Session& s, const std::function<void(Job&)>& answered) {
    std::lock_guard l(settings_mu_);
    answered_ = &answered;
    struct Forget {
        const std::function<void(Job&)>*& p;
        ~Forget() { p = nullptr; }
    } forget{answered_};
    note_language(s);
    const bool recount_all = changed_elsewhere(s);
    recount_pending_ = recount_all;
    if (recount_all) {
        alive_.clear();
        for (const auto& p : s.workshop().participants) alive_.insert(p.id);
    }
    std::vector<Job*> joins;
    for (auto& j : jobs)
        if (j.kind == JobKind::Join) joins.push_back(&j);
    run_joins(joins, s);
    for (Job* j : joins) answer(*j, s);
    Batch batch;
    const auto run_single = [&](Job& j) {
        try {
            j.reply = run_one(j, s);
        } catch (const core::CommandError& e) {
            j.reply = refused_reply(e);
        } catch (const std::exception& e) {
            j.reply = error_reply(500, N_("could not save"));  // never the file's path or the system's words
        }
    };
    // Reads are answered after the drain's writes are committed: they never split a batch of
    // votes or comparisons into several transactions (with judges reading their next pair
    // between comparisons, that split made every comparison its own fsync), and they see the
    // latest state.
    std::vector<Job*> reads;
    for (auto& j : jobs) {
        if (j.kind == JobKind::Join) continue;
        if (j.kind == JobKind::State) {
            reads.push_back(&j);
            continue;
        }
        if (j.kind == JobKind::Text) {  // contracts 10: the workshop's language, or the phone's when allowed
            std::optional<i18n::Language> lang;
            if (settings_.browser_language) lang = i18n::from_accept_language(j.accept_language);
            if (!lang) lang = i18n::parse_language(s.workshop().info.language);
            j.reply = Reply{200, page_text_script(lang.value_or(i18n::system_language())), "text/javascript; charset=utf-8", {}, false};
            continue;
        }
        if (j.kind == JobKind::Revote) {
            if (auto gone = participant_gone(j, s)) {
                j.reply = std::move(*gone);
                continue;
            }
            if (auto cmd = check_revote(j, s, settings_)) batch.emplace_back(&j, std::move(*cmd));
            if (batch.size() >= kMaxBatch) flush(batch, s);
            continue;
        }
        if (j.kind == JobKind::Compare) {
            if (auto gone = participant_gone(j, s)) {
                j.reply = std::move(*gone);
                continue;
            }
            if (auto cmd = desk_.check_compare(j, s, settings_)) batch.emplace_back(&j, std::move(*cmd));
            if (batch.size() >= kMaxBatch) flush(batch, s);
            continue;
        }
        if (j.kind == JobKind::Score) {
            check_score(j, s, batch);
            if (batch.size() >= kMaxBatch) flush(batch, s);
            continue;
        }
        flush(batch, s);
        run_single(j);
    }
    flush(batch, s);
    for (Job* j : reads) {
        run_single(*j);
        answer(*j, s);
    }
    counts_up_to_date(s);
}

// The GUI may have removed the participant: the token is then forgotten.
std::optional<Reply> Bridge::participant_gone(const Job& j, const core::Session& s) {
    if (alive_.count(j.participant)) return std::nullopt;
    if (s.find_participant(j.participant)) {
        alive_.insert(j.participant);
        return std::nullopt;
    }
    tokens_.erase(j.token);
    return error_reply(401, N_("this participant was removed: join again"));
}

void Bridge::check_score(Job& j, core::Session& s, Batch& batch) {
    if (auto gone = participant_gone(j, s)) {
        j.reply = std::move(*gone);
        return;
    }
    if (!s.find_idea(j.idea)) {
        j.reply = error_reply(404, N_("unknown idea"));
        return;
    }
    if (!s.find_criterion(j.criterion)) {
        j.reply = error_reply(404, N_("unknown criterion"));
        return;
    }
    if (phone_stage(s, settings_) == core::StageKind::Judging) {
        if (auto refused = desk_.check_jury_score(j, s, settings_)) {
            j.reply = std::move(*refused);
            return;
        }
    } else if (phone_stage(s, settings_) != core::StageKind::Scoring) {
        j.reply = error_reply(409, N_("scoring is not open"));
        return;
    } else if (!settings_.round) {
        j.reply = error_reply(409, N_("the round is closed"));
        return;
    } else if (!idea_open(settings_, j.idea)) {
        j.reply = error_reply(409, N_("this idea is not open for scoring"));
        return;
    }
    // The core checks the scale (and the rest) as for every edit: 422.
    const int value = static_cast<int>(j.value);
    core::Command cmd = core::SetScore{j.idea, j.participant, j.criterion, value};
    try {
        s.check(cmd);  // the session's indexes: no walk over every participant
    } catch (const core::CommandError& e) {
        j.reply = refused_reply(e);
        return;
    }
    batch.emplace_back(&j, std::move(cmd));
}

void Bridge::flush(Batch& batch, core::Session& s) {
    if (batch.empty()) return;
    std::optional<Reply> failure;
    desk_.before_commit(s);
    try {
        if (batch.size() == 1) {
            s.execute(batch.front().second, false);
        } else {
            core::Batch b;
            b.label = "Votes from phones";
            b.commands.reserve(batch.size());
            for (auto& [job, cmd] : batch) b.commands.push_back(cmd);
            s.execute(b, false);
        }
    } catch (const core::CommandError& e) {
        failure = refused_reply(e);
    } catch (const std::exception& e) {
        failure = error_reply(500, N_("could not save the vote"));
    }
    if (!failure) {
        for (auto& [job, cmd] : batch) {
            touched_.insert(job->participant);
            desk_.committed(cmd, s);
            job->reply = saved_reply();
        }
        for (auto& one : batch) answer(*one.first, s);  // committed: the phones hear it now
    } else if (batch.size() == 1) {
        batch.front().first->reply = std::move(*failure);
        answer(*batch.front().first, s);
    } else {
        for (auto& one : batch) {  // one by one: each gets its own answer
            Batch single{std::move(one)};
            flush(single, s);
        }
    }
    batch.clear();
}

// The joins of a drain: their participants and (with the file) their tokens in one
// transaction. A batch that fails is retried join by join so each phone gets its own answer.
void Bridge::run_joins(const std::vector<Job*>& all, core::Session& s) {
    std::vector<Job*> joins;
    std::size_t room = kMaxParticipants > s.workshop().participants.size() ? kMaxParticipants - s.workshop().participants.size() : 0;
    for (Job* j : all) {
        if (room == 0) {
            j->reply = error_reply(409, N_("the workshop is full: 500 participants"));
            continue;
        }
        --room;
        joins.push_back(j);
    }
    if (joins.empty()) return;
    const long long first = std::stoll(s.next_participant_id().substr(1));  // "p<N>": max + 1
    core::Batch b;
    b.label = "Phones joined";
    std::vector<storage::WorkshopFile::PhoneToken> stored;
    for (std::size_t k = 0; k < joins.size(); ++k) {
        core::Participant p;
        p.id = "p" + std::to_string(first + static_cast<long long>(k));
        p.name = joins[k]->name.empty() ? "Participant " + p.id.substr(1) : joins[k]->name;
        p.department = joins[k]->department;
        p.role = joins[k]->jury ? core::Role::Jury : core::Role::User;
        stored.push_back({joins[k]->token, p.id});
        b.commands.push_back(core::PutParticipant{std::move(p), std::nullopt});
    }
    std::optional<Reply> failure;
    try {
        if (token_file_) token_file_->attach_phone_tokens(stored);
        s.execute(b.commands.size() == 1 ? b.commands.front() : core::Command(b), false);
    } catch (const core::CommandError& e) {
        failure = refused_reply(e);
    } catch (const std::exception& e) {
        failure = error_reply(500, N_("could not save the join"));
    }
    if (token_file_) token_file_->attach_phone_tokens({});  // not left for a later edit when refused before saving
    if (failure) {
        if (joins.size() == 1) {
            joins.front()->reply = std::move(*failure);
            return;
        }
        for (Job* j : joins) run_joins({j}, s);
        return;
    }
    for (std::size_t k = 0; k < joins.size(); ++k) {
        tokens_.add(stored[k].token, stored[k].participant);
        alive_.insert(stored[k].participant);
        touched_.insert(stored[k].participant);
        joins[k]->reply = json_reply(200, dump(json{{"token", stored[k].token}, {"participant", stored[k].participant},
                                                       {"role", joins[k]->jury ? "jury" : "user"}}));
    }
}

Reply Bridge::run_one(Job& j, core::Session& s) {
    if (auto gone = participant_gone(j, s)) return *gone;
    switch (j.kind) {
        case JobKind::State: {
            StateRequest r{j.participant, j.token, nullptr, j.page};
            if (auto it = ticked_.find(j.token); it != ticked_.end()) r.ticked = &it->second;
            json state = view_.state_json(r, s, settings_);
            desk_.add_state(state, j.participant, s, settings_);
            add_revote_state(state, j.participant, s, settings_);
            return json_reply(200, view_.state_text(state, s, settings_));
        }
        case JobKind::Idea: {
            if (phone_stage(s, settings_) != core::StageKind::Ideas) return error_reply(409, N_("ideas are not being collected now"));
            int& sent = ideas_sent_[j.token];
            if (sent >= kMaxIdeasPerParticipant) return error_reply(429, N_("that is a lot of ideas: talk to the facilitator"));
            const std::string stage_key = std::string(core::to_string(phone_stage(s, settings_))) + "/" +
                                          (settings_.stage ? std::string("set") : std::to_string(s.current_stage()));
            int& from_address = ideas_from_[j.address + " " + stage_key];
            if (from_address >= kMaxIdeasPerAddress)
                return error_reply(429, N_("that is a lot of ideas from this network address: talk to the facilitator"));
            core::Idea idea;
            idea.id = s.next_idea_id();
            idea.title = j.title;
            idea.problem = j.problem;
            idea.owner = j.participant;
            if (const auto* p = s.find_participant(j.participant)) idea.department = p->department;
            s.execute(core::PutIdea{idea, std::nullopt}, false);
            ++sent;
            ++from_address;
            return json_reply(201, dump(json{{"idea", idea.id}}));
        }
        case JobKind::Concern: {
            if (phone_stage(s, settings_) != core::StageKind::Concerns) return error_reply(409, N_("concerns are not being collected now"));
            const auto& list = s.workshop().concerns;
            auto it = std::find_if(list.begin(), list.end(), [&](const core::Concern& c) { return c.id == j.concern; });
            if (it == list.end()) return error_reply(404, N_("unknown concern"));
            auto& mine = ticked_[j.token];
            if (mine.count(j.concern)) return json_reply(200, R"({"counted":false})");
            s.execute(core::SetConcernCount{j.concern, it->count + 1}, false);
            mine.insert(j.concern);
            return json_reply(200, R"({"counted":true})");
        }
        default: return desk_.run(j, s, settings_);
    }
}

void Bridge::update_counts(const core::Session& s, bool recount_all) {
    if (!recount_all && touched_.empty() && seen_tokens_ == tokens_.size()) return;
    seen_tokens_ = tokens_.size();
    view_.update_counts(s, settings_, tokens_, touched_, recount_all);
    seen_revision_ = s.revision();
    seen_version_ = settings_.version;
    std::lock_guard l(count_mu_);
    counts_ = view_.counts();
}

}  // namespace pilotdeck::server
