#include "server/qr.hpp"

#include <memory>
#include <stdexcept>

#include <qrencode.h>

namespace pilotdeck::server {

QrMatrix qr_matrix(const std::string& text) {
    std::unique_ptr<QRcode, decltype(&QRcode_free)> code(
        QRcode_encodeString8bit(text.c_str(), 0, QR_ECLEVEL_M), &QRcode_free);
    if (!code) throw std::runtime_error("cannot make a QR code of \"" + text + "\"");
    QrMatrix m;
    m.size = code->width;
    const std::size_t n = static_cast<std::size_t>(code->width) * static_cast<std::size_t>(code->width);
    m.dark.resize(n);
    for (std::size_t i = 0; i < n; ++i) m.dark[i] = (code->data[i] & 1u) != 0;
    return m;
}

}  // namespace pilotdeck::server
