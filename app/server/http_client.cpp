#include "server/http_client.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <string_view>
#include <utility>

namespace pilotdeck::server {

namespace {

// A header name against a lower-case one, ignoring ASCII case.
bool same_name(std::string_view name, std::string_view lower) {
    if (name.size() != lower.size()) return false;
    for (std::size_t i = 0; i < name.size(); ++i) {
        const char c = name[i] >= 'A' && name[i] <= 'Z' ? static_cast<char>(name[i] - 'A' + 'a') : name[i];
        if (c != lower[i]) return false;
    }
    return true;
}

}  // namespace

std::optional<std::string_view> header_value(std::string_view head, std::string_view lower) {
    std::size_t at = head.find("\r\n");
    while (at != std::string_view::npos) {
        const std::size_t start = at + 2;
        const std::size_t end = head.find("\r\n", start);
        const std::string_view line = head.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start);
        if (line.size() > lower.size() && line[lower.size()] == ':' && same_name(line.substr(0, lower.size()), lower)) {
            std::string_view v = line.substr(lower.size() + 1);
            while (!v.empty() && v.front() == ' ') v.remove_prefix(1);
            return v;
        }
        at = end;
    }
    return std::nullopt;
}

std::string HttpResponse::header(const std::string& name) const {
    auto it = headers.find(name);
    return it == headers.end() ? std::string() : it->second;
}

HttpClient::HttpClient(int port, std::string source) : port_(port), source_(std::move(source)) {}

HttpClient::~HttpClient() { close_(); }

std::string HttpClient::host() const { return "127.0.0.1:" + std::to_string(port_); }

bool HttpClient::connect_() {
    close_();
    fd_ = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd_ < 0) return false;
    // A safety bound so that a broken server cannot hang a test or the bench forever (not a timing assertion).
    timeval tv{timeout_ms_ / 1000, (timeout_ms_ % 1000) * 1000};
    setsockopt(fd_, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
    setsockopt(fd_, SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof tv);
    const int one = 1;
    setsockopt(fd_, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    if (source_ != "127.0.0.1") {
        sockaddr_in from{};
        from.sin_family = AF_INET;
        if (inet_pton(AF_INET, source_.c_str(), &from.sin_addr) != 1 || (ntohl(from.sin_addr.s_addr) >> 24) != 127 ||
            ::bind(fd_, reinterpret_cast<sockaddr*>(&from), sizeof from) != 0) {
            close_();
            return false;
        }
    }
    sockaddr_in sa{};
    sa.sin_family = AF_INET;
    sa.sin_port = htons(static_cast<std::uint16_t>(port_));
    inet_pton(AF_INET, "127.0.0.1", &sa.sin_addr);
    if (::connect(fd_, reinterpret_cast<sockaddr*>(&sa), sizeof sa) != 0) {
        close_();
        return false;
    }
    return true;
}

void HttpClient::close_() {
    if (fd_ >= 0) ::close(fd_);
    fd_ = -1;
}

std::string request_bytes(const std::string& method, const std::string& path, const std::string& host,
                          const std::string& body, const std::string& token, const std::vector<std::string>& extra) {
    // Built in one buffer: the bench's phones send hundreds of thousands of these.
    std::string req;
    req.reserve(160 + path.size() + token.size() + body.size());
    req.append(method).append(" ").append(path).append(" HTTP/1.1\r\nHost: ").append(host).append("\r\n");
    if (!token.empty()) req.append("Authorization: Bearer ").append(token).append("\r\n");
    if (method != "GET" && method != "HEAD") {
        req.append("Content-Type: application/json\r\n");
        req.append("Content-Length: ").append(std::to_string(body.size())).append("\r\n");
    }
    for (const auto& h : extra) req.append(h).append("\r\n");
    req.append("\r\n").append(body);
    return req;
}

HttpResponse HttpClient::request(const std::string& method, const std::string& path, const std::string& body,
                                 const std::string& token, const std::vector<std::string>& extra) {
    return exchange(request_bytes(method, path, host(), body, token, extra), true);
}

HttpResponse HttpClient::raw(const std::string& bytes) {
    close_();
    HttpResponse r = exchange(bytes, false);
    close_();
    return r;
}

HttpResponse HttpClient::exchange(const std::string& bytes, bool may_retry) {
    HttpResponse r;
    const bool reused = fd_ >= 0;
    if (fd_ < 0 && !connect_()) return r;
    std::size_t sent = 0;
    while (sent < bytes.size()) {
        const ssize_t n = ::send(fd_, bytes.data() + sent, bytes.size() - sent, MSG_NOSIGNAL);
        if (n <= 0) {
            if (n < 0 && errno == EINTR) continue;
            close_();
            // A kept-alive connection the server had closed: once more on a fresh one.
            return (reused && may_retry) ? exchange(bytes, false) : r;
        }
        sent += static_cast<std::size_t>(n);
    }
    std::string in;
    std::size_t header_end = std::string::npos;
    char buf[8192];
    auto read_more = [&]() -> bool {
        for (;;) {
            const ssize_t n = ::recv(fd_, buf, sizeof buf, 0);
            if (n < 0 && errno == EINTR) continue;
            if (n <= 0) return false;
            in.append(buf, static_cast<std::size_t>(n));
            return true;
        }
    };
    std::size_t searched = 0;  // "\r\n\r\n" is not in in[0, searched)
    while ((header_end = in.find("\r\n\r\n", searched)) == std::string::npos) {
        searched = in.size() < 3 ? 0 : in.size() - 3;
        if (!read_more()) {
            close_();
            if (in.empty() && reused && may_retry) return exchange(bytes, false);
            return r;
        }
    }
    const std::string_view head(in.data(), header_end);
    std::size_t line_end = head.find("\r\n");
    const std::string_view status_line = head.substr(0, line_end);
    if (status_line.size() < 12 || status_line.rfind("HTTP/1.", 0) != 0) {
        close_();
        return r;
    }
    const int status = std::atoi(in.c_str() + 9);
    while (line_end != std::string::npos) {
        const std::size_t next = head.find("\r\n", line_end + 2);
        const std::string_view line = head.substr(line_end + 2, next == std::string::npos ? std::string::npos : next - line_end - 2);
        const auto colon = line.find(':');
        if (colon != std::string::npos) {
            if (lean_ && !same_name(line.substr(0, colon), "content-length") && !same_name(line.substr(0, colon), "connection")) {
                line_end = next;
                continue;
            }
            std::string name(line.substr(0, colon));
            for (char& c : name)
                if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
            std::string_view value = line.substr(colon + 1);
            while (!value.empty() && value.front() == ' ') value.remove_prefix(1);
            r.headers[std::move(name)] = std::string(value);
        }
        line_end = next;
    }
    std::string body = in.substr(header_end + 4);
    const std::string cl = r.header("content-length");
    if (!cl.empty()) {
        const std::size_t want = std::stoul(cl);
        while (body.size() < want) {
            const std::size_t before = in.size();
            if (!read_more()) {
                close_();
                return HttpResponse{};
            }
            body += in.substr(before);
        }
        body.resize(want);
    } else {
        while (read_more()) {
        }
        body = in.substr(header_end + 4);
        close_();
    }
    r.status = status;
    r.body = std::move(body);
    if (r.header("connection") == "close") close_();
    return r;
}

}  // namespace pilotdeck::server
