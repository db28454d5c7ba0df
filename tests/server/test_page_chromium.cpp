// The phone page in a real browser (Debian's chromium, headless), driven over the DevTools
// protocol (--remote-debugging-pipe): join, see the ideas, vote, see "Saved" only after the
// server committed it, reload and keep the participant. Server text is shown as text.
#include <catch2/catch.hpp>

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <thread>

#include <nlohmann/json.hpp>

#include "server/fixture.hpp"
#include "server/phone_server.hpp"
#include "storage/workshop_file.hpp"
#include "support/process.hpp"
#include "support/temp_dir.hpp"

using namespace pilotdeck;
using nlohmann::json;

namespace {

// A headless chromium child; messages are JSON texts ended by '\0' on fds 3 (to it) and 4 (from it).
class Browser {
public:
    Browser(const std::string& profile, const std::string& log) : log_(log) {
        int to[2], from[2];
        REQUIRE(pipe2(to, O_CLOEXEC) == 0);
        REQUIRE(pipe2(from, O_CLOEXEC) == 0);
        posix_spawn_file_actions_t fa;
        posix_spawn_file_actions_init(&fa);
        posix_spawn_file_actions_adddup2(&fa, to[0], 3);
        posix_spawn_file_actions_adddup2(&fa, from[1], 4);
        posix_spawn_file_actions_addopen(&fa, 1, "/dev/null", O_WRONLY, 0);
        posix_spawn_file_actions_addopen(&fa, 2, log.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
        std::vector<std::string> args = {PILOTDECK_CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu",
                                         "--no-first-run", "--remote-debugging-pipe",
                                         "--user-data-dir=" + profile, "about:blank"};
        pid_ = test::spawn_program(args, fa);
        posix_spawn_file_actions_destroy(&fa);
        ::close(to[0]);
        ::close(from[1]);
        to_ = to[1];
        from_ = from[0];
        REQUIRE(pid_ > 0);
    }
    ~Browser() {
        if (to_ >= 0) ::close(to_);
        if (from_ >= 0) ::close(from_);
        if (pid_ > 0) {
            kill(pid_, SIGKILL);
            waitpid(pid_, nullptr, 0);
        }
    }

    // Sends a command and returns its "result"; throws on an error answer or a silent browser.
    json call(const std::string& method, const json& params = json::object(), const std::string& session = {}) {
        const int id = next_id_++;
        json msg = {{"id", id}, {"method", method}, {"params", params}};
        if (!session.empty()) msg["sessionId"] = session;
        std::string text = msg.dump();
        text.push_back('\0');
        std::size_t sent = 0;
        while (sent < text.size()) {
            const ssize_t n = ::write(to_, text.data() + sent, text.size() - sent);
            if (n <= 0) throw std::runtime_error("chromium closed its pipe");
            sent += static_cast<std::size_t>(n);
        }
        for (;;) {
            json reply = next_message();
            if (reply.contains("id") && reply["id"] == id) {
                if (reply.contains("error")) throw std::runtime_error(method + ": " + reply["error"].dump());
                return reply["result"];
            }
        }
    }

    json eval(const std::string& session, const std::string& expression) {
        json r = call("Runtime.evaluate", {{"expression", expression}, {"returnByValue", true}, {"awaitPromise", true}}, session);
        if (r.contains("exceptionDetails")) throw std::runtime_error("script error: " + r["exceptionDetails"].dump());
        return r["result"].contains("value") ? r["result"]["value"] : json();
    }

    // A page of its own at `url`; its session id. A browser that fails here fails the test with
    // what it wrote to its log.
    std::string open(const std::string& url) {
        std::string session;
        try {
            const json target = call("Target.createTarget", {{"url", "about:blank"}});
            session = call("Target.attachToTarget", {{"targetId", target["targetId"]}, {"flatten", true}})["sessionId"];
            call("Page.enable", json::object(), session);
            call("Page.navigate", {{"url", url}}, session);
        } catch (const std::exception& e) {
            FAIL(std::string(e.what()) + "\n" + test::read_all(log_));
        }
        return session;
    }

    // Evaluates `expression` until it is true, at most `tries` times (paced, not timed).
    bool wait_for(const std::string& session, const std::string& expression, int tries = 300) {
        for (int i = 0; i < tries; ++i) {
            if (eval(session, expression) == true) return true;
            std::this_thread::sleep_for(std::chrono::milliseconds(50));
        }
        return false;
    }

private:
    json next_message() {
        for (;;) {
            const auto end = buffer_.find('\0');
            if (end != std::string::npos) {
                json m = json::parse(buffer_.substr(0, end));
                buffer_.erase(0, end + 1);
                return m;
            }
            pollfd p{from_, POLLIN, 0};
            // A safety bound so that a hung browser cannot hang the test (not a timing assertion).
            if (::poll(&p, 1, 60000) <= 0) throw std::runtime_error("chromium does not answer");
            char buf[65536];
            const ssize_t n = ::read(from_, buf, sizeof buf);
            if (n <= 0) throw std::runtime_error("chromium closed its pipe");
            buffer_.append(buf, static_cast<std::size_t>(n));
        }
    }

    std::string log_;
    pid_t pid_ = -1;
    int to_ = -1, from_ = -1;
    int next_id_ = 1;
    std::string buffer_;
};

std::string base64_decode(const std::string& in) {
    std::string out;
    int bits = 0, value = 0;
    for (char ch : in) {
        int d = -1;
        if (ch >= 'A' && ch <= 'Z') d = ch - 'A';
        else if (ch >= 'a' && ch <= 'z') d = ch - 'a' + 26;
        else if (ch >= '0' && ch <= '9') d = ch - '0' + 52;
        else if (ch == '+') d = 62;
        else if (ch == '/') d = 63;
        if (d < 0) continue;
        value = (value << 6) | d;
        bits += 6;
        if (bits >= 8) {
            bits -= 8;
            out.push_back(static_cast<char>((value >> bits) & 0xFF));
        }
    }
    return out;
}

}  // namespace

TEST_CASE("chromium: join, vote, saved after commit, reload keeps the participant, text stays text",
          "[server][browser]") {
    test::TempDir dir;
    const std::string file = dir.file("w.pilotdeck");
    const std::string evil = "<img src=x onerror=\"document.title='pwned'\"><script>document.title='pwned'</script>";
    core::Workshop ws = test::phone_workshop(2, 2);
    ws.ideas[0].title = evil;
    test::create_workshop_file(file, ws);

    server::PhoneServer srv;
    srv.start(file, test::loopback(core::StageKind::Scoring));

    Browser b(dir.file("profile"), dir.file("chromium.log"));
    const std::string session = b.open(srv.join_url());

    // The join form, with the code filled in from the QR address.
    REQUIRE(b.wait_for(session, "document.readyState === 'complete' && !document.getElementById('join').hidden"));
    CHECK(b.eval(session, "document.getElementById('code').value") == srv.join_code());
    CHECK(b.eval(session, "document.getElementById('stage-title').textContent") == "Join the workshop");

    b.eval(session, "document.getElementById('name').value = 'Dee'; document.getElementById('department').value = 'Logistics'; document.getElementById('join-btn').click(); true");
    REQUIRE(b.wait_for(session, "!document.getElementById('scoring').hidden && "
                                "document.querySelectorAll('#idea-list .card').length === 2"));
    CHECK(b.eval(session, "document.getElementById('stage-title').textContent") == "Stage scoring");
    CHECK(b.eval(session, "document.getElementById('who').textContent") == "You: Dee");
    CHECK(b.eval(session, "localStorage.getItem('pilotdeck.token').length") == 32);

    // Server text is text: the title shows literally and created no element.
    CHECK(b.eval(session, "document.querySelector('#idea-list .card h2').textContent") == evil);
    CHECK(b.eval(session, "document.querySelectorAll('#idea-list img, #idea-list script').length") == 0);
    CHECK(b.eval(session, "document.title") == "pilotdeck");

    // Vote 4 on the first criterion of the first idea: "Saved" once the server answered 200.
    const std::string first = "document.querySelectorAll('#idea-list .card')[0].querySelectorAll('.crit')[0]";
    b.eval(session, first + ".querySelectorAll('.scale button')[3].click(); true");
    REQUIRE(b.wait_for(session, first + ".querySelector('.mark').textContent === 'Saved'"));
    CHECK(b.eval(session, first + ".querySelector('.level').textContent") == "level 4 of c1");
    CHECK(b.eval(session, first + ".querySelector('.scale button.on').textContent") == "4");
    {
        auto wf = storage::WorkshopFile::open(file, storage::WorkshopFile::Mode::ReadOnly);
        const auto scores = wf->load().scores;
        REQUIRE(scores.size() == 1);
        CHECK(scores[0] == core::Score{"i1", "p1", "c1", 4});
    }
    CHECK(b.eval(session, "localStorage.getItem('pilotdeck.queue')") == "{}");

    // A reload keeps the participant and shows the own score from the server.
    b.call("Page.reload", json::object(), session);
    REQUIRE(b.wait_for(session, "document.readyState === 'complete' && !document.getElementById('scoring').hidden && "
                                "document.querySelectorAll('#idea-list .card').length === 2"));
    REQUIRE(b.wait_for(session, first + ".querySelector('.scale button.on') !== null"));
    CHECK(b.eval(session, first + ".querySelector('.scale button.on').textContent") == "4");
    CHECK(b.eval(session, "document.getElementById('who').textContent") == "You: Dee");
    CHECK(srv.counts().joined == 1);

    // PILOTDECK_SHOT_DIR=DIR saves what a phone sees (390 px wide) as DIR/phone-scoring.png.
    if (const char* shots = std::getenv("PILOTDECK_SHOT_DIR")) {
        b.call("Emulation.setDeviceMetricsOverride", {{"width", 390}, {"height", 1500}, {"deviceScaleFactor", 1}, {"mobile", true}}, session);
        const std::string png = b.call("Page.captureScreenshot", {{"format", "png"}}, session)["data"];
        test::write_all(std::string(shots) + "/phone-scoring.png", base64_decode(png));
        b.call("Emulation.clearDeviceMetricsOverride", json::object(), session);
    }

    // Offline: the vote waits in localStorage, is not shown as saved, and goes out when the
    // network is back.
    const std::string second = "document.querySelectorAll('#idea-list .card')[0].querySelectorAll('.crit')[1]";
    b.call("Network.enable", json::object(), session);
    const json offline = {{"offline", true}, {"latency", 0}, {"downloadThroughput", -1}, {"uploadThroughput", -1}};
    b.call("Network.emulateNetworkConditions", offline, session);
    b.eval(session, second + ".querySelectorAll('.scale button')[1].click(); true");
    REQUIRE(b.wait_for(session, second + ".querySelector('.mark').textContent.indexOf('Not sent yet') === 0"));
    CHECK(b.eval(session, "JSON.parse(localStorage.getItem('pilotdeck.queue'))['i1|c2'].value") == 2);
    CHECK(b.eval(session, second + ".querySelector('.scale button.on').textContent") == "2");
    {
        auto wf = storage::WorkshopFile::open(file, storage::WorkshopFile::Mode::ReadOnly);
        CHECK(wf->load().scores.size() == 1);
    }
    json online = offline;
    online["offline"] = false;
    b.call("Network.emulateNetworkConditions", online, session);
    REQUIRE(b.wait_for(session, second + ".querySelector('.mark').textContent === 'Saved'"));
    CHECK(b.eval(session, "localStorage.getItem('pilotdeck.queue')") == "{}");
    {
        auto wf = storage::WorkshopFile::open(file, storage::WorkshopFile::Mode::ReadOnly);
        const auto scores = wf->load().scores;
        REQUIRE(scores.size() == 2);
        CHECK(std::count(scores.begin(), scores.end(), core::Score{"i1", "p1", "c2", 2}) == 1);
    }

    // Closing the round: the next poll says so, and a vote is refused, not saved.
    srv.close_round();
    REQUIRE(b.wait_for(session, "document.getElementById('round-msg').textContent.indexOf('closed') >= 0"));
    b.eval(session, first + ".querySelectorAll('.scale button')[1].click(); true");
    REQUIRE(b.wait_for(session, first + ".querySelector('.mark').textContent.indexOf('Not saved') === 0"));
    srv.stop();
    auto wf = storage::WorkshopFile::open(file, storage::WorkshopFile::Mode::ReadOnly);
    const auto after = wf->load();
    REQUIRE(after.scores.size() == 2);
    CHECK(std::count(after.scores.begin(), after.scores.end(), core::Score{"i1", "p1", "c1", 4}) == 1);
    CHECK(after.participants.size() == 1);
    CHECK(after.participants[0].name == "Dee");
    CHECK(after.participants[0].department == "Logistics");
}

TEST_CASE("chromium: a team from the phone, the audience vote, and \"A or B?\" for the jury with undo",
          "[server][browser][hackathon]") {
    test::TempDir dir;
    const std::string file = dir.file("h.pilotdeck");
    core::Workshop hws = test::hackathon_workshop(4, core::JudgingMethod::Pairwise);
    hws.info.language = "nl";  // the page in Dutch (contracts 10)
    test::create_workshop_file(file, hws);
    server::PhoneServer srv;
    server::ServerOptions o = test::loopback(core::StageKind::Teams);
    o.judging_seed = 7;
    srv.start(file, o);
    Browser b(dir.file("profile"), dir.file("chromium.log"));
    const std::string session = b.open(srv.join_url());
    const auto shot = [&](const std::string& name) {  // PILOTDECK_SHOT_DIR=DIR: what a phone sees
        if (const char* shots = std::getenv("PILOTDECK_SHOT_DIR")) {
            b.call("Emulation.setDeviceMetricsOverride", {{"width", 390}, {"height", 844}, {"deviceScaleFactor", 1}, {"mobile", true}}, session);
            const std::string png = b.call("Page.captureScreenshot", {{"format", "png"}}, session)["data"];
            test::write_all(std::string(shots) + "/" + name + ".png", base64_decode(png));
            b.call("Emulation.clearDeviceMetricsOverride", json::object(), session);
        }
    };
    const auto load = [&] { return storage::WorkshopFile::open(file, storage::WorkshopFile::Mode::ReadOnly)->load(); };

    REQUIRE(b.wait_for(session, "document.readyState === 'complete' && !document.getElementById('join').hidden"));
    CHECK(b.eval(session, "document.documentElement.lang") == "nl");
    CHECK(b.eval(session, "document.getElementById('stage-title').textContent") == "Doe mee met de workshop");
    CHECK(b.eval(session, "document.getElementById('join-btn').textContent") == "Meedoen");
    b.eval(session, "document.getElementById('name').value = 'Eva'; document.getElementById('join-btn').click(); true");
    REQUIRE(b.wait_for(session, "!document.getElementById('hack').hidden && document.getElementById('team-name') !== null"));
    shot("phone-teams");
    b.eval(session, "document.getElementById('team-name').value = 'Paper Tigers'; document.getElementById('team-title').value = "
                    "'Scan the post'; document.querySelectorAll('#hack form')[1].querySelector('button').click(); true");
    REQUIRE(b.wait_for(session, "document.querySelector('#hack .big') !== null"));
    const std::string code = b.eval(session, "document.querySelector('#hack .big').textContent");
    CHECK(code.size() == 5);
    CHECK(b.eval(session, "document.querySelector('#hack h2').textContent") == "Paper Tigers");
    {
        const auto ws = load();
        REQUIRE(ws.teams.size() == 5);
        CHECK(ws.teams.back().name == "Paper Tigers");
        CHECK(ws.teams.back().members == std::vector<std::string>{"p1"});
    }

    // Pitches: the audience vote; the own team cannot be chosen.
    srv.set_stage(core::StageKind::Pitches);
    REQUIRE(b.wait_for(session, "document.querySelectorAll('#hack button.choice').length === 5"));
    CHECK(b.eval(session, "document.querySelectorAll('#hack button.choice')[4].disabled") == true);
    shot("phone-audience");
    b.eval(session, "document.querySelectorAll('#hack button.choice')[1].click(); true");
    REQUIRE(b.wait_for(session, "document.querySelectorAll('#hack button.choice')[1].className.indexOf('on') >= 0"));
    {
        const auto ws = load();
        REQUIRE(ws.audience_votes.size() == 1);
        CHECK(ws.audience_votes[0].team == "t2");
    }

    // A jury member's phone in pairwise judging.
    srv.set_stage(core::StageKind::Judging);
    b.eval(session, "localStorage.clear(); true");
    b.call("Page.reload", json::object(), session);
    REQUIRE(b.wait_for(session, "document.readyState === 'complete' && !document.getElementById('join').hidden"));
    b.eval(session, "document.getElementById('code').value = '" + srv.jury_code() +
                    "'; document.getElementById('name').value = 'Judge'; document.getElementById('join-btn').click(); true");
    REQUIRE(b.wait_for(session, "document.querySelectorAll('#hack button.pick').length === 2"));
    CHECK(b.eval(session, "document.querySelector('#hack .progress').textContent") == "0 vergeleken, nog ongeveer 5 te gaan");
    shot("phone-pairwise");
    b.eval(session, "document.querySelectorAll('#hack button.pick')[0].click(); true");
    REQUIRE(b.wait_for(session, "document.querySelector('#hack .progress').textContent.indexOf('1 vergeleken') === 0"));
    CHECK(load().comparisons.size() == 1);
    b.eval(session, "Array.prototype.filter.call(document.querySelectorAll('#hack button'), function (x) { "
                    "return x.textContent === 'Mijn laatste vergelijking ongedaan maken'; })[0].click(); true");
    REQUIRE(b.wait_for(session, "document.querySelector('#hack .progress').textContent.indexOf('0 vergeleken') === 0"));
    CHECK(load().comparisons.empty());
    srv.stop();
}

TEST_CASE("chromium: a re-vote on the phone in Dutch, the room's spread with decimal commas", "[server][browser][revote]") {
    test::TempDir dir;
    const std::string file = dir.file("r.pilotdeck");
    core::Workshop ws = test::phone_workshop(2, 2);
    ws.info.language = "nl";
    const int values[] = {1, 2, 4, 5};
    for (int p = 1; p <= 4; ++p) {
        ws.participants.push_back(core::Participant{"p" + std::to_string(p), "Rater " + std::to_string(p), "", core::Role::User});
        ws.scores.push_back(core::Score{"i1", "p" + std::to_string(p), "c1", values[p - 1]});
    }
    ws.revote = core::RevoteRound{2, {core::RevoteCell{"i1", "c1"}}};
    test::create_workshop_file(file, ws);
    const std::string token = "0123456789abcdef0123456789abcdef";
    {
        auto wf = storage::WorkshopFile::open(file, storage::WorkshopFile::Mode::ReadWrite);
        core::Session session(wf->load(), wf->current_stage(), wf.get());
        wf->attach_phone_tokens({{token, "p1"}});  // the phone of p1, joined before
        session.execute(core::SetConcernCount{"jobs", 1}, false);
    }
    server::PhoneServer srv;
    srv.start(file, test::loopback(core::StageKind::Scoring));
    Browser b(dir.file("profile"), dir.file("chromium.log"));
    const std::string session = b.open(srv.url());
    REQUIRE(b.wait_for(session, "document.readyState === 'complete'"));
    b.eval(session, "localStorage.setItem('pilotdeck.token', '" + token + "'); true");
    b.call("Page.reload", json::object(), session);
    REQUIRE(b.wait_for(session, "document.readyState === 'complete' && document.querySelector('#hack .revote') !== null && "
                                "!document.getElementById('hack').hidden"));
    CHECK(b.eval(session, "document.querySelector('#hack .revote .room').textContent") ==
          "De zaal: mediaan 3,0, middelste helft 1,8 tot 4,3 (4 beoordelaars)");
    CHECK(b.eval(session, "document.querySelectorAll('#hack .revote .bar-row').length") == 5);
    CHECK(b.eval(session, "document.querySelector('#hack .revote .scale button.on').textContent") == "1");
    if (const char* shots = std::getenv("PILOTDECK_SHOT_DIR")) {
        b.call("Emulation.setDeviceMetricsOverride", {{"width", 390}, {"height", 844}, {"deviceScaleFactor", 1}, {"mobile", true}}, session);
        const std::string png = b.call("Page.captureScreenshot", {{"format", "png"}}, session)["data"];
        test::write_all(std::string(shots) + "/phone-revote.png", base64_decode(png));
        b.call("Emulation.clearDeviceMetricsOverride", json::object(), session);
    }
    b.eval(session, "document.querySelectorAll('#hack .revote .scale button')[2].click(); "
                    "document.querySelector('#hack .revote input').value = 'na het gesprek'; "
                    "document.querySelector('#hack .revote button.primary').click(); true");
    REQUIRE(b.wait_for(session, "document.querySelector('#hack .revote .mark.ok') !== null"));
    CHECK(b.eval(session, "document.querySelector('#hack .revote .mark.ok').textContent") == "Hierover heb je opnieuw gestemd.");
    srv.stop();
    const auto after = storage::WorkshopFile::open(file, storage::WorkshopFile::Mode::ReadOnly)->load();
    REQUIRE(after.score_history.size() == 1);
    CHECK(after.score_history[0].value == 1);
    CHECK(after.score_history[0].reason == "na het gesprek");
    for (const auto& sc : after.scores)
        if (sc.rater == "p1" && sc.idea == "i1" && sc.criterion == "c1") {
            CHECK(sc.value == 3);
            CHECK(sc.round == 2);
        }
}

TEST_CASE("chromium: criteria judging on a jury phone, with its progress", "[server][browser][hackathon]") {
    test::TempDir dir;
    const std::string file = dir.file("c.pilotdeck");
    test::create_workshop_file(file, test::hackathon_workshop(3, core::JudgingMethod::Criteria));
    server::PhoneServer srv;
    srv.start(file, test::loopback(core::StageKind::Judging));
    Browser b(dir.file("profile"), dir.file("chromium.log"));
    const std::string session = b.open(srv.url() + "#" + srv.jury_code());
    REQUIRE(b.wait_for(session, "document.readyState === 'complete' && !document.getElementById('join').hidden"));
    b.eval(session, "document.getElementById('name').value = 'Judge'; document.getElementById('join-btn').click(); true");
    REQUIRE(b.wait_for(session, "!document.getElementById('scoring').hidden && document.querySelectorAll('#idea-list .card').length === 3"));
    CHECK(b.eval(session, "document.querySelector('#idea-list .card h2').textContent") == "Team 1: Idea 1");
    CHECK(b.eval(session, "document.getElementById('round-msg').textContent") == "0 of 3 teams scored. Tap one number per question.");
    const std::string card = "document.querySelectorAll('#idea-list .card')[0]";
    for (int crit = 0; crit < 3; ++crit) {
        const std::string cell = card + ".querySelectorAll('.crit')[" + std::to_string(crit) + "]";
        b.eval(session, cell + ".querySelectorAll('.scale button')[3].click(); true");
        REQUIRE(b.wait_for(session, cell + ".querySelector('.mark').textContent === 'Saved'"));
    }
    REQUIRE(b.wait_for(session, "document.getElementById('round-msg').textContent.indexOf('1 of 3 teams') === 0"));
    srv.stop();
    const auto ws = storage::WorkshopFile::open(file, storage::WorkshopFile::Mode::ReadOnly)->load();
    REQUIRE(ws.scores.size() == 3);
    for (const auto& sc : ws.scores) {
        CHECK(sc.idea == "i1");
        CHECK(sc.value == 4);
        CHECK(sc.rater == ws.participants.back().id);
    }
    CHECK(ws.participants.back().role == core::Role::Jury);
}

TEST_CASE("chromium: \"A or B?\" in German at 1024x768: German words, long team names whole, skip kept", "[server][browser][hackathon]") {
    test::TempDir dir;
    const std::string file = dir.file("de.pilotdeck");
    core::Workshop hws = test::hackathon_workshop(4, core::JudgingMethod::Pairwise);
    hws.info.language = "de";
    for (auto& t : hws.teams) t.name = "Rechnungspr\u00FCfungsautomatisierung " + t.id;  // long German words
    for (auto& i : hws.ideas) i.title = "Eingangsrechnungen automatisch mit Bestellungen abgleichen (" + i.id + ")";
    test::create_workshop_file(file, hws);
    server::PhoneServer srv;
    server::ServerOptions o;
    o.bind = "127.0.0.1";
    o.port = 0;
    o.stage = core::StageKind::Judging;
    o.judging_seed = 11;
    srv.start(file, o);
    const std::string log = dir.file("chromium.log");
    Browser b(dir.file("profile"), log);
    std::string session;
    try {
        const json target = b.call("Target.createTarget", {{"url", "about:blank"}});
        session = b.call("Target.attachToTarget", {{"targetId", target["targetId"]}, {"flatten", true}})["sessionId"];
        b.call("Page.enable", json::object(), session);
        b.call("Emulation.setDeviceMetricsOverride", {{"width", 1024}, {"height", 768}, {"deviceScaleFactor", 1}, {"mobile", false}}, session);
        b.call("Page.navigate", {{"url", srv.join_url()}}, session);
    } catch (const std::exception& e) {
        FAIL(std::string(e.what()) + "\n" + test::read_all(log));
    }
    REQUIRE(b.wait_for(session, "document.readyState === 'complete' && !document.getElementById('join').hidden"));
    CHECK(b.eval(session, "document.documentElement.lang") == "de");
    b.eval(session, "document.getElementById('code').value = '" + srv.jury_code() +
                    "'; document.getElementById('name').value = 'Richterin'; document.getElementById('join-btn').click(); true");
    REQUIRE(b.wait_for(session, "document.querySelectorAll('#hack button.pick').length === 2"));
    CHECK(b.eval(session, "document.querySelector('#hack .progress').textContent") == "0 verglichen, noch etwa 4");
    CHECK(b.eval(session, "document.querySelector('#hack h2').textContent") == "Welches Team war besser?");
    const std::string buttons = b.eval(session, "Array.prototype.map.call(document.querySelectorAll('#hack button'), "
                                                "function (x) { return x.textContent; }).join('|')");
    INFO(buttons);
    CHECK(buttons.find("Dieses Paar \u00FCberspringen") != std::string::npos);
    CHECK(buttons.find("Meinen letzten Vergleich zur\u00FCcknehmen") != std::string::npos);
    CHECK(buttons.find("Tisch") == std::string::npos);  // the fixture's teams have no table
    for (const char* english : {"Skip", "Undo", "compared", "Table", "Which team"})
        CHECK(buttons.find(english) == std::string::npos);
    // Nothing wider than the window, no button whose text is cut.
    CHECK(b.eval(session, "document.documentElement.scrollWidth <= window.innerWidth") == true);
    CHECK(b.eval(session, "Array.prototype.every.call(document.querySelectorAll('#hack button, #hack p, #hack h2'), "
                          "function (x) { return x.scrollWidth <= x.clientWidth + 1; })") == true);
    if (const char* shots = std::getenv("PILOTDECK_SHOT_DIR")) {
        const std::string png = b.call("Page.captureScreenshot", {{"format", "png"}}, session)["data"];
        test::write_all(std::string(shots) + "/phone-pairwise-de-1024x768.png", base64_decode(png));
    }
    // Skip: "Übersprungen.", one team fewer to go, and the skip is in the file.
    b.eval(session, "Array.prototype.filter.call(document.querySelectorAll('#hack button'), function (x) { "
                    "return x.textContent === 'Dieses Paar \u00FCberspringen'; })[0].click(); true");
    REQUIRE(b.wait_for(session, "document.querySelector('#hack .progress').textContent === '0 verglichen, noch etwa 3'"));
    CHECK(b.eval(session, "document.body.textContent.indexOf('\u00DCbersprungen.') >= 0") == true);
    srv.stop();
    CHECK(storage::WorkshopFile::open(file, storage::WorkshopFile::Mode::ReadOnly)->load().skips.size() == 1);
}
