// Gavel's Crowd-BT (contracts 6; Chen et al., "Pairwise ranking aggregation in a crowdsourced
// setting", 2013), as in Gavel's crowd_bt.py: the same formulas, in the same order of operations,
// with its constants. Pure functions; the judging state on top of them is in pairwise.hpp.
#pragma once

#include <cmath>

namespace pilotdeck::core::crowd_bt {

inline constexpr double kGamma = 0.1;       // weight of the judge's information in the gain
inline constexpr double kKappa = 0.0001;    // keeps a variance positive
inline constexpr double kMuPrior = 0.0;     // every team starts here...
inline constexpr double kSigmaSqPrior = 1.0;
inline constexpr double kAlphaPrior = 10.0;  // ...and every judge here
inline constexpr double kBetaPrior = 1.0;
inline constexpr double kEpsilon = 0.25;     // share of random next pairs
inline constexpr int kMinViews = 2;          // teams seen by fewer judges come first

struct Updated {
    double alpha, beta, mu_winner, sigma_sq_winner, mu_loser, sigma_sq_loser;
};

// One comparison by a judge (alpha, beta) in which the winner beat the loser.
Updated update(double alpha, double beta, double mu_winner, double sigma_sq_winner, double mu_loser,
               double sigma_sq_loser);

// What the judge comparing a and b is expected to teach us (Gavel's expected_information_gain).
double expected_information_gain(double alpha, double beta, double mu_a, double sigma_sq_a, double mu_b,
                                 double sigma_sq_b);

// The same gain with what a judge's next pair repeats over its candidates computed once: the
// judge's log B(alpha, beta) and each team's exp(mu). Equal to the one above to the bit.
struct GainJudge {
    GainJudge(double alpha, double beta);
    double alpha, beta, betaln_ab;
};
struct GainTeam {
    GainTeam(double m, double s) : mu(m), sigma_sq(s), exp_mu(std::exp(m)) {}
    double mu, sigma_sq, exp_mu;
};
double expected_information_gain(const GainJudge& judge, const GainTeam& a, const GainTeam& b);

double divergence_gaussian(double mu_1, double sigma_sq_1, double mu_2, double sigma_sq_2);
double divergence_beta(double alpha_1, double beta_1, double alpha_2, double beta_2);
double digamma(double x);               // x > 0
double betaln(double a, double b);      // log B(a, b), a, b > 0

}  // namespace pilotdeck::core::crowd_bt
