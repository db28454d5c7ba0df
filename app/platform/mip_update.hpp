// The smaller sizes (mipmap levels) of a texture brought up to date for one changed rectangle
// only: the presenter's preview of the room samples them, and glGenerateMipmap would read the
// whole 1920x1080 picture again for every countdown tick (a software renderer's main cost with
// two windows).
#pragma once

namespace pilotdeck::platform {

// Level 0 of `texture` (w x h, all levels allocated) changed in [x0, x1) x [y0, y1) (GL
// coordinates, from the bottom left): each smaller level is drawn again there from the one above
// it, halving with a linear filter (a 2x2 average). `fbos`: two framebuffer names, made on first
// use; the current framebuffer and texture bindings are kept.
void update_mips(unsigned texture, int w, int h, int x0, int y0, int x1, int y1, unsigned (&fbos)[2]);
// Deletes the framebuffers update_mips made (with the context current).
void release_mip_fbos(unsigned (&fbos)[2]);

}  // namespace pilotdeck::platform
