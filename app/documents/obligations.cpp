// The shipped catalogue of obligations and the dates from which they apply
// (assets/ai-act-obligations.json; contracts 7): data, read at run time.
#include "core/screening.hpp"
#include "documents/documents.hpp"
#include "documents/schema.hpp"

namespace pilotdeck::documents {
namespace {

using schema::Field;

constexpr Field kCatalogueFields[] = {{"format"}, {"version"}, {"checked"}, {"notice"},
                                      {"sources"}, {"notes", false}, {"obligations"}};
constexpr Field kSourceFields[] = {{"id"}, {"title"}, {"url", false}};
constexpr Field kObligationFields[] = {{"id"},   {"ai_act", false},      {"dpia", false}, {"answers_true", false},
                                       {"text"}, {"applies_from", false}, {"source", false}};

std::vector<std::string> read_strings(JsonReader& r, bool (*valid)(std::string_view), const char* what) {
    std::vector<std::string> out;
    r.array([&](std::size_t) {
        std::string s = r.string();
        if (!valid(s)) r.fail(std::string("must be ") + what + ", found \"" + s + "\"");
        out.push_back(std::move(s));
    });
    return out;
}

bool is_class(std::string_view s) {
    return s == "prohibited" || s == "high-risk" || s == "unassessed" || s == "limited" || s == "minimal";
}
bool is_dpia(std::string_view s) { return s == "required" || s == "recommended" || s == "unknown" || s == "not-needed"; }
bool is_question(std::string_view s) { return core::is_screening_question(s); }

}  // namespace

core::ObligationCatalogue parse_obligations(std::string_view text, const std::string& name) {
    core::ObligationCatalogue cat;
    schema::parse_document(text, name, "pilotdeck-obligations", [&](JsonReader& r) {
        schema::read_fields(r, kCatalogueFields, [&](std::string_view key) {
            if (key == "format") schema::read_format(r, "pilotdeck-obligations");
            else if (key == "version") schema::read_version(r);
            else if (key == "checked") {
                cat.checked = schema::read_date(r);
                if (cat.checked.empty()) r.fail("must be the date the catalogue was checked (YYYY-MM-DD)");
            } else if (key == "notice") cat.notice = r.string();
            else if (key == "sources") r.array([&](std::size_t) { schema::read_fields(r, kSourceFields, [&](std::string_view) { r.skip(); }); });
            else if (key == "notes") r.array([&](std::size_t) { cat.notes.push_back(r.string()); });
            else if (key == "obligations") r.array([&](std::size_t) {
                core::Obligation& o = cat.obligations.emplace_back();
                schema::read_fields(r, kObligationFields, [&](std::string_view k) {
                    if (k == "id") o.id = schema::read_id(r);
                    else if (k == "ai_act") o.ai_act = read_strings(r, is_class, "an AI Act class");
                    else if (k == "dpia") o.dpia = read_strings(r, is_dpia, "a DPIA verdict");
                    else if (k == "answers_true") o.answers_true = read_strings(r, is_question, "a screening question id");
                    else if (k == "text") o.text = r.string();
                    else if (k == "applies_from") o.applies_from = schema::read_date(r);
                    else if (k == "source") o.source = r.string();
                });
            });
        });
    });
    return cat;
}

core::ObligationCatalogue load_obligations(const std::string& path) { return parse_obligations(read_file(path), path); }

}  // namespace pilotdeck::documents
