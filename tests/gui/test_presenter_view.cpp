// The presenter's view (app/ui/presenter_view.hpp), drawn headless: the notes and questions for
// the room, the answer to the picked worry, the next stage, the countdown, who has finished on
// the phones, and the controls; and two views of one session (the room's and the presenter's)
// that share nothing but the session.
#include <catch2/catch.hpp>

#include <chrono>
#include <string>

#include "headless.hpp"
#include "phones_fixture.hpp"
#include "server/phone_server.hpp"
#include "storage/workshop_file.hpp"
#include "support/temp_dir.hpp"
#include "ui/panels.hpp"
#include "ui/presenter_view.hpp"
#include "platform/screens.hpp"
#include "ui/theme.hpp"

using namespace pilotdeck;

namespace {

core::Workshop workshop() {
    core::Workshop ws;
    ws.info.title = "Presenter view";
    ws.stages = {{"s1", core::StageKind::Intro, "Welcome", 20, "Why we are here", {"What brings you here today?"}},
                 {"s2", core::StageKind::Concerns, "Worries", 30, "Name them", {"Which worry is missing?"}},
                 {"s3", core::StageKind::Ideas, "Collect ideas", 45, "Tasks, not tools", {"Which task repeats?"}}};
    ws.concerns = {{"c1", "AI will replace my job", "Nobody loses a job over a pilot: it frees time for harder work.", 0},
                   {"c2", "Mistakes", "A person checks every draft before it leaves the house.", 0}};
    return ws;
}

bool has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

}  // namespace

TEST_CASE("presenter view: the stage's questions, the next stage and the countdown") {
    test::Headless h(workshop());
    core::Countdown timer;
    timer.set_duration(std::chrono::minutes(20));
    ui::PresenterInfo info;
    info.timer = &timer;
    const char* asked = "x";
    const std::string text = h.text([&] { asked = ui::draw_presenter_view(h.ctx, info); });
    CHECK(asked == nullptr);  // nothing clicked
    CHECK(has(text, "Facilitator notes"));
    CHECK(has(text, "Questions for the room"));
    CHECK(has(text, "What brings you here today?"));
    CHECK(has(text, "Next: 2. Worries (30 minutes)"));
    CHECK(has(text, "20:00"));
    CHECK(has(text, "The room sees"));
    CHECK(has(text, "Next \u2192"));
    CHECK(has(text, "Swap screens"));
    CHECK(has(text, "Blank the room's screen"));

    h.ctx.go_to_stage(2);
    const std::string last = h.text([&] { ui::draw_presenter_view(h.ctx, info); });
    CHECK(has(last, "Which task repeats?"));
    CHECK_FALSE(has(last, "What brings you here today?"));
    CHECK(has(last, "This is the last stage"));
}

TEST_CASE("presenter view: the answer to the picked worry; N hides the notes; a blank room says so") {
    test::Headless h(workshop());
    h.ctx.go_to_stage(1);
    ui::PresenterInfo info;
    h.ctx.state.selected_concern = "c2";
    const std::string text = h.text([&] { ui::draw_presenter_view(h.ctx, info); });
    CHECK(has(text, "A person checks every draft before it leaves the house."));
    CHECK_FALSE(has(text, "Nobody loses a job"));

    h.ctx.state.notes_visible = false;
    info.room_blanked = true;
    const std::string hidden = h.text([&] { ui::draw_presenter_view(h.ctx, info); });
    CHECK_FALSE(has(hidden, "Which worry is missing?"));
    CHECK_FALSE(has(hidden, "A person checks every draft"));
    CHECK(has(hidden, "Notes hidden (N shows them)"));
    CHECK(has(hidden, "The room's screen is blank"));
    CHECK(has(hidden, "Show the room's screen"));
}

TEST_CASE("presenter view: who has finished on the phones") {
    test::PhonesOnFile fixture(workshop());
    test::Headless& h = fixture.h;
    server::PhoneServer& phones = fixture.phones;
    ui::PresenterInfo info;
    info.phones = &phones;
    const std::string text = h.text([&] { ui::draw_presenter_view(h.ctx, info); });
    CHECK(has(text, "Phones: 0 joined, 0 finished"));
    phones.stop();
    info.phones = nullptr;
    CHECK_FALSE(has(h.text([&] { ui::draw_presenter_view(h.ctx, info); }), "Phones:"));
}

TEST_CASE("presenter view: a second view of the session sees an edit made through the first at once") {
    test::Headless h(workshop());
    ui::UiContext room(h.session, h.fonts, ui::projector_palette());
    h.ctx.go_to_stage(2);
    ui::PresenterInfo info;
    core::Idea idea;
    idea.id = "i1";
    idea.title = "Draft the monthly report";
    REQUIRE(room.run(core::PutIdea{idea, std::nullopt}));
    const std::string text = h.text([&] { ui::draw_presenter_view(h.ctx, info); });
    CHECK(has(text, "1 idea"));
    CHECK(h.ctx.state.selected_idea.empty());  // the room's view state stays the room's
    CHECK(room.state.notes_visible);
}

TEST_CASE("presenter view: --screens layouts") {
    const auto two = platform::parse_screens("1366x768+0+0,1920x1080+1366+0");
    REQUIRE(two);
    REQUIRE(two->size() == 2);
    CHECK((*two)[0].width == 1366);
    CHECK((*two)[0].height == 768);
    CHECK((*two)[1].x == 1366);
    CHECK((*two)[1].y == 0);
    CHECK((*two)[1].monitor == nullptr);
    CHECK(platform::parse_screens("1024x768+0+0"));
    for (const char* bad : {"", "one", "1024x768", "1024x768+0", "1024x768+0+0,", "1024x768+0+0;1920x1080+0+0",
                            "100x100+0+0", "1024x-768+0+0", "1024x768+0+0,x"})
        CHECK_FALSE(platform::parse_screens(bad));
}
