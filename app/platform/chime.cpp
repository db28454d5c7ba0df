#include "platform/chime.hpp"

#include <dlfcn.h>

#include <canberra.h>

namespace pilotdeck::platform {

namespace {

// ALSA's error handler: libcanberra's ALSA backend opens the default device, and where there is no
// sound card ALSA prints a dozen lines of its configuration's complaints on stderr. The handler
// is ALSA's own global; libasound is opened here (no build dependency on its headers) so that the
// backend, loaded later, finds the quiet one in place. What went wrong still comes back from
// ca_context_play (play() returns it; the caller says it once).
void quiet_alsa(const char*, int, const char*, int, const char*, ...) {}

void silence_alsa() {
    void* alsa = dlopen("libasound.so.2", RTLD_LAZY | RTLD_GLOBAL);
    if (!alsa) return;  // no ALSA: nothing to silence (kept open: the backend uses it)
    using Handler = void (*)(const char*, int, const char*, int, const char*, ...);
    using SetHandler = int (*)(Handler);
    if (const auto set = reinterpret_cast<SetHandler>(dlsym(alsa, "snd_lib_error_set_handler"))) set(&quiet_alsa);
}

}  // namespace

Chime::Chime() {
    silence_alsa();
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
