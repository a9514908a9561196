#include "libgeo/stats/spatial.hpp"

#include "libgeo/core/parallel.hpp"

#include "libgeo/core/error.hpp"

#include <boost/geometry.hpp>
#include <boost/geometry/index/rtree.hpp>
#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <numbers>
#include <numeric>
#include <thread>

namespace geo::stats {

namespace {

std::pair<double, double> mean_xy(const std::vector<double>& x, const std::vector<double>& y)
{
    double mx = 0, my = 0;
    for (std::size_t i = 0; i < x.size(); ++i) {
        mx += x[i];
        my += y[i];
    }
    return {mx / static_cast<double>(x.size()), my / static_cast<double>(x.size())};
}

unsigned thread_count(unsigned t) { return worker_count(t); }

} // namespace

double default_bandwidth(const std::vector<double>& x, const std::vector<double>& y)
{
    const std::size_t n = x.size();
    if (n < 2)
        return 1000.0;
    auto [mx, my] = mean_xy(x, y);
    double ss = 0;
    std::vector<double> d(n);
    for (std::size_t i = 0; i < n; ++i) {
        double dx = x[i] - mx, dy = y[i] - my;
        ss += dx * dx + dy * dy;
        d[i] = std::sqrt(dx * dx + dy * dy);
    }
    double sd = std::sqrt(ss / static_cast<double>(n));
    std::nth_element(d.begin(), d.begin() + static_cast<std::ptrdiff_t>(n / 2), d.end());
    double dm = d[n / 2];
    double h = 0.9 * std::min(sd, std::sqrt(1.0 / std::log(2.0)) * dm) * std::pow(static_cast<double>(n), -0.2);
    return h > 0 ? h : 1000.0;
}

raster kernel_density(const std::vector<double>& x, const std::vector<double>& y, kernel k, double h, double cell,
                      unsigned threads, std::size_t max_cells)
{
    if (!(h > 0) || !(cell > 0))
        throw usage_error("cluster: --bandwidth and --cell must be positive distances in metres.");
    raster r;
    r.cell = cell;
    if (x.empty())
        return r;
    const double R = k == kernel::quartic ? h : 4 * h;
    double minx = *std::min_element(x.begin(), x.end()) - R, maxx = *std::max_element(x.begin(), x.end()) + R;
    double miny = *std::min_element(y.begin(), y.end()) - R, maxy = *std::max_element(y.begin(), y.end()) + R;
    double fx = std::ceil((maxx - minx) / cell), fy = std::ceil((maxy - miny) / cell);
    if (fx * fy > static_cast<double>(max_cells))
        throw usage_error(fmt::format("cluster: the density grid would have {:.0f} x {:.0f} cells. Use a larger --cell.", fx, fy));
    r.nx = static_cast<std::size_t>(fx);
    r.ny = static_cast<std::size_t>(fy);
    r.x0 = minx;
    r.y1 = miny + static_cast<double>(r.ny) * cell;
    const unsigned T = thread_count(threads);
    std::vector<std::vector<float>> part(T, std::vector<float>(r.nx * r.ny, 0.0f));
    const double norm = (k == kernel::quartic ? 3.0 / (std::numbers::pi * h * h) : 1.0 / (2 * std::numbers::pi * h * h)) * 1e6;
    const double R2 = R * R, h2 = h * h;
    auto work = [&](unsigned t) {
        auto& v = part[t];
        for (std::size_t i = t; i < x.size(); i += T) {
            // cells whose centre lies within R
            auto c0 = static_cast<std::int64_t>(std::floor((x[i] - R - r.x0) / cell));
            auto c1 = static_cast<std::int64_t>(std::floor((x[i] + R - r.x0) / cell));
            auto r0 = static_cast<std::int64_t>(std::floor((r.y1 - (y[i] + R)) / cell));
            auto r1 = static_cast<std::int64_t>(std::floor((r.y1 - (y[i] - R)) / cell));
            c0 = std::max<std::int64_t>(c0, 0);
            r0 = std::max<std::int64_t>(r0, 0);
            c1 = std::min<std::int64_t>(c1, static_cast<std::int64_t>(r.nx) - 1);
            r1 = std::min<std::int64_t>(r1, static_cast<std::int64_t>(r.ny) - 1);
            for (auto row = r0; row <= r1; ++row) {
                double cy = r.y1 - (static_cast<double>(row) + 0.5) * cell;
                double dy2 = (cy - y[i]) * (cy - y[i]);
                float* line = v.data() + static_cast<std::size_t>(row) * r.nx;
                for (auto col = c0; col <= c1; ++col) {
                    double cx = r.x0 + (static_cast<double>(col) + 0.5) * cell;
                    double d2 = (cx - x[i]) * (cx - x[i]) + dy2;
                    if (d2 >= R2)
                        continue;
                    double u = k == kernel::quartic ? (1 - d2 / h2) * (1 - d2 / h2) : std::exp(-d2 / (2 * h2));
                    line[col] += static_cast<float>(norm * u);
                }
            }
        }
    };
    run_workers(T, work);
    r.v = std::move(part[0]);
    for (unsigned t = 1; t < T; ++t)
        for (std::size_t i = 0; i < r.v.size(); ++i)
            r.v[i] += part[t][i];
    return r;
}

double nonzero_quantile(const raster& r, double q)
{
    std::vector<float> nz;
    for (float v : r.v)
        if (v > 0)
            nz.push_back(v);
    if (nz.empty())
        return 0;
    std::size_t rank = static_cast<std::size_t>(std::ceil(q * static_cast<double>(nz.size())));
    rank = std::clamp<std::size_t>(rank, 1, nz.size()) - 1;
    std::nth_element(nz.begin(), nz.begin() + static_cast<std::ptrdiff_t>(rank), nz.end());
    return nz[rank];
}

// ------------------------------------------------------------------ hexagons

namespace {

struct hex_grid {
    double ox, oy, R; // origin, circumradius
    std::int64_t r0, rows, cols;
    std::int64_t qlo(std::int64_t r) const { return qlo0 - (r - r0 + ((r0 % 2 + 2) % 2)) / 2; }
    std::int64_t qlo0;
    std::int64_t index(std::int64_t q, std::int64_t r) const
    {
        if (r < r0 || r >= r0 + rows)
            return -1;
        std::int64_t c = q - qlo(r);
        if (c < 0 || c >= cols)
            return -1;
        return (r - r0) * cols + c;
    }
    // point -> axial (cube rounding)
    std::pair<std::int64_t, std::int64_t> axial(double x, double y) const
    {
        double px = x - ox, py = y - oy;
        double fq = (std::sqrt(3.0) / 3.0 * px - 1.0 / 3.0 * py) / R;
        double fr = (2.0 / 3.0 * py) / R;
        double fs = -fq - fr;
        double rq = std::round(fq), rr = std::round(fr), rs = std::round(fs);
        double dq = std::fabs(rq - fq), dr = std::fabs(rr - fr), ds = std::fabs(rs - fs);
        if (dq > dr && dq > ds)
            rq = -rr - rs;
        else if (dr > ds)
            rr = -rq - rs;
        return {static_cast<std::int64_t>(rq), static_cast<std::int64_t>(rr)};
    }
    std::pair<double, double> centre(std::int64_t q, std::int64_t r) const
    {
        return {ox + R * std::sqrt(3.0) * (static_cast<double>(q) + static_cast<double>(r) / 2.0), oy + R * 1.5 * static_cast<double>(r)};
    }
};

} // namespace

std::vector<bool> benjamini_hochberg(const std::vector<double>& p, double q)
{
    const std::size_t m = p.size();
    std::vector<std::size_t> o(m);
    std::iota(o.begin(), o.end(), 0);
    std::stable_sort(o.begin(), o.end(), [&](std::size_t a, std::size_t b) { return p[a] < p[b]; });
    std::size_t kmax = 0; // largest k with p_(k) <= k q / m
    for (std::size_t k = 1; k <= m; ++k)
        if (p[o[k - 1]] <= static_cast<double>(k) * q / static_cast<double>(m))
            kmax = k;
    std::vector<bool> sig(m, false);
    for (std::size_t k = 0; k < kmax; ++k)
        sig[o[k]] = true;
    return sig;
}

std::vector<hex_cell> getis_ord_hex(const std::vector<double>& x, const std::vector<double>& y, double size, double fdr,
                                    std::size_t max_cells)
{
    if (!(size > 0))
        throw usage_error("cluster: --hex-size must be a positive distance in metres.");
    std::vector<hex_cell> out;
    if (x.empty())
        return out;
    hex_grid g;
    g.R = size / std::sqrt(3.0);
    g.ox = *std::min_element(x.begin(), x.end());
    g.oy = *std::min_element(y.begin(), y.end());
    double w = *std::max_element(x.begin(), x.end()) - g.ox, h = *std::max_element(y.begin(), y.end()) - g.oy;
    g.r0 = -1;
    g.rows = static_cast<std::int64_t>(std::ceil(h / (1.5 * g.R))) + 3;
    g.cols = static_cast<std::int64_t>(std::ceil(w / size)) + 6;
    g.qlo0 = -2;
    if (static_cast<double>(g.rows) * static_cast<double>(g.cols) > static_cast<double>(max_cells))
        throw usage_error(fmt::format("cluster: the hexagon grid would have {} cells. Use a larger --hex-size.", g.rows * g.cols));
    std::vector<std::uint64_t> cnt(static_cast<std::size_t>(g.rows * g.cols), 0);
    for (std::size_t i = 0; i < x.size(); ++i) {
        auto [q, r] = g.axial(x[i], y[i]);
        auto idx = g.index(q, r);
        if (idx < 0)
            throw geometry_error("cluster: internal error: a point falls outside the hexagon grid.");
        ++cnt[static_cast<std::size_t>(idx)];
    }
    const double n = static_cast<double>(cnt.size());
    double sum = 0, sum2 = 0;
    for (auto c : cnt) {
        sum += static_cast<double>(c);
        sum2 += static_cast<double>(c) * static_cast<double>(c);
    }
    const double mean = sum / n, S = std::sqrt(std::max(sum2 / n - mean * mean, 0.0));
    static const int nq[7] = {0, 1, -1, 0, 0, 1, -1}, nr[7] = {0, 0, 0, 1, -1, -1, 1};
    std::vector<double> pv;
    for (std::int64_t r = g.r0; r < g.r0 + g.rows; ++r)
        for (std::int64_t c = 0; c < g.cols; ++c) {
            std::int64_t q = c + g.qlo(r);
            hex_cell hc{q, r, 0, 0, cnt[static_cast<std::size_t>(g.index(q, r))]};
            std::tie(hc.cx, hc.cy) = g.centre(q, r);
            double sx = 0, W = 0;
            for (int k = 0; k < 7; ++k) {
                auto j = g.index(q + nq[k], r + nr[k]);
                if (j < 0)
                    continue;
                sx += static_cast<double>(cnt[static_cast<std::size_t>(j)]);
                W += 1;
            }
            double den = S * std::sqrt((n * W - W * W) / (n - 1));
            hc.z = den > 0 ? (sx - mean * W) / den : 0;
            hc.p = std::erfc(std::fabs(hc.z) / std::sqrt(2.0));
            out.push_back(hc);
            pv.push_back(hc.p);
        }
    auto sig = benjamini_hochberg(pv, fdr);
    for (std::size_t i = 0; i < out.size(); ++i) {
        out[i].significant = sig[i];
        out[i].klass = !sig[i] ? "not significant" : out[i].z > 0 ? "hot spot" : "cold spot";
    }
    return out;
}

std::vector<std::pair<double, double>> hex_ring(const hex_cell& c, double size)
{
    const double R = size / std::sqrt(3.0);
    std::vector<std::pair<double, double>> ring;
    for (int k = 0; k <= 6; ++k) {
        double a = std::numbers::pi / 180.0 * (60.0 * (k % 6) - 30.0); // pointy-top
        ring.emplace_back(c.cx + R * std::cos(a), c.cy + R * std::sin(a));
    }
    return ring;
}

// ------------------------------------------------------------------ Clark–Evans

double convex_hull_area(const std::vector<double>& x, const std::vector<double>& y)
{
    std::vector<std::pair<double, double>> p;
    for (std::size_t i = 0; i < x.size(); ++i)
        p.emplace_back(x[i], y[i]);
    std::sort(p.begin(), p.end());
    p.erase(std::unique(p.begin(), p.end()), p.end());
    if (p.size() < 3)
        return 0;
    auto cross = [](auto& o, auto& a, auto& b) {
        return (a.first - o.first) * (b.second - o.second) - (a.second - o.second) * (b.first - o.first);
    };
    std::vector<std::pair<double, double>> h(2 * p.size());
    std::size_t k = 0;
    for (std::size_t i = 0; i < p.size(); ++i) {
        while (k >= 2 && cross(h[k - 2], h[k - 1], p[i]) <= 0)
            --k;
        h[k++] = p[i];
    }
    for (std::size_t i = p.size() - 1, t = k + 1; i-- > 0;) {
        while (k >= t && cross(h[k - 2], h[k - 1], p[i]) <= 0)
            --k;
        h[k++] = p[i];
    }
    h.resize(k - 1);
    double a = 0;
    for (std::size_t i = 0; i < h.size(); ++i) {
        auto& u = h[i];
        auto& v = h[(i + 1) % h.size()];
        a += u.first * v.second - v.first * u.second;
    }
    return std::fabs(a) / 2;
}

clark_evans_result clark_evans(const std::vector<double>& x, const std::vector<double>& y, double area)
{
    namespace bg = boost::geometry;
    namespace bgi = boost::geometry::index;
    using pt = bg::model::point<double, 2, bg::cs::cartesian>;
    using value = std::pair<pt, std::uint32_t>;
    clark_evans_result r;
    r.n = x.size();
    r.area_m2 = area;
    if (x.size() < 2 || !(area > 0))
        return r;
    const std::size_t n = x.size();
    std::vector<value> v(n);
    for (std::size_t i = 0; i < n; ++i)
        v[i] = {pt(x[i], y[i]), static_cast<std::uint32_t>(i)};
    bgi::rtree<value, bgi::rstar<16>> tree(v.begin(), v.end()); // bulk-loaded (packed)
    const unsigned T = thread_count(0);
    std::vector<double> sums(T, 0.0);
    auto work = [&](unsigned t) {
        std::vector<value> hits;
        for (std::size_t i = t; i < n; i += T) {
            hits.clear();
            // two nearest: the point itself (or a duplicate) and its neighbour
            tree.query(bgi::nearest(pt(x[i], y[i]), 2), std::back_inserter(hits));
            double best = std::numeric_limits<double>::infinity();
            for (auto& h : hits)
                if (h.second != i)
                    best = std::min(best, bg::distance(h.first, pt(x[i], y[i])));
            sums[t] += best;
        }
    };
    run_workers(T, work);
    double total = 0;
    for (double s2 : sums)
        total += s2;
    r.mean_nn = total / static_cast<double>(n);
    double density = static_cast<double>(n) / area;
    r.expected = 0.5 / std::sqrt(density);
    r.R = r.mean_nn / r.expected;
    double se = 0.26136 / std::sqrt(static_cast<double>(n) * density);
    r.z = (r.mean_nn - r.expected) / se;
    return r;
}

} // namespace geo::stats
