// What a frame drew, read back from its draw lists glyph by glyph: every run of text with the
// window it was drawn in, and whether any of its glyphs is cut by the clip rectangle of its draw
// command (drawn partly outside it: the GPU cuts it mid-glyph) or was already cut by ImGui on the
// CPU (a glyph quad showing only part of the glyph's image). Text in a window that scrolls that
// way (it has a scrollbar) may be cut where the window ends: the rest is a scroll away.
#pragma once

#include <imgui.h>
#include <imgui_internal.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <map>
#include <string>
#include <vector>

namespace pilotdeck::test {

struct DrawnRun {
    std::string window;  // the ImGui window's name ("##pilotdeck/##stage_1234")
    std::string text;    // the glyphs in drawing order (spaces put back from the gaps)
    ImVec2 min, max;     // the glyphs' extent on screen
    bool cut = false;    // a glyph of it is cut (outside the allowed scrolling direction)
    bool seen = false;   // a glyph of it is inside its clip rectangle (not all scrolled away)
    std::string how;     // "right edge", "bottom edge", "mid-glyph (clipped)", ...
    bool ellipsised() const { return text.size() >= 3 && text.compare(text.size() - 3, 3, "\u2026") == 0; }
};

namespace detail {

inline std::uint64_t uv_key(float u, float v) {
    std::uint32_t a = 0, b = 0;
    std::memcpy(&a, &u, 4);
    std::memcpy(&b, &v, 4);
    return (std::uint64_t{a} << 32) | b;
}

inline void append_utf8(std::string& s, unsigned c) {
    if (c < 0x80) {
        s += static_cast<char>(c);
    } else if (c < 0x800) {
        s += static_cast<char>(0xC0 | (c >> 6));
        s += static_cast<char>(0x80 | (c & 0x3F));
    } else {
        s += static_cast<char>(0xE0 | (c >> 12));
        s += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
        s += static_cast<char>(0x80 | (c & 0x3F));
    }
}

// How many pixels of a glyph's image ImGui left out when it drew only part of it.
inline float cut_px(const ImDrawVert* q, const ImFontGlyph& g) {
    const float du = q[2].uv.x - q[0].uv.x, dv = q[2].uv.y - q[0].uv.y;
    const float w = q[2].pos.x - q[0].pos.x, h = q[2].pos.y - q[0].pos.y;
    const float full_w = du > 0 ? w * (g.U1 - g.U0) / du : 0, full_h = dv > 0 ? h * (g.V1 - g.V0) / dv : 0;
    return std::max(full_w - w, full_h - h);
}

struct GlyphRef {
    const ImFont* font;
    const ImFontGlyph* glyph;
};

}  // namespace detail

// Every run of text drawn in the current frame's active windows (call after ImGui::Render()).
inline std::vector<DrawnRun> drawn_runs() {
    using namespace detail;
    std::map<std::uint64_t, GlyphRef> by_uv;
    std::vector<GlyphRef> all;
    for (const ImFont* f : ImGui::GetIO().Fonts->Fonts)
        for (const ImFontGlyph& g : f->Glyphs)
            if (g.Visible) {
                by_uv[uv_key(g.U0, g.V0)] = {f, &g};
                all.push_back({f, &g});
            }
    std::vector<DrawnRun> runs;
    for (ImGuiWindow* w : GImGui->Windows) {
        if (!w->Active || w->Hidden || !w->DrawList) continue;
        const ImDrawList& dl = *w->DrawList;
        for (const ImDrawCmd& cmd : dl.CmdBuffer) {
            if (cmd.UserCallback || cmd.ElemCount == 0) continue;
            unsigned lo = ~0u, hi = 0;
            for (unsigned i = cmd.IdxOffset; i < cmd.IdxOffset + cmd.ElemCount; ++i) {
                const unsigned v = dl.IdxBuffer[static_cast<int>(i)] + cmd.VtxOffset;
                lo = std::min(lo, v);
                hi = std::max(hi, v);
            }
            const ImVec4 clip = cmd.ClipRect;
            DrawnRun run;
            float last_x1 = 0, last_top = 0, last_size = 0;
            auto flush = [&] {
                if (!run.text.empty()) runs.push_back(run);
                run = DrawnRun{};
            };
            for (unsigned i = lo; i + 3 <= hi; ++i) {
                const ImDrawVert* q = &dl.VtxBuffer[static_cast<int>(i)];
                const bool quad = q[0].uv.y == q[1].uv.y && q[1].uv.x == q[2].uv.x && q[2].uv.y == q[3].uv.y &&
                                  q[3].uv.x == q[0].uv.x && q[0].uv.x < q[1].uv.x && q[0].uv.y < q[3].uv.y &&
                                  q[0].pos.y == q[1].pos.y && q[0].pos.x == q[3].pos.x;
                if (!quad) continue;
                GlyphRef ref{nullptr, nullptr};
                bool partial = false;
                if (auto it = by_uv.find(uv_key(q[0].uv.x, q[0].uv.y)); it != by_uv.end()) {
                    ref = it->second;
                    partial = q[2].uv.x != ref.glyph->U1 || q[2].uv.y != ref.glyph->V1;
                    partial = partial && cut_px(q, *ref.glyph) > 1.0f;
                } else {
                    // Cut on the CPU (RenderTextClipped): a part of some glyph's image.
                    const float cu = (q[0].uv.x + q[2].uv.x) / 2, cv = (q[0].uv.y + q[2].uv.y) / 2;
                    for (const GlyphRef& g : all)
                        if (cu > g.glyph->U0 && cu < g.glyph->U1 && cv > g.glyph->V0 && cv < g.glyph->V1) {
                            ref = g;
                            partial = cut_px(q, *g.glyph) > 1.0f;
                            break;
                        }
                }
                if (!ref.glyph) continue;  // not a glyph (the baked lines' texture, the white pixel)
                const ImVec2 a = q[0].pos, b = q[2].pos;
                // The line's top from the glyph's offset, the glyph's scale from its quad.
                const float gw = ref.glyph->X1 - ref.glyph->X0;
                const float scale = !partial && gw > 0 ? (b.x - a.x) / gw : 1.0f;
                const float size = ref.font->FontSize * scale;
                const float top = a.y - ref.glyph->Y0 * scale;
                const bool same_line = !run.text.empty() && std::fabs(top - last_top) < 0.5f * size &&
                                       a.x >= last_x1 - 0.3f * size && a.x - last_x1 < 0.9f * size;
                if (!run.text.empty() && !same_line) flush();
                if (run.text.empty()) {
                    run.window = w->Name;
                    run.min = a;
                    run.max = b;
                } else if (a.x - last_x1 > 0.18f * size) {
                    run.text += ' ';
                }
                append_utf8(run.text, ref.glyph->Codepoint);
                run.min = ImVec2(std::min(run.min.x, a.x), std::min(run.min.y, a.y));
                run.max = ImVec2(std::max(run.max.x, b.x), std::max(run.max.y, b.y));
                last_x1 = b.x;
                last_top = top;
                last_size = size;
                // A glyph's image has a faint pixel or two of edge (more for a large font, and the
                // hook of a "j" reaches left of where its text starts): only more counts as cut.
                const float eps = std::max(1.0f, 0.06f * size);
                // Left: where the glyph's advance starts (not the hook of a "j" reaching back).
                const float origin = a.x - ref.glyph->X0 * scale;
                const bool left = origin < clip.x - eps, right = b.x > clip.z + eps;
                const bool above = a.y < clip.y - eps, below = b.y > clip.w + eps;
                const bool outside = b.x <= clip.x || a.x >= clip.z || b.y <= clip.y || a.y >= clip.w;
                std::string how;
                if (!outside) run.seen = true;
                if (outside) {
                    how = "";  // not seen at all (e.g. scrolled away)
                } else if (left || right) {
                    if (!w->ScrollbarX) how = right ? "right edge" : "left edge";
                } else if (above || below) {
                    if (!w->ScrollbarY) how = below ? "bottom edge" : "top edge";
                } else if (partial) {
                    // Which way ImGui cut it: a narrower image is cut at a side, a shorter one at
                    // the top or bottom (a row half scrolled into view).
                    const bool sides = q[0].uv.x != ref.glyph->U0 || q[2].uv.x != ref.glyph->U1;
                    if (sides && !w->ScrollbarX) how = "cut mid-glyph at a side";
                    else if (!sides && !w->ScrollbarY) how = "cut mid-glyph at the top or bottom";
                }
                if (!how.empty() && !run.cut) {
                    run.cut = true;
                    run.how = how;
                }
                i += 3;
            }
            (void)last_size;
            flush();
        }
    }
    return runs;
}

}  // namespace pilotdeck::test
