#include "server/http.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <optional>
#include <variant>

#include <microhttpd.h>

#include "core/text.hpp"
#include "server/bridge.hpp"
#include "server/front.hpp"
#include "server/messages.hpp"
#include "server/net.hpp"
#include "server/raw_guard.hpp"
#include "server/routes.hpp"

namespace pilotdeck::server {

using i18n::N_;

namespace {

constexpr std::size_t kMaxBody = 16 * 1024;

std::string lower(std::string s) {
    for (char& c : s)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return s;
}

const char* header(MHD_Connection* c, const char* name) { return MHD_lookup_connection_value(c, MHD_HEADER_KIND, name); }

std::string client_ip(MHD_Connection* c) {
    const MHD_ConnectionInfo* info = MHD_get_connection_info(c, MHD_CONNECTION_INFO_CLIENT_ADDRESS);
    if (!info || !info->client_addr) return "?";
    if (info->client_addr->sa_family == AF_INET) {
        char text[INET_ADDRSTRLEN] = {};
        const auto* sin = reinterpret_cast<const sockaddr_in*>(info->client_addr);
        if (inet_ntop(AF_INET, &sin->sin_addr, text, sizeof text)) return text;
    }
    return "?";
}

// The response with every header; null when out of memory.
MHD_Response* make_response(const Reply& r) {
    MHD_Response* resp =
        MHD_create_response_from_buffer(r.body.size(), const_cast<char*>(r.body.data()), MHD_RESPMEM_MUST_COPY);
    if (!resp) return nullptr;
    MHD_add_response_header(resp, "Content-Type", r.content_type.c_str());
    for (const auto& [k, v] : security_headers()) MHD_add_response_header(resp, k, v);
    for (const auto& [k, v] : r.headers) MHD_add_response_header(resp, k.c_str(), v.c_str());
    return resp;
}

int socket_of(MHD_Connection* c) {
    const MHD_ConnectionInfo* info = MHD_get_connection_info(c, MHD_CONNECTION_INFO_CONNECTION_FD);
    return info ? info->connect_fd : -1;
}

// The checks of front.hpp on the headers libmicrohttpd parsed (requests after the first on a
// kept-alive connection never pass the front): a repeated Host or Content-Length, a NUL (the
// value is shorter than its size) or another control byte, an invalid Content-Length.
struct ParsedCheck {
    int hosts = 0, lengths = 0;
    const char* problem = nullptr;
};

MHD_Result count_header(void* cls, MHD_ValueKind, const char* key, size_t key_size, const char* value, size_t value_size) {
    auto* check = static_cast<ParsedCheck*>(cls);
    const std::string name = lower(std::string(key ? key : "", key_size));
    if (!value) value_size = 0;
    if (value && std::strlen(value) != value_size) check->problem = N_("a NUL byte in a header");
    for (std::size_t i = 0; i < value_size; ++i) {
        const auto ch = static_cast<unsigned char>(value[i]);
        if ((ch < 0x20 && ch != '\t') || ch == 0x7F) check->problem = N_("a control character in a header");
    }
    if (name == "host") ++check->hosts;
    if (name == "content-length") {
        ++check->lengths;
        const std::string v = core::trim(std::string(value ? value : "", value_size));
        if (v.empty() || v.size() > 18 || !std::all_of(v.begin(), v.end(), [](char d) { return d >= '0' && d <= '9'; }))
            check->problem = N_("an invalid Content-Length");
    }
    return MHD_YES;
}

std::optional<Reply> check_parsed_headers(MHD_Connection* c) {
    ParsedCheck check;
    MHD_get_connection_values_n(c, MHD_HEADER_KIND, &count_header, &check);
    if (check.hosts > 1) check.problem = N_("a repeated Host header");
    if (check.lengths > 1) check.problem = N_("a repeated Content-Length header");
    if (!check.problem) return std::nullopt;
    Reply r = error_reply(400, check.problem);
    r.headers.emplace_back("Connection", "close");
    return r;
}

// One HTTP request, kept by MHD in its per-request slot until it completes.
struct Request {
    MHD_Connection* conn = nullptr;
    int fd = -1;
    const RouteInfo* route = nullptr;
    Caller caller;
    std::string body;
    bool too_big = false;
    bool answered = false;  // a response has been queued
    bool done = false;      // the session's thread filled `reply` and resumed the connection
    Reply reply;
};

}  // namespace

struct HttpServer::Impl {
    TokenTable& tokens;
    JoinGuard& guard;
    Submit submit;
    std::vector<std::string> hosts;  // accepted Host header values
    std::vector<std::string> origins;
    MHD_Daemon* daemon = nullptr;
    std::unique_ptr<Front> front;
    // 200 {"saved": true}, the answer to almost every request under load: made once.
    MHD_Response* saved_response = make_response(saved_reply());

    Impl(TokenTable& t, JoinGuard& g, Submit s) : tokens(t), guard(g), submit(std::move(s)) {}
    Impl(const Impl&) = delete;
    Impl& operator=(const Impl&) = delete;
    ~Impl() {
        if (saved_response) MHD_destroy_response(saved_response);  // after the daemon stopped
    }

    MHD_Result send(MHD_Connection* c, const Reply& r) {
        if (r.saved && saved_response) return MHD_queue_response(c, r.status, saved_response);  // MHD counts its references
        // An error for people in the phone's language (messages.hpp).
        MHD_Response* resp = make_response(r.error ? in_language(r, phone_language(header(c, "Accept-Language"))) : r);
        if (!resp) return MHD_NO;
        const MHD_Result ret = MHD_queue_response(c, r.status, resp);
        MHD_destroy_response(resp);
        return ret;
    }

    static MHD_Result on_request(void* cls, MHD_Connection* c, const char* url, const char* method,
                                 const char* /*version*/, const char* upload, size_t* upload_size, void** slot) {
        auto* self = static_cast<Impl*>(cls);
        auto* r = static_cast<Request*>(*slot);
        if (!r) {
            r = new Request;
            r->conn = c;
            r->fd = socket_of(c);
            *slot = r;
            std::optional<Reply> early = check_parsed_headers(c);
            if (!early) early = self->precheck(c, url, method, *r);
            if (early) {
                r->answered = true;
                self->front->request_whole(r->fd);
                return self->send(c, *early);
            }
            return MHD_YES;
        }
        if (r->answered) {  // the body of a refused request: dropped
            *upload_size = 0;
            return MHD_YES;
        }
        if (*upload_size != 0) {
            if (r->body.size() + *upload_size > kMaxBody)
                r->too_big = true;
            else
                r->body.append(upload, *upload_size);
            *upload_size = 0;
            return MHD_YES;
        }
        if (r->done) {
            r->answered = true;
            return self->send(c, r->reply);
        }
        self->front->request_whole(r->fd);  // whole: no longer timed
        if (r->too_big) {
            r->answered = true;
            return self->send(c, error_reply(413, N_("the body is larger than 16 KiB")));
        }
        if (auto now = self->dispatch(*r)) {
            r->answered = true;
            return self->send(c, *now);
        }
        return MHD_YES;  // suspended until the session's thread answers
    }

    static void on_completed(void* cls, MHD_Connection* c, void** slot, MHD_RequestTerminationCode) {
        delete static_cast<Request*>(*slot);
        *slot = nullptr;
        static_cast<Impl*>(cls)->front->request_done(socket_of(c));
    }

    static void on_connection(void* cls, MHD_Connection* c, void**, MHD_ConnectionNotificationCode code) {
        if (code != MHD_CONNECTION_NOTIFY_CLOSED) return;
        const int fd = socket_of(c);
        raw_guard::unwatch(fd);
        static_cast<Impl*>(cls)->front->closed(fd);
    }

    std::optional<Reply> precheck(MHD_Connection* c, const char* url, const char* method, Request& r) {
        const char* host = header(c, "Host");
        if (!host || std::find(hosts.begin(), hosts.end(), std::string(host)) == hosts.end())
            return error_reply(403, "wrong Host: use " + (hosts.empty() ? std::string() : hosts.front()));
        // Origin: ours, or "null" (the Fetch standard sends "null" on same-origin POST/PUT under
        // Referrer-Policy: no-referrer); any other site is refused. The Bearer token (never a
        // cookie) and the Host check are what really keep other pages out.
        if (const char* origin = header(c, "Origin"))
            if (std::string(origin) != "null" && std::find(origins.begin(), origins.end(), std::string(origin)) == origins.end())
                return error_reply(403, N_("requests from other sites are refused"));

        r.route = find_route(url ? url : "");
        if (!r.route) return error_reply(404, N_("not found"));
        const std::string m = method ? method : "";
        const std::string want = r.route->method;
        if (!(m == want || (want == "GET" && m == "HEAD"))) {
            Reply rep = error_reply(405, N_("method not allowed"));
            rep.headers.emplace_back("Allow", want == "GET" ? "GET, HEAD" : want);
            return rep;
        }
        r.caller.address = client_ip(c);
        if (const char* lang = header(c, "Accept-Language")) r.caller.accept_language = lang;
        if (r.route->auth) {
            const char* auth = header(c, "Authorization");
            std::string token;
            if (auth && std::strncmp(auth, "Bearer ", 7) == 0) token = core::trim(auth + 7);
            const std::string participant = token.empty() ? std::string() : tokens.participant_of(token);
            if (participant.empty()) {
                Reply rep = error_reply(401, auth ? N_("unknown token: join again") : N_("join first"));
                rep.headers.emplace_back("WWW-Authenticate", "Bearer");
                return rep;
            }
            r.caller.token = token;
            r.caller.participant = participant;
        }
        const char* te = header(c, "Transfer-Encoding");
        const char* cl = header(c, "Content-Length");
        if (want == "GET") {
            if (te || (cl && std::string(cl) != "0")) return error_reply(400, N_("no body expected"));
            return std::nullopt;
        }
        if (te) return error_reply(411, N_("send the body with a Content-Length, not chunked"));
        if (!cl) return error_reply(411, N_("a Content-Length is required"));
        if (header(c, "Content-Encoding")) return error_reply(415, N_("no Content-Encoding is accepted"));
        const char* ct = header(c, "Content-Type");
        std::string type = ct ? lower(ct) : "";
        std::string params;
        if (auto semi = type.find(';'); semi != std::string::npos) {
            params = core::trim(type.substr(semi + 1));
            type = type.substr(0, semi);
        }
        type = core::trim(type);
        if (type != "application/json" || !(params.empty() || params == "charset=utf-8" || params == "charset=\"utf-8\""))
            return error_reply(415, N_("the body must be application/json"));
        const std::string len = cl;
        if (len.empty() || len.size() > 12 || !std::all_of(len.begin(), len.end(), [](char ch) { return ch >= '0' && ch <= '9'; }))
            return len.size() > 12 ? error_reply(413, N_("the body is larger than 16 KiB")) : error_reply(400, N_("bad Content-Length"));
        if (std::stoull(len) > kMaxBody) return error_reply(413, N_("the body is larger than 16 KiB"));
        return std::nullopt;
    }

    // The whole request is in: answer at once, or hand a job over and suspend the connection.
    std::optional<Reply> dispatch(Request& r) {
        if (const char* from = MHD_lookup_connection_value(r.conn, MHD_GET_ARGUMENT_KIND, "from")) {
            const std::string f = from;
            if (f.empty() || f.size() > 9 || !std::all_of(f.begin(), f.end(), [](char d) { return d >= '0' && d <= '9'; }))
                return error_reply(400, N_("from is a whole number"));
            r.caller.from = static_cast<std::size_t>(std::stoul(f));
        }
        auto routed = route_request(*r.route, r.body, r.caller, guard);
        if (auto* now = std::get_if<Reply>(&routed)) return std::move(*now);
        Job& job = std::get<Job>(routed);
        job.origin = &r;
        MHD_suspend_connection(r.conn);
        if (!submit(std::move(job))) resume(&r, error_reply(503, N_("the server is stopping")));
        return std::nullopt;
    }
};

HttpServer::HttpServer(TokenTable& tokens, JoinGuard& guard, Submit submit)
    : impl_(std::make_unique<Impl>(tokens, guard, std::move(submit))) {}

HttpServer::~HttpServer() { stop(); }

bool HttpServer::running() const { return impl_->daemon != nullptr; }

void HttpServer::resume(void* origin, Reply reply) {
    auto* r = static_cast<Request*>(origin);
    r->reply = std::move(reply);
    r->done = true;
    MHD_resume_connection(r->conn);
}

void HttpServer::stop() {
    if (impl_->front) impl_->front->stop();  // no new connections first
    if (impl_->daemon) {
        MHD_stop_daemon(impl_->daemon);
        impl_->daemon = nullptr;
        // Sockets the library closed without telling us: their numbers may come back as anyone's.
        if (impl_->front)
            for (int fd : impl_->front->handed_sockets()) raw_guard::unwatch(fd);
    }
}

void HttpServer::start(const ServerOptions& opts) {
    std::string addr = opts.bind;
    loopback_only_ = false;
    if (addr.empty()) {
        addr = lan_address();
        if (addr.empty()) {
            addr = "127.0.0.1";
            loopback_only_ = true;
        }
    }
    in_addr in{};
    if (inet_pton(AF_INET, addr.c_str(), &in) != 1) throw ServerError("\"" + addr + "\" is not an IPv4 address");
    if (opts.port < 0 || opts.port > 65535) throw ServerError("port " + std::to_string(opts.port) + " is out of range");
    if (addr.rfind("127.", 0) == 0) loopback_only_ = true;

    const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0) throw ServerError(std::string("cannot open a socket: ") + std::strerror(errno));
    const int one = 1;
    setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    sockaddr_in sa{};
    sa.sin_family = AF_INET;
    sa.sin_addr = in;
    sa.sin_port = htons(static_cast<std::uint16_t>(opts.port));
    if (::bind(fd, reinterpret_cast<sockaddr*>(&sa), sizeof sa) != 0 || ::listen(fd, 1024) != 0) {
        const int err = errno;
        ::close(fd);
        throw ServerError("cannot listen on " + addr + ":" + std::to_string(opts.port) + ": " + std::strerror(err));
    }
    socklen_t len = sizeof sa;
    getsockname(fd, reinterpret_cast<sockaddr*>(&sa), &len);
    address_ = addr;
    port_ = ntohs(sa.sin_port);
    // Bound to all interfaces: phones are told the LAN address.
    public_ = address_;
    if (address_ == "0.0.0.0") {
        const std::string lan = lan_address();
        public_ = lan.empty() ? "127.0.0.1" : lan;
    }
    const std::vector<std::string> names = address_ == "0.0.0.0" ? local_addresses() : std::vector<std::string>{address_};
    impl_->hosts.clear();
    impl_->origins.clear();
    for (const auto& n : names) {
        impl_->hosts.push_back(n + ":" + std::to_string(port_));
        impl_->origins.push_back("http://" + n + ":" + std::to_string(port_));
        if (port_ == 80) {
            impl_->hosts.push_back(n);
            impl_->origins.push_back("http://" + n);
        }
    }
    // 1,024 connections and the library's own descriptors need more than the usual soft limit.
    rlimit nofile{};
    if (getrlimit(RLIMIT_NOFILE, &nofile) == 0 && nofile.rlim_cur < 4096) {
        nofile.rlim_cur = std::min<rlim_t>(nofile.rlim_max, 4096);
        setrlimit(RLIMIT_NOFILE, &nofile);
    }
    FrontLimits limits;
    limits.per_address = opts.per_ip_connection_limit;
    limits.total = opts.connection_limit;
    limits.deadline = std::chrono::milliseconds(opts.request_deadline_ms);
    // The front accepts (front.hpp); libmicrohttpd gets each connection once its first header
    // block passed, and has no listening socket of its own.
    // poll(), not epoll: with epoll (edge-triggered, MHD_USE_AUTO's choice on Linux) and many
    // phones answering at once, libmicrohttpd 0.9.75 sometimes left up to ~130 connections
    // with a whole request unread until the front's 10 s deadline cut them off (seen in
    // pilotdeck-bench phones_scale: hundreds of votes at 10,027 ms). poll() is level-triggered:
    // a request waiting in a socket is seen on the next round. It was also cheaper here (no
    // epoll_ctl on every suspend and resume): 44-55k votes/s against 35-42k.
    impl_->daemon = MHD_start_daemon(
        MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_POLL | MHD_ALLOW_SUSPEND_RESUME | MHD_USE_NO_LISTEN_SOCKET | MHD_USE_ITC,
        0, nullptr, nullptr, &Impl::on_request, impl_.get(),
        MHD_OPTION_CONNECTION_LIMIT, static_cast<unsigned>(opts.connection_limit + 64),
        // Idle or a slow reader of an answer: the front's deadline covers requests coming in.
        MHD_OPTION_CONNECTION_TIMEOUT, static_cast<unsigned>((opts.request_deadline_ms + 999) / 1000),
        MHD_OPTION_CONNECTION_MEMORY_LIMIT, static_cast<size_t>(opts.connection_memory_limit),
        MHD_OPTION_THREAD_POOL_SIZE, static_cast<unsigned>(std::max(1u, opts.threads)),
        MHD_OPTION_NOTIFY_COMPLETED, &Impl::on_completed, impl_.get(),
        MHD_OPTION_NOTIFY_CONNECTION, &Impl::on_connection, impl_.get(),
        MHD_OPTION_STRICT_FOR_CLIENT, 1,
        MHD_OPTION_END);
    if (!impl_->daemon) {
        ::close(fd);
        throw ServerError("cannot start the HTTP server on " + address_ + ":" + std::to_string(port_));
    }
    MHD_Daemon* daemon = impl_->daemon;
    // Every later request of a connection is checked raw as libmicrohttpd reads it (raw_guard.hpp).
    impl_->front = std::make_unique<Front>(fd, limits, [daemon, limits](int client, const sockaddr_in& peer) {
        raw_guard::watch(client, limits);
        if (MHD_add_connection(daemon, client, reinterpret_cast<const sockaddr*>(&peer), sizeof peer) == MHD_YES) return true;
        raw_guard::unwatch(client);
        return false;
    });
    impl_->front->start();
}

}  // namespace pilotdeck::server
