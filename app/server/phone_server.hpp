// The phone server (contracts.md section 5): participants join with a code and score, send ideas
// and tick concerns from their phones over the local network. HTTP by libmicrohttpd.
//
// Every change goes through ONE thread that owns the workshop's core::Session (and with it the
// database connection): request threads hand their work to it through a queue and answer only
// after the commit returned. Scores arriving together are committed as one transaction.
//
// Two ways to run it:
//  - start(file, ...): the server opens the workshop file and its own writer thread owns it
//    (`pilotdeck serve`).
//  - start(session, ...): the caller (the GUI) owns the session; its thread must call pump()
//    often (every frame): the queued work runs there, against that session.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "core/model.hpp"
#include "core/session.hpp"

namespace pilotdeck::storage {
class WorkshopFile;
}

namespace pilotdeck::server {

// what() is one line, e.g. "cannot listen on 192.168.1.20:8080: Address already in use".
class ServerError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

struct ServerOptions {
    std::string bind;  // IPv4 address; empty: the LAN address (127.0.0.1 when there is none)
    int port = 8080;   // 0: a free port chosen by the system (read it back with port())
    // The stage phones follow; nullopt: the session's current stage (it follows the GUI).
    std::optional<core::StageKind> stage;
    // Limits against misbehaving or slow clients (contracts.md section 5): connections beyond
    // them get 503 with Retry-After at once.
    unsigned connection_limit = 1024;
    unsigned per_ip_connection_limit = 16;  // phones behind one NAT share an address
    // A request must arrive whole within this time of the moment its connection became ready for
    // it (accepted, or the previous answer sent), whatever the trickle.
    unsigned request_deadline_ms = 10000;
    // Headers and read buffer per connection (bodies are read in pieces). libmicrohttpd clears
    // all of it for every request on a kept-alive connection: 32 KiB (its default) rather than
    // 64 KiB nearly halved that clearing (6.5 % -> 3.9 % of all CPU time in pilotdeck-bench
    // phones), 16 KiB halves it again. A header block is at most 8 KiB (raw_guard.hpp refuses
    // larger ones first), so 16 KiB holds the largest one we accept with its parsed headers.
    std::size_t connection_memory_limit = 16 * 1024;
    unsigned threads = 2;                             // polling threads (they never wait on the disk)
    // contracts 6: the seed of the judging pairs' random choices; nullopt: a random seed.
    std::optional<std::uint64_t> judging_seed;
    // contracts 10: the phone page is in the workshop's language; with this, in the phone's own
    // (Accept-Language) when it asks for en, nl or de. A facilitator's setting.
    bool language_from_phone = false;
    // GUI mode: called from a server thread whenever work was queued for pump(), e.g.
    // glfwPostEmptyEvent so that a window waiting for events wakes up. Must be thread-safe.
    std::function<void()> wake;
};

struct PhoneCounts {
    int joined = 0;    // participants with a phone token: joined through this server, or before a restart
    int finished = 0;  // of those: scored every criterion of every idea open for scoring
    int open_ideas = 0;
    // The names of those who finished, in the workshop's participant order: for the facilitator
    // notes only (the projected phones box shows the counts).
    std::vector<std::string> finished_names;
};

class PhoneServer {
public:
    PhoneServer();
    ~PhoneServer();  // stops
    PhoneServer(const PhoneServer&) = delete;
    PhoneServer& operator=(const PhoneServer&) = delete;

    // Serve mode: opens FILE read-write; a writer thread owns it. Throws ServerError or
    // storage::StorageError ("FILE: reason").
    void start(const std::string& file, const ServerOptions& options);
    // GUI mode: `session` (with its store) stays the caller's; it must outlive the server, and
    // pump() must be called on the session's thread while the server runs. Phones' tokens are
    // then kept in memory only.
    void start(core::Session& session, const ServerOptions& options);
    // GUI mode with the workshop file that is `session`'s store: phones' tokens are stored in it
    // with their participants and read back at start (as in serve mode), so a phone stays the
    // same participant when pilotdeck restarts. Throws also storage::StorageError.
    void start(core::Session& session, storage::WorkshopFile& file, const ServerOptions& options);
    // GUI mode: runs the queued work (joins, votes, state reads) against the session. Cheap when idle.
    void pump();
    // Stops listening; queued work is finished (serve mode) or refused with 503 (GUI mode).
    void stop();
    bool running() const;

    std::string address() const;    // the bound IPv4 address, e.g. "192.168.1.20"
    int port() const;               // the bound port
    std::string url() const;        // "http://ADDR:PORT/" (bound to 0.0.0.0: the LAN address)
    std::string join_code() const;  // six digits, new at every start
    // After 100 wrong codes within a minute from all addresses together the code is spent:
    // every join gets 403 until new_join_code(). The GUI shows this and binds new_join_code()
    // to a key; `pilotdeck serve` makes and prints a new code by itself.
    bool join_code_spent() const;
    std::string new_join_code();  // a fresh code (also when not spent); returns it
    // url() + "#" + join code: for the QR code; the page fills the code in from it (the part
    // after '#' never reaches the network).
    std::string join_url() const;
    // Whether the address is only reachable from this machine (no LAN address was found).
    bool loopback_only() const;

    // What phones see. All thread-safe; they take effect for the next request. They belong to
    // the running server: start() begins with the stage of ServerOptions, all ideas open and
    // the round open.
    void set_stage(std::optional<core::StageKind> stage);
    // The ideas open for scoring; nullopt: all ideas (the default).
    void set_open_ideas(std::optional<std::vector<std::string>> ideas);
    // Blind rounds: while the round is closed every vote gets 409. Open at start.
    // close_round() waits for a vote batch being checked and committed: once it returns, no
    // further vote is accepted.
    void close_round();
    void open_round();
    bool round_open() const;

    // contracts 6. The jury's join code: a phone that joins with it instead of join_code() is a
    // jury member (role jury). For the facilitator's eyes only (the presenter view, never the
    // projector); new at every start and with new_join_code().
    std::string jury_code() const;
    // The audience vote: open until closed; while closed every vote gets 409, also after a
    // restart (the workshop file keeps it; the session's thread, GUI only). Counts are never sent
    // to phones (the awards reveal them on the projector).
    void open_audience_vote();
    void close_audience_vote();
    bool audience_vote_open() const;
    // The facilitator's setting: the page in each phone's own language (see ServerOptions).
    void set_language_from_phone(bool allowed);

    PhoneCounts counts() const;

    struct Impl;

private:
    void start_gui(core::Session& session, storage::WorkshopFile* file, const ServerOptions& options);
    void set_audience_vote_open(bool open);
    std::unique_ptr<Impl> impl_;
};

}  // namespace pilotdeck::server
