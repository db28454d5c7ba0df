// PhoneServer: puts the layers together (http.hpp -> routes.hpp -> the queue -> bridge.hpp ->
// phone_view.hpp) and owns the threads: the writer thread in serve mode, the caller's in GUI mode.
#include "server/phone_server.hpp"

#include <pthread.h>

#include <atomic>
#include <condition_variable>
#include <future>
#include <mutex>
#include <thread>

#include "server/bridge.hpp"
#include "server/http.hpp"
#include "server/net.hpp"
#include "server/routes.hpp"
#include "storage/workshop_file.hpp"

namespace pilotdeck::server {

using i18n::N_;

struct PhoneServer::Impl {
    ServerOptions opts;
    TokenTable tokens;
    JoinGuard guard;
    Bridge bridge{tokens};
    HttpServer http{tokens, guard, [this](Job&& j) { return submit(std::move(j)); }};

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
    // The facilitator's edits in serve mode (closing the audience vote), for the writer thread.
    std::vector<std::packaged_task<void(core::Session&)>> tasks;
    std::atomic<bool> audience_closed{false};  // serve mode: what the writer's session holds
    bool accepting = false;
    bool writer_exit = false;

    // Any HTTP thread: false when the server stops.
    bool submit(Job&& job) {
        bool first = false;
        {
            std::lock_guard l(qmu);
            if (!accepting) return false;
            first = queue.empty();
            queue.push_back(std::move(job));
        }
        // The session's thread takes the whole queue at once: it needs waking only when the
        // queue was empty (one glfwPostEmptyEvent per batch of votes, not one per vote).
        if (first) {
            qcv.notify_one();
            if (gui_mode && opts.wake) opts.wake();
        }
        return true;
    }

    // The session's thread: the jobs, then their answers (the counts are up to date by then).
    // Each phone gets its answer as soon as it is final: the votes and comparisons of a drain
    // once committed, not after the drain's state reads (a judge's next pair each) are made.
    void run(std::vector<Job>& jobs, core::Session& s) {
        bridge.run(jobs, s, [](Job& j) {
            if (!j.origin) return;
            HttpServer::resume(j.origin, std::move(j.reply));
            j.origin = nullptr;
        });
        for (auto& j : jobs)
            if (j.origin) HttpServer::resume(j.origin, std::move(j.reply));
    }

    void listen() {
        guard.set_code(random_join_code());
        std::string jury = random_join_code();
        while (jury == guard.code()) jury = random_join_code();
        guard.set_jury_code(jury);
        {
            std::lock_guard l(qmu);
            accepting = true;
        }
        try {
            http.start(opts);
        } catch (...) {
            std::lock_guard l(qmu);
            accepting = false;
            throw;
        }
    }

    void writer_main(const std::string& path, std::promise<void>& opened) {
        pthread_setname_np(pthread_self(), "pd-writer");  // for perf and top
        try {
            file = storage::WorkshopFile::open(path, storage::WorkshopFile::Mode::ReadWrite);
            file->fold_log_in_background();  // no batch of votes waits for a checkpoint
            own_session = std::make_unique<core::Session>(file->load(), file->current_stage(), file.get());
            session = own_session.get();
            bridge.set_token_file(file.get());
            bridge.load_tokens();
            bridge.idle(*own_session);  // the phones' error texts in the workshop's language from the first one
            audience_closed = session->workshop().audience_vote_closed;  // before start() returns
            opened.set_value();
        } catch (...) {
            opened.set_exception(std::current_exception());
            return;
        }
        std::vector<std::packaged_task<void(core::Session&)>> edits;
        for (;;) {
            std::vector<Job> jobs;
            {
                std::unique_lock l(qmu);
                qcv.wait(l, [&] { return !queue.empty() || !tasks.empty() || writer_exit; });
                if (queue.empty() && tasks.empty()) break;
                jobs.swap(queue);
                edits.swap(tasks);
            }
            for (auto& edit : edits) edit(*session);
            edits.clear();
            if (!jobs.empty()) run(jobs, *session);
        }
        session = nullptr;
        own_session.reset();
        file.reset();
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
            for (auto& j : jobs) HttpServer::resume(j.origin, error_reply(503, N_("the server is stopping")));
        }
        http.stop();
    }
};

PhoneServer::PhoneServer() : impl_(std::make_unique<Impl>()) {}

PhoneServer::~PhoneServer() { stop(); }

void PhoneServer::start(const std::string& file, const ServerOptions& options) {
    if (running()) throw ServerError("the phone server is already running");
    impl_ = std::make_unique<Impl>();
    impl_->opts = options;
    impl_->bridge.set_stage(options.stage);
    if (options.judging_seed) impl_->bridge.set_seed(*options.judging_seed);
    impl_->bridge.set_browser_language(options.language_from_phone);
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
        impl_->listen();
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
    impl_->bridge.set_stage(options.stage);
    if (options.judging_seed) impl_->bridge.set_seed(*options.judging_seed);
    impl_->bridge.set_browser_language(options.language_from_phone);
    impl_->gui_mode = true;
    impl_->session = &session;
    try {
        impl_->bridge.set_token_file(file);
        impl_->bridge.load_tokens();
        impl_->bridge.idle(session);  // the phones' error texts in the workshop's language from the first one
        impl_->listen();
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
    if (!jobs.empty())
        impl_->run(jobs, *impl_->session);
    else
        impl_->bridge.idle(*impl_->session);  // the GUI may have changed scores or stages
}

void PhoneServer::stop() {
    if (impl_ && impl_->http.running()) impl_->stop();
}

bool PhoneServer::running() const { return impl_ && impl_->http.running(); }
std::string PhoneServer::address() const { return impl_->http.address(); }
int PhoneServer::port() const { return impl_->http.port(); }
std::string PhoneServer::url() const { return "http://" + impl_->http.public_address() + ":" + std::to_string(port()) + "/"; }
std::string PhoneServer::join_code() const { return impl_->guard.code(); }
bool PhoneServer::join_code_spent() const { return impl_->guard.spent(); }
std::string PhoneServer::new_join_code() { return impl_->guard.new_code(); }
std::string PhoneServer::join_url() const { return url() + "#" + join_code(); }
bool PhoneServer::loopback_only() const { return impl_->http.loopback_only(); }

void PhoneServer::set_stage(std::optional<core::StageKind> stage) { impl_->bridge.set_stage(stage); }
void PhoneServer::set_open_ideas(std::optional<std::vector<std::string>> ideas) { impl_->bridge.set_open_ideas(std::move(ideas)); }
void PhoneServer::close_round() { impl_->bridge.set_round(false); }
void PhoneServer::open_round() { impl_->bridge.set_round(true); }
bool PhoneServer::round_open() const { return impl_->bridge.round_open(); }
std::string PhoneServer::jury_code() const { return impl_->guard.jury_code(); }
void PhoneServer::set_language_from_phone(bool allowed) { impl_->bridge.set_browser_language(allowed); }
// The workshop file keeps it (core::SetAudienceVoteOpen, one transaction, one undo step): the
// GUI's session on the GUI's thread, serve mode's on the writer thread (waited for).
void PhoneServer::set_audience_vote_open(bool open) {
    if (!running()) return;
    const auto edit = [open](core::Session& s) {
        if (s.workshop().audience_vote_closed == open) s.execute(core::SetAudienceVoteOpen{open});
    };
    if (impl_->gui_mode) {
        if (impl_->session) edit(*impl_->session);
        return;
    }
    std::packaged_task<void(core::Session&)> task([&](core::Session& s) {
        edit(s);
        impl_->audience_closed = s.workshop().audience_vote_closed;
    });
    auto done = task.get_future();
    {
        std::lock_guard l(impl_->qmu);
        if (!impl_->accepting) return;
        impl_->tasks.push_back(std::move(task));
    }
    impl_->qcv.notify_one();
    done.get();  // a storage error reaches the caller
}
void PhoneServer::open_audience_vote() { set_audience_vote_open(true); }
void PhoneServer::close_audience_vote() { set_audience_vote_open(false); }
bool PhoneServer::audience_vote_open() const {
    if (!running()) return false;
    if (impl_->gui_mode) return impl_->session && !impl_->session->workshop().audience_vote_closed;
    return !impl_->audience_closed;
}
PhoneCounts PhoneServer::counts() const { return impl_->bridge.counts(); }

}  // namespace pilotdeck::server
