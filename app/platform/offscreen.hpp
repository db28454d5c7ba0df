// An off-screen render target of a fixed size, so a screenshot does not depend on the
// (hidden) window's size, and PNG output.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace pilotdeck::platform {

class OffscreenTarget {
public:
    // Needs a current GL context. Check ok() afterwards.
    OffscreenTarget(int width, int height);
    ~OffscreenTarget();
    OffscreenTarget(const OffscreenTarget&) = delete;
    OffscreenTarget& operator=(const OffscreenTarget&) = delete;

    bool ok() const { return ok_; }
    void bind();    // draw into it
    void unbind();  // back to the window
    // RGBA pixels, top row first.
    std::vector<std::uint8_t> read_rgba() const;
    int width() const { return width_; }
    int height() const { return height_; }

private:
    int width_ = 0, height_ = 0;
    unsigned fbo_ = 0, colour_ = 0;
    bool ok_ = false;
};

// Writes RGBA pixels (top row first) as PNG. Returns false and sets `error` on failure.
bool write_png(const std::string& path, int width, int height, const std::vector<std::uint8_t>& rgba,
               std::string& error);

}  // namespace pilotdeck::platform
