// `pilotdeck report` and `pilotdeck export --csv`: the real binary on real workshop files; the PDF
// is read back with poppler (pdfinfo, pdffonts, pdftotext) as a reader's tools would.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <regex>
#include <set>
#include <sstream>
#include <tuple>

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

// The demo workshop imported after `change` edited its document.
template <typename F>
std::string workshop(const TempDir& dir, const std::string& name, F change) {
    json doc = json::parse(read_all(kDemo));
    change(doc);
    return imported_json(dir, name, doc);
}
std::string demo(const TempDir& dir) {
    return workshop(dir, "demo", [](json&) {});
}

std::string report_of(const std::string& file, const std::string& pdf, std::vector<std::string> more = {}) {
    std::vector<std::string> args = {"report", file, "--out", pdf};
    args.insert(args.end(), more.begin(), more.end());
    const RunResult r = pd(args);
    INFO(r.err);
    REQUIRE(r.status == 0);
    REQUIRE(fs::exists(pdf));
    return pdf_text(pdf);
}

// RFC 4180 rows (quoted fields may hold commas, quotes and line breaks).
std::vector<std::vector<std::string>> parse_csv(const std::string& text) {
    std::vector<std::vector<std::string>> rows(1);
    std::string field;
    bool quoted = false, in_quotes = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (in_quotes) {
            if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
                field += '"';
                ++i;
            } else if (c == '"') {
                in_quotes = false;
            } else {
                field += c;
            }
        } else if (c == '"' && field.empty() && !quoted) {
            in_quotes = quoted = true;
        } else if (c == ',') {
            rows.back().push_back(field);
            field.clear();
            quoted = false;
        } else if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') {
            rows.back().push_back(field);
            field.clear();
            quoted = false;
            ++i;
            if (i + 1 < text.size()) rows.emplace_back();
        } else {
            field += c;
        }
    }
    return rows;
}

}  // namespace

TEST_CASE("the report is an A4 PDF with embedded fonts naming every idea, without rater names", "[report]") {
    TempDir dir;
    // One more rater who owns no idea: the report must not name them.
    const std::string file = workshop(dir, "rated", [](json& d) {
        d["participants"].push_back({{"id", "p99"}, {"name", "Quirinus Raterson"}, {"department", "Finance"}, {"role", "user"}});
        json more = json::array();
        for (const auto& s : d["scores"])
            if (s["rater"] == "p1") more.push_back({{"idea", s["idea"]}, {"rater", "p99"}, {"criterion", s["criterion"]}, {"value", s["value"]}});
        for (auto& s : more) d["scores"].push_back(s);
    });
    const std::string pdf = dir.file("report.pdf");
    const std::string text = report_of(file, pdf);

    const RunResult info = poppler({"pdfinfo", "-f", "1", "-l", "1000", pdf});
    REQUIRE(info.status == 0);
    std::smatch m;
    REQUIRE(std::regex_search(info.out, m, std::regex("Pages: +([0-9]+)")));
    const int pages = std::stoi(m[1]);
    CHECK(pages >= 2);
    std::size_t a4_pages = 0;
    const std::regex a4("Page +[0-9]+ size: +595\\.2[0-9]* x 841\\.8[0-9]* pts \\(A4\\)");
    for (std::sregex_iterator it(info.out.begin(), info.out.end(), a4);
         it != std::sregex_iterator(); ++it)
        ++a4_pages;
    CHECK(a4_pages == static_cast<std::size_t>(pages));

    const RunResult fonts = poppler({"pdffonts", pdf});
    REQUIRE(fonts.status == 0);
    std::istringstream lines(fonts.out);
    std::string line;
    int font_rows = 0;
    while (std::getline(lines, line)) {
        if (line.rfind("name", 0) == 0 || line.rfind("---", 0) == 0 || line.empty()) continue;
        ++font_rows;
        INFO(line);
        CHECK(line.find("DejaVuSans") != std::string::npos);
        CHECK(std::regex_search(line, std::regex(" yes +yes +yes ")));  // emb, sub, uni
    }
    CHECK(font_rows >= 2);

    const json doc = json::parse(read_all(dir.file("rated.json")));
    for (const auto& idea : doc["ideas"]) CHECK(text.find(squeeze(idea["title"].get<std::string>())) != std::string::npos);
    for (const char* heading : {"Report for decision makers", "Worries in the room", "Benefit versus risk", "The pilots",
                                "The other ideas", "The rules used", "Quick wins", "Pilot 1: "})
        CHECK(text.find(heading) != std::string::npos);
    CHECK(text.find("Maasdal Logistics") != std::string::npos);
    CHECK(text.find("Participants: 11") != std::string::npos);
    CHECK(text.find("Date: 19 November 2026") != std::string::npos);
    CHECK(text.find("is above the limit 2.50") != std::string::npos);
    for (const auto& concern : doc["concerns"])
        CHECK(text.find(squeeze(concern["label"].get<std::string>())) != std::string::npos);

    // Raters stay anonymous: only owners (and the facilitator) are named.
    std::set<std::string> owners;
    for (const auto& idea : doc["ideas"])
        if (idea.contains("owner")) owners.insert(idea["owner"].get<std::string>());
    const std::string facilitator = doc["facilitator"].get<std::string>();
    int anonymous = 0;
    for (const auto& p : doc["participants"]) {
        const std::string name = p["name"].get<std::string>();
        if (owners.count(p["id"].get<std::string>()) || name == facilitator) continue;
        ++anonymous;
        CHECK(text.find(name) == std::string::npos);
    }
    CHECK(anonymous > 0);
}

TEST_CASE("a Dutch workshop's report is in Dutch with decimal commas, and --lang de makes it German", "[report][lang]") {
    TempDir dir;
    const std::string file = workshop(dir, "nl", [](json& d) { d["language"] = "nl-NL"; });
    const std::string nl = report_of(file, dir.file("nl.pdf"));
    for (const char* words : {"Rapport voor de besluitvormers", "Zorgen in de zaal", "Nut tegenover risico",
                              "De andere ideeën", "De gebruikte regels", "Datum: 19 november 2026",
                              "ligt boven de grens 2,50", "Hoogste risico voor een pilot: 2,50", "Nut 4,25"})
        CHECK(nl.find(words) != std::string::npos);
    CHECK(std::regex_search(nl, std::regex("[0-9],[0-9]{2}")));
    INFO(nl);
    CHECK_FALSE(std::regex_search(nl, std::regex("[0-9]\\.[0-9]{2}")));  // no English decimals left

    const std::string de = report_of(file, dir.file("de.pdf"), {"--lang", "de"});
    for (const char* words : {"Bericht für die Entscheider", "Nutzen gegen Risiko", "Die übrigen Ideen",
                              "Datum: 19. November 2026", "liegt über der Grenze 2,50", "Seite 1"})
        CHECK(de.find(words) != std::string::npos);
}

TEST_CASE("a screened pilot's report gives its AI Act class and DPIA verdict, in the workshop's language", "[report][screening]") {
    TempDir dir;
    const std::string src = std::string(PILOTDECK_TEST_DATA) + "/screening-workshop.json";
    const std::string file = dir.file("s.pilotdeck");
    const RunResult imp = pd({"import", file, "--from", src});
    INFO(imp.err);
    REQUIRE(imp.status == 0);
    const std::string en = report_of(file, dir.file("en.pdf"), {"--lang", "en"});
    INFO(en);
    CHECK(en.find("EU AI Act") != std::string::npos);
    CHECK(en.find("DPIA (GDPR)") != std::string::npos);
    CHECK(std::regex_search(en, std::regex("prohibited practice|high-risk \\(Annex III\\)|not fully screened yet|limited risk|minimal risk")));
    const std::string nl = report_of(file, dir.file("nl.pdf"), {"--lang", "nl"});
    CHECK(nl.find("EU AI-verordening") != std::string::npos);
    CHECK(nl.find("DPIA (AVG)") != std::string::npos);
    // A workshop whose ideas were never screened says nothing about screening.
    const std::string plain = report_of(demo(dir), dir.file("plain.pdf"));
    CHECK(plain.find("DPIA (GDPR)") == std::string::npos);
}

// The percentage the report prints for a pilot: the robustness document's selected_share.
std::string share_text(const json& robustness, const std::string& idea, char decimal_point) {
    for (const auto& r : robustness["ideas"])
        if (r["idea"] == idea) {
            std::ostringstream os;
            os.setf(std::ios::fixed);
            os.precision(1);
            os << r["selected_share"].get<double>() * 100;
            std::string s = os.str();
            std::replace(s.begin(), s.end(), '.', decimal_point);
            return s + " %";
        }
    return "(no such idea)";
}

TEST_CASE("a pilot's obligations and robustness verdict are in the report, agreeing with shortlist and robustness", "[report][screening]") {
    TempDir dir;
    const std::string src = std::string(PILOTDECK_TEST_DATA) + "/screening-workshop.json";
    const std::string file = dir.file("s.pilotdeck");
    REQUIRE(pd({"import", file, "--from", src}).status == 0);
    const RunResult rob = pd({"robustness", file});
    REQUIRE(rob.status == 0);
    const json robustness = json::parse(rob.out);
    const RunResult sl = pd({"shortlist", file});
    REQUIRE(sl.status == 0);
    const json shortlist = json::parse(sl.out);
    REQUIRE(shortlist["pilots"].size() >= 2);

    const std::string en = report_of(file, dir.file("en.pdf"), {"--lang", "en"});
    INFO(en);
    CHECK(en.find("Obligations:") != std::string::npos);
    // Every obligation of every pilot, as the shortlist document words it.
    for (const auto& pilot : shortlist["pilots"])
        for (const auto& o : pilot["obligations"]) CHECK(en.find(squeeze(o.get<std::string>())) != std::string::npos);
    CHECK(en.find("applies from 2026-08-02") != std::string::npos);
    // Each pilot's verdict and share, as `pilotdeck robustness` (its defaults) gives them.
    for (const auto& pilot : shortlist["pilots"]) {
        const std::string id = pilot["idea"];
        std::string verdict;
        for (const auto& r : robustness["ideas"])
            if (r["idea"] == id) verdict = r["verdict"];
        REQUIRE_FALSE(verdict.empty());
        CHECK(en.find("Robustness: " + verdict + " — a pilot in " + share_text(robustness, id, '.') + " of 10000 variations") !=
              std::string::npos);
    }
    CHECK(en.find("not legal advice") != std::string::npos);
    CHECK(en.find("The same as `pilotdeck robustness` with its defaults.") != std::string::npos);

    const std::string nl = report_of(file, dir.file("nl.pdf"), {"--lang", "nl"});
    INFO(nl);
    for (const char* words : {"Verplichtingen:", "Laat mensen weten dat ze met een AI-systeem te maken hebben",
                              "AI-verordening art. 113; geldt vanaf 2026-08-02", "Robuustheid: ", "geen juridisch advies"})
        CHECK(nl.find(words) != std::string::npos);
    CHECK(nl.find(share_text(robustness, shortlist["pilots"][0]["idea"], ',') + " van 10000 variaties") != std::string::npos);
    CHECK(nl.find("applies from") == std::string::npos);
    // The shortlist document's obligations follow the language too (contracts 10).
    const RunResult sl_nl = pd({"shortlist", file, "--lang", "nl"});
    REQUIRE(sl_nl.status == 0);
    CHECK(sl_nl.out.find("geldt vanaf 2025-02-02") != std::string::npos);
}

TEST_CASE("report: a missing output folder is one line and no file, and no scores is a report that says so", "[report]") {
    TempDir dir;
    const std::string file = demo(dir);
    const std::string before = read_all(file);
    const std::string nowhere = dir.file("no-such-folder/report.pdf");
    const RunResult r = pd({"report", file, "--out", nowhere});
    CHECK(r.status == 1);
    check_one_error_line(r);
    CHECK(r.err.find("does not exist") != std::string::npos);
    CHECK_FALSE(fs::exists(dir.file("no-such-folder")));
    CHECK(read_all(file) == before);

    const RunResult missing = pd({"report", dir.file("absent.pilotdeck"), "--out", dir.file("x.pdf")});
    CHECK(missing.status == 1);
    check_one_error_line(missing);
    CHECK_FALSE(fs::exists(dir.file("x.pdf")));
    CHECK(pd({"report", file}).status == 2);  // --out is required

    const std::string unscored = workshop(dir, "unscored", [](json& d) { d["scores"] = json::array(); });
    const std::string text = report_of(unscored, dir.file("unscored.pdf"));
    CHECK(text.find("No scores yet") != std::string::npos);
    CHECK(text.find("not scored yet") != std::string::npos);
    const json doc = json::parse(read_all(kDemo));
    for (const auto& idea : doc["ideas"]) CHECK(text.find(squeeze(idea["title"].get<std::string>())) != std::string::npos);
}

TEST_CASE("export --csv: every idea with its aggregates, RFC 4180, UTF-8 with BOM", "[report][csv]") {
    TempDir dir;
    const std::string file = workshop(dir, "csv", [](json& d) {
        d["ideas"][0]["title"] = "Grüße, \"Entwürfe\" und Ärger";  // a comma, quotes and umlauts
        d["language"] = "de";
    });
    const RunResult r = pd({"export", file, "--csv"});
    INFO(r.err);
    REQUIRE(r.status == 0);
    REQUIRE(r.out.rfind("\xEF\xBB\xBF", 0) == 0);
    const std::string body = r.out.substr(3);
    CHECK(body.find("\r\n") != std::string::npos);
    CHECK(std::regex_search(body, std::regex("[^\r]\n")) == false);  // only CRLF ends a record
    CHECK(body.find("\"Grüße, \"\"Entwürfe\"\" und Ärger\"") != std::string::npos);

    const auto rows = parse_csv(body);
    const json doc = json::parse(read_all(kDemo));
    REQUIRE(rows.size() == doc["ideas"].size() + 1);
    const auto& head = rows[0];
    CHECK(head[0] == "rank");
    const auto col = [&](const std::string& name) {
        const auto it = std::find(head.begin(), head.end(), name);
        REQUIRE(it != head.end());
        return static_cast<std::size_t>(it - head.begin());
    };
    std::set<std::string> ids;
    int pilots = 0;
    for (std::size_t i = 1; i < rows.size(); ++i) {
        REQUIRE(rows[i].size() == head.size());
        ids.insert(rows[i][col("idea")]);
        CHECK(rows[i][col("rank")] == std::to_string(i));
        if (rows[i][col("status")] == "pilot") ++pilots;
        const std::string benefit = rows[i][col("benefit")];
        if (!benefit.empty()) CHECK(std::regex_match(benefit, std::regex("[0-9]+\\.[0-9]{2}")));  // points, as data
    }
    CHECK(ids.size() == doc["ideas"].size());
    CHECK(pilots == 3);
    CHECK(rows[1][col("time_saved_mean")].find('.') != std::string::npos);
    CHECK(body.find("liegt über der Grenze 2,50") != std::string::npos);  // the workshop's language

    const std::string out = dir.file("ideas.csv");
    CHECK(pd({"export", file, "--csv", "--out", out}).status == 0);
    CHECK(read_all(out) == r.out);
    CHECK(pd({"export", file, "--csv", "--compact"}).status == 2);
}

namespace {

// Two ideas for one place, a little apart: A leads on "Time saved" (and Rater 1 loves it), B on
// "Quality of the result". A is the pilot, but not in every variation of the weights and raters.
json close_race() {
    auto crit = [](const char* id, const char* label, const char* axis) {
        return json{{"id", id}, {"label", label}, {"axis", axis}, {"weight", 1}, {"min", 1}, {"max", 5}, {"help", ""}, {"levels", json::object()}};
    };
    json d = {{"format", "pilotdeck-workshop"}, {"version", 1}, {"title", "A close race"}, {"organisation", "Example"},
              {"date", "2026-11-02"}, {"facilitator", ""}, {"language", "en"}, {"concerns", json::array()},
              {"stages", json::array({json{{"id", "s"}, {"kind", "scoring"}, {"title", "Score"}, {"minutes", 10}, {"goal", ""}, {"prompts", json::array()}}})},
              {"criteria", json::array({crit("time", "Time saved", "benefit"), crit("quality", "Quality of the result", "benefit"),
                                        crit("risk", "Risk", "risk"), crit("vis", "Visibility", "visibility")})},
              {"selection", {{"max_risk", 5}, {"min_visibility", 1}, {"min_raters", 1}, {"size", 1}, {"max_per_department", 5}}},
              {"participants", json::array()}, {"ideas", json::array()}, {"scores", json::array()}};
    for (int p = 1; p <= 4; ++p)
        d["participants"].push_back({{"id", "p" + std::to_string(p)}, {"name", "Rater Nummer" + std::to_string(p)}, {"department", ""}, {"role", "user"}});
    for (const char* id : {"a", "b"})
        d["ideas"].push_back({{"id", id}, {"title", std::string("Idea ") + (id[0] == 'a' ? "A" : "B")}, {"problem", ""}, {"solution", ""},
                              {"department", ""}, {"success_criteria", ""}, {"decision", nullptr}});
    const int a_time[] = {5, 4, 4, 4};
    for (int p = 1; p <= 4; ++p) {
        const std::string rater = "p" + std::to_string(p);
        for (const auto& [idea, time, quality] : {std::tuple{"a", a_time[p - 1], 2}, std::tuple{"b", 2, 4}})
            for (const auto& [criterion, value] : {std::pair{"time", time}, std::pair{"quality", quality}, std::pair{"risk", 2}, std::pair{"vis", 3}})
                d["scores"].push_back({{"idea", idea}, {"rater", rater}, {"criterion", criterion}, {"value", value}});
    }
    return d;
}

}  // namespace

TEST_CASE("an uncertain pilot's report says what it depends on, the criterion by name and no rater by name, in en, nl and de",
          "[report][robustness]") {
    TempDir dir;
    const std::string src = dir.file("race.json");
    write_all(src, close_race().dump(2));
    const std::string file = dir.file("race.pilotdeck");
    REQUIRE(pd({"import", file, "--from", src}).status == 0);
    const RunResult rob = pd({"robustness", file});
    REQUIRE(rob.status == 0);
    const json robustness = json::parse(rob.out);
    // The robustness document stays as contracts 8 has it: the dependence is the report's alone.
    for (const auto& r : robustness["ideas"]) CHECK(r.size() == 5);
    REQUIRE(robustness["ideas"][0]["idea"] == "a");
    REQUIRE(robustness["ideas"][0]["verdict"] == "uncertain");

    const std::string en = report_of(file, dir.file("en.pdf"), {"--lang", "en"});
    INFO(en);
    CHECK(en.find("Robustness: uncertain") != std::string::npos);
    CHECK(en.find("What it depends on: • The weight of “Time saved”: a pilot when it weighs more (on average 0.") != std::string::npos);
    CHECK(en.find("• Who scored: with one of the raters in the room it is a pilot in ") != std::string::npos);
    CHECK(en.find("Rater Nummer") == std::string::npos);  // contracts 11: no rater names

    const std::string nl = report_of(file, dir.file("nl.pdf"), {"--lang", "nl"});
    INFO(nl);
    CHECK(nl.find("Waar het van afhangt: • Het gewicht van “Time saved”: een pilot als dat zwaarder weegt (gemiddeld 0,") != std::string::npos);
    CHECK(nl.find("• Wie er scoorde: met één van de beoordelaars in de zaal is het een pilot in ") != std::string::npos);
    CHECK(nl.find("Rater Nummer") == std::string::npos);

    const std::string de = report_of(file, dir.file("de.pdf"), {"--lang", "de"});
    INFO(de);
    CHECK(de.find("Wovon es abhängt: • Das Gewicht von “Time saved”: ein Pilot, wenn es schwerer wiegt (im Mittel 0,") != std::string::npos);
    CHECK(de.find("• Wer bewertet hat: mit einer bestimmten bewertenden Person im Raum ist es ein Pilot in ") != std::string::npos);
    CHECK(de.find("Rater Nummer") == std::string::npos);
}
