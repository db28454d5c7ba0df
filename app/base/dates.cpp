#include "base/dates.hpp"

namespace pilotdeck::base {
namespace {

std::tm local_tm(std::time_t t) {
    std::tm tm{};
    localtime_r(&t, &tm);
    return tm;
}

}  // namespace

std::string today_iso() {
    const std::tm tm = local_tm(std::time(nullptr));
    char buf[32];
    return std::string(buf, std::strftime(buf, sizeof buf, "%Y-%m-%d", &tm));
}

std::string compact_stamp(std::time_t t) {
    const std::tm tm = local_tm(t);
    char buf[32];
    return std::string(buf, std::strftime(buf, sizeof buf, "%Y%m%d-%H%M%S", &tm));
}

}  // namespace pilotdeck::base
