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

void create_workshop_file(const std::string& path, const core::Workshop& ws) { storage::WorkshopFile::create(path, ws); }

std::string join(HttpClient& client, const std::string& code, const std::string& name) {
    HttpResponse r = client.request("POST", "/api/join", join_body(code, name));
    if (r.status != 200) return {};
    auto j = nlohmann::json::parse(r.body, nullptr, false);
    if (!j.is_object() || !j.contains("token") || !j["token"].is_string()) return {};
    return j["token"].get<std::string>();
}

}  // namespace pilotdeck::test
