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

// A phone server on loopback for a small workshop in `language`, on the file's current stage.
struct LanguageServer {
    test::TempDir dir;
    server::PhoneServer srv;
    explicit LanguageServer(const std::string& language) {
        const std::string file = dir.file("w.pilotdeck");
        core::Workshop ws = test::phone_workshop(2, 2);
        ws.info.language = language;
        test::create_workshop_file(file, ws);
        srv.start(file, test::loopback(std::nullopt));
    }
};

std::string error_of(const test::HttpResponse& r) { return json::parse(r.body).value("error", std::string()); }

}  // namespace

TEST_CASE("the phone page's words: the workshop's language, or the phone's when allowed", "[server][i18n]") {
    LanguageServer running("nl-BE");
    server::PhoneServer& srv = running.srv;
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

TEST_CASE("the phones' error texts: in the workshop's language, or the phone's when allowed", "[server][i18n]") {
    LanguageServer running("de");
    server::PhoneServer& srv = running.srv;
    test::HttpClient c(srv.port());

    // Refused in the HTTP layer (before any job): a wrong code, a request without a token.
    const std::string wrong = srv.join_code() == "000000" ? "000001" : "000000";
    const test::HttpResponse bad = c.request("POST", "/api/join", test::join_body(wrong), {}, {"Accept-Language: nl"});
    CHECK(bad.status == 403);
    CHECK(error_of(bad) == "falscher Code");
    CHECK(error_of(c.request("GET", "/api/state")) == "bitte zuerst beitreten");
    // Refused by the session's thread: ideas while the workshop is on its first stage.
    const std::string token = test::join(c, srv.join_code(), "Jana");
    REQUIRE(!token.empty());
    const test::HttpResponse idea = c.request("POST", "/api/idea", R"({"title": "Rechnungen prüfen"})", token);
    CHECK(idea.status == 409);
    CHECK(error_of(idea) == "gerade werden keine Ideen gesammelt");
    // The score of an idea there is not (checked before the stage).
    CHECK(error_of(c.request("PUT", "/api/score", R"({"idea": "nope", "criterion": "c1", "value": 3})", token)) ==
          "unbekannte Idee");

    // The phone's own language when the facilitator allows it; English is English.
    srv.set_language_from_phone(true);
    CHECK(error_of(c.request("POST", "/api/idea", R"({"title": "x"})", token, {"Accept-Language: nl-NL"})) ==
          "er worden nu geen ideeën verzameld");
    CHECK(error_of(c.request("POST", "/api/idea", R"({"title": "x"})", token, {"Accept-Language: en"})) ==
          "ideas are not being collected now");
    CHECK(error_of(c.request("POST", "/api/idea", R"({"title": "x"})", token, {"Accept-Language: fr"})) ==
          "gerade werden keine Ideen gesammelt");
}

TEST_CASE("a request a phone sends wrong gets its error in the page's language (German workshop)", "[server][i18n]") {
    LanguageServer running("de");
    server::PhoneServer& srv = running.srv;
    test::HttpClient c(srv.port());
    const std::string host = "Host: " + c.host() + "\r\n";
    // Refused by the front before the HTTP library sees it: a folded header line (400), a
    // repeated Content-Length (400), too many header bytes (431).
    const test::HttpResponse folded = c.raw("GET /api/state HTTP/1.1\r\n" + host + "X-A: 1\r\n  folded\r\n\r\n");
    CHECK(folded.status == 400);
    CHECK(error_of(folded) == "eine umbrochene Headerzeile");
    const test::HttpResponse twice =
        c.raw("POST /api/join HTTP/1.1\r\n" + host + "Content-Length: 2\r\nContent-Length: 2\r\n\r\n{}");
    CHECK(twice.status == 400);
    CHECK(error_of(twice) == "ein wiederholter Content-Length-Header");
    std::string many = "GET /api/state HTTP/1.1\r\n" + host;
    for (int i = 0; i < 400; ++i) many += "X-Filler-" + std::to_string(i) + ": aaaaaaaaaaaaaaaaaaaa\r\n";
    const test::HttpResponse big = c.raw(many + "\r\n");
    CHECK(big.status == 431);
    CHECK(error_of(big) == "die Header sind zu groß");
    // Refused in the HTTP layer: a body without its length (411), of another type (415), a
    // method the route does not take (405).
    const test::HttpResponse chunked = c.raw("POST /api/join HTTP/1.1\r\n" + host +
                                             "Transfer-Encoding: chunked\r\nContent-Type: application/json\r\n\r\n2\r\n{}\r\n0\r\n\r\n");
    CHECK(chunked.status == 411);
    CHECK(error_of(chunked) == "senden Sie den Inhalt mit Content-Length, nicht stückweise (chunked)");
    const test::HttpResponse form = c.raw("POST /api/join HTTP/1.1\r\n" + host +
                                          "Content-Type: text/plain\r\nContent-Length: 2\r\n\r\n{}");
    CHECK(form.status == 415);
    CHECK(error_of(form) == "der Inhalt muss application/json sein");
    const test::HttpResponse method = c.request("DELETE", "/api/join");
    CHECK(method.status == 405);
    CHECK(error_of(method) == "Methode nicht erlaubt");
    // The phone's own language when the facilitator allows it (the HTTP layer reads its header).
    srv.set_language_from_phone(true);
    CHECK(error_of(c.request("DELETE", "/api/join", {}, {}, {"Accept-Language: nl"})) == "methode niet toegestaan");
    CHECK(error_of(c.request("DELETE", "/api/join", {}, {}, {"Accept-Language: en"})) == "method not allowed");
}
