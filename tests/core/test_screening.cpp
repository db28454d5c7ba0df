// contracts 7: every class and DPIA rule at its boundary, the gates and the order of the codes;
// contracts 5b: consensus values in the aggregates and in selection.
#include <catch2/catch.hpp>

#include <initializer_list>
#include <utility>

#include "core/screening.hpp"
#include "core/selection.hpp"
#include "core/session.hpp"
#include "core_fixtures.hpp"

using namespace pilotdeck::core;
using pilotdeck::test::crit;

namespace {

// Every question answered "no", then the given answers (nullopt: not answered).
Assessment answered(std::initializer_list<std::pair<const char*, std::optional<bool>>> changes) {
    Assessment a;
    for (std::string_view q : screening_questions()) a.answers.set(q, false);
    for (const auto& [q, v] : changes) {
        a.answers.set(q, v);
    }
    return a;
}

std::string ai_act(const Assessment& a) { return std::string(to_string(classify_ai_act(a))); }
std::string dpia(const Assessment& a) { return std::string(to_string(classify_dpia(a))); }

}  // namespace

TEST_CASE("screening answers: set, clear and read back by question id", "[screening]") {
    ScreeningAnswers a;
    CHECK(a.size() == 0);
    CHECK_FALSE(a.get("P1").has_value());
    CHECK(a.set("P1", true));
    CHECK(a.set("A", false));
    CHECK(a.set("D9", true));
    CHECK(a.get("P1") == true);
    CHECK(a.get("A") == false);
    CHECK(a.get("D9") == true);
    CHECK_FALSE(a.get("D8").has_value());
    CHECK(a.size() == 3);
    CHECK(a.set("P1", false));  // changed, not added
    CHECK(a.get("P1") == false);
    CHECK(a.size() == 3);
    CHECK(a.set("D9", std::nullopt));  // cleared
    CHECK_FALSE(a.get("D9").has_value());
    CHECK(a.size() == 2);
    // Unknown ids change nothing and read as not answered.
    const ScreeningAnswers before = a;
    CHECK_FALSE(a.set("P9", true));
    CHECK_FALSE(a.set("notes", true));
    CHECK_FALSE(a.set("", false));
    CHECK(a == before);
    CHECK_FALSE(a.get("P9").has_value());
    // Every question has its own bit.
    ScreeningAnswers all;
    for (std::string_view q : screening_questions()) CHECK(all.set(q, true));
    CHECK(all.size() == 33);
    for (std::string_view q : screening_questions()) CHECK(all.get(q) == true);
}

TEST_CASE("the questionnaire has the fixed ids of contracts 7", "[screening]") {
    CHECK(screening_questions().size() == 33);
    for (const char* q : {"P1", "P8", "H1", "H8", "E", "F", "T1", "T4", "D1", "D9", "S", "A"}) CHECK(is_screening_question(q));
    for (const char* q : {"P0", "P9", "H9", "T5", "D0", "D10", "notes", "p1", ""}) CHECK_FALSE(is_screening_question(q));
}

TEST_CASE("AI Act classes, first that applies", "[screening]") {
    CHECK(to_string(classify_ai_act(std::nullopt)) == "unassessed");
    CHECK(ai_act(Assessment{}) == "unassessed");
    CHECK(ai_act(answered({})) == "minimal");
    // Any P true is prohibited, whatever else holds (also with H, E, T, and open questions).
    CHECK(ai_act(answered({{"P1", true}})) == "prohibited");
    CHECK(ai_act(answered({{"P8", true}, {"H4", true}, {"T1", true}, {"P2", std::nullopt}})) == "prohibited");
    // H true: high-risk, unless E is true and F is false (Art. 6(3)).
    CHECK(ai_act(answered({{"H4", true}})) == "high-risk");
    CHECK(ai_act(answered({{"H4", true}, {"E", true}})) == "minimal");              // E, not F
    CHECK(ai_act(answered({{"H4", true}, {"E", true}, {"F", true}})) == "high-risk");  // profiling
    CHECK(ai_act(answered({{"H4", true}, {"E", true}, {"F", std::nullopt}})) == "high-risk");  // F unknown
    CHECK(ai_act(answered({{"H4", true}, {"E", std::nullopt}})) == "high-risk");                // E unknown
    CHECK(ai_act(answered({{"H1", true}, {"E", true}, {"T2", true}})) == "limited");  // exempt, then transparency
    // High-risk comes before unassessed: a known H is enough.
    CHECK(ai_act(answered({{"H8", true}, {"P3", std::nullopt}})) == "high-risk");
    // Unassessed: any P or H open.
    CHECK(ai_act(answered({{"P5", std::nullopt}})) == "unassessed");
    CHECK(ai_act(answered({{"H2", std::nullopt}, {"T1", true}})) == "unassessed");
    // E, F, T and D open do not make it unassessed.
    CHECK(ai_act(answered({{"E", std::nullopt}, {"F", std::nullopt}, {"T3", std::nullopt}, {"D1", std::nullopt}})) ==
          "minimal");
    CHECK(ai_act(answered({{"T4", true}})) == "limited");
}

TEST_CASE("DPIA verdicts, first that applies", "[screening]") {
    CHECK(to_string(classify_dpia(std::nullopt)) == "unknown");
    CHECK(dpia(answered({})) == "not-needed");
    CHECK(dpia(answered({{"A", true}})) == "required");
    CHECK(dpia(answered({{"S", true}, {"D5", true}})) == "required");
    CHECK(dpia(answered({{"S", true}})) == "not-needed");           // S without D5
    CHECK(dpia(answered({{"S", true}, {"D5", std::nullopt}})) == "unknown");
    CHECK(dpia(answered({{"D5", true}})) == "recommended");       // D5 without S: exactly one criterion
    CHECK(dpia(answered({{"D1", true}})) == "recommended");       // exactly one
    CHECK(dpia(answered({{"D1", true}, {"D9", true}})) == "required");  // exactly two
    CHECK(dpia(answered({{"D3", true}, {"D7", true}, {"D8", true}})) == "required");
    // One true criterion decides before open questions do.
    CHECK(dpia(answered({{"D2", true}, {"D4", std::nullopt}})) == "recommended");
    CHECK(dpia(answered({{"D4", std::nullopt}})) == "unknown");
    CHECK(dpia(answered({{"S", std::nullopt}})) == "unknown");
    CHECK(dpia(answered({{"A", std::nullopt}})) == "unknown");
    CHECK(dpia(answered({{"A", std::nullopt}, {"D6", true}, {"D7", true}})) == "required");
}

TEST_CASE("obligations come from the catalogue, matched by class, verdict and answers", "[screening]") {
    ObligationCatalogue cat;
    cat.checked = "2026-12-01";
    cat.obligations = {{"t", {}, {}, {"T1", "T2"}, "Say it is AI.", "2026-08-02", "AI Act Art. 113"},
                       {"hr", {"high-risk"}, {}, {}, "Oversight.", "2027-12-02", "X"},
                       {"dpia", {}, {"required"}, {}, "Do a DPIA.", "", "GDPR Art. 35"},
                       {"wc", {}, {}, {"D3", "D7"}, "Works council.", "", ""}};
    using V = std::vector<std::string>;
    CHECK(obligations_for(answered({}), cat).empty());
    CHECK(obligations_for(answered({{"T2", true}}), cat) == V{"Say it is AI (AI Act Art. 113; applies from 2026-08-02)."});
    CHECK(obligations_for(answered({{"H3", true}, {"D7", true}, {"D3", true}}), cat) ==
          V{"Oversight (X; applies from 2027-12-02).", "Do a DPIA (GDPR Art. 35).", "Works council."});
    CHECK(obligations_for(std::nullopt, cat).empty());
}

namespace {

struct Room {
    Workshop ws;
    Room() {
        ws.criteria = {crit("b", Axis::Benefit), crit("r", Axis::Risk), crit("v", Axis::Visibility)};
        for (int i = 1; i <= 3; ++i) ws.participants.push_back({"p" + std::to_string(i), "P", "", Role::User});
        ws.selection = SelectionRules{2.5, 3.5, 3, 10, 10};
    }
    // Three raters; benefit b decides the ranking.
    Idea& idea(const std::string& id, int b, std::optional<Assessment> a, std::optional<Pin> pin = std::nullopt) {
        Idea i;
        i.id = id;
        i.title = id;
        i.assessment = std::move(a);
        if (pin) i.decision = Decision{*pin, ""};
        ws.ideas.push_back(i);
        for (int k = 1; k <= 3; ++k) {
            const std::string rater = "p" + std::to_string(k);
            ws.scores.push_back({id, rater, "b", b});
            ws.scores.push_back({id, rater, "r", 1});
            ws.scores.push_back({id, rater, "v", 5});
        }
        return ws.ideas.back();
    }
    std::pair<std::vector<std::string>, std::vector<std::pair<std::string, std::string>>> select() const {
        const auto res = summarize(ws.ideas, ws.criteria, Aggregates::from_scores(ws.scores));
        const Selection sel = select_pilots(ws.ideas, res, ws.selection);
        std::vector<std::string> pilots;
        for (const auto& p : sel.pilots) pilots.push_back(ws.ideas[res[p.result].idea].id);
        std::vector<std::pair<std::string, std::string>> out;
        for (const auto& r : sel.not_selected) out.emplace_back(ws.ideas[res[r.result].idea].id, std::string(to_string(r.code)));
        return {pilots, out};
    }
};

using Ids = std::vector<std::string>;
using Codes = std::vector<std::pair<std::string, std::string>>;

}  // namespace

TEST_CASE("a prohibited idea is never chosen, not even pinned include", "[screening][selection]") {
    Room room;
    room.idea("bad", 5, answered({{"P6", true}}), Pin::Include);
    room.idea("ok", 4, answered({}));
    const auto [pilots, rejected] = room.select();
    CHECK(pilots == Ids{"ok"});
    CHECK(rejected == Codes{{"bad", "prohibited"}});
}

TEST_CASE("gates: high-risk only when pinned or allowed; unassessed only when allowed", "[screening][selection]") {
    Room room;
    room.idea("hr", 5, answered({{"H4", true}}));
    room.idea("hr-pinned", 1, answered({{"H5", true}}), Pin::Include);
    room.idea("open", 4, std::nullopt);
    room.idea("open-pinned", 1, std::nullopt, Pin::Include);
    room.idea("fine", 3, answered({}));
    {
        const auto [pilots, rejected] = room.select();  // defaults: high_risk exclude, unassessed allow
        CHECK(pilots == Ids{"hr-pinned", "open-pinned", "open", "fine"});
        CHECK(rejected == Codes{{"hr", "high-risk"}});
    }
    room.ws.selection.allow_high_risk = true;
    room.ws.selection.allow_unassessed = false;
    {
        const auto [pilots, rejected] = room.select();
        CHECK(pilots == Ids{"hr-pinned", "open-pinned", "hr", "fine"});  // pins pass every gate
        CHECK(rejected == Codes{{"open", "unassessed"}});
    }
}

TEST_CASE("codes in the order prohibited, excluded, high-risk, unassessed, raters, risk, visibility, size, department",
          "[screening][selection]") {
    Room room;
    room.ws.selection.allow_unassessed = false;
    room.ws.selection.size = 1;
    room.ws.selection.max_per_department = 1;
    // Each idea breaks its own rule and every later one, so only the order decides its code.
    room.idea("a-prohibited", 5, answered({{"P1", true}, {"H1", true}}), Pin::Exclude);
    room.idea("b-excluded", 5, answered({{"H1", true}}), Pin::Exclude);
    room.idea("c-high-risk", 5, answered({{"H1", true}, {"P2", std::nullopt}}));
    room.idea("d-unassessed", 5, answered({{"P2", std::nullopt}}));
    room.idea("e-raters", 5, answered({}));
    std::erase_if(room.ws.scores, [](const Score& s) { return s.idea == "e-raters" && s.rater == "p3"; });
    room.idea("f-risk", 5, answered({}));
    for (auto& s : room.ws.scores)
        if (s.idea == "f-risk" && s.criterion == "r") s.value = 5;
    room.idea("g-visibility", 5, answered({}));
    for (auto& s : room.ws.scores)
        if (s.idea == "g-visibility" && s.criterion == "v") s.value = 1;
    room.idea("h-chosen", 4, answered({}));
    room.idea("i-size", 3, answered({}));
    room.ws.selection.size = 2;
    room.ws.ideas[7].department = "Sales";
    room.ws.ideas[8].department = "Sales";
    const auto [pilots, rejected] = room.select();
    CHECK(pilots == Ids{"h-chosen"});
    CHECK(rejected == Codes{{"a-prohibited", "prohibited"}, {"b-excluded", "excluded"}, {"c-high-risk", "high-risk"},
                            {"d-unassessed", "unassessed"}, {"e-raters", "raters"}, {"f-risk", "risk"},
                            {"g-visibility", "visibility"}, {"i-size", "department"}});
    room.ws.ideas[8].department = "IT";
    room.ws.selection.size = 1;
    CHECK(room.select().second.back() == std::pair<std::string, std::string>{"i-size", "size"});
}

TEST_CASE("consensus replaces the individual values and meets min_raters", "[consensus]") {
    Room room;
    Idea i;
    i.id = "c";
    i.title = "c";
    room.ws.ideas.push_back(i);
    // One rater only, with values the consensus overrides.
    room.ws.scores.push_back({"c", "p1", "b", 1});
    room.ws.scores.push_back({"c", "p1", "r", 5});
    auto agreed = [&](const char* criterion, int value) {
        Score s{"c", "", criterion, value};
        s.consensus = true;
        room.ws.scores.push_back(s);
    };
    agreed("b", 4);
    {
        const auto res = summarize(room.ws.ideas, room.ws.criteria, Aggregates::from_scores(room.ws.scores));
        CHECK(res[0].benefit == 4.0);
        CHECK(res[0].risk == 5.0);
        CHECK_FALSE(res[0].consensus);  // risk is scored without a consensus value
        CHECK(room.select().second == Codes{{"c", "raters"}});
    }
    agreed("r", 2);
    agreed("v", 4);
    const auto res = summarize(room.ws.ideas, room.ws.criteria, Aggregates::from_scores(room.ws.scores));
    CHECK(res[0].consensus);
    CHECK(res[0].raters == 1);
    REQUIRE(res[0].criteria.size() == 3);
    CHECK(res[0].criteria[0].consensus);
    CHECK(res[0].criteria[0].sd == 0.0);
    CHECK(res[0].risk == 2.0);
    CHECK_FALSE(res[0].contested);
    room.ws.selection.max_risk = 2.5;
    CHECK(room.select().first == Ids{"c"});
}

TEST_CASE("a session sets, changes, undoes and clears a consensus value without a participant", "[consensus]") {
    Room room;
    Idea i;
    i.id = "c";
    i.title = "c";
    room.ws.ideas.push_back(i);
    Session s(room.ws, 0, nullptr);
    s.execute(SetScore{"c", "", "b", 4, true});
    CHECK(s.workshop().participants.size() == 3);
    CHECK(s.result_for("c")->benefit == 4.0);
    s.execute(SetScore{"c", "", "b", 2, true});
    CHECK(s.result_for("c")->benefit == 2.0);
    s.undo();
    CHECK(s.result_for("c")->benefit == 4.0);
    s.execute(SetScore{"c", "", "b", std::nullopt, true});
    CHECK_FALSE(s.result_for("c")->benefit.has_value());
    CHECK_THROWS_AS(s.execute(SetScore{"c", "p1", "b", 3, true}), CommandError);  // consensus has no rater
    CHECK_THROWS_AS(s.execute(SetScore{"c", "", "b", 3, false}), CommandError);   // a score needs one
    CHECK_THROWS_AS(s.execute(SetScore{"c", "", "b", 9, true}), CommandError);    // off the scale
}
