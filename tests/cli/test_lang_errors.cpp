// Error lines for people in Dutch and German (contracts 10): `pilotdeck: FILE:LINE:COL: path: what
// is wrong` keeps its file, position and JSON path; only "what is wrong" is translated. The real
// binary on real files.
#include <catch2/catch.hpp>

#include <filesystem>
#include <nlohmann/json.hpp>

#include "support/cli.hpp"

using nlohmann::json;
using pilotdeck::test::pd;
using pilotdeck::test::read_all;
using pilotdeck::test::RunResult;
using pilotdeck::test::TempDir;
using pilotdeck::test::write_all;

namespace {

const std::string kDemo = std::string(PILOTDECK_SOURCE_DIR) + "/assets/demo-workshop.json";

// Imports `doc` (written to NAME.json) into a new file in each language; returns the error lines.
struct Lines {
    std::string en, nl, de;
};
Lines import_errors(const TempDir& dir, const std::string& name, const std::string& doc) {
    const std::string src = dir.file(name + ".json");
    write_all(src, doc);
    Lines out;
    for (auto [lang, line] : {std::pair{"en", &out.en}, std::pair{"nl", &out.nl}, std::pair{"de", &out.de}}) {
        const std::string target = dir.file(name + "-" + lang + ".pilotdeck");
        const RunResult r = pd({"import", target, "--from", src, "--lang", lang});
        CHECK(r.status == 1);
        CHECK(r.out.empty());
        CHECK_FALSE(std::filesystem::exists(target));  // no half-written output
        *line = r.err;
    }
    return out;
}

}  // namespace

TEST_CASE("a bad document's error line in Dutch and German: file, position and path as in English", "[cli][lang]") {
    TempDir dir;
    json doc = json::parse(read_all(kDemo));
    doc["criteria"][0]["max"] = "5";
    const Lines wrong_type = import_errors(dir, "type", doc.dump(2));
    const std::string where = dir.file("type.json") + ":";
    REQUIRE(wrong_type.en.rfind("pilotdeck: " + where, 0) == 0);
    const std::string prefix = wrong_type.en.substr(0, wrong_type.en.find("criteria[0].max: ") + 17);
    CHECK(wrong_type.en == prefix + "expected a whole number, found a string\n");
    CHECK(wrong_type.nl == prefix + "verwacht: een geheel getal, gevonden: een tekst\n");
    CHECK(wrong_type.de == prefix + "erwartet: eine ganze Zahl, gefunden: ein Text\n");

    // An unknown field with a suggestion, and a syntax error.
    json typo = json::parse(read_all(kDemo));
    typo["criteria"][1]["wieght"] = 2;
    const Lines unknown = import_errors(dir, "typo", typo.dump(2));
    CHECK(unknown.en.find(": criteria[1].wieght: unknown field \"wieght\" (did you mean \"weight\"?)\n") != std::string::npos);
    CHECK(unknown.nl.find(": criteria[1].wieght: onbekend veld \"wieght\" (bedoel je \"weight\"?)\n") != std::string::npos);
    CHECK(unknown.de.find(": criteria[1].wieght: unbekanntes Feld \"wieght\" (meinten Sie \"weight\"?)\n") != std::string::npos);
    const Lines syntax = import_errors(dir, "syntax", "{\"format\": \"pilotdeck-workshop\",\n \"version\": 1,,}");
    const std::string at = "pilotdeck: " + dir.file("syntax.json") + ":2:15: (document): ";
    CHECK(syntax.en == at + "expected a field name in double quotes, found ','\n");
    CHECK(syntax.nl == at + "verwacht: een veldnaam tussen dubbele aanhalingstekens, gevonden: ','\n");
    CHECK(syntax.de == at + "erwartet: ein Feldname in doppelten Anführungszeichen, gefunden: ','\n");
}

TEST_CASE("the workshop file's faults in Dutch and German; the file stays as it was", "[cli][lang]") {
    TempDir dir;
    const std::string other = dir.file("other.pilotdeck");
    write_all(other, "not a workshop\n");
    const std::string before = read_all(other);
    const RunResult nl = pd({"export", other, "--lang", "nl"});
    CHECK(nl.status == 1);
    CHECK(nl.err == "pilotdeck: " + other + ": geen pilotdeck-workshop (geen SQLite-database)\n");
    const RunResult de = pd({"check", dir.file("missing.pilotdeck")}, {"LANGUAGE=", "LC_ALL=", "LANG=de_DE.UTF-8"});
    CHECK(de.status == 1);
    CHECK(de.err == "pilotdeck: " + dir.file("missing.pilotdeck") + ": Datei existiert nicht\n");
    const RunResult folder = pd({"import", dir.file("x.pilotdeck"), "--from", dir.path().string(), "--lang", "de"});
    CHECK(folder.status == 1);
    CHECK(folder.err == "pilotdeck: " + dir.path().string() + ": ist ein Ordner, keine Datei\n");
    CHECK(read_all(other) == before);
}
