// Local dates and times as text.
#pragma once

#include <ctime>
#include <string>

namespace pilotdeck::base {

// Today in local time, "YYYY-MM-DD".
std::string today_iso();
// `t` in local time as "YYYYMMDD-HHMMSS" (file names of backups).
std::string compact_stamp(std::time_t t);

}  // namespace pilotdeck::base
