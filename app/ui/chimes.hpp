// The countdown's chime (settings: off by default): one minute left and zero, for every running
// stage countdown, through platform::Chime (libcanberra). The moments are found here, from the
// countdowns' seconds between two calls; the sound is the platform's.
#pragma once

#include <vector>

#include "core/timer.hpp"
#include "platform/chime.hpp"

namespace pilotdeck::ui {

// The chime moments since the last call: a running countdown passing one minute left (from
// more than 60 seconds to 60 or fewer, above zero) or zero (from above to zero or below). `last`
// keeps each countdown's seconds between calls; a paused, reset or lengthened countdown only
// updates it, so pausing, resetting or +1 min never chime by themselves.
std::vector<platform::ChimeSound> countdown_moments(std::vector<long long>& last,
                                                    const std::vector<core::Countdown>& timers);

class Chimes {
public:
    // Once per loop: the moments, played when `on`. Returns them (played or not). The first
    // chime that cannot be heard (no sound device, no sound theme) says why in one stderr line;
    // later ones are silent, and with the chime off nothing is ever said.
    std::vector<platform::ChimeSound> tend(const std::vector<core::Countdown>& timers, bool on);
    const platform::Chime& chime() const { return chime_; }

private:
    std::vector<long long> last_;
    platform::Chime chime_;
    bool told_ = false;  // the one line about a silent chime was written
};

}  // namespace pilotdeck::ui
