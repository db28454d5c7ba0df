// Pins every rule of contracts.md section 4 ("How the numbers are computed", "How pilots are chosen").
#include <catch2/catch.hpp>

#include <initializer_list>

#include "core/selection.hpp"
#include "core_fixtures.hpp"

using namespace pilotdeck::core;
using pilotdeck::test::crit;

namespace {

// A small workshop: one criterion per axis (b, r, v), ten raters p1..p10.
struct Fixture {
    Workshop ws;
    SelectionRules rules{2.5, 3.5, 3, 3, 1};

    Fixture() {
        ws.criteria = {crit("b", Axis::Benefit), crit("r", Axis::Risk), crit("v", Axis::Visibility)};
        for (int i = 1; i <= 10; ++i) ws.participants.push_back({"p" + std::to_string(i), "P" + std::to_string(i), "", Role::User});
    }
    Idea& idea(const std::string& id, const std::string& title, const std::string& dept = "") {
        Idea i;
        i.id = id;
        i.title = title;
        i.department = dept;
        ws.ideas.push_back(i);
        return ws.ideas.back();
    }
    // Rater k (1-based) gives values[k-1] on the criterion.
    void score(const std::string& idea, const std::string& criterion, std::initializer_list<int> values) {
        int k = 1;
        for (int v : values) ws.scores.push_back({idea, "p" + std::to_string(k++), criterion, v});
    }
    // Three raters giving exactly these values on b, r and v.
    void simple(const std::string& idea, int b, int r, int v) {
        score(idea, "b", {b, b, b});
        score(idea, "r", {r, r, r});
        score(idea, "v", {v, v, v});
    }
    std::vector<IdeaResult> results() const { return summarize(ws.ideas, ws.criteria, Aggregates::from_scores(ws.scores)); }
    Selection select() const { return select_pilots(ws.ideas, results(), rules); }
    std::vector<std::string> pilot_ids() const {
        std::vector<std::string> out;
        const auto res = results();
        for (const auto& p : select_pilots(ws.ideas, res, rules).pilots) out.push_back(ws.ideas[res[p.result].idea].id);
        return out;
    }
    // idea id -> exclusion code, for every idea not selected, in order.
    std::vector<std::pair<std::string, std::string>> rejected() const {
        std::vector<std::pair<std::string, std::string>> out;
        const auto res = results();
        for (const auto& r : select_pilots(ws.ideas, res, rules).not_selected)
            out.emplace_back(ws.ideas[res[r.result].idea].id, std::string(to_string(r.code)));
        return out;
    }
    std::vector<std::string> ranking() const {
        std::vector<std::string> out;
        const auto res = results();
        for (auto i : rank(ws.ideas, res)) out.push_back(ws.ideas[res[i].idea].id);
        return out;
    }
};

using Ids = std::vector<std::string>;
using Codes = std::vector<std::pair<std::string, std::string>>;

}  // namespace

TEST_CASE("criterion means, sample sd, raters and contested", "[numbers]") {
    Fixture f;
    f.idea("i1", "A");
    f.score("i1", "b", {1, 2, 3});  // mean 2, sd 1.00 exactly -> contested (>= 1.0)
    f.score("i1", "r", {3, 4});      // mean 3.5, sd 0.71
    auto r = f.results()[0];
    REQUIRE(r.criteria.size() == 2);
    CHECK(r.criteria[0].criterion == "b");
    CHECK(r.criteria[0].mean == 2.0);
    CHECK(r.criteria[0].sd == 1.0);
    CHECK(r.criteria[0].n == 3);
    CHECK(r.criteria[1].sd == 0.71);
    CHECK(r.contested);
    CHECK(r.raters == 3);
    CHECK(r.benefit == 2.0);
    CHECK(r.risk == 3.5);
    CHECK_FALSE(r.visibility.has_value());  // axis without scores is null

    Fixture g;
    g.idea("i1", "A");
    g.score("i1", "b", {3, 4});  // sd 0.71: not contested
    CHECK_FALSE(g.results()[0].contested);
}

TEST_CASE("axis score is the weighted mean over the criteria that have scores", "[numbers]") {
    Fixture f;
    f.ws.criteria = {crit("b1", Axis::Benefit, 2.0), crit("b2", Axis::Benefit, 1.0), crit("b3", Axis::Benefit, 5.0),
                     crit("r", Axis::Risk)};
    f.idea("i1", "A");
    f.score("i1", "b1", {4, 4});
    f.score("i1", "b2", {1});  // raters who gave none are left out of the mean
    // b3 has no scores: left out of the weighted mean entirely
    auto r = f.results()[0];
    CHECK(r.benefit == 3.0);  // (2*4 + 1*1) / 3
    CHECK(r.raters == 2);
    CHECK_FALSE(r.risk.has_value());
    CHECK_FALSE(r.quadrant.has_value());
}

TEST_CASE("quadrants use the middle of the scales, inclusive", "[numbers]") {
    Fixture f;
    f.idea("qw", "quick win");
    f.score("qw", "b", {3});
    f.score("qw", "r", {3});  // benefit >= 3 and risk <= 3
    f.idea("st", "strategic");
    f.score("st", "b", {3});
    f.score("st", "r", {3, 4});  // risk 3.5 > 3
    f.idea("fi", "fill-in");
    f.score("fi", "b", {2, 3});  // 2.5 < 3
    f.score("fi", "r", {1});
    f.idea("av", "avoid");
    f.score("av", "b", {1});
    f.score("av", "r", {5});
    auto res = f.results();
    CHECK(res[0].quadrant == Quadrant::QuickWin);
    CHECK(res[1].quadrant == Quadrant::Strategic);
    CHECK(res[2].quadrant == Quadrant::FillIn);
    CHECK(res[3].quadrant == Quadrant::Avoid);
    CHECK(to_string(Quadrant::QuickWin) == "quick-win");
    CHECK(to_string(Quadrant::FillIn) == "fill-in");

    std::vector<Criterion> wide{crit("b", Axis::Benefit), crit("r", Axis::Risk)};
    wide[0].min = 0;
    wide[0].max = 10;
    CHECK(axis_mid(wide, Axis::Benefit) == 5.0);
    CHECK(axis_mid(wide, Axis::Risk) == 3.0);
}

TEST_CASE("ranking: benefit, then visibility, then risk, then title", "[ranking]") {
    Fixture f;
    f.idea("low", "Zeta");
    f.simple("low", 2, 1, 5);
    f.idea("vis_lo", "Beta");
    f.simple("vis_lo", 4, 1, 3);
    f.idea("vis_hi", "Alpha");
    f.simple("vis_hi", 4, 2, 4);  // same benefit as vis_lo, higher visibility wins despite more risk
    f.idea("risk_hi", "Gamma");
    f.simple("risk_hi", 4, 3, 4);  // ties vis_hi on benefit and visibility: lower risk first
    f.idea("title_b", "Delta b");
    f.simple("title_b", 5, 2, 2);
    f.idea("title_a", "Delta a");
    f.simple("title_a", 5, 2, 2);  // full tie: title decides
    CHECK(f.ranking() == Ids{"title_a", "title_b", "vis_hi", "risk_hi", "vis_lo", "low"});
}

TEST_CASE("ranking compares the rounded scores", "[ranking][round]") {
    Fixture f;
    f.ws.criteria = {crit("b", Axis::Benefit, 1.0), crit("b2", Axis::Benefit, 0.5015), crit("r", Axis::Risk),
                     crit("v", Axis::Visibility)};
    f.idea("a", "A");
    f.score("a", "b", {3, 3, 4});  // 3.3333 -> 3.33
    f.score("a", "v", {5});
    f.idea("b", "B");
    f.score("b", "b", {3});
    f.score("b", "b2", {4});  // (3 + 4*0.5015) / 1.5015 = 3.3340 -> 3.33: a tie once rounded
    f.score("b", "v", {4});
    auto res = f.results();
    CHECK(res[0].benefit == 3.33);
    CHECK(res[1].benefit == 3.33);
    CHECK(f.ranking() == Ids{"a", "b"});  // tie on benefit, so visibility 5 beats 4
}

TEST_CASE("an idea with no score on an axis ranks below every idea that has one", "[ranking]") {
    Fixture f;
    f.idea("none", "A none");  // no scores at all
    f.idea("nob", "B no benefit");
    f.score("nob", "r", {1});
    f.score("nob", "v", {5});
    f.idea("weak", "C weak");
    f.simple("weak", 1, 5, 1);
    f.idea("novis", "D no visibility");
    f.score("novis", "b", {1});
    f.score("novis", "r", {1});
    CHECK(f.ranking() == Ids{"weak", "novis", "nob", "none"});
}

TEST_CASE("limits are inclusive and compared on rounded scores", "[selection][round]") {
    Fixture f;
    f.rules = {2.5, 3.5, 3, 10, 10};
    f.idea("edge", "Edge");
    f.simple("edge", 4, 3, 4);
    f.ws.scores.clear();
    f.score("edge", "b", {4, 4, 4});
    f.score("edge", "r", {2, 3});         // risk 2.50 == max_risk: allowed
    f.score("edge", "v", {3, 4, 3, 4});   // visibility 3.50 == min: allowed; raters 4 >= 3
    f.idea("over", "Over");
    f.score("over", "b", {4, 4, 4});
    f.score("over", "r", {2, 3, 3, 2, 3, 2, 3, 2, 3});  // 2.56 > 2.5
    f.score("over", "v", {5, 5, 5});
    f.idea("under", "Under");
    f.score("under", "b", {4, 4, 4});
    f.score("under", "r", {1, 1, 1});
    f.score("under", "v", {3, 4, 3, 4, 3, 4, 3});  // 3.43 < 3.5
    CHECK(f.pilot_ids() == Ids{"edge"});
    CHECK(f.rejected() == Codes{{"over", "risk"}, {"under", "visibility"}});

    // A raw risk of 2.504 rounds to 2.50 and is allowed.
    Fixture g;
    g.rules = {2.5, 1.0, 1, 3, 3};
    g.ws.criteria = {crit("b", Axis::Benefit), crit("r", Axis::Risk, 1.0), crit("r2", Axis::Risk, 1.016129),
                     crit("v", Axis::Visibility)};
    g.idea("x", "X");
    g.score("x", "b", {4});
    g.score("x", "r", {2});
    g.score("x", "r2", {3});
    g.score("x", "v", {4});
    REQUIRE(g.results()[0].risk == 2.5);
    CHECK(g.pilot_ids() == Ids{"x"});
}

TEST_CASE("too few raters comes before risk and visibility", "[selection]") {
    Fixture f;
    f.rules.min_raters = 3;
    f.idea("two", "Two raters");
    f.score("two", "b", {5, 5});
    f.score("two", "r", {5, 5});  // also too risky, but raters is checked first
    f.score("two", "v", {1, 1});
    f.idea("three", "Three raters");
    f.simple("three", 3, 2, 4);
    CHECK(f.pilot_ids() == Ids{"three"});
    CHECK(f.rejected() == Codes{{"two", "raters"}});
    auto sel = f.select();
    CHECK(sel.not_selected[0].reason == "scored by 2 raters; at least 3 needed");
}

TEST_CASE("risk is checked before visibility, and the reasons read aloud", "[selection]") {
    Fixture f;
    f.idea("both", "Both fail");
    f.simple("both", 5, 4, 1);
    auto sel = f.select();
    REQUIRE(sel.not_selected.size() == 1);
    CHECK(sel.not_selected[0].code == Exclusion::Risk);
    CHECK(sel.not_selected[0].reason == "risk 4.00 is above the limit 2.50");
    Fixture g;
    g.idea("vis", "Visibility fails");
    g.simple("vis", 5, 2, 3);
    CHECK(g.select().not_selected[0].reason == "visibility 3.00 is below the minimum 3.50");
}

TEST_CASE("ideas without any score and axes without scores are kept out", "[selection]") {
    Fixture f;
    f.rules.min_raters = 0;
    f.idea("none", "No scores");
    f.idea("norisk", "No risk");
    f.score("norisk", "b", {5});
    f.score("norisk", "v", {5});
    f.idea("novis", "No visibility");
    f.score("novis", "b", {5});
    f.score("novis", "r", {1});
    f.idea("nob", "No benefit");
    f.score("nob", "r", {1});
    f.score("nob", "v", {5});
    auto sel = f.select();
    CHECK(f.rejected() == Codes{{"norisk", "risk"}, {"novis", "visibility"}, {"none", "risk"}});
    CHECK(f.pilot_ids() == Ids{"nob"});  // eligible: no benefit only ranks it low
    Fixture g;
    g.idea("none", "No scores");
    CHECK(g.rejected() == Codes{{"none", "raters"}});
    CHECK(g.select().not_selected[0].reason == "not scored yet; at least 3 raters are needed");
}

TEST_CASE("size limits the pilots; department limit applies per department", "[selection]") {
    Fixture f;
    f.rules = {2.5, 3.5, 3, 3, 1};
    f.idea("a1", "A1", "Finance");
    f.simple("a1", 5, 1, 5);
    f.idea("a2", "A2", "Finance");
    f.simple("a2", 5, 1, 4);  // second from Finance: department
    f.idea("b1", "B1", "Sales");
    f.simple("b1", 4, 1, 5);
    f.idea("n1", "N1", "");  // no department: never limited by it
    f.simple("n1", 3, 1, 5);
    f.idea("n2", "N2", "");
    f.simple("n2", 3, 1, 4);  // size is full by now
    f.idea("a3", "A3", "Finance");
    f.simple("a3", 2, 1, 4);  // size full AND department full: size is checked first
    CHECK(f.pilot_ids() == Ids{"a1", "b1", "n1"});
    CHECK(f.rejected() == Codes{{"a2", "department"}, {"n2", "size"}, {"a3", "size"}});
    auto sel = f.select();
    CHECK(sel.pilots[0].rank == 1);
    CHECK(sel.pilots[2].rank == 3);
    CHECK(sel.not_selected[0].reason == "Finance already has 1 pilot (at most 1 per department)");
    CHECK(sel.not_selected[1].reason == "all 3 pilot places were taken by higher-ranked ideas");

    f.rules.max_per_department = 2;
    CHECK(f.pilot_ids() == Ids{"a1", "a2", "b1"});
}

TEST_CASE("pinned include is chosen first whatever its scores and is never dropped", "[selection][pin]") {
    Fixture f;
    f.rules = {2.5, 3.5, 3, 1, 1};
    f.idea("best", "Best", "Ops");
    f.simple("best", 5, 1, 5);
    f.idea("pinned", "Pinned", "Ops");
    f.simple("pinned", 1, 5, 1);  // terrible scores
    f.ws.ideas[1].decision = Decision{Pin::Include, "the board asked for it"};
    f.idea("pinned2", "Pinned 2", "Ops");  // no scores at all
    f.ws.ideas[2].decision = Decision{Pin::Include, ""};
    // Both pins are chosen although size is 1 and both are in Ops; they come in ranking order.
    CHECK(f.pilot_ids() == Ids{"pinned", "pinned2"});
    CHECK(f.rejected() == Codes{{"best", "size"}});
    auto sel = f.select();
    CHECK(sel.pilots[0].pinned);
    CHECK(sel.pilots[0].why == "Pinned as a pilot by the facilitator: the board asked for it");

    f.rules.size = 5;  // room left, but Ops already has its pinned pilots
    CHECK(f.rejected() == Codes{{"best", "department"}});
}

TEST_CASE("pinned exclude keeps out even the best idea", "[selection][pin]") {
    Fixture f;
    f.idea("best", "Best");
    f.simple("best", 5, 1, 5);
    f.ws.ideas[0].decision = Decision{Pin::Exclude, "works council said no"};
    f.idea("ok", "OK");
    f.simple("ok", 3, 2, 4);
    CHECK(f.pilot_ids() == Ids{"ok"});
    CHECK(f.rejected() == Codes{{"best", "excluded"}});
    CHECK(f.select().not_selected[0].reason == "excluded by the facilitator: works council said no");
}

TEST_CASE("not_selected lists ideas in ranking order and pilots in chosen order", "[selection]") {
    Fixture f;
    f.rules = {2.5, 3.5, 3, 2, 5};
    f.idea("c", "C");
    f.simple("c", 2, 1, 4);
    f.idea("a", "A");
    f.simple("a", 5, 4, 5);  // risk
    f.idea("b", "B");
    f.simple("b", 4, 1, 4);
    f.idea("d", "D");
    f.simple("d", 3, 1, 4);
    f.idea("e", "E");
    f.simple("e", 1, 1, 4);
    f.ws.ideas[4].decision = Decision{Pin::Include, "quick and cheap"};
    CHECK(f.pilot_ids() == Ids{"e", "b"});
    CHECK(f.rejected() == Codes{{"a", "risk"}, {"d", "size"}, {"c", "size"}});
}
