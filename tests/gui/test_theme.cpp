// The colours and fonts the room sees: contrast of every text/background pair, the
// Okabe-Ito chart palette, and glyphs for the letters Western European workshops use.
#include <catch2/catch.hpp>

#include <cmath>
#include <cstdlib>
#include <string>

#include <imgui.h>

#include "ui/fonts.hpp"
#include "ui/panel_start.hpp"
#include "ui/theme.hpp"

using namespace pilotdeck::ui;

namespace {

unsigned to_hex(const Rgba& c) {
    auto ch = [](float v) { return static_cast<unsigned>(std::lround(v * 255.0f)); };
    return (ch(c.r) << 16) | (ch(c.g) << 8) | ch(c.b);
}


void check_pairs(const Palette& palette, double minimum) {
    const auto pairs = text_pairs(palette);
    REQUIRE(pairs.size() >= 10);
    for (const auto& p : pairs) {
        INFO(palette.name << ", " << p.name << ": " << contrast_ratio(p.text, p.background));
        CHECK(contrast_ratio(p.text, p.background) >= minimum);
    }
}

}  // namespace

TEST_CASE("contrast ratio follows WCAG 2") {
    CHECK(contrast_ratio({0, 0, 0, 1}, {1, 1, 1, 1}) == Approx(21.0));
    CHECK(contrast_ratio({1, 1, 1, 1}, {1, 1, 1, 1}) == Approx(1.0));
    CHECK(contrast_ratio({1, 1, 1, 1}, {0, 0, 0, 1}) == Approx(21.0));  // order does not matter
    // #767676 on white is the classic 4.54:1.
    const float g = 0x76 / 255.0f;
    CHECK(contrast_ratio({g, g, g, 1}, {1, 1, 1, 1}) == Approx(4.54).epsilon(0.01));
}

TEST_CASE("every text/background pair of the projector theme reaches 7:1") { check_pairs(projector_palette(), 7.0); }

TEST_CASE("every text/background pair of the dark theme reaches 4.5:1") { check_pairs(dark_palette(), 4.5); }

TEST_CASE("charts use the Okabe-Ito palette") {
    const unsigned okabe_ito[] = {0x000000, 0xE69F00, 0x56B4E9, 0x009E73, 0xF0E442, 0x0072B2, 0xD55E00, 0xCC79A7};
    const Palette& p = projector_palette();
    for (std::size_t i = 0; i < 8; ++i) CHECK(to_hex(p.chart[i]) == okabe_ito[i]);
    const Palette& d = dark_palette();
    for (std::size_t i = 1; i < 8; ++i) CHECK(to_hex(d.chart[i]) == okabe_ito[i]);
}

TEST_CASE("the fonts have every glyph a Western European workshop needs, at every size") {
    ImGui::CreateContext();
    Fonts fonts;
    REQUIRE_FALSE(find_font_file(false).empty());
    REQUIRE(build_fonts(fonts, 24.0f));
    const char32_t needed[] = {U'é', U'ë', U'ü', U'ß', U'€', U'–', U'—', U'“', U'”', U'‘', U'’', U'…',
                               U'Ä', U'Ö', U'ç', U'ñ', U'ł', U'ő', U'Œ', U'▶', U'✓', U'▲', U'■', U'−'};
    for (char32_t c : needed) {
        INFO("U+" << std::hex << static_cast<unsigned>(c));
        CHECK(fonts.body->FindGlyphNoFallback(static_cast<ImWchar>(c)) != nullptr);
        CHECK(fonts.large->FindGlyphNoFallback(static_cast<ImWchar>(c)) != nullptr);
    }
    for (char c : std::string("0123456789:+")) CHECK(fonts.huge->FindGlyphNoFallback(static_cast<ImWchar>(c)) != nullptr);
    CHECK(fonts.large->FontSize > fonts.body->FontSize);
    CHECK(fonts.huge->FontSize >= 3 * fonts.body->FontSize);
    // A zoomed atlas is built at the new size, not scaled.
    REQUIRE(build_fonts(fonts, 36.0f));
    CHECK(fonts.body->FontSize == 36.0f);
    ImGui::DestroyContext();
}

TEST_CASE("body text grows with the screen and the zoom, within limits") {
    CHECK(body_font_px(1080, 1.0f) == 27.0f);
    CHECK(body_font_px(720, 1.0f) == 18.0f);
    CHECK(body_font_px(1080, 1.5f) > body_font_px(1080, 1.0f));
    CHECK(body_font_px(100, 0.6f) >= 14.0f);
}

TEST_CASE("new workshop files get a readable name from the title") {
    CHECK(slugify("Prüfung der Rechnungen — café ß") == "pruefung-der-rechnungen-cafe-ss");
    CHECK(slugify("  AI @ Maasdal Logistics 2026!  ") == "ai-maasdal-logistics-2026");
    CHECK(slugify("—…") == "");
}
