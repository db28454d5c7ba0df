// `pilotdeck import-ideas FILE --from OTHER` (issue 10): a hackathon's team forming starts from
// the ideas of a use-case workshop. The real binary on real files.
#include <catch2/catch.hpp>

#include <algorithm>
#include <set>
#include <filesystem>
#include <nlohmann/json.hpp>

#include "support/cli.hpp"

using nlohmann::json;
using pilotdeck::test::read_all;
using pilotdeck::test::RunResult;
using pilotdeck::test::check_refused;
using pilotdeck::test::imported;
using pilotdeck::test::pd;
using pilotdeck::test::TempDir;
using pilotdeck::test::write_all;
namespace fs = std::filesystem;

namespace {

const std::string kDemo = std::string(PILOTDECK_SOURCE_DIR) + "/assets/demo-workshop.json";
const std::string kHackathon = std::string(PILOTDECK_TEST_DATA) + "/hackathon-workshop.json";

}  // namespace

TEST_CASE("import-ideas: a hackathon takes the ideas of a use-case workshop, once each", "[cli][hackathon]") {
    TempDir dir;
    const std::string hack = imported(dir, kHackathon, "hack.pilotdeck");
    const json demo = json::parse(read_all(kDemo));
    const std::string usecase = imported(dir, kDemo, "usecase.pilotdeck");

    const RunResult r = pd({"import-ideas", hack, "--from", usecase});
    INFO(r.err);
    REQUIRE(r.status == 0);
    CHECK(r.out == "Imported 12 ideas from " + usecase + " into " + hack + ".\n");
    const json after = json::parse(pd({"export", hack}).out);
    REQUIRE(after["ideas"].size() == 4 + demo["ideas"].size());
    std::set<std::string> ids;
    for (const auto& idea : after["ideas"]) CHECK(ids.insert(idea["id"].get<std::string>()).second);  // fresh ids
    for (std::size_t k = 0; k < demo["ideas"].size(); ++k) {
        const json& from = demo["ideas"][k];
        const json& to = after["ideas"][4 + k];
        CHECK(to["title"] == from["title"]);
        CHECK(to["problem"] == from["problem"]);
        CHECK(to["department"] == from["department"]);
        CHECK(to["success_criteria"] == from["success_criteria"]);
        CHECK(to["decision"].is_null());  // pins and scores stay with the other workshop
    }
    CHECK(after["scores"].size() == json::parse(read_all(kHackathon))["scores"].size());
    CHECK(pd({"check", hack}).status == 0);

    // Again, from the workshop document this time: nothing new, nothing changed.
    const std::string before = pd({"export", hack}).out;
    const RunResult again = pd({"import-ideas", hack, "--from", kDemo});
    REQUIRE(again.status == 0);
    CHECK(again.out.find("Imported 0 ideas") == 0);
    CHECK(again.out.find("(12 were already there)") != std::string::npos);
    CHECK(pd({"export", hack}).out == before);

    // The same title in other capitals, umlauts too ("ÜBERPRÜFUNG" is "Überprüfung"): already there.
    json umlaut = demo;
    umlaut["ideas"][0]["title"] = "Überprüfung der Lieferantenrechnungen";
    write_all(dir.file("umlaut.json"), umlaut.dump());
    REQUIRE(pd({"import-ideas", hack, "--from", dir.file("umlaut.json")}).out.find("Imported 1 idea") == 0);
    umlaut["ideas"][0]["title"] = "ÜBERPRÜFUNG  der LIEFERANTENRECHNUNGEN ";
    write_all(dir.file("upper.json"), umlaut.dump());
    const RunResult upper = pd({"import-ideas", hack, "--from", dir.file("upper.json")});
    INFO(upper.out << upper.err);
    CHECK(upper.out.find("Imported 0 ideas") == 0);
}

TEST_CASE("import-ideas: bad input is one line naming the file, and the hackathon stays byte-identical", "[cli][hackathon]") {
    TempDir dir;
    const std::string hack = imported(dir, kHackathon, "hack.pilotdeck");
    const std::string usecase = imported(dir, kDemo, "usecase.pilotdeck");
    const std::string hack_bytes = read_all(hack);
    const std::string usecase_bytes = read_all(usecase);

    // Into a use-case workshop.
    check_refused(pd({"import-ideas", usecase, "--from", hack}), usecase, "hackathon");
    // From something that is not a workshop.
    const std::string notes = dir.file("notes.txt");
    write_all(notes, "ideas: many\n");
    check_refused(pd({"import-ideas", hack, "--from", notes}), notes, "");
    // From a workshop without ideas.
    json empty = json::parse(read_all(kDemo));
    empty["ideas"] = json::array();
    empty["scores"] = json::array();
    const std::string empty_doc = dir.file("empty.json");
    write_all(empty_doc, empty.dump(2));
    check_refused(pd({"import-ideas", hack, "--from", empty_doc}), hack, "has no ideas");
    // From itself, and from a missing file.
    check_refused(pd({"import-ideas", hack, "--from", hack}), hack, "own file");
    check_refused(pd({"import-ideas", hack, "--from", dir.file("missing.pilotdeck")}), dir.file("missing.pilotdeck"), "");
    // Into a file that does not exist.
    check_refused(pd({"import-ideas", dir.file("absent.pilotdeck"), "--from", usecase}), dir.file("absent.pilotdeck"), "");
    CHECK_FALSE(fs::exists(dir.file("absent.pilotdeck")));
    CHECK(pd({"import-ideas", hack}).status == 2);  // --from is required

    CHECK(read_all(hack) == hack_bytes);
    CHECK(read_all(usecase) == usecase_bytes);
}
