// The scoring, matrix and shortlist panels driven headless: a real ImGui context without a
// window or GL (the font atlas is built in memory), keys and mouse fed through ImGuiIO.
#include <catch2/catch.hpp>

#include <GLFW/glfw3.h>
#include <imgui.h>

#include <algorithm>
#include <functional>
#include <string>

#include "core/session.hpp"
#include "headless.hpp"
#include "ui/matrix_chart.hpp"
#include "ui/shortlist_export.hpp"
#include "ui/panels.hpp"
#include "ui/score_entry.hpp"
#include "ui/theme.hpp"

using namespace pilotdeck;
using test::Headless;

namespace {

core::Workshop small_workshop() {
    core::Workshop ws;
    ws.info.title = "Panel test";
    ws.stages = {{"s", core::StageKind::Scoring, "Score", 30, "", {}}};
    core::Criterion b{"time_saved", "Time saved", core::Axis::Benefit, 1.0, 1, 5, "How much time?", {{1, "none"}, {5, "lots"}}};
    core::Criterion r{"privacy", "Personal data", core::Axis::Risk, 1.0, 1, 5, "", {}};
    core::Criterion v{"reach", "Reach", core::Axis::Visibility, 1.0, 1, 5, "", {}};
    ws.criteria = {b, r, v};
    ws.participants = {{"p1", "Ann", "Sales", core::Role::User}, {"p2", "Bob", "IT", core::Role::User}};
    ws.ideas = {{"i1", "Invoice matching", "", "", "Finance", "", "", std::nullopt},
                {"i2", "Mail triage", "", "", "Service", "", "", std::nullopt},
                {"i3", "Forecasts", "", "", "Ops", "", "", std::nullopt}};
    ws.scores = {{"i1", "p1", "time_saved", 4}, {"i1", "p1", "privacy", 2}, {"i1", "p1", "reach", 4},
                 {"i1", "p2", "time_saved", 5}, {"i1", "p2", "privacy", 1}, {"i1", "p2", "reach", 5},
                 {"i3", "p1", "time_saved", 2}};
    return ws;
}

}  // namespace

TEST_CASE("scoring: digits set the focused cell, focus moves on, 0 and Delete clear") {
    Headless h(small_workshop());
    h.ctx.state.selected_idea = "i2";
    auto draw = [&] { ui::draw_scoring(h.ctx); };
    h.frame(draw);
    h.frame(draw);

    // The focus starts on the first rater and the first criterion (benefit first).
    h.press(GLFW_KEY_3, draw);
    CHECK(h.session.score("i2", "p1", "time_saved") == 3);
    // Typing moved on to the next criterion of the same rater.
    h.press(GLFW_KEY_KP_2, draw);
    CHECK(h.session.score("i2", "p1", "privacy") == 2);
    // Off the scale: refused with a message, nothing changes.
    h.press(GLFW_KEY_9, draw);
    CHECK_FALSE(h.session.score("i2", "p1", "reach").has_value());
    CHECK_FALSE(h.ctx.state.status.empty());
    // Down to the second rater.
    h.press(GLFW_KEY_DOWN, draw);
    h.press(GLFW_KEY_5, draw);
    CHECK(h.session.score("i2", "p2", "reach") == 5);
    // That was the last cell: typing wrapped round to the first. Delete clears it.
    h.press(GLFW_KEY_DELETE, draw);
    CHECK_FALSE(h.session.score("i2", "p1", "time_saved").has_value());
    // Right, then 0 clears too; Left and Tab move as well.
    h.press(GLFW_KEY_RIGHT, draw);
    h.press(GLFW_KEY_0, draw);
    CHECK_FALSE(h.session.score("i2", "p1", "privacy").has_value());
    h.press(GLFW_KEY_TAB, draw);   // (p1, reach)
    h.press(GLFW_KEY_TAB, draw);   // (p2, time_saved)
    h.press(GLFW_KEY_LEFT, draw);  // back to (p1, reach)
    h.press(GLFW_KEY_1, draw);
    CHECK(h.session.score("i2", "p1", "reach") == 1);
    CHECK(h.session.score("i2", "p2", "reach") == 5);
    // Every change was one undoable command.
    CHECK(h.session.can_undo());
    CHECK(h.ctx.state.error.empty());
}

TEST_CASE("scoring: F8 and Ctrl+Enter go to the next idea nobody scored yet") {
    Headless h(small_workshop());
    h.ctx.state.selected_idea = "i1";
    auto draw = [&] { ui::draw_scoring(h.ctx); };
    h.frame(draw);
    h.press(GLFW_KEY_F8, draw);
    CHECK(h.ctx.state.selected_idea == "i2");  // no scores at all
    h.press(GLFW_KEY_3, draw);                 // now i2 has a rater
    h.press(GLFW_KEY_ENTER, draw, true);
    // i3 and i2 have one rater each, i1 two: the next after i2 with the fewest is i3.
    CHECK(h.ctx.state.selected_idea == "i3");
}

TEST_CASE("scoring: the grid shows names only while notes are visible") {
    Headless h(small_workshop());
    h.ctx.state.selected_idea = "i1";
    h.ctx.state.notes_visible = false;
    h.frame([&] { ui::draw_scoring(h.ctx); });  // draws "Rater 1", "Rater 2": must not crash
    h.ctx.state.notes_visible = true;
    h.frame([&] { ui::draw_scoring(h.ctx); });
    SUCCEED();
}

TEST_CASE("matrix: one bubble per idea with benefit and risk; a click selects it") {
    Headless h(small_workshop());
    ImVec2 origin, size;
    ui::MatrixGeometry geo;
    auto draw = [&] {
        origin = ImGui::GetCursorScreenPos();
        size = ImGui::GetContentRegionAvail();
        size.y -= ImGui::GetTextLineHeightWithSpacing() * 2 + ImGui::GetStyle().ItemSpacing.y;  // the facts strip
        // The same chart on a scratch list, to learn where the bubbles are.
        ImDrawList scratch(ImGui::GetDrawListSharedData());
        scratch._ResetForNewFrame();
        geo = ui::draw_matrix_chart(&scratch, origin, ImVec2(origin.x + size.x, origin.y + size.y), h.ctx,
                                    ImGui::GetFont(), ImGui::GetFontSize(), h.ctx.state.selected_idea);
        ui::draw_matrix(h.ctx);
    };
    h.frame(draw);
    REQUIRE(geo.bubbles.size() == 1);  // i1 only: i2 has no scores, i3 no risk score
    CHECK(geo.bubbles[0].idea == 0);

    ImGuiIO& io = ImGui::GetIO();
    io.MousePos = geo.bubbles[0].centre;
    h.frame(draw);
    io.MouseDown[0] = true;
    h.frame(draw);
    io.MouseDown[0] = false;
    h.frame(draw);
    CHECK(h.ctx.state.selected_idea == "i1");
}

TEST_CASE("shortlist: draws pilots and reasons for the committed rules without changing anything") {
    Headless h(small_workshop());
    const auto revision = h.session.revision();
    h.frame([&] { ui::draw_shortlist(h.ctx); });
    h.frame([&] { ui::draw_shortlist(h.ctx); });
    CHECK(h.session.revision() == revision);
    CHECK(h.ctx.state.error.empty());
}

TEST_CASE("team consensus: a score without a rater, never a participant (contracts 5b)") {
    core::Session s(small_workshop(), 0, nullptr);
    const std::size_t people = s.workshop().participants.size();
    CHECK_FALSE(ui::score_command(s, "i2", ui::kConsensusId, "time_saved", std::nullopt).has_value());

    const auto first = ui::score_command(s, "i2", ui::kConsensusId, "time_saved", 4);
    REQUIRE(first.has_value());
    REQUIRE(std::holds_alternative<core::SetScore>(*first));
    CHECK(std::get<core::SetScore>(*first).consensus);
    s.execute(*first);
    CHECK(s.workshop().participants.size() == people);
    CHECK(s.score("i2", ui::kConsensusId, "time_saved") == 4);

    const auto second = ui::score_command(s, "i2", ui::kConsensusId, "privacy", 2);
    REQUIRE(second.has_value());
    s.execute(*second);
    s.execute(*ui::score_command(s, "i2", ui::kConsensusId, "privacy", std::nullopt));
    CHECK_FALSE(s.score("i2", ui::kConsensusId, "privacy").has_value());

    s.undo();
    s.undo();
    s.undo();
    CHECK_FALSE(s.score("i2", ui::kConsensusId, "time_saved").has_value());
    CHECK(s.workshop().participants.size() == people);
}

TEST_CASE("next unscored idea: nobody scored it, else fewest raters, after the current one") {
    core::Session s(small_workshop(), 0, nullptr);
    const auto& ideas = s.workshop().ideas;
    CHECK(ui::next_unscored(ideas, s.results(), "i1", "") == 1u);  // i2: no scores
    CHECK(ui::next_unscored(ideas, s.results(), "i2", "") == 1u);  // only i2 has none, even when current
    s.execute(core::SetScore{"i2", "p1", "time_saved", 3});
    CHECK(ui::next_unscored(ideas, s.results(), "i2", "") == 2u);  // i3 and i2 have 1: i3 comes first after i2
    CHECK(ui::next_unscored(ideas, s.results(), "i2", "Finance") == 0u);  // the only Finance idea
    CHECK_FALSE(ui::next_unscored(ideas, s.results(), "i2", "Legal").has_value());
    CHECK_FALSE(ui::next_unscored({}, {}, "", "").has_value());
}

TEST_CASE("export file names come from the workshop title") {
    CHECK(ui::title_slug("AI use-case workshop — Operations & Back Office") == "ai-use-case-workshop-operations-back-office");
    CHECK(ui::title_slug("  ...  ") == "workshop");
    CHECK(ui::title_slug("") == "workshop");
}

TEST_CASE("matrix: Tab and the arrow keys walk the placed ideas in ranking order") {
    core::Workshop ws = small_workshop();
    // i2 placed too, ranked above i1 (higher benefit).
    ws.scores.push_back({"i2", "p1", "time_saved", 5});
    ws.scores.push_back({"i2", "p2", "time_saved", 5});
    ws.scores.push_back({"i2", "p1", "privacy", 3});
    Headless h(ws);
    auto draw = [&] { ui::draw_matrix(h.ctx); };
    h.frame(draw);
    h.press(GLFW_KEY_TAB, draw);
    CHECK(h.ctx.state.selected_idea == "i2");
    h.press(GLFW_KEY_RIGHT, draw);
    CHECK(h.ctx.state.selected_idea == "i1");
    h.press(GLFW_KEY_DOWN, draw);  // wraps round
    CHECK(h.ctx.state.selected_idea == "i2");
    h.press(GLFW_KEY_LEFT, draw);
    CHECK(h.ctx.state.selected_idea == "i1");
    // i3 has no risk score: never selected by walking.
    for (int k = 0; k < 4; ++k) {
        h.press(GLFW_KEY_TAB, draw);
        CHECK(h.ctx.state.selected_idea != "i3");
    }
}

// ---- Phones: who finished (notes only), and the shortlist during a blind round ----
// (Includes here so that the cases above stay as they are.)
#include <imgui_internal.h>

#include "server/phone_server.hpp"
#include "storage/workshop_file.hpp"
#include "support/temp_dir.hpp"

namespace {

// Every text the panel drew this frame (ImGui's log, as "Log to clipboard" would copy it).
std::string drawn_text(Headless& h, const std::function<void()>& draw) {
    std::string text;
    h.frame([&] {
        ImGui::LogToBuffer();
        draw();
        text = GImGui->LogBuffer.c_str();
        ImGui::LogFinish();
    });
    return text;
}

}  // namespace

TEST_CASE("notes: with phones on, the names of those who finished scoring; the phones box shows counts only") {
    // Ann (p1) scored every idea on every criterion, Bob (p2) not; both joined from phones before
    // (their tokens are in the file), so the server knows them from its start.
    core::Workshop ws = small_workshop();
    ws.scores.clear();
    for (const auto& idea : ws.ideas)
        for (const auto& c : ws.criteria) ws.scores.push_back({idea.id, "p1", c.id, 3});
    ws.scores.push_back({"i1", "p2", "reach", 2});
    test::TempDir dir;
    const std::string path = dir.file("w.pilotdeck");
    storage::WorkshopFile::create(path, ws).reset();
    auto file = storage::WorkshopFile::open(path);
    file->attach_phone_tokens({{"0123456789abcdef0123456789abcdef", "p1"}, {"fedcba9876543210fedcba9876543210", "p2"}});
    file->apply(core::PutParticipant{ws.participants[0], std::nullopt});

    Headless h(small_workshop());  // the ImGui context; the panels below draw the file's session
    core::Session session(file->load(), 0, file.get());
    ui::UiContext ctx(session, h.fonts, ui::projector_palette());
    server::PhoneServer phones;
    server::ServerOptions o;
    o.bind = "127.0.0.1";
    o.port = 0;
    phones.start(session, *file, o);
    phones.pump();
    REQUIRE(phones.counts().finished == 1);
    CHECK(phones.counts().finished_names == std::vector<std::string>{"Ann"});

    const std::string notes = drawn_text(h, [&] { ui::draw_notes(ctx, &phones); });
    CHECK(notes.find("Finished on phones: 1 of 2") != std::string::npos);
    CHECK(notes.find("Ann") != std::string::npos);
    CHECK(notes.find("Bob") == std::string::npos);

    const std::string box = drawn_text(h, [&] { ui::draw_phones(ctx, phones); });
    CHECK(box.find("1 of 2 phones have finished") != std::string::npos);
    CHECK(box.find("Ann") == std::string::npos);

    // Without the server (phones off) the notes have no such part.
    CHECK(drawn_text(h, [&] { ui::draw_notes(ctx); }).find("Finished on phones") == std::string::npos);
    phones.stop();
}

TEST_CASE("shortlist: during a blind round only the banner, no pilots, numbers or reasons") {
    Headless h(small_workshop());
    const std::string open = drawn_text(h, [&] { ui::draw_shortlist(h.ctx); });
    REQUIRE(open.find("Invoice matching") != std::string::npos);  // the pilot, with its numbers
    REQUIRE(open.find("Not selected") != std::string::npos);

    h.ctx.state.blind_round = true;
    const std::string blind = drawn_text(h, [&] { ui::draw_shortlist(h.ctx); });
    CHECK(blind.find("Blind round") != std::string::npos);
    for (const char* hidden : {"Invoice matching", "Mail triage", "Forecasts", "Pilots", "Not selected", "4.", "5."})
        CHECK(blind.find(hidden) == std::string::npos);
    CHECK(h.ctx.state.error.empty());

    h.ctx.state.blind_round = false;  // closed and revealed: all back
    CHECK(drawn_text(h, [&] { ui::draw_shortlist(h.ctx); }).find("Invoice matching") != std::string::npos);
}

// ---- The agenda countdown: amber, red with "over time", a pulse at zero ----
#include "ui/widgets.hpp"

namespace {

// The largest triangle drawn this frame whose three corners have exactly `colour` (a filled
// box has large ones; text, outlines and the anti-aliased fringes only small ones). 0 if none.
float largest_area(const ui::Rgba& colour) {
    const ImU32 c = ui::u32(colour);
    float best = 0;
    const ImDrawData* dd = ImGui::GetDrawData();
    for (int l = 0; l < dd->CmdListsCount; ++l) {
        const ImDrawList* list = dd->CmdLists[l];
        for (const ImDrawCmd& cmd : list->CmdBuffer)
            for (unsigned i = 0; i + 2 < cmd.ElemCount; i += 3) {
                const ImDrawVert& a = list->VtxBuffer[static_cast<int>(cmd.VtxOffset + list->IdxBuffer[static_cast<int>(cmd.IdxOffset + i)])];
                const ImDrawVert& b = list->VtxBuffer[static_cast<int>(cmd.VtxOffset + list->IdxBuffer[static_cast<int>(cmd.IdxOffset + i + 1)])];
                const ImDrawVert& d = list->VtxBuffer[static_cast<int>(cmd.VtxOffset + list->IdxBuffer[static_cast<int>(cmd.IdxOffset + i + 2)])];
                if (a.col != c || b.col != c || d.col != c) continue;
                const float area = std::abs((b.pos.x - a.pos.x) * (d.pos.y - a.pos.y) - (d.pos.x - a.pos.x) * (b.pos.y - a.pos.y)) / 2;
                best = std::max(best, area);
            }
    }
    return best;
}

}  // namespace

TEST_CASE("countdown: amber in the last 2 minutes, red and \"over time\" after zero, a pulse at zero") {
    Headless h(small_workshop());
    std::chrono::steady_clock::time_point now{};
    core::Countdown countdown([&] { return now; });
    countdown.set_duration(std::chrono::minutes(5));
    countdown.start();
    const ui::Palette& p = ui::projector_palette();
    auto draw = [&] { ui::draw_stage_header(h.ctx, countdown); };
    // A filled box is at least as large as a few letters of the digits' font.
    const float box = 4 * ImGui::GetFontSize() * ImGui::GetFontSize();

    std::string text = drawn_text(h, draw);
    CHECK(text.find("05:00") != std::string::npos);
    CHECK(text.find("running") != std::string::npos);
    CHECK(largest_area(p.warning) == 0);
    CHECK(largest_area(p.danger) == 0);

    now += std::chrono::seconds(3 * 60 + 30);  // 01:30 left: amber, said in words with a triangle
    text = drawn_text(h, draw);
    CHECK(text.find("01:30") != std::string::npos);
    CHECK(text.find("\u25B2 less than 2 minutes left") != std::string::npos);
    CHECK(largest_area(p.warning) > box);
    CHECK(largest_area(p.danger) == 0);

    now += std::chrono::seconds(90);  // zero: red, "over time" with a square
    text = drawn_text(h, draw);
    CHECK(text.find("00:00") != std::string::npos);
    CHECK(text.find("\u25A0 over time") != std::string::npos);
    CHECK(largest_area(p.warning) == 0);
    const float red_box = largest_area(p.danger);
    CHECK(red_box > box);

    // The pulse: for ten seconds after zero the red box goes off and on each second (the
    // outline, the digits in red and the words stay, so it never relies on colour alone).
    now += std::chrono::seconds(1);
    text = drawn_text(h, draw);
    CHECK(text.find("+00:01") != std::string::npos);
    CHECK(text.find("over time") != std::string::npos);
    CHECK(largest_area(p.danger) < red_box / 4);
    now += std::chrono::seconds(1);
    drawn_text(h, draw);
    CHECK(largest_area(p.danger) == red_box);
    // After the pulse, steady red.
    now += std::chrono::seconds(20);
    text = drawn_text(h, draw);
    CHECK(text.find("+00:22") != std::string::npos);
    CHECK(largest_area(p.danger) == red_box);
    now += std::chrono::seconds(1);
    drawn_text(h, draw);
    CHECK(largest_area(p.danger) == red_box);
}

TEST_CASE("countdown: the Start, Reset and +1 min buttons") {
    Headless h(small_workshop());
    // The digits in a font four times the body size, as in the window (the column is as wide as they are).
    ImFontConfig huge;
    huge.SizePixels = 4 * 13.0f;  // the default font is 13 px
    h.fonts.huge = ImGui::GetIO().Fonts->AddFontDefault(&huge);
    ImGui::GetIO().Fonts->Build();
    std::chrono::steady_clock::time_point now{};
    core::Countdown countdown([&] { return now; });
    countdown.set_duration(std::chrono::minutes(5));
    auto draw = [&] { ui::draw_stage_header(h.ctx, countdown); };
    // Clicks a button of the row under the countdown (Start/Pause, Reset, +1 min) with the
    // mouse, at the place the header table lays it out: the second column, below the digits'
    // box and the line of words.
    auto click = [&](int index) {
        ImVec2 at;
        h.frame(draw);  // a table settles its column widths over its first frames
        h.frame([&] {
            draw();
            ImGuiTable* t = ImGui::TableFindByID(ImGui::GetCurrentWindow()->GetID("##stage_header"));
            REQUIRE(t != nullptr);
            const ImGuiStyle& st = ImGui::GetStyle();
            const float fs = ImGui::GetFontSize();
            ImGui::PushFont(h.fonts.huge);
            const float digits = ImGui::CalcTextSize("+00:00").y;
            ImGui::PopFont();
            const float y = t->OuterRect.Min.y + st.CellPadding.y + digits + fs * 0.4f + st.ItemSpacing.y + fs +
                            st.ItemSpacing.y + ImGui::GetFrameHeight() / 2;
            const char* labels[] = {countdown.running() ? "Pause" : "Start", "Reset", "+1 min"};
            float x = t->Columns[1].WorkMinX;
            for (int i = 0; i < index; ++i) x += ImGui::CalcTextSize(labels[i]).x + st.FramePadding.x * 2 + st.ItemSpacing.x;
            at = ImVec2(x + ImGui::CalcTextSize(labels[index]).x / 2 + st.FramePadding.x, y);
        });
        ImGuiIO& io = ImGui::GetIO();
        io.MousePos = at;
        h.frame(draw);
        io.MouseDown[0] = true;
        h.frame(draw);
        io.MouseDown[0] = false;
        h.frame(draw);
        io.MousePos = ImVec2(-1, -1);
    };
    enum { kStart = 0, kReset = 1, kPlus = 2 };
    click(kStart);
    CHECK(countdown.running());
    now += std::chrono::seconds(30);
    CHECK(drawn_text(h, draw).find("04:30") != std::string::npos);
    click(kStart);  // now "Pause"
    CHECK_FALSE(countdown.running());
    click(kPlus);
    CHECK(drawn_text(h, draw).find("05:30") != std::string::npos);
    click(kReset);
    CHECK(drawn_text(h, draw).find("06:00") != std::string::npos);  // the full, extended time
    CHECK_FALSE(countdown.running());
}

TEST_CASE("workshop details: one field editing session is one undo step, Esc leaves keeping the text") {
    core::Workshop ws = small_workshop();
    ws.stages = {{"w", core::StageKind::Intro, "Welcome", 15, "Find pilots", {}}};
    ws.info.title = "Panel test";
    Headless h(std::move(ws));
    ImGuiIO& io = ImGui::GetIO();
    io.KeyMap[ImGuiKey_Tab] = GLFW_KEY_TAB;
    io.KeyMap[ImGuiKey_Escape] = GLFW_KEY_ESCAPE;
    auto draw = [&] {
        ImGui::GetStateStorage()->SetInt(ImGui::GetID("###info_editor"), 1);  // the header open (its id in every language)
        ui::draw_intro(h.ctx);
    };
    auto organisation = [&] { return h.session.workshop().info.organisation; };
    // Typing pauses for longer than the save delay: one frame 1.5 s later.
    auto pause = [&] {
        io.DeltaTime = 1.5f;
        h.frame(draw);
        io.DeltaTime = 1.0f / 60.0f;
        h.frame(draw);
    };
    auto type = [&](const char* text) {
        io.AddInputCharactersUTF8(text);
        h.frame(draw);
    };
    h.frame(draw);
    h.frame(draw);
    h.press(GLFW_KEY_TAB, draw);  // the title field
    h.press(GLFW_KEY_TAB, draw);  // the organisation
    h.frame(draw);
    REQUIRE(ImGui::GetActiveID() != 0);

    // Two pauses in typing: each save is committed at once, in the same undo step.
    type("M\u00FCller");
    pause();
    CHECK(organisation() == "M\u00FCller");
    type(" & S\u00F6hne");
    pause();
    CHECK(organisation() == "M\u00FCller & S\u00F6hne");
    // Esc before the pause: the field lets go keeping its text, which is saved.
    type(" GmbH");
    h.press(GLFW_KEY_ESCAPE, draw);
    CHECK(ImGui::GetActiveID() == 0);
    CHECK(organisation() == "M\u00FCller & S\u00F6hne GmbH");
    CHECK(h.ctx.state.error.empty());

    // One undo goes back to before the session; the title stays.
    REQUIRE(h.session.can_undo());
    h.session.undo();
    CHECK(organisation().empty());
    CHECK(h.session.workshop().info.title == "Panel test");
    CHECK_FALSE(h.session.can_undo());
    h.session.redo();
    CHECK(organisation() == "M\u00FCller & S\u00F6hne GmbH");
    h.frame(draw);

    // A second session in the same field is a step of its own.
    h.press(GLFW_KEY_TAB, draw);
    h.press(GLFW_KEY_TAB, draw);
    h.frame(draw);
    type("X");
    h.press(GLFW_KEY_ESCAPE, draw);
    CHECK(organisation() != "M\u00FCller & S\u00F6hne GmbH");
    h.session.undo();
    CHECK(organisation() == "M\u00FCller & S\u00F6hne GmbH");
}

TEST_CASE("ideas: every letter of every title and department in the list is drawn (wrapped, never cut)") {
    core::Workshop ws = small_workshop();
    ws.stages = {{"c", core::StageKind::Ideas, "Collect", 45, "", {}}};
    ws.ideas[0].title = "Draft replies to routine customer e-mails from the order history, the delivery status "
                        "and the standard texts of the service team";
    ws.ideas[0].department = "Warehouse Operations and Logistics";
    ws.ideas[1].title = "Translate transport and customs documents Dutch-German for the drivers at the border";
    Headless h(std::move(ws));
    ImGui::GetIO().DisplaySize = ImVec2(1000, 700);  // narrow: the old list cut these titles
    auto draw = [&] { ui::draw_ideas(h.ctx); };
    h.frame(draw);
    h.frame(draw);
    h.frame(draw);
    std::size_t letters = 0;
    for (const auto& idea : h.session.workshop().ideas)
        for (const std::string* s : {&idea.title, &idea.department})
            letters += static_cast<std::size_t>(std::count_if(s->begin(), s->end(), [](char c) { return c != ' '; }));
    // The list's own draw list holds one quad (6 indices) per visible glyph: no selection, no
    // hover, no scrollbar with three ideas.
    const ImDrawData* data = ImGui::GetDrawData();
    REQUIRE(data != nullptr);
    const ImDrawList* list = nullptr;
    for (int i = 0; i < data->CmdListsCount; ++i)
        if (std::string(data->CmdLists[i]->_OwnerName).find("##ideas_scroll") != std::string::npos) list = data->CmdLists[i];
    REQUIRE(list != nullptr);
    CHECK(static_cast<std::size_t>(list->IdxBuffer.Size) == letters * 6);
    // Every glyph lies inside the list's clip rectangle (nothing hidden past its right edge).
    float right = -1e9f, clip_right = 1e9f;
    for (const ImDrawVert& v : list->VtxBuffer) right = std::max(right, v.pos.x);
    for (const ImDrawCmd& c : list->CmdBuffer) clip_right = std::min(clip_right, c.ClipRect.z);
    CHECK(right <= clip_right);
}
