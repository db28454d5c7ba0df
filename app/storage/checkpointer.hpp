// Folding the write-ahead log into the workshop file from a thread of its own.
//
// SQLite folds the log (a checkpoint) inside whichever commit makes it pass 1,000 pages; under
// phones voting at once that commit took 30-80 ms where a batch of votes takes 1-7 ms, and every
// phone waiting on it waited that long. A Checkpointer turns that off on the writing connection
// and runs SQLite's PASSIVE checkpoint on a connection of its own instead, which never waits for
// and never blocks the writer's commits. Durability is unchanged: a commit is durable in the log
// (synchronous=FULL) whether or not it was folded yet.
#pragma once

#include <condition_variable>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

namespace pilotdeck::storage {

namespace sqlite {
class Database;
}

class Checkpointer {
public:
    // `writer`: the connection that commits (its automatic checkpoint is turned off while this
    // runs, and on again when it stops). Throws StorageError when the second connection cannot
    // be opened; nothing is changed then.
    Checkpointer(const std::string& path, sqlite::Database& writer);
    ~Checkpointer();  // stops and joins before the writer's connection may close
    Checkpointer(const Checkpointer&) = delete;
    Checkpointer& operator=(const Checkpointer&) = delete;

private:
    friend struct CheckpointerHook;
    void run();
    sqlite::Database& writer_;
    std::unique_ptr<sqlite::Database> own_;
    std::mutex mu_;
    std::condition_variable cv_;
    bool stop_ = false;
    bool due_ = false;  // a commit left the log long enough to fold
    std::thread thread_;
};

}  // namespace pilotdeck::storage
