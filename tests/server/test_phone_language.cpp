// contracts 10 on phones: /text.js gives the page's words in the workshop's language, or in the
// phone's (Accept-Language) when the facilitator allows it; decimal commas in Dutch and German.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "server/fixture.hpp"
#include "server/http_client.hpp"
#include "server/phone_server.hpp"
#include "support/temp_dir.hpp"

using namespace pilotdeck;
using nlohmann::json;

namespace {

// The object that /text.js assigns to window.pilotdeckText.
json text_of(const test::HttpResponse& r) {
    const std::string prefix = "window.pilotdeckText = ";
    REQUIRE(r.status == 200);
    REQUIRE(r.header("content-type") == "text/javascript; charset=utf-8");
    REQUIRE(r.body.rfind(prefix, 0) == 0);
    std::string body = r.body.substr(prefix.size());
    while (!body.empty() && (body.back() == '\n' || body.back() == ';')) body.pop_back();
    return json::parse(body);
}

}  // namespace

TEST_CASE("the phone page's words: the workshop's language, or the phone's when allowed", "[server][i18n]") {
    test::TempDir dir;
    const std::string file = dir.file("w.pilotdeck");
    core::Workshop ws = test::phone_workshop(2, 2);
    ws.info.language = "nl-BE";
    test::create_workshop_file(file, ws);
    server::PhoneServer srv;
    server::ServerOptions o;
    o.bind = "127.0.0.1";
    o.port = 0;
    srv.start(file, o);
    test::HttpClient c(srv.port());

    json nl = text_of(c.request("GET", "/text.js", {}, {}, {"Accept-Language: de-DE,de;q=0.9"}));
    CHECK(nl["lang"] == "nl");
    CHECK(nl["decimal"] == ",");
    CHECK(nl["text"]["Join the workshop"] == "Doe mee met de workshop");
    CHECK(nl["text"]["{0} compared, about {1} to go"] == "{0} vergeleken, nog ongeveer {1} te gaan");
    CHECK(nl["text"].size() > 60);
    for (const auto& [english, dutch] : nl["text"].items()) CHECK(!dutch.get<std::string>().empty());

    srv.set_language_from_phone(true);
    json de = text_of(c.request("GET", "/text.js", {}, {}, {"Accept-Language: de-CH, en;q=0.5"}));
    CHECK(de["lang"] == "de");
    CHECK(de["decimal"] == ",");
    CHECK(de["text"]["Which team did better?"] == "Welches Team war besser?");
    json en = text_of(c.request("GET", "/text.js", {}, {}, {"Accept-Language: en-GB"}));
    CHECK(en["lang"] == "en");
    CHECK(en["decimal"] == ".");
    CHECK(en["text"]["Join the workshop"] == "Join the workshop");
    // A language there is none of: the workshop's.
    CHECK(text_of(c.request("GET", "/text.js", {}, {}, {"Accept-Language: fr-FR"}))["lang"] == "nl");
    CHECK(text_of(c.request("GET", "/text.js"))["lang"] == "nl");
}
