// Issue 14 §2, readability, driven headless: the stepper at 1024 px shows the current stage whole
// and the others by number, counts have the right plural, undo labels name the action.
#include <catch2/catch.hpp>

#include <algorithm>
#include <string>
#include <vector>

#include <imgui_internal.h>

#include "headless.hpp"
#include "ui/fonts.hpp"
#include "ui/panels.hpp"
#include "ui/widgets.hpp"

using namespace pilotdeck;

namespace {

core::Workshop workshop() {
    core::Workshop ws;
    ws.info.title = "Readable";
    ws.stages = {{"a", core::StageKind::Intro, "Welcome \u2014 why we are here today", 15, "", {}},
                 {"b", core::StageKind::Concerns, "What worries people about AI", 20, "", {}},
                 {"c", core::StageKind::Ideas, "Collect use-case ideas", 45, "", {}},
                 {"d", core::StageKind::Ideas, "Sharpen the ideas", 30, "", {}},
                 {"e", core::StageKind::Scoring, "Score the ideas", 40, "", {}},
                 {"f", core::StageKind::Matrix, "Benefit versus risk", 20, "", {}},
                 {"g", core::StageKind::Shortlist, "Choose the pilots", 1, "", {}}};
    ws.ideas = {{"i1", "Invoice matching", "", "", "Finance", "", "", std::nullopt}};
    return ws;
}

}  // namespace

TEST_CASE("stepper: at 1024 px the current stage whole, the others by number; wide, every title") {
    test::Headless h(workshop());
    const auto& stages = h.session.workshop().stages;
    std::vector<ui::StepCell> narrow, wide;
    h.frame([&] {
        narrow = ui::stepper_cells(stages, 2, 1000, 3, 5);
        wide = ui::stepper_cells(stages, 2, 3000, 3, 5);
    });
    REQUIRE(narrow.size() == 7);
    CHECK(narrow[2].label == "\u25B6 3. Collect use-case ideas");
    CHECK(narrow[2].whole);
    h.frame([&] { CHECK(narrow[2].width >= ImGui::CalcTextSize(narrow[2].label.c_str()).x + 10); });
    CHECK(narrow[0].label == "\u2713 1");
    CHECK(narrow[1].label == "\u2713 2");
    CHECK(narrow[3].label == "4");
    CHECK(narrow[6].label == "7");
    float sum = 0;
    for (const auto& c : narrow) sum += c.width;
    CHECK(sum + 6 * 3 == Approx(1000));
    for (const auto& c : wide) CHECK(c.whole);
    CHECK(wide[0].label == "\u2713 1. Welcome \u2014 why we are here today");
}

namespace {

// The current cell's text as drawn: its width on its widest line, and the whole text.
float drawn_width(const ui::StepCell& c) {
    return std::max(ImGui::CalcTextSize(c.label.c_str()).x, ImGui::CalcTextSize(c.line2.c_str()).x) * c.scale;
}
std::string drawn_text(const ui::StepCell& c) { return c.line2.empty() ? c.label : c.label + " " + c.line2; }

}  // namespace

TEST_CASE("stepper: the longest German, Dutch and English stage titles whole at 1024 px, and narrower") {
    // The longest title of each shipped template (use-case workshop, pilot review, hackathon).
    const std::vector<std::string> titles = {
        "Ideen sch\u00E4rfen: Verantwortliche und Erfolgskriterium",
        "Willkommen zur\u00FCck \u2014 was seitdem passiert ist",
        "Auftakt \u2014 die Spielregeln f\u00FCr heute",
        "Idee\u00EBn aanscherpen: eigenaar en succescriterium",
        "Zorgenpeiling: waar maak je je nu zorgen over?",
        "Sharpen the ideas: owner and success criteria"};
    const float pad = 6;
    for (const std::string& title : titles) {
        for (const std::size_t count : {std::size_t{7}, std::size_t{9}}) {
            core::Workshop ws = workshop();
            ws.stages.resize(count, ws.stages.back());
            for (std::size_t i = 0; i < count; ++i) ws.stages[i].id = "s" + std::to_string(i);
            ws.stages[3].title = title;
            test::Headless h(ws);
            // The app's real font at its size for a 768 px high screen.
            REQUIRE(ui::build_fonts(h.fonts, ui::body_font_px(768, 1.0f)));
            ImGui::GetIO().FontDefault = h.fonts.body;
            unsigned char* pixels = nullptr;
            int tw = 0, th = 0;
            ImGui::GetIO().Fonts->GetTexDataAsRGBA32(&pixels, &tw, &th);
            const auto& stages = h.session.workshop().stages;
            for (const float total : {1000.0f, 600.0f, 300.0f}) {
                h.frame([&] {
                    const auto cells = ui::stepper_cells(stages, 3, total, 4, pad);
                    REQUIRE(cells.size() == count);
                    const ui::StepCell& cur = cells[3];
                    INFO(title << " at " << total << " px, " << count << " stages");
                    CHECK(drawn_text(cur) == "\u25B6 4. " + title);
                    CHECK(drawn_width(cur) + 2 * pad + 1 <= cur.width);  // (with a pixel to spare: no rounding ellipsis)
                    if (total >= 1000) {  // the room's 1024 px: on one line, full size
                        CHECK(cur.line2.empty());
                        CHECK(cur.scale == 1.0f);
                    }
                    if (total >= 600 && count == 7) CHECK(cur.scale == 1.0f);  // two lines before a smaller text
                    float sum = 0;
                    for (const auto& c : cells) sum += c.width;
                    CHECK(sum + 4 * static_cast<float>(count - 1) == Approx(total));
                });
            }
        }
    }
}

TEST_CASE("new-idea hint: whole when it fits, else ending in \u2026 at a whole glyph, whole on hover") {
    test::Headless h(workshop());
    h.frame([&] {
        const std::string de = "Neue Idee \u2014 Eingabe speichert";
        CHECK(ui::ellipsised(de, 1000) == de);
        for (const float w : {200.0f, 120.0f, 60.0f}) {
            const std::string cut = ui::ellipsised(de, w);
            INFO(cut);
            CHECK(ImGui::CalcTextSize(cut.c_str()).x <= w);
            // "…", or "..." in a font without it (the headless test's)
            const std::string dots = ImGui::GetFont()->FindGlyphNoFallback(0x2026) ? "\u2026" : "...";
            REQUIRE(cut.size() >= dots.size());
            CHECK(cut.substr(cut.size() - dots.size()) == dots);
            const std::string kept = cut.substr(0, cut.size() - dots.size());
            CHECK(de.compare(0, kept.size(), kept) == 0);  // a whole-glyph prefix of the hint
        }
    });
    // In the panel, too narrow for the hint: the field shows its start and "…", and hovering the
    // empty field shows a tooltip as wide as the whole hint.
    ImGui::GetIO().DisplaySize = ImVec2(300, 600);
    h.ctx.go_to_stage(2);
    auto draw = [&] { ui::draw_ideas(h.ctx); };
    h.frame(draw);
    const std::string shown = h.text(draw);
    INFO(shown);
    CHECK(shown.find("{ New idea") != std::string::npos);
    CHECK(shown.find("New idea \u2014 Enter saves") == std::string::npos);
    ImGui::GetIO().MousePos = ImVec2(30, 14);
    h.frame(draw);
    const ImGuiWindow* tip = nullptr;
    for (const ImGuiWindow* w : GImGui->Windows)
        if (w->Active && std::string(w->Name).find("##Tooltip") != std::string::npos) tip = w;
    REQUIRE(tip != nullptr);
    const float tip_w = tip->DC.CursorMaxPos.x - tip->DC.CursorStartPos.x;
    h.frame([&] { CHECK(tip_w >= ImGui::CalcTextSize("New idea \u2014 Enter saves").x); });
}

TEST_CASE("plurals: one idea, one minute") {
    test::Headless h(workshop());
    CHECK(h.text([&] { ui::draw_ideas(h.ctx); }).find("1 idea\n") != std::string::npos);
    core::Countdown countdown;
    h.ctx.go_to_stage(6);
    const std::string header = h.text([&] { ui::draw_stage_header(h.ctx, countdown); });
    CHECK(header.find("Stage 7 of 7 \u2014 1 minute") != std::string::npos);
    CHECK(header.find("1 minutes") == std::string::npos);
}

TEST_CASE("undo labels name the action: deleting an idea") {
    test::Headless h(workshop());
    h.ctx.go_to_stage(2);
    h.ctx.state.selected_idea = "i1";
    auto draw = [&] { ui::draw_ideas(h.ctx); };
    h.frame(draw);
    h.press(GLFW_KEY_DELETE, draw);
    REQUIRE_FALSE(h.session.find_idea("i1"));
    CHECK(h.session.undo_label() == "Delete \u201CInvoice matching\u201D");
}

TEST_CASE("status line: never overlaps itself; the path goes first, then the undo hint") {
    test::Headless h(workshop());
    const std::string left = "Saved idea \u201CLieferscheine f\u00FCr das Lager\u201D";
    const std::string undo = "Ctrl+Z: undo Edit the department of \u201CLieferscheine f\u00FCr das Lager\u201D";
    const std::string path = "/home/facilitator/Documents/workshops/2026-12-01-very-long-name.pilotdeck";
    auto line = [&] { return h.text([&] { ui::status_line(h.ctx, left, undo, path); }); };
    const std::string wide = line();
    CHECK(wide.find(left) != std::string::npos);
    CHECK(wide.find(undo) != std::string::npos);
    CHECK(wide.find(path) != std::string::npos);
    ImGui::GetIO().DisplaySize = ImVec2(800, 600);
    const std::string middle = line();
    CHECK(middle.find(left) != std::string::npos);
    CHECK(middle.find(undo) != std::string::npos);
    CHECK(middle.find(path) == std::string::npos);
    ImGui::GetIO().DisplaySize = ImVec2(400, 600);
    const std::string narrow = line();
    CHECK(narrow.find(undo) == std::string::npos);
    CHECK(narrow.find(path) == std::string::npos);
}
