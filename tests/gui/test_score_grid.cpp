// The scoring grid (app/ui/score_grid.cpp) headless with the real fonts at the sizes a room's
// screen gets: the whole grid of 10 raters x 10 criteria and every level text of the focused
// criterion in view without scrolling, in English and German, at 1024x768 with the notes shown
// and at 1280x720; and, in a hackathon's criteria judging, the jury's rows for their own team
// (or department) recused: marked, named, and never entered by keyboard or mouse.
#include <catch2/catch.hpp>

#include <GLFW/glfw3.h>
#include <imgui.h>
#include <imgui_internal.h>

#include <algorithm>
#include <string>
#include <vector>

#include "base/i18n.hpp"
#include "core/session.hpp"
#include "documents/documents.hpp"
#include "headless.hpp"
#include "ui/fonts.hpp"
#include "ui/panel_set.hpp"
#include "ui/panels.hpp"

using namespace pilotdeck;

namespace {

using test::InLanguage;

// The active window whose name ends in "/part_XXXXXXXX" or "/part" (ImGui names children so).
const ImGuiWindow* window_named(const std::string& part) {
    for (const ImGuiWindow* w : GImGui->Windows) {
        if (!w->Active) continue;
        const std::string name = w->Name;
        const auto slash = name.rfind('/');
        if (slash == std::string::npos) continue;
        const std::string last = name.substr(slash + 1);
        if (last == part || last.rfind(part + "_", 0) == 0) return w;
    }
    return nullptr;
}

bool has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

bool inside(const ImGuiWindow* w, ImVec2 display) {
    return w->Pos.x >= 0 && w->Pos.y >= 0 && w->Pos.x + w->Size.x <= display.x + 0.5f &&
           w->Pos.y + w->Size.y <= display.y + 0.5f;
}

// What the stage gets of a screen (measured on screenshots of the real window).
struct Room {
    const char* what;
    int height;
    ImVec2 stage;
    bool notes;
};
const Room kRooms[] = {{"1024x768, notes shown", 768, ImVec2(710, 480), true},
                       {"1280x720, notes shown", 720, ImVec2(895, 440), true},
                       {"1280x720, notes hidden", 720, ImVec2(1270, 440), false},
                       {"1920x1080, notes shown", 1080, ImVec2(1345, 660), true}};

}  // namespace

TEST_CASE("the whole grid of 10+ raters x 10 criteria and all level texts show, in English and German") {
    const core::Workshop demo = documents::load_workshop(PILOTDECK_DEMO);
    REQUIRE(demo.criteria.size() == 10);
    REQUIRE(demo.participants.size() >= 10);
    for (const i18n::Language lang : {i18n::Language::En, i18n::Language::De}) {
        const InLanguage in(lang);
        for (const Room& room : kRooms) {
            test::Headless h(demo);
            REQUIRE(h.room_fonts(room.height, room.stage));
            h.ctx.state.selected_idea = demo.ideas.front().id;
            h.ctx.state.notes_visible = room.notes;
            auto draw = [&] { ui::draw_scoring(h.ctx); };
            // Move the focus to the last criterion and back: each focused criterion's levels fit.
            for (int col = 0; col < 10; ++col) {
                h.frame(draw);
                h.frame(draw);
                const std::string text = h.text(draw);
                INFO(room.what << (lang == i18n::Language::De ? " (de)" : " (en)") << ", criterion " << col << "\n" << text);
                const ImGuiWindow* grid = window_named("grid");
                const ImGuiWindow* levels = window_named("levels");
                REQUIRE(grid != nullptr);
                REQUIRE(levels != nullptr);
                CHECK(grid->ScrollMax.x == 0);  // every criterion column in view
                CHECK(grid->ScrollMax.y == 0);  // every rater row and the aggregates in view
                CHECK(inside(grid, room.stage));
                CHECK(levels->ScrollMax.y == 0);
                CHECK(inside(levels, room.stage));
                // Not a postage stamp: the grid's digits at least 0.6 of the body text.
                CHECK(grid->CalcFontSize() >= 0.6f * h.fonts.body->FontSize - 0.01f);
                // Every rater by name (notes shown) or number, and the last aggregate line.
                const auto& people = h.session.workshop().participants;
                if (room.notes)
                    CHECK(has(text, people.back().name));
                else
                    CHECK(has(text, i18n::format(i18n::tr("Rater {0}"), {std::to_string(people.size())})));
                CHECK(has(text, i18n::tr("Agreement")));
                // The focused criterion by its whole name, with every level text whole.
                const core::Criterion* focused = nullptr;
                int k = 0;
                for (const core::Axis a : {core::Axis::Benefit, core::Axis::Risk, core::Axis::Visibility})
                    for (const auto& c : demo.criteria)
                        if (c.axis == a && k++ == col) focused = &c;
                REQUIRE(focused != nullptr);
                std::string flat = text;
                std::replace(flat.begin(), flat.end(), '\n', ' ');
                CHECK(has(text, focused->label.substr(0, focused->label.find(' '))));
                for (const auto& [level, words] : focused->levels) {
                    INFO("level " << level);
                    CHECK(has(text, std::to_string(level) + " \u2014 "));
                    const std::string last_word = words.substr(words.rfind(' ') + 1);
                    CHECK(has(flat, last_word));
                }
                h.press(GLFW_KEY_RIGHT, draw);
            }
        }
    }
}

TEST_CASE("1024x768 with the notes: the grid of 10 raters x 9 or 10 criteria at least 0.8 of the body text") {
    // The stage as the window lays it out on a 1024x768 screen (1008 pixels inside the window's
    // padding; 480 high, measured on screenshots), the notes beside it as wide as the scoring
    // stage has them.
    const core::Workshop demo = documents::load_workshop(PILOTDECK_DEMO);
    for (const std::size_t criteria : {std::size_t{9}, std::size_t{10}}) {
        core::Workshop ws = demo;
        ws.criteria.resize(criteria);
        std::erase_if(ws.scores, [&](const core::Score& sc) {
            return std::none_of(ws.criteria.begin(), ws.criteria.end(), [&](const auto& c) { return c.id == sc.criterion; });
        });
        for (const i18n::Language lang : {i18n::Language::En, i18n::Language::De}) {
            const InLanguage in(lang);
            test::Headless h(ws);
            REQUIRE(h.room_fonts(768, ImVec2(1008, 480)));
            const auto scoring = std::find_if(ws.stages.begin(), ws.stages.end(), [](const core::Stage& st) { return st.kind == core::StageKind::Scoring; });
            REQUIRE(scoring != ws.stages.end());
            float stage_w = 0, notes_w = 0;
            h.frame([&] {
                notes_w = ui::notes_width(*scoring, 1008);
                stage_w = 1008 - notes_w - ui::em(1);
            });
            INFO(criteria << " criteria, " << (lang == i18n::Language::De ? "de" : "en") << ", stage " << stage_w);
            CHECK(notes_w >= 9 * h.fonts.body->FontSize);  // the notes still read
            ImGui::GetIO().DisplaySize = ImVec2(stage_w, 480);
            h.ctx.state.selected_idea = ws.ideas.front().id;
            auto draw = [&] { ui::draw_scoring(h.ctx); };
            h.frame(draw);
            h.frame(draw);
            const std::string text = h.text(draw);
            const ImGuiWindow* grid = window_named("grid");
            const ImGuiWindow* levels = window_named("levels");
            REQUIRE(grid != nullptr);
            REQUIRE(levels != nullptr);
            INFO(text);
            CHECK(grid->CalcFontSize() >= 0.8f * h.fonts.body->FontSize - 0.01f);  // readable from the back row
            CHECK(grid->ScrollMax.x == 0);
            CHECK(grid->ScrollMax.y == 0);
            CHECK(levels->ScrollMax.y == 0);
            CHECK(inside(grid, ImVec2(stage_w, 480)));
            CHECK(has(text, ws.participants.back().name));
            CHECK(has(text, i18n::tr("Agreement")));
        }
    }
}

namespace {

// The hackathon of tests/data with criteria judging: Iris (jury, Finance) is recused from
// Matchmakers (their idea is Finance's); Hanna (jury) joins Quote Quest, so is recused from it.
core::Workshop jury_workshop() {
    core::Workshop ws = documents::load_workshop(PILOTDECK_HACKATHON);
    ws.judging.method = core::JudgingMethod::Criteria;
    ws.judging.recuse_same_department = true;
    ws.scores.clear();
    for (core::Team& t : ws.teams)
        if (t.id == "t2") t.members.push_back("p8");
    return ws;
}

int scores_by(const core::Session& s, const std::string& rater, const std::string& idea) {
    int n = 0;
    for (const auto& sc : s.workshop().scores)
        if (sc.rater == rater && sc.idea == idea) ++n;
    return n;
}

}  // namespace

TEST_CASE("criteria judging: the grid shows the jury; a judge's own team is recused, marked and named, never entered") {
    for (const i18n::Language lang : {i18n::Language::En, i18n::Language::De}) {
        const InLanguage in(lang);
        for (const auto& [idea, judge, why] : {std::tuple{"i1", "p9", "department"}, std::tuple{"i2", "p8", "member"}}) {
            test::Headless h(jury_workshop());
            REQUIRE(h.room_fonts(768, ImVec2(710, 480)));
            h.ctx.state.selected_idea = idea;
            auto draw = [&] { ui::draw_judging(h.ctx); };
            h.frame(draw);
            h.frame(draw);
            const std::string text = h.text(draw);
            INFO(idea << " " << why << "\n" << text);
            // The jury only: the three judges, none of the teams' members.
            CHECK(has(text, "Gert Bos"));
            CHECK(has(text, "Hanna Meijer"));
            CHECK(has(text, "Iris Vos"));
            CHECK_FALSE(has(text, "Anna de Vries"));
            // The recused row: a marker in its cells and the word under the grid.
            CHECK(has(text, "\u00D7"));
            const std::string word = lang == i18n::Language::De ? "befangen" : "recused";
            CHECK(has(text, word));
            const std::string name = judge == std::string("p9") ? "Iris Vos" : "Hanna Meijer";
            CHECK(has(text.substr(text.find(word)), name));

            // Keyboard: every cell typed in turn (digit, then on to the next); Down and Up too.
            for (int k = 0; k < 40; ++k) {
                h.press(k % 5 == 4 ? GLFW_KEY_DOWN : GLFW_KEY_3, draw);
                CHECK(h.ctx.panels().scoring.focus.row != (judge == std::string("p9") ? 2 : 1));
            }
            CHECK(scores_by(h.session, "p7", idea) > 0);  // the others' cells were entered
            // Mouse: a click anywhere on the grid, then a digit.
            const ImGuiWindow* grid = window_named("grid");
            REQUIRE(grid != nullptr);
            const float step = ImGui::GetFontSize() * 0.5f;
            for (float y = grid->Pos.y + 1; y < grid->Pos.y + grid->Size.y; y += step)
                for (float x = grid->Pos.x + 1; x < grid->Pos.x + grid->Size.x; x += step * 2) {
                    h.click(ImVec2(x, y), draw);
                    h.press(GLFW_KEY_4, draw);
                }
            CHECK(scores_by(h.session, judge, idea) == 0);
            CHECK(h.ctx.state.error.empty());  // the GUI never even tried
            CHECK(scores_by(h.session, "p7", idea) == 3);
        }
    }
}

TEST_CASE("1024x768: the notes beside scoring and judging break no word of the German and Dutch prompts") {
    // "Wo die Bewertungen weit auseinanderliegen" was drawn as "Bewertunge|n" and
    // "auseinanderl|iegen" in a column of 0.18 of the window. ImGui's own word wrap, in the notes
    // column as wide as notes_width makes it (less its padding, scrollbar and the bullet), may
    // break a prompt only at a space.
    for (const char* name : {"use-case-workshop-de", "use-case-workshop-nl", "hackathon-de", "hackathon-nl"}) {
        const core::Template t = documents::load_template(std::string(PILOTDECK_TEMPLATES) + "/" + name + ".json");
        core::Workshop ws = core::workshop_from_template(t, "Workshop");
        const InLanguage in(*i18n::parse_language(t.language));
        test::Headless h(ws);
        REQUIRE(h.room_fonts(768, ImVec2(1008, 480)));
        for (const core::Stage& st : ws.stages) {
            if (st.kind != core::StageKind::Scoring && st.kind != core::StageKind::Judging) continue;
            h.frame([&] {
                const ImGuiStyle& style = ImGui::GetStyle();
                const float notes_w = ui::notes_width(st, 1008);
                const float text_w = notes_w - 2 * style.WindowPadding.x - style.ScrollbarSize - ImGui::GetFontSize() - 2 * style.FramePadding.x;
                CHECK(notes_w <= 0.28f * 1008 + 0.01f);  // never wider than beside the other stages
                for (const std::string& prompt : st.prompts) {
                    INFO(name << ": " << prompt << " in " << text_w << " px");
                    const char* at = prompt.c_str();
                    const char* end = at + prompt.size();
                    while (at < end) {
                        const char* br = ImGui::GetFont()->CalcWordWrapPositionA(1.0f, at, end, text_w);
                        if (br >= end) break;
                        CHECK((*br == ' ' || *(br - 1) == ' '));  // a line ends between words
                        at = br;
                        while (at < end && *at == ' ') ++at;
                    }
                }
            });
        }
    }
}
