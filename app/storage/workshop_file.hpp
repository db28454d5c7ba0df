// The workshop file: one SQLite database per workshop (extension .pilotdeck).
// Every change is one committed transaction; there is no unsaved state.
#pragma once

#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

#include "storage/storage_error.hpp"
#include "core/aggregate.hpp"
#include "core/model.hpp"
#include "core/session.hpp"

namespace pilotdeck::storage {

namespace sqlite {
class Database;
}
class Checkpointer;

// what() is one line naming the file: "FILE: what is wrong".

inline constexpr int kApplicationId = 0x50494C44;  // "PILD"
inline constexpr int kSchemaVersion = 8;  // 2: phone_token; 3: new stage kinds, jury; 4: hackathon; 5: screening, consensus, re-vote; 6: follow-up; 7: users_say, team absent; 8: pair_skip

struct CheckReport {
    bool ok = true;
    std::vector<std::string> problems;  // empty when ok
    int schema_version = 0;
};

// One WorkshopFile is used by one thread at a time. Several WorkshopFiles on the same path (the
// GUI and the phone server, or two processes) are fine: SQLite's WAL locking keeps them apart.
class WorkshopFile final : public core::Store {
public:
    enum class Mode { ReadOnly, ReadWrite };

    // Creates a new file with the whole workshop (scores included). The database is built in a
    // temporary file beside `path`, synced and renamed into place: on failure nothing is left.
    // Refuses an existing `path` unless overwrite is true (then it is replaced atomically).
    static std::unique_ptr<WorkshopFile> create(const std::string& path, const core::Workshop& ws,
                                                bool overwrite = false);

    // Opens an existing workshop file. Checks application_id, schema version (newer: refused),
    // runs quick_check, then (ReadWrite) applies pending migrations. Anything that is not a sound
    // pilotdeck workshop throws StorageError and the file stays byte-identical. ReadOnly: apply()
    // throws and the workshop is never changed (SQLite may still fold the write-ahead log that
    // a crash left into the file, which changes bytes but not content).
    static std::unique_ptr<WorkshopFile> open(const std::string& path, Mode mode = Mode::ReadWrite);

    // `pilotdeck check`: identity, schema version, integrity_check, foreign keys, list order, and
    // that the stored aggregates match the scores. Never modifies the file (nor makes -wal/-shm).
    // Throws only when it cannot be read (missing, a folder, no permission).
    static CheckReport check(const std::string& path);

    // What the portfolio needs of a file, read with one connection in one snapshot: the workshop
    // without individual scores (load_without_scores) and the stored aggregates (load_aggregates).
    // The checks of open() (identity, schema version, quick_check), the quick_check limited to the
    // tables read: the individual scores, their rounds and their history are neither read nor
    // checked. Never writes and leaves no side files: when nobody has the file open (no -wal) it is
    // read immutable, and read again the usual way if it changed while it was read. Throws
    // StorageError like open().
    struct Summary {
        core::Workshop workshop;
        core::Aggregates aggregates;
    };
    static Summary read_summary(const std::string& path);

    ~WorkshopFile() override;
    WorkshopFile(const WorkshopFile&) = delete;
    WorkshopFile& operator=(const WorkshopFile&) = delete;

    const std::string& path() const { return path_; }

    // Lists in their stored order; scores ordered by idea, rater and criterion (each in its
    // list's order), whatever order they were written in.
    core::Workshop load() const;               // everything, scores included
    core::Workshop load_without_scores() const;  // for shortlist on big files
    // From the stored sums, without reading every score. IdeaStats::scores_by_rater stays empty;
    // ideas without scores have no entry.
    core::Aggregates load_aggregates() const;
    int current_stage() const;

    // core::Store: one transaction; throws StorageError (and nothing is saved) on failure.
    void apply(const core::Command& c) override;

    // Phone tokens (the phone server): each joined phone's bearer token with its participant's
    // id, so that a phone stays the same participant when pilotdeck restarts. They live in the
    // file only for that: never part of core::Workshop, so never exported; a participant's tokens
    // are removed with it.
    struct PhoneToken {
        std::string token, participant;
    };
    std::vector<PhoneToken> load_phone_tokens() const;
    // The next apply() stores these tokens too, in its transaction, after the command (which
    // creates their participants): saved together or not at all. They are forgotten after that
    // apply() whether it succeeded or not, and by attaching another list (empty: none).
    void attach_phone_tokens(std::vector<PhoneToken> tokens) { pending_tokens_ = std::move(tokens); }

    // From now on the write-ahead log is folded into the file by a thread of its own instead of
    // inside the commit that makes it long (checkpointer.hpp): for a writer whose commits are
    // waited on, the phone server's. Until this object is destroyed; nothing for ReadOnly.
    void fold_log_in_background();

private:
    WorkshopFile(std::string path, std::unique_ptr<sqlite::Database> db, bool read_only);
    std::string path_;
    std::unique_ptr<sqlite::Database> db_;
    std::unique_ptr<Checkpointer> checkpointer_;  // after db_: stopped before the connection closes
    bool read_only_ = false;
    std::vector<PhoneToken> pending_tokens_;
};

}  // namespace pilotdeck::storage
