#include "ui/settings.hpp"

#include <algorithm>
#include <exception>
#include <filesystem>

#include <nlohmann/json.hpp>

#include "base/i18n.hpp"
#include "documents/documents.hpp"
#include "platform/paths.hpp"

namespace pilotdeck::ui {

std::string settings_path() { return platform::config_dir() + "/settings.json"; }

Settings load_settings() {
    Settings s;
    try {
        const auto j = nlohmann::json::parse(documents::read_file(settings_path()));
        if (j.contains("recent") && j["recent"].is_array())
            for (const auto& r : j["recent"])
                if (r.is_string() && s.recent.size() < kMaxRecent) s.recent.push_back(r.get<std::string>());
        if (j.contains("zoom") && j["zoom"].is_number())
            s.zoom = std::clamp(j["zoom"].get<float>(), kMinZoom, kMaxZoom);
        if (j.contains("theme") && j["theme"].is_string() && j["theme"].get<std::string>() == "dark") s.theme = "dark";
        if (j.contains("language") && j["language"].is_string())
            if (const auto lang = i18n::parse_language(j["language"].get<std::string>()))
                s.language = std::string(i18n::code(*lang));
        if (j.contains("screens_swapped") && j["screens_swapped"].is_boolean()) s.screens_swapped = j["screens_swapped"].get<bool>();
        if (j.contains("chime") && j["chime"].is_boolean()) s.chime = j["chime"].get<bool>();
    } catch (const std::exception&) {
        // no settings yet, or unreadable: the defaults serve
    }
    return s;
}

std::string save_settings(const Settings& s) {
    try {
        std::filesystem::create_directories(platform::config_dir());
        nlohmann::json j;
        j["recent"] = s.recent;
        j["zoom"] = s.zoom;
        j["theme"] = s.theme;
        if (!s.language.empty()) j["language"] = s.language;
        j["screens_swapped"] = s.screens_swapped;
        j["chime"] = s.chime;
        documents::write_file_atomic(settings_path(), j.dump(2) + "\n");
        return {};
    } catch (const std::exception& e) {
        return e.what();
    }
}

void remember_recent(Settings& s, const std::string& path) {
    std::error_code ec;
    std::string abs = std::filesystem::absolute(path, ec).lexically_normal().string();
    if (ec) abs = path;
    s.recent.erase(std::remove(s.recent.begin(), s.recent.end(), abs), s.recent.end());
    s.recent.insert(s.recent.begin(), abs);
    if (s.recent.size() > kMaxRecent) s.recent.resize(kMaxRecent);
}

}  // namespace pilotdeck::ui
