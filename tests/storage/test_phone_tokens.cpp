// Phone tokens in the workshop file (schema 2): stored in the transaction that creates the
// participant, read back, removed with the participant, never exported; a schema 1 file migrates.
#include <catch2/catch.hpp>

#include "documents/documents.hpp"
#include "storage/workshop_file.hpp"
#include "storage_fixtures.hpp"
#include "support/temp_dir.hpp"

using namespace pilotdeck;
using storage::StorageError;
using storage::WorkshopFile;
using test::TempDir;

namespace {

using Tokens = std::vector<std::pair<std::string, std::string>>;

Tokens tokens_of(const WorkshopFile& f) {
    Tokens out;
    for (const auto& t : f.load_phone_tokens()) out.emplace_back(t.token, t.participant);
    return out;
}

core::Participant phone(const std::string& id) { return {id, "Phone " + id, "", core::Role::User}; }

const std::string kT1 = "0123456789abcdef0123456789abcdef";
const std::string kT2 = "fedcba9876543210fedcba9876543210";

}  // namespace

TEST_CASE("phone tokens are stored with the participants they come with and read back after reopening") {
    TempDir dir;
    const std::string path = dir.file("w.pilotdeck");
    auto f = WorkshopFile::create(path, test::sample_workshop());
    CHECK(tokens_of(*f).empty());
    f->attach_phone_tokens({{kT1, "p90"}, {kT2, "p91"}});
    f->apply(core::Batch{{core::PutParticipant{phone("p90"), std::nullopt}, core::PutParticipant{phone("p91"), std::nullopt}},
                         "Phones joined"});
    // Forgotten after that apply: the next edit stores none again.
    f->apply(core::SetConcernCount{test::sample_workshop().concerns.front().id, 4});
    f.reset();
    f = WorkshopFile::open(path);
    CHECK(tokens_of(*f) == Tokens{{kT1, "p90"}, {kT2, "p91"}});
    CHECK(WorkshopFile::check(path).ok);

    // Never part of the workshop, so never in its JSON document.
    const std::string exported = documents::write_workshop(f->load());
    CHECK(exported.find("p90") != std::string::npos);
    CHECK(exported.find(kT1) == std::string::npos);
    CHECK(exported.find(kT2) == std::string::npos);

    // Removed with the participant.
    f->apply(core::RemoveParticipant{"p90"});
    CHECK(tokens_of(*f) == Tokens{{kT2, "p91"}});
    CHECK(WorkshopFile::check(path).ok);
}

TEST_CASE("a token and its participant are saved together or not at all") {
    TempDir dir;
    const std::string path = dir.file("w.pilotdeck");
    auto f = WorkshopFile::create(path, test::sample_workshop());
    // The token names a participant the command does not create: the whole transaction fails.
    f->attach_phone_tokens({{kT1, "p90"}, {kT2, "nobody"}});
    CHECK_THROWS_AS(f->apply(core::PutParticipant{phone("p90"), std::nullopt}), StorageError);
    CHECK(tokens_of(*f).empty());
    const auto participants = f->load().participants;
    CHECK(std::none_of(participants.begin(), participants.end(), [](const core::Participant& p) { return p.id == "p90"; }));
    // And the refused tokens are not left for the next edit.
    f->apply(core::PutParticipant{phone("p90"), std::nullopt});
    CHECK(tokens_of(*f).empty());
}

TEST_CASE("a workshop file of schema 1 gets the phone_token table when opened for editing") {
    TempDir dir;
    const std::string path = dir.file("old.pilotdeck");
    WorkshopFile::create(path, test::sample_workshop()).reset();
    // Schema 1 is schema 2 without phone_token (its index goes with it).
    test::raw_exec(path, "DROP TABLE phone_token; PRAGMA user_version = 1;");
    REQUIRE(test::raw_query(path, "SELECT count(*) FROM sqlite_schema WHERE name LIKE 'phone_token%'") == "0");
    {
        const auto report = WorkshopFile::check(path);
        CHECK(report.ok);
        CHECK(report.schema_version == 1);
    }
    {
        // Read-only: nothing migrates.
        auto ro = WorkshopFile::open(path, WorkshopFile::Mode::ReadOnly);
        CHECK(ro->load() == test::sample_workshop());
    }
    CHECK(test::raw_query(path, "PRAGMA user_version") == "1");

    auto f = WorkshopFile::open(path);
    CHECK(test::raw_query(path, "PRAGMA user_version") == std::to_string(storage::kSchemaVersion));
    CHECK(f->load() == test::sample_workshop());
    CHECK(tokens_of(*f).empty());
    f->attach_phone_tokens({{kT1, "p90"}});
    f->apply(core::PutParticipant{phone("p90"), std::nullopt});
    f.reset();
    CHECK(tokens_of(*WorkshopFile::open(path)) == Tokens{{kT1, "p90"}});
    const auto report = WorkshopFile::check(path);
    CHECK(report.ok);
    CHECK(report.schema_version == storage::kSchemaVersion);
}
