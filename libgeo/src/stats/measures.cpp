#include "libgeo/stats/measures.hpp"

#include <algorithm>
#include <cmath>
#include <set>

namespace geo::stats {

lq_result location_quotient(double n_pk, double n_p, double n_k, double n, double z)
{
    lq_result r;
    if (n_p <= 0 || n_k <= 0 || n <= 0)
        return r;
    r.lq = (n_pk / n_p) / (n_k / n);
    if (n_pk <= 0)
        return r;
    double var = 1.0 / n_pk - 1.0 / n_p - 1.0 / n_k + 1.0 / n;
    if (var <= 0) // the delta formula can go negative when one park holds most of the industry
        var = std::max(1.0 / n_pk - 1.0 / n_p, 0.0);
    double se = std::sqrt(var);
    r.lo = std::exp(std::log(r.lq) - z * se);
    r.hi = std::exp(std::log(r.lq) + z * se);
    return r;
}

double hhi(const std::vector<double>& v)
{
    double s = 0;
    for (double x : v)
        s += x;
    if (s <= 0)
        return nan;
    double h = 0;
    for (double x : v)
        h += (x / s) * (x / s);
    return h;
}

double krugman(const std::vector<double>& a, const std::vector<double>& b)
{
    double sa = 0, sb = 0;
    for (double x : a)
        sa += x;
    for (double x : b)
        sb += x;
    if (sa <= 0 || sb <= 0)
        return nan;
    double k = 0;
    for (std::size_t i = 0; i < a.size(); ++i)
        k += std::fabs(a[i] / sa - b[i] / sb);
    return k;
}

eg_result ellison_glaeser(const std::vector<double>& area_all, const std::vector<double>& area_industry, double H)
{
    eg_result r;
    double sa = 0, sk = 0;
    for (double x : area_all)
        sa += x;
    for (double x : area_industry)
        sk += x;
    if (sa <= 0 || sk <= 0)
        return r;
    double G = 0, sx2 = 0;
    for (std::size_t i = 0; i < area_all.size(); ++i) {
        double x = area_all[i] / sa, s = area_industry[i] / sk;
        G += (s - x) * (s - x);
        sx2 += x * x;
    }
    r.G = G;
    r.H = H;
    r.sum_x2 = sx2;
    double denom = (1 - sx2) * (1 - H);
    if (denom > 0)
        r.gamma = (G - (1 - sx2) * H) / denom;
    return r;
}

summary compute(const count_table& t, const park_set& ps, const measure_options& opt)
{
    summary s;
    const std::size_t K = t.industries.size();
    const auto order = ps.sorted_order();
    double N = 0;
    std::vector<double> Nk(K);
    for (std::size_t k = 0; k < K; ++k) {
        Nk[k] = static_cast<double>(t.all[k]);
        N += Nk[k];
    }
    for (std::size_t p : order) {
        std::vector<double> v(K);
        double np = 0;
        for (std::size_t k = 0; k < K; ++k) {
            v[k] = static_cast<double>(t.n(p, k));
            np += v[k];
        }
        double area = ps.area_km2[p];
        for (std::size_t k = 0; k < K; ++k) {
            park_industry_row r{p, k, t.n(p, k), area > 0 ? v[k] / area : nan, Nk[k] > 0 ? v[k] / Nk[k] : nan,
                                location_quotient(v[k], np, Nk[k], N, opt.z), t.n(p, k) < opt.min_count};
            s.park_industry.push_back(r);
        }
        park_row pr{p, t.park_total(p), area, area > 0 ? static_cast<double>(t.park_total(p)) / area : nan, hhi(v),
                    krugman(v, Nk), -1};
        if (np > 0)
            pr.dominant = static_cast<int>(std::max_element(v.begin(), v.end()) - v.begin());
        s.parks.push_back(pr);
    }
    // Ellison–Glaeser over parks + outside
    std::vector<double> area_all(order.size() + 1, 0.0);
    for (std::size_t i = 0; i < order.size(); ++i)
        for (std::size_t k = 0; k < K; ++k)
            area_all[i] += t.weighted ? t.in_park_weight[order[i] * t.width() + k] : static_cast<double>(t.n(order[i], k));
    for (std::size_t k = 0; k < K; ++k)
        area_all.back() += t.weighted ? t.outside_weight[k] : static_cast<double>(t.outside[k]);
    for (std::size_t k = 0; k < K; ++k) {
        std::vector<double> ai(order.size() + 1);
        std::uint64_t in = 0;
        for (std::size_t i = 0; i < order.size(); ++i) {
            ai[i] = t.weighted ? t.in_park_weight[order[i] * t.width() + k] : static_cast<double>(t.n(order[i], k));
            in += t.n(order[i], k);
        }
        ai.back() = t.weighted ? t.outside_weight[k] : static_cast<double>(t.outside[k]);
        double H = nan;
        if (t.weighted)
            H = t.all_weight[k] > 0 ? t.all_weight_sq[k] / (t.all_weight[k] * t.all_weight[k]) : nan;
        else
            H = t.all[k] > 0 ? 1.0 / static_cast<double>(t.all[k]) : nan;
        industry_row ir{k, t.all[k], t.all[k] - t.outside[k], t.all[k] ? static_cast<double>(t.all[k] - t.outside[k]) / Nk[k] : nan,
                        ellison_glaeser(area_all, ai, H)};
        (void)in;
        s.industries.push_back(ir);
    }
    // layout alignment
    std::set<std::string> missing;
    for (auto& l : ps.layouts) {
        int k = -1;
        if (!l.industry.empty()) {
            auto it = std::find(t.industries.begin(), t.industries.end(), l.industry);
            if (it == t.industries.end())
                continue;
            k = static_cast<int>(it - t.industries.begin());
        }
        auto count_in = [&](std::size_t p) {
            if (k >= 0)
                return t.n(p, static_cast<std::size_t>(k));
            std::uint64_t a = 0;
            for (std::size_t kk = 0; kk < K; ++kk)
                a += t.n(p, kk);
            return a;
        };
        double total = k >= 0 ? Nk[static_cast<std::size_t>(k)] : N;
        std::string ind = k >= 0 ? l.industry : "ALL";
        std::vector<bool> has_role(ps.ids.size(), false);
        for (auto& r : l.roles) {
            alignment_row ar{l.id, l.name_zh, r.id, r.name_zh, ind, {}, 0, nan};
            for (auto& pid : r.parks) {
                auto it = std::find(ps.ids.begin(), ps.ids.end(), pid);
                if (it == ps.ids.end()) {
                    missing.insert(pid);
                    continue;
                }
                std::size_t p = static_cast<std::size_t>(it - ps.ids.begin());
                if (!has_role[p])
                    ar.n += count_in(p);
                has_role[p] = true;
                ar.parks.push_back(pid);
            }
            ar.share = total > 0 ? static_cast<double>(ar.n) / total : nan;
            s.alignment.push_back(ar);
        }
        alignment_row other{l.id, l.name_zh, "other_parks", "其他园区", ind, {}, 0, nan};
        for (std::size_t p = 0; p < ps.ids.size(); ++p)
            if (!has_role[p]) {
                other.n += count_in(p);
                other.parks.push_back(ps.ids[p]);
            }
        other.share = total > 0 ? static_cast<double>(other.n) / total : nan;
        s.alignment.push_back(other);
        std::uint64_t out = 0;
        if (k >= 0)
            out = t.outside[static_cast<std::size_t>(k)];
        else
            for (std::size_t kk = 0; kk < K; ++kk)
                out += t.outside[kk];
        alignment_row o{l.id, l.name_zh, "outside", "园区外", ind, {}, out, total > 0 ? static_cast<double>(out) / total : nan};
        s.alignment.push_back(o);
    }
    s.missing_layout_parks.assign(missing.begin(), missing.end());
    return s;
}

} // namespace geo::stats
