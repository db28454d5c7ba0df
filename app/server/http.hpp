// HTTP and security: libmicrohttpd, the connection limits, the Host/Origin/Bearer checks and the
// body rules of contracts.md section 5, and the security headers on every answer. A whole,
// accepted request goes to the routes; a job is handed to `submit` with its connection suspended
// until the session's thread calls resume().
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "server/job.hpp"
#include "server/phone_server.hpp"

namespace pilotdeck::server {

class TokenTable;
class JoinGuard;

class HttpServer {
public:
    // Takes the job (its origin set) and returns true, or false when the server stops (503).
    using Submit = std::function<bool(Job&&)>;
    HttpServer(TokenTable& tokens, JoinGuard& guard, Submit submit);
    ~HttpServer();
    HttpServer(const HttpServer&) = delete;
    HttpServer& operator=(const HttpServer&) = delete;

    void start(const ServerOptions& options);  // throws ServerError
    void stop();                                // waits for the polling threads
    bool running() const;

    // Answers a submitted job's request; any thread. Call once per submitted job.
    static void resume(void* origin, Reply reply);

    std::string address() const { return address_; }          // bound
    std::string public_address() const { return public_; }    // what phones use
    int port() const { return port_; }
    bool loopback_only() const { return loopback_only_; }

    struct Impl;

private:
    std::unique_ptr<Impl> impl_;
    std::string address_, public_;
    int port_ = 0;
    bool loopback_only_ = false;
};

}  // namespace pilotdeck::server
