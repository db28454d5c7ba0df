#include "core/text.hpp"
#include "server/phone_server.hpp"

#include <arpa/inet.h>
#include <pthread.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <condition_variable>
#include <cstring>
#include <deque>
#include <future>
#include <mutex>
#include <set>
#include <thread>
#include <unordered_map>
#include <unordered_set>

#include <microhttpd.h>
#include <nlohmann/json.hpp>

#include "server/net.hpp"
#include "server/page.hpp"
#include "storage/workshop_file.hpp"

namespace pilotdeck::server {

namespace {

using json = nlohmann::json;
using Clock = std::chrono::steady_clock;

constexpr std::size_t kMaxBody = 16 * 1024;
constexpr std::size_t kMaxTitle = 120;
constexpr std::size_t kMaxProblem = 1000;
constexpr std::size_t kMaxName = 60;
constexpr std::size_t kMaxDepartment = 60;
constexpr std::size_t kMaxWrongCodes = 10;
constexpr auto kLockoutWindow = std::chrono::seconds(60);
constexpr std::size_t kMaxBatch = 4096;
constexpr int kMaxIdeasPerParticipant = 30;

constexpr const char* kCsp =
    "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self'; "
    "base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

struct Reply {
    unsigned status = 500;
    std::string body;
    std::string content_type = "application/json; charset=utf-8";
    std::vector<std::pair<std::string, std::string>> headers;
    MHD_Response* shared = nullptr;  // else: a response made once (the "saved" answer) and queued as it is
};

std::string dump(const json& j) { return j.dump(-1, ' ', false, json::error_handler_t::replace); }

Reply json_reply(unsigned status, const json& j) { return Reply{status, dump(j), "application/json; charset=utf-8", {}}; }

Reply error_reply(unsigned status, const std::string& message) { return json_reply(status, json{{"error", message}}); }

enum class Route { Page, Script, Style, Join, State, Score, Idea, Concern };

struct RouteInfo {
    const char* path;
    Route route;
    const char* method;  // GET routes also answer HEAD
    bool api;
    bool auth;
};

constexpr RouteInfo kRoutes[] = {
    {"/", Route::Page, "GET", false, false},
    {"/app.js", Route::Script, "GET", false, false},
    {"/app.css", Route::Style, "GET", false, false},
    {"/api/join", Route::Join, "POST", true, false},
    {"/api/state", Route::State, "GET", true, true},
    {"/api/score", Route::Score, "PUT", true, true},
    {"/api/idea", Route::Idea, "POST", true, true},
    {"/api/concern", Route::Concern, "POST", true, true},
};

// One HTTP request, kept by MHD in its per-request slot until it completes.
struct Request {
    MHD_Connection* conn = nullptr;
    const RouteInfo* route = nullptr;
    std::string participant;  // from the token
    std::string token;
    std::string body;
    bool too_big = false;
    bool answered = false;  // a response has been queued
    bool done = false;      // the writer filled `reply` and resumed the connection
    Reply reply;
};

enum class JobKind { Join, State, Score, Idea, Concern };

struct Job {
    JobKind kind = JobKind::State;
    Request* req = nullptr;
    std::string participant, token;
    std::string name, department;  // join
    std::string idea, criterion;   // score
    long long value = 0;
    std::string title, problem;  // idea
    std::string concern;         // concern
};

std::string lower(std::string s) {
    for (char& c : s)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return s;
}

using core::trim;

// Characters (code points) of valid UTF-8 (the JSON parser has checked it).
std::size_t characters(const std::string& s) {
    std::size_t n = 0;
    for (unsigned char c : s)
        if ((c & 0xC0u) != 0x80u) ++n;
    return n;
}

bool has_control(const std::string& s, bool allow_newlines) {
    for (unsigned char c : s) {
        if (allow_newlines && (c == '\n' || c == '\t' || c == '\r')) continue;
        if (c < 0x20 || c == 0x7F) return true;
    }
    return false;
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
    MHD_add_response_header(resp, "Cache-Control", "no-store");
    MHD_add_response_header(resp, "X-Content-Type-Options", "nosniff");
    MHD_add_response_header(resp, "Referrer-Policy", "no-referrer");
    MHD_add_response_header(resp, "X-Frame-Options", "DENY");
    MHD_add_response_header(resp, "Cross-Origin-Resource-Policy", "same-origin");
    MHD_add_response_header(resp, "Content-Security-Policy", kCsp);
    for (const auto& [k, v] : r.headers) MHD_add_response_header(resp, k.c_str(), v.c_str());
    return resp;
}

MHD_Result send_reply(MHD_Connection* c, const Reply& r) {
    if (r.shared) return MHD_queue_response(c, r.status, r.shared);  // MHD counts its references
    MHD_Response* resp = make_response(r);
    if (!resp) return MHD_NO;
    const MHD_Result ret = MHD_queue_response(c, r.status, resp);
    MHD_destroy_response(resp);
    return ret;
}

// An optional text field of a request body: absent or null gives "".
bool optional_text(const json& body, const char* key, std::string& out) {
    auto it = body.find(key);
    if (it == body.end() || it->is_null()) return true;
    if (!it->is_string()) return false;
    out = it->get<std::string>();
    return true;
}

}  // namespace

struct PhoneServer::Impl {
    ServerOptions opts;
    std::string address;         // bound
    std::string public_address;  // what phones use (the LAN address when bound to 0.0.0.0)
    int port = 0;
    std::string code;
    bool loopback_only = false;
    std::vector<std::string> hosts;  // accepted Host header values
    std::vector<std::string> origins;
    MHD_Daemon* daemon = nullptr;

    // 200 {"saved": true}, the answer to almost every request under load: made once.
    MHD_Response* saved_response = make_response(json_reply(200, json{{"saved", true}}));
    Impl() = default;
    Impl(const Impl&) = delete;
    Impl& operator=(const Impl&) = delete;
    ~Impl() {
        if (saved_response) MHD_destroy_response(saved_response);  // after the daemon stopped
    }

    // Who owns the session.
    bool gui_mode = false;
    core::Session* session = nullptr;
    std::unique_ptr<storage::WorkshopFile> file;  // serve mode, writer thread only
    std::unique_ptr<core::Session> own_session;   // serve mode, writer thread only
    std::thread writer;

    // The queue to the session's thread.
    std::mutex qmu;
    std::condition_variable qcv;
    std::vector<Job> queue;
    bool accepting = false;
    bool writer_exit = false;

    // What phones see. The session's thread holds cmu while it checks and commits votes.
    mutable std::mutex cmu;
    std::optional<core::StageKind> stage;
    std::optional<std::set<std::string>> open_ideas;
    bool round = true;
    std::uint64_t config_version = 1;

    // Tokens: token -> participant id. Stored in the workshop file with the participant's
    // creation when the server has the file (serve mode; GUI mode given the file), and read back
    // at start, so phones stay the same participants when pilotdeck restarts.
    mutable std::mutex tmu;
    std::unordered_map<std::string, std::string> tokens;
    storage::WorkshopFile* token_file = nullptr;  // the session's store, session thread only

    // Wrong join codes per client address.
    std::mutex lmu;
    std::unordered_map<std::string, std::deque<Clock::time_point>> wrong_codes;

    // Session-thread only.
    std::unordered_map<std::string, std::set<std::string>> ticked;  // token -> concerns (memory only)
    std::unordered_map<std::string, int> ideas_sent;                // token -> ideas
    json cached_public;
    std::uint64_t cached_revision = ~0ull, cached_config = 0;
    // Who finished, kept up to date incrementally: only the participants a drain touched are
    // looked at again, unless someone else (the GUI) changed the session or the phones' settings.
    // Per participant, a cursor into the cells (open idea x criterion, in order): every cell
    // before it is scored. Phones only ever add or change scores, so between recounts a cursor
    // only moves forward, and a vote costs a look at one or two cells, not at all of them.
    std::unordered_map<std::string, std::size_t> progress_of;
    std::unordered_set<std::string> touched;
    std::uint64_t seen_revision = ~0ull, seen_config = 0;
    std::size_t seen_tokens = ~std::size_t{0};

    mutable std::mutex count_mu;
    PhoneCounts phone_counts;

    // ---- lifecycle ----

    void listen_and_start() {
        std::string addr = opts.bind;
        if (addr.empty()) {
            addr = lan_address();
            if (addr.empty()) {
                addr = "127.0.0.1";
                loopback_only = true;
            }
        }
        in_addr in{};
        if (inet_pton(AF_INET, addr.c_str(), &in) != 1) throw ServerError("\"" + addr + "\" is not an IPv4 address");
        if (opts.port < 0 || opts.port > 65535) throw ServerError("port " + std::to_string(opts.port) + " is out of range");
        if (addr.rfind("127.", 0) == 0) loopback_only = true;

        const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
        if (fd < 0) throw ServerError(std::string("cannot open a socket: ") + std::strerror(errno));
        const int one = 1;
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
        sockaddr_in sa{};
        sa.sin_family = AF_INET;
        sa.sin_addr = in;
        sa.sin_port = htons(static_cast<std::uint16_t>(opts.port));
        if (::bind(fd, reinterpret_cast<sockaddr*>(&sa), sizeof sa) != 0 || ::listen(fd, 128) != 0) {
            const int err = errno;
            ::close(fd);
            throw ServerError("cannot listen on " + addr + ":" + std::to_string(opts.port) + ": " + std::strerror(err));
        }
        socklen_t len = sizeof sa;
        getsockname(fd, reinterpret_cast<sockaddr*>(&sa), &len);
        address = addr;
        port = ntohs(sa.sin_port);
        // Bound to all interfaces: phones are told the LAN address.
        public_address = address;
        if (address == "0.0.0.0") {
            const std::string lan = lan_address();
            public_address = lan.empty() ? "127.0.0.1" : lan;
        }

        std::vector<std::string> names;
        if (address == "0.0.0.0")
            names = local_addresses();
        else
            names = {address};
        hosts.clear();
        origins.clear();
        for (const auto& n : names) {
            hosts.push_back(n + ":" + std::to_string(port));
            origins.push_back("http://" + n + ":" + std::to_string(port));
            if (port == 80) {
                hosts.push_back(n);
                origins.push_back("http://" + n);
            }
        }
        code = random_join_code();
        {
            std::lock_guard l(qmu);
            accepting = true;
        }
        daemon = MHD_start_daemon(
            MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_AUTO | MHD_ALLOW_SUSPEND_RESUME, 0, nullptr, nullptr,
            &Impl::on_request, this,
            MHD_OPTION_LISTEN_SOCKET, static_cast<MHD_socket>(fd),
            MHD_OPTION_CONNECTION_LIMIT, static_cast<unsigned>(opts.connection_limit),
            MHD_OPTION_PER_IP_CONNECTION_LIMIT, static_cast<unsigned>(opts.per_ip_connection_limit),
            MHD_OPTION_CONNECTION_TIMEOUT, static_cast<unsigned>(opts.connection_timeout_seconds),
            MHD_OPTION_CONNECTION_MEMORY_LIMIT, static_cast<size_t>(opts.connection_memory_limit),
            MHD_OPTION_THREAD_POOL_SIZE, static_cast<unsigned>(std::max(1u, opts.threads)),
            MHD_OPTION_NOTIFY_COMPLETED, &Impl::on_completed, this,
            MHD_OPTION_STRICT_FOR_CLIENT, 1,
            MHD_OPTION_END);
        if (!daemon) {
            {
                std::lock_guard l(qmu);
                accepting = false;
            }
            // Whether MHD closed the socket on failure differs between versions: close it only
            // when this descriptor is still our listening socket on that very address.
            sockaddr_in now{};
            socklen_t now_len = sizeof now;
            int listening = 0;
            socklen_t opt_len = sizeof listening;
            if (getsockname(fd, reinterpret_cast<sockaddr*>(&now), &now_len) == 0 && now.sin_family == AF_INET &&
                now.sin_port == sa.sin_port && now.sin_addr.s_addr == sa.sin_addr.s_addr &&
                getsockopt(fd, SOL_SOCKET, SO_ACCEPTCONN, &listening, &opt_len) == 0 && listening)
                ::close(fd);
            throw ServerError("cannot start the HTTP server on " + address + ":" + std::to_string(port));
        }
    }

    void writer_main(const std::string& path, std::promise<void>& opened) {
        pthread_setname_np(pthread_self(), "pd-writer");  // for perf and top
        try {
            file = storage::WorkshopFile::open(path, storage::WorkshopFile::Mode::ReadWrite);
            own_session = std::make_unique<core::Session>(file->load(), file->current_stage(), file.get());
            session = own_session.get();
            token_file = file.get();
            load_tokens();
            opened.set_value();
        } catch (...) {
            opened.set_exception(std::current_exception());
            return;
        }
        for (;;) {
            std::vector<Job> jobs;
            {
                std::unique_lock l(qmu);
                qcv.wait(l, [&] { return !queue.empty() || writer_exit; });
                if (queue.empty()) break;
                jobs.swap(queue);
            }
            run_jobs(jobs, *session);
        }
        session = nullptr;
        own_session.reset();
        file.reset();
    }

    void load_tokens() {
        if (!token_file) return;
        const auto stored = token_file->load_phone_tokens();
        std::lock_guard l(tmu);
        for (const auto& t : stored) tokens[t.token] = t.participant;
    }

    void stop() {
        {
            std::lock_guard l(qmu);
            accepting = false;
            writer_exit = true;
        }
        qcv.notify_all();
        if (writer.joinable()) {
            writer.join();  // it finishes the queued work first
        } else {
            std::vector<Job> jobs;
            {
                std::lock_guard l(qmu);
                jobs.swap(queue);
            }
            for (auto& j : jobs) resume_with(*j.req, error_reply(503, "the server is stopping"));
        }
        if (daemon) {
            MHD_stop_daemon(daemon);
            daemon = nullptr;
        }
    }

    // ---- HTTP ----

    static MHD_Result on_request(void* cls, MHD_Connection* c, const char* url, const char* method,
                                 const char* /*version*/, const char* upload, size_t* upload_size, void** slot) {
        auto* self = static_cast<Impl*>(cls);
        auto* r = static_cast<Request*>(*slot);
        if (!r) {
            r = new Request;
            r->conn = c;
            *slot = r;
            if (auto early = self->precheck(c, url, method, *r)) {
                r->answered = true;
                return send_reply(c, *early);
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
            return send_reply(c, r->reply);
        }
        if (r->too_big) {
            r->answered = true;
            return send_reply(c, error_reply(413, "the body is larger than 16 KiB"));
        }
        if (auto now = self->dispatch(*r)) {
            r->answered = true;
            return send_reply(c, *now);
        }
        return MHD_YES;  // suspended until the session's thread answers
    }

    static void on_completed(void*, MHD_Connection*, void** slot, MHD_RequestTerminationCode) {
        delete static_cast<Request*>(*slot);
        *slot = nullptr;
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
                return error_reply(403, "requests from other sites are refused");

        const std::string path = url ? url : "";
        const std::string m = method ? method : "";
        for (const auto& ri : kRoutes)
            if (path == ri.path) r.route = &ri;
        if (!r.route) return error_reply(404, "not found");
        const std::string want = r.route->method;
        if (!(m == want || (want == "GET" && m == "HEAD"))) {
            Reply rep = error_reply(405, "method not allowed");
            rep.headers.emplace_back("Allow", want == "GET" ? "GET, HEAD" : want);
            return rep;
        }
        if (r.route->auth) {
            const char* auth = header(c, "Authorization");
            std::string token;
            if (auth && std::strncmp(auth, "Bearer ", 7) == 0) token = trim(auth + 7);
            std::string participant;
            if (!token.empty()) {
                std::lock_guard l(tmu);
                auto it = tokens.find(token);
                if (it != tokens.end()) participant = it->second;
            }
            if (participant.empty()) {
                Reply rep = error_reply(401, auth ? "unknown token: join again" : "join first");
                rep.headers.emplace_back("WWW-Authenticate", "Bearer");
                return rep;
            }
            r.token = token;
            r.participant = participant;
        }
        const char* te = header(c, "Transfer-Encoding");
        const char* cl = header(c, "Content-Length");
        if (want == "GET") {
            if (te || (cl && std::string(cl) != "0")) return error_reply(400, "no body expected");
            return std::nullopt;
        }
        if (te) return error_reply(411, "send the body with a Content-Length, not chunked");
        if (!cl) return error_reply(411, "a Content-Length is required");
        if (header(c, "Content-Encoding")) return error_reply(415, "no Content-Encoding is accepted");
        const char* ct = header(c, "Content-Type");
        std::string type = ct ? lower(ct) : "";
        std::string params;
        if (auto semi = type.find(';'); semi != std::string::npos) {
            params = trim(type.substr(semi + 1));
            type = type.substr(0, semi);
        }
        type = trim(type);
        if (type != "application/json" || !(params.empty() || params == "charset=utf-8" || params == "charset=\"utf-8\""))
            return error_reply(415, "the body must be application/json");
        const std::string len = cl;
        if (len.empty() || len.size() > 12 || !std::all_of(len.begin(), len.end(), [](char ch) { return ch >= '0' && ch <= '9'; }))
            return len.size() > 12 ? error_reply(413, "the body is larger than 16 KiB") : error_reply(400, "bad Content-Length");
        if (std::stoull(len) > kMaxBody) return error_reply(413, "the body is larger than 16 KiB");
        return std::nullopt;
    }

    // The whole request is in: answer at once, or queue a job and suspend the connection.
    std::optional<Reply> dispatch(Request& r) {
        switch (r.route->route) {
            case Route::Page: return Reply{200, std::string(page_html()), "text/html; charset=utf-8", {}};
            case Route::Script: return Reply{200, std::string(page_script()), "text/javascript; charset=utf-8", {}};
            case Route::Style: return Reply{200, std::string(page_style()), "text/css; charset=utf-8", {}};
            default: break;
        }
        Job job;
        job.req = &r;
        job.participant = r.participant;
        job.token = r.token;
        json body;
        if (r.route->method != std::string("GET")) {
            try {
                body = json::parse(r.body);
            } catch (const json::exception&) {
                return error_reply(400, "the body is not valid JSON");
            }
            if (!body.is_object()) return error_reply(400, "the body must be a JSON object");
        }
        switch (r.route->route) {
            case Route::Join: {
                auto code_it = body.find("code");
                std::string given;
                if (code_it != body.end() && code_it->is_string()) given = code_it->get<std::string>();
                else if (code_it != body.end() && code_it->is_number_unsigned()) given = std::to_string(code_it->get<std::uint64_t>());
                if (auto refused = check_code(client_ip(r.conn), given)) return refused;
                std::string name, dept;
                if (!optional_text(body, "name", name) || !optional_text(body, "department", dept))
                    return error_reply(400, "name and department are texts");
                name = trim(name);
                dept = trim(dept);
                if (characters(name) > kMaxName || has_control(name, false))
                    return error_reply(422, "the name is at most 60 characters on one line");
                if (characters(dept) > kMaxDepartment || has_control(dept, false))
                    return error_reply(422, "the department is at most 60 characters on one line");
                job.kind = JobKind::Join;
                job.name = name;
                job.department = dept;
                job.token = random_token();
                break;
            }
            case Route::State: job.kind = JobKind::State; break;
            case Route::Score: {
                auto idea = body.find("idea"), crit = body.find("criterion"), value = body.find("value");
                if (idea == body.end() || !idea->is_string() || crit == body.end() || !crit->is_string())
                    return error_reply(400, "idea and criterion are required texts");
                if (value == body.end() || !value->is_number_integer())
                    return error_reply(422, "the value must be a whole number on the criterion's scale");
                job.kind = JobKind::Score;
                job.idea = idea->get<std::string>();
                job.criterion = crit->get<std::string>();
                if (value->is_number_unsigned()) {
                    const auto u = value->get<std::uint64_t>();
                    job.value = u > 1000000u ? 1000000 : static_cast<long long>(u);
                } else {
                    job.value = std::clamp<long long>(value->get<std::int64_t>(), -1000000, 1000000);
                }
                break;
            }
            case Route::Idea: {
                auto title = body.find("title");
                if (title == body.end() || !title->is_string()) return error_reply(400, "title is a required text");
                std::string problem;
                if (!optional_text(body, "problem", problem)) return error_reply(400, "problem is a text");
                job.title = trim(title->get<std::string>());
                job.problem = trim(problem);
                const std::size_t n = characters(job.title);
                if (n < 1 || n > kMaxTitle) return error_reply(422, "the title has 1 to 120 characters");
                if (has_control(job.title, false)) return error_reply(422, "the title is one line");
                if (characters(job.problem) > kMaxProblem) return error_reply(422, "the problem has at most 1000 characters");
                if (has_control(job.problem, true)) return error_reply(422, "the problem contains control characters");
                job.kind = JobKind::Idea;
                break;
            }
            case Route::Concern: {
                auto concern = body.find("concern");
                if (concern == body.end() || !concern->is_string()) return error_reply(400, "concern is a required text");
                job.kind = JobKind::Concern;
                job.concern = concern->get<std::string>();
                break;
            }
            default: return error_reply(404, "not found");
        }
        MHD_suspend_connection(r.conn);
        bool queued = false, first = false;
        {
            std::lock_guard l(qmu);
            if (accepting) {
                first = queue.empty();
                queue.push_back(std::move(job));
                queued = true;
            }
        }
        if (queued) {
            // The session's thread takes the whole queue at once: it needs waking only when the
            // queue was empty (one glfwPostEmptyEvent per batch of votes, not one per vote).
            if (first) {
                qcv.notify_one();
                if (gui_mode && opts.wake) opts.wake();
            }
        } else {
            resume_with(r, error_reply(503, "the server is stopping"));
        }
        return std::nullopt;
    }

    std::optional<Reply> check_code(const std::string& ip, const std::string& given) {
        const auto now = Clock::now();
        std::lock_guard l(lmu);
        if (wrong_codes.size() > 4096) {
            for (auto it = wrong_codes.begin(); it != wrong_codes.end();) {
                if (it->second.empty() || now - it->second.back() > kLockoutWindow)
                    it = wrong_codes.erase(it);
                else
                    ++it;
            }
        }
        auto& times = wrong_codes[ip];
        while (!times.empty() && now - times.front() > kLockoutWindow) times.pop_front();
        if (times.size() >= kMaxWrongCodes) {
            Reply rep = error_reply(429, "too many wrong codes: wait a minute");
            rep.headers.emplace_back("Retry-After", "60");
            return rep;
        }
        // Compare without an early exit.
        unsigned diff = given.size() == code.size() ? 0u : 1u;
        for (std::size_t i = 0; i < code.size(); ++i) diff |= static_cast<unsigned>(code[i] ^ (i < given.size() ? given[i] : 0));
        if (diff == 0) return std::nullopt;
        times.push_back(now);
        return error_reply(403, "wrong code");
    }

    static void resume_with(Request& r, Reply reply) {
        r.reply = std::move(reply);
        r.done = true;
        MHD_resume_connection(r.conn);
    }

    // Answers wait in the outbox until the counts are up to date, then go out together.
    std::vector<std::pair<Request*, Reply>> outbox;
    void complete(Job& j, Reply reply) { outbox.emplace_back(j.req, std::move(reply)); }
    void deliver() {
        for (auto& [req, reply] : outbox) resume_with(*req, std::move(reply));
        outbox.clear();
    }

    // ---- the session's thread ----

    core::StageKind phone_stage(const core::Session& s, std::string* title) const {
        const auto& stages = s.workshop().stages;
        if (stage) {
            for (const auto& st : stages)
                if (st.kind == *stage) {
                    if (title) *title = st.title;
                    break;
                }
            return *stage;
        }
        if (stages.empty()) return core::StageKind::Intro;
        const auto& cur = stages[static_cast<std::size_t>(s.current_stage())];
        if (title) *title = cur.title;
        return cur.kind;
    }

    bool idea_open(const std::string& id) const { return !open_ideas || open_ideas->count(id) > 0; }

    std::vector<const core::Idea*> scoring_ideas(const core::Session& s) const {
        std::vector<const core::Idea*> out;
        if (phone_stage(s, nullptr) != core::StageKind::Scoring) return out;
        for (const auto& i : s.workshop().ideas)
            if (idea_open(i.id)) out.push_back(&i);
        return out;
    }

    bool changed_elsewhere(const core::Session& s) const { return s.revision() != seen_revision || config_version != seen_config; }

    void run_jobs(std::vector<Job>& jobs, core::Session& s) {
        std::lock_guard config_lock(cmu);
        const bool recount_all = changed_elsewhere(s);
        std::vector<Job*> joins;
        for (auto& j : jobs)
            if (j.kind == JobKind::Join) joins.push_back(&j);
        run_joins(joins, s);
        std::vector<std::pair<Job*, core::Command>> batch;
        for (auto& j : jobs) {
            if (j.kind == JobKind::Join) continue;
            if (j.kind == JobKind::Score) {
                check_score(j, s, batch);
                if (batch.size() >= kMaxBatch) flush(batch, s);
                continue;
            }
            flush(batch, s);
            try {
                complete(j, run_one(j, s));
            } catch (const core::CommandError& e) {
                complete(j, error_reply(422, e.what()));
            } catch (const std::exception& e) {
                complete(j, error_reply(500, std::string("could not save: ") + e.what()));
            }
        }
        flush(batch, s);
        update_counts(s, recount_all);
        deliver();
    }

    // The GUI may have removed the participant: the token is then forgotten.
    std::optional<Reply> participant_gone(const Job& j, const core::Session& s) {
        if (s.find_participant(j.participant)) return std::nullopt;
        {
            std::lock_guard l(tmu);
            tokens.erase(j.token);
        }
        return error_reply(401, "this participant was removed: join again");
    }

    void check_score(Job& j, core::Session& s, std::vector<std::pair<Job*, core::Command>>& batch) {
        if (auto gone = participant_gone(j, s)) return complete(j, std::move(*gone));
        if (!s.find_idea(j.idea)) return complete(j, error_reply(404, "unknown idea"));
        const core::Criterion* cr = s.find_criterion(j.criterion);
        if (!cr) return complete(j, error_reply(404, "unknown criterion"));
        if (j.value < cr->min || j.value > cr->max)
            return complete(j, error_reply(422, cr->label + " is scored from " + std::to_string(cr->min) + " to " +
                                                    std::to_string(cr->max)));
        if (phone_stage(s, nullptr) != core::StageKind::Scoring) return complete(j, error_reply(409, "scoring is not open"));
        if (!round) return complete(j, error_reply(409, "the round is closed"));
        if (!idea_open(j.idea)) return complete(j, error_reply(409, "this idea is not open for scoring"));
        core::Command cmd = core::SetScore{j.idea, j.participant, j.criterion, static_cast<int>(j.value)};
        try {
            core::validate(s.workshop(), cmd);
        } catch (const core::CommandError& e) {
            return complete(j, error_reply(422, e.what()));
        }
        batch.emplace_back(&j, std::move(cmd));
    }

    void flush(std::vector<std::pair<Job*, core::Command>>& batch, core::Session& s) {
        if (batch.empty()) return;
        Reply saved = json_reply(200, json{{"saved", true}});
        if (saved_response) saved = Reply{200, {}, {}, {}, saved_response};
        std::optional<Reply> failure;
        try {
            if (batch.size() == 1) {
                s.execute(batch.front().second, false);
            } else {
                core::Batch b;
                b.label = "Votes from phones";
                b.commands.reserve(batch.size());
                for (auto& [job, cmd] : batch) b.commands.push_back(cmd);
                s.execute(b, false);
            }
        } catch (const core::CommandError& e) {
            failure = error_reply(422, e.what());
        } catch (const std::exception& e) {
            failure = error_reply(500, std::string("could not save: ") + e.what());
        }
        if (!failure) {
            for (auto& [job, cmd] : batch) {
                touched.insert(job->participant);
                complete(*job, saved);
            }
        } else if (batch.size() == 1) {
            complete(*batch.front().first, std::move(*failure));
        } else {
            for (auto& one : batch) {  // one by one: each gets its own answer
                std::vector<std::pair<Job*, core::Command>> single{std::move(one)};
                flush(single, s);
            }
        }
        batch.clear();
    }

    // The joins of a drain: their participants and (with the file) their tokens in one
    // transaction. A batch that fails is retried join by join so each phone gets its own answer.
    void run_joins(const std::vector<Job*>& joins, core::Session& s) {
        if (joins.empty()) return;
        const long long first = std::stoll(s.next_participant_id().substr(1));  // "p<N>": max + 1
        core::Batch b;
        b.label = "Phones joined";
        std::vector<storage::WorkshopFile::PhoneToken> stored;
        for (std::size_t k = 0; k < joins.size(); ++k) {
            core::Participant p;
            p.id = "p" + std::to_string(first + static_cast<long long>(k));
            p.name = joins[k]->name.empty() ? "Participant " + p.id.substr(1) : joins[k]->name;
            p.department = joins[k]->department;
            p.role = core::Role::User;
            stored.push_back({joins[k]->token, p.id});
            b.commands.push_back(core::PutParticipant{std::move(p), std::nullopt});
        }
        std::optional<Reply> failure;
        try {
            if (token_file) token_file->attach_phone_tokens(stored);
            s.execute(b.commands.size() == 1 ? b.commands.front() : core::Command(b), false);
        } catch (const core::CommandError& e) {
            failure = error_reply(422, e.what());
        } catch (const std::exception& e) {
            failure = error_reply(500, std::string("could not save: ") + e.what());
        }
        if (token_file) token_file->attach_phone_tokens({});  // not left for a later edit when refused before saving
        if (failure) {
            if (joins.size() == 1) return complete(*joins.front(), std::move(*failure));
            for (Job* j : joins) run_joins({j}, s);
            return;
        }
        for (std::size_t k = 0; k < joins.size(); ++k) {
            {
                std::lock_guard l(tmu);
                tokens[stored[k].token] = stored[k].participant;
            }
            touched.insert(stored[k].participant);
            complete(*joins[k], json_reply(200, json{{"token", stored[k].token}, {"participant", stored[k].participant}}));
        }
    }

    Reply run_one(Job& j, core::Session& s) {
        if (auto gone = participant_gone(j, s)) return *gone;
        switch (j.kind) {
            case JobKind::State: return json_reply(200, state_for(j, s));
            case JobKind::Idea: {
                if (phone_stage(s, nullptr) != core::StageKind::Ideas) return error_reply(409, "ideas are not being collected now");
                int& sent = ideas_sent[j.token];
                if (sent >= kMaxIdeasPerParticipant) return error_reply(429, "that is a lot of ideas: talk to the facilitator");
                core::Idea idea;
                idea.id = s.next_idea_id();
                idea.title = j.title;
                idea.problem = j.problem;
                idea.owner = j.participant;
                if (const auto* p = s.find_participant(j.participant)) idea.department = p->department;
                s.execute(core::PutIdea{idea, std::nullopt}, false);
                ++sent;
                return json_reply(201, json{{"idea", idea.id}});
            }
            case JobKind::Concern: {
                if (phone_stage(s, nullptr) != core::StageKind::Concerns) return error_reply(409, "concerns are not being collected now");
                const auto& list = s.workshop().concerns;
                auto it = std::find_if(list.begin(), list.end(), [&](const core::Concern& c) { return c.id == j.concern; });
                if (it == list.end()) return error_reply(404, "unknown concern");
                auto& mine = ticked[j.token];
                if (mine.count(j.concern)) return json_reply(200, json{{"counted", false}});
                s.execute(core::SetConcernCount{j.concern, it->count + 1}, false);
                mine.insert(j.concern);
                return json_reply(200, json{{"counted", true}});
            }
            default: return error_reply(500, "unexpected job");
        }
    }

    const json& public_state(const core::Session& s) {
        if (cached_revision == s.revision() && cached_config == config_version) return cached_public;
        std::string title;
        const core::StageKind kind = phone_stage(s, &title);
        json ideas = json::array();
        for (const auto* i : scoring_ideas(s)) ideas.push_back({{"id", i->id}, {"title", i->title}, {"problem", i->problem}});
        json criteria = json::array();
        for (const auto& c : s.workshop().criteria) {
            json levels = json::array();
            for (const auto& [v, text] : c.levels) levels.push_back({{"value", v}, {"text", text}});
            criteria.push_back({{"id", c.id},
                                {"label", c.label},
                                {"axis", std::string(core::to_string(c.axis))},
                                {"help", c.help},
                                {"min", c.min},
                                {"max", c.max},
                                {"levels", levels}});
        }
        json concerns = json::array();
        for (const auto& c : s.workshop().concerns) concerns.push_back({{"id", c.id}, {"label", c.label}});
        cached_public = json{{"stage", {{"kind", std::string(core::to_string(kind))}, {"title", title}}},
                             {"round_open", round},
                             {"ideas", ideas},
                             {"criteria", criteria},
                             {"concerns", concerns}};
        cached_revision = s.revision();
        cached_config = config_version;
        return cached_public;
    }

    json state_for(const Job& j, const core::Session& s) {
        json out = public_state(s);
        const core::Participant* p = s.find_participant(j.participant);
        out["participant"] = {{"id", j.participant}, {"name", p ? p->name : std::string()}};
        json scores = json::array();
        for (const auto* i : scoring_ideas(s))
            for (const auto& c : s.workshop().criteria)
                if (auto v = s.score(i->id, j.participant, c.id)) scores.push_back({{"idea", i->id}, {"criterion", c.id}, {"value", *v}});
        out["scores"] = scores;
        json ticked_list = json::array();
        if (auto it = ticked.find(j.token); it != ticked.end())
            for (const auto& c : it->second) ticked_list.push_back(c);
        out["ticked"] = ticked_list;
        json mine = json::array();
        for (const auto& i : s.workshop().ideas)
            if (i.owner == j.participant) mine.push_back({{"id", i.id}, {"title", i.title}});
        out["my_ideas"] = mine;
        return out;
    }

    // Moves the cursor past the cells `p` has scored; whether that was all of them.
    static bool has_finished(const core::Session& s, const std::string& p, const std::vector<const core::Idea*>& ideas,
                             std::size_t& cursor) {
        const auto& criteria = s.workshop().criteria;
        const std::size_t cells = ideas.size() * criteria.size();
        while (cursor < cells && s.score(ideas[cursor / criteria.size()]->id, p, criteria[cursor % criteria.size()].id))
            ++cursor;
        return cells > 0 && cursor == cells;
    }

    void update_counts(const core::Session& s, bool recount_all) {
        std::vector<std::string> joined;
        {
            std::lock_guard l(tmu);
            if (!recount_all && touched.empty() && seen_tokens == tokens.size()) return;
            seen_tokens = tokens.size();
            for (const auto& [t, p] : tokens) joined.push_back(p);
        }
        std::sort(joined.begin(), joined.end());
        joined.erase(std::unique(joined.begin(), joined.end()), joined.end());
        const auto ideas = scoring_ideas(s);
        if (recount_all) progress_of.clear();
        PhoneCounts c;
        c.joined = static_cast<int>(joined.size());
        c.open_ideas = static_cast<int>(ideas.size());
        const std::size_t cells = ideas.size() * s.workshop().criteria.size();
        std::unordered_set<std::string> finished_ids;
        for (const auto& p : joined) {
            auto [it, added] = progress_of.try_emplace(p, 0);
            const bool finished = (added || touched.count(p)) ? has_finished(s, p, ideas, it->second) : cells > 0 && it->second == cells;
            if (finished) finished_ids.insert(p);
        }
        c.finished = static_cast<int>(finished_ids.size());
        if (!finished_ids.empty())
            for (const auto& p : s.workshop().participants)
                if (finished_ids.count(p.id)) c.finished_names.push_back(p.name);
        touched.clear();
        seen_revision = s.revision();
        seen_config = config_version;
        std::lock_guard l(count_mu);
        phone_counts = c;
    }
};

PhoneServer::PhoneServer() : impl_(std::make_unique<Impl>()) {}

PhoneServer::~PhoneServer() { stop(); }

void PhoneServer::start(const std::string& file, const ServerOptions& options) {
    if (running()) throw ServerError("the phone server is already running");
    impl_ = std::make_unique<Impl>();
    impl_->opts = options;
    impl_->stage = options.stage;
    impl_->gui_mode = false;
    std::promise<void> opened;
    auto ready = opened.get_future();
    Impl* impl = impl_.get();
    impl_->writer = std::thread([impl, file, &opened] { impl->writer_main(file, opened); });
    try {
        ready.get();
    } catch (...) {
        impl_->writer.join();
        impl_ = std::make_unique<Impl>();
        throw;
    }
    try {
        impl_->listen_and_start();
    } catch (...) {
        impl_->stop();
        impl_ = std::make_unique<Impl>();
        throw;
    }
}

void PhoneServer::start(core::Session& session, const ServerOptions& options) { start_gui(session, nullptr, options); }

void PhoneServer::start(core::Session& session, storage::WorkshopFile& file, const ServerOptions& options) {
    start_gui(session, &file, options);
}

void PhoneServer::start_gui(core::Session& session, storage::WorkshopFile* file, const ServerOptions& options) {
    if (running()) throw ServerError("the phone server is already running");
    impl_ = std::make_unique<Impl>();
    impl_->opts = options;
    impl_->stage = options.stage;
    impl_->gui_mode = true;
    impl_->session = &session;
    try {
        impl_->token_file = file;
        impl_->load_tokens();
        impl_->listen_and_start();
    } catch (...) {
        impl_ = std::make_unique<Impl>();
        throw;
    }
}

void PhoneServer::pump() {
    if (!impl_->gui_mode || !impl_->session) return;
    std::vector<Job> jobs;
    {
        std::lock_guard l(impl_->qmu);
        jobs.swap(impl_->queue);
    }
    if (!jobs.empty()) {
        impl_->run_jobs(jobs, *impl_->session);
    } else {
        std::lock_guard config_lock(impl_->cmu);
        // The GUI may have changed scores or stages.
        impl_->update_counts(*impl_->session, impl_->changed_elsewhere(*impl_->session));
    }
}

void PhoneServer::stop() {
    if (impl_ && impl_->daemon) impl_->stop();
}

bool PhoneServer::running() const { return impl_ && impl_->daemon != nullptr; }
std::string PhoneServer::address() const { return impl_->address; }
int PhoneServer::port() const { return impl_->port; }
std::string PhoneServer::url() const { return "http://" + impl_->public_address + ":" + std::to_string(impl_->port) + "/"; }
std::string PhoneServer::join_code() const { return impl_->code; }
std::string PhoneServer::join_url() const { return url() + "#" + impl_->code; }
bool PhoneServer::loopback_only() const { return impl_->loopback_only; }

void PhoneServer::set_stage(std::optional<core::StageKind> stage) {
    std::lock_guard l(impl_->cmu);
    impl_->stage = stage;
    ++impl_->config_version;
}

void PhoneServer::set_open_ideas(std::optional<std::vector<std::string>> ideas) {
    std::lock_guard l(impl_->cmu);
    if (ideas)
        impl_->open_ideas = std::set<std::string>(ideas->begin(), ideas->end());
    else
        impl_->open_ideas.reset();
    ++impl_->config_version;
}

void PhoneServer::close_round() {
    std::lock_guard l(impl_->cmu);
    impl_->round = false;
    ++impl_->config_version;
}

void PhoneServer::open_round() {
    std::lock_guard l(impl_->cmu);
    impl_->round = true;
    ++impl_->config_version;
}

bool PhoneServer::round_open() const {
    std::lock_guard l(impl_->cmu);
    return impl_->round;
}

PhoneCounts PhoneServer::counts() const {
    std::lock_guard l(impl_->count_mu);
    return impl_->phone_counts;
}

}  // namespace pilotdeck::server
