// The results of a hackathon (contracts 6): rankings, awards with ties, recusals.
#include <catch2/catch.hpp>

#include "core/hackathon.hpp"
#include "core/recusal.hpp"

using namespace pilotdeck::core;

namespace {

Criterion criterion(const char* id, Axis axis) {
    Criterion c;
    c.id = id;
    c.label = std::string("Label of ") + id;
    c.axis = axis;
    return c;
}

// Teams Alpha (t1, idea i1, Finance), Bravo (t2, i2, Sales), Charlie (t3, i3, Finance), each
// with one member; jury k1 (Finance) and k2 (Board); voters v1, v2.
Workshop hackathon() {
    Workshop ws;
    ws.mode = Mode::Hackathon;
    ws.criteria = {criterion("value", Axis::Benefit), criterion("danger", Axis::Risk), criterion("wow", Axis::Visibility)};
    ws.participants = {{"m1", "M1", "Finance", Role::User}, {"m2", "M2", "Sales", Role::User},
                       {"m3", "M3", "Finance", Role::User}, {"k1", "K1", "Finance", Role::Jury},
                       {"k2", "K2", "Board", Role::Jury},   {"v1", "V1", "", Role::User},
                       {"v2", "V2", "", Role::User}};
    for (const auto& [id, dept] : std::vector<std::pair<std::string, std::string>>{{"i1", "Finance"}, {"i2", "Sales"}, {"i3", "Finance"}}) {
        Idea idea;
        idea.id = id;
        idea.title = "Title " + id;
        idea.department = dept;
        ws.ideas.push_back(idea);
    }
    // Listed out of name order, to see that names order ties.
    ws.teams = {{"t3", "Charlie", "i3", {"m3"}, "", 3}, {"t1", "Alpha", "i1", {"m1"}, "", 1}, {"t2", "Bravo", "i2", {"m2"}, "", 2}};
    return ws;
}

void score(Workshop& ws, const char* idea, const char* rater, int value, int danger, int wow) {
    ws.scores.push_back({idea, rater, "value", value});
    ws.scores.push_back({idea, rater, "danger", danger});
    ws.scores.push_back({idea, rater, "wow", wow});
}

}  // namespace

TEST_CASE("results: recusal by membership and, when asked, by department", "[hackathon]") {
    Workshop ws = hackathon();
    ws.participants[0].role = Role::Jury;  // m1 is jury and a member of t1
    CHECK(list_recusals(ws) == std::vector<RecusalEntry>{{"m1", "t1", RecusalReason::Member}});
    ws.judging.recuse_same_department = true;
    CHECK(list_recusals(ws) == std::vector<RecusalEntry>{{"k1", "t1", RecusalReason::Department},
                                                        {"k1", "t3", RecusalReason::Department},
                                                        {"m1", "t1", RecusalReason::Member},
                                                        {"m1", "t3", RecusalReason::Department}});
    // Anyone who made a comparison is a judge too.
    ws.judging.recuse_same_department = false;
    ws.comparisons.push_back({"m2", "t1", "t3", ""});
    CHECK(list_recusals(ws).size() == 2);
    CHECK(list_recusals(ws)[1] == RecusalEntry{"m2", "t2", RecusalReason::Member});
}

TEST_CASE("results: criteria ranking over the jury's scores, ties shared and awarded as ties", "[hackathon]") {
    Workshop ws = hackathon();
    ws.judging.method = JudgingMethod::Criteria;
    ws.awards = {{"best", "Best", "overall"}, {"wow", "Most wow", "criterion:wow"}, {"crowd", "Crowd", "audience"}};
    score(ws, "i1", "k1", 4, 2, 3);
    score(ws, "i1", "k2", 4, 2, 5);
    score(ws, "i3", "k1", 4, 2, 4);  // Charlie ties Alpha on every axis
    score(ws, "i3", "k2", 4, 2, 4);
    score(ws, "i2", "k2", 5, 5, 1);  // Bravo: highest benefit
    score(ws, "i3", "v1", 1, 5, 1);  // not jury: never counted
    const HackathonResults r = hackathon_results(ws);
    REQUIRE(r.ranking.size() == 3);
    CHECK(ws.teams[r.ranking[0].team].name == "Bravo");
    CHECK(r.ranking[0].rank == 1);
    CHECK(ws.teams[r.ranking[1].team].name == "Alpha");
    CHECK(ws.teams[r.ranking[2].team].name == "Charlie");
    CHECK(r.ranking[1].rank == 2);
    CHECK(r.ranking[2].rank == 2);
    CHECK(r.ranking[1].benefit == 4.0);
    CHECK(r.ranking[1].visibility == 4.0);
    CHECK(r.ranking[1].raters == 2);

    REQUIRE(r.awards.size() == 3);
    CHECK(r.awards[0].team == 2u);  // Bravo (index 2 in ws.teams)
    CHECK(r.awards[0].tied_with.empty());
    // wow: Alpha (3 + 5) / 2 = 4.00 and Charlie 4.00: a tie, Alpha first by name.
    CHECK(r.awards[1].team == 1u);
    CHECK(r.awards[1].tied_with == std::vector<std::size_t>{0});
    CHECK(r.awards[1].why == "Highest jury mean on Label of wow: 4.00. A tie with 1 other team.");
    CHECK_FALSE(r.awards[2].team.has_value());
    CHECK(r.awards[2].why == "No audience votes yet.");
}

TEST_CASE("results: audience votes, a tie and a clear winner", "[hackathon]") {
    Workshop ws = hackathon();
    ws.awards = {{"crowd", "Crowd", "audience"}};
    ws.audience_votes = {{"v1", "t3"}, {"v2", "t2"}};
    HackathonResults r = hackathon_results(ws);
    CHECK(r.awards[0].team == 2u);  // Bravo before Charlie by name
    CHECK(r.awards[0].tied_with == std::vector<std::size_t>{0});
    ws.audience_votes.push_back({"m1", "t3"});
    r = hackathon_results(ws);
    CHECK(r.awards[0].team == 0u);
    CHECK(r.awards[0].tied_with.empty());
    CHECK(r.awards[0].why == "2 of 3 audience votes.");
}

TEST_CASE("results: pairwise ranking by mu, then name; nothing to award before a comparison", "[hackathon]") {
    Workshop ws = hackathon();
    ws.judging.method = JudgingMethod::Pairwise;
    ws.awards = {{"best", "Best", "overall"}};
    HackathonResults r = hackathon_results(ws);
    CHECK(ws.teams[r.ranking[0].team].name == "Alpha");  // all at mu 0: by name
    CHECK(r.ranking[2].rank == 1);
    CHECK_FALSE(r.awards[0].team.has_value());
    CHECK(r.awards[0].why == "No comparisons yet.");

    ws.comparisons = {{"k2", "t3", "t1", "2026-12-01T10:00:00Z"}};
    r = hackathon_results(ws);
    CHECK(ws.teams[r.ranking[0].team].name == "Charlie");
    CHECK(r.ranking[0].mu == 0.40909);
    CHECK(r.ranking[0].sigma_sq == 0.83264);
    CHECK(ws.teams[r.ranking[1].team].name == "Bravo");
    CHECK(r.ranking[1].mu == 0.0);
    CHECK(r.ranking[2].mu == -0.40909);
    CHECK(r.awards[0].team == 0u);
    CHECK(r.awards[0].why == "Ranked first by Crowd-BT over 1 comparisons by 1 judge.");
}

TEST_CASE("results: the pilot award goes to the team of the shortlist's first pilot", "[hackathon]") {
    Workshop ws = hackathon();
    ws.awards = {{"pilot", "Pilot", "pilot"}};
    ws.selection.min_raters = 1;
    ws.selection.max_risk = 5;
    ws.selection.min_visibility = 1;
    score(ws, "i2", "v1", 5, 1, 5);
    score(ws, "i1", "v1", 3, 1, 5);
    const HackathonResults r = hackathon_results(ws);
    CHECK(r.awards[0].team == 2u);
    CHECK(r.awards[0].why == "Its idea is the shortlist's first pilot.");
}
