#include "libgeo/stats/dbscan.hpp"

#include "libgeo/core/parallel.hpp"

#include "libgeo/core/error.hpp"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <limits>
#include <numeric>
#include <thread>

namespace geo::stats {

namespace {

struct grid {
    double x0 = 0, y0 = 0, inv = 0;
    std::vector<std::uint64_t> keys;    // sorted unique cell keys
    std::vector<std::uint32_t> start;   // keys.size() + 1 ranges into order
    std::vector<std::uint32_t> order;   // point indices sorted by cell
    std::vector<std::uint32_t> cell_of; // point -> cell index

    static std::uint64_t key(std::int64_t cx, std::int64_t cy)
    {
        return (static_cast<std::uint64_t>(cy + (1ll << 30)) << 32) | static_cast<std::uint64_t>(cx + (1ll << 30));
    }
    std::int64_t find(std::int64_t cx, std::int64_t cy) const
    {
        auto k = key(cx, cy);
        auto it = std::lower_bound(keys.begin(), keys.end(), k);
        return it != keys.end() && *it == k ? it - keys.begin() : -1;
    }
};

class union_find {
public:
    explicit union_find(std::size_t n) : p_(n) { std::iota(p_.begin(), p_.end(), 0u); }
    std::uint32_t find(std::uint32_t a)
    {
        while (p_[a] != a)
            a = p_[a] = p_[p_[a]];
        return a;
    }
    void unite(std::uint32_t a, std::uint32_t b)
    {
        a = find(a);
        b = find(b);
        if (a != b)
            p_[std::max(a, b)] = std::min(a, b);
    }

private:
    std::vector<std::uint32_t> p_;
};

template <class F>
void parallel_for(std::size_t n, unsigned threads, F&& f)
{
    if (threads <= 1 || n < 1024) {
        f(std::size_t(0), n);
        return;
    }
    // interleaved blocks balance dense and sparse regions
    const std::size_t block = 256;
    std::atomic<std::size_t> next{0};
    run_workers(threads, [&](unsigned) {
        for (;;) {
            std::size_t b = next.fetch_add(block);
            if (b >= n)
                return;
            f(b, std::min(n, b + block));
        }
    });
}

} // namespace

dbscan_result dbscan(const std::vector<double>& x, const std::vector<double>& y, const std::int64_t* id, double eps,
                     std::size_t min_points, unsigned threads)
{
    if (!(eps > 0))
        throw usage_error("cluster: --eps must be a positive distance in metres.");
    if (min_points < 1)
        throw usage_error("cluster: --min-points must be at least 1.");
    const std::size_t n = x.size();
    if (n >= std::numeric_limits<std::uint32_t>::max())
        throw usage_error("cluster: too many points for DBSCAN (limit 4 billion).");
    threads = worker_count(threads);
    dbscan_result r;
    r.label.assign(n, 0);
    r.core.assign(n, 0);
    if (n == 0)
        return r;
    auto idof = [&](std::uint32_t i) { return id ? id[i] : static_cast<std::int64_t>(i); };
    const double eps2 = eps * eps;

    grid g;
    g.x0 = *std::min_element(x.begin(), x.end());
    g.y0 = *std::min_element(y.begin(), y.end());
    g.inv = std::sqrt(2.0) / eps;
    std::vector<std::uint64_t> pkey(n);
    for (std::size_t i = 0; i < n; ++i)
        pkey[i] = grid::key(static_cast<std::int64_t>((x[i] - g.x0) * g.inv), static_cast<std::int64_t>((y[i] - g.y0) * g.inv));
    g.order.resize(n);
    std::iota(g.order.begin(), g.order.end(), 0u);
    std::sort(g.order.begin(), g.order.end(), [&](std::uint32_t a, std::uint32_t b) { return pkey[a] < pkey[b]; });
    g.cell_of.resize(n);
    for (std::size_t s = 0; s < n; ++s) {
        std::uint32_t i = g.order[s];
        if (g.keys.empty() || g.keys.back() != pkey[i]) {
            g.keys.push_back(pkey[i]);
            g.start.push_back(static_cast<std::uint32_t>(s));
        }
        g.cell_of[i] = static_cast<std::uint32_t>(g.keys.size() - 1);
    }
    g.start.push_back(static_cast<std::uint32_t>(n));
    const std::size_t C = g.keys.size();
    auto cell_xy = [&](std::size_t c) {
        return std::pair<std::int64_t, std::int64_t>{static_cast<std::int64_t>(g.keys[c] & 0xFFFFFFFFull) - (1ll << 30),
                                                     static_cast<std::int64_t>(g.keys[c] >> 32) - (1ll << 30)};
    };
    // neighbour cells of each cell (5x5 block, those present)
    std::vector<std::uint32_t> nb_start(C + 1, 0);
    std::vector<std::uint32_t> nb;
    nb.reserve(C * 9);
    for (std::size_t c = 0; c < C; ++c) {
        auto [cx, cy] = cell_xy(c);
        for (std::int64_t dy = -2; dy <= 2; ++dy)
            for (std::int64_t dx = -2; dx <= 2; ++dx) {
                auto f = g.find(cx + dx, cy + dy);
                if (f >= 0)
                    nb.push_back(static_cast<std::uint32_t>(f));
            }
        nb_start[c + 1] = static_cast<std::uint32_t>(nb.size());
    }

    // 1. core points
    parallel_for(C, threads, [&](std::size_t c0, std::size_t c1) {
        for (std::size_t c = c0; c < c1; ++c) {
            std::size_t cnt = g.start[c + 1] - g.start[c];
            if (cnt >= min_points) {
                for (std::uint32_t s = g.start[c]; s < g.start[c + 1]; ++s)
                    r.core[g.order[s]] = 1;
                continue;
            }
            for (std::uint32_t s = g.start[c]; s < g.start[c + 1]; ++s) {
                std::uint32_t i = g.order[s];
                std::size_t k = 0;
                for (std::uint32_t e = nb_start[c]; e < nb_start[c + 1] && k < min_points; ++e) {
                    std::uint32_t d = nb[e];
                    for (std::uint32_t t = g.start[d]; t < g.start[d + 1]; ++t) {
                        std::uint32_t j = g.order[t];
                        double ddx = x[i] - x[j], ddy = y[i] - y[j];
                        if (ddx * ddx + ddy * ddy <= eps2 && ++k >= min_points)
                            break;
                    }
                }
                if (k >= min_points)
                    r.core[i] = 1;
            }
        }
    });

    // 2. connect cells through their core points (all cores of one cell are connected)
    union_find uf(C);
    std::vector<std::uint8_t> has_core(C, 0);
    for (std::size_t c = 0; c < C; ++c)
        for (std::uint32_t s = g.start[c]; s < g.start[c + 1] && !has_core[c]; ++s)
            has_core[c] = r.core[g.order[s]];
    // candidate pairs (c < d) decided in parallel, united afterwards
    std::vector<std::uint8_t> linked(nb.size(), 0);
    parallel_for(C, threads, [&](std::size_t c0, std::size_t c1) {
        for (std::size_t c = c0; c < c1; ++c) {
            if (!has_core[c])
                continue;
            for (std::uint32_t e = nb_start[c]; e < nb_start[c + 1]; ++e) {
                std::uint32_t d = nb[e];
                if (d <= c || !has_core[d])
                    continue;
                bool found = false;
                for (std::uint32_t s = g.start[c]; s < g.start[c + 1] && !found; ++s) {
                    std::uint32_t i = g.order[s];
                    if (!r.core[i])
                        continue;
                    for (std::uint32_t t = g.start[d]; t < g.start[d + 1]; ++t) {
                        std::uint32_t j = g.order[t];
                        if (!r.core[j])
                            continue;
                        double ddx = x[i] - x[j], ddy = y[i] - y[j];
                        if (ddx * ddx + ddy * ddy <= eps2) {
                            found = true;
                            break;
                        }
                    }
                }
                linked[e] = found;
            }
        }
    });
    for (std::size_t c = 0; c < C; ++c)
        for (std::uint32_t e = nb_start[c]; e < nb_start[c + 1]; ++e)
            if (linked[e])
                uf.unite(static_cast<std::uint32_t>(c), nb[e]);

    // 3. component of each point: core -> its cell's root; border -> nearest core's root
    std::vector<std::int64_t> comp(n, -1);
    parallel_for(C, threads, [&](std::size_t c0, std::size_t c1) {
        for (std::size_t c = c0; c < c1; ++c)
            for (std::uint32_t s = g.start[c]; s < g.start[c + 1]; ++s) {
                std::uint32_t i = g.order[s];
                if (r.core[i]) {
                    comp[i] = c; // resolved to the root below (uf is read-only there)
                    continue;
                }
                double best = std::numeric_limits<double>::infinity();
                std::int64_t best_id = 0;
                std::int64_t best_cell = -1;
                for (std::uint32_t e = nb_start[c]; e < nb_start[c + 1]; ++e) {
                    std::uint32_t d = nb[e];
                    if (!has_core[d])
                        continue;
                    for (std::uint32_t t = g.start[d]; t < g.start[d + 1]; ++t) {
                        std::uint32_t j = g.order[t];
                        if (!r.core[j])
                            continue;
                        double ddx = x[i] - x[j], ddy = y[i] - y[j];
                        double d2 = ddx * ddx + ddy * ddy;
                        if (d2 <= eps2 && (d2 < best || (d2 == best && idof(j) < best_id))) {
                            best = d2;
                            best_id = idof(j);
                            best_cell = d;
                        }
                    }
                }
                comp[i] = best_cell;
            }
    });
    std::vector<std::int64_t> root_min(C, std::numeric_limits<std::int64_t>::max());
    for (std::size_t i = 0; i < n; ++i)
        if (comp[i] >= 0) {
            comp[i] = uf.find(static_cast<std::uint32_t>(comp[i]));
            root_min[static_cast<std::size_t>(comp[i])] = std::min(root_min[static_cast<std::size_t>(comp[i])], idof(static_cast<std::uint32_t>(i)));
        }
    // 4. number clusters by their smallest id
    std::vector<std::pair<std::int64_t, std::uint32_t>> roots;
    for (std::size_t c = 0; c < C; ++c)
        if (root_min[c] != std::numeric_limits<std::int64_t>::max())
            roots.emplace_back(root_min[c], static_cast<std::uint32_t>(c));
    std::sort(roots.begin(), roots.end());
    std::vector<std::int32_t> number(C, 0);
    for (std::size_t k = 0; k < roots.size(); ++k)
        number[roots[k].second] = static_cast<std::int32_t>(k + 1);
    for (std::size_t i = 0; i < n; ++i)
        r.label[i] = comp[i] >= 0 ? number[static_cast<std::size_t>(comp[i])] : 0;
    r.clusters = static_cast<std::int32_t>(roots.size());
    return r;
}

} // namespace geo::stats
