#include "libgeo/model/layers.hpp"

#include "libgeo/core/error.hpp"
#include "libgeo/crs/crs.hpp"
#include "libgeo/crs/transform.hpp"
#include "libgeo/io/vector_io.hpp"

#include <algorithm>
#include <cmath>
#include <filesystem>

namespace geo::model {

namespace {

double round3(double v) { return std::round(v * 1000.0) / 1000.0; }

/// The parks layer's schema and features with area_km2 appended.
layer base_layer(const plan& p)
{
    layer out = p.parks_layer();
    out.name = "parks";
    std::size_t area = out.field_index("area_km2") ? *out.field_index("area_km2")
                                                   : out.add_field("area_km2", field_type::real);
    for (const auto& pk : p.parks())
        out.features.at(pk.feature_index).values[area] = round3(p.area_km2(pk));
    return out;
}

void keep_only(layer& l, const std::vector<bool>& keep)
{
    std::vector<feature> kept;
    for (std::size_t i = 0; i < l.features.size(); ++i)
        if (keep[i])
            kept.push_back(std::move(l.features[i]));
    l.features = std::move(kept);
}

} // namespace

layer parks_layer(const plan& p, bool with_roles, bool members_only)
{
    layer out = base_layer(p);
    if (!with_roles)
        return out;
    std::vector<std::size_t> role_fields;
    for (const auto& lo : p.layouts())
        role_fields.push_back(out.add_field("role_" + lo.id, field_type::string));
    std::size_t n_field = out.add_field("n_layouts", field_type::integer);
    std::vector<bool> keep(out.features.size(), true);
    for (const auto& pk : p.parks()) {
        feature& f = out.features.at(pk.feature_index);
        std::int64_t n = 0;
        for (std::size_t li = 0; li < p.layouts().size(); ++li) {
            if (const role* r = p.layouts()[li].role_of(pk.id)) {
                f.values[role_fields[li]] = r->id;
                ++n;
            }
        }
        f.values[n_field] = n;
        keep[pk.feature_index] = !members_only || n > 0;
    }
    keep_only(out, keep);
    return out;
}

layer layout_layer(const plan& p, const layout& lo, bool members_only)
{
    layer out = base_layer(p);
    out.name = "layout_" + lo.id;
    std::size_t rid = out.add_field("role_id", field_type::string);
    std::size_t rzh = out.add_field("role_zh", field_type::string);
    std::size_t ren = out.add_field("role_en", field_type::string);
    std::size_t der = out.add_field("derived", field_type::integer);
    std::vector<bool> keep(out.features.size(), true);
    for (const auto& pk : p.parks()) {
        feature& f = out.features.at(pk.feature_index);
        const role* r = lo.role_of(pk.id);
        keep[pk.feature_index] = r || !members_only;
        if (!r)
            continue;
        f.values[rid] = r->id;
        f.values[rzh] = r->name_zh;
        f.values[ren] = r->name_en;
        bool derived = std::find(r->derived.begin(), r->derived.end(), pk.id) != r->derived.end();
        f.values[der] = std::int64_t{derived ? 1 : 0};
    }
    keep_only(out, keep);
    return out;
}

const std::vector<std::string>& embedded_layer_names()
{
    static const std::vector<std::string> names = {"parks", "featured_parks", "facilities", "districts"};
    return names;
}

layer embedded_layer(const plan& p, const std::string& name)
{
    if (name == "parks")
        return parks_layer(p);
    const auto& names = embedded_layer_names();
    if (std::find(names.begin(), names.end(), name) == names.end()) {
        std::string list;
        for (const auto& n : names)
            list += (list.empty() ? "" : ", ") + n;
        throw usage_error("plan: no embedded layer " + geo::quoted(name) + ". Layers: " + list + ".");
    }
    const auto path = p.layers_dir() / (name + ".geojson");
    if (!std::filesystem::exists(path))
        throw io_error("plan: embedded file " + geo::quoted(path.string()) +
                       " is missing. Reinstall zjgeo or set ZJGEO_DATA_DIR.");
    layer l = read_layer(path.string());
    const crs wgs = crs::wgs84();
    reproject(l, wgs, l.crs ? nullptr : &wgs);
    l.name = name;
    return l;
}

} // namespace geo::model
