// app/base/i18n: language tags, the system language, formatting and the real catalogues
// (the .mo files msgfmt compiled into the build tree).
#include <catch2/catch.hpp>

#include <cstdlib>
#include <map>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "base/i18n.hpp"

namespace i18n = pilotdeck::i18n;
using i18n::Language;

namespace {

// Sets the locale variables for one test and restores them afterwards.
class Env {
public:
    explicit Env(std::map<std::string, std::optional<std::string>> vars) {
        for (const auto& [name, value] : vars) {
            const char* old = std::getenv(name.c_str());
            saved_[name] = old ? std::optional<std::string>(old) : std::nullopt;
            if (value)
                setenv(name.c_str(), value->c_str(), 1);
            else
                unsetenv(name.c_str());
        }
    }
    ~Env() {
        for (const auto& [name, value] : saved_) {
            if (value)
                setenv(name.c_str(), value->c_str(), 1);
            else
                unsetenv(name.c_str());
        }
    }
    Env(const Env&) = delete;
    Env& operator=(const Env&) = delete;

private:
    std::map<std::string, std::optional<std::string>> saved_;
};

std::map<std::string, std::optional<std::string>> locale_vars(std::optional<std::string> language,
                                                              std::optional<std::string> lc_all,
                                                              std::optional<std::string> lc_messages,
                                                              std::optional<std::string> lang) {
    return {{"LANGUAGE", language}, {"LC_ALL", lc_all}, {"LC_MESSAGES", lc_messages}, {"LANG", lang}};
}

}  // namespace

TEST_CASE("language tags and locale names", "[i18n]") {
    CHECK(i18n::parse_language("en") == Language::En);
    CHECK(i18n::parse_language("nl") == Language::Nl);
    CHECK(i18n::parse_language("nl-BE") == Language::Nl);
    CHECK(i18n::parse_language("DE-at") == Language::De);
    CHECK(i18n::parse_language("de_DE.UTF-8") == Language::De);
    CHECK(i18n::parse_language("nl_BE@euro") == Language::Nl);
    CHECK(i18n::parse_language("en-GB") == Language::En);
    CHECK_FALSE(i18n::parse_language("fr"));
    CHECK_FALSE(i18n::parse_language("nld"));
    CHECK_FALSE(i18n::parse_language("C"));
    CHECK_FALSE(i18n::parse_language("POSIX"));
    CHECK_FALSE(i18n::parse_language(""));
    CHECK_FALSE(i18n::parse_language("nl-"));
    CHECK(i18n::code(Language::De) == "de");
    CHECK(i18n::native_name(Language::Nl) == "Nederlands");
}

TEST_CASE("a phone's Accept-Language", "[i18n]") {
    CHECK(i18n::from_accept_language("de-CH") == Language::De);
    CHECK(i18n::from_accept_language("fr-FR, nl-BE;q=0.7, en;q=0.5") == Language::Nl);
    CHECK(i18n::from_accept_language("en;q=0.4, de;q=0.9") == Language::De);
    CHECK(i18n::from_accept_language("nl, de") == Language::Nl);  // equal q: the first
    CHECK(i18n::from_accept_language(" de ; q=0 , en;q=0.1") == Language::En);
    CHECK_FALSE(i18n::from_accept_language("fr, es;q=0.8, *;q=0.1"));
    CHECK_FALSE(i18n::from_accept_language(""));
    CHECK_FALSE(i18n::from_accept_language("nl;q=abc"));
}

TEST_CASE("the system language: LANGUAGE, LC_ALL, LC_MESSAGES, LANG", "[i18n]") {
    {
        Env e(locale_vars(std::nullopt, std::nullopt, std::nullopt, std::nullopt));
        CHECK(i18n::system_language() == Language::En);
    }
    {
        Env e(locale_vars(std::nullopt, std::nullopt, std::nullopt, "nl_BE.UTF-8"));
        CHECK(i18n::system_language() == Language::Nl);
    }
    {
        Env e(locale_vars(std::nullopt, std::nullopt, "de_DE.UTF-8", "nl_NL.UTF-8"));
        CHECK(i18n::system_language() == Language::De);
    }
    {
        Env e(locale_vars(std::nullopt, "C.UTF-8", "de_DE.UTF-8", "nl_NL.UTF-8"));
        CHECK(i18n::system_language() == Language::En);  // LC_ALL decides, and C is English
    }
    {
        Env e(locale_vars("fr:de:nl", "C", std::nullopt, std::nullopt));
        CHECK(i18n::system_language() == Language::De);  // first supported entry of LANGUAGE
    }
    {
        Env e(locale_vars("fr", std::nullopt, std::nullopt, "nl_NL.UTF-8"));
        CHECK(i18n::system_language() == Language::Nl);  // nothing usable in LANGUAGE
    }
    {
        Env e(locale_vars(std::nullopt, std::nullopt, std::nullopt, "de_CH.UTF-8"));
        CHECK(i18n::resolve_language("nl-BE") == Language::Nl);  // the workshop's first
        CHECK(i18n::resolve_language("en") == Language::En);
        CHECK(i18n::resolve_language("fr") == Language::De);     // else the system's
        CHECK(i18n::resolve_language("") == Language::De);
        i18n::set_override(Language::Nl);  // --lang beats both
        CHECK(i18n::resolve_language("en") == Language::Nl);
        CHECK(i18n::resolve_language("fr") == Language::Nl);
        i18n::set_override(std::nullopt);
        CHECK(i18n::resolve_language("en") == Language::En);
    }
}

TEST_CASE("format fills numbered places in any order", "[i18n]") {
    CHECK(i18n::format("{0} of {1}", {"3", "5"}) == "3 of 5");
    CHECK(i18n::format("{1} von {0}", {"5", "3"}) == "3 von 5");
    CHECK(i18n::format("{{0}} {0}", {"x"}) == "{0}} x");
    CHECK(i18n::format("{2} stays", {"a"}) == "{2} stays");
    CHECK(i18n::format("", {}) == "");
}

TEST_CASE("numbers for people follow the language", "[i18n]") {
    CHECK(i18n::number(4.25, 2, Language::En) == "4.25");
    CHECK(i18n::number(4.25, 2, Language::Nl) == "4,25");
    CHECK(i18n::number(4.25, 2, Language::De) == "4,25");
    CHECK(i18n::number(2.005, 2, Language::En) == "2.01");  // half away from zero (2.005 is 2.00499...)
    CHECK(i18n::number(-0.001, 2, Language::De) == "0,00");
    CHECK(i18n::number(3.0, 1, Language::Nl) == "3,0");
    CHECK(i18n::number(1234.5, 0, Language::Nl) == "1235");
    CHECK(i18n::integer(-12) == "-12");
}

TEST_CASE("the compiled catalogues translate at run time", "[i18n]") {
    INFO("catalogues: " << i18n::catalogue_dir());
    i18n::set_language(Language::Nl);
    CHECK(i18n::language() == Language::Nl);
    const unsigned g = i18n::generation();
    const std::string nl = i18n::unknown_language_message("fr");
    CHECK(nl.find("onbekende taal \"fr\"") != std::string::npos);
    CHECK(nl.find("en, nl, de") != std::string::npos);
    CHECK(i18n::number(4.25) == "4,25");

    i18n::set_language(Language::De);  // switched without restarting
    CHECK(i18n::generation() == g + 1);
    const std::string de = i18n::unknown_language_message("fr");
    CHECK(de.find("unbekannte Sprache „fr“") != std::string::npos);

    // Plural forms as gettext chooses them (the catalogues' Plural-Forms).
    CHECK(i18n::format(i18n::ntr("{0} idea", "{0} ideas", 1), {"1"}) == "1 Idee");
    CHECK(i18n::format(i18n::ntr("{0} idea", "{0} ideas", 12), {"12"}) == "12 Ideen");
    CHECK(i18n::number(4.25) == "4,25");
    i18n::set_language(Language::Nl);
    CHECK(i18n::format(i18n::ntr("{0} idea", "{0} ideas", 0), {"0"}) == "0 ideeën");
    CHECK(std::string(i18n::tr("Benefit")) == "Nut");

    i18n::set_language(Language::En);
    CHECK(i18n::format(i18n::ntr("{0} idea", "{0} ideas", 1), {"1"}) == "1 idea");
    CHECK(std::string(i18n::tr("Benefit")) == "Benefit");
    CHECK(i18n::unknown_language_message("fr") == "unknown language \"fr\" (the languages are en, nl, de)");
    CHECK(i18n::number(4.25) == "4.25");
    CHECK(std::string(i18n::tr("a string no catalogue has")) == "a string no catalogue has");
}

TEST_CASE("tr_in answers in the language asked for, whatever the current one", "[i18n]") {
    const std::vector<const char*> ids = {"Benefit", "Risk", "Visibility", "risk {0} is above the limit {1}",
                                          "Report for decision makers", "A quick win", "not scored"};
    for (Language lang : {Language::Nl, Language::De}) {
        i18n::set_language(lang);  // gettext's answers are the reference
        for (const char* id : ids) CHECK(std::string(i18n::tr_in(lang, id)) == i18n::tr(id));
        for (unsigned long n : {0UL, 1UL, 2UL, 12UL})
            CHECK(std::string(i18n::ntr_in(lang, "{0} idea", "{0} ideas", n)) == i18n::ntr("{0} idea", "{0} ideas", n));
    }
    i18n::set_language(Language::De);
    CHECK(std::string(i18n::tr_in(Language::Nl, "Benefit")) == "Nut");
    CHECK(std::string(i18n::tr_in(Language::En, "Benefit")) == "Benefit");
    CHECK(std::string(i18n::tr_in(Language::Nl, "a string no catalogue has")) == "a string no catalogue has");
    CHECK(std::string(i18n::ntr_in(Language::Nl, "{0} idea", "{0} ideas", 1)) == "{0} idee");

    // A phone's thread keeps its Dutch while the window switches languages.
    bool all_dutch = true;
    std::thread phone([&] {
        for (int i = 0; i < 2000; ++i)
            if (std::string(i18n::tr_in(Language::Nl, "Visibility")) != "Zichtbaarheid") all_dutch = false;
    });
    for (int i = 0; i < 200; ++i) i18n::set_language(i % 2 ? Language::De : Language::En);
    phone.join();
    CHECK(all_dutch);
    i18n::set_language(Language::En);
}
