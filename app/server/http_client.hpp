// A small HTTP/1.1 client over POSIX sockets, 127.0.0.1 only: the phone server's tests and the
// `phones` measure of pilotdeck-bench talk to the real server through it (library
// pilotdeck_http_client; not part of pilotdeck itself).
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace pilotdeck::server {

struct HttpResponse {
    int status = 0;  // 0: no complete response (connection failed, reset or closed)
    std::map<std::string, std::string> headers;  // names in lower case
    std::string body;
    std::string header(const std::string& name) const;
};

// One request's bytes: Host, the Bearer token when given, Content-Type: application/json and
// Content-Length unless GET or HEAD, the extra header lines ("Name: value"), then the body. What
// HttpClient::request sends, and the bench's event-loop phones too.
std::string request_bytes(const std::string& method, const std::string& path, const std::string& host,
                          const std::string& body = {}, const std::string& token = {},
                          const std::vector<std::string>& extra = {});

// The value of header `lower` (a lower-case name) in a response's head (the status line and the
// header lines, without the blank line), leading spaces dropped; nullopt when it is not there.
// The bench's event-loop phones read their answers with it.
std::optional<std::string_view> header_value(std::string_view head, std::string_view lower);

class HttpClient {
public:
    // `source`: the loopback address the client connects from (127.0.0.0/8), so that tests and
    // the bench can stand for phones on different addresses.
    explicit HttpClient(int port, std::string source = "127.0.0.1");
    ~HttpClient();
    HttpClient(const HttpClient&) = delete;
    HttpClient& operator=(const HttpClient&) = delete;

    // The Host header the requests carry ("127.0.0.1:PORT").
    std::string host() const;
    // A request with Host, Content-Length and (with a body) Content-Type: application/json.
    // Extra header lines are given as "Name: value".
    HttpResponse request(const std::string& method, const std::string& path, const std::string& body = {},
                         const std::string& token = {}, const std::vector<std::string>& extra = {});
    // Only Content-Length and Connection go into HttpResponse::headers (read for the body and
    // the keep-alive anyway): the bench's simulated phones read the status and the body, and
    // copying the dozen security headers of every answer was a share of the bench's own CPU.
    void set_lean(bool lean) { lean_ = lean; }
    // How long a send or a receive may wait (a safety bound; 60 s unless set).
    void set_timeout_ms(int ms) { timeout_ms_ = ms; }
    // Sends these exact bytes on a fresh connection and reads one response.
    HttpResponse raw(const std::string& bytes);

private:
    bool connect_();
    void close_();
    HttpResponse exchange(const std::string& bytes, bool may_retry);
    int port_;
    std::string source_;
    int timeout_ms_ = 60000;
    int fd_ = -1;
    bool lean_ = false;
};

}  // namespace pilotdeck::server
