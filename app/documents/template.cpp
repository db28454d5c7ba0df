// Workshop templates (contracts.md section 2).
#include <algorithm>
#include <filesystem>

#include "documents/documents.hpp"
#include "documents/hackathon_document.hpp"
#include "documents/schema.hpp"

namespace pilotdeck::documents {
namespace {

constexpr std::size_t kTemplateMinLevels = 3;  // a scale people can score needs its levels explained

constexpr schema::Field kTemplateFields[] = {{"format"},      {"version"}, {"id"},       {"name"},
                                             {"language"},    {"description"}, {"stages"}, {"concerns"},
                                             {"criteria"},    {"selection"},
                                             // contracts 6 (hackathon_document.cpp)
                                             {"mode", false}, {"pitching", false}, {"judging", false}, {"awards", false}};

core::Template read_template(JsonReader& r) {
    core::Template t;
    schema::IdIndex criterion_ids;
    hackathon::Offsets hackathon_at;
    schema::read_fields(r, kTemplateFields, [&](std::string_view key) {
        if (key == "format") schema::read_format(r, "pilotdeck-template");
        else if (key == "version") schema::read_version(r, 2);
        else if (key == "id") t.id = schema::read_template_id(r, false);
        else if (key == "name") t.name = r.string();
        else if (key == "language") t.language = schema::read_language(r);
        else if (key == "description") t.description = r.string();
        else if (key == "stages") t.stages = schema::read_stages(r);
        else if (key == "concerns") t.concerns = schema::read_concerns(r, false);
        else if (key == "criteria") t.criteria = schema::read_criteria(r, kTemplateMinLevels, criterion_ids);
        else if (key == "selection") t.selection = schema::read_selection(r);
        else hackathon::read_template_field(r, key, t, hackathon_at);
    });
    hackathon::check_template(r, t, hackathon_at);
    return t;
}

}  // namespace

core::Template parse_template(std::string_view text, const std::string& name) {
    core::Template t;
    schema::parse_document(text, name, "pilotdeck-template", [&](JsonReader& r) { t = read_template(r); });
    return t;
}

core::Template load_template(const std::string& path) { return parse_template(read_file(path), path); }

std::vector<TemplateEntry> scan_templates(const std::string& dir) {
    namespace fs = std::filesystem;
    std::error_code ec;
    if (!fs::is_directory(dir, ec)) throw DocumentError(dir + ": no such folder");
    std::vector<TemplateEntry> entries;
    for (const fs::directory_entry& e : fs::directory_iterator(dir, ec)) {
        if (e.path().extension() == ".json" && !e.is_directory()) entries.push_back(TemplateEntry{e.path().string(), {}, {}});
    }
    if (ec) throw DocumentError(dir + ": cannot list the folder (" + ec.message() + ")");
    std::sort(entries.begin(), entries.end(), [](const TemplateEntry& a, const TemplateEntry& b) {
        return fs::path(a.path).filename() < fs::path(b.path).filename();
    });
    for (TemplateEntry& entry : entries) {
        try {
            entry.tmpl = load_template(entry.path);
        } catch (const DocumentError& e) {
            entry.error = e.what();
        }
    }
    return entries;
}

}  // namespace pilotdeck::documents
