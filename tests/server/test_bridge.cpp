// The bridge without sockets: Jobs in, core commands on a real session (and its workshop file),
// each job's Reply out.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "core/session.hpp"
#include "server/bridge.hpp"
#include "server/fixture.hpp"
#include "storage/workshop_file.hpp"
#include "support/temp_dir.hpp"

using namespace pilotdeck;
using nlohmann::json;
using server::Job;
using server::JobKind;

namespace {

Job join_job(const std::string& token, const std::string& name = {}) {
    Job j;
    j.kind = JobKind::Join;
    j.token = token;
    j.name = name;
    j.address = "127.0.0.9";
    return j;
}

Job vote(const std::string& participant, const std::string& idea, const std::string& criterion, long long value) {
    Job j;
    j.kind = JobKind::Score;
    j.participant = participant;
    j.token = "t-" + participant;
    j.idea = idea;
    j.criterion = criterion;
    j.value = value;
    return j;
}

// A workshop file with `phones` joined phones (tokens t-p1, t-p2...), its session and a bridge.
struct Bench {
    test::TempDir dir;
    std::string file = dir.file("w.pilotdeck");
    std::unique_ptr<storage::WorkshopFile> wf;
    std::unique_ptr<core::Session> session;
    server::TokenTable tokens;
    server::Bridge bridge{tokens};
    explicit Bench(int phones, int ideas = 3) {
        test::create_workshop_file(file, test::phone_workshop(ideas));
        wf = storage::WorkshopFile::open(file);
        session = std::make_unique<core::Session>(wf->load(), wf->current_stage(), wf.get());
        bridge.set_token_file(wf.get());
        bridge.set_stage(core::StageKind::Scoring);
        std::vector<Job> joins;
        for (int p = 1; p <= phones; ++p) joins.push_back(join_job("t-p" + std::to_string(p)));
        if (!joins.empty()) run(joins);
    }
    void run(std::vector<Job>& jobs) { bridge.run(jobs, *session); }
};

}  // namespace

TEST_CASE("bridge: joins that come together are one transaction with their tokens", "[server][bridge]") {
    Bench b(0);
    std::vector<Job> jobs{join_job("aa", "Ann"), join_job("bb")};
    b.run(jobs);
    REQUIRE(jobs[0].reply.status == 200);
    CHECK(json::parse(jobs[0].reply.body) == json{{"token", "aa"}, {"participant", "p1"}, {"role", "user"}});
    CHECK(json::parse(jobs[1].reply.body)["participant"] == "p2");
    CHECK(b.tokens.participant_of("bb") == "p2");
    CHECK(b.session->find_participant("p2")->name == "Participant 2");
    CHECK_FALSE(b.session->can_undo());  // phones' edits are not the facilitator's
    CHECK(b.bridge.counts().joined == 2);
    const auto stored = b.wf->load_phone_tokens();
    CHECK(stored.size() == 2);
}

TEST_CASE("bridge: votes are checked, committed as one batch, never on the undo stack", "[server][bridge]") {
    Bench b(2);
    std::vector<Job> jobs{vote("p1", "i1", "c1", 3), vote("p2", "i1", "c1", 5), vote("p1", "i9", "c1", 3),
                          vote("p1", "i1", "c99", 3), vote("p1", "i2", "c1", 6), vote("p1", "i2", "c1", 0),
                          vote("p1", "i2", "c2", 4)};
    b.run(jobs);
    CHECK(jobs[0].reply.saved);
    CHECK(jobs[0].reply.body == R"({"saved":true})");
    CHECK(jobs[1].reply.saved);
    CHECK(jobs[2].reply.status == 404);
    CHECK(jobs[3].reply.status == 404);
    // The scale is the core's check, with the core's words.
    CHECK(jobs[4].reply.status == 422);
    CHECK(json::parse(jobs[4].reply.body)["error"] == "Criterion 1 is scored from 1 to 5");
    CHECK(jobs[5].reply.status == 422);
    CHECK(jobs[6].reply.saved);
    CHECK_FALSE(b.session->can_undo());
    CHECK(b.session->score("i1", "p2", "c1") == 5);
    b.wf.reset();
    auto again = storage::WorkshopFile::open(b.file, storage::WorkshopFile::Mode::ReadOnly);
    CHECK(again->load().scores.size() == 3);
}

TEST_CASE("bridge: 409 outside scoring, with the round closed and for ideas not open", "[server][bridge]") {
    Bench b(1);
    b.bridge.set_open_ideas(std::vector<std::string>{"i2"});
    std::vector<Job> a{vote("p1", "i1", "c1", 3), vote("p1", "i2", "c1", 3)};
    b.run(a);
    CHECK(a[0].reply.status == 409);
    CHECK(a[1].reply.saved);
    b.bridge.set_round(false);
    std::vector<Job> c{vote("p1", "i2", "c1", 4)};
    b.run(c);
    CHECK(c[0].reply.status == 409);
    b.bridge.set_round(true);
    b.bridge.set_stage(core::StageKind::Ideas);
    std::vector<Job> d{vote("p1", "i2", "c1", 4)};
    b.run(d);
    CHECK(d[0].reply.status == 409);
    CHECK(b.session->score("i2", "p1", "c1") == 3);
}

TEST_CASE("bridge: a removed participant's phone gets 401 and its token is forgotten", "[server][bridge]") {
    Bench b(2);
    b.wf->attach_phone_tokens({});
    std::vector<Job> first{vote("p2", "i1", "c1", 2)};
    b.run(first);
    REQUIRE(first[0].reply.saved);
    b.session->execute(core::RemoveParticipant{"p1"});
    std::vector<Job> jobs{vote("p1", "i1", "c1", 3)};
    b.run(jobs);
    CHECK(jobs[0].reply.status == 401);
    CHECK(b.tokens.participant_of("t-p1").empty());
    CHECK(b.bridge.counts().joined == 1);
}

TEST_CASE("bridge: the state a phone reads, and progress counts", "[server][bridge]") {
    Bench b(2, 1);
    std::vector<Job> votes;
    for (int c = 1; c <= 9; ++c) votes.push_back(vote("p2", "i1", "c" + std::to_string(c), 4));
    b.run(votes);
    const auto counts = b.bridge.counts();
    CHECK(counts.joined == 2);
    CHECK(counts.finished == 1);
    CHECK(counts.open_ideas == 1);
    CHECK(counts.finished_names == std::vector<std::string>{"Participant 2"});
    Job st;
    st.kind = JobKind::State;
    st.participant = "p2";
    st.token = "t-p2";
    std::vector<Job> jobs{st};
    b.run(jobs);
    REQUIRE(jobs[0].reply.status == 200);
    const json j = json::parse(jobs[0].reply.body);
    CHECK(j["stage"]["kind"] == "scoring");
    CHECK(j["scores"].size() == 9);
    CHECK(j["participant"]["id"] == "p2");
}

TEST_CASE("bridge: at most 30 ideas per phone", "[server][bridge]") {
    Bench b(1, 1);
    b.bridge.set_stage(core::StageKind::Ideas);
    std::vector<Job> jobs;
    for (int k = 0; k < 31; ++k) {
        Job j;
        j.kind = JobKind::Idea;
        j.participant = "p1";
        j.token = "t-p1";
        j.address = "127.0.0.9";
        j.title = "Idea from a phone " + std::to_string(k);
        jobs.push_back(j);
    }
    b.run(jobs);
    CHECK(jobs[29].reply.status == 201);
    CHECK(jobs[30].reply.status == 429);
    CHECK(b.session->workshop().ideas.size() == 31);
}

TEST_CASE("bridge: a vote that cannot be saved gets 500 without the laptop's path or the system's words", "[server][bridge]") {
    test::TempDir dir;
    const std::string file = dir.file("w.pilotdeck");
    test::create_workshop_file(file, test::phone_workshop(2));
    {
        auto rw = storage::WorkshopFile::open(file);
        core::Session s(rw->load(), rw->current_stage(), rw.get());
        s.execute(core::PutParticipant{core::Participant{"p1", "Ann", {}, core::Role::User}, std::nullopt}, false);
    }
    // The store refuses every write (opened read-only), as a full or broken disk would.
    auto ro = storage::WorkshopFile::open(file, storage::WorkshopFile::Mode::ReadOnly);
    core::Session session(ro->load(), ro->current_stage(), ro.get());
    server::TokenTable tokens;
    server::Bridge bridge(tokens);
    bridge.set_stage(core::StageKind::Scoring);
    std::vector<Job> jobs{vote("p1", "i1", "c1", 3), vote("p1", "i2", "c1", 4)};
    bridge.run(jobs, session);
    for (const auto& j : jobs) {
        CHECK(j.reply.status == 500);
        CHECK(j.reply.body.find(dir.path().string()) == std::string::npos);
        CHECK(j.reply.body.find("w.pilotdeck") == std::string::npos);
        CHECK(j.reply.body.find("/") == std::string::npos);
    }
    CHECK_FALSE(session.score("i1", "p1", "c1"));
}
