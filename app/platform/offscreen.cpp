#include "platform/offscreen.hpp"

#include <cerrno>
#include <cstring>
#include <filesystem>

#include <GL/gl.h>
#include <GL/glext.h>
#include <stb_image_write.h>  // implementation in libstb

namespace pilotdeck::platform {

OffscreenTarget::OffscreenTarget(int width, int height) : width_(width), height_(height) {
    glGenFramebuffers(1, &fbo_);
    glGenTextures(1, &colour_);
    glBindTexture(GL_TEXTURE_2D, colour_);
    glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA8, width, height, 0, GL_RGBA, GL_UNSIGNED_BYTE, nullptr);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_NEAREST);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_NEAREST);
    glBindTexture(GL_TEXTURE_2D, 0);
    glBindFramebuffer(GL_FRAMEBUFFER, fbo_);
    glFramebufferTexture2D(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_TEXTURE_2D, colour_, 0);
    ok_ = glCheckFramebufferStatus(GL_FRAMEBUFFER) == GL_FRAMEBUFFER_COMPLETE;
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
}

OffscreenTarget::~OffscreenTarget() {
    glDeleteFramebuffers(1, &fbo_);
    glDeleteTextures(1, &colour_);
}

void OffscreenTarget::bind() { glBindFramebuffer(GL_FRAMEBUFFER, fbo_); }
void OffscreenTarget::unbind() { glBindFramebuffer(GL_FRAMEBUFFER, 0); }

std::vector<std::uint8_t> OffscreenTarget::read_rgba() const {
    const std::size_t row = static_cast<std::size_t>(width_) * 4;
    std::vector<std::uint8_t> bottom_up(row * static_cast<std::size_t>(height_));
    glBindFramebuffer(GL_READ_FRAMEBUFFER, fbo_);
    glPixelStorei(GL_PACK_ALIGNMENT, 1);
    glReadPixels(0, 0, width_, height_, GL_RGBA, GL_UNSIGNED_BYTE, bottom_up.data());
    glBindFramebuffer(GL_READ_FRAMEBUFFER, 0);
    std::vector<std::uint8_t> top_down(bottom_up.size());
    for (int y = 0; y < height_; ++y)
        std::memcpy(&top_down[static_cast<std::size_t>(y) * row],
                    &bottom_up[static_cast<std::size_t>(height_ - 1 - y) * row], row);
    for (std::size_t i = 3; i < top_down.size(); i += 4) top_down[i] = 255;  // opaque
    return top_down;
}

bool write_png(const std::string& path, int width, int height, const std::vector<std::uint8_t>& rgba,
               std::string& error) {
    namespace fs = std::filesystem;
    // Written beside the target and renamed, so a failure never leaves half a PNG.
    const fs::path target(path);
    fs::path tmp = target;
    tmp += ".tmp-png";
    if (!stbi_write_png(tmp.c_str(), width, height, 4, rgba.data(), width * 4)) {
        error = path + ": cannot write the PNG (" + std::strerror(errno) + ")";
        std::error_code ec;
        fs::remove(tmp, ec);
        return false;
    }
    std::error_code ec;
    fs::rename(tmp, target, ec);
    if (ec) {
        error = path + ": cannot write the PNG (" + ec.message() + ")";
        fs::remove(tmp, ec);
        return false;
    }
    return true;
}

}  // namespace pilotdeck::platform
