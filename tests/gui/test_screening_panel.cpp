// The screening questionnaire (contracts 7, issue 11) driven headless: opened by F7 from the
// ideas and shortlist stages, answered by keys, each answer an undoable edit, the class and
// DPIA verdict shown at once with the notice, and the class marker on the shortlist.
#include <catch2/catch.hpp>

#include <chrono>
#include <functional>
#include <string>
#include <thread>

#include "base/i18n.hpp"
#include "core/screening.hpp"
#include "headless.hpp"
#include "ui/matrix_chart.hpp"
#include "ui/panel_set.hpp"
#include "ui/panels.hpp"

using namespace pilotdeck;

namespace {

core::Workshop workshop() {
    core::Workshop ws;
    ws.info.title = "Screening test";
    ws.stages = {{"i", core::StageKind::Ideas, "Sharpen", 30, "", {}}, {"s", core::StageKind::Shortlist, "Pilots", 30, "", {}}};
    core::Criterion b{"time_saved", "Time saved", core::Axis::Benefit, 1.0, 1, 5, "", {}};
    core::Criterion r{"privacy", "Personal data", core::Axis::Risk, 1.0, 1, 5, "", {}};
    core::Criterion v{"reach", "Reach", core::Axis::Visibility, 1.0, 1, 5, "", {}};
    ws.criteria = {b, r, v};
    ws.participants = {{"p1", "Ann", "Sales", core::Role::User}};
    ws.ideas = {{"i1", "Invoice matching", "", "", "Finance", "", "", std::nullopt},
                {"i2", "CV ranking", "", "", "HR", "", "", std::nullopt}};
    ws.scores = {{"i1", "p1", "time_saved", 5}, {"i1", "p1", "privacy", 1}, {"i1", "p1", "reach", 5},
                 {"i2", "p1", "time_saved", 4}, {"i2", "p1", "privacy", 2}, {"i2", "p1", "reach", 4}};
    ws.selection.min_raters = 1;
    ws.selection.size = 2;
    return ws;
}

bool has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

const core::Idea& idea(const test::Headless& h, const char* id) { return *h.session.find_idea(id); }

}  // namespace

TEST_CASE("F7 opens the questionnaire of the selected idea; keys answer it, one undo step each") {
    test::Headless h(workshop());
    h.ctx.state.selected_idea = "i1";
    auto draw = [&] { ui::draw_ideas(h.ctx); };
    h.frame(draw);
    REQUIRE_FALSE(h.ctx.panels().screening.is_open());
    h.press(GLFW_KEY_F7, draw);
    REQUIRE(h.ctx.panels().screening.is_open());
    std::string text = h.text(draw);
    CHECK(has(text, "Screening \u201CInvoice matching\u201D"));
    {  // the title in the room's quotation marks: German „…“
        const test::InLanguage de(i18n::Language::De);
        CHECK(has(h.text(draw), "\u201EInvoice matching\u201C"));
    }
    CHECK(has(text, "? unassessed"));
    CHECK(has(text, "not legal advice"));
    CHECK(has(text, "Does it judge job applicants or employees?"));
    CHECK(has(text, "0 of 33 questions answered"));
    // The letters are answers now, not presenter keys.
    CHECK(h.ctx.text_input_active());

    // Y answers the focused question (P1) and moves on: prohibited at once.
    h.press(GLFW_KEY_Y, draw);
    CHECK(idea(h, "i1").assessment->answers.get("P1") == true);
    text = h.text(draw);
    CHECK(has(text, "\u25A0 PROHIBITED"));
    CHECK(has(text, "never a pilot"));
    // Undo takes the answer back.
    REQUIRE(h.session.can_undo());
    h.session.undo();
    CHECK(core::classify_ai_act(idea(h, "i1").assessment) == core::AiActClass::Unassessed);
    CHECK_FALSE(idea(h, "i1").assessment.has_value());  // as it was: never screened

    // Up goes back to P1; N for every question: minimal risk, no DPIA.
    h.press(GLFW_KEY_UP, draw);
    for (std::size_t i = 0; i < core::screening_questions().size(); ++i) h.press(GLFW_KEY_N, draw);
    CHECK(idea(h, "i1").assessment->answers.size() == core::screening_questions().size());
    CHECK(core::classify_ai_act(idea(h, "i1").assessment) == core::AiActClass::Minimal);
    CHECK(core::classify_dpia(idea(h, "i1").assessment) == core::DpiaVerdict::NotNeeded);
    text = h.text(draw);
    CHECK(has(text, "\u25CB minimal"));
    CHECK(has(text, "DPIA (GDPR): not needed"));
    CHECK(has(text, "33 of 33 questions answered"));
    CHECK(h.ctx.state.error.empty());

    // Up to H4 (the 12th question): yes makes it high-risk; Delete makes it open again.
    for (int i = 0; i < 21; ++i) h.press(GLFW_KEY_UP, draw);  // from A (the last) to H4
    h.press(GLFW_KEY_Y, draw);
    CHECK(idea(h, "i1").assessment->answers.get("H4") == true);
    CHECK(core::classify_ai_act(idea(h, "i1").assessment) == core::AiActClass::HighRisk);
    CHECK(has(h.text(draw), "\u25B2 HIGH-RISK"));
    h.press(GLFW_KEY_UP, draw);  // Y moved on to H5
    h.press(GLFW_KEY_DELETE, draw);
    CHECK_FALSE(idea(h, "i1").assessment->answers.get("H4").has_value());
    CHECK(core::classify_ai_act(idea(h, "i1").assessment) == core::AiActClass::Unassessed);

    // F7 closes: the ideas stage is back.
    h.press(GLFW_KEY_F7, draw);
    CHECK_FALSE(h.ctx.panels().screening.is_open());
    CHECK_FALSE(has(h.text(draw), "questions answered"));
}

TEST_CASE("screening notes typed and not yet saved are committed by whatever ends the typing") {
    test::Headless h(workshop());
    h.ctx.state.selected_idea = "i2";
    auto draw = [&] { ui::draw_ideas(h.ctx); };
    h.frame(draw);
    h.press(GLFW_KEY_F7, draw);
    // Down past the last question puts the focus into the notes field.
    for (std::size_t i = 0; i < core::screening_questions().size(); ++i) h.press(GLFW_KEY_DOWN, draw);
    h.frame(draw);
    h.frame(draw);
    for (char c : std::string("Ask the DPO")) ImGui::GetIO().AddInputCharacter(static_cast<unsigned>(c));
    h.frame(draw);
    h.frame(draw);
    CHECK(h.ctx.holds_edits());
    // A stage change (or quit) commits held edits first.
    h.ctx.commit_edits();
    REQUIRE(idea(h, "i2").assessment.has_value());
    CHECK(idea(h, "i2").assessment->notes == "Ask the DPO");
    // Only the notes: no answer was given.
    CHECK(idea(h, "i2").assessment->answers.size() == 0);
}

TEST_CASE("the shortlist shows each idea's class marker, opens the questionnaire, and a prohibited idea is out") {
    test::Headless h(workshop());
    core::Idea cv = idea(h, "i2");
    cv.assessment = core::Assessment{};
    cv.assessment->answers.set("P6", true);
    REQUIRE(h.ctx.run(core::PutIdea{cv, std::nullopt}));
    auto draw = [&] { ui::draw_shortlist(h.ctx); };
    h.frame(draw);
    std::string text = h.text(draw);
    CHECK(has(text, "\u25A0 PROHIBITED"));
    CHECK(has(text, "? unassessed"));
    REQUIRE(h.session.selection().pilots.size() == 1);
    // F7 on the selected idea opens its questionnaire here too.
    h.ctx.state.selected_idea = "i2";
    h.press(GLFW_KEY_F7, draw);
    CHECK(h.ctx.panels().screening.is_open());
    CHECK(has(h.text(draw), "Screening \u201CCV ranking\u201D"));
    // A stage change (the panel is not drawn for a frame) closes it.
    h.frame([] {});
    h.frame(draw);
    CHECK_FALSE(h.ctx.panels().screening.is_open());
}

TEST_CASE("the scoring stage and the matrix mark prohibited and high-risk ideas in words, not colour alone") {
    test::Headless h(workshop());
    core::Idea invoices = idea(h, "i1");
    invoices.assessment = core::Assessment{};
    invoices.assessment->answers.set("H4", true);
    core::Idea cv = idea(h, "i2");
    cv.assessment = core::Assessment{};
    cv.assessment->answers.set("P3", true);
    REQUIRE(h.ctx.run(core::PutIdea{invoices, std::nullopt}));
    REQUIRE(h.ctx.run(core::PutIdea{cv, std::nullopt}));

    // Scoring: each screened idea's row in the list, and the selected idea's heading.
    auto scoring = [&] { ui::draw_scoring(h.ctx); };
    h.ctx.state.selected_idea = "i1";
    h.frame(scoring);
    const std::string text = h.text(scoring);
    CHECK(has(text, "\u25A0 PROHIBITED"));
    CHECK(has(text, "\u25B2 HIGH-RISK"));

    // Matrix: the labels carry the word above the title.
    ui::MatrixGeometry geo;
    h.frame([&] {
        geo = ui::draw_matrix_chart(ImGui::GetWindowDrawList(), ImVec2(0, 0), ImVec2(1600, 900), h.ctx, ImGui::GetFont(),
                                    ImGui::GetFontSize(), "");
    });
    REQUIRE(geo.labels.size() == 2);
    for (const ui::MatrixLabel& l : geo.labels) {
        const std::string expected = l.idea == 0 ? "\u25B2 HIGH-RISK\n" : "\u25A0 PROHIBITED\n";
        CHECK(l.text.rfind(expected, 0) == 0);
    }
    // An idea screened as minimal carries no word on the matrix (only the ones that need attention).
    invoices.assessment = core::Assessment{};
    for (std::string_view q : core::screening_questions()) invoices.assessment->answers.set(q, false);
    REQUIRE(h.ctx.run(core::PutIdea{invoices, std::nullopt}));
    h.frame([&] {
        geo = ui::draw_matrix_chart(ImGui::GetWindowDrawList(), ImVec2(0, 0), ImVec2(1600, 900), h.ctx, ImGui::GetFont(),
                                    ImGui::GetFontSize(), "");
    });
    for (const ui::MatrixLabel& l : geo.labels)
        if (l.idea == 0) CHECK(l.text == "Invoice matching");
}

TEST_CASE("re-vote view: F3 shows the contested scores' spread, Enter opens the round, a rater re-votes by keys") {
    core::Workshop ws = workshop();
    ws.participants.push_back({"p2", "Bob", "IT", core::Role::User});
    ws.scores.push_back({"i1", "p2", "time_saved", 1});  // 5 and 1 on time saved: contested
    test::Headless h(ws);
    h.ctx.state.selected_idea = "i1";
    auto draw = [&] { ui::draw_scoring(h.ctx); };
    h.frame(draw);
    h.press(GLFW_KEY_F3, draw);
    REQUIRE(h.ctx.panels().revote.is_open());
    std::string text = h.text(draw);
    CHECK(has(text, "Where the room disagrees"));
    CHECK(has(text, "Invoice matching \u2014 Time saved"));
    CHECK(has(text, "median 3"));
    CHECK(has(text, "quartiles 2 to 4"));
    CHECK(has(text, "sd 2.83"));
    CHECK_FALSE(has(text, "Bob"));  // the spread has no names
    h.press(GLFW_KEY_ENTER, draw);
    REQUIRE(h.session.workshop().revote.has_value());
    CHECK(h.session.workshop().revote->round == 2);
    text = h.text(draw);
    CHECK(has(text, "Re-vote round 2: 1 contested score"));
    CHECK(has(text, "0 of 2 raters re-voted"));
    // The first rater who scored it (Ann, 5) says 4; Enter saves.
    h.press(GLFW_KEY_4, draw);
    h.press(GLFW_KEY_ENTER, draw);
    CHECK(h.session.score("i1", "p1", "time_saved") == 4);
    REQUIRE(h.session.workshop().score_history.size() == 1);
    CHECK(h.session.workshop().score_history[0].value == 5);
    text = h.text(draw);
    CHECK(has(text, "1 of 2 raters re-voted"));
    CHECK(has(text, "Before: median 3"));
    CHECK(has(text, "Now: median 2.50"));
    CHECK(has(text, "quartiles 1.75 to 3.25"));
    CHECK(has(text, "sd 2.12"));
    // Undo takes the re-vote back; F3 returns to the grid.
    h.session.undo();
    CHECK(h.session.score("i1", "p1", "time_saved") == 5);
    h.press(GLFW_KEY_F3, draw);
    CHECK_FALSE(h.ctx.panels().revote.is_open());
    CHECK(h.ctx.state.error.empty());
}

namespace {

// Frames until the robustness panel is done (it runs in a thread of its own), at most ~20 s.
void until_done(test::Headless& h, const std::function<void()>& draw) {
    for (int i = 0; i < 2000 && (i < 2 || h.ctx.panels().robustness.running()); ++i) {
        h.frame(draw);
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    h.frame(draw);
}

}  // namespace

TEST_CASE("robustness on the shortlist: computed in the background, each pilot's verdict and what it depends on") {
    // One place; Ann loves "Invoice matching", Bob and Cem prefer "CV ranking": Invoice matching is
    // chosen exactly when Ann is among the drawn raters.
    core::Workshop ws = workshop();
    ws.selection.size = 1;
    ws.selection.max_per_department = 5;
    ws.participants = {{"p1", "Ann", "Sales", core::Role::User}, {"p2", "Bob", "IT", core::Role::User},
                       {"p3", "Cem", "IT", core::Role::User}};
    ws.scores.clear();
    auto rate = [&](const char* idea, const char* rater, int b) {
        ws.scores.push_back({idea, rater, "time_saved", b});
        ws.scores.push_back({idea, rater, "privacy", 2});
        ws.scores.push_back({idea, rater, "reach", 4});
    };
    rate("i1", "p1", 5);
    rate("i1", "p2", 3);
    rate("i1", "p3", 3);
    rate("i2", "p1", 1);
    rate("i2", "p2", 4);
    rate("i2", "p3", 4);
    test::Headless h(ws);
    h.ctx.panels().robustness.set_samples(2000);
    auto draw = [&] { ui::draw_shortlist(h.ctx); };
    h.frame(draw);
    CHECK(h.ctx.panels().robustness.running());  // started at once, and the frame came back
    until_done(h, draw);
    REQUIRE_FALSE(h.ctx.panels().robustness.running());
    const std::string text = h.text(draw);
    CHECK(has(text, "Is the choice robust?"));
    CHECK(has(text, "Robustness: ? uncertain, chosen in 7"));  // about 70%
    CHECK(has(text, "Depends on Ann's scores: chosen in 100% of the variations with them, 0% without."));
    // With the notes hidden (the room's view) the rater is not named.
    h.ctx.state.notes_visible = false;
    const std::string room = h.text(draw);
    CHECK(has(room, "Depends on one rater's scores: chosen in 100% of the variations with them, 0% without."));
    CHECK_FALSE(has(room, "Ann's scores"));
    h.ctx.state.notes_visible = true;

    // A change (a pin) makes it check again after a pause; Cancel stops it and says so.
    h.ctx.panels().robustness.set_samples(50'000'000);
    core::Idea cv = idea(h, "i2");
    cv.decision = core::Decision{core::Pin::Exclude, "not now"};
    REQUIRE(h.ctx.run(core::PutIdea{cv, std::nullopt}));
    for (int i = 0; i < 200 && !h.ctx.panels().robustness.running(); ++i) {
        h.frame(draw);
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    REQUIRE(h.ctx.panels().robustness.running());
    CHECK(has(h.text(draw), "The workshop changed"));
    h.ctx.panels().robustness.cancel();
    until_done(h, draw);
    CHECK(has(h.text(draw), "Stopped."));
}

TEST_CASE("scoring panel state lives in the view's panels: consensus mode does not carry over, two views share nothing") {
    test::Headless h(workshop());
    ui::UiContext other(h.session, h.fonts, ui::projector_palette());
    auto draw = [&] { ui::draw_scoring(h.ctx); };
    h.ctx.state.selected_idea = "i1";
    h.frame(draw);
    ui::ScoringFocus& focus = h.ctx.panels().scoring.focus;
    focus.consensus = true;  // as the "Team consensus" radio sets it
    h.frame(draw);
    CHECK(h.ctx.panels().scoring.focus.consensus);
    CHECK_FALSE(other.panels().scoring.focus.consensus);  // another view of the same workshop
    // The next idea has no consensus scores: the grid shows the individual raters again.
    h.ctx.state.selected_idea = "i2";
    h.frame(draw);
    CHECK_FALSE(h.ctx.panels().scoring.focus.consensus);
    CHECK(h.ctx.panels().scoring.focus.idea == "i2");
    // An idea scored by team consensus opens in that mode.
    REQUIRE(h.ctx.run(core::SetScore{"i1", "", "time_saved", 4, true}));
    h.ctx.state.selected_idea = "i1";
    h.frame(draw);
    CHECK(h.ctx.panels().scoring.focus.consensus);
}

TEST_CASE("shortlist panel state lives in the view's panels: another view of the workshop has its own") {
    test::Headless h(workshop());
    ui::UiContext other(h.session, h.fonts, ui::projector_palette());
    h.ctx.panels().robustness.set_samples(100);
    h.frame([&] { ui::draw_shortlist(h.ctx); });
    CHECK_FALSE(h.ctx.panels().shortlist.state.export_path.empty());  // its default export path
    CHECK(other.panels().shortlist.state.export_path.empty());
    CHECK_FALSE(other.panels().robustness.running());
}
