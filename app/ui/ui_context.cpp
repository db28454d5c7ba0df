#include "ui/ui_context.hpp"

#include <cstdio>
#include <exception>

#include <imgui.h>

namespace pilotdeck::ui {

bool UiContext::run(const core::Command& c, const std::string& coalesce_key) {
    try {
        if (coalesce_key.empty())
            session.execute(c);
        else
            session.execute_coalescing(c, coalesce_key);
        state.status = core::describe(c);
        state.error.clear();
        return true;
    } catch (const std::exception& e) {
        state.error = e.what();
        std::fprintf(stderr, "pilotdeck: %s\n", e.what());  // the banner shows it; the log keeps it
        return false;
    }
}

float em(float n) { return n * ImGui::GetFontSize(); }

}  // namespace pilotdeck::ui
