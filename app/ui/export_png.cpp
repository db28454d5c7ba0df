#include "ui/export_png.hpp"

#include <imgui.h>
#include <imgui_impl_opengl3.h>

#include "base/i18n.hpp"
#include "platform/offscreen.hpp"
#include "ui/matrix_chart.hpp"
#include "ui/widgets.hpp"

namespace pilotdeck::ui {

bool export_matrix_png(const UiContext& ctx, const std::string& path, int width, int height, std::string& error) {
    if (width <= 0 || height <= 0) {
        error = i18n::format(i18n::tr("{0}: the image size must be positive"), {path});
        return false;
    }
    platform::OffscreenTarget target(width, height);
    if (!target.ok()) {
        error = i18n::format(i18n::tr("{0}: cannot render off-screen (no framebuffer)"), {path});
        return false;
    }
    ImFont* font = ctx.fonts.body ? ctx.fonts.body : ImGui::GetFont();
    const float w = static_cast<float>(width), h = static_cast<float>(height);
    const float font_size = h / 40.f;  // readable when the PNG is put on a slide

    // A draw list of its own, outside any window: the chart only, at the image's size.
    ImDrawList dl(ImGui::GetDrawListSharedData());
    dl._ResetForNewFrame();
    dl.PushTextureID(font->ContainerAtlas->TexID);
    dl.PushClipRect(ImVec2(0, 0), ImVec2(w, h));
    // A title line for slides and handouts: the workshop, its organisation and date.
    const core::WorkshopInfo& info = ctx.session.workshop().info;
    std::string title = info.title.empty() ? std::string(i18n::tr("Benefit versus risk")) : info.title;
    for (const std::string* part : {&info.organisation, &info.date})
        if (!part->empty()) title += " — " + *part;
    const float margin = font_size * 0.6f;
    dl.AddRectFilled(ImVec2(0, 0), ImVec2(w, h), u32(ctx.palette.background));
    dl.AddText(font, font_size * 1.3f, ImVec2(margin, margin), u32(ctx.palette.text), title.c_str());
    const float top = margin * 2 + font_size * 1.3f;
    draw_matrix_chart(&dl, ImVec2(margin, top), ImVec2(w - margin, h - margin), ctx, font, font_size, std::string());
    dl.PopClipRect();
    dl.PopTextureID();

    ImDrawList* lists[] = {&dl};
    ImDrawData dd;
    dd.Valid = true;
    dd.CmdLists = lists;
    dd.CmdListsCount = 1;
    dd.TotalVtxCount = dl.VtxBuffer.Size;
    dd.TotalIdxCount = dl.IdxBuffer.Size;
    dd.DisplayPos = ImVec2(0, 0);
    dd.DisplaySize = ImVec2(w, h);
    dd.FramebufferScale = ImVec2(1, 1);

    target.bind();
    ImGui_ImplOpenGL3_RenderDrawData(&dd);
    const auto pixels = target.read_rgba();
    target.unbind();
    return platform::write_png(path, width, height, pixels, error);
}

}  // namespace pilotdeck::ui
