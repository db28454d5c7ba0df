#include "server/fixture.hpp"

#include "storage/workshop_file.hpp"

namespace pilotdeck::test {

core::Workshop phone_workshop(int ideas, int criteria) {
    core::Workshop ws;
    ws.info.title = "Phone test workshop";
    ws.info.organisation = "Testers";
    ws.info.language = "en";
    ws.info.template_id = "use-case-workshop";
    const core::StageKind kinds[] = {core::StageKind::Intro, core::StageKind::Concerns, core::StageKind::Ideas,
                                     core::StageKind::Scoring, core::StageKind::Matrix};
    for (core::StageKind k : kinds) {
        core::Stage s;
        s.id = std::string(core::to_string(k));
        s.kind = k;
        s.title = "Stage " + s.id;
        s.minutes = 10;
        ws.stages.push_back(s);
    }
    ws.concerns = {{"jobs", "AI will take our jobs", "It changes tasks.", 0},
                   {"privacy", "Our data leaks", "We keep data inside.", 0}};
    const core::Axis axes[] = {core::Axis::Benefit, core::Axis::Risk, core::Axis::Visibility};
    for (int c = 1; c <= criteria; ++c) {
        core::Criterion cr;
        cr.id = "c" + std::to_string(c);
        cr.label = "Criterion " + std::to_string(c);
        cr.axis = axes[(c - 1) % 3];
        cr.weight = 1.0;
        cr.min = 1;
        cr.max = 5;
        cr.help = "How much, from 1 to 5";
        for (int v = 1; v <= 5; ++v) cr.levels[v] = "level " + std::to_string(v) + " of " + cr.id;
        ws.criteria.push_back(cr);
    }
    for (int i = 1; i <= ideas; ++i) {
        core::Idea idea;
        idea.id = "i" + std::to_string(i);
        idea.title = "Idea " + std::to_string(i);
        idea.problem = "Problem " + std::to_string(i);
        idea.department = "Dept " + std::to_string(i % 4);
        ws.ideas.push_back(idea);
    }
    return ws;
}

// Stages teams, pitches, judging, awards; `teams` teams t1..tN, each with idea iN (department
// "Dept N%3") and two members (participants m1a/m1b...); criteria c1..c3.
core::Workshop hackathon_workshop(int teams, core::JudgingMethod method, bool recuse_department) {
    core::Workshop ws = phone_workshop(teams, 3);
    ws.mode = core::Mode::Hackathon;
    ws.stages.clear();
    for (core::StageKind k : {core::StageKind::Teams, core::StageKind::Pitches, core::StageKind::Judging, core::StageKind::Awards}) {
        core::Stage st;
        st.id = std::string(core::to_string(k));
        st.kind = k;
        st.title = "Stage " + st.id;
        ws.stages.push_back(st);
    }
    ws.judging.method = method;
    ws.judging.recuse_same_department = recuse_department;
    for (int t = 1; t <= teams; ++t) {
        const std::string n = std::to_string(t);
        ws.ideas[static_cast<std::size_t>(t - 1)].department = "Dept " + std::to_string(t % 3);
        core::Team team;
        team.id = "t" + n;
        team.name = "Team " + n;
        team.idea = "i" + n;
        team.pitch_order = t;
        for (const char* suffix : {"a", "b"}) {
            core::Participant p;
            p.id = "m" + n + suffix;
            p.name = "Member " + n + suffix;
            p.department = "Dept " + std::to_string(t % 3);
            ws.participants.push_back(p);
            team.members.push_back(p.id);
        }
        ws.teams.push_back(team);
    }
    return ws;
}

void create_workshop_file(const std::string& path, const core::Workshop& ws) { storage::WorkshopFile::create(path, ws); }

std::string join(HttpClient& client, const std::string& code, const std::string& name) {
    HttpResponse r = client.request("POST", "/api/join", join_body(code, name));
    if (r.status != 200) return {};
    auto j = nlohmann::json::parse(r.body, nullptr, false);
    if (!j.is_object() || !j.contains("token") || !j["token"].is_string()) return {};
    return j["token"].get<std::string>();
}

Joined join_as(HttpClient& client, const std::string& code, const std::string& name) {
    Joined out;
    const HttpResponse r = client.request("POST", "/api/join", join_body(code, name));
    out.status = r.status;
    if (r.status != 200) return out;
    const auto j = nlohmann::json::parse(r.body);
    out.token = j.at("token").get<std::string>();
    out.participant = j.at("participant").get<std::string>();
    return out;
}

server::ServerOptions loopback(std::optional<core::StageKind> stage) {
    server::ServerOptions o;
    o.bind = "127.0.0.1";
    o.port = 0;
    o.stage = stage;
    return o;
}

}  // namespace pilotdeck::test
