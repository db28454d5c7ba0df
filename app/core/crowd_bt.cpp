#include "core/crowd_bt.hpp"

#include <algorithm>
#include <cmath>

namespace pilotdeck::core::crowd_bt {
namespace {

struct Annotator {
    double alpha, beta, c;
};

// The helpers take ew = exp(mu_winner) and el = exp(mu_loser) already computed: the gain of a
// pair needs them six times, and a judge's next pair asks for the gain of every candidate. The
// arithmetic is Gavel's, in its order, so the results are the same to the bit.
Annotator updated_annotator(double alpha, double beta, double ew, double sigma_sq_winner, double el,
                            double sigma_sq_loser) {
    const double c_1 = ew / (ew + el) +
                       0.5 * (sigma_sq_winner + sigma_sq_loser) * (ew * el * (el - ew)) / std::pow(ew + el, 3);
    const double c_2 = 1 - c_1;
    const double c = (c_1 * alpha + c_2 * beta) / (alpha + beta);
    const double expt = (c_1 * (alpha + 1) * alpha + c_2 * alpha * beta) / (c * (alpha + beta + 1) * (alpha + beta));
    const double expt_sq = (c_1 * (alpha + 2) * (alpha + 1) * alpha + c_2 * (alpha + 1) * alpha * beta) /
                           (c * (alpha + beta + 2) * (alpha + beta + 1) * (alpha + beta));
    const double variance = expt_sq - std::pow(expt, 2);
    return {((expt - expt_sq) * expt) / variance, (expt - expt_sq) * (1 - expt) / variance, c};
}

struct Pair {
    double winner, loser;
};

Pair updated_mus(double alpha, double beta, double mu_winner, double sigma_sq_winner, double ew, double mu_loser,
                 double sigma_sq_loser, double el) {
    const double mult = (alpha * ew) / (alpha * ew + beta * el) - ew / (ew + el);
    return {mu_winner + sigma_sq_winner * mult, mu_loser - sigma_sq_loser * mult};
}

Pair updated_sigma_sqs(double alpha, double beta, double ew, double sigma_sq_winner, double el, double sigma_sq_loser) {
    const double mult = (alpha * ew * beta * el) / std::pow(alpha * ew + beta * el, 2) - (ew * el) / std::pow(ew + el, 2);
    return {sigma_sq_winner * std::max(1 + sigma_sq_winner * mult, kKappa),
            sigma_sq_loser * std::max(1 + sigma_sq_loser * mult, kKappa)};
}

// divergence_beta(alpha_1, beta_1, alpha_2, beta_2) with betaln(alpha_2, beta_2) given.
double divergence_beta_from(double alpha_1, double beta_1, double alpha_2, double beta_2, double betaln_2) {
    return betaln_2 - betaln(alpha_1, beta_1) + (alpha_1 - alpha_2) * digamma(alpha_1) + (beta_1 - beta_2) * digamma(beta_1) +
           (alpha_2 - alpha_1 + beta_2 - beta_1) * digamma(alpha_1 + beta_1);
}

}  // namespace

double digamma(double x) {
    double result = 0;
    while (x < 12) {  // psi(x) = psi(x + 1) - 1/x, until the asymptotic series is exact to double
        result -= 1 / x;
        x += 1;
    }
    const double f = 1 / (x * x);
    result += std::log(x) - 0.5 / x -
              f * (1.0 / 12 - f * (1.0 / 120 - f * (1.0 / 252 - f * (1.0 / 240 - f * (1.0 / 132)))));
    return result;
}

double betaln(double a, double b) { return std::lgamma(a) + std::lgamma(b) - std::lgamma(a + b); }

double divergence_gaussian(double mu_1, double sigma_sq_1, double mu_2, double sigma_sq_2) {
    const double ratio = sigma_sq_1 / sigma_sq_2;
    return std::pow(mu_1 - mu_2, 2) / (2 * sigma_sq_2) + (ratio - 1 - std::log(ratio)) / 2;
}

double divergence_beta(double alpha_1, double beta_1, double alpha_2, double beta_2) {
    return divergence_beta_from(alpha_1, beta_1, alpha_2, beta_2, betaln(alpha_2, beta_2));
}

Updated update(double alpha, double beta, double mu_winner, double sigma_sq_winner, double mu_loser,
               double sigma_sq_loser) {
    const double ew = std::exp(mu_winner), el = std::exp(mu_loser);
    const Annotator a = updated_annotator(alpha, beta, ew, sigma_sq_winner, el, sigma_sq_loser);
    const Pair mu = updated_mus(alpha, beta, mu_winner, sigma_sq_winner, ew, mu_loser, sigma_sq_loser, el);
    const Pair s = updated_sigma_sqs(alpha, beta, ew, sigma_sq_winner, el, sigma_sq_loser);
    return {a.alpha, a.beta, mu.winner, s.winner, mu.loser, s.loser};
}

GainJudge::GainJudge(double a, double b) : alpha(a), beta(b), betaln_ab(betaln(a, b)) {}

double expected_information_gain(const GainJudge& j, const GainTeam& a, const GainTeam& b) {
    const double alpha = j.alpha, beta = j.beta;
    const Annotator a1 = updated_annotator(alpha, beta, a.exp_mu, a.sigma_sq, b.exp_mu, b.sigma_sq);
    const Pair mu1 = updated_mus(alpha, beta, a.mu, a.sigma_sq, a.exp_mu, b.mu, b.sigma_sq, b.exp_mu);
    const Pair s1 = updated_sigma_sqs(alpha, beta, a.exp_mu, a.sigma_sq, b.exp_mu, b.sigma_sq);
    const double prob_a_ranked_above = a1.c;
    const Annotator a2 = updated_annotator(alpha, beta, b.exp_mu, b.sigma_sq, a.exp_mu, a.sigma_sq);
    const Pair mu2 = updated_mus(alpha, beta, b.mu, b.sigma_sq, b.exp_mu, a.mu, a.sigma_sq, a.exp_mu);  // winner b
    const Pair s2 = updated_sigma_sqs(alpha, beta, b.exp_mu, b.sigma_sq, a.exp_mu, a.sigma_sq);
    return prob_a_ranked_above * (divergence_gaussian(mu1.winner, s1.winner, a.mu, a.sigma_sq) +
                                  divergence_gaussian(mu1.loser, s1.loser, b.mu, b.sigma_sq) +
                                  kGamma * divergence_beta_from(a1.alpha, a1.beta, alpha, beta, j.betaln_ab)) +
           (1 - prob_a_ranked_above) * (divergence_gaussian(mu2.loser, s2.loser, a.mu, a.sigma_sq) +
                                        divergence_gaussian(mu2.winner, s2.winner, b.mu, b.sigma_sq) +
                                        kGamma * divergence_beta_from(a2.alpha, a2.beta, alpha, beta, j.betaln_ab));
}

double expected_information_gain(double alpha, double beta, double mu_a, double sigma_sq_a, double mu_b,
                                 double sigma_sq_b) {
    return expected_information_gain(GainJudge(alpha, beta), GainTeam(mu_a, sigma_sq_a), GainTeam(mu_b, sigma_sq_b));
}

}  // namespace pilotdeck::core::crowd_bt
