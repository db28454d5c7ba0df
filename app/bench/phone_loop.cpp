#include "phone_loop.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <fcntl.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <functional>
#include <queue>
#include <stdexcept>
#include <string_view>
#include <utility>

#include "server/http_client.hpp"

namespace pilotdeck::bench {

namespace {

using server::header_value;

constexpr int kStallMs = 60000;  // a safety bound: a server that answers nothing for a minute fails the phones waiting

}  // namespace

struct PhoneLoop::Conn {
    std::string source;
    int fd = -1;
    bool used = false;     // an answer came on this connection: the server may have closed it since
    bool retried = false;  // this request was already sent again on a fresh connection
    bool want_out = false; // EPOLLOUT asked for (a send that did not go out whole)
    std::string out;       // the request's bytes
    std::size_t out_sent = 0;
    std::string in;
    bool busy = false;  // a request is out and its answer not yet whole
    LoopClock::time_point sent;
    std::optional<PhoneRequest> waiting;  // a paced request not yet due
    bool queued = false;                  // `waiting` is in run()'s queue of due requests
};

PhoneLoop::PhoneLoop(int port, std::vector<std::string> sources) : port_(port), host_("127.0.0.1:" + std::to_string(port)) {
    epoll_ = epoll_create1(EPOLL_CLOEXEC);
    if (epoll_ < 0) throw std::runtime_error("epoll_create1 failed");
    conns_.resize(sources.size());
    for (std::size_t i = 0; i < sources.size(); ++i) conns_[i].source = std::move(sources[i]);
}

PhoneLoop::~PhoneLoop() {
    for (auto& c : conns_) close(c);
    ::close(epoll_);
}

bool PhoneLoop::open(Conn& c) {
    close(c);
    c.fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (c.fd < 0) return false;
    const int one = 1;
    setsockopt(c.fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    sockaddr_in from{};
    from.sin_family = AF_INET;
    sockaddr_in to{};
    to.sin_family = AF_INET;
    to.sin_port = htons(static_cast<std::uint16_t>(port_));
    inet_pton(AF_INET, "127.0.0.1", &to.sin_addr);
    // Connected while blocking (on loopback at once), then non-blocking for the exchanges.
    if (inet_pton(AF_INET, c.source.c_str(), &from.sin_addr) != 1 || ::bind(c.fd, reinterpret_cast<sockaddr*>(&from), sizeof from) != 0 ||
        ::connect(c.fd, reinterpret_cast<sockaddr*>(&to), sizeof to) != 0) {
        close(c);
        return false;
    }
    const int fl = fcntl(c.fd, F_GETFL);
    fcntl(c.fd, F_SETFL, fl | O_NONBLOCK);
    epoll_event ev{};
    ev.events = EPOLLIN;
    ev.data.u64 = static_cast<std::uint64_t>(&c - conns_.data());
    epoll_ctl(epoll_, EPOLL_CTL_ADD, c.fd, &ev);
    c.used = false;
    c.want_out = false;
    c.in.clear();
    return true;
}

void PhoneLoop::close(Conn& c) {
    if (c.fd < 0) return;
    epoll_ctl(epoll_, EPOLL_CTL_DEL, c.fd, nullptr);
    ::close(c.fd);
    c.fd = -1;
}

void PhoneLoop::send_next(std::size_t i) {
    std::optional<PhoneRequest> req = (*scripts_)[i]->next();
    if (!req) {
        --active_;
        return;
    }
    if (req->not_before > LoopClock::now())
        conns_[i].waiting = std::move(req);
    else
        start(i, std::move(*req));
}

void PhoneLoop::start(std::size_t i, PhoneRequest req) {
    Conn& c = conns_[i];
    c.out = server::request_bytes(req.method, req.path, host_, req.body, req.token);
    c.out_sent = 0;
    c.retried = false;
    c.in.clear();
    c.busy = true;
    c.sent = LoopClock::now();
    if (c.fd < 0 && !open(c)) return finish(i, 0, {});
    flush(i);
}

void PhoneLoop::flush(std::size_t i) {
    Conn& c = conns_[i];
    while (c.out_sent < c.out.size()) {
        const ssize_t n = ::send(c.fd, c.out.data() + c.out_sent, c.out.size() - c.out_sent, MSG_NOSIGNAL);
        if (n > 0) {
            c.out_sent += static_cast<std::size_t>(n);
            continue;
        }
        if (n < 0 && errno == EINTR) continue;
        if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
            if (!c.want_out) {
                epoll_event ev{};
                ev.events = EPOLLIN | EPOLLOUT;
                ev.data.u64 = i;
                epoll_ctl(epoll_, EPOLL_CTL_MOD, c.fd, &ev);
                c.want_out = true;
            }
            return;
        }
        // The connection broke while sending: a kept-alive one the server had closed is tried once more.
        const bool again = c.used && !c.retried;
        close(c);
        if (again && open(c)) {
            c.retried = true;
            c.out_sent = 0;
            continue;
        }
        return finish(i, 0, {});
    }
    if (c.want_out) {
        epoll_event ev{};
        ev.events = EPOLLIN;
        ev.data.u64 = i;
        epoll_ctl(epoll_, EPOLL_CTL_MOD, c.fd, &ev);
        c.want_out = false;
    }
}

bool PhoneLoop::read(std::size_t i) {
    Conn& c = conns_[i];
    char buf[16384];
    bool eof = false;
    for (;;) {
        const ssize_t n = ::recv(c.fd, buf, sizeof buf, 0);
        if (n > 0) {
            c.in.append(buf, static_cast<std::size_t>(n));
            continue;
        }
        if (n < 0 && errno == EINTR) continue;
        if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) break;
        eof = true;  // closed, or reset
        break;
    }
    const std::size_t head_end = c.in.find("\r\n\r\n");
    if (head_end != std::string::npos) {
        const std::string_view head(c.in.data(), head_end);
        if (head.size() < 12 || head.rfind("HTTP/1.", 0) != 0) {
            close(c);
            finish(i, 0, {});
            return true;
        }
        const auto length = header_value(head, "content-length");
        const std::size_t want = length ? std::strtoul(std::string(*length).c_str(), nullptr, 10) : 0;
        if (length && c.in.size() >= head_end + 4 + want) {
            const int status = std::atoi(c.in.c_str() + 9);
            std::string body = c.in.substr(head_end + 4, want);
            const auto connection = header_value(head, "connection");
            if (eof || (connection && *connection == "close")) close(c);
            else c.used = true;
            finish(i, status, std::move(body));
            return true;
        }
    }
    if (!eof) return false;
    // Closed before the answer was whole: a kept-alive connection the server had closed while
    // idle gets the request once more on a fresh one; anything else fails this request.
    const bool again = c.in.empty() && c.used && !c.retried;
    close(c);
    if (again && open(c)) {
        c.retried = true;
        c.out_sent = 0;
        flush(i);
        return false;
    }
    finish(i, 0, {});
    return true;
}

void PhoneLoop::finish(std::size_t i, int status, std::string body) {
    Conn& c = conns_[i];
    PhoneAnswer a;
    a.status = status;
    a.body = std::move(body);
    a.sent = c.sent;
    a.got = LoopClock::now();
    c.in.clear();
    c.busy = false;
    (*scripts_)[i]->answered(a);
    send_next(i);
}

void PhoneLoop::run(const std::vector<PhoneScript*>& scripts) {
    if (scripts.size() > conns_.size()) throw std::invalid_argument("more phones than connections");
    scripts_ = &scripts;
    active_ = scripts.size();
    using Due = std::pair<LoopClock::time_point, std::size_t>;
    std::priority_queue<Due, std::vector<Due>, std::greater<>> due;
    // A phone whose next request waits for its time goes into the queue once, whatever path
    // (an answer, a failure, a retry) asked for that request.
    auto collect = [&](std::size_t i) {
        if (conns_[i].waiting && !conns_[i].queued) {
            due.emplace(conns_[i].waiting->not_before, i);
            conns_[i].queued = true;
        }
    };
    for (std::size_t i = 0; i < scripts.size(); ++i) {
        send_next(i);
        collect(i);
    }
    std::vector<epoll_event> events(512);
    auto last_answer = LoopClock::now();
    while (active_ > 0) {
        int timeout = kStallMs;
        if (!due.empty()) {
            const auto wait = std::chrono::ceil<std::chrono::milliseconds>(due.top().first - LoopClock::now()).count();
            timeout = static_cast<int>(std::clamp<long long>(wait, 0, kStallMs));
        }
        const int n = epoll_wait(epoll_, events.data(), static_cast<int>(events.size()), timeout);
        if (n < 0 && errno != EINTR) throw std::runtime_error("epoll_wait failed");
        for (int k = 0; k < n; ++k) {
            const auto i = static_cast<std::size_t>(events[static_cast<std::size_t>(k)].data.u64);
            const std::uint32_t e = events[static_cast<std::size_t>(k)].events;
            if (conns_[i].fd < 0) continue;
            if ((e & EPOLLOUT) && conns_[i].want_out) flush(i);
            if (conns_[i].fd >= 0 && (e & (EPOLLIN | EPOLLHUP | EPOLLERR)) && read(i)) last_answer = LoopClock::now();
            collect(i);
        }
        const auto now = LoopClock::now();
        while (!due.empty() && due.top().first <= now) {
            const std::size_t i = due.top().second;
            due.pop();
            conns_[i].queued = false;
            PhoneRequest req = std::move(*conns_[i].waiting);
            conns_[i].waiting.reset();
            start(i, std::move(req));
            collect(i);  // a request that failed at once may have asked for the next one
        }
        if (n == 0 && due.empty() && now - last_answer > std::chrono::milliseconds(kStallMs)) {
            // Nothing answered for a minute: the phones still waiting fail, and the run ends.
            for (std::size_t i = 0; i < scripts.size(); ++i)
                if (conns_[i].busy) {
                    close(conns_[i]);
                    finish(i, 0, {});
                    collect(i);
                }
            last_answer = now;
        }
    }
    scripts_ = nullptr;
}

}  // namespace pilotdeck::bench
