// The front door of the phone server, before libmicrohttpd (http.cpp): it accepts every
// connection itself, so that
//  - at most `per_address` connections per client address and `total` in all are open; beyond
//    them a new connection gets 503 with Retry-After at once (never a wait in the backlog);
//  - the first request's header block is read (MSG_PEEK: the bytes stay for libmicrohttpd) and
//    checked raw, before the HTTP library parses it: a repeated Content-Length or Host, a NUL or
//    other control byte, a bare CR or LF, folded lines or an invalid Content-Length get one 400
//    with the app's security headers and the connection is closed; too long a request line gets
//    414, too large a header block 431 (libmicrohttpd never writes its own error pages for them);
//  - every request arrives whole within `deadline` of the moment the connection became ready
//    for it (accepted, or the previous answer sent), whatever the trickle: the watchdog shuts a
//    late connection down. A request that is whole is not timed while the session's thread
//    works on it.
// Requests after the first on a kept-alive connection are checked the same way, raw, as
// libmicrohttpd reads them (raw_guard.hpp).
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <netinet/in.h>

namespace pilotdeck::server {

struct FrontLimits {
    unsigned per_address = 16;
    unsigned total = 1024;
    std::chrono::milliseconds deadline{10000};
    std::size_t max_request_line = 4096;   // longer: 414
    std::size_t max_header_block = 8192;   // larger: 431
};

// What is wrong with a raw header block (up to and without the blank line): "" when fine, else
// the answer's status (400, 414 or 431) and a short reason.
struct RawCheck {
    unsigned status = 0;
    std::string reason;
};
RawCheck check_raw_head(std::string_view head, const FrontLimits& limits);
// The same for the start of a header block that is not whole yet: what can never become a good
// one (a NUL, a bare CR or LF, too long a request line, too many bytes).
RawCheck check_partial_head(std::string_view data, const FrontLimits& limits);

// One complete HTTP/1.1 answer with the app's security headers, the JSON body {"error": reason}
// and "Connection: close" (for answers the front writes itself).
std::string raw_error_response(unsigned status, const std::string& reason, unsigned retry_after = 0);

class Front {
public:
    // Hands an accepted connection whose first header block passed to the HTTP library; false
    // when the library refused it (it has closed the socket then).
    using Handoff = std::function<bool(int fd, const sockaddr_in& peer)>;
    Front(int listen_fd, FrontLimits limits, Handoff handoff);
    ~Front();  // stops
    Front(const Front&) = delete;
    Front& operator=(const Front&) = delete;
    void start();
    void stop();  // stops accepting; connections still with the front are closed

    // From the HTTP library's threads, by socket.
    void request_whole(int fd);  // the request is in: not timed while it is being answered
    void request_done(int fd);   // answered: the next one must come whole within the deadline
    void closed(int fd);         // the library closed it

    struct Impl;

private:
    std::unique_ptr<Impl> impl_;
};

}  // namespace pilotdeck::server

namespace pilotdeck::server {
// The headers every answer carries (also those the front writes itself).
const std::vector<std::pair<const char*, const char*>>& security_headers();
}  // namespace pilotdeck::server
