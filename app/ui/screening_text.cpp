#include "ui/screening_text.hpp"

#include "base/i18n.hpp"

namespace pilotdeck::ui {

using i18n::N_;

const std::vector<ScreeningText>& screening_texts() {
    static const char* const kP = N_("Never allowed (AI Act, Article 5)");
    static const char* const kH = N_("High-risk areas (AI Act, Annex III)");
    static const char* const kE = N_("Exceptions for high-risk areas (Article 6(3))");
    static const char* const kT = N_("Telling people it is AI (Article 50)");
    static const char* const kD = N_("Personal data: is a DPIA needed? (GDPR)");
    static const std::vector<ScreeningText> texts{
        {"P1", kP, N_("Does it manipulate or deceive people in a way that can seriously harm them?"),
         N_("Hidden pressure people cannot notice. Example: a sales bot that pushes staff into unpaid overtime.")},
        {"P2", kP, N_("Does it exploit people's age, disability or social or economic situation?"),
         N_("Example: targeting indebted customers with offers they cannot refuse.")},
        {"P3", kP, N_("Does it score people on their behaviour or personality, to their unjustified disadvantage?"),
         N_("Social scoring. Example: a 'team-player score' from chat activity that decides bonuses.")},
        {"P4", kP, N_("Does it predict that someone will commit a crime from profiling alone?"),
         N_("Example: flagging employees as likely fraudsters from their profile, without facts.")},
        {"P5", kP, N_("Does it collect face images from the internet or CCTV without a target?"),
         N_("Untargeted scraping to build a face database. Example: harvesting photos from social media.")},
        {"P6", kP, N_("Does it recognise the emotions of employees or students?"),
         N_("Allowed only for medical or safety reasons. Example: a webcam tool rating staff moods in meetings.")},
        {"P7", kP, N_("Does it infer race, politics, union membership, religion or sexual orientation from biometrics?"),
         N_("Example: sorting visitors by their face into groups of origin.")},
        {"P8", kP, N_("Does it identify people remotely, in real time, in public spaces for the police?"),
         N_("Live face recognition for law enforcement. Rare in an office.")},
        {"H1", kH, N_("Does it use biometrics to identify or categorise people?"),
         N_("Example: face or fingerprint recognition at the entrance.")},
        {"H2", kH, N_("Is it a safety component of critical infrastructure?"),
         N_("Water, energy, gas, heating, road traffic, digital infrastructure. Example: steering a power grid.")},
        {"H3", kH, N_("Does it decide on admission, grading or exam monitoring in education?"),
         N_("Example: grading the tests of an in-house training programme.")},
        {"H4", kH, N_("Does it judge job applicants or employees?"),
         N_("Recruiting, screening CVs, promotion, dismissal, assigning tasks, monitoring or evaluating staff.")},
        {"H5", kH, N_("Does it decide on access to essential services?"),
         N_("Benefits, credit scoring, life or health insurance prices, emergency calls. Example: a loan check.")},
        {"H6", kH, N_("Is it used by or for law enforcement?"),
         N_("Example: assessing evidence or the risk that a person becomes a victim.")},
        {"H7", kH, N_("Is it used for migration, asylum or border control?"),
         N_("Example: checking visa applications.")},
        {"H8", kH, N_("Does it help courts or influence elections?"),
         N_("Example: drafting judgements, or targeting voters.")},
        {"E", kE, N_("Does it only do a narrow preparatory task, without replacing human judgement?"),
         N_("Art. 6(3): e.g. it sorts incoming files by topic and a person still decides everything.")},
        {"F", kE, N_("Does it profile people (evaluate aspects of their work, behaviour or reliability)?"),
         N_("Profiling always keeps a high-risk use high-risk. Example: predicting who will leave the company.")},
        {"T1", kT, N_("Do people talk to it (a chatbot or voice assistant)?"),
         N_("People must be told they talk to an AI. Example: a chatbot on the customer portal.")},
        {"T2", kT, N_("Does it generate text, images, audio or video?"),
         N_("Generated content must be marked. Example: drafting replies to customer mail.")},
        {"T3", kT, N_("Does it recognise emotions or sort people by biometric features?"),
         N_("The people concerned must be told. Example: analysing the tone of voice in a call centre.")},
        {"T4", kT, N_("Does it make deepfakes or publish AI text on matters of public interest?"),
         N_("Example: a synthetic video of the CEO, or AI-written press releases.")},
        {"D1", kD, N_("Does it evaluate or score people?"),
         N_("Including profiling and predicting. Example: rating the performance of sales staff.")},
        {"D2", kD, N_("Does it decide automatically, with legal or similarly serious effects?"),
         N_("Example: automatically rejecting an application or a claim.")},
        {"D3", kD, N_("Does it systematically monitor people?"),
         N_("Example: tracking keystrokes, locations or e-mail of employees.")},
        {"D4", kD, N_("Does it use sensitive or very personal data?"),
         N_("Health, finances, private messages, location. Example: sick-leave records.")},
        {"D5", kD, N_("Is it large scale (many people, much data, long or wide)?"),
         N_("Example: all customers of the company, or all staff over years.")},
        {"D6", kD, N_("Does it match or combine data sets from different sources?"),
         N_("Example: linking HR records with access-badge logs.")},
        {"D7", kD, N_("Does it concern vulnerable people?"),
         N_("Employees count (they depend on their employer), as do children, patients and the elderly.")},
        {"D8", kD, N_("Does it use new technology in an innovative way?"),
         N_("Example: a large language model applied to personal data for the first time.")},
        {"D9", kD, N_("Can it stop people using a right, a service or a contract?"),
         N_("Example: refusing a customer a contract based on a score.")},
        {"S", kD, N_("Does it process special-category data (GDPR Article 9)?"),
         N_("Health, ethnic origin, religion, politics, union membership, sex life, genetics or biometrics.")},
        {"A", kD, N_("Does a decision with legal or similar effect rest on the AI alone (Article 22)?"),
         N_("No person reviews it before it counts. Example: an automatic dismissal warning.")},
    };
    return texts;
}

std::string class_marker(core::AiActClass c) {
    switch (c) {
        case core::AiActClass::Prohibited: return std::string("\u25A0 ") + i18n::tr("PROHIBITED");
        case core::AiActClass::HighRisk: return std::string("\u25B2 ") + i18n::tr("HIGH-RISK");
        case core::AiActClass::Unassessed: return std::string("? ") + i18n::tr("unassessed");
        case core::AiActClass::Limited: return std::string("\u25CF ") + i18n::tr("limited");
        case core::AiActClass::Minimal: return std::string("\u25CB ") + i18n::tr("minimal");
    }
    return {};
}

std::string risk_mark(const core::Idea& idea) {
    const core::AiActClass c = core::classify_ai_act(idea.assessment);
    return c == core::AiActClass::Prohibited || c == core::AiActClass::HighRisk ? class_marker(c) : std::string();
}

std::string screened_mark(const core::Idea& idea) {
    return idea.assessment ? class_marker(core::classify_ai_act(idea.assessment)) : std::string();
}

std::string dpia_tag(core::DpiaVerdict d) {
    switch (d) {
        case core::DpiaVerdict::Required: return i18n::tr("DPIA required");
        case core::DpiaVerdict::Recommended: return i18n::tr("DPIA recommended");
        case core::DpiaVerdict::Unknown: return i18n::tr("DPIA ?");
        case core::DpiaVerdict::NotNeeded: return {};
    }
    return {};
}

const char* screening_notice() {
    return i18n::tr("A first screening to guide the discussion, not legal advice: check the result with your "
                    "data protection officer or legal counsel before a pilot starts.");
}

}  // namespace pilotdeck::ui
