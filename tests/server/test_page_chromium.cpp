// The phone page in a real browser (Debian's chromium, headless): the script runs under the
// Content-Security-Policy and shows the join form.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <sys/wait.h>

#include "server/fixture.hpp"
#include "server/phone_server.hpp"
#include "support/temp_dir.hpp"

using namespace pilotdeck;

TEST_CASE("chromium renders the phone page with its script under the CSP", "[server][browser]") {
    test::TempDir dir;
    const std::string file = dir.file("w.pilotdeck");
    test::create_workshop_file(file, test::phone_workshop(2));
    server::PhoneServer srv;
    server::ServerOptions o;
    o.bind = "127.0.0.1";
    o.port = 0;
    o.stage = core::StageKind::Scoring;
    srv.start(file, o);

    const std::string out = dir.file("dom.html"), err = dir.file("chromium.log");
    const std::string cmd = std::string("timeout 120 '") + PILOTDECK_CHROMIUM + "' --headless --no-sandbox --disable-gpu" +
                            " --no-first-run --user-data-dir='" + dir.file("profile") + "'" +
                            " --virtual-time-budget=5000 --dump-dom '" + srv.url() + "#" + srv.join_code() + "' >'" +
                            out + "' 2>'" + err + "'";
    const int st = std::system(cmd.c_str());
    INFO(test::read_all(err));
    REQUIRE(WIFEXITED(st));
    REQUIRE(WEXITSTATUS(st) == 0);
    const std::string dom = test::read_all(out);
    INFO(dom);
    // Only the script can set this title and unhide the join form.
    CHECK(dom.find("<h1 id=\"stage-title\">Join the workshop</h1>") != std::string::npos);
    CHECK(dom.find("<section id=\"join\">") != std::string::npos);
    CHECK(dom.find("<section id=\"scoring\" hidden=\"\">") != std::string::npos);
}
