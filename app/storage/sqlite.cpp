#include "storage/sqlite.hpp"

#include <sqlite3.h>

namespace pilotdeck::storage::sqlite {
namespace {

// The start of a statement for an error message: one line, whitespace runs as one space.
std::string snippet(std::string_view sql) {
    constexpr std::size_t kMax = 60;
    std::string out;
    for (char c : sql) {
        bool space = c == ' ' || c == '\n' || c == '\t' || c == '\r';
        if (space && (out.empty() || out.back() == ' ')) continue;
        out += space ? ' ' : c;
        if (out.size() >= kMax) return "\"" + out + "...\"";
    }
    return "\"" + out + "\"";
}

}  // namespace

Database::Database(const std::string& path, int flags, std::string name)
    : name_(name.empty() ? path : std::move(name)) {
    int rc = sqlite3_open_v2(path.c_str(), &db_, flags | SQLITE_OPEN_NOMUTEX, nullptr);
    if (rc != SQLITE_OK) {
        std::string message = db_ ? sqlite3_errmsg(db_) : sqlite3_errstr(rc);
        sqlite3_close(db_);
        db_ = nullptr;
        throw SqliteError(name_ + ": cannot open: " + message, rc & 0xff);
    }
    sqlite3_extended_result_codes(db_, 1);
}

Database::~Database() {
    cache_.clear();  // statements must be finalized before the connection closes
    sqlite3_close(db_);
}

void Database::fail(std::string_view what) const {
    int code = sqlite3_errcode(db_) & 0xff;
    throw SqliteError(name_ + ": " + std::string(what) + ": " + sqlite3_errmsg(db_), code);
}

void Database::check(int rc, std::string_view what) const {
    if (rc != SQLITE_OK) fail(what);
}

void Database::exec(const std::string& sql) {
    check(sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, nullptr), "cannot run " + snippet(sql));
}

std::int64_t Database::pragma_int(std::string_view name) {
    Statement st(*this, "PRAGMA " + std::string(name));
    return st.one_int64().value_or(0);
}

std::string Database::pragma_text(std::string_view name) {
    Statement st(*this, "PRAGMA " + std::string(name));
    return st.step() ? st.column_text(0) : std::string();
}

void Database::pragma_set(std::string_view name, std::string_view value) {
    Statement st(*this, "PRAGMA " + std::string(name) + " = " + std::string(value));
    while (st.step()) {
    }
}

std::int64_t Database::last_insert_rowid() const { return sqlite3_last_insert_rowid(db_); }

int Database::changes() const { return sqlite3_changes(db_); }

Statement& Database::cached(const std::string& sql) {
    auto it = cache_.find(sql);
    if (it == cache_.end()) it = cache_.emplace(sql, std::make_unique<Statement>(*this, sql)).first;
    it->second->reset();
    return *it->second;
}

Statement::Statement(Database& db, std::string_view sql) : db_(db) {
    int rc = sqlite3_prepare_v2(db.handle(), sql.data(), static_cast<int>(sql.size()), &stmt_, nullptr);
    db.check(rc, "cannot prepare " + snippet(sql));
}

Statement::~Statement() { sqlite3_finalize(stmt_); }

Statement& Statement::bind(int index, int value) {
    db_.check(sqlite3_bind_int(stmt_, index, value), "cannot bind");
    return *this;
}

Statement& Statement::bind(int index, std::int64_t value) {
    db_.check(sqlite3_bind_int64(stmt_, index, value), "cannot bind");
    return *this;
}

Statement& Statement::bind(int index, double value) {
    db_.check(sqlite3_bind_double(stmt_, index, value), "cannot bind");
    return *this;
}

Statement& Statement::bind(int index, std::string_view value) {
    // An empty string_view may have no data pointer, which SQLite would bind as NULL.
    const char* data = value.data() ? value.data() : "";
    db_.check(sqlite3_bind_text64(stmt_, index, data, value.size(), SQLITE_TRANSIENT, SQLITE_UTF8),
              "cannot bind");
    return *this;
}

Statement& Statement::bind(int index, std::nullptr_t) {
    db_.check(sqlite3_bind_null(stmt_, index), "cannot bind");
    return *this;
}

bool Statement::step() {
    int rc = sqlite3_step(stmt_);
    if (rc == SQLITE_ROW) return true;
    if (rc == SQLITE_DONE) return false;
    std::string sql = snippet(sqlite3_sql(stmt_));
    sqlite3_reset(stmt_);  // gives the statement's error to the connection for the message
    db_.fail(sql + " failed");
}

void Statement::run() {
    while (step()) {
    }
    reset();
}

std::optional<std::int64_t> Statement::one_int64() {
    std::optional<std::int64_t> value;
    if (step() && !column_null(0)) value = column_int64(0);
    reset();
    return value;
}

bool Statement::column_null(int col) const { return sqlite3_column_type(stmt_, col) == SQLITE_NULL; }

int Statement::column_int(int col) const { return sqlite3_column_int(stmt_, col); }

std::int64_t Statement::column_int64(int col) const { return sqlite3_column_int64(stmt_, col); }

double Statement::column_double(int col) const { return sqlite3_column_double(stmt_, col); }

std::string Statement::column_text(int col) const {
    auto* text = reinterpret_cast<const char*>(sqlite3_column_text(stmt_, col));
    return text ? std::string(text, static_cast<std::size_t>(sqlite3_column_bytes(stmt_, col))) : std::string();
}

void Statement::reset() {
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
}

Transaction::Transaction(Database& db, Kind kind) : db_(db) {
    db_.exec(kind == Kind::Immediate ? "BEGIN IMMEDIATE" : "BEGIN DEFERRED");
}

Transaction::~Transaction() {
    // Never throws: a failed rollback leaves SQLite to roll back when the connection closes.
    if (!done_) sqlite3_exec(db_.handle(), "ROLLBACK", nullptr, nullptr, nullptr);
}

void Transaction::commit() {
    db_.exec("COMMIT");
    done_ = true;
}

namespace {
// A file name as the path of an SQLite URI: '%', '?' and '#' would otherwise end or escape it.
std::string uri_path(const std::string& path) {
    std::string out;
    for (char c : path) {
        if (c == '%') out += "%25";
        else if (c == '?') out += "%3f";
        else if (c == '#') out += "%23";
        else out += c;
    }
    return out;
}
}  // namespace

std::unique_ptr<Database> open_immutable(const std::string& path) {
    return std::make_unique<Database>("file:" + uri_path(path) + "?immutable=1", SQLITE_OPEN_READONLY | SQLITE_OPEN_URI,
                                      path);
}

}  // namespace pilotdeck::storage::sqlite
