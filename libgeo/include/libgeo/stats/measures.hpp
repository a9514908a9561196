#pragma once
// Cluster statistics computed from a count_table (see docs/commands/stats.md
// for the formulas with worked examples). Notation: n_pk = enterprises of
// industry k in park p, n_p = Σ_k n_pk, N_k = all enterprises of industry k
// in the data (inside and outside parks), N = Σ_k N_k. Points without an
// industry value count in park totals but in no industry statistic.
//
//  density_pk  = n_pk / area_p                        (geodesic km²)
//  share_pk    = n_pk / N_k                           (share of the industry's total)
//  LQ_pk       = (n_pk / n_p) / (N_k / N)
//  95 % CI     = exp(ln LQ ± z·√(1/n_pk − 1/n_p − 1/N_k + 1/N))   (delta method on
//                ln LQ with Poisson counts; Moineddin, Beyene & Boyle 2003); when that
//                variance is <= 0 (one park holds most of the industry) the binomial
//                variance of ln(n_pk/n_p), 1/n_pk − 1/n_p, is used; no CI when n_pk = 0
//  small       = n_pk < min_count (default 5): LQ unreliable
//  HHI_p       = Σ_k (n_pk / n_p)²                    (1/K .. 1)
//  spec_p      = Σ_k |n_pk / n_p − N_k / N|           (Krugman dissimilarity, 0 .. 2)
//  Ellison–Glaeser γ_k over the areas i = each park + "outside all parks":
//      x_i = share of all enterprises (or of total weight) in area i
//      s_i = share of industry k's enterprises (or weight) in area i
//      G   = Σ_i (s_i − x_i)²
//      H   = Σ_j z_j², z_j = w_j / Σ w (plant-size Herfindahl; unit weights: H = 1/N_k)
//      γ   = (G − (1 − Σ x_i²) H) / ((1 − Σ x_i²)(1 − H))
//  Layout alignment: for a layout about industry t, each role r gets
//      n_r = Σ_{p holds r} n_pt and share n_r / N_t; plus "other parks" (parks
//      without a role in the layout) and "outside parks".
#include "libgeo/stats/counts.hpp"
#include "libgeo/stats/parks.hpp"

#include <cstdint>
#include <limits>
#include <string>
#include <vector>

namespace geo::stats {

constexpr double nan = std::numeric_limits<double>::quiet_NaN();

struct lq_result {
    double lq = nan, lo = nan, hi = nan;
};

/// Location quotient with a delta-method CI on ln LQ. z = 1.96 for 95 %.
lq_result location_quotient(double n_pk, double n_p, double n_k, double n, double z = 1.96);

/// Herfindahl–Hirschman index of shares (shares are normalised by their sum).
double hhi(const std::vector<double>& values);

/// Krugman specialisation Σ|a_k/Σa − b_k/Σb|.
double krugman(const std::vector<double>& a, const std::vector<double>& b);

struct eg_result {
    double gamma = nan, G = nan, H = nan, sum_x2 = nan;
};
/// Ellison–Glaeser: area totals (all industries), area totals of the industry,
/// and the industry's plant-size Herfindahl H.
eg_result ellison_glaeser(const std::vector<double>& area_all, const std::vector<double>& area_industry, double H);

struct park_industry_row {
    std::size_t park, industry;
    std::uint64_t n;
    double density_km2, share_of_industry;
    lq_result lq;
    bool small;
};

struct park_row {
    std::size_t park;
    std::uint64_t n;
    double area_km2, density_km2, hhi, specialisation;
    int dominant; ///< industry index, -1 if the park is empty
};

struct industry_row {
    std::size_t industry;
    std::uint64_t n, in_parks;
    double share_in_parks;
    eg_result eg;
};

struct alignment_row {
    std::string layout, layout_name_zh, role, role_name_zh, industry; ///< role "other_parks" / "outside"
    std::vector<std::string> parks;
    std::uint64_t n;
    double share;
};

struct summary {
    std::vector<park_industry_row> park_industry; ///< parks in sorted order, industries in byte order
    std::vector<park_row> parks;
    std::vector<industry_row> industries;
    std::vector<alignment_row> alignment;
    std::vector<std::string> missing_layout_parks; ///< role parks absent from the park set
};

struct measure_options {
    double z = 1.96;
    std::uint64_t min_count = 5;
};

summary compute(const count_table& t, const park_set& parks, const measure_options& opt = {});

} // namespace geo::stats
