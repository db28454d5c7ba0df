#include "platform/chime.hpp"

#include <canberra.h>

namespace pilotdeck::platform {

Chime::Chime() {
    if (const int r = ca_context_create(&context_); r != CA_SUCCESS) {
        error_ = ca_strerror(r);
        context_ = nullptr;
        return;
    }
    ca_context_change_props(context_, CA_PROP_APPLICATION_NAME, "pilotdeck", CA_PROP_APPLICATION_ID,
                            "org.pilotdeck.Pilotdeck", nullptr);
}

Chime::~Chime() {
    if (context_) ca_context_destroy(context_);
}

std::string Chime::play(ChimeSound sound) {
    ++played_;
    if (!context_) return error_;
    const bool zero = sound == ChimeSound::Zero;
    const int r = ca_context_play(context_, 0, CA_PROP_EVENT_ID, zero ? "complete" : "bell",
                                  CA_PROP_EVENT_DESCRIPTION, zero ? "Countdown at zero" : "One minute left", nullptr);
    return r == CA_SUCCESS ? std::string() : std::string(ca_strerror(r));
}

}  // namespace pilotdeck::platform
