// Responsible-AI screening of an idea (contracts 7): the fixed questionnaire, the EU AI Act
// class and the GDPR DPIA verdict, and the obligations a pilot carries. The obligations and the
// dates from which they apply are data (assets/ai-act-obligations.json), loaded at run time;
// this file only knows how to match them. A first screening, not legal advice.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/model.hpp"

namespace pilotdeck::core {

enum class AiActClass { Prohibited, HighRisk, Unassessed, Limited, Minimal };
enum class DpiaVerdict { Required, Recommended, Unknown, NotNeeded };
std::string_view to_string(AiActClass c);   // prohibited, high-risk, unassessed, limited, minimal
std::string_view to_string(DpiaVerdict d);  // required, recommended, unknown, not-needed
// The class and the verdict in words for people, in the current language (the GUI's
// questionnaire and the report): "high-risk (Annex III)", "required before the pilot".
std::string describe(AiActClass c);
std::string describe(DpiaVerdict d);

// Every question id in questionnaire order: P1..P8, H1..H8, E, F, T1..T4, D1..D9, S, A.
std::span<const std::string_view> screening_questions();
bool is_screening_question(std::string_view id);

// First class that applies (contracts 7); no assessment at all is `unassessed`.
AiActClass classify_ai_act(const std::optional<Assessment>& a);
DpiaVerdict classify_dpia(const std::optional<Assessment>& a);

// One obligation of the shipped catalogue. It applies to an idea when any of its conditions
// holds: the idea's AI Act class is in `ai_act`, its DPIA verdict is in `dpia`, or one of the
// questions in `answers_true` is answered yes.
struct Obligation {
    std::string id;
    std::vector<std::string> ai_act;
    std::vector<std::string> dpia;
    std::vector<std::string> answers_true;
    std::string text;          // what must be done
    std::string applies_from;  // YYYY-MM-DD, or empty when not tied to a date
    std::string source;        // e.g. "AI Act Art. 113(b)"
};

struct ObligationCatalogue {
    std::string checked;  // YYYY-MM-DD: when the dates and sources were last checked
    std::string notice;   // "a first screening, not legal advice" in the catalogue's words
    std::vector<std::string> notes;  // e.g. postponements agreed but not yet law
    std::vector<Obligation> obligations;
};

// The sentences for a pilot, in catalogue order, each with its source and date.
std::vector<std::string> obligations_for(const std::optional<Assessment>& a, const ObligationCatalogue& catalogue);

// The fixed notice shown wherever screening results are shown.
inline constexpr std::string_view kScreeningNotice =
    "A first screening to guide the discussion, not legal advice: check the result with your "
    "data protection officer or legal counsel before a pilot starts.";

}  // namespace pilotdeck::core
