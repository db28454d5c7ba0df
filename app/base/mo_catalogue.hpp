// A read-only GNU .mo catalogue (the files msgfmt writes), for translations in a language other
// than the process's current one (i18n::tr_in): one thread may serve a Dutch phone while the
// window speaks German. Same files, same lookup rules as gettext for our catalogues.
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace pilotdeck::i18n {

class MoCatalogue {
public:
    // Loads `path`; a missing or malformed file gives an empty catalogue (messages stay English).
    explicit MoCatalogue(const std::string& path);

    // The translation of msgid (with "context\004msgid" for contexts), or nullptr.
    const std::string* find(std::string_view key) const;
    // The plural forms of an entry (msgstr[0], msgstr[1], ...), or nullptr.
    const std::vector<std::string>* find_plural(std::string_view singular) const;
    // The form index for n, from the catalogue's Plural-Forms (nl and de: n != 1).
    std::size_t plural_index(unsigned long n) const;
    bool empty() const { return singles_.empty() && plurals_.empty(); }

private:
    std::unordered_map<std::string, std::string> singles_;
    std::unordered_map<std::string, std::vector<std::string>> plurals_;  // keyed by the singular msgid
    bool one_is_singular_ = true;  // plural=(n != 1) or plural=(n > 1)
    bool zero_is_singular_ = false;
};

}  // namespace pilotdeck::i18n
