// The screening questionnaire (contracts 7) as people read it: each question in plain language
// with a one-line explanation and an example from office life, the words and markers of the AI
// Act classes and DPIA verdicts. Texts only: the rules are core/screening.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/screening.hpp"

namespace pilotdeck::ui {

struct ScreeningText {
    std::string_view id;   // P1 ... A (core::screening_questions order)
    const char* section;   // msgid of the group heading
    const char* question;  // msgid: the question, answered yes or no
    const char* hint;      // msgid: one line of explanation with an example
};

// Every question of core::screening_questions(), in its order (untranslated msgids: pass
// through i18n::tr to show).
const std::vector<ScreeningText>& screening_texts();

// A marker and a word, readable without colour from the back row: "■ PROHIBITED",
// "▲ HIGH-RISK", "● limited", "○ minimal", "? unassessed" (translated).
std::string class_marker(core::AiActClass c);
// For the ideas that need attention: the marker of a prohibited or high-risk idea, else "".
std::string risk_mark(const core::Idea& idea);
// The marker of a screened idea (any answer or note), else "" (never screened).
std::string screened_mark(const core::Idea& idea);
// The class and the verdict in a sentence's words: core::describe (core/screening.hpp).
// A short DPIA tag for tables: "DPIA required", "DPIA recommended", "DPIA ?", "" when not needed.
std::string dpia_tag(core::DpiaVerdict d);
// The notice shown wherever screening results are shown (translated).
const char* screening_notice();

}  // namespace pilotdeck::ui
