#include "libgeo/overlay/rollup.hpp"

#include "libgeo/core/error.hpp"
#include "overlay/util.hpp"

#include <map>

namespace geo::overlay {

std::vector<rollup_entry> rollup(const result& r, const layer& a, const layer& b, const rollup_options& opt,
                                 const std::string& scope)
{
    const auto area_idx = [&]() -> std::size_t {
        if (r.out.fields.empty() || r.out.fields.back().type != field_type::real)
            throw usage_error("rollup: the overlay result carries no area field. Do not combine --summary with --no-area.");
        return r.out.fields.size() - 1;
    }();
    std::optional<std::size_t> key_i, label_i, by_i;
    if (!opt.key_field.empty())
        key_i = a.require_field(opt.key_field);
    if (!opt.label_field.empty())
        label_i = a.require_field(opt.label_field);
    if (!opt.by_field.empty())
        by_i = b.require_field(opt.by_field);

    struct group {
        std::string label;
        double whole = 0;
        std::map<std::string, std::pair<std::size_t, double>> cats;
        std::pair<std::size_t, double> all{0, 0};
    };
    std::optional<detail::area_measure> measure; // only when the overlay did not measure A
    if (r.a_area_km2.size() != a.features.size())
        measure.emplace(a.crs ? crs::from_srs(*a.crs) : crs::wgs84(), opt.area_crs);
    std::vector<std::string> order;
    std::map<std::string, group> groups;
    auto key_of = [&](std::size_t i) { return key_i ? a.text(a.features[i], *key_i) : std::to_string(a.features[i].source_index); };
    for (std::size_t i = 0; i < a.features.size(); ++i) {
        std::string k = key_of(i);
        auto [it, fresh] = groups.try_emplace(k);
        if (fresh) {
            order.push_back(k);
            if (label_i)
                it->second.label = a.text(a.features[i], *label_i);
        }
        if (i < r.a_area_km2.size())
            it->second.whole += r.a_area_km2[i];
        else if (a.features[i].geometry)
            it->second.whole += (*measure)(*a.features[i].geometry);
    }
    for (std::size_t k = 0; k < r.out.features.size(); ++k) {
        const auto ia = r.a_index[k];
        if (ia < 0)
            continue; // pieces of B alone belong to no group
        group& g = groups[key_of(static_cast<std::size_t>(ia))];
        const auto& v = r.out.features[k].values[area_idx];
        const double area = std::holds_alternative<double>(v) ? std::get<double>(v) : 0.0;
        g.all.first += 1;
        g.all.second += area;
        if (by_i) {
            std::string cat = r.b_index[k] >= 0 ? b.text(b.features[r.b_index[k]], *by_i) : "(outside B)";
            auto& c = g.cats[cat];
            c.first += 1;
            c.second += area;
        }
    }
    std::vector<rollup_entry> out;
    for (const auto& k : order) {
        const group& g = groups[k];
        for (const auto& [cat, pa] : g.cats)
            out.push_back({scope, k, g.label, cat, pa.first, pa.second, g.whole});
        out.push_back({scope, k, g.label, "(all)", g.all.first, g.all.second, g.whole});
    }
    return out;
}

table to_table(const std::vector<rollup_entry>& entries)
{
    table t;
    t.columns = {"scope", "key", "name", "category", "pieces", "area_km2", "share"};
    for (const auto& e : entries)
        t.rows.push_back({e.scope, e.key, e.label, e.category, static_cast<std::int64_t>(e.pieces), e.area_km2,
                          e.share()});
    return t;
}

} // namespace geo::overlay
