#include "ui/chimes.hpp"

#include <iostream>

#include "base/i18n.hpp"

namespace pilotdeck::ui {

namespace {
constexpr long long kWarningSeconds = 60;
}

std::vector<platform::ChimeSound> countdown_moments(std::vector<long long>& last,
                                                    const std::vector<core::Countdown>& timers) {
    std::vector<platform::ChimeSound> out;
    if (last.size() != timers.size()) {  // other stages (another workshop): start from now
        last.clear();
        for (const auto& t : timers) last.push_back(t.remaining_seconds());
        return out;
    }
    for (std::size_t i = 0; i < timers.size(); ++i) {
        const long long now = timers[i].remaining_seconds();
        const long long before = last[i];
        last[i] = now;
        if (!timers[i].running()) continue;
        if (before > kWarningSeconds && now <= kWarningSeconds && now > 0) out.push_back(platform::ChimeSound::OneMinute);
        if (before > 0 && now <= 0) out.push_back(platform::ChimeSound::Zero);
    }
    return out;
}

std::vector<platform::ChimeSound> Chimes::tend(const std::vector<core::Countdown>& timers, bool on) {
    std::vector<platform::ChimeSound> moments = countdown_moments(last_, timers);
    if (on)
        for (const platform::ChimeSound s : moments) {
            const std::string why = chime_.play(s);  // silent where there is no sound
            if (!why.empty() && !told_) {
                std::cerr << "pilotdeck: " << i18n::format(i18n::tr("the countdown chime cannot be heard ({0})"), {why}) << "\n";
                told_ = true;
            }
        }
    return moments;
}

}  // namespace pilotdeck::ui
