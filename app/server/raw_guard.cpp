#include "server/raw_guard.hpp"

#include <dlfcn.h>
#include <sys/socket.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <string>
#include <string_view>
#include <vector>

#include "base/i18n.hpp"

extern "C" {
extern const int pilotdeck_recv_interposer;  // raw_recv.cpp
}

namespace pilotdeck::server::raw_guard {

using i18n::N_;

namespace {

struct Watch {
    FrontLimits limits;
    std::size_t remaining = 0;  // bytes of the current request still to let through; 0: a header block comes
};

// Indexed by socket; libmicrohttpd's descriptors stay well below (the soft limit is 4,096).
constexpr int kMaxFd = 1 << 16;
std::atomic<Watch*> g_watch[kMaxFd];

ssize_t plain(int fd, void* buf, std::size_t len, int flags) { return ::recvfrom(fd, buf, len, flags, nullptr, nullptr); }

std::size_t header_bytes(std::string_view head, std::string_view name, std::string_view* value) {
    // The value of header `name` (case-insensitive) in a checked block; count of occurrences.
    std::size_t count = 0;
    std::size_t pos = head.find("\r\n");
    while (pos != std::string_view::npos && pos + 2 < head.size()) {
        pos += 2;
        std::size_t next = head.find("\r\n", pos);
        if (next == std::string_view::npos) next = head.size();
        const std::string_view line = head.substr(pos, next - pos);
        const std::size_t colon = line.find(':');
        if (colon == name.size() &&
            std::equal(name.begin(), name.end(), line.begin(), [](char a, char b) {
                return (a >= 'A' && a <= 'Z' ? a + 32 : a) == (b >= 'A' && b <= 'Z' ? b + 32 : b);
            })) {
            ++count;
            std::string_view v = line.substr(colon + 1);
            while (!v.empty() && (v.front() == ' ' || v.front() == '\t')) v.remove_prefix(1);
            while (!v.empty() && (v.back() == ' ' || v.back() == '\t')) v.remove_suffix(1);
            *value = v;
        }
        pos = next;
    }
    return count;
}

// Answers, drops what the client sent, and tells libmicrohttpd the stream ended.
ssize_t refuse(int fd, unsigned status, const std::string& reason) {
    const std::string out = raw_error_response(status, reason);
    (void)::send(fd, out.data(), out.size(), MSG_NOSIGNAL | MSG_DONTWAIT);
    ::shutdown(fd, SHUT_WR);
    char sink[4096];
    while (plain(fd, sink, sizeof sink, MSG_DONTWAIT) > 0) {
    }
    return 0;
}

}  // namespace

void watch(int fd, const FrontLimits& limits) {
    (void)pilotdeck_recv_interposer;
    if (fd < 0 || fd >= kMaxFd) return;
    delete g_watch[fd].exchange(new Watch{limits, 0}, std::memory_order_acq_rel);
}

void unwatch(int fd) {
    if (fd < 0 || fd >= kMaxFd) return;
    delete g_watch[fd].exchange(nullptr, std::memory_order_acq_rel);
}

bool interposed() {
    // The first `recv` in the global scope, the one libmicrohttpd's calls bind to.
    void* const first = dlsym(RTLD_DEFAULT, "recv");
    void* const lib = dlsym(RTLD_NEXT, "recv");
    return first != nullptr && lib != nullptr && first != lib;
}

ssize_t guarded_recv(int fd, void* buf, std::size_t len, int flags) {
    Watch* const w = fd >= 0 && fd < kMaxFd ? g_watch[fd].load(std::memory_order_acquire) : nullptr;
    if (!w || (flags & MSG_PEEK) != 0) return plain(fd, buf, len, flags);
    if (w->remaining == 0) {
        // A header block comes: it passes only whole and sound.
        thread_local std::vector<char> peek;
        peek.resize(w->limits.max_request_line + w->limits.max_header_block + 8);
        const ssize_t n = plain(fd, peek.data(), peek.size(), MSG_PEEK | MSG_DONTWAIT);
        if (n <= 0) return n;  // the end, an error or nothing yet: as it is
        const std::string_view data(peek.data(), static_cast<std::size_t>(n));
        const std::size_t end = data.find("\r\n\r\n");
        if (end == std::string_view::npos) {
            const RawCheck early = check_partial_head(data, w->limits);
            if (early.status) return refuse(fd, early.status, early.reason);
            errno = EAGAIN;  // not whole yet: libmicrohttpd waits for more bytes
            return -1;
        }
        const std::string_view head = data.substr(0, end);
        const RawCheck check = check_raw_head(head, w->limits);
        if (check.status) return refuse(fd, check.status, check.reason);
        std::string_view value;
        if (header_bytes(head, "transfer-encoding", &value) > 0)
            return refuse(fd, 411, N_("send the body with a Content-Length, not chunked"));
        std::size_t body = 0;
        if (header_bytes(head, "content-length", &value) > 0)
            for (char c : value) body = body * 10 + static_cast<std::size_t>(c - '0');  // 1-18 digits: checked
        w->remaining = end + 4 + body;
    }
    const ssize_t n = plain(fd, buf, std::min(len, w->remaining), flags);
    if (n > 0) w->remaining -= static_cast<std::size_t>(n);
    return n;
}

}  // namespace pilotdeck::server::raw_guard
