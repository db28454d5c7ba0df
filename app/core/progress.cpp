#include "core/progress.hpp"

#include <charconv>
#include <cmath>
#include <string>

namespace pilotdeck::core {

std::optional<MeasureValue> latest_value(const Measure& m) {
    const MeasureValue* latest = nullptr;
    for (const MeasureValue& v : m.values)
        if (!latest || v.date >= latest->date) latest = &v;  // YYYY-MM-DD sorts as text; ties: entered last
    if (!latest) return std::nullopt;
    return *latest;
}

std::optional<double> progress(const Measure& m) {
    const auto latest = latest_value(m);
    if (!latest || m.target == m.baseline) return std::nullopt;
    return (latest->value - m.baseline) / (m.target - m.baseline);
}

double round3(double x) {
    // Beyond 1e12 a double has no room for 3 decimals anyway.
    if (!std::isfinite(x) || std::fabs(x) >= 1e12) return x;
    char buf[64];
    const auto written = std::to_chars(buf, buf + sizeof buf, std::fabs(x), std::chars_format::fixed);
    const std::string text(buf, written.ptr);  // shortest digits that read back as |x|
    const std::size_t dot = text.find('.');
    if (dot == std::string::npos || text.size() - dot - 1 <= 3) return x;
    long long thousandths = std::stoll(text.substr(0, dot)) * 1000 + std::stoll(text.substr(dot + 1, 3));
    if (text[dot + 4] >= '5') ++thousandths;  // half (or more) away from zero
    const double rounded = static_cast<double>(thousandths) / 1000.0;
    return x < 0 ? -rounded : rounded;
}

std::optional<double> worry_share(int count, std::size_t participants) {
    if (participants == 0) return std::nullopt;
    return static_cast<double>(count) / static_cast<double>(participants);
}

}  // namespace pilotdeck::core
