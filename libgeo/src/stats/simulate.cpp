#include "libgeo/stats/simulate.hpp"

#include "libgeo/core/error.hpp"
#include "libgeo/geometry/park_index.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <numbers>

namespace geo::stats {

const char* synthetic_enterprises::tag(std::uint8_t c)
{
    static const char* t[] = {"ai", "biomed", "ic", "other"};
    return c < 4 ? t[c] : "other";
}

const char* synthetic_enterprises::label_zh(std::uint8_t c)
{
    static const char* t[] = {"人工智能", "生物医药", "集成电路", "其他"};
    return c < 4 ? t[c] : "其他";
}

namespace {

// SplitMix64: tiny, fast, and the same sequence everywhere.
struct rng {
    std::uint64_t s;
    std::uint64_t next()
    {
        std::uint64_t z = (s += 0x9E3779B97F4A7C15ull);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
        return z ^ (z >> 31);
    }
    double uni() { return static_cast<double>(next() >> 11) * 0x1.0p-53; } // [0, 1)
    double normal()
    {
        double u1 = 1.0 - uni(); // (0, 1]
        double u2 = uni();
        return std::sqrt(-2.0 * std::log(u1)) * std::cos(2.0 * std::numbers::pi * u2);
    }
    std::uint64_t below(std::uint64_t n) { return n ? next() % n : 0; }
};

constexpr double m_per_deg_lat = 110574.0;
inline double m_per_deg_lon(double lat) { return 111320.0 * std::cos(lat * std::numbers::pi / 180.0); }

std::uint8_t pick_mix(rng& r, const std::vector<double>& mix)
{
    double u = r.uni(), acc = 0;
    for (std::size_t i = 0; i < mix.size(); ++i) {
        acc += mix[i];
        if (u < acc)
            return static_cast<std::uint8_t>(i);
    }
    return static_cast<std::uint8_t>(mix.size() - 1);
}

} // namespace

synthetic_enterprises simulate(const park_set& parks, const std::vector<const OGRGeometry*>& region, const simulate_options& opt)
{
    if (opt.n == 0)
        throw usage_error("simulate: -n must be at least 1.");
    if (opt.park_share < 0 || opt.park_share > 1 || opt.lead_share < 0 || opt.lead_share > 1)
        throw usage_error("simulate: --park-share and --lead-share must lie between 0 and 1.");
    std::vector<double> bg = opt.background_mix;
    double bs = 0;
    for (double v : bg)
        bs += v;
    for (double& v : bg)
        v /= bs;

    rng r{opt.seed * 0x2545F4914F6CDD1Dull + 0x1234567ull};
    park_index pidx(parks.geometries());
    park_index ridx(region);
    synthetic_enterprises out;
    out.lon.reserve(opt.n);
    out.lat.reserve(opt.n);
    auto push = [&](double x, double y, std::uint8_t ind, std::int32_t park) {
        out.lon.push_back(std::round(x * 1e6) / 1e6);
        out.lat.push_back(std::round(y * 1e6) / 1e6);
        out.industry.push_back(ind);
        double staff = std::exp(2.3 + 1.1 * r.normal());
        out.staff.push_back(static_cast<std::uint32_t>(std::clamp(std::round(staff), 1.0, 1e6)));
        out.park.push_back(park);
    };

    // points per park: proportional to area^0.7 (largest remainder), so the big
    // science city does not swallow everything
    const std::size_t P = parks.ids.size();
    std::uint64_t n_parks = P ? static_cast<std::uint64_t>(std::llround(static_cast<double>(opt.n) * opt.park_share)) : 0;
    std::vector<double> wts(P);
    double wsum = 0;
    for (std::size_t p = 0; p < P; ++p)
        wsum += wts[p] = std::pow(std::max(parks.area_km2[p], 0.0), 0.7);
    std::vector<std::uint64_t> quota(P, 0);
    if (wsum > 0) {
        std::vector<std::pair<double, std::size_t>> rem;
        std::uint64_t given = 0;
        for (std::size_t p = 0; p < P; ++p) {
            double q = static_cast<double>(n_parks) * wts[p] / wsum;
            quota[p] = static_cast<std::uint64_t>(q);
            given += quota[p];
            rem.emplace_back(q - static_cast<double>(quota[p]), p);
        }
        std::stable_sort(rem.begin(), rem.end(), [](auto& a, auto& b) { return a.first > b.first; });
        for (std::size_t i = 0; given < n_parks && i < rem.size(); ++i, ++given)
            ++quota[rem[i].second];
    } else
        n_parks = 0;

    for (std::size_t p = 0; p < P; ++p) {
        if (!quota[p])
            continue;
        OGREnvelope env;
        parks.parks.features[p].geometry->getEnvelope(&env);
        auto inside = [&](double x, double y) { return pidx.locate(p, x, y) == location::interior; };
        // cluster centres inside the park
        int nc = std::clamp(1 + static_cast<int>(parks.area_km2[p] / 15.0), 1, 5);
        std::vector<std::array<double, 3>> centres; // x, y, sigma (m)
        for (int c = 0; c < nc; ++c) {
            double x = env.MinX, y = env.MinY;
            for (int t = 0; t < 10000; ++t) {
                x = env.MinX + r.uni() * (env.MaxX - env.MinX);
                y = env.MinY + r.uni() * (env.MaxY - env.MinY);
                if (inside(x, y))
                    break;
            }
            centres.push_back({x, y, 150.0 + 450.0 * r.uni()});
        }
        std::vector<std::uint8_t> lead;
        for (auto& t : parks.industry_tags[p]) {
            if (t == "ai")
                lead.push_back(0);
            else if (t == "biomed")
                lead.push_back(1);
            else if (t == "ic")
                lead.push_back(2);
        }
        for (std::uint64_t i = 0; i < quota[p]; ++i) {
            auto& c = centres[r.below(centres.size())];
            double x = c[0], y = c[1];
            for (int t = 0; t < 100; ++t) {
                double dx = r.normal() * c[2], dy = r.normal() * c[2];
                double tx = c[0] + dx / m_per_deg_lon(c[1]), ty = c[1] + dy / m_per_deg_lat;
                if (inside(tx, ty)) {
                    x = tx;
                    y = ty;
                    break;
                }
            }
            std::uint8_t ind = (!lead.empty() && r.uni() < opt.lead_share) ? lead[r.below(lead.size())] : pick_mix(r, bg);
            push(x, y, ind, static_cast<std::int32_t>(p));
        }
    }

    // background over the region: half around People's Square (sigma 12 km), half uniform
    OGREnvelope renv;
    for (auto* g : region)
        if (g) {
            OGREnvelope e;
            g->getEnvelope(&e);
            renv.Merge(e);
        }
    const double cx = 121.4737, cy = 31.2304, sigma = 12000.0;
    auto in_region = [&](double x, double y) {
        if (region.empty())
            return true;
        bool hit = false;
        ridx.query(x, y, [&](std::size_t, location) { hit = true; });
        return hit;
    };
    for (std::uint64_t i = n_parks; i < opt.n; ++i) {
        double x = cx, y = cy;
        for (int t = 0; t < 1000; ++t) {
            double tx, ty;
            if (r.uni() < 0.5) {
                tx = cx + r.normal() * sigma / m_per_deg_lon(cy);
                ty = cy + r.normal() * sigma / m_per_deg_lat;
            } else {
                tx = renv.MinX + r.uni() * (renv.MaxX - renv.MinX);
                ty = renv.MinY + r.uni() * (renv.MaxY - renv.MinY);
            }
            if (in_region(tx, ty)) {
                x = tx;
                y = ty;
                break;
            }
        }
        push(x, y, pick_mix(r, bg), -1);
    }
    // shuffle (Fisher-Yates) so the file order says nothing
    for (std::size_t i = out.size(); i > 1; --i) {
        std::size_t j = r.below(i);
        std::swap(out.lon[i - 1], out.lon[j]);
        std::swap(out.lat[i - 1], out.lat[j]);
        std::swap(out.industry[i - 1], out.industry[j]);
        std::swap(out.staff[i - 1], out.staff[j]);
        std::swap(out.park[i - 1], out.park[j]);
    }
    return out;
}

} // namespace geo::stats
