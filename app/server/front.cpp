#include "server/front.hpp"

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/tcp.h>
#include <pthread.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <mutex>
#include <thread>
#include <unordered_map>
#include <vector>

#include <nlohmann/json.hpp>

#include "server/messages.hpp"

namespace pilotdeck::server {

using i18n::N_;

namespace {

using Clock = std::chrono::steady_clock;

constexpr std::size_t kMaxLingering = 1024;
constexpr auto kLinger = std::chrono::milliseconds(1000);
constexpr auto kSweepEvery = std::chrono::milliseconds(100);

bool tchar(unsigned char c) {
    if ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) return true;
    for (char t : std::string_view("!#$%&'*+-.^_`|~"))
        if (c == static_cast<unsigned char>(t)) return true;
    return false;
}

bool control(unsigned char c) { return (c < 0x20 && c != '\t') || c == 0x7F; }

bool iequals(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i) {
        const auto x = static_cast<unsigned char>(a[i]), y = static_cast<unsigned char>(b[i]);
        if ((x >= 'A' && x <= 'Z' ? x + 32 : x) != (y >= 'A' && y <= 'Z' ? y + 32 : y)) return false;
    }
    return true;
}

std::string_view trim_ows(std::string_view v) {
    while (!v.empty() && (v.front() == ' ' || v.front() == '\t')) v.remove_prefix(1);
    while (!v.empty() && (v.back() == ' ' || v.back() == '\t')) v.remove_suffix(1);
    return v;
}

const char* reason_phrase(unsigned status) {
    switch (status) {
        case 400: return "Bad Request";
        case 408: return "Request Timeout";
        case 411: return "Length Required";
        case 414: return "URI Too Long";
        case 431: return "Request Header Fields Too Large";
        case 503: return "Service Unavailable";
        default: return "Error";
    }
}

}  // namespace

const std::vector<std::pair<const char*, const char*>>& security_headers() {
    static const std::vector<std::pair<const char*, const char*>> kHeaders = {
        {"Cache-Control", "no-store"},
        {"X-Content-Type-Options", "nosniff"},
        {"Referrer-Policy", "no-referrer"},
        {"X-Frame-Options", "DENY"},
        {"Cross-Origin-Resource-Policy", "same-origin"},
        {"Content-Security-Policy",
         "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self'; "
         "base-uri 'none'; form-action 'none'; frame-ancestors 'none'"},
    };
    return kHeaders;
}

RawCheck check_raw_head(std::string_view head, const FrontLimits& limits) {
    const std::size_t eol = head.find("\r\n");
    const std::string_view request_line = head.substr(0, eol);
    if (request_line.size() > limits.max_request_line) return {414, N_("the request line is too long")};
    for (char ch : request_line)
        if (const auto c = static_cast<unsigned char>(ch); c < 0x20 || c == 0x7F) return {400, N_("a control character in the request line")};
    if (head.size() > limits.max_header_block) return {431, N_("the headers are too large")};
    int hosts = 0, lengths = 0;
    std::size_t pos = eol == std::string_view::npos ? head.size() : eol + 2;
    while (pos < head.size()) {
        std::size_t next = head.find("\r\n", pos);
        if (next == std::string_view::npos) next = head.size();
        const std::string_view line = head.substr(pos, next - pos);
        pos = next + 2;
        if (line.empty()) return {400, N_("an empty header line")};
        if (line.front() == ' ' || line.front() == '\t') return {400, N_("a folded header line")};
        const std::size_t colon = line.find(':');
        if (colon == std::string_view::npos || colon == 0) return {400, N_("a header line without a name")};
        const std::string_view name = line.substr(0, colon);
        for (char c : name)
            if (!tchar(static_cast<unsigned char>(c))) return {400, N_("a header name with a character that is not allowed")};
        const std::string_view value = line.substr(colon + 1);
        for (char c : value)
            if (control(static_cast<unsigned char>(c))) return {400, N_("a control character in a header")};
        if (iequals(name, "host")) ++hosts;
        if (iequals(name, "content-length")) {
            ++lengths;
            const std::string_view v = trim_ows(value);
            if (v.empty() || v.size() > 18) return {400, N_("an invalid Content-Length")};
            for (char c : v)
                if (c < '0' || c > '9') return {400, N_("an invalid Content-Length")};
        }
    }
    if (hosts > 1) return {400, N_("a repeated Host header")};
    if (lengths > 1) return {400, N_("a repeated Content-Length header")};
    return {};
}

RawCheck check_partial_head(std::string_view data, const FrontLimits& limits) {
    const std::size_t line_end = data.find("\r\n");
    if (line_end == std::string_view::npos && data.size() > limits.max_request_line) return {414, N_("the request line is too long")};
    for (std::size_t i = 0; i < data.size(); ++i) {
        const auto c = static_cast<unsigned char>(data[i]);
        if (c == 0 || (c == '\n' && (i == 0 || data[i - 1] != '\r')) || (c == '\r' && i + 1 < data.size() && data[i + 1] != '\n'))
            return {400, c == 0 ? N_("a NUL byte in the headers") : N_("a bare line break in the headers")};
    }
    if (data.size() > limits.max_header_block) return {431, N_("the headers are too large")};
    return {};
}

std::string raw_error_response(unsigned status, const std::string& reason, unsigned retry_after) {
    // The reason is a message id (N_): in the page's language (the workshop's), as the HTTP layer's are.
    const std::string body = nlohmann::json{{"error", i18n::tr_in(phone_language(nullptr), reason.c_str())}}.dump();
    std::string out = "HTTP/1.1 " + std::to_string(status) + " " + reason_phrase(status) + "\r\n";
    out += "Content-Type: application/json; charset=utf-8\r\n";
    for (const auto& [k, v] : security_headers()) out += std::string(k) + ": " + v + "\r\n";
    if (retry_after) out += "Retry-After: " + std::to_string(retry_after) + "\r\n";
    out += "Connection: close\r\nContent-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body;
    return out;
}

struct Front::Impl {
    int listen_fd;
    FrontLimits limits;
    Handoff handoff;
    int ep = -1, wake = -1;
    std::thread thread;

    // Shared with the HTTP library's threads.
    struct Handed {
        std::uint32_t address = 0;
        Clock::time_point deadline;
        bool busy = false;
        bool shut = false;
    };
    std::mutex mu;
    std::unordered_map<std::uint32_t, unsigned> per_address;
    unsigned total = 0;
    std::unordered_map<int, Handed> handed;

    // The front's thread only.
    struct Pending {
        sockaddr_in peer{};
        Clock::time_point deadline;
    };
    std::unordered_map<int, Pending> pending;
    std::unordered_map<int, Clock::time_point> lingering;  // answered and closing: drained until EOF or a second
    std::vector<char> peek;

    Impl(int fd, FrontLimits l, Handoff h) : listen_fd(fd), limits(l), handoff(std::move(h)) {
        peek.resize(limits.max_header_block + limits.max_request_line + 8);
    }

    void release(std::uint32_t address) {  // mu held
        if (total > 0) --total;
        auto it = per_address.find(address);
        if (it != per_address.end() && --it->second == 0) per_address.erase(it);
    }

    // Answers and closes gently: the answer goes out, what the client still sends is read and
    // dropped for a moment (an abrupt close with unread bytes would reset the answer away).
    void refuse(int fd, unsigned status, const std::string& reason, unsigned retry_after = 0) {
        const std::string out = raw_error_response(status, reason, retry_after);
        (void)::send(fd, out.data(), out.size(), MSG_NOSIGNAL | MSG_DONTWAIT);
        ::shutdown(fd, SHUT_WR);
        if (lingering.size() >= kMaxLingering) {
            ::close(fd);
            return;
        }
        epoll_event ev{};
        ev.events = EPOLLIN | EPOLLRDHUP | EPOLLET;
        ev.data.fd = fd;
        if (epoll_ctl(ep, EPOLL_CTL_ADD, fd, &ev) != 0 && errno != EEXIST) {
            ::close(fd);
            return;
        }
        lingering[fd] = Clock::now() + kLinger;
        drain(fd);
    }

    void drain(int fd) {
        char buf[4096];
        for (;;) {
            const ssize_t n = ::recv(fd, buf, sizeof buf, MSG_DONTWAIT);
            if (n > 0) continue;
            if (n < 0 && errno == EINTR) continue;
            if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) return;
            lingering.erase(fd);
            ::close(fd);  // EOF or an error: done
            return;
        }
    }

    void accept_all() {
        for (;;) {
            sockaddr_in peer{};
            socklen_t len = sizeof peer;
            const int fd = ::accept4(listen_fd, reinterpret_cast<sockaddr*>(&peer), &len, SOCK_NONBLOCK | SOCK_CLOEXEC);
            if (fd < 0) {
                if (errno == EINTR || errno == ECONNABORTED) continue;
                return;  // EAGAIN, or out of descriptors (the sweep comes back)
            }
            const std::uint32_t address = peer.sin_addr.s_addr;
            bool full = false;
            {
                std::lock_guard l(mu);
                unsigned& mine = per_address[address];
                if (total >= limits.total || mine >= limits.per_address) {
                    full = true;
                    if (mine == 0) per_address.erase(address);
                } else {
                    ++mine;
                    ++total;
                }
            }
            if (full) {
                refuse(fd, 503, i18n::tr_in(phone_language(nullptr), i18n::N_("too many connections: try again in a moment")), 2);
                continue;
            }
            const int one = 1;
            setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
            pending[fd] = Pending{peer, Clock::now() + limits.deadline};
            epoll_event ev{};
            ev.events = EPOLLIN | EPOLLRDHUP | EPOLLET;
            ev.data.fd = fd;
            if (epoll_ctl(ep, EPOLL_CTL_ADD, fd, &ev) != 0) drop_pending(fd);
        }
    }

    void drop_pending(int fd) {
        auto it = pending.find(fd);
        if (it == pending.end()) return;
        {
            std::lock_guard l(mu);
            release(it->second.peer.sin_addr.s_addr);
        }
        pending.erase(it);
        ::close(fd);
    }

    void refuse_pending(int fd, unsigned status, const std::string& reason) {
        auto it = pending.find(fd);
        {
            std::lock_guard l(mu);
            release(it->second.peer.sin_addr.s_addr);
        }
        pending.erase(it);
        refuse(fd, status, reason);
    }

    // New bytes on a connection whose first header block is not complete yet.
    void on_pending(int fd) {
        const ssize_t n = ::recv(fd, peek.data(), peek.size(), MSG_PEEK | MSG_DONTWAIT);
        if (n == 0 || (n < 0 && errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR)) return drop_pending(fd);
        if (n < 0) return;
        const std::string_view data(peek.data(), static_cast<std::size_t>(n));
        const std::size_t end = data.find("\r\n\r\n");
        if (end == std::string_view::npos) {
            const RawCheck early = check_partial_head(data, limits);
            if (early.status) return refuse_pending(fd, early.status, early.reason);
            return;
        }
        const RawCheck check = check_raw_head(data.substr(0, end), limits);
        if (check.status) return refuse_pending(fd, check.status, check.reason);
        // Whole and sound: libmicrohttpd takes it from here (and reads the same bytes).
        epoll_ctl(ep, EPOLL_CTL_DEL, fd, nullptr);
        const Pending p = pending[fd];
        pending.erase(fd);
        {
            std::lock_guard l(mu);
            handed[fd] = Handed{p.peer.sin_addr.s_addr, p.deadline, false, false};
        }
        if (!handoff(fd, p.peer)) {  // the library closed the socket
            std::lock_guard l(mu);
            if (handed.erase(fd)) release(p.peer.sin_addr.s_addr);
        }
    }

    void sweep() {
        const auto now = Clock::now();
        std::vector<int> late;
        for (const auto& [fd, p] : pending)
            if (now >= p.deadline) late.push_back(fd);
        for (int fd : late) drop_pending(fd);
        late.clear();
        for (const auto& [fd, until] : lingering)
            if (now >= until) late.push_back(fd);
        for (int fd : late) {
            lingering.erase(fd);
            ::close(fd);
        }
        // Connections with the library: a late request is cut off. The library closes the
        // socket only after closed() took it out of `handed` (under mu), so fd is still ours.
        std::lock_guard l(mu);
        for (auto& [fd, h] : handed)
            if (!h.busy && !h.shut && now >= h.deadline) {
                ::shutdown(fd, SHUT_RDWR);
                h.shut = true;
            }
    }

    void run() {
        pthread_setname_np(pthread_self(), "pd-front");
        epoll_event events[64];
        auto next_sweep = Clock::now() + kSweepEvery;
        for (;;) {
            const int n = epoll_wait(ep, events, 64, static_cast<int>(kSweepEvery.count()));
            for (int i = 0; i < n; ++i) {
                const int fd = events[i].data.fd;
                if (fd == wake) return;
                if (fd == listen_fd)
                    accept_all();
                else if (pending.count(fd))
                    on_pending(fd);
                else if (lingering.count(fd))
                    drain(fd);
            }
            if (Clock::now() >= next_sweep) {
                sweep();
                next_sweep = Clock::now() + kSweepEvery;
            }
        }
    }
};

Front::Front(int listen_fd, FrontLimits limits, Handoff handoff)
    : impl_(std::make_unique<Impl>(listen_fd, limits, std::move(handoff))) {}

Front::~Front() { stop(); }

void Front::start() {
    Impl& m = *impl_;
    fcntl(m.listen_fd, F_SETFL, fcntl(m.listen_fd, F_GETFL) | O_NONBLOCK);
    m.ep = epoll_create1(EPOLL_CLOEXEC);
    m.wake = eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
    for (int fd : {m.listen_fd, m.wake}) {
        epoll_event ev{};
        ev.events = EPOLLIN;
        ev.data.fd = fd;
        epoll_ctl(m.ep, EPOLL_CTL_ADD, fd, &ev);
    }
    m.thread = std::thread([&m] { m.run(); });
}

void Front::stop() {
    Impl& m = *impl_;
    if (!m.thread.joinable()) return;
    const std::uint64_t one = 1;
    (void)::write(m.wake, &one, sizeof one);
    m.thread.join();
    for (const auto& [fd, p] : m.pending) ::close(fd);
    for (const auto& [fd, t] : m.lingering) ::close(fd);
    m.pending.clear();
    m.lingering.clear();
    ::close(m.ep);
    ::close(m.wake);
    ::close(m.listen_fd);
}

void Front::request_whole(int fd) {
    std::lock_guard l(impl_->mu);
    if (auto it = impl_->handed.find(fd); it != impl_->handed.end()) it->second.busy = true;
}

void Front::request_done(int fd) {
    std::lock_guard l(impl_->mu);
    if (auto it = impl_->handed.find(fd); it != impl_->handed.end()) {
        it->second.busy = false;
        it->second.deadline = Clock::now() + impl_->limits.deadline;
    }
}

std::vector<int> Front::handed_sockets() const {
    std::lock_guard l(impl_->mu);
    std::vector<int> out;
    out.reserve(impl_->handed.size());
    for (const auto& [fd, h] : impl_->handed) out.push_back(fd);
    return out;
}

void Front::closed(int fd) {
    std::lock_guard l(impl_->mu);
    auto it = impl_->handed.find(fd);
    if (it == impl_->handed.end()) return;
    const std::uint32_t address = it->second.address;
    impl_->handed.erase(it);
    impl_->release(address);
}

}  // namespace pilotdeck::server
