#include "core/screening.hpp"

#include <algorithm>
#include <array>

namespace pilotdeck::core {

namespace {

constexpr std::array<std::string_view, 33> kQuestions{
    "P1", "P2", "P3", "P4", "P5", "P6", "P7", "P8",  // Art. 5
    "H1", "H2", "H3", "H4", "H5", "H6", "H7", "H8",  // Annex III
    "E",  "F",                                       // Art. 6(3)
    "T1", "T2", "T3", "T4",                          // Art. 50
    "D1", "D2", "D3", "D4", "D5", "D6", "D7", "D8", "D9",  // EDPB WP248
    "S",  "A"};                                      // GDPR Art. 9, Art. 22

enum class Answer { Yes, No, Open };

Answer answer(const Assessment& a, std::string_view id) {
    const auto it = a.answers.find(std::string(id));
    if (it == a.answers.end()) return Answer::Open;
    return it->second ? Answer::Yes : Answer::No;
}

// Counts the answers of questions `prefix`1..`prefix`n.
struct Tally { int yes = 0, open = 0; };
Tally tally(const Assessment& a, char prefix, int n) {
    Tally t;
    std::string id(1, prefix);
    for (int i = 1; i <= n; ++i) {
        id.resize(1);
        id += static_cast<char>('0' + i);
        const Answer x = answer(a, id);
        if (x == Answer::Yes) ++t.yes;
        if (x == Answer::Open) ++t.open;
    }
    return t;
}

bool contains(const std::vector<std::string>& list, std::string_view s) {
    return std::find(list.begin(), list.end(), s) != list.end();
}

}  // namespace

std::string_view to_string(AiActClass c) {
    switch (c) {
        case AiActClass::Prohibited: return "prohibited";
        case AiActClass::HighRisk: return "high-risk";
        case AiActClass::Unassessed: return "unassessed";
        case AiActClass::Limited: return "limited";
        case AiActClass::Minimal: return "minimal";
    }
    return {};
}

std::string_view to_string(DpiaVerdict d) {
    switch (d) {
        case DpiaVerdict::Required: return "required";
        case DpiaVerdict::Recommended: return "recommended";
        case DpiaVerdict::Unknown: return "unknown";
        case DpiaVerdict::NotNeeded: return "not-needed";
    }
    return {};
}

std::span<const std::string_view> screening_questions() { return kQuestions; }

bool is_screening_question(std::string_view id) {
    return std::find(kQuestions.begin(), kQuestions.end(), id) != kQuestions.end();
}

AiActClass classify_ai_act(const std::optional<Assessment>& assessment) {
    if (!assessment) return AiActClass::Unassessed;
    const Assessment& a = *assessment;
    const Tally p = tally(a, 'P', 8), h = tally(a, 'H', 8);
    if (p.yes > 0) return AiActClass::Prohibited;
    // Art. 6(3): an Annex III system is not high-risk when it only does a narrow procedural or
    // preparatory task (E) and does not profile people (F); a profiling system always is.
    if (h.yes > 0 && !(answer(a, "E") == Answer::Yes && answer(a, "F") == Answer::No)) return AiActClass::HighRisk;
    if (p.open > 0 || h.open > 0) return AiActClass::Unassessed;
    if (tally(a, 'T', 4).yes > 0) return AiActClass::Limited;
    return AiActClass::Minimal;
}

DpiaVerdict classify_dpia(const std::optional<Assessment>& assessment) {
    if (!assessment) return DpiaVerdict::Unknown;
    const Assessment& a = *assessment;
    const Tally d = tally(a, 'D', 9);
    if (answer(a, "A") == Answer::Yes) return DpiaVerdict::Required;
    if (answer(a, "S") == Answer::Yes && answer(a, "D5") == Answer::Yes) return DpiaVerdict::Required;
    if (d.yes >= 2) return DpiaVerdict::Required;
    if (d.yes == 1) return DpiaVerdict::Recommended;
    if (d.open > 0 || answer(a, "S") == Answer::Open || answer(a, "A") == Answer::Open) return DpiaVerdict::Unknown;
    return DpiaVerdict::NotNeeded;
}

std::vector<std::string> obligations_for(const std::optional<Assessment>& a, const ObligationCatalogue& catalogue) {
    const std::string_view ai_act = to_string(classify_ai_act(a));
    const std::string_view dpia = to_string(classify_dpia(a));
    std::vector<std::string> out;
    for (const Obligation& o : catalogue.obligations) {
        bool applies = contains(o.ai_act, ai_act) || contains(o.dpia, dpia);
        for (const std::string& q : o.answers_true)
            if (a && answer(*a, q) == Answer::Yes) applies = true;
        if (!applies) continue;
        // "Do this (source; applies from date)."
        std::string sentence = o.text;
        if (!o.source.empty() || !o.applies_from.empty()) {
            const bool full_stop = !sentence.empty() && sentence.back() == '.';
            if (full_stop) sentence.pop_back();
            sentence += " (";
            sentence += o.source;
            if (!o.source.empty() && !o.applies_from.empty()) sentence += "; ";
            if (!o.applies_from.empty()) sentence += "applies from " + o.applies_from;
            sentence += full_stop ? ")." : ")";
        }
        out.push_back(std::move(sentence));
    }
    return out;
}

}  // namespace pilotdeck::core
