#include "platform/mip_update.hpp"

#include <algorithm>
#include <tuple>

#include <GL/gl.h>
#include <GL/glext.h>

namespace pilotdeck::platform {

void update_mips(unsigned texture, int w, int h, int x0, int y0, int x1, int y1, unsigned (&fbos)[2]) {
    if (!fbos[0]) glGenFramebuffers(2, fbos);
    GLint read = 0, draw = 0;
    glGetIntegerv(GL_READ_FRAMEBUFFER_BINDING, &read);
    glGetIntegerv(GL_DRAW_FRAMEBUFFER_BINDING, &draw);
    glBindFramebuffer(GL_READ_FRAMEBUFFER, fbos[0]);
    glBindFramebuffer(GL_DRAW_FRAMEBUFFER, fbos[1]);
    for (int level = 1; w > 1 || h > 1; ++level) {
        const int nw = std::max(1, w / 2), nh = std::max(1, h / 2);
        // The rectangle at this level, a texel wider on each side (the filter reaches that far).
        const int nx0 = std::max(0, x0 / 2 - 1), ny0 = std::max(0, y0 / 2 - 1);
        const int nx1 = std::min(nw, (x1 + 1) / 2 + 1), ny1 = std::min(nh, (y1 + 1) / 2 + 1);
        glFramebufferTexture2D(GL_READ_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_TEXTURE_2D, texture, level - 1);
        glFramebufferTexture2D(GL_DRAW_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_TEXTURE_2D, texture, level);
        glBlitFramebuffer(nx0 * w / nw, ny0 * h / nh, nx1 * w / nw, ny1 * h / nh, nx0, ny0, nx1, ny1, GL_COLOR_BUFFER_BIT,
                          GL_LINEAR);
        std::tie(w, h, x0, y0, x1, y1) = std::tuple{nw, nh, nx0, ny0, nx1, ny1};  // one level down
    }
    glBindFramebuffer(GL_READ_FRAMEBUFFER, static_cast<GLuint>(read));
    glBindFramebuffer(GL_DRAW_FRAMEBUFFER, static_cast<GLuint>(draw));
}

void release_mip_fbos(unsigned (&fbos)[2]) {
    if (fbos[0]) glDeleteFramebuffers(2, fbos);
    fbos[0] = fbos[1] = 0;
}

}  // namespace pilotdeck::platform
