#include "base/i18n.hpp"
#include "base/shipped.hpp"

#include <libintl.h>

#include <memory>

#include "base/mo_catalogue.hpp"

#include <array>
#include <atomic>
#include <cctype>
#include <clocale>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <mutex>
#include <system_error>
#include <vector>

// glibc's catalogue cache counter: incrementing it makes gettext forget the translations it
// looked up for the previous LANGUAGE (the GNU gettext manual's way to switch at run time).
extern "C" int _nl_msg_cat_cntr;

namespace pilotdeck::i18n {

namespace {

constexpr const char* kDomain = "pilotdeck";

std::atomic<int> g_language{static_cast<int>(Language::En)};
std::atomic<unsigned> g_generation{0};
std::atomic<int> g_override{-1};
std::once_flag g_bound;

bool has_catalogue(const std::filesystem::path& dir) {
    std::error_code ec;
    return std::filesystem::is_regular_file(dir / "nl" / "LC_MESSAGES" / "pilotdeck.mo", ec);
}

void bind_catalogues() {
    // gettext ignores LANGUAGE while LC_MESSAGES is "C"; C.UTF-8 is always there (glibc >= 2.35)
    // and leaves numbers, collation and character classes alone (only LC_MESSAGES changes).
    if (std::setlocale(LC_MESSAGES, "C.UTF-8") == nullptr) std::setlocale(LC_MESSAGES, "C.utf8");
    const std::string dir = catalogue_dir();
    bindtextdomain(kDomain, dir.c_str());
    bind_textdomain_codeset(kDomain, "UTF-8");
}

std::string lower_ascii(std::string_view s) {
    std::string out(s);
    for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

}  // namespace

std::string_view code(Language lang) {
    switch (lang) {
        case Language::En: return "en";
        case Language::Nl: return "nl";
        case Language::De: return "de";
    }
    return "en";
}

std::string_view native_name(Language lang) {
    switch (lang) {
        case Language::En: return "English";
        case Language::Nl: return "Nederlands";
        case Language::De: return "Deutsch";
    }
    return "English";
}

std::string_view language_codes() { return "en, nl, de"; }

std::optional<Language> parse_language(std::string_view tag) {
    // The primary language subtag: up to the first '-', '_', '.' or '@'.
    const std::size_t end = tag.find_first_of("-_.@");
    const std::string primary = lower_ascii(tag.substr(0, end));
    if (end != std::string_view::npos && end + 1 >= tag.size()) return std::nullopt;  // "nl-" is no tag
    if (primary == "en") return Language::En;
    if (primary == "nl") return Language::Nl;
    if (primary == "de") return Language::De;
    return std::nullopt;
}

std::optional<Language> from_accept_language(std::string_view header) {
    std::optional<Language> best;
    double best_q = 0;
    while (!header.empty()) {
        const std::size_t comma = header.find(',');
        std::string_view item = header.substr(0, comma);
        header = comma == std::string_view::npos ? std::string_view() : header.substr(comma + 1);
        double q = 1.0;
        const std::size_t semi = item.find(';');
        if (semi != std::string_view::npos) {
            std::string_view params = item.substr(semi + 1);
            item = item.substr(0, semi);
            const std::size_t qpos = params.find("q=");
            if (qpos != std::string_view::npos) {
                const std::string value(params.substr(qpos + 2, 5));
                char* end = nullptr;
                q = std::strtod(value.c_str(), &end);
                if (end == value.c_str() || q < 0 || q > 1) q = 0;
            }
        }
        while (!item.empty() && (item.front() == ' ' || item.front() == '\t')) item.remove_prefix(1);
        while (!item.empty() && (item.back() == ' ' || item.back() == '\t')) item.remove_suffix(1);
        const auto lang = parse_language(item);
        if (lang && q > best_q) {
            best = lang;
            best_q = q;
        }
    }
    return best;
}

Language system_language() {
    if (const char* v = std::getenv("LANGUAGE"); v && *v) {
        std::string_view list(v);
        while (!list.empty()) {
            const std::size_t colon = list.find(':');
            if (auto lang = parse_language(list.substr(0, colon))) return *lang;
            if (colon == std::string_view::npos) break;
            list.remove_prefix(colon + 1);
        }
    }
    for (const char* name : {"LC_ALL", "LC_MESSAGES", "LANG"}) {
        if (const char* v = std::getenv(name); v && *v) return parse_language(v).value_or(Language::En);
    }
    return Language::En;
}

void set_override(std::optional<Language> lang) {
    g_override.store(lang ? static_cast<int>(*lang) : -1, std::memory_order_release);
}

std::optional<Language> override_language() {
    const int v = g_override.load(std::memory_order_acquire);
    if (v < 0) return std::nullopt;
    return static_cast<Language>(v);
}

Language resolve_language(std::string_view workshop_language) {
    if (auto forced = override_language()) return *forced;
    if (auto lang = parse_language(workshop_language)) return *lang;
    return system_language();
}

Language language() { return static_cast<Language>(g_language.load(std::memory_order_acquire)); }

unsigned generation() { return g_generation.load(std::memory_order_acquire); }

void set_language(Language lang) {
    std::call_once(g_bound, bind_catalogues);
    // Our LANGUAGE names exactly one language, so gettext never falls back to another one.
    setenv("LANGUAGE", std::string(code(lang)).c_str(), 1);
    ++_nl_msg_cat_cntr;
    g_language.store(static_cast<int>(lang), std::memory_order_release);
    g_generation.fetch_add(1, std::memory_order_acq_rel);
}

std::string catalogue_dir() {
    namespace fs = std::filesystem;
    if (const char* v = std::getenv("PILOTDECK_LOCALE_DIR"); v && *v) return v;
    std::vector<fs::path> candidates;
#ifdef PILOTDECK_BUILD_LOCALE_DIR
    candidates.emplace_back(PILOTDECK_BUILD_LOCALE_DIR);
#endif
    std::error_code ec;
    if (const std::string exe = base::executable_dir(); !exe.empty()) candidates.push_back(fs::path(exe) / ".." / "share" / "locale");
#ifdef PILOTDECK_INSTALL_LOCALE_DIR
    candidates.emplace_back(PILOTDECK_INSTALL_LOCALE_DIR);
#endif
    for (const auto& dir : candidates)
        if (has_catalogue(dir)) return fs::weakly_canonical(dir, ec).string();
    return candidates.empty() ? std::string("/usr/share/locale") : candidates.back().string();
}

const char* tr(const char* msgid) {
    if (language() == Language::En) return msgid;
    return dgettext(kDomain, msgid);
}

const char* ntr(const char* singular, const char* plural, unsigned long n) {
    if (language() == Language::En) return n == 1 ? singular : plural;
    return dngettext(kDomain, singular, plural, n);
}

const char* trc(const char* context, const char* msgid) {
    if (language() == Language::En) return msgid;
    // gettext's pgettext: the catalogue key is "context\004msgid"; untranslated -> msgid.
    thread_local std::string key;
    key.assign(context).append(1, '\004').append(msgid);
    const char* found = dgettext(kDomain, key.c_str());
    return found == key.c_str() ? msgid : found;
}

namespace {

const MoCatalogue& catalogue_of(Language lang) {
    static std::once_flag once[3];
    static std::unique_ptr<MoCatalogue> catalogues[3];
    const auto i = static_cast<std::size_t>(lang);
    std::call_once(once[i], [&] {
        catalogues[i] = std::make_unique<MoCatalogue>(catalogue_dir() + "/" + std::string(code(lang)) +
                                                      "/LC_MESSAGES/pilotdeck.mo");
    });
    return *catalogues[i];
}

}  // namespace

const char* tr_in(Language lang, const char* msgid) {
    if (lang == Language::En) return msgid;
    const std::string* found = catalogue_of(lang).find(msgid);
    return found ? found->c_str() : msgid;
}

const char* ntr_in(Language lang, const char* singular, const char* plural, unsigned long n) {
    if (lang != Language::En) {
        const MoCatalogue& cat = catalogue_of(lang);
        if (const auto* forms = cat.find_plural(singular)) {
            const std::size_t i = cat.plural_index(n);
            if (i < forms->size() && !(*forms)[i].empty()) return (*forms)[i].c_str();
        }
    }
    return n == 1 ? singular : plural;
}

std::string format(std::string_view pattern, std::initializer_list<std::string_view> args) {
    std::string out;
    out.reserve(pattern.size() + 16 * args.size());
    for (std::size_t i = 0; i < pattern.size(); ++i) {
        const char c = pattern[i];
        if (c == '{' && i + 1 < pattern.size() && pattern[i + 1] == '{') {
            out += '{';
            ++i;
            continue;
        }
        if (c == '{' && i + 2 < pattern.size() && std::isdigit(static_cast<unsigned char>(pattern[i + 1])) &&
            pattern[i + 2] == '}') {
            const auto index = static_cast<std::size_t>(pattern[i + 1] - '0');
            if (index < args.size()) {
                out += *(args.begin() + index);
                i += 2;
                continue;
            }
        }
        out += c;
    }
    return out;
}

std::string number(double value, int decimals, Language lang) {
    if (decimals < 0) decimals = 0;
    if (decimals > 9) decimals = 9;
    const double scale = std::pow(10.0, decimals);
    double rounded = std::round(value * scale) / scale;  // half away from zero
    if (rounded == 0.0) rounded = 0.0;                   // no "-0.00"
    std::array<char, 64> buf{};
    std::snprintf(buf.data(), buf.size(), "%.*f", decimals, rounded);
    std::string out(buf.data());
    if (lang != Language::En) {
        // snprintf follows LC_NUMERIC, which pilotdeck never changes from "C": the point is ours.
        for (char& ch : out)
            if (ch == '.') ch = ',';
    }
    return out;
}

std::string number(double value, int decimals) { return number(value, decimals, language()); }

std::string integer(long long value) { return std::to_string(value); }

std::string unknown_language_message(std::string_view tag) {
    return format(tr("unknown language \"{0}\" (the languages are {1})"), {tag, language_codes()});
}

}  // namespace pilotdeck::i18n
