// Issue 14 §3, the traps of the presenter UI, driven headless (an ImGui context without window or
// GL, keys and mouse fed through ImGuiIO, the drawn text read from ImGui's log): Delete on a pinned
// idea asks first, the phones' round controls only where a round is, "Exported to" goes once the
// workshop changes, pilots lacking an owner or a measurable success criterion are flagged, the
// demo says it is one, and a stage change leaves no tooltip and no keyboard focus behind.
#include <catch2/catch.hpp>

#include <GLFW/glfw3.h>
#include <imgui.h>
#include <imgui_internal.h>

#include <algorithm>
#include <filesystem>
#include <functional>
#include <string>
#include <variant>
#include <vector>

#include "core/session.hpp"
#include "platform/paths.hpp"
#include "server/http_client.hpp"
#include "server/phone_server.hpp"
#include "storage/workshop_file.hpp"
#include "support/temp_dir.hpp"
#include "headless.hpp"
#include "phones_fixture.hpp"
#include "ui/actions.hpp"
#include "ui/app.hpp"
#include "ui/panels.hpp"
#include "ui/shortlist_export.hpp"
#include "ui/theme.hpp"

using namespace pilotdeck;

namespace {

core::Workshop workshop() {
    core::Workshop ws;
    ws.info.title = "Traps";
    ws.stages = {{"i", core::StageKind::Ideas, "Ideas", 30, "", {}},
                 {"s", core::StageKind::Scoring, "Score", 30, "", {}},
                 {"l", core::StageKind::Shortlist, "Choose", 30, "", {}}};
    core::Criterion b{"time_saved", "Time saved", core::Axis::Benefit, 1.0, 1, 5, "", {}};
    core::Criterion r{"privacy", "Personal data", core::Axis::Risk, 1.0, 1, 5, "", {}};
    core::Criterion v{"reach", "Reach", core::Axis::Visibility, 1.0, 1, 5, "", {}};
    ws.criteria = {b, r, v};
    ws.participants = {{"p1", "Ann", "Sales", core::Role::User}};
    ws.ideas = {{"i1", "Invoice matching", "", "", "Finance", "", "", std::nullopt},
                {"i2", "Mail triage", "", "", "Service", "", "", std::nullopt}};
    ws.selection.min_raters = 1;
    ws.selection.max_risk = 5;
    ws.selection.min_visibility = 1;
    ws.scores = {{"i1", "p1", "time_saved", 4}, {"i1", "p1", "privacy", 2}, {"i1", "p1", "reach", 4},
                 {"i2", "p1", "time_saved", 5}, {"i2", "p1", "privacy", 1}, {"i2", "p1", "reach", 5}};
    return ws;
}

bool has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

bool tooltip_shown() {
    const ImGuiWindow* w = ImGui::FindWindowByName("##Tooltip_00");
    return w && w->Active;
}

}  // namespace

TEST_CASE("ideas: Delete on a pinned idea asks first; Enter then deletes; an idea not pinned goes at once") {
    core::Workshop ws = workshop();
    ws.ideas[0].decision = core::Decision{core::Pin::Include, "the CFO wants it"};
    test::Headless h(ws);
    h.ctx.state.selected_idea = "i1";
    auto draw = [&] { ui::draw_ideas(h.ctx); };
    h.frame(draw);
    h.frame(draw);
    h.press(GLFW_KEY_DELETE, draw);
    REQUIRE(h.session.find_idea("i1"));  // not yet: the question is open
    CHECK(GImGui->OpenPopupStack.Size == 1);
    h.press(GLFW_KEY_ESCAPE, draw);      // keeps it
    CHECK(h.session.find_idea("i1"));
    h.press(GLFW_KEY_DELETE, draw);
    h.press(GLFW_KEY_ENTER, draw);
    CHECK_FALSE(h.session.find_idea("i1"));

    h.ctx.state.selected_idea = "i2";  // not pinned: Delete deletes
    h.frame(draw);
    h.press(GLFW_KEY_DELETE, draw);
    CHECK_FALSE(h.session.find_idea("i2"));
}

TEST_CASE("phones: the round's close and reopen buttons only on the stages with scores") {
    test::PhonesOnFile fixture(workshop());
    test::Headless& h = fixture.h;
    server::PhoneServer& phones = fixture.phones;
    auto box = [&] { return h.text([&] { ui::draw_phones(h.ctx, phones); }); };
    CHECK_FALSE(has(box(), "Close round"));  // the ideas stage: no round here
    h.ctx.go_to_stage(1);
    CHECK(has(box(), "Close round and reveal"));
    h.ctx.go_to_stage(2);
    CHECK(has(box(), "Close round and reveal"));
    phones.close_round();
    CHECK(has(box(), "Reopen round"));
    h.ctx.go_to_stage(0);
    CHECK_FALSE(has(box(), "Reopen round"));
    phones.stop();
}

TEST_CASE("phones: a join code spent by guessing is said plainly on the phones box; F6 makes a new one") {
    test::PhonesOnFile fixture(workshop());
    test::Headless& h = fixture.h;
    server::PhoneServer& phones = fixture.phones;
    auto box = [&] { return h.text([&] { ui::draw_phones(h.ctx, phones); }); };
    CHECK_FALSE(has(box(), "spent"));
    const std::string code = phones.join_code();
    const std::string wrong = code == "000000" ? "000001" : "000000";
    for (int a = 0; a < 12; ++a) {  // 108 wrong codes from 12 addresses: each under its own limit
        server::HttpClient c(phones.port(), "127.23.0." + std::to_string(a + 1));
        for (int i = 0; i < 9; ++i)
            REQUIRE(c.request("POST", "/api/join", "{\"code\":\"" + wrong + "\"}").status == 403);
    }
    REQUIRE(phones.join_code_spent());
    const std::string shown = box();
    CHECK(has(shown, "This code was spent"));
    CHECK(has(shown, "Press F6 for a new code"));
    // The key is in the action table (the README's keys table is compared with it elsewhere).
    const auto& actions = ui::App::actions();
    const auto it = std::find_if(actions.begin(), actions.end(),
                                 [](const ui::Action& a) { return std::string_view(a.id) == "new_join_code"; });
    REQUIRE(it != actions.end());
    CHECK(ui::keys_text(*it) == "F6");
    CHECK(std::string(it->label) == "New join code");
    phones.new_join_code();
    CHECK_FALSE(has(box(), "spent"));
    phones.stop();
}

TEST_CASE("shortlist: \"Exported to\" goes once the workshop changes after the export") {
    test::TempDir dir;
    test::Headless h(workshop());
    h.ctx.state.workshop_path = dir.file("traps.pilotdeck");  // the export goes beside it
    auto draw = [&] { ui::draw_shortlist(h.ctx); };
    h.frame(draw);
    h.frame(draw);
    // Find the Export button: the mouse goes over the bottom rows until ImGui says it hovers it.
    ImGuiID export_id = 0;
    h.frame([&] {
        export_id = ImGui::GetID("Export");
        draw();
    });
    ImVec2 at(-1, -1);
    for (float y = 899; y > 700 && at.x < 0; y -= 6)
        for (float x = 1599; x > 1300 && at.x < 0; x -= 12) {
            ImGui::GetIO().MousePos = ImVec2(x, y);
            h.frame(draw);
            if (GImGui->HoveredId == export_id) at = ImVec2(x, y);
        }
    REQUIRE(at.x >= 0);
    h.click(at, draw);
    ImGui::GetIO().MousePos = ImVec2(0, 0);
    // The panel asks; the application layer writes the files after the frame, as App does.
    CHECK_FALSE(std::filesystem::exists(dir.file("traps-shortlist.json")));
    const std::vector<ui::Request> asked = h.ctx.take_requests();
    REQUIRE(asked.size() == 1);
    const auto* request = std::get_if<ui::ExportShortlist>(&asked[0]);
    REQUIRE(request != nullptr);
    CHECK(request->json_path == dir.file("traps-shortlist.json"));
    ui::carry_out(h.ctx, *request);
    REQUIRE(std::filesystem::exists(dir.file("traps-shortlist.json")));
    CHECK(has(h.text(draw), "Exported to"));
    CHECK(has(h.text(draw), "Exported to"));  // it stays while nothing changes
    core::Idea changed = *h.session.find_idea("i2");
    changed.department = "Customer service";
    REQUIRE(h.ctx.run(core::PutIdea{changed, std::nullopt}));
    CHECK_FALSE(has(h.text(draw), "Exported to"));
}

TEST_CASE("shortlist: a pilot without an owner or a measurable success criterion is flagged") {
    core::Workshop ws = workshop();
    ws.ideas[1].owner = "p1";
    ws.ideas[1].success_criteria = "Answers within 4 hours instead of 2 days";
    ws.ideas[0].success_criteria = "Happier staff";
    test::Headless h(ws);
    const std::string text = h.text([&] { ui::draw_shortlist(h.ctx); });
    REQUIRE(has(text, "Pilots"));
    CHECK(has(text, "No owner yet; the success criterion has no number to measure it by"));
    // Mail triage has both: one flag line only, for Invoice matching.
    const auto first = text.find("\u25B2");
    REQUIRE(first != std::string::npos);
    CHECK(text.find("\u25B2", first + 1) == std::string::npos);

    ws.ideas[0].owner = "p1";
    ws.ideas[0].success_criteria = "";
    test::Headless h2(ws);
    CHECK(has(h2.text([&] { ui::draw_shortlist(h2.ctx); }), "No success criterion yet"));
}

TEST_CASE("demo: the demo workshop says it is the demo and how to start one's own") {
    test::TempDir dir;
    setenv("XDG_DATA_HOME", dir.file("data").c_str(), 1);
    std::filesystem::create_directories(platform::data_dir());
    storage::WorkshopFile::create(ui::demo_workshop_path(), workshop()).reset();
    storage::WorkshopFile::create(dir.file("own.pilotdeck"), workshop()).reset();
    test::Headless h(workshop());
    h.ctx.state.workshop_path = ui::demo_workshop_path();
    const std::string demo = h.text([&] { ui::draw_demo_note(h.ctx); });
    CHECK(has(demo, "demo workshop"));
    CHECK(has(demo, "Ctrl+O"));
    h.ctx.state.workshop_path = dir.file("own.pilotdeck");
    CHECK(h.text([&] { ui::draw_demo_note(h.ctx); }).empty());
    unsetenv("XDG_DATA_HOME");
}

TEST_CASE("stage change: no stepper tooltip stays under a still mouse, no item keeps the keyboard focus") {
    test::Headless h(workshop());
    ui::reserve_stage_keys();  // as the app does
    h.ctx.state.selected_idea = "i1";
    // The stepper over the ideas panel, as the window draws them; Page Down moves on, as the app does.
    auto draw = [&] {
        ui::draw_stepper(h.ctx);
        if (ImGui::IsKeyPressed(GLFW_KEY_PAGE_DOWN, false)) h.ctx.go_to_stage(h.session.current_stage() + 1);
        if (ImGui::IsKeyPressed(GLFW_KEY_PAGE_UP, false)) h.ctx.go_to_stage(h.session.current_stage() - 1);
        if (h.session.current_stage() == 0) ui::draw_ideas(h.ctx);
    };
    ImGui::GetIO().MousePos = ImVec2(1400, 20);  // over the last stage of the stepper
    for (int i = 0; i < 3; ++i) h.frame(draw);
    REQUIRE(tooltip_shown());
    h.press(GLFW_KEY_PAGE_DOWN, draw);
    CHECK(h.session.current_stage() == 1);
    CHECK_FALSE(tooltip_shown());
    h.press(GLFW_KEY_PAGE_UP, draw);
    h.frame(draw);
    CHECK(h.session.current_stage() == 0);
    CHECK_FALSE(tooltip_shown());
    CHECK((GImGui->NavId == 0 || GImGui->NavDisableHighlight));  // no button shows the keyboard focus
    ImGui::GetIO().MousePos = ImVec2(1401, 21);  // the mouse moves: the tooltip may come again
    for (int i = 0; i < 3; ++i) h.frame(draw);
    CHECK(tooltip_shown());
}
