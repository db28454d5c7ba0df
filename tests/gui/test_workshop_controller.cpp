// The application layer apart from any window: the WorkshopController opens, creates, shows and
// closes workshops on real files, and the views ask it for what they do not do themselves
// (requests.hpp) instead of doing it in draw code.
#include <catch2/catch.hpp>

#include <imgui.h>
#include <imgui_internal.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <variant>
#include <vector>

#include "headless.hpp"
#include "phones_fixture.hpp"
#include "server/phone_server.hpp"
#include "storage/workshop_file.hpp"
#include "support/temp_dir.hpp"
#include "ui/panels.hpp"
#include "ui/requests.hpp"
#include "ui/workshop_controller.hpp"

using namespace pilotdeck;

namespace {

core::Workshop workshop(const std::string& title) {
    core::Workshop ws;
    ws.info.title = title;
    ws.stages = {{"i", core::StageKind::Ideas, "Ideas", 30, "", {}},
                 {"s", core::StageKind::Scoring, "Score", 20, "", {}}};
    core::Criterion b{"time_saved", "Time saved", core::Axis::Benefit, 1.0, 1, 5, "", {}};
    core::Criterion r{"privacy", "Personal data", core::Axis::Risk, 1.0, 1, 5, "", {}};
    core::Criterion v{"reach", "Reach", core::Axis::Visibility, 1.0, 1, 5, "", {}};
    ws.criteria = {b, r, v};
    return ws;
}

std::string bytes(const std::string& path) { return test::read_all(path); }

}  // namespace

TEST_CASE("workshop controller: create, open, show another, close; the views hear of each") {
    test::TempDir dir;
    ui::WorkshopController c;
    std::vector<std::string> heard;
    c.before_close = [&] { heard.push_back("close " + c.session().workshop().info.title); };
    c.after_show = [&] { heard.push_back("show " + c.session().workshop().info.title); };
    CHECK_FALSE(c.is_open());

    const std::string a = dir.file("sub/a.pilotdeck");  // the folder is made too
    CHECK(c.create(a, workshop("A")) == "");
    REQUIRE(c.is_open());
    CHECK(c.path() == a);
    CHECK(c.editable());
    REQUIRE(c.timers().size() == 2);  // one countdown per stage
    REQUIRE(c.current_timer() != nullptr);

    // Creating over an existing file is refused with one line naming it; A stays open.
    const std::string before = bytes(a);
    const std::string refused = c.create(a, workshop("B"));
    CHECK(refused.find(a) != std::string::npos);
    CHECK(c.session().workshop().info.title == "A");

    // A file that is no workshop: refused, untouched, A stays.
    const std::string junk = dir.file("junk.pilotdeck");
    std::ofstream(junk) << "not a workshop";
    CHECK_FALSE(c.open(junk).empty());
    CHECK(bytes(junk) == "not a workshop");
    CHECK(c.session().workshop().info.title == "A");

    const std::string b = dir.file("b.pilotdeck");
    storage::WorkshopFile::create(b, workshop("B")).reset();
    CHECK(c.open(b) == "");
    CHECK(c.session().workshop().info.title == "B");
    c.close();
    CHECK(heard == std::vector<std::string>{"show A", "close A", "show B", "close B"});
    CHECK(bytes(a) == before);  // shown and closed without an edit: the same bytes
}

TEST_CASE("workshop controller: a read-only workshop has no backups and no phones") {
    test::TempDir dir;
    const std::string path = dir.file("r.pilotdeck");
    storage::WorkshopFile::create(path, workshop("R")).reset();
    ui::WorkshopController c;
    c.show(ui::open_workshop(path, true));
    CHECK_FALSE(c.editable());
    const ui::Outcome o = c.start_phones();
    CHECK(o.status == "Phones: this workshop is open read-only");
    CHECK_FALSE(c.phones_on());
    CHECK(c.tend_backups().status.empty());
}

TEST_CASE("requests: the phones box asks to close the round; the view does not close it") {
    test::PhonesOnFile fixture(workshop("W"));
    test::Headless& h = fixture.h;
    server::PhoneServer& phones = fixture.phones;
    phones.set_stage(core::StageKind::Scoring);
    h.ctx.go_to_stage(1);  // scoring: the round's buttons
    REQUIRE(phones.round_open());
    auto draw = [&] { ui::draw_phones(h.ctx, phones); };
    h.frame(draw);
    h.frame(draw);
    ImGuiID button = 0;
    h.frame([&] {
        button = ImGui::GetID("Close round and reveal");
        draw();
    });
    ImVec2 at(-1, -1);
    for (float y = 2; y < 500 && at.x < 0; y += 4)
        for (float x = 2; x < 300 && at.x < 0; x += 12) {
            ImGui::GetIO().MousePos = ImVec2(x, y);
            h.frame(draw);
            if (GImGui->HoveredId == button) at = ImVec2(x, y);
        }
    REQUIRE(at.x >= 0);
    h.click(at, draw);
    CHECK(phones.round_open());  // drawing changed nothing
    const std::vector<ui::Request> asked = h.ctx.take_requests();
    REQUIRE(asked.size() == 1);
    REQUIRE(std::holds_alternative<ui::SetPhoneRound>(asked[0]));
    CHECK_FALSE(std::get<ui::SetPhoneRound>(asked[0]).open);
    CHECK(h.ctx.take_requests().empty());  // taken once
    phones.stop();
}
