#include "libgeo/stats/parks.hpp"

#include "libgeo/core/data_dir.hpp"
#include "libgeo/core/error.hpp"
#include "libgeo/crs/crs.hpp"
#include "libgeo/crs/geodesic.hpp"
#include "libgeo/crs/transform.hpp"
#include "libgeo/io/vector_io.hpp"
#include "libgeo/model/plan.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <fstream>
#include <numeric>
#include <set>

namespace geo::stats {

std::vector<const OGRGeometry*> park_set::geometries() const
{
    std::vector<const OGRGeometry*> g;
    for (auto& f : parks.features)
        g.push_back(f.geometry.get());
    return g;
}

std::vector<std::size_t> park_set::sorted_order() const
{
    std::vector<std::size_t> o(ids.size());
    std::iota(o.begin(), o.end(), 0);
    std::vector<long long> num(ids.size());
    bool numeric = true;
    for (std::size_t i = 0; i < ids.size(); ++i) {
        auto& s = ids[i];
        auto r = std::from_chars(s.data(), s.data() + s.size(), num[i]);
        if (r.ec != std::errc() || r.ptr != s.data() + s.size())
            numeric = false;
    }
    std::stable_sort(o.begin(), o.end(), [&](std::size_t a, std::size_t b) {
        return numeric ? num[a] < num[b] : ids[a] < ids[b];
    });
    return o;
}

namespace {

std::vector<std::string> split_tags(const std::string& s)
{
    std::vector<std::string> out;
    std::string cur;
    for (char c : s) {
        if (c == ';' || c == ',') {
            if (!cur.empty())
                out.push_back(cur);
            cur.clear();
        } else if (c != ' ')
            cur += c;
    }
    if (!cur.empty())
        out.push_back(cur);
    return out;
}

} // namespace

park_set from_plan(const model::plan& plan, bool embedded)
{
    park_set ps;
    ps.parks = plan.parks_layer();
    ps.embedded = embedded;
    ps.source = embedded ? "embedded parks (approximate/schematic boundaries)" : "plan parks with user boundaries";
    const std::size_t n = ps.parks.features.size();
    ps.ids.assign(n, "");
    ps.names.assign(n, "");
    ps.industry_tags.assign(n, {});
    for (const auto& p : plan.parks()) {
        if (p.feature_index >= n)
            continue;
        ps.ids[p.feature_index] = p.id;
        ps.names[p.feature_index] = p.name_zh;
        ps.industry_tags[p.feature_index] = p.industry_tags;
    }
    for (std::size_t i = 0; i < n; ++i) {
        if (ps.ids[i].empty())
            ps.ids[i] = "feature_" + std::to_string(i);
        const auto* g = ps.parks.features[i].geometry.get();
        ps.area_km2.push_back(g ? geodesic_area_km2(*g) : 0.0);
    }
    for (const auto& l : plan.layouts()) {
        layout_spec s{l.id, l.name_zh, l.id == "overall" ? std::string() : l.id, {}};
        for (const auto& r : l.roles)
            s.roles.push_back({r.id, r.name_zh, r.members()});
        ps.layouts.push_back(std::move(s));
    }
    return ps;
}

park_set load_parks(const park_source& src)
{
    park_set ps;
    read_options ro;
    if (!src.layer.empty())
        ro.layer = src.layer;
    ro.encoding = src.encoding;
    if (src.path.empty())
        return from_plan(model::plan::load(), true);
    std::string path = src.path;
    ps.source = src.path;
    ps.parks = read_layer(path, ro);
    std::optional<crs> from;
    if (!src.src_crs.empty())
        from = crs::parse(src.src_crs);
    else if (!ps.parks.crs)
        from = crs::wgs84();
    reproject(ps.parks, crs::wgs84(), from ? &*from : nullptr);

    std::size_t key;
    if (!src.key_field.empty())
        key = ps.parks.require_field(src.key_field);
    else {
        std::optional<std::size_t> k;
        for (const char* c : {"park_id", "id", "code", "name_zh", "name"})
            if ((k = ps.parks.field_index(c)))
                break;
        if (!k) {
            std::string names;
            for (auto& f : ps.parks.fields)
                names += (names.empty() ? "" : ", ") + f.name;
            throw usage_error("stats: " + geo::quoted(path) + " has no park_id/id/name field. Fields: " + names +
                              ". Name the park key with --park-key FIELD.");
        }
        key = *k;
    }
    auto name_idx = ps.parks.field_index("name_zh");
    if (!name_idx)
        name_idx = ps.parks.field_index("name");
    auto tags_idx = ps.parks.field_index("industry_tags");
    std::set<std::string> seen;
    for (auto& f : ps.parks.features) {
        std::string id = to_string(f.values[key]);
        if (id.empty())
            throw format_error(fmt::format("stats: {}: feature {}: the park key {} is empty. Every park needs a key.",
                                           geo::quoted(path), f.source_index, geo::quoted(ps.parks.fields[key].name)));
        if (!seen.insert(id).second)
            throw format_error(fmt::format("stats: {}: feature {}: park key {} occurs twice. Park keys must be unique; choose another --park-key.",
                                           geo::quoted(path), f.source_index, geo::quoted(id)));
        ps.ids.push_back(id);
        ps.names.push_back(name_idx ? to_string(f.values[*name_idx]) : std::string());
        ps.industry_tags.push_back(tags_idx ? split_tags(to_string(f.values[*tags_idx])) : std::vector<std::string>{});
        ps.area_km2.push_back(f.geometry ? geodesic_area_km2(*f.geometry) : 0.0);
    }
    return ps;
}

} // namespace geo::stats
