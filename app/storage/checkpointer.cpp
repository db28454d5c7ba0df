#include "storage/checkpointer.hpp"

#include <sqlite3.h>

#include <chrono>

#include "storage/sqlite.hpp"

namespace pilotdeck::storage {

namespace {

// Pages in the log after a commit from which the log is folded: a quarter of SQLite's own mark,
// so that each fold is short.
constexpr int kFoldFrom = 256;
// At most one fold per this interval while commits keep coming.
constexpr auto kPause = std::chrono::milliseconds(50);

}  // namespace

struct CheckpointerHook {
    // Runs in the writer's thread after each commit, with the log's page count.
    static int after_commit(void* self, sqlite3*, const char*, int pages) {
        if (pages >= kFoldFrom) {
            auto* c = static_cast<Checkpointer*>(self);
            std::lock_guard l(c->mu_);
            c->due_ = true;
            c->cv_.notify_one();
        }
        return SQLITE_OK;
    }
};

Checkpointer::Checkpointer(const std::string& path, sqlite::Database& writer)
    : writer_(writer), own_(std::make_unique<sqlite::Database>(path, SQLITE_OPEN_READWRITE)) {
    own_->pragma_set("synchronous", "FULL");
    // Replaces SQLite's automatic checkpoint on the writer (it is a commit hook of the same kind).
    sqlite3_wal_hook(writer_.handle(), &CheckpointerHook::after_commit, this);
    thread_ = std::thread([this] { run(); });
}

Checkpointer::~Checkpointer() {
    {
        std::lock_guard l(mu_);
        stop_ = true;
    }
    cv_.notify_one();
    thread_.join();
    sqlite3_wal_autocheckpoint(writer_.handle(), 1000);  // SQLite's own again (its default mark)
}

void Checkpointer::run() {
    std::unique_lock l(mu_);
    for (;;) {
        cv_.wait(l, [&] { return stop_ || due_; });
        if (stop_) return;
        due_ = false;
        l.unlock();
        // PASSIVE: folds what no reader still needs, without waiting for anyone. A busy answer
        // (another checkpoint running) is left for the next commit's call.
        sqlite3_wal_checkpoint_v2(own_->handle(), nullptr, SQLITE_CHECKPOINT_PASSIVE, nullptr, nullptr);
        l.lock();
        cv_.wait_for(l, kPause, [&] { return stop_; });  // the pause, but a stop ends it at once
    }
}

}  // namespace pilotdeck::storage
