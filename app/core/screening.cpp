#include "core/screening.hpp"

#include <algorithm>
#include <bit>
#include <cstdint>

#include "base/i18n.hpp"

namespace pilotdeck::core {

namespace {

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

std::string describe(AiActClass c) {
    switch (c) {
        case AiActClass::Prohibited: return i18n::tr("prohibited practice (Art. 5): never a pilot");
        case AiActClass::HighRisk: return i18n::tr("high-risk (Annex III)");
        case AiActClass::Unassessed: return i18n::tr("not fully screened yet");
        case AiActClass::Limited: return i18n::tr("limited risk (transparency duties)");
        case AiActClass::Minimal: return i18n::tr("minimal risk");
    }
    return {};
}

std::string describe(DpiaVerdict d) {
    switch (d) {
        case DpiaVerdict::Required: return i18n::tr("required before the pilot");
        case DpiaVerdict::Recommended: return i18n::tr("recommended");
        case DpiaVerdict::Unknown: return i18n::tr("not known yet (questions open)");
        case DpiaVerdict::NotNeeded: return i18n::tr("not needed");
    }
    return {};
}

std::span<const std::string_view> screening_questions() { return kScreeningQuestions; }

bool is_screening_question(std::string_view id) { return screening_question_index(id).has_value(); }

namespace {

// The questions' bits (positions in kScreeningQuestions): P1-P8, H1-H8, E, F, T1-T4, D1-D9, S, A.
constexpr std::uint64_t bits(unsigned from, unsigned count) { return ((std::uint64_t{1} << count) - 1) << from; }
constexpr std::uint64_t kP = bits(0, 8), kH = bits(8, 8), kE = bits(16, 1), kF = bits(17, 1), kT = bits(18, 4),
                        kD = bits(22, 9), kD5 = bits(26, 1), kS = bits(31, 1), kA = bits(32, 1);
static_assert(kScreeningQuestions[16] == "E" && kScreeningQuestions[26] == "D5" && kScreeningQuestions[32] == "A");

enum class Answer { Yes, No, Open };

struct Answers {
    std::uint64_t answered, yes;
    int yes_in(std::uint64_t group) const { return std::popcount(yes & group); }
    bool all_answered(std::uint64_t group) const { return (answered & group) == group; }
    Answer one(std::uint64_t bit) const {
        if ((answered & bit) == 0) return Answer::Open;
        return (yes & bit) != 0 ? Answer::Yes : Answer::No;
    }
};

Answers masks(const Assessment& a) { return {a.answers.answered, a.answers.yes & a.answers.answered}; }

}  // namespace

AiActClass classify_ai_act(const std::optional<Assessment>& assessment) {
    if (!assessment) return AiActClass::Unassessed;
    const Answers x = masks(*assessment);
    if (x.yes_in(kP) > 0) return AiActClass::Prohibited;
    // Art. 6(3): an Annex III system is not high-risk when it only does a narrow procedural or
    // preparatory task (E) and does not profile people (F); a profiling system always is.
    if (x.yes_in(kH) > 0 && !(x.one(kE) == Answer::Yes && x.one(kF) == Answer::No)) return AiActClass::HighRisk;
    if (!x.all_answered(kP) || !x.all_answered(kH)) return AiActClass::Unassessed;
    if (x.yes_in(kT) > 0) return AiActClass::Limited;
    return AiActClass::Minimal;
}

DpiaVerdict classify_dpia(const std::optional<Assessment>& assessment) {
    if (!assessment) return DpiaVerdict::Unknown;
    const Answers x = masks(*assessment);
    if (x.one(kA) == Answer::Yes) return DpiaVerdict::Required;
    if (x.one(kS) == Answer::Yes && x.one(kD5) == Answer::Yes) return DpiaVerdict::Required;
    if (x.yes_in(kD) >= 2) return DpiaVerdict::Required;
    if (x.yes_in(kD) == 1) return DpiaVerdict::Recommended;
    if (!x.all_answered(kD) || x.one(kS) == Answer::Open || x.one(kA) == Answer::Open) return DpiaVerdict::Unknown;
    return DpiaVerdict::NotNeeded;
}

std::vector<std::string> obligations_for(const std::optional<Assessment>& a, const ObligationCatalogue& catalogue) {
    const std::string_view ai_act = to_string(classify_ai_act(a));
    const std::string_view dpia = to_string(classify_dpia(a));
    std::vector<std::string> out;
    for (const Obligation& o : catalogue.obligations) {
        bool applies = contains(o.ai_act, ai_act) || contains(o.dpia, dpia);
        for (const std::string& q : o.answers_true)
            if (a && a->answers.get(q) == true) applies = true;
        if (!applies) continue;
        // "Do this (source; applies from date)." in the current language: the catalogue's English
        // texts and sources are msgids (po/extract.sh extracts them from the asset).
        std::string sentence = i18n::tr(o.text.c_str());
        if (!o.source.empty() || !o.applies_from.empty()) {
            const bool full_stop = !sentence.empty() && sentence.back() == '.';
            if (full_stop) sentence.pop_back();
            sentence += " (";
            if (!o.source.empty()) sentence += i18n::tr(o.source.c_str());
            if (!o.source.empty() && !o.applies_from.empty()) sentence += "; ";
            // TRANSLATORS: {0} a date as YYYY-MM-DD, from which an obligation applies.
            if (!o.applies_from.empty()) sentence += i18n::format(i18n::tr("applies from {0}"), {o.applies_from});
            sentence += full_stop ? ")." : ")";
        }
        out.push_back(std::move(sentence));
    }
    return out;
}

}  // namespace pilotdeck::core
