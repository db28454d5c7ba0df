#include "support/cli.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <regex>

namespace pilotdeck::test {

const std::vector<std::string>& english() {
    static const std::vector<std::string> env = {"LANGUAGE=", "LC_ALL=", "LC_MESSAGES=", "LANG=C.UTF-8"};
    return env;
}

RunResult pd(const std::vector<std::string>& args, const std::vector<std::string>& env) {
    std::vector<std::string> argv{PILOTDECK_BINARY};
    argv.insert(argv.end(), args.begin(), args.end());
    return run_program(argv, env);
}

void check_one_error_line(const RunResult& r, const std::string& contains) {
    INFO("stderr: " << r.err);
    CHECK(r.err.rfind("pilotdeck: ", 0) == 0);
    CHECK(std::count(r.err.begin(), r.err.end(), '\n') == 1);
    CHECK(r.err.find(contains) != std::string::npos);
}

void check_refused(const RunResult& r, const std::string& names, const std::string& what) {
    INFO("stderr: " << r.err);
    CHECK(r.status == 1);
    CHECK(r.err.rfind("pilotdeck: " + names, 0) == 0);
    CHECK(r.err.find(what) != std::string::npos);
    CHECK(std::count(r.err.begin(), r.err.end(), '\n') == 1);
}

std::string imported(const TempDir& dir, const std::string& doc, const std::string& name) {
    const std::string file = dir.file(name);
    const RunResult r = pd({"import", file, "--from", doc});
    INFO(r.err);
    REQUIRE(r.status == 0);
    return file;
}

std::string imported_json(const TempDir& dir, const std::string& name, const nlohmann::json& doc) {
    const std::string src = dir.file(name + ".json");
    write_all(src, doc.dump(2));
    return imported(dir, src, name + ".pilotdeck");
}

std::string demo_document() { return std::string(PILOTDECK_SOURCE_DIR) + "/assets/demo-workshop.json"; }
std::string test_data(const std::string& name) { return std::string(PILOTDECK_TEST_DATA) + "/" + name; }

RunResult poppler(std::vector<std::string> args) {
    if (args[0] == "pdfinfo") args[0] = PILOTDECK_PDFINFO;
    if (args[0] == "pdffonts") args[0] = PILOTDECK_PDFFONTS;
    if (args[0] == "pdftotext") args[0] = PILOTDECK_PDFTOTEXT;
    return run_program(args, english());
}

std::string squeeze(const std::string& s) { return std::regex_replace(s, std::regex("\\s+"), " "); }

std::string pdf_text(const std::string& pdf) {
    const RunResult r = poppler({"pdftotext", "-enc", "UTF-8", pdf, "-"});
    REQUIRE(r.status == 0);
    return squeeze(r.out);
}

}  // namespace pilotdeck::test
