// The hackathon commands through a Session on a real workshop file: teams, comparisons and
// audience votes are validated, saved, undone, and the file always equals the session.
#include <catch2/catch.hpp>

#include "core/pairwise.hpp"
#include "core/session.hpp"
#include "storage/workshop_file.hpp"
#include "support/temp_dir.hpp"

using namespace pilotdeck::core;
using pilotdeck::storage::WorkshopFile;

namespace {

Workshop base() {
    Workshop ws;
    ws.mode = Mode::Hackathon;
    ws.info.title = "Hack";
    ws.info.language = "en";
    Stage st;
    st.id = "s";
    st.kind = StageKind::Teams;
    st.title = "Teams";
    ws.stages = {st};
    Criterion c;
    c.id = "value";
    c.label = "Value";
    ws.criteria = {c};
    ws.participants = {{"p1", "Ann", "Sales", Role::User}, {"p2", "Bob", "IT", Role::User},
                       {"p3", "Cas", "HR", Role::User},    {"k1", "Kim", "Sales", Role::Jury}};
    for (const char* id : {"i1", "i2", "i3"}) {
        Idea idea;
        idea.id = id;
        idea.title = std::string("Idea ") + id;
        idea.department = id == std::string("i1") ? "Sales" : "Ops";
        ws.ideas.push_back(idea);
    }
    ws.judging.recuse_same_department = true;
    return ws;
}

void same_as_file(const Session& s, WorkshopFile& f) { CHECK(f.load() == s.workshop()); }

}  // namespace

TEST_CASE("hackathon commands: teams, comparisons and votes are saved, refused and undone", "[hackathon]") {
    pilotdeck::test::TempDir dir;
    auto file = WorkshopFile::create(dir.file("h.pilotdeck"), base());
    Session s(file->load(), 0, file.get());

    s.execute(PutTeam{{"t1", "Alpha", "i1", {"p1"}, "A1", 1}, std::nullopt});
    s.execute(PutTeam{{"t2", "Bravo", "i2", {"p2", "p3"}, "A2", 2}, std::nullopt});
    s.execute(PutTeam{{"t3", "Charlie", "i3", {}, "", 3}, 0});
    REQUIRE(s.workshop().teams.size() == 3);
    CHECK(s.workshop().teams[0].id == "t3");
    same_as_file(s, *file);

    CHECK_THROWS_AS(s.execute(PutTeam{{"t4", "Delta", "i1", {}, "", 4}, std::nullopt}), CommandError);  // idea taken
    CHECK_THROWS_AS(s.execute(PutTeam{{"t4", "Delta", "i9", {}, "", 4}, std::nullopt}), CommandError);  // no idea
    CHECK_THROWS_AS(s.execute(PutTeam{{"t3", "Charlie", "i3", {"p1"}, "", 3}, std::nullopt}), CommandError);  // p1 in t1
    CHECK_THROWS_AS(s.execute(PutTeam{{"t3", "Charlie", "i3", {"p9"}, "", 3}, std::nullopt}), CommandError);

    // k1 (Sales) is recused from t1 (idea in Sales); p1 is a member of t1.
    CHECK_THROWS_AS(s.execute(AddComparison{{"k1", "t1", "t2", ""}, std::nullopt}), CommandError);
    CHECK_THROWS_AS(s.execute(AddComparison{{"p1", "t2", "t1", ""}, std::nullopt}), CommandError);
    CHECK_THROWS_AS(s.execute(AddComparison{{"k1", "t2", "t2", ""}, std::nullopt}), CommandError);
    CHECK_THROWS_AS(s.execute(AddComparison{{"p9", "t2", "t3", ""}, std::nullopt}), CommandError);
    CHECK_THROWS_AS(s.execute(SetScore{"i1", "k1", "value", 4}), CommandError);  // a recused jury score
    s.execute(SetScore{"i2", "k1", "value", 4});

    s.execute(AddComparison{{"k1", "t2", "t3", "2026-12-01T10:00:00Z"}, std::nullopt});
    s.execute(AddComparison{{"p1", "t3", "t2", "2026-12-01T10:01:00Z"}, std::nullopt});
    s.execute(AddComparison{{"p2", "t1", "t3", "2026-12-01T10:02:00Z"}, std::nullopt});
    same_as_file(s, *file);
    // A judge undoes a comparison in the middle: the rest keeps its order, undo puts it back.
    s.execute(RemoveComparison{1});
    CHECK(s.workshop().comparisons.size() == 2);
    CHECK(s.workshop().comparisons[1].judge == "p2");
    same_as_file(s, *file);
    REQUIRE(s.undo());
    CHECK(s.workshop().comparisons[1].judge == "p1");
    same_as_file(s, *file);

    CHECK_THROWS_AS(s.execute(SetAudienceVote{"p2", std::string("t2")}), CommandError);  // own team
    s.execute(SetAudienceVote{"p2", std::string("t1")});
    s.execute(SetAudienceVote{"p2", std::string("t3")});  // changed
    s.execute(SetAudienceVote{"p3", std::string("t1")});
    CHECK(s.workshop().audience_votes == std::vector<AudienceVote>{{"p2", "t3"}, {"p3", "t1"}});
    same_as_file(s, *file);
    s.execute(SetAudienceVote{"p2", std::nullopt});
    CHECK(s.workshop().audience_votes == std::vector<AudienceVote>{{"p3", "t1"}});
    same_as_file(s, *file);
    REQUIRE(s.undo());
    REQUIRE(s.undo());
    CHECK(s.workshop().audience_votes == std::vector<AudienceVote>{{"p2", "t3"}});  // the withdrawal and p3's vote undone
    same_as_file(s, *file);

    CHECK_THROWS_AS(s.execute(RemoveTeam{"t2"}), CommandError);  // compared already
    Idea i4;
    i4.id = "i4";
    i4.title = "Idea 4";
    s.execute(PutIdea{i4, std::nullopt});
    s.execute(PutTeam{{"t4", "Delta", "i4", {}, "", 4}, std::nullopt});
    s.execute(RemoveTeam{"t4"});
    CHECK(s.workshop().teams.size() == 3);
    same_as_file(s, *file);
    REQUIRE(s.undo());
    CHECK(s.workshop().teams.back().id == "t4");
    same_as_file(s, *file);
}

TEST_CASE("hackathon commands: a judge's skips are saved, refused twice, go with their team or judge, and count in Crowd-BT", "[hackathon]") {
    pilotdeck::test::TempDir dir;
    auto file = WorkshopFile::create(dir.file("h.pilotdeck"), base());
    Session s(file->load(), 0, file.get());
    s.execute(PutTeam{{"t1", "Alpha", "i1", {"p1"}, "A1", 1}, std::nullopt});
    s.execute(PutTeam{{"t2", "Bravo", "i2", {"p2"}, "A2", 2}, std::nullopt});
    s.execute(PutTeam{{"t3", "Charlie", "i3", {}, "", 3}, std::nullopt});
    // p3 may judge every team: 3 to go.
    CHECK(Pairwise(s.workshop()).remaining("p3") == 3);

    const std::string last_edit = s.undo_label();
    s.execute(SetSkip{{"p3", "t2"}, true}, false);
    s.execute(SetSkip{{"p3", "t3"}, true}, false);
    s.execute(SetSkip{{"k1", "t3"}, true}, false);
    CHECK(s.workshop().skips == std::vector<Skip>{{"p3", "t2"}, {"p3", "t3"}, {"k1", "t3"}});
    same_as_file(s, *file);
    CHECK(Pairwise(s.workshop()).remaining("p3") == 1);
    CHECK(s.undo_label() == last_edit);  // a phone's skip is not on the facilitator's undo stack
    CHECK_THROWS_AS(s.execute(SetSkip{{"p3", "t2"}, true}), CommandError);  // twice
    CHECK_THROWS_AS(s.execute(SetSkip{{"p9", "t2"}, true}), CommandError);  // no such judge
    CHECK_THROWS_AS(s.execute(SetSkip{{"p3", "t9"}, true}), CommandError);  // no such team
    CHECK_THROWS_AS(s.execute(SetSkip{{"p1", "t3"}, false}), CommandError);  // not skipped
    same_as_file(s, *file);

    // A team removed takes its skips along; undo brings both back, in the file too.
    s.execute(RemoveTeam{"t3"});
    CHECK(s.workshop().skips == std::vector<Skip>{{"p3", "t2"}});
    same_as_file(s, *file);
    REQUIRE(s.undo());
    CHECK(s.workshop().teams.back().id == "t3");
    CHECK(s.workshop().skips.size() == 3);
    same_as_file(s, *file);
    // So does a judge (here one who never scored).
    s.execute(RemoveParticipant{"p3"});
    CHECK(s.workshop().skips == std::vector<Skip>{{"k1", "t3"}});
    same_as_file(s, *file);
    REQUIRE(s.undo());
    CHECK(s.workshop().skips.size() == 3);
    CHECK(Pairwise(s.workshop()).remaining("p3") == 1);
    same_as_file(s, *file);
    CHECK(WorkshopFile::check(file->path()).ok);
}
