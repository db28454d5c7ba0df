#include "cli/language.hpp"

#include <cstring>
#include <iostream>

#include "base/i18n.hpp"

namespace pilotdeck::cli {

void choose_language_early(int argc, char** argv) {
    i18n::Language lang = i18n::system_language();
    for (int i = 1; i < argc; ++i) {
        std::string_view arg(argv[i]);
        std::string_view value;
        if (arg == "--lang" && i + 1 < argc)
            value = argv[i + 1];
        else if (arg.rfind("--lang=", 0) == 0)
            value = arg.substr(std::strlen("--lang="));
        else
            continue;
        if (auto chosen = i18n::parse_language(value)) lang = *chosen;
    }
    i18n::set_language(lang);
}

void add_lang_option(CLI::App* command, std::string& value) {
    command->add_option("--lang", value, i18n::tr("Language of messages and documents: en, nl or de"));
}

bool apply_lang_option(const std::string& value) {
    if (value.empty()) return true;
    const auto lang = i18n::parse_language(value);
    if (!lang) {
        std::cerr << "pilotdeck: " << i18n::unknown_language_message(value) << "\n";
        return false;
    }
    i18n::set_override(*lang);
    i18n::set_language(*lang);
    return true;
}

void follow_workshop_language(std::string_view workshop_language) {
    const i18n::Language lang = i18n::resolve_language(workshop_language);
    if (lang != i18n::language()) i18n::set_language(lang);
}

std::string counted(std::size_t n, const char* pattern) { return i18n::format(pattern, {std::to_string(n)}); }

}  // namespace pilotdeck::cli
