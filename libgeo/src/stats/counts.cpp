#include "libgeo/stats/counts.hpp"

namespace geo::stats {

count_table::count_table(std::size_t n_parks, std::vector<std::string> tags, bool w)
    : industries(std::move(tags)), parks(n_parks), weighted(w)
{
    in_park.assign(parks * width(), 0);
    in_park_weight.assign(parks * width(), 0.0);
    all.assign(width(), 0);
    all_weight.assign(width(), 0.0);
    all_weight_sq.assign(width(), 0.0);
    outside.assign(width(), 0);
    outside_weight.assign(width(), 0.0);
}

std::uint64_t count_table::park_total(std::size_t park) const
{
    std::uint64_t s = 0;
    for (std::size_t k = 0; k < width(); ++k)
        s += n(park, k);
    return s;
}

void count_table::merge(const count_table& o)
{
    for (std::size_t i = 0; i < in_park.size(); ++i) {
        in_park[i] += o.in_park[i];
        in_park_weight[i] += o.in_park_weight[i];
    }
    for (std::size_t k = 0; k < width(); ++k) {
        all[k] += o.all[k];
        all_weight[k] += o.all_weight[k];
        all_weight_sq[k] += o.all_weight_sq[k];
        outside[k] += o.outside[k];
        outside_weight[k] += o.outside_weight[k];
    }
    total += o.total;
    outside_total += o.outside_total;
    on_boundary += o.on_boundary;
    multi_park += o.multi_park;
}

void count_batch(const park_index& idx, boundary_rule rule, const point_batch& b, count_table& t)
{
    const std::size_t w = t.width();
    const std::size_t none = t.industries.size();
    const bool weighted = t.weighted && b.weight.size() == b.size();
    const bool include = rule == boundary_rule::include;
    for (std::size_t i = 0; i < b.size(); ++i) {
        std::size_t ind = b.industry[i] < none ? b.industry[i] : none;
        double wt = weighted ? b.weight[i] : 1.0;
        int hits = 0;
        bool boundary = false;
        idx.query(b.x[i], b.y[i], [&](std::size_t k, location loc) {
            if (loc == location::boundary) {
                boundary = true;
                if (!include)
                    return;
            }
            ++hits;
            ++t.in_park[k * w + ind];
            t.in_park_weight[k * w + ind] += wt;
        });
        ++t.all[ind];
        t.all_weight[ind] += wt;
        t.all_weight_sq[ind] += wt * wt;
        if (hits == 0) {
            ++t.outside[ind];
            t.outside_weight[ind] += wt;
            ++t.outside_total;
        } else if (hits > 1)
            ++t.multi_park;
        if (boundary)
            ++t.on_boundary;
    }
    t.total += b.size();
}

} // namespace geo::stats
