// A small RAII layer over the SQLite C API (in the spirit of SQLiteCpp): a connection, prepared
// statements and a transaction guard. Every failure throws SqliteError whose what() is one line
// naming the file: "FILE: what failed: sqlite's message".
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

#include "storage/storage_error.hpp"

struct sqlite3;
struct sqlite3_stmt;

namespace pilotdeck::storage::sqlite {

class SqliteError : public StorageError {
public:
    SqliteError(const std::string& message, int code) : StorageError(message), code_(code) {}
    int code() const { return code_; }  // primary result code (SQLITE_NOTADB, SQLITE_CORRUPT...)

private:
    int code_;
};

class Statement;

class Database {
public:
    // `flags` are SQLITE_OPEN_* flags. `name` is the file named in error messages (defaults to
    // `path`; create() builds in a temporary file but reports the file the user asked for).
    Database(const std::string& path, int flags, std::string name = {});
    ~Database();
    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;

    const std::string& name() const { return name_; }
    sqlite3* handle() const { return db_; }

    void exec(const std::string& sql);
    // "PRAGMA name" read as an integer, or as text (e.g. journal_mode).
    std::int64_t pragma_int(std::string_view name);
    std::string pragma_text(std::string_view name);
    // "PRAGMA name = value"; pragmas that answer (journal_mode) have their answer discarded.
    void pragma_set(std::string_view name, std::string_view value);

    std::int64_t last_insert_rowid() const;
    int changes() const;  // rows changed by the last INSERT/UPDATE/DELETE

    // A statement prepared once per connection and reused: reset, bindings cleared.
    Statement& cached(const std::string& sql);

    // Throws SqliteError "NAME: what: sqlite's last error message".
    [[noreturn]] void fail(std::string_view what) const;
    // Throws when rc is not SQLITE_OK.
    void check(int rc, std::string_view what) const;

private:
    sqlite3* db_ = nullptr;
    std::string name_;
    std::unordered_map<std::string, std::unique_ptr<Statement>> cache_;
};

class Statement {
public:
    Statement(Database& db, std::string_view sql);
    ~Statement();
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;

    // Parameters are 1-based as in SQLite.
    Statement& bind(int index, int value);
    Statement& bind(int index, std::int64_t value);
    Statement& bind(int index, double value);
    Statement& bind(int index, std::string_view value);
    Statement& bind(int index, std::nullptr_t);
    // Binds the arguments to parameters 1..n.
    template <class... Args>
    Statement& bind_all(const Args&... args) {
        int index = 0;
        (bind(++index, args), ...);
        return *this;
    }

    bool step();  // true: a row is ready; false: done
    void run();   // steps to the end (INSERT/UPDATE/DELETE) and resets
    // The first column of the first row, or nothing when there is no row; resets.
    std::optional<std::int64_t> one_int64();

    bool column_null(int col) const;
    int column_int(int col) const;
    std::int64_t column_int64(int col) const;
    double column_double(int col) const;
    std::string column_text(int col) const;

    void reset();  // ready to run again, bindings cleared

private:
    Database& db_;
    sqlite3_stmt* stmt_ = nullptr;
};

// Rolls back in the destructor unless commit() was called.
class Transaction {
public:
    // Immediate: a write transaction that takes the write lock at once, so a busy file fails at
    // the start, not half way. Deferred: for reading several tables from one snapshot.
    enum class Kind { Immediate, Deferred };
    explicit Transaction(Database& db, Kind kind = Kind::Immediate);
    ~Transaction();
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;
    void commit();

private:
    Database& db_;
    bool done_ = false;
};

// A read-only connection to a file that nobody writes (a backup, or a workshop with no -wal):
// `immutable=1`, so no locks and no side files are made.
std::unique_ptr<Database> open_immutable(const std::string& path);

}  // namespace pilotdeck::storage::sqlite
