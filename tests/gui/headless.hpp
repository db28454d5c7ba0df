// An ImGui context for panel tests without window or GL: the GLFW key map (as the backend sets
// it), the default font built in memory, keys and mouse fed through ImGuiIO, and the text a
// frame drew read from ImGui's log.
#pragma once

#include <GLFW/glfw3.h>
#include <imgui.h>
#include <imgui_internal.h>

#include <functional>
#include <string>

#include "base/i18n.hpp"
#include "core/session.hpp"
#include "storage/workshop_file.hpp"
#include "ui/fonts.hpp"
#include "ui/theme.hpp"
#include "ui/ui_context.hpp"

namespace pilotdeck::test {

// Switches the language for one test and back to English after it.
struct InLanguage {
    explicit InLanguage(i18n::Language lang) { i18n::set_language(lang); }
    ~InLanguage() { i18n::set_language(i18n::Language::En); }
    InLanguage(const InLanguage&) = delete;
    InLanguage& operator=(const InLanguage&) = delete;
};

// One ImGui context with the GLFW key map (as the backend sets it), no ini file and no window.
struct Headless {
    ImGuiContext* context = ImGui::CreateContext();
    core::Session session;
    ui::Fonts fonts;
    ui::UiContext ctx;

    // The real fonts at the size the app uses for a screen `height` pixels high, the display
    // `stage` big (what the stage gets of that screen); false when the fonts cannot be built.
    bool room_fonts(int height, ImVec2 stage, float zoom = 1.0f) {
        if (!ui::build_fonts(fonts, ui::body_font_px(height, zoom))) return false;
        ImGuiIO& io = ImGui::GetIO();
        io.FontDefault = fonts.body;
        unsigned char* pixels = nullptr;
        int w = 0, h = 0;
        io.Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);
        io.DisplaySize = stage;
        return true;
    }

    explicit Headless(core::Workshop ws, storage::WorkshopFile* store = nullptr)
        : session(std::move(ws), 0, store), ctx(session, fonts, ui::projector_palette()) {
        ImGuiIO& io = ImGui::GetIO();
        io.IniFilename = nullptr;
        io.DisplaySize = ImVec2(1600, 900);
        io.DeltaTime = 1.0f / 60.0f;
        io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
        io.KeyMap[ImGuiKey_Tab] = GLFW_KEY_TAB;
        io.KeyMap[ImGuiKey_UpArrow] = GLFW_KEY_UP;
        io.KeyMap[ImGuiKey_DownArrow] = GLFW_KEY_DOWN;
        io.KeyMap[ImGuiKey_LeftArrow] = GLFW_KEY_LEFT;
        io.KeyMap[ImGuiKey_RightArrow] = GLFW_KEY_RIGHT;
        io.KeyMap[ImGuiKey_PageUp] = GLFW_KEY_PAGE_UP;
        io.KeyMap[ImGuiKey_PageDown] = GLFW_KEY_PAGE_DOWN;
        io.KeyMap[ImGuiKey_Delete] = GLFW_KEY_DELETE;
        io.KeyMap[ImGuiKey_Enter] = GLFW_KEY_ENTER;
        io.KeyMap[ImGuiKey_KeyPadEnter] = GLFW_KEY_KP_ENTER;
        io.KeyMap[ImGuiKey_Escape] = GLFW_KEY_ESCAPE;
        io.KeyMap[ImGuiKey_Space] = GLFW_KEY_SPACE;
        unsigned char* pixels = nullptr;
        int w = 0, h = 0;
        io.Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);
    }
    ~Headless() { ImGui::DestroyContext(context); }

    void frame(const std::function<void()>& draw) {
        ImGui::NewFrame();
        ImGui::SetNextWindowPos(ImVec2(0, 0));
        ImGui::SetNextWindowSize(ImGui::GetIO().DisplaySize);
        ImGui::Begin("stage", nullptr, ImGuiWindowFlags_NoDecoration);
        draw();
        ImGui::End();
        ImGui::Render();
    }
    // A key pressed in one frame (with Ctrl held when `ctrl`) and released in the next.
    void press(int key, const std::function<void()>& draw, bool ctrl = false) {
        ImGuiIO& io = ImGui::GetIO();
        io.KeysDown[key] = true;
        io.KeyCtrl = ctrl;
        frame(draw);
        io.KeysDown[key] = false;
        io.KeyCtrl = false;
        frame(draw);
    }
    void click(ImVec2 at, const std::function<void()>& draw) {
        ImGuiIO& io = ImGui::GetIO();
        io.MousePos = at;
        frame(draw);
        io.MouseDown[0] = true;
        frame(draw);
        io.MouseDown[0] = false;
        frame(draw);
    }
    // Every text drawn this frame (ImGui's log, as "Log to clipboard" would copy it).
    std::string text(const std::function<void()>& draw) {
        std::string out;
        frame([&] {
            ImGui::LogToBuffer();
            draw();
            out = GImGui->LogBuffer.c_str();
            ImGui::LogFinish();
        });
        return out;
    }
};

}  // namespace pilotdeck::test
