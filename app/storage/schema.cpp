#include "storage/schema.hpp"
#include "base/i18n.hpp"
#include "storage/workshop_file.hpp"

#include <sqlite3.h>

#include <string>
#include <string_view>

namespace pilotdeck::storage::schema {
namespace {

// Schema version 1. Every list keeps its order in `position` (0-based, no gaps). `rid` is the
// integer key that references use, so that a score row is four integers; `id` is the
// document's string id.
constexpr const char* kSchemaV1 = R"sql(
CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE stage (
    rid      INTEGER PRIMARY KEY,
    position INTEGER NOT NULL,
    id       TEXT NOT NULL UNIQUE,
    kind     TEXT NOT NULL CHECK (kind IN ('intro', 'concerns', 'ideas', 'scoring', 'matrix', 'shortlist')),
    title    TEXT NOT NULL,
    minutes  INTEGER NOT NULL,
    goal     TEXT NOT NULL
);

CREATE TABLE stage_prompt (
    stage    INTEGER NOT NULL REFERENCES stage(rid) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    text     TEXT NOT NULL,
    PRIMARY KEY (stage, position)
) WITHOUT ROWID;

CREATE TABLE concern (
    rid      INTEGER PRIMARY KEY,
    position INTEGER NOT NULL,
    id       TEXT NOT NULL UNIQUE,
    label    TEXT NOT NULL,
    response TEXT NOT NULL,
    count    INTEGER NOT NULL CHECK (count >= 0)
);

CREATE TABLE criterion (
    rid      INTEGER PRIMARY KEY,
    position INTEGER NOT NULL,
    id       TEXT NOT NULL UNIQUE,
    label    TEXT NOT NULL,
    axis     TEXT NOT NULL CHECK (axis IN ('benefit', 'risk', 'visibility')),
    weight   REAL NOT NULL CHECK (weight > 0),
    min      INTEGER NOT NULL,
    max      INTEGER NOT NULL CHECK (max >= min),
    help     TEXT NOT NULL
);

CREATE TABLE criterion_level (
    criterion INTEGER NOT NULL REFERENCES criterion(rid) ON DELETE CASCADE,
    level     INTEGER NOT NULL,
    text      TEXT NOT NULL,
    PRIMARY KEY (criterion, level)
) WITHOUT ROWID;

CREATE TABLE selection (
    single             INTEGER PRIMARY KEY CHECK (single = 1),
    max_risk           REAL NOT NULL,
    min_visibility     REAL NOT NULL,
    min_raters         INTEGER NOT NULL,
    size               INTEGER NOT NULL,
    max_per_department INTEGER NOT NULL
);

CREATE TABLE participant (
    rid        INTEGER PRIMARY KEY,
    position   INTEGER NOT NULL,
    id         TEXT NOT NULL UNIQUE,
    name       TEXT NOT NULL,
    department TEXT NOT NULL,
    role       TEXT NOT NULL CHECK (role IN ('user', 'champion', 'decider', 'developer'))
);

-- raters: how many distinct raters scored the idea, kept up to date with every score.
CREATE TABLE idea (
    rid              INTEGER PRIMARY KEY,
    position         INTEGER NOT NULL,
    id               TEXT NOT NULL UNIQUE,
    title            TEXT NOT NULL,
    problem          TEXT NOT NULL,
    solution         TEXT NOT NULL,
    department       TEXT NOT NULL,
    owner            INTEGER REFERENCES participant(rid),
    success_criteria TEXT NOT NULL,
    pin              TEXT CHECK (pin IN ('include', 'exclude')),
    pin_reason       TEXT NOT NULL DEFAULT '',
    raters           INTEGER NOT NULL DEFAULT 0 CHECK (raters >= 0)
);
CREATE INDEX idea_owner ON idea(owner);

CREATE TABLE score (
    idea      INTEGER NOT NULL REFERENCES idea(rid) ON DELETE CASCADE,
    rater     INTEGER NOT NULL REFERENCES participant(rid),
    criterion INTEGER NOT NULL REFERENCES criterion(rid),
    value     INTEGER NOT NULL,
    PRIMARY KEY (idea, rater, criterion)
) WITHOUT ROWID;

-- Exact integer sums of the scores per idea and criterion (rows with n > 0 only), so that the
-- shortlist never reads every score and one changed score updates one row.
CREATE TABLE score_agg (
    idea      INTEGER NOT NULL REFERENCES idea(rid) ON DELETE CASCADE,
    criterion INTEGER NOT NULL REFERENCES criterion(rid),
    n         INTEGER NOT NULL CHECK (n > 0),
    sum       INTEGER NOT NULL,
    sumsq     INTEGER NOT NULL,
    PRIMARY KEY (idea, criterion)
) WITHOUT ROWID;
)sql";

// Schema version 2: the bearer tokens of the phones that joined through the phone server
// (contracts.md section 5), so that a phone stays the same participant when pilotdeck is
// restarted. Written in the transaction that creates the participant; never exported; removed
// with the participant.
constexpr const char* kSchemaV2 = R"sql(
CREATE TABLE phone_token (
    token       TEXT PRIMARY KEY,
    participant INTEGER NOT NULL REFERENCES participant(rid) ON DELETE CASCADE
) WITHOUT ROWID;
CREATE INDEX phone_token_participant ON phone_token(participant);
)sql";

void create_v1(sqlite::Database& db) { db.exec(kSchemaV1); }
void add_phone_tokens_v2(sqlite::Database& db) { db.exec(kSchemaV2); }

// Schema version 3: the second round's stage kinds (contracts 6 and 12) and the jury role.
// Only CHECK constraints widen, which changes no stored row, so the table definitions are
// rewritten in place (SQLite's documented procedure for changing constraints: writable_schema
// and a new schema_version, inside the migration's transaction).
void widen_kinds_v3(sqlite::Database& db) {
    const std::int64_t schema_version = db.pragma_int("schema_version");
    db.exec("PRAGMA writable_schema = ON");
    db.exec(R"sql(
UPDATE sqlite_schema SET sql = replace(sql,
    'CHECK (kind IN (''intro'', ''concerns'', ''ideas'', ''scoring'', ''matrix'', ''shortlist''))',
    'CHECK (kind IN (''intro'', ''concerns'', ''ideas'', ''scoring'', ''matrix'', ''shortlist'', ''teams'', ''work'', ''pitches'', ''judging'', ''awards'', ''review''))')
 WHERE type = 'table' AND name = 'stage';
UPDATE sqlite_schema SET sql = replace(sql,
    'CHECK (role IN (''user'', ''champion'', ''decider'', ''developer''))',
    'CHECK (role IN (''user'', ''champion'', ''decider'', ''developer'', ''jury''))')
 WHERE type = 'table' AND name = 'participant';
)sql");
    db.exec("PRAGMA schema_version = " + std::to_string(schema_version + 1));
    db.exec("PRAGMA writable_schema = OFF");
}

// Schema version 4: hackathons (contracts 6). Mode, pitching and judging settings live in meta
// (mode, pitch_minutes, qa_minutes, judging_method, recuse_same_department). A team has one idea
// and an idea at most one team; a participant is in at most one team. Comparisons keep the
// document's order in position (Crowd-BT replays them in that order); a participant's comparisons
// and audience vote go with the participant. IF NOT EXISTS: a file whose version number was set
// back by hand (as tests of older schemas do) migrates again without failing.
constexpr const char* kSchemaV4 = R"sql(
CREATE TABLE IF NOT EXISTS team (
    rid         INTEGER PRIMARY KEY,
    position    INTEGER NOT NULL,
    id          TEXT NOT NULL UNIQUE,
    name        TEXT NOT NULL,
    idea        INTEGER NOT NULL UNIQUE REFERENCES idea(rid),
    table_label TEXT NOT NULL,
    pitch_order INTEGER NOT NULL CHECK (pitch_order >= 0)
);
CREATE TABLE IF NOT EXISTS team_member (
    team        INTEGER NOT NULL REFERENCES team(rid) ON DELETE CASCADE,
    position    INTEGER NOT NULL,
    participant INTEGER NOT NULL UNIQUE REFERENCES participant(rid) ON DELETE CASCADE,
    PRIMARY KEY (team, position)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS comparison (
    rid      INTEGER PRIMARY KEY,
    position INTEGER NOT NULL,
    judge  INTEGER NOT NULL REFERENCES participant(rid) ON DELETE CASCADE,
    winner INTEGER NOT NULL REFERENCES team(rid) ON DELETE CASCADE,
    loser  INTEGER NOT NULL REFERENCES team(rid) ON DELETE CASCADE CHECK (loser <> winner),
    at     TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS comparison_judge ON comparison(judge);
CREATE INDEX IF NOT EXISTS comparison_position ON comparison(position);
CREATE TABLE IF NOT EXISTS award (
    rid      INTEGER PRIMARY KEY,
    position INTEGER NOT NULL,
    id       TEXT NOT NULL UNIQUE,
    label    TEXT NOT NULL,
    rule     TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS audience_vote (
    voter    INTEGER PRIMARY KEY REFERENCES participant(rid) ON DELETE CASCADE,
    team     INTEGER NOT NULL REFERENCES team(rid) ON DELETE CASCADE,
    position INTEGER NOT NULL
);
)sql";
// Schema version 5: screening (contracts 7), consensus scores (5b), re-vote rounds (9).
// An idea's screening answers are rows of idea_answer (unanswered questions have none), its
// notes in idea_assessment (a row means the idea was screened). The gates widen selection.
// Consensus values live apart from the individual scores, so score_agg and idea.raters keep
// counting people only. score_round holds the round of the scores given in a re-vote (round 1,
// the usual case, has no row); score_history keeps the values they replaced, in order.
constexpr const char* kSchemaV5 = R"sql(
CREATE TABLE IF NOT EXISTS idea_assessment (
    idea  INTEGER PRIMARY KEY REFERENCES idea(rid) ON DELETE CASCADE,
    notes TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS idea_answer (
    idea     INTEGER NOT NULL REFERENCES idea_assessment(idea) ON DELETE CASCADE,
    question TEXT NOT NULL,
    answer   INTEGER NOT NULL CHECK (answer IN (0, 1)),
    PRIMARY KEY (idea, question)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS consensus_score (
    idea      INTEGER NOT NULL REFERENCES idea(rid) ON DELETE CASCADE,
    criterion INTEGER NOT NULL REFERENCES criterion(rid),
    value     INTEGER NOT NULL,
    round     INTEGER NOT NULL DEFAULT 1 CHECK (round >= 1),
    PRIMARY KEY (idea, criterion)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS score_round (
    idea      INTEGER NOT NULL,
    rater     INTEGER NOT NULL,
    criterion INTEGER NOT NULL,
    round     INTEGER NOT NULL CHECK (round > 1),
    PRIMARY KEY (idea, rater, criterion),
    FOREIGN KEY (idea, rater, criterion) REFERENCES score(idea, rater, criterion) ON DELETE CASCADE
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS score_history (
    rid       INTEGER PRIMARY KEY,
    idea      INTEGER NOT NULL REFERENCES idea(rid) ON DELETE CASCADE,
    rater     INTEGER NOT NULL REFERENCES participant(rid),
    criterion INTEGER NOT NULL REFERENCES criterion(rid),
    value     INTEGER NOT NULL,
    round     INTEGER NOT NULL CHECK (round >= 1),
    reason    TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS score_history_idea ON score_history(idea);
CREATE TABLE IF NOT EXISTS revote (
    single INTEGER PRIMARY KEY CHECK (single = 1),
    round  INTEGER NOT NULL CHECK (round > 1)
);
CREATE TABLE IF NOT EXISTS revote_cell (
    idea      INTEGER NOT NULL REFERENCES idea(rid) ON DELETE CASCADE,
    criterion INTEGER NOT NULL REFERENCES criterion(rid),
    PRIMARY KEY (idea, criterion)
) WITHOUT ROWID;
)sql";
// Schema version 6: the follow-up of pilots (contracts 12): status, its history, measures.
// An idea without a row in idea_status has no status (proposed); lists keep their order in
// `position` per idea; a measure's values go with it, and everything goes with its idea.
constexpr const char* kSchemaV6 = R"sql(
CREATE TABLE IF NOT EXISTS idea_status (
    idea   INTEGER PRIMARY KEY REFERENCES idea(rid) ON DELETE CASCADE,
    status TEXT NOT NULL CHECK (status IN ('proposed', 'pilot', 'scaled', 'adjusted', 'stopped'))
);
CREATE TABLE IF NOT EXISTS status_change (
    idea     INTEGER NOT NULL REFERENCES idea(rid) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    status   TEXT NOT NULL CHECK (status IN ('proposed', 'pilot', 'scaled', 'adjusted', 'stopped')),
    date     TEXT NOT NULL,
    reason   TEXT NOT NULL,
    PRIMARY KEY (idea, position)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS measure (
    rid       INTEGER PRIMARY KEY,
    idea      INTEGER NOT NULL REFERENCES idea(rid) ON DELETE CASCADE,
    position  INTEGER NOT NULL,
    id        TEXT NOT NULL,
    label     TEXT NOT NULL,
    unit      TEXT NOT NULL,
    baseline  REAL NOT NULL,
    target    REAL NOT NULL CHECK (target <> baseline),
    direction TEXT NOT NULL CHECK (direction IN ('up', 'down')),
    UNIQUE (idea, id),
    UNIQUE (idea, position)
);
CREATE TABLE IF NOT EXISTS measure_value (
    measure  INTEGER NOT NULL REFERENCES measure(rid) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    date     TEXT NOT NULL,
    value    REAL NOT NULL,
    PRIMARY KEY (measure, position)
) WITHOUT ROWID;
)sql";
void hackathon_v4(sqlite::Database& db) { db.exec(kSchemaV4); }
// The gates are two columns of selection. Written so that running it again changes nothing
// (a file whose user_version was lowered by hand keeps its tables).
void screening_v5(sqlite::Database& db) {
    db.exec(kSchemaV5);
    for (const char* column : {"gate_high_risk", "gate_unassessed"}) {
        sqlite::Statement has(db, std::string("SELECT 1 FROM pragma_table_info('selection') WHERE name = '") + column + "'");
        if (has.step()) continue;
        const bool high_risk = std::string_view(column) == "gate_high_risk";
        db.exec(std::string("ALTER TABLE selection ADD COLUMN ") + column + " TEXT NOT NULL DEFAULT '" +
                (high_risk ? "exclude" : "allow") + "' CHECK (" + column + " IN ('exclude', 'allow'))");
    }
}
void followup_v6(sqlite::Database& db) { db.exec(kSchemaV6); }

// Schema version 7: what the users say, recorded with a review decision (status_change.users_say),
// and a team marked absent during the pitches (team.absent). Two columns with defaults, so every
// row already stored keeps its meaning; added only when missing (a file whose user_version was
// lowered by hand migrates again without failing).
void add_column(sqlite::Database& db, const char* table, const char* column, const std::string& definition) {
    sqlite::Statement has(db, std::string("SELECT 1 FROM pragma_table_info('") + table + "') WHERE name = '" + column + "'");
    if (has.step()) return;
    db.exec(std::string("ALTER TABLE ") + table + " ADD COLUMN " + column + " " + definition);
}
void review_and_absent_v7(sqlite::Database& db) {
    add_column(db, "status_change", "users_say", "TEXT NOT NULL DEFAULT ''");
    add_column(db, "team", "absent", "INTEGER NOT NULL DEFAULT 0 CHECK (absent IN (0, 1))");
}

// Schema version 8: the teams a judge skipped in pairwise judging (core::Skip), so that a skipped
// pair is not offered again after a restart. One row per (judge, team), in the order skipped
// (rid); they go with their judge or team. Not in the documents (contracts 6 has no such field).
constexpr const char* kSchemaV8 = R"sql(
CREATE TABLE IF NOT EXISTS pair_skip (
    rid   INTEGER PRIMARY KEY,
    judge INTEGER NOT NULL REFERENCES participant(rid) ON DELETE CASCADE,
    team  INTEGER NOT NULL REFERENCES team(rid) ON DELETE CASCADE,
    UNIQUE (judge, team)
);
CREATE INDEX IF NOT EXISTS pair_skip_team ON pair_skip(team);
)sql";
void pair_skips_v8(sqlite::Database& db) { db.exec(kSchemaV8); }

constexpr Migration kMigrations[] = {
    {1, create_v1},
    {2, add_phone_tokens_v2},
    {3, widen_kinds_v3},
    {4, hackathon_v4},
    {5, screening_v5},
    {6, followup_v6},
    {7, review_and_absent_v7},
    {8, pair_skips_v8},
};
static_assert(std::size(kMigrations) == kSchemaVersion, "one migration per schema version");

}  // namespace

std::span<const Migration> migrations() { return kMigrations; }

void migrate(sqlite::Database& db, std::span<const Migration> list) {
    int version = static_cast<int>(db.pragma_int("user_version"));
    int previous = 0;
    for (const Migration& m : list) {
        if (m.version <= previous) throw StorageError(db.name() + ": migrations out of order");
        previous = m.version;
        if (m.version <= version) continue;
        sqlite::Transaction tx(db);
        m.apply(db);
        db.pragma_set("user_version", std::to_string(m.version));
        tx.commit();
        version = m.version;
    }
}

std::optional<std::string> identity_problem(sqlite::Database& db) {
    std::int64_t application_id = 0;
    try {
        application_id = db.pragma_int("application_id");
    } catch (const sqlite::SqliteError& e) {
        if (e.code() == SQLITE_NOTADB) return std::string(i18n::tr("not a pilotdeck workshop (not an SQLite database)"));
        if (e.code() == SQLITE_CORRUPT) return i18n::format(i18n::tr("damaged: {0}"), {sqlite3_errstr(e.code())});
        throw;
    }
    if (application_id != kApplicationId) return std::string(i18n::tr("not a pilotdeck workshop (another SQLite database)"));
    std::int64_t version = db.pragma_int("user_version");
    if (version > kSchemaVersion)
        return i18n::format(i18n::tr("made by a newer pilotdeck (schema {0}); this version reads up to {1}"),
                            {std::to_string(version), std::to_string(kSchemaVersion)});
    if (version < 1) return i18n::format(i18n::tr("not a complete pilotdeck workshop (schema version {0})"), {std::to_string(version)});
    return std::nullopt;
}

namespace {

// Each table with the schema version that made it.
struct TableOf {
    int version;
    const char* name;
};
constexpr TableOf kTables[] = {
    {1, "meta"}, {1, "stage"}, {1, "stage_prompt"}, {1, "concern"}, {1, "criterion"}, {1, "criterion_level"},
    {1, "selection"}, {1, "participant"}, {1, "idea"}, {1, "score"}, {1, "score_agg"}, {2, "phone_token"},
    {4, "team"}, {4, "team_member"}, {4, "comparison"}, {4, "award"}, {4, "audience_vote"},
    {5, "idea_assessment"}, {5, "idea_answer"}, {5, "consensus_score"}, {5, "score_round"}, {5, "score_history"},
    {5, "revote"}, {5, "revote_cell"}, {6, "idea_status"}, {6, "status_change"}, {6, "measure"}, {6, "measure_value"},
    {8, "pair_skip"},
};

}  // namespace

std::vector<std::string> missing_tables(sqlite::Database& db) {
    const std::int64_t version = db.pragma_int("user_version");
    std::vector<std::string> problems;
    sqlite::Statement has(db, "SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = ?");
    for (const TableOf& t : kTables) {
        if (t.version > version) continue;
        if (has.bind_all(std::string(t.name)).one_int64().value_or(0) == 0)
            problems.push_back("the table " + std::string(t.name) + " of schema " + std::to_string(t.version) + " is missing");
    }
    return problems;
}

namespace {

std::vector<std::string> pragma_problems(sqlite::Database& db, const std::string& pragma) {
    std::vector<std::string> problems;
    try {
        sqlite::Statement st(db, "PRAGMA " + pragma);
        while (st.step()) {
            std::string line = st.column_text(0);
            if (line != "ok") problems.push_back(line);
        }
    } catch (const sqlite::SqliteError& e) {
        // A page so damaged that the check itself stops (SQLITE_CORRUPT) is a problem too.
        if (e.code() != SQLITE_CORRUPT && e.code() != SQLITE_NOTADB) throw;
        problems.push_back(sqlite3_errstr(e.code()));
    }
    return problems;
}

}  // namespace

std::vector<std::string> integrity_problems(sqlite::Database& db, bool full, int limit) {
    return pragma_problems(db, std::string(full ? "integrity_check" : "quick_check") + "(" + std::to_string(limit) + ")");
}

std::vector<std::string> table_problems(sqlite::Database& db, const std::string& table, int limit) {
    std::string quoted = "'";  // a string literal: the table's name as the file has it
    for (const char c : table) quoted += c == '\'' ? std::string("''") : std::string(1, c);
    std::vector<std::string> problems = pragma_problems(db, "quick_check(" + quoted + "')");
    if (problems.size() > static_cast<std::size_t>(limit)) problems.resize(static_cast<std::size_t>(limit));
    return problems;
}

}  // namespace pilotdeck::storage::schema
