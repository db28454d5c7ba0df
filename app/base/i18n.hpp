// Translations and language-aware number formatting (contracts.md section 10).
//
// Messages come from GNU gettext catalogues (textdomain "pilotdeck", po/nl.po and po/de.po;
// English is the source language). Wrap every string people read:
//
//   i18n::tr("Selection rules")                          -> const char*, translated
//   i18n::ntr("{0} rater", "{0} raters", n)              -> the plural form for n (not yet filled in)
//   i18n::format(i18n::tr("risk {0} is above {1}"), {i18n::number(3.4), i18n::number(2.5)})
//   i18n::trc("axis", "Risk")                            -> with a context for short, ambiguous words
//
// xgettext keywords (po/extract.sh): tr, ntr:1,2, trc:1c,2, tr_in:2, ntr_in:2,3, N_ (marks
// without translating).
//
// The language is process-wide and switches at run time (set_language); tr() then answers in the
// new language at once. Numbers for people follow the language (4,25 in Dutch and German); JSON
// must never use number(): it keeps points. No GUI, no SQLite: core, documents and the CLI use it.
#pragma once

#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>

namespace pilotdeck::i18n {

enum class Language { En, Nl, De };

// "en", "nl", "de".
std::string_view code(Language lang);
// The language's own name: "English", "Nederlands", "Deutsch".
std::string_view native_name(Language lang);
// "en, nl, de": the languages there are, for messages.
std::string_view language_codes();

// A BCP 47 tag ("nl", "nl-BE", "DE-at") or a POSIX locale name ("de_DE.UTF-8", "nl_BE@euro")
// to the language it belongs to; nullopt for other languages, "C", "POSIX" and empty text.
std::optional<Language> parse_language(std::string_view tag);

// The best of en, nl, de by an HTTP Accept-Language header ("de-CH, nl;q=0.8, *;q=0.1"): the
// supported language with the highest q (q=0 refuses; ties keep the header's order); nullopt
// when the header names none of them.
std::optional<Language> from_accept_language(std::string_view header);

// The system's language: the first supported entry of LANGUAGE (a colon list), else the first
// non-empty of LC_ALL, LC_MESSAGES, LANG (English when that one is not en, nl or de).
Language system_language();

// The language chosen by hand (`--lang`, View > Language); it beats the workshop's and the system's.
// nullopt: none chosen (the default).
void set_override(std::optional<Language> lang);
std::optional<Language> override_language();

// The language to show a workshop in: the override when one is set, else the workshop's language
// when it is en, nl or de (regional tags such as nl-BE count), else the system's.
Language resolve_language(std::string_view workshop_language);

// The current language (English until set_language is called). Thread-safe to read.
Language language();
// Switches every later tr()/ntr()/number() to `lang`; the first call also binds the catalogues.
// Call it from the main thread. gettext reads the environment that this changes, so other
// threads (the phone server) translate with tr_in(lang, ...) instead of tr().
void set_language(Language lang);
// Counts the switches: a view that caches translated text redraws it when this changes.
unsigned generation();

// Where the compiled catalogues are looked for: $PILOTDECK_LOCALE_DIR, then the build tree's
// locale folder, then <executable>/../share/locale, then the install prefix's share/locale;
// the first that has <lang>/LC_MESSAGES/pilotdeck.mo.
std::string catalogue_dir();

// Marks a string for extraction without translating it (for tables of static strings; pass
// the stored pointer through tr() where it is shown).
constexpr const char* N_(const char* msgid) { return msgid; }

// The translation of `msgid` in the current language (msgid itself in English or when missing).
// The pointer stays valid for the life of the process.
const char* tr(const char* msgid);
// The plural form for n of (singular, plural) in the current language, as gettext chooses it.
const char* ntr(const char* singular, const char* plural, unsigned long n);
// tr() with a gettext message context (msgctxt), for short words that differ by use.
const char* trc(const char* context, const char* msgid);

// The same in a given language, whatever the current one: for a phone that asked for another
// language than the window's. Thread-safe; reads the compiled catalogues (the same .mo files)
// once per language. Extracted as tr_in:2 and ntr_in:2,3.
const char* tr_in(Language lang, const char* msgid);
const char* ntr_in(Language lang, const char* singular, const char* plural, unsigned long n);

// Replaces {0}, {1}, ... in `pattern` by the arguments (translators may reorder them); "{{" is a
// literal "{". A placeholder without an argument is left as it is.
std::string format(std::string_view pattern, std::initializer_list<std::string_view> args);

// A number for people in the current language: `decimals` places, rounded half away from zero,
// with a decimal comma in Dutch and German ("4,25") and a point in English ("4.25").
std::string number(double value, int decimals = 2);
std::string number(double value, int decimals, Language lang);
// An integer for people (no grouping; the same in every language, kept for symmetry).
std::string integer(long long value);

// "unknown language \"xx\" (the languages are en, nl, de)" in the current language.
std::string unknown_language_message(std::string_view tag);

}  // namespace pilotdeck::i18n
