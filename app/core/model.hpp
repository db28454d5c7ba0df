// The workshop domain: plain values, no I/O. Shared by the GUI, the CLI and storage.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace pilotdeck::core {

// Intro..Shortlist: the use-case flow (contracts 2); Teams..Awards: hackathons (contracts 6);
// Review: the follow-up meeting (contracts 12).
enum class StageKind { Intro, Concerns, Ideas, Scoring, Matrix, Shortlist, Teams, Work, Pitches, Judging, Awards, Review };
enum class Axis { Benefit, Risk, Visibility };
enum class Role { User, Champion, Decider, Developer, Jury };
enum class Pin { Include, Exclude };
enum class Mode { UseCase, Hackathon };
enum class JudgingMethod { Criteria, Pairwise };
enum class IdeaStatus { Proposed, Pilot, Scaled, Adjusted, Stopped };

// Text names as used in the JSON documents (contracts.md).
std::string_view to_string(StageKind k);
std::string_view to_string(Axis a);
std::string_view to_string(Role r);
std::string_view to_string(Pin p);
std::optional<StageKind> stage_kind_from(std::string_view s);
std::optional<Axis> axis_from(std::string_view s);
std::optional<Role> role_from(std::string_view s);
std::optional<Pin> pin_from(std::string_view s);
std::string_view to_string(Mode m);             // "use-case" | "hackathon"
std::string_view to_string(JudgingMethod m);    // "criteria" | "pairwise"
std::string_view to_string(IdeaStatus s);       // "proposed" | "pilot" | ...
std::optional<Mode> mode_from(std::string_view s);
std::optional<JudgingMethod> judging_method_from(std::string_view s);
std::optional<IdeaStatus> idea_status_from(std::string_view s);

struct Stage {
    std::string id;
    StageKind kind = StageKind::Intro;
    std::string title;
    int minutes = 0;
    std::string goal;
    std::vector<std::string> prompts;
    bool operator==(const Stage&) const = default;
};

struct Concern {
    std::string id;
    std::string label;
    std::string response;
    int count = 0;
    bool operator==(const Concern&) const = default;
};

struct Criterion {
    std::string id;
    std::string label;
    Axis axis = Axis::Benefit;
    double weight = 1.0;
    int min = 1;
    int max = 5;
    std::string help;
    std::map<int, std::string> levels;  // level value -> what it means
    bool operator==(const Criterion&) const = default;
};

struct SelectionRules {
    double max_risk = 2.5;
    double min_visibility = 3.5;
    int min_raters = 3;
    int size = 3;
    int max_per_department = 1;
    // contracts 7: what happens to high-risk and unassessed ideas that are not pinned include.
    bool allow_high_risk = false;   // gates.high_risk: "exclude" (default) | "allow"
    bool allow_unassessed = true;   // gates.unassessed: "allow" (default) | "exclude"
    bool operator==(const SelectionRules&) const = default;
};

// contracts 6: how a hackathon's pitches and judging run.
struct Pitching {
    int pitch_minutes = 5;
    int qa_minutes = 2;
    bool operator==(const Pitching&) const = default;
};
struct Judging {
    JudgingMethod method = JudgingMethod::Criteria;
    bool recuse_same_department = false;
    bool operator==(const Judging&) const = default;
};
struct Award {
    std::string id;
    std::string label;
    std::string rule;  // "overall" | "audience" | "criterion:ID" | "pilot"
    bool operator==(const Award&) const = default;
};

struct Template {
    Mode mode = Mode::UseCase;
    std::string id;
    std::string name;
    std::string language;
    std::string description;
    std::vector<Stage> stages;
    std::vector<Concern> concerns;  // count is always 0 in a template
    std::vector<Criterion> criteria;
    SelectionRules selection;
    Pitching pitching;                 // hackathon templates
    Judging judging;                   // hackathon templates
    std::vector<Award> awards;         // hackathon templates
};

struct Participant {
    std::string id;
    std::string name;
    std::string department;
    Role role = Role::User;
    bool operator==(const Participant&) const = default;
};

struct Decision {
    Pin pin = Pin::Include;
    std::string reason;
    bool operator==(const Decision&) const = default;
};

// contracts 7: the screening questionnaire's question ids, in questionnaire order.
inline constexpr std::array<std::string_view, 33> kScreeningQuestions{
    "P1", "P2", "P3", "P4", "P5", "P6", "P7", "P8",        // AI Act Art. 5
    "H1", "H2", "H3", "H4", "H5", "H6", "H7", "H8",        // Annex III
    "E",  "F",                                             // Art. 6(3)
    "T1", "T2", "T3", "T4",                                // Art. 50
    "D1", "D2", "D3", "D4", "D5", "D6", "D7", "D8", "D9",  // EDPB WP248
    "S",  "A"};                                            // GDPR Art. 9, Art. 22

// The position of a question id in kScreeningQuestions; nullopt for anything else.
std::optional<std::size_t> screening_question_index(std::string_view id);

// An idea's answers: true, false or not answered, for each question. Two bit masks by question
// position, so classifying 10,000 screened ideas touches 10,000 pairs of words, not 330,000
// map nodes.
struct ScreeningAnswers {
    std::uint64_t answered = 0;  // bit i: question i is answered
    std::uint64_t yes = 0;       // bit i: question i is answered yes (only where answered)

    // nullopt when not answered or not a question id.
    std::optional<bool> get(std::string_view id) const;
    // Sets (or, with nullopt, clears) one answer; false, and nothing changed, for an unknown id.
    bool set(std::string_view id, std::optional<bool> answer);
    // The number of questions answered.
    std::size_t size() const;
    bool operator==(const ScreeningAnswers&) const = default;
};

// contracts 7: the screening questionnaire of an idea.
struct Assessment {
    ScreeningAnswers answers;
    std::string notes;
    bool operator==(const Assessment&) const = default;
};

// contracts 12: the follow-up of an idea.
struct StatusChange {
    IdeaStatus status = IdeaStatus::Proposed;
    std::string date;  // YYYY-MM-DD
    std::string reason;
    std::string users_say;  // what the pilot's users say, heard at the review (may be empty)
    bool operator==(const StatusChange&) const = default;
};
struct MeasureValue {
    std::string date;  // YYYY-MM-DD
    double value = 0;
    bool operator==(const MeasureValue&) const = default;
};
struct Measure {
    std::string id;
    std::string label;
    std::string unit;
    double baseline = 0;
    double target = 0;
    bool up = true;  // direction "up" (higher is better) or "down"
    std::vector<MeasureValue> values;
    bool operator==(const Measure&) const = default;
};

struct Idea {
    std::string id;
    std::string title;
    std::string problem;
    std::string solution;
    std::string department;
    std::string owner;  // participant id, or empty
    std::string success_criteria;
    std::optional<Decision> decision;
    std::optional<Assessment> assessment;     // contracts 7; absent = never screened
    std::optional<IdeaStatus> status;         // contracts 12; absent = proposed
    std::vector<StatusChange> status_history;
    std::vector<Measure> measures;
    bool operator==(const Idea&) const = default;
};

// One rater's value, or (consensus, rater empty) the room's agreed value (contracts 5b).
struct Score {
    std::string idea;
    std::string rater;
    std::string criterion;
    int value = 0;
    int round = 1;           // contracts 9: the re-vote round this value was given in
    bool consensus = false;  // contracts 5b
    bool operator==(const Score&) const = default;
};

// contracts 9: an earlier value of a re-voted score.
struct ScoreHistory {
    std::string idea;
    std::string rater;
    std::string criterion;
    int value = 0;
    int round = 1;
    std::string reason;
    bool operator==(const ScoreHistory&) const = default;
};

// contracts 6.
struct Team {
    std::string id;
    std::string name;
    std::string idea;                  // idea id (each team has one; an idea at most one team)
    std::vector<std::string> members;  // participant ids
    std::string table;
    int pitch_order = 0;
    bool absent = false;  // marked absent during the pitches: pitches last (see pitch_lineup)
    bool operator==(const Team&) const = default;
};
struct Comparison {
    std::string judge;   // participant id
    std::string winner;  // team id
    std::string loser;   // team id
    std::string at;      // ISO 8601 UTC
    bool operator==(const Comparison&) const = default;
};
// A team a judge skipped in pairwise judging ("Skip this pair"): never offered to that judge
// again. Kept in the workshop file only: the documents of contracts 6 have no such field.
struct Skip {
    std::string judge;  // participant id
    std::string team;   // team id
    bool operator==(const Skip&) const = default;
};
struct AudienceVote {
    std::string voter;  // participant id
    std::string team;   // team id
    bool operator==(const AudienceVote&) const = default;
};

// contracts 9: an open re-vote round: its number (scores given in it carry it) and its cells.
struct RevoteCell {
    std::string idea;
    std::string criterion;
    bool operator==(const RevoteCell&) const = default;
};
struct RevoteRound {
    int round = 2;
    std::vector<RevoteCell> cells;
    bool operator==(const RevoteRound&) const = default;
};

struct WorkshopInfo {
    std::string title;
    std::string organisation;
    std::string date;  // YYYY-MM-DD or empty
    std::string facilitator;
    std::string language;
    std::string template_id;
    bool operator==(const WorkshopInfo&) const = default;
};

// The whole workshop as the documents describe it (contracts.md section 3).
struct Workshop {
    WorkshopInfo info;
    Mode mode = Mode::UseCase;
    std::vector<Stage> stages;
    std::vector<Concern> concerns;
    std::vector<Criterion> criteria;
    SelectionRules selection;
    std::vector<Participant> participants;
    std::vector<Idea> ideas;
    std::vector<Score> scores;
    std::vector<ScoreHistory> score_history;  // contracts 9
    std::optional<RevoteRound> revote;        // contracts 9: the open re-vote round, if any
    // contracts 6 (hackathons)
    std::vector<Team> teams;
    Pitching pitching;
    Judging judging;
    std::vector<Comparison> comparisons;
    std::vector<Skip> skips;  // in the order skipped (file only, not in documents)
    std::vector<Award> awards;
    std::vector<AudienceVote> audience_votes;
    bool audience_vote_closed = false;  // the facilitator closed the audience vote (file meta, not in documents)
    bool operator==(const Workshop&) const = default;
};

// A fresh workshop from a template: stages, concerns, criteria and rules copied.
Workshop workshop_from_template(const Template& t, const std::string& title);

// Valid ids: lower-case letters, digits, '-' and '_' (criteria use snake_case), 1..64 chars.
bool is_valid_id(std::string_view id);
// Template ids: lower-case letters, digits and '-' only.
bool is_valid_template_id(std::string_view id);

}  // namespace pilotdeck::core
