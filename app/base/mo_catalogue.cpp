#include "base/mo_catalogue.hpp"

#include <cstdint>
#include <cstring>
#include <fstream>

namespace pilotdeck::i18n {

namespace {

constexpr std::uint32_t kMagic = 0x950412de;
constexpr std::uint32_t kMagicSwapped = 0xde120495;

std::uint32_t swap32(std::uint32_t v) {
    return ((v & 0xffU) << 24) | ((v & 0xff00U) << 8) | ((v >> 8) & 0xff00U) | (v >> 24);
}

}  // namespace

MoCatalogue::MoCatalogue(const std::string& path) {
    std::ifstream in(path, std::ios::binary | std::ios::ate);
    if (!in) return;
    const std::streamoff size = in.tellg();
    if (size <= 0 || size > (std::streamoff{64} << 20)) return;  // our catalogues are a few kB
    std::string data(static_cast<std::size_t>(size), '\0');
    in.seekg(0);
    if (!in.read(data.data(), size)) return;
    if (data.size() < 28) return;
    auto raw = [&](std::size_t off) {
        std::uint32_t v = 0;
        std::memcpy(&v, data.data() + off, sizeof v);
        return v;
    };
    const std::uint32_t magic = raw(0);
    if (magic != kMagic && magic != kMagicSwapped) return;
    const bool swapped = magic == kMagicSwapped;
    auto word = [&](std::size_t off) { return swapped ? swap32(raw(off)) : raw(off); };
    const std::size_t count = word(8), originals = word(12), translations = word(16);
    if (originals + count * 8 > data.size() || translations + count * 8 > data.size()) return;
    auto string_at = [&](std::size_t table, std::size_t i, std::string_view& out) {
        const std::size_t len = word(table + i * 8), off = word(table + i * 8 + 4);
        if (off > data.size() || len > data.size() - off) return false;
        out = std::string_view(data).substr(off, len);
        return true;
    };
    for (std::size_t i = 0; i < count; ++i) {
        std::string_view key, value;
        if (!string_at(originals, i, key) || !string_at(translations, i, value)) return;
        if (key.empty()) {  // the header: Plural-Forms
            const std::size_t p = value.find("plural=");
            if (p != std::string_view::npos) {
                const std::string_view expr = value.substr(p + 7, value.find(';', p) - p - 7);
                zero_is_singular_ = expr.find("n > 1") != std::string_view::npos ||
                                    expr.find("n>1") != std::string_view::npos;
                one_is_singular_ = true;
            }
            continue;
        }
        const std::size_t nul = key.find('\0');
        if (nul == std::string_view::npos) {
            singles_.emplace(std::string(key), std::string(value));
            continue;
        }
        std::vector<std::string> forms;
        std::size_t start = 0;
        while (start <= value.size()) {
            const std::size_t end = value.find('\0', start);
            forms.emplace_back(value.substr(start, end == std::string_view::npos ? value.npos : end - start));
            if (end == std::string_view::npos) break;
            start = end + 1;
        }
        plurals_.emplace(std::string(key.substr(0, nul)), std::move(forms));
    }
}

const std::string* MoCatalogue::find(std::string_view key) const {
    const auto it = singles_.find(std::string(key));
    return it == singles_.end() || it->second.empty() ? nullptr : &it->second;
}

const std::vector<std::string>* MoCatalogue::find_plural(std::string_view singular) const {
    const auto it = plurals_.find(std::string(singular));
    return it == plurals_.end() ? nullptr : &it->second;
}

std::size_t MoCatalogue::plural_index(unsigned long n) const {
    if (n == 1 && one_is_singular_) return 0;
    if (n == 0 && zero_is_singular_) return 0;
    return 1;
}

}  // namespace pilotdeck::i18n
