#include "server/messages.hpp"

#include <atomic>

#include <nlohmann/json.hpp>

namespace pilotdeck::server {

namespace {

std::atomic<int> g_workshop_language{static_cast<int>(i18n::Language::En)};
std::atomic<bool> g_from_phone{false};

}  // namespace

void set_phone_languages(i18n::Language workshop, bool from_phone) {
    g_workshop_language.store(static_cast<int>(workshop), std::memory_order_relaxed);
    g_from_phone.store(from_phone, std::memory_order_relaxed);
}

void set_phone_language_from_phone(bool from_phone) { g_from_phone.store(from_phone, std::memory_order_relaxed); }

i18n::Language phone_language(const char* accept_language) {
    if (accept_language && g_from_phone.load(std::memory_order_relaxed))
        if (auto lang = i18n::from_accept_language(accept_language)) return *lang;
    return static_cast<i18n::Language>(g_workshop_language.load(std::memory_order_relaxed));
}

std::string error_body(const std::string& text) {
    return nlohmann::json{{"error", text}}.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::string error_text(const char* pattern, const std::vector<std::string>& a) {
    if (a.empty()) return pattern;
    const std::string_view none;
    return i18n::format(pattern, {a[0], a.size() > 1 ? std::string_view(a[1]) : none, a.size() > 2 ? std::string_view(a[2]) : none});
}

Reply in_language(const Reply& r, i18n::Language lang) {
    if (!r.error || lang == i18n::Language::En) return r;
    Reply out = r;
    out.body = error_body(error_text(i18n::tr_in(lang, r.error), r.error_args));
    return out;
}

}  // namespace pilotdeck::server
