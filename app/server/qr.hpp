// The QR code of the phone address, for the GUI to draw (the GUI draws the modules itself).
#pragma once

#include <string>
#include <vector>

namespace pilotdeck::server {

struct QrMatrix {
    int size = 0;                 // modules per side (21, 25, ...), without the quiet zone
    std::vector<bool> dark;       // size*size, row-major: dark[y * size + x]
    bool at(int x, int y) const { return dark[static_cast<std::size_t>(y * size + x)]; }
};

// Encodes `text` (8-bit mode, error correction level M). Throws std::runtime_error when the
// text cannot be encoded (too long). Draw with a quiet zone of 4 light modules around it.
QrMatrix qr_matrix(const std::string& text);

}  // namespace pilotdeck::server
