// Many simulated phones on one thread: each phone has its own kept-alive connection from its own
// loopback address, and one thread drives them all with non-blocking sockets and epoll, the way
// load generators such as wrk do. Phones in a room are separate devices; on the bench they share
// the laptop's two cores with the server they measure, so they must cost it as little as
// possible: a thread per phone spent about a third of the bench's CPU on waking threads.
//
// A phone is a PhoneScript: asked for its next request at the start and after each answer, told
// each answer with the moment it was sent and the moment it was whole.
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <vector>

namespace pilotdeck::bench {

using LoopClock = std::chrono::steady_clock;

struct PhoneRequest {
    std::string method;  // "GET", "POST", "PUT"
    std::string path;
    std::string body;   // JSON (Content-Type: application/json when not a GET)
    std::string token;  // Authorization: Bearer, when not empty
    LoopClock::time_point not_before{};  // a phone at the room's pace sends no earlier than this
};

struct PhoneAnswer {
    int status = 0;  // 0: no complete answer (the connection failed or closed)
    std::string body;
    LoopClock::time_point sent, got;  // the request's first byte sent; the answer's last byte read
};

class PhoneScript {
public:
    virtual ~PhoneScript() = default;
    virtual std::optional<PhoneRequest> next() = 0;  // none: this phone is done
    virtual void answered(const PhoneAnswer& answer) = 0;
};

class PhoneLoop {
public:
    // One connection per source address (127.0.0.0/8), opened on first use and kept alive across
    // run() calls; a connection the server closes is opened again for the next request.
    PhoneLoop(int port, std::vector<std::string> sources);
    ~PhoneLoop();
    PhoneLoop(const PhoneLoop&) = delete;
    PhoneLoop& operator=(const PhoneLoop&) = delete;

    // Drives scripts[i] on connection i until every script is done.
    void run(const std::vector<PhoneScript*>& scripts);

private:
    struct Conn;
    bool open(Conn& c);
    void close(Conn& c);
    void send_next(std::size_t i);
    void start(std::size_t i, PhoneRequest req);
    void flush(std::size_t i);
    bool read(std::size_t i);  // true: the answer is whole (or the connection failed)
    void finish(std::size_t i, int status, std::string body);

    int port_;
    int epoll_ = -1;
    std::string host_;
    std::vector<Conn> conns_;
    std::size_t active_ = 0;
    const std::vector<PhoneScript*>* scripts_ = nullptr;
};

}  // namespace pilotdeck::bench
