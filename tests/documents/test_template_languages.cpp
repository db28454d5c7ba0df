// The shipped templates in English, Dutch and German (contracts.md section 10): the same
// workshop in each language — stages, criteria, levels and rules match; the words are not copied.
#include <catch2/catch.hpp>

#include <string>

#include "documents/documents.hpp"

namespace docs = pilotdeck::documents;
namespace core = pilotdeck::core;

namespace {

core::Template shipped(const std::string& id) {
    return docs::load_template(std::string(PILOTDECK_SOURCE_DIR) + "/workshop_templates/" + id + ".json");
}

void check_same_workshop(const core::Template& en, const core::Template& other) {
    INFO(other.id);
    REQUIRE(other.stages.size() == en.stages.size());
    for (std::size_t i = 0; i < en.stages.size(); ++i) {
        CHECK(other.stages[i].id == en.stages[i].id);
        CHECK(other.stages[i].kind == en.stages[i].kind);
        CHECK(other.stages[i].minutes == en.stages[i].minutes);
        CHECK(other.stages[i].title != en.stages[i].title);
        CHECK(other.stages[i].goal != en.stages[i].goal);
        CHECK(other.stages[i].prompts.size() >= 3);
        for (const auto& p : other.stages[i].prompts)
            for (const auto& e : en.stages[i].prompts) CHECK(p != e);
    }
    REQUIRE(other.concerns.size() == en.concerns.size());
    for (std::size_t i = 0; i < en.concerns.size(); ++i) {
        CHECK(other.concerns[i].id == en.concerns[i].id);
        CHECK(other.concerns[i].label != en.concerns[i].label);
        CHECK(other.concerns[i].response != en.concerns[i].response);
    }
    REQUIRE(other.criteria.size() == en.criteria.size());
    for (std::size_t i = 0; i < en.criteria.size(); ++i) {
        const core::Criterion& a = en.criteria[i];
        const core::Criterion& b = other.criteria[i];
        INFO(a.id);
        CHECK(b.id == a.id);
        CHECK(b.axis == a.axis);
        CHECK(b.weight == a.weight);
        CHECK(b.min == a.min);
        CHECK(b.max == a.max);
        CHECK(b.label != a.label);
        CHECK(b.help != a.help);
        REQUIRE(b.levels.size() == a.levels.size());
        for (const auto& [level, text] : a.levels) {
            REQUIRE(b.levels.count(level) == 1);
            CHECK(b.levels.at(level) != text);
            CHECK_FALSE(b.levels.at(level).empty());
        }
    }
    CHECK(other.selection == en.selection);
}

}  // namespace

TEST_CASE("the use-case workshop ships in English, Dutch and German", "[templates][languages]") {
    const core::Template en = shipped("use-case-workshop");
    const core::Template nl = shipped("use-case-workshop-nl");
    const core::Template de = shipped("use-case-workshop-de");
    CHECK(en.language == "en");
    CHECK(nl.language == "nl");
    CHECK(de.language == "de");
    check_same_workshop(en, nl);
    check_same_workshop(en, de);
    // German words a facilitator in Stuttgart would expect on the wall.
    CHECK(de.criteria[0].label == "Zeitersparnis");
    CHECK(de.concerns[0].response.find("Betriebsrat") != std::string::npos);
    CHECK(de.criteria[3].label.find("DSGVO") != std::string::npos);
}
