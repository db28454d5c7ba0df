// The countdown's chime: a desktop sound through libcanberra (the freedesktop sound theme's
// "bell" at one minute left, "complete" at zero), played on libcanberra's own thread. A machine
// without sound hardware or sound server simply stays silent; play() never blocks or throws.
#pragma once

#include <string>

struct ca_context;

namespace pilotdeck::platform {

enum class ChimeSound { OneMinute, Zero };

class Chime {
public:
    Chime();
    ~Chime();
    Chime(const Chime&) = delete;
    Chime& operator=(const Chime&) = delete;

    // Asks for the sound; returns "" or why it could not be played (no sound device...).
    std::string play(ChimeSound sound);
    // The chimes asked for so far, heard or not (for tests and the trace).
    unsigned long played() const { return played_; }

private:
    ca_context* context_ = nullptr;
    std::string error_;  // why there is no context
    unsigned long played_ = 0;
};

}  // namespace pilotdeck::platform
