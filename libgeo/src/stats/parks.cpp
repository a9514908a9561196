#include "libgeo/stats/parks.hpp"

#include "libgeo/core/data_dir.hpp"
#include "libgeo/core/error.hpp"
#include "libgeo/crs/crs.hpp"
#include "libgeo/crs/geodesic.hpp"
#include "libgeo/crs/transform.hpp"
#include "libgeo/io/vector_io.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

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

std::vector<layout_spec> read_layouts()
{
    auto path = layer_path("layouts.json");
    std::ifstream in(path);
    nlohmann::json j;
    try {
        in >> j;
    } catch (const std::exception& e) {
        throw format_error("stats: " + geo::quoted(path.string()) + ": " + e.what() + ".");
    }
    std::vector<layout_spec> out;
    for (auto& l : j.at("layouts")) {
        layout_spec s;
        s.id = l.value("id", "");
        s.name_zh = l.value("name_zh", "");
        if (l.contains("industry_tag") && l["industry_tag"].is_string())
            s.industry = l["industry_tag"].get<std::string>();
        for (auto& r : l.at("roles")) {
            role_spec rs;
            rs.id = r.value("id", "");
            rs.name_zh = r.value("name_zh", "");
            for (auto& p : r.value("parks", nlohmann::json::array()))
                rs.parks.push_back(p.get<std::string>());
            for (auto& p : r.value("derived", nlohmann::json::array()))
                rs.parks.push_back(p.get<std::string>());
            s.roles.push_back(std::move(rs));
        }
        out.push_back(std::move(s));
    }
    return out;
}

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

park_set load_parks(const park_source& src)
{
    park_set ps;
    read_options ro;
    if (!src.layer.empty())
        ro.layer = src.layer;
    std::string path = src.path.empty() ? layer_path("parks.geojson").string() : src.path;
    ps.embedded = src.path.empty();
    ps.source = ps.embedded ? "embedded parks (approximate/schematic boundaries)" : src.path;
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
    // layouts apply when the parks carry the plan's ids
    auto layouts = read_layouts();
    bool any = false;
    for (auto& l : layouts)
        for (auto& r : l.roles)
            for (auto& p : r.parks)
                any = any || seen.count(p);
    if (any)
        ps.layouts = std::move(layouts);
    return ps;
}

} // namespace geo::stats
