#include "ui/fonts.hpp"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <vector>

#include <imgui.h>

#include "base/shipped.hpp"

namespace pilotdeck::ui {

namespace {

// Pairs of inclusive code point ranges, zero-terminated.
const ImWchar kTextRanges[] = {
    0x0020, 0x00FF,  // Basic Latin + Latin-1 Supplement (é ë ü ß)
    0x0100, 0x017F,  // Latin Extended-A
    0x2010, 0x205E,  // General Punctuation (– — ‘ ’ “ ” … •)
    0x20AC, 0x20AC,  // €
    0x2190, 0x2193,  // arrows
    0x2212, 0x2212,  // minus sign
    0x25A0, 0x25CF,  // geometric shapes (■ □ ▲ ▶ ● ○)
    0x2713, 0x2714,  // check marks
    0,
};
// The countdown and the big numbers only.
const ImWchar kHugeRanges[] = {0x0020, 0x0020, 0x002B, 0x003A, 0};

constexpr float kLargeFactor = 1.6f;
constexpr float kHugeFactor = 4.0f;
constexpr float kLinesPerScreen = 40.0f;  // body text height = 1/40 of the screen at zoom 1
constexpr float kMinBodyPx = 14.0f;
constexpr float kMaxBodyPx = 96.0f;

}  // namespace

std::string find_font_file(bool bold) {
    namespace fs = std::filesystem;
    const std::string name = bold ? "DejaVuSans-Bold.ttf" : "DejaVuSans.ttf";
    std::vector<std::string> dirs;
    if (const char* env = std::getenv("PILOTDECK_FONT_DIR"); env && *env) dirs.emplace_back(env);
    const std::string exe = base::executable_dir();
    if (!exe.empty()) {
        dirs.push_back(exe + "/../share/pilotdeck/fonts");
        dirs.push_back(exe + "/assets/fonts");
    }
    dirs.push_back("/usr/share/pilotdeck/fonts");  // installed where /proc/self/exe cannot be read
#ifdef PILOTDECK_ASSET_FONT_DIR
    dirs.emplace_back(PILOTDECK_ASSET_FONT_DIR);
#endif
    dirs.emplace_back("/usr/share/fonts/truetype/dejavu");
    std::error_code ec;
    for (const auto& d : dirs)
        if (fs::is_regular_file(d + "/" + name, ec)) return d + "/" + name;
    const std::string noto = bold ? "/usr/share/fonts/truetype/noto/NotoSans-Bold.ttf"
                                  : "/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf";
    if (fs::is_regular_file(noto, ec)) return noto;
    return {};
}

float body_font_px(int framebuffer_height, float zoom) {
    const float px = std::round(static_cast<float>(framebuffer_height) / kLinesPerScreen * zoom);
    return std::clamp(px, kMinBodyPx, kMaxBodyPx);
}

bool build_fonts(Fonts& fonts, float body_px) { return build_fonts(*ImGui::GetIO().Fonts, fonts, body_px); }

bool build_fonts(ImFontAtlas& atlas_ref, Fonts& fonts, float body_px) {
    ImFontAtlas* atlas = &atlas_ref;
    atlas->Clear();
    const std::string regular = find_font_file(false);
    const std::string bold = find_font_file(true);
    if (regular.empty()) {
        ImFontConfig cfg;
        cfg.SizePixels = body_px;
        fonts.body = fonts.large = fonts.huge = atlas->AddFontDefault(&cfg);
        atlas->Build();
        return false;
    }
    const std::string& heading = bold.empty() ? regular : bold;
    ImFontConfig cfg;
    cfg.OversampleH = 2;
    cfg.OversampleV = 1;
    fonts.body = atlas->AddFontFromFileTTF(regular.c_str(), body_px, &cfg, kTextRanges);
    fonts.large = atlas->AddFontFromFileTTF(heading.c_str(), std::round(body_px * kLargeFactor), &cfg, kTextRanges);
    ImFontConfig huge_cfg;
    huge_cfg.OversampleH = 1;
    fonts.huge = atlas->AddFontFromFileTTF(heading.c_str(), std::round(body_px * kHugeFactor), &huge_cfg, kHugeRanges);
    atlas->Build();
    return fonts.body && fonts.large && fonts.huge;
}

}  // namespace pilotdeck::ui
