// Substitution of user park boundaries for the embedded schematic geometry.
#include "substitute.hpp"

#include "libgeo/core/error.hpp"
#include "libgeo/crs/crs.hpp"
#include "libgeo/crs/transform.hpp"
#include "libgeo/io/vector_io.hpp"

#include <algorithm>
#include <cctype>
#include <fmt/format.h>
#include <map>

namespace geo::model::detail {

namespace {

std::string trim(const std::string& s)
{
    auto b = s.find_first_not_of(" \t\r\n");
    if (b == std::string::npos)
        return {};
    auto e = s.find_last_not_of(" \t\r\n");
    return s.substr(b, e - b + 1);
}

bool ends_with(const std::string& s, const std::string& suffix)
{
    return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

/// The forms of a Chinese park name a user's table may hold: "漕河泾园",
/// "漕河泾", "张江高新区漕河泾园", "上海张江高新区漕河泾园" all name one park.
std::string core_name(std::string s)
{
    for (const char* prefix : {"上海张江高新技术产业开发区", "张江高新技术产业开发区", "上海张江高新区", "张江高新区"}) {
        std::string p(prefix);
        if (s.size() > p.size() && s.compare(0, p.size(), p) == 0) {
            s = s.substr(p.size());
            break;
        }
    }
    for (const char* suffix : {"分园", "园区", "园"}) {
        std::string x(suffix);
        if (s.size() > x.size() && ends_with(s, x)) {
            s.resize(s.size() - x.size());
            break;
        }
    }
    return s;
}

class matcher {
public:
    explicit matcher(const std::vector<park>& parks)
    {
        for (std::size_t i = 0; i < parks.size(); ++i) {
            keys_.emplace(match_key(parks[i].id), i);
            keys_.emplace(parks[i].name_zh, i);
            keys_.emplace(core_name(parks[i].name_zh), i);
            if (!parks[i].name_en.empty())
                keys_.emplace(match_key(parks[i].name_en), i);
        }
    }
    std::optional<std::size_t> find(const std::string& value) const
    {
        std::string v = trim(value);
        if (v.empty())
            return std::nullopt;
        for (const std::string& k : {match_key(v), v, core_name(v)}) {
            auto it = keys_.find(k);
            if (it != keys_.end())
                return it->second;
        }
        return std::nullopt;
    }

private:
    std::map<std::string, std::size_t> keys_;
};

std::string fields_list(const layer& l)
{
    std::string out;
    for (const auto& f : l.fields)
        out += (out.empty() ? "" : ", ") + f.name;
    return out.empty() ? "(none)" : out;
}

} // namespace

std::string match_key(const std::string& s)
{
    std::string out = trim(s);
    std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return std::tolower(c); });
    return out;
}

substitution_report substitute(layer& parks_layer, std::vector<park>& parks, const parks_source& src)
{
    read_options ro;
    if (!src.layer.empty())
        ro.layer = src.layer;
    ro.encoding = src.encoding;
    layer user = read_layer(src.path, ro);
    std::optional<crs> from;
    if (!src.src_crs.empty())
        from = crs::parse(src.src_crs);
    else if (!user.crs)
        from = crs::wgs84(); // GeoJSON/CSV without a CRS are lon/lat by convention
    reproject(user, crs::wgs84(), from ? &*from : nullptr);

    substitution_report rep;
    rep.source = src.path;
    const matcher m(parks);

    std::size_t key = 0;
    if (!src.key_field.empty()) {
        auto i = user.field_index(src.key_field);
        if (!i)
            throw usage_error("parks: " + geo::quoted(src.path) + " has no field " + geo::quoted(src.key_field) +
                              " (--park-key). Fields: " + fields_list(user) + "." +
                              (src.encoding.empty() ? " If the names look garbled, give the Shapefile's code page "
                                                      "with --parks-encoding (e.g. GBK)."
                                                    : ""));
        key = *i;
        rep.key_field = src.key_field;
    } else {
        std::size_t best = 0;
        for (std::size_t fi = 0; fi < user.fields.size(); ++fi) {
            std::size_t hits = 0;
            for (const auto& f : user.features)
                hits += m.find(user.text(f, fi)) ? 1 : 0;
            if (hits > best) {
                best = hits;
                key = fi;
            }
        }
        if (best == 0)
            throw usage_error("parks: no field of " + geo::quoted(src.path) +
                              " holds park ids or Chinese park names (e.g. 'zjsc' or '张江科学城'). Fields: " +
                              fields_list(user) + ". Give the key field with --park-key FIELD" +
                              (src.encoding.empty() ? ", and the code page with --parks-encoding (e.g. GBK) if the "
                                                      "names look garbled."
                                                    : "."));
        rep.key_field = user.fields[key].name;
        rep.key_auto_detected = true;
    }

    std::map<std::size_t, std::vector<const feature*>> by_park;
    for (const auto& f : user.features) {
        const std::string value = user.text(f, key);
        auto pi = m.find(value);
        if (!pi) {
            std::string v = trim(value).empty() ? "(empty)" : value;
            if (std::find(rep.unmatched_values.begin(), rep.unmatched_values.end(), v) == rep.unmatched_values.end())
                rep.unmatched_values.push_back(v);
            continue;
        }
        if (!f.geometry || f.geometry->IsEmpty())
            throw format_error(fmt::format("parks: {}: feature {} ({} {}) has no geometry. Remove it or draw the "
                                           "boundary.",
                                           geo::quoted(src.path), f.source_index + 1, rep.key_field, geo::quoted(value)));
        auto t = wkbFlatten(f.geometry->getGeometryType());
        if (t != wkbPolygon && t != wkbMultiPolygon)
            throw format_error(fmt::format("parks: {}: feature {} ({} {}) is a {}, not a (Multi)Polygon. Park "
                                           "boundaries must be polygons.",
                                           geo::quoted(src.path), f.source_index + 1, rep.key_field, geo::quoted(value),
                                           f.geometry->getGeometryName()));
        by_park[*pi].push_back(&f);
    }

    const auto quality = parks_layer.field_index("geometry_quality");
    const auto source = parks_layer.field_index("geometry_source");
    for (std::size_t pi = 0; pi < parks.size(); ++pi) {
        park& p = parks[pi];
        auto it = by_park.find(pi);
        if (it == by_park.end()) {
            rep.unmatched_parks.push_back(p.id);
            continue;
        }
        geometry_ptr g;
        if (it->second.size() == 1) {
            g = clone(it->second.front()->geometry.get());
        } else {
            OGRMultiPolygon parts;
            for (const feature* f : it->second) {
                const OGRGeometry* fg = f->geometry.get();
                if (wkbFlatten(fg->getGeometryType()) == wkbPolygon)
                    parts.addGeometry(fg);
                else
                    for (const auto* poly : *fg->toMultiPolygon())
                        parts.addGeometry(poly);
            }
            g.reset(parts.UnionCascaded());
            if (!g)
                g = clone(&parts);
        }
        const std::string origin = fmt::format("user boundaries: {} ({} = {})", src.path, rep.key_field,
                                               user.text(*it->second.front(), key));
        feature& target = parks_layer.features.at(p.feature_index);
        target.geometry = std::move(g);
        if (quality)
            target.values[*quality] = std::string("user");
        if (source)
            target.values[*source] = origin;
        p.geometry_quality = "user";
        p.geometry_source = origin;
        rep.matched.push_back(p.id);
    }
    return rep;
}

} // namespace geo::model::detail
