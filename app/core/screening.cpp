#include "core/screening.hpp"

#include <algorithm>
#include <array>

#include "base/i18n.hpp"

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

namespace {

// One pass over the answers (no lookups): yes/answered counts per group and the single questions.
struct Answers {
    int p_yes = 0, p_answered = 0, h_yes = 0, h_answered = 0, t_yes = 0, d_yes = 0, d_answered = 0;
    Answer e = Answer::Open, f = Answer::Open, s = Answer::Open, a = Answer::Open, d5 = Answer::Open;
    explicit Answers(const Assessment& x) {
        for (const auto& [id, yes] : x.answers) {
            if (id.empty()) continue;
            const Answer v = yes ? Answer::Yes : Answer::No;
            const bool numbered = id.size() == 2 && id[1] >= '1' && id[1] <= '9';
            switch (id[0]) {
                case 'P': if (numbered && id[1] <= '8') { ++p_answered; p_yes += yes; } break;
                case 'H': if (numbered && id[1] <= '8') { ++h_answered; h_yes += yes; } break;
                case 'T': if (numbered && id[1] <= '4') t_yes += yes; break;
                case 'D':
                    if (numbered) {
                        ++d_answered;
                        d_yes += yes;
                        if (id[1] == '5') d5 = v;
                    }
                    break;
                case 'E': if (id.size() == 1) e = v; break;
                case 'F': if (id.size() == 1) f = v; break;
                case 'S': if (id.size() == 1) s = v; break;
                case 'A': if (id.size() == 1) a = v; break;
                default: break;
            }
        }
    }
};

}  // namespace

AiActClass classify_ai_act(const std::optional<Assessment>& assessment) {
    if (!assessment) return AiActClass::Unassessed;
    const Answers x(*assessment);
    if (x.p_yes > 0) return AiActClass::Prohibited;
    // Art. 6(3): an Annex III system is not high-risk when it only does a narrow procedural or
    // preparatory task (E) and does not profile people (F); a profiling system always is.
    if (x.h_yes > 0 && !(x.e == Answer::Yes && x.f == Answer::No)) return AiActClass::HighRisk;
    if (x.p_answered < 8 || x.h_answered < 8) return AiActClass::Unassessed;
    if (x.t_yes > 0) return AiActClass::Limited;
    return AiActClass::Minimal;
}

DpiaVerdict classify_dpia(const std::optional<Assessment>& assessment) {
    if (!assessment) return DpiaVerdict::Unknown;
    const Answers x(*assessment);
    if (x.a == Answer::Yes) return DpiaVerdict::Required;
    if (x.s == Answer::Yes && x.d5 == Answer::Yes) return DpiaVerdict::Required;
    if (x.d_yes >= 2) return DpiaVerdict::Required;
    if (x.d_yes == 1) return DpiaVerdict::Recommended;
    if (x.d_answered < 9 || x.s == Answer::Open || x.a == Answer::Open) return DpiaVerdict::Unknown;
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
