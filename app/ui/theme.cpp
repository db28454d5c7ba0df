#include "ui/theme.hpp"

#include <algorithm>
#include <cmath>

#include <imgui.h>

namespace pilotdeck::ui {

namespace {

constexpr Rgba hex(unsigned rgb) {
    return Rgba{static_cast<float>((rgb >> 16) & 0xFF) / 255.0f, static_cast<float>((rgb >> 8) & 0xFF) / 255.0f,
                static_cast<float>(rgb & 0xFF) / 255.0f, 1.0f};
}

Rgba mix(const Rgba& a, const Rgba& b, float t) {
    return Rgba{a.r + (b.r - a.r) * t, a.g + (b.g - a.g) * t, a.b + (b.b - a.b) * t, 1.0f};
}

ImVec4 im(const Rgba& c) { return ImVec4(c.r, c.g, c.b, c.a); }

// The widget backgrounds apply_theme derives from a palette; text_pairs checks them too.
struct Derived {
    Rgba frame, frame_hover, frame_active;  // input fields, buttons, selectables
    Rgba slider_grab, slider_grab_active;    // a slider's handle: a light tint, its value is drawn over it
    Rgba border;
};

Derived derive(const Palette& p) {
    Derived d;
    d.frame = p.surface;
    d.frame_hover = mix(p.surface, p.accent, 0.14f);
    d.frame_active = mix(p.surface, p.accent, 0.26f);
    d.slider_grab = mix(p.surface, p.accent, 0.3f);
    d.slider_grab_active = mix(p.surface, p.accent, 0.38f);
    d.border = p.text_muted;
    return d;
}

Palette make_projector() {
    Palette p;
    p.name = "projector";
    p.background = hex(0xFFFFFF);
    p.surface = hex(0xEDEDED);
    p.text = hex(0x111111);
    p.text_muted = hex(0x474747);
    p.accent = hex(0x0B3D91);
    p.accent_text = hex(0xFFFFFF);
    p.warning = hex(0xFFB000);
    p.warning_text = hex(0x000000);
    p.danger = hex(0x9E0000);
    p.danger_text = hex(0xFFFFFF);
    p.success = hex(0x00561B);
    p.success_text = hex(0xFFFFFF);
    p.grid = hex(0x8C8C8C);
    p.chart = {hex(0x000000), hex(0xE69F00), hex(0x56B4E9), hex(0x009E73),
               hex(0xF0E442), hex(0x0072B2), hex(0xD55E00), hex(0xCC79A7)};
    p.quadrant_quick_win = hex(0xE1F3E8);
    p.quadrant_strategic = hex(0xFFF1CC);
    p.quadrant_fill_in = hex(0xE6EDF7);
    p.quadrant_avoid = hex(0xF8DEDE);
    return p;
}

Palette make_dark() {
    Palette p;
    p.name = "dark";
    p.background = hex(0x121212);
    p.surface = hex(0x242424);
    p.text = hex(0xF2F2F2);
    p.text_muted = hex(0xBDBDBD);
    p.accent = hex(0x8AB4F8);
    p.accent_text = hex(0x000000);
    p.warning = hex(0xFFB000);
    p.warning_text = hex(0x000000);
    p.danger = hex(0xFF7070);
    p.danger_text = hex(0x000000);
    p.success = hex(0x5DD39E);
    p.success_text = hex(0x000000);
    p.grid = hex(0x6E6E6E);
    // Okabe-Ito, with white instead of black so the first series shows on the dark ground.
    p.chart = {hex(0xFFFFFF), hex(0xE69F00), hex(0x56B4E9), hex(0x009E73),
               hex(0xF0E442), hex(0x0072B2), hex(0xD55E00), hex(0xCC79A7)};
    p.quadrant_quick_win = hex(0x1B3526);
    p.quadrant_strategic = hex(0x3A3115);
    p.quadrant_fill_in = hex(0x1C283A);
    p.quadrant_avoid = hex(0x3A1D1D);
    return p;
}

double channel(float c) {
    const double v = std::clamp(static_cast<double>(c), 0.0, 1.0);
    return v <= 0.04045 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4);
}

double luminance(const Rgba& c) { return 0.2126 * channel(c.r) + 0.7152 * channel(c.g) + 0.0722 * channel(c.b); }

}  // namespace

const Palette& projector_palette() {
    static const Palette p = make_projector();
    return p;
}

const Palette& dark_palette() {
    static const Palette p = make_dark();
    return p;
}

double contrast_ratio(const Rgba& a, const Rgba& b) {
    const double la = luminance(a), lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

std::vector<ColourPair> text_pairs(const Palette& p) {
    const Derived d = derive(p);
    return {
        {"text on background", p.text, p.background},
        {"text on surface", p.text, p.surface},
        {"muted text on background", p.text_muted, p.background},
        {"muted text on surface", p.text_muted, p.surface},
        {"accent text on background", p.accent, p.background},
        {"text on accent", p.accent_text, p.accent},
        {"text on warning", p.warning_text, p.warning},
        {"text on danger", p.danger_text, p.danger},
        {"danger as text on background", p.danger, p.background},
        {"text on success", p.success_text, p.success},
        {"text on input field", p.text, d.frame},
        {"text on hovered widget", p.text, d.frame_hover},
        {"text on pressed widget", p.text, d.frame_active},
        {"slider value on its handle", p.text, d.slider_grab},
        {"slider value on its dragged handle", p.text, d.slider_grab_active},
        {"text on quick-win area", p.text, p.quadrant_quick_win},
        {"text on strategic area", p.text, p.quadrant_strategic},
        {"text on fill-in area", p.text, p.quadrant_fill_in},
        {"text on avoid area", p.text, p.quadrant_avoid},
    };
}

void apply_theme(const Palette& p) {
    const Derived d = derive(p);
    ImGuiStyle& s = ImGui::GetStyle();
    ImVec4* c = s.Colors;
    for (int i = 0; i < ImGuiCol_COUNT; ++i) c[i] = im(p.text);
    c[ImGuiCol_Text] = im(p.text);
    c[ImGuiCol_TextDisabled] = im(p.text_muted);
    c[ImGuiCol_WindowBg] = im(p.background);
    c[ImGuiCol_ChildBg] = im(p.background);
    c[ImGuiCol_PopupBg] = im(p.background);
    c[ImGuiCol_MenuBarBg] = im(p.surface);
    c[ImGuiCol_Border] = im(d.border);
    c[ImGuiCol_BorderShadow] = ImVec4(0, 0, 0, 0);
    c[ImGuiCol_FrameBg] = im(d.frame);
    c[ImGuiCol_FrameBgHovered] = im(d.frame_hover);
    c[ImGuiCol_FrameBgActive] = im(d.frame_active);
    c[ImGuiCol_TitleBg] = im(p.surface);
    c[ImGuiCol_TitleBgActive] = im(p.surface);
    c[ImGuiCol_TitleBgCollapsed] = im(p.surface);
    c[ImGuiCol_ScrollbarBg] = im(p.background);
    c[ImGuiCol_ScrollbarGrab] = im(p.grid);
    c[ImGuiCol_ScrollbarGrabHovered] = im(p.text_muted);
    c[ImGuiCol_ScrollbarGrabActive] = im(p.text);
    c[ImGuiCol_CheckMark] = im(p.text);
    c[ImGuiCol_SliderGrab] = im(d.slider_grab);
    c[ImGuiCol_SliderGrabActive] = im(d.slider_grab_active);
    c[ImGuiCol_Button] = im(d.frame);
    c[ImGuiCol_ButtonHovered] = im(d.frame_hover);
    c[ImGuiCol_ButtonActive] = im(d.frame_active);
    c[ImGuiCol_Header] = im(d.frame_hover);
    c[ImGuiCol_HeaderHovered] = im(d.frame_hover);
    c[ImGuiCol_HeaderActive] = im(d.frame_active);
    c[ImGuiCol_Separator] = im(p.grid);
    c[ImGuiCol_SeparatorHovered] = im(p.accent);
    c[ImGuiCol_SeparatorActive] = im(p.accent);
    c[ImGuiCol_ResizeGrip] = im(p.grid);
    c[ImGuiCol_ResizeGripHovered] = im(p.accent);
    c[ImGuiCol_ResizeGripActive] = im(p.accent);
    c[ImGuiCol_Tab] = im(d.frame);
    c[ImGuiCol_TabHovered] = im(d.frame_hover);
    c[ImGuiCol_TabActive] = im(d.frame_active);
    c[ImGuiCol_TabUnfocused] = im(d.frame);
    c[ImGuiCol_TabUnfocusedActive] = im(d.frame_active);
    c[ImGuiCol_PlotLines] = im(p.accent);
    c[ImGuiCol_PlotLinesHovered] = im(p.accent);
    c[ImGuiCol_PlotHistogram] = im(p.accent);
    c[ImGuiCol_PlotHistogramHovered] = im(p.accent);
    c[ImGuiCol_TableHeaderBg] = im(p.surface);
    c[ImGuiCol_TableBorderStrong] = im(p.grid);
    c[ImGuiCol_TableBorderLight] = im(p.grid);
    c[ImGuiCol_TableRowBg] = ImVec4(0, 0, 0, 0);
    c[ImGuiCol_TableRowBgAlt] = im(mix(p.background, p.surface, 0.5f));
    c[ImGuiCol_TextSelectedBg] = im(d.frame_active);
    c[ImGuiCol_DragDropTarget] = im(p.accent);
    c[ImGuiCol_NavHighlight] = im(p.accent);
    c[ImGuiCol_NavWindowingHighlight] = im(p.accent);
    c[ImGuiCol_NavWindowingDimBg] = ImVec4(0, 0, 0, 0.3f);
    c[ImGuiCol_ModalWindowDimBg] = ImVec4(0, 0, 0, 0.3f);
    s.FrameBorderSize = 1.0f;
    s.WindowBorderSize = 0.0f;
    s.PopupBorderSize = 1.0f;
}

}  // namespace pilotdeck::ui
