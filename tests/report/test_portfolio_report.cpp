// `pilotdeck report --portfolio FILE... --out`: the real binary on real workshop files and
// documents; the PDF read back with poppler (pdfinfo, pdffonts, pdftotext).
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <sstream>
#include <nlohmann/json.hpp>
#include <regex>

#include "support/cli.hpp"

using nlohmann::json;
using pilotdeck::test::read_all;
using pilotdeck::test::RunResult;
using pilotdeck::test::check_one_error_line;
using pilotdeck::test::imported_json;
using pilotdeck::test::pd;
using pilotdeck::test::pdf_text;
using pilotdeck::test::poppler;
using pilotdeck::test::squeeze;
using pilotdeck::test::TempDir;
using pilotdeck::test::write_all;
namespace fs = std::filesystem;

namespace {

const std::string kDemo = std::string(PILOTDECK_SOURCE_DIR) + "/assets/demo-workshop.json";
const std::string kFollowup = std::string(PILOTDECK_TEST_DATA) + "/followup-workshop.json";

}  // namespace

TEST_CASE("report --portfolio: an A4 PDF with embedded fonts naming every workshop, idea and pilot", "[report][portfolio]") {
    TempDir dir;
    const json demo = json::parse(read_all(kDemo));
    const json followup = json::parse(read_all(kFollowup));
    // A pulse-check three months later: the same worries, fewer people worried about their job.
    json later = followup;
    later["title"] = "Pulse-check in February";
    later["date"] = "2027-02-15";
    for (auto& c : later["concerns"]) c["count"] = c["id"] == "jobs" ? 1 : 2;
    const std::string f1 = imported_json(dir, "demo", demo);
    const std::string f2 = imported_json(dir, "later", later);
    const std::string doc = dir.file("followup.json");  // a workshop document among the files
    write_all(doc, followup.dump(2));

    const std::string pdf = dir.file("portfolio.pdf");
    const RunResult r = pd({"report", "--portfolio", f2, doc, f1, "--out", pdf});
    INFO(r.err);
    REQUIRE(r.status == 0);
    const RunResult info = poppler({"pdfinfo", pdf});
    REQUIRE(info.status == 0);
    CHECK(info.out.find("595.276 x 841.89 pts (A4)") != std::string::npos);
    const RunResult fonts = poppler({"pdffonts", pdf});
    REQUIRE(fonts.status == 0);
    std::istringstream lines(fonts.out);
    std::string line;
    int font_rows = 0;
    for (int i = 0; std::getline(lines, line); ++i) {
        if (i < 2 || line.empty()) continue;  // the header and its rule
        ++font_rows;
        CHECK(std::regex_search(line, std::regex("\\s+yes\\s+(yes|no)\\s+(yes|no)\\s+\\d+\\s+\\d+\\s*$")));  // emb = yes
    }
    CHECK(font_rows > 0);

    const std::string text = pdf_text(pdf);
    INFO(text);
    for (const char* words : {"Portfolio report for the steering group", "Workshops: 3", "Worries over time",
                              "The pilots and their measures", "Every idea", "Period: 2 November 2026 to 15 February 2027",
                              "Pulse-check in February", "Small test workshop", "AI use-case workshop",
                              "Minutes per task: baseline 30 min, target 15 min", "no values yet", "latest 25 %"})
        CHECK(text.find(words) != std::string::npos);
    for (const json* d : {&demo, &followup})
        for (const auto& idea : (*d)["ideas"]) CHECK(text.find(squeeze(idea["title"].get<std::string>())) != std::string::npos);
    // The workshops in date order, whatever the order given.
    const auto small = text.find("2 November 2026 Small test workshop");
    const auto mid = text.find("19 November 2026 AI use-case workshop");
    const auto feb = text.find("15 February 2027 Pulse-check in February");
    CHECK(small < mid);
    CHECK(mid < feb);
    CHECK(feb != std::string::npos);
    // No rater names: the demo's participants are never named (only owners would be, and the
    // portfolio names nobody).
    for (const auto& p : demo["participants"]) CHECK(text.find(p["name"].get<std::string>()) == std::string::npos);
}

TEST_CASE("report --portfolio follows the latest workshop's language, and --lang", "[report][portfolio][lang]") {
    TempDir dir;
    json nl = json::parse(read_all(kFollowup));
    nl["language"] = "nl";
    nl["date"] = "2027-01-10";
    const std::string f1 = imported_json(dir, "demo", json::parse(read_all(kDemo)));
    const std::string f2 = imported_json(dir, "nl", nl);
    const std::string pdf = dir.file("nl.pdf");
    REQUIRE(pd({"report", "--portfolio", f1, f2, "--out", pdf}).status == 0);
    const std::string text = pdf_text(pdf);
    INFO(text);
    for (const char* words : {"Portfoliorapport voor de stuurgroep", "Zorgen door de tijd", "Elk idee", "voorgesteld",
                              "opgeschaald", "nog geen waarden", "10 januari 2027"})
        CHECK(text.find(words) != std::string::npos);
    CHECK(std::regex_search(text, std::regex("nut [0-9],[0-9]{2}")));
    const std::string de_pdf = dir.file("de.pdf");
    REQUIRE(pd({"report", "--portfolio", f1, f2, "--out", de_pdf, "--lang", "de"}).status == 0);
    const std::string de = pdf_text(de_pdf);
    CHECK(de.find("Portfoliobericht für den Lenkungskreis") != std::string::npos);
    CHECK(de.find("Sorgen im Zeitverlauf") != std::string::npos);
}

TEST_CASE("report --portfolio refuses what portfolio refuses: one line, nothing written", "[report][portfolio]") {
    TempDir dir;
    const std::string f1 = imported_json(dir, "demo", json::parse(read_all(kDemo)));
    const std::string before = read_all(f1);
    const std::string pdf = dir.file("p.pdf");
    const std::string copy = dir.file("copy.pilotdeck");
    fs::copy_file(f1, copy);

    const RunResult twice = pd({"report", "--portfolio", f1, copy, "--out", pdf});
    CHECK(twice.status == 1);
    check_one_error_line(twice);
    CHECK(twice.err.find("the same workshop as") != std::string::npos);
    CHECK_FALSE(fs::exists(pdf));

    const std::string text = dir.file("notes.txt");
    write_all(text, "not a workshop\n");
    const RunResult other = pd({"report", "--portfolio", f1, text, "--out", pdf});
    CHECK(other.status == 1);
    check_one_error_line(other);
    CHECK(other.err.find(text) != std::string::npos);
    CHECK_FALSE(fs::exists(pdf));

    const RunResult nowhere = pd({"report", "--portfolio", f1, "--out", dir.file("no-such/p.pdf")});
    CHECK(nowhere.status == 1);
    check_one_error_line(nowhere);
    CHECK_FALSE(fs::exists(dir.file("no-such")));

    // Several files without --portfolio is wrong usage.
    const RunResult usage = pd({"report", f1, copy, "--out", pdf});
    CHECK(usage.status == 2);
    check_one_error_line(usage);
    CHECK_FALSE(fs::exists(pdf));
    CHECK(read_all(f1) == before);
    CHECK(fs::directory_iterator(dir.path()) != fs::directory_iterator());
    for (const auto& entry : fs::directory_iterator(dir.path())) CHECK(entry.path().extension() != ".tmp");
}

TEST_CASE("report --portfolio gives each pilot's latest decision and what its users say, in en, nl and de", "[report][portfolio][review]") {
    TempDir dir;
    json followup = json::parse(read_all(kFollowup));
    for (auto& idea : followup["ideas"])
        if (idea["id"] == "i2") idea["status_history"].back()["users_say"] = "We answer suppliers before lunch now";
    const std::string file = imported_json(dir, "followup", followup);
    const auto text_in = [&](const std::string& lang) {
        const std::string pdf = dir.file(lang + ".pdf");
        const RunResult r = pd({"report", "--portfolio", file, "--out", pdf, "--lang", lang});
        INFO(r.err);
        REQUIRE(r.status == 0);
        return pdf_text(pdf);
    };
    const std::string en = text_in("en");
    INFO(en);
    CHECK(en.find("Decision: scaled on 20 January 2027: Suppliers get answers in a day instead of a week") != std::string::npos);
    CHECK(en.find("What the users say: “We answer suppliers before lunch now” (20 January 2027)") != std::string::npos);
    CHECK(en.find("Decision: pilot on 2 November 2026: Chosen at the workshop") != std::string::npos);
    CHECK(en.find("What the users say") == en.rfind("What the users say"));  // only the pilot whose users spoke
    const std::string nl = text_in("nl");
    INFO(nl);
    CHECK(nl.find("Besluit: opgeschaald op 20 januari 2027: Suppliers get answers") != std::string::npos);
    CHECK(nl.find("Wat de gebruikers zeggen: “We answer suppliers before lunch now” (20 januari 2027)") != std::string::npos);
    const std::string de = text_in("de");
    INFO(de);
    CHECK(de.find("Entscheidung: ausgerollt am 20. Januar 2027: Suppliers get answers") != std::string::npos);
    CHECK(de.find("Was die Nutzer sagen: „We answer suppliers before lunch now“ (20. Januar 2027)") != std::string::npos);
}
