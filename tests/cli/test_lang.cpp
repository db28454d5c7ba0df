// Languages on the command line (contracts.md section 10): the real binary, real workshop files.
#include <catch2/catch.hpp>

#include <filesystem>
#include <nlohmann/json.hpp>
#include <regex>

#include "support/cli.hpp"

using nlohmann::json;
using pilotdeck::test::read_all;
using pilotdeck::test::RunResult;
using pilotdeck::test::imported_json;
using pilotdeck::test::pd;
using pilotdeck::test::TempDir;
using pilotdeck::test::write_all;

namespace {

const std::string kDemo = std::string(PILOTDECK_SOURCE_DIR) + "/assets/demo-workshop.json";
// The demo workshop imported with its "language" set to `lang`.
std::string demo_in(const TempDir& dir, const std::string& lang, const std::string& name) {
    json doc = json::parse(read_all(kDemo));
    doc["language"] = lang;
    return imported_json(dir, name, doc);
}

json shortlist(const std::vector<std::string>& args, const std::vector<std::string>& env = pilotdeck::test::english()) {
    const RunResult r = pd(args, env);
    INFO(r.err);
    REQUIRE(r.status == 0);
    return json::parse(r.out);
}

std::string all_sentences(const json& doc) {
    std::string text;
    for (const auto& p : doc["pilots"]) text += p["why"].get<std::string>() + "\n";
    for (const auto& n : doc["not_selected"]) text += n["reason"].get<std::string>() + "\n";
    return text;
}

// The document without its sentences: what must not change with the language.
json without_sentences(json doc) {
    for (auto& p : doc["pilots"]) {
        p.erase("why");
        p.erase("obligations");  // sentences too (contracts 10): translated through the catalogues
    }
    for (auto& n : doc["not_selected"]) n.erase("reason");
    return doc;
}

bool has_decimal_point_number(const std::string& text) {
    return std::regex_search(text, std::regex("[0-9]\\.[0-9]{2}"));
}

}  // namespace

TEST_CASE("Dutch and German (--lang nl, --lang de) translate the shortlist's reasons, not its data", "[cli][lang]") {
    TempDir dir;
    const std::string file = demo_in(dir, "en", "demo");
    const json en = shortlist({"shortlist", file});
    const json nl = shortlist({"shortlist", file, "--lang", "nl"});
    const json de = shortlist({"shortlist", file, "--lang=de"});

    // Codes, numbers (with points in the JSON), ids and field names stay as they are.
    CHECK(without_sentences(nl) == without_sentences(en));
    CHECK(without_sentences(de) == without_sentences(en));
    REQUIRE(en["not_selected"].size() >= 3);

    const std::string en_text = all_sentences(en), nl_text = all_sentences(nl), de_text = all_sentences(de);
    INFO(nl_text << "\n" << de_text);
    CHECK(en_text.find("is above the limit 2.50") != std::string::npos);
    CHECK(nl_text.find("ligt boven de grens 2,50") != std::string::npos);
    CHECK(de_text.find("liegt über der Grenze 2,50") != std::string::npos);
    CHECK(nl_text.find("Een quick win: nut ") != std::string::npos);
    CHECK(nl["pilots"][0]["obligations"][0].get<std::string>().find("AI-geletterdheid") != std::string::npos);
    CHECK(de["pilots"][0]["obligations"][0].get<std::string>().find("KI-Kompetenz") != std::string::npos);
    CHECK(nl_text.find("beoordeeld door 8 personen.") != std::string::npos);
    CHECK(de_text.find("Ein Quick Win: Nutzen ") != std::string::npos);
    CHECK(de_text.find("von 8 Personen bewertet.") != std::string::npos);
    // People's numbers in Dutch and German have decimal commas, never points.
    CHECK_FALSE(has_decimal_point_number(nl_text));
    CHECK_FALSE(has_decimal_point_number(de_text));
    CHECK(has_decimal_point_number(en_text));
    for (const char* english : {"risk ", "visibility ", "limit", "scored by", "pilot place"}) {
        CHECK(nl_text.find(english) == std::string::npos);
        CHECK(de_text.find(english) == std::string::npos);
    }
}

TEST_CASE("plural forms of the reasons follow the count", "[cli][lang]") {
    TempDir dir;
    const std::string file = demo_in(dir, "en", "demo");
    const std::string one_place = all_sentences(shortlist({"shortlist", file, "--size", "1", "--lang", "nl"}));
    CHECK(one_place.find("de 1 pilotplek was al bezet door hoger gerangschikte ideeën") != std::string::npos);
    const std::string two_places = all_sentences(shortlist({"shortlist", file, "--size", "2", "--lang", "de"}));
    CHECK(two_places.find("alle 2 Pilotplätze waren schon mit höher eingestuften Ideen besetzt") != std::string::npos);
    const std::string raters = all_sentences(shortlist({"shortlist", file, "--min-raters", "20", "--lang", "de"}));
    CHECK(raters.find("von 8 Personen bewertet; mindestens 20 nötig") != std::string::npos);
}

TEST_CASE("the workshop's language, else the system's, unless --lang", "[cli][lang]") {
    TempDir dir;
    const std::string belgian = demo_in(dir, "nl-BE", "belgian");
    const std::string nl_text = all_sentences(shortlist({"shortlist", belgian}));
    CHECK(nl_text.find("ligt boven de grens") != std::string::npos);
    // A German system does not beat the workshop's own language ...
    CHECK(all_sentences(shortlist({"shortlist", belgian}, {"LANGUAGE=", "LC_ALL=", "LANG=de_DE.UTF-8"}))
              .find("ligt boven de grens") != std::string::npos);
    // ... but --lang does.
    CHECK(all_sentences(shortlist({"shortlist", belgian, "--lang", "en"})).find("is above the limit") !=
          std::string::npos);

    // A French workshop is shown in the system's language.
    const std::string french = demo_in(dir, "fr", "french");
    CHECK(all_sentences(shortlist({"shortlist", french}, {"LANGUAGE=", "LC_ALL=", "LANG=de_AT.UTF-8"}))
              .find("liegt über der Grenze") != std::string::npos);
    CHECK(all_sentences(shortlist({"shortlist", french}, {"LANGUAGE=fr:nl", "LC_ALL=", "LANG=de_AT.UTF-8"}))
              .find("ligt boven de grens") != std::string::npos);
    CHECK(all_sentences(shortlist({"shortlist", french})).find("is above the limit") != std::string::npos);
}

TEST_CASE("every command accepts --lang, and an unknown one is one line naming the languages", "[cli][lang]") {
    TempDir dir;
    const std::string file = demo_in(dir, "en", "demo");
    const std::string before = read_all(file);
    for (const std::vector<std::string>& args : std::vector<std::vector<std::string>>{
             {"check", file}, {"export", file}, {"shortlist", file}, {"templates"},
             {"new", dir.file("n.pilotdeck"), "--template", "use-case-workshop"},
             {"import", dir.file("i.pilotdeck"), "--from", kDemo}, {"restore", file, "--list"},
             {"screenshot", file, "--stage", "intro", "--out", dir.file("s.png")},
             {"serve", file}, {"open", file}, {}}) {
        std::vector<std::string> bad = args;
        bad.insert(bad.end(), {"--lang", "fr"});
        const RunResult r = pd(bad);
        INFO((args.empty() ? std::string("(no command)") : args[0]) << ": " << r.err);
        CHECK(r.status == 2);
        CHECK(r.err == "pilotdeck: unknown language \"fr\" (the languages are en, nl, de)\n");
        CHECK(r.out.empty());
    }
    CHECK(read_all(file) == before);
    CHECK_FALSE(std::filesystem::exists(dir.file("n.pilotdeck")));
    CHECK_FALSE(std::filesystem::exists(dir.file("i.pilotdeck")));

    // In the language asked for, the same line in Dutch.
    const RunResult nl = pd({"check", file, "--lang", "xx"}, {"LANGUAGE=", "LC_ALL=", "LANG=nl_NL.UTF-8"});
    CHECK(nl.status == 2);
    CHECK(nl.err == "pilotdeck: onbekende taal \"xx\" (de talen zijn en, nl, de)\n");

    // Valid ones work after commands that take no workshop.
    const RunResult t = pd({"templates", "--lang", "de"});
    CHECK(t.status == 0);
    CHECK(t.out.find("Abschnitte") != std::string::npos);
}

TEST_CASE("messages for people are translated: help, created, imported", "[cli][lang]") {
    TempDir dir;
    const RunResult help = pd({"shortlist", "--help", "--lang", "de"});
    CHECK(help.status == 0);
    CHECK(help.out.find("Höchstzahl der Pilotprojekte je Abteilung") != std::string::npos);
    const RunResult created =
        pd({"new", dir.file("n.pilotdeck"), "--template", "use-case-workshop-nl", "--lang", "nl"});
    CHECK(created.status == 0);
    CHECK(created.err.find("aangemaakt met sjabloon \"use-case-workshop-nl\"") != std::string::npos);
    const RunResult imported = pd({"import", dir.file("i.pilotdeck"), "--from", kDemo},
                                  {"LANGUAGE=", "LC_ALL=", "LANG=de_DE.UTF-8"});
    CHECK(imported.status == 0);
    CHECK(imported.err.find("12 Ideen, 10 Personen und 718 Bewertungen") != std::string::npos);
}
