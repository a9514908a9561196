#include "libgeo/overlay/layouts.hpp"

#include "libgeo/core/data_dir.hpp"
#include "libgeo/core/error.hpp"
#include "libgeo/io/vector_io.hpp"
#include "libgeo/model/plan.hpp"
#include "libgeo/overlay/rollup.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <map>

namespace geo::overlay {

namespace {

std::string join(const std::vector<std::string>& v, const std::string& sep)
{
    std::string out;
    for (const auto& s : v)
        out += (out.empty() ? "" : sep) + s;
    return out;
}

bool is_derived(const model::role& r, const std::string& park_id)
{
    return std::find(r.derived.begin(), r.derived.end(), park_id) != r.derived.end();
}

// The industry words of a layout for the roles_zh label: "集成电路“一核两翼多点”" -> "集成电路";
// the English name up to its colon: "Integrated circuits: 'one core ...'" -> "Integrated circuits".
std::string short_name(const std::string& name, const std::string& stop)
{
    auto pos = name.find(stop);
    return pos == std::string::npos || pos == 0 ? name : name.substr(0, pos);
}

} // namespace

layer layouts_layer(const model::plan& plan)
{
    layer out;
    out.name = "layouts_overlay";
    out.source = "layouts_overlay";
    out.crs = wgs84();
    for (const char* f : {"id", "name_zh", "name_en", "group_zh"})
        out.fields.push_back({f, field_type::string});
    for (const auto& lay : plan.layouts()) {
        out.fields.push_back({"role_" + lay.id, field_type::string});
        out.fields.push_back({"role_" + lay.id + "_zh", field_type::string});
    }
    for (const char* f : {"roles_zh", "roles_en", "derived"})
        out.fields.push_back({f, field_type::string});
    out.fields.push_back({"n_layouts", field_type::integer});

    for (const auto& p : plan.parks()) {
        feature f;
        f.source_index = static_cast<std::int64_t>(p.feature_index);
        f.values = {p.id, p.name_zh, p.name_en, p.group_zh};
        std::vector<std::string> zh, en, derived;
        std::int64_t n = 0;
        for (const auto& lay : plan.layouts()) {
            const model::role* r = lay.role_of(p.id);
            if (!r) {
                f.values.emplace_back(std::monostate{});
                f.values.emplace_back(std::monostate{});
                continue;
            }
            f.values.emplace_back(r->id);
            f.values.emplace_back(r->name_zh);
            if (lay.id == overall_layout_id)
                continue;
            ++n;
            zh.push_back(short_name(lay.name_zh, "“") + "·" + r->name_zh);
            en.push_back(short_name(lay.name_en, ":") + "·" + (r->name_en.empty() ? r->id : r->name_en));
            if (is_derived(*r, p.id))
                derived.push_back(lay.id);
        }
        f.values.emplace_back(join(zh, "; "));
        f.values.emplace_back(join(en, "; "));
        f.values.emplace_back(join(derived, ","));
        f.values.emplace_back(n);
        f.geometry = clone(&plan.geometry(p));
        out.features.push_back(std::move(f));
    }
    return out;
}

std::vector<rollup_entry> rollup_roles(const std::vector<rollup_entry>& per_park, const model::plan& plan)
{
    // park id -> category -> entry
    std::map<std::string, std::map<std::string, const rollup_entry*>> by_park;
    std::map<std::string, double> whole;
    for (const auto& e : per_park) {
        by_park[e.key][e.category] = &e;
        whole[e.key] = e.whole_km2;
    }
    std::vector<rollup_entry> out;
    for (const auto& lay : plan.layouts())
        for (const auto& r : lay.roles) {
            std::map<std::string, rollup_entry> cats;
            double w = 0;
            for (const auto& pid : r.members()) {
                w += whole.count(pid) ? whole[pid] : 0;
                auto it = by_park.find(pid);
                if (it == by_park.end())
                    continue;
                for (const auto& [cat, e] : it->second) {
                    auto& c = cats[cat];
                    c.pieces += e->pieces;
                    c.area_km2 += e->area_km2;
                }
            }
            auto emit = [&](const std::string& cat, const rollup_entry& c) {
                out.push_back({lay.id, r.id, r.name_zh, cat, c.pieces, c.area_km2, w});
            };
            for (const auto& [cat, c] : cats)
                if (cat != "(all)")
                    emit(cat, c);
            emit("(all)", cats["(all)"]);
        }
    return out;
}

layer facilities_layer()
{
    layer l = read_layer(layer_path("facilities.geojson").string());
    if (!l.crs)
        l.crs = wgs84();
    return l;
}

std::string name_field(const layer& l)
{
    for (const char* f : {"name_zh", "name", "NAME", "id"})
        if (l.field_index(f))
            return f;
    return "";
}

reach_result reach_outputs(const layer& targets, const layer& sources, const std::vector<reach_pair>& pairs,
                           double distance_m)
{
    const std::string tn = name_field(targets), sn = name_field(sources);
    auto name_of = [](const layer& l, const std::string& field, std::size_t i) {
        return field.empty() ? fmt::format("#{}", l.features[i].source_index + 1) : l.text(l.features[i], *l.field_index(field));
    };
    auto id_of = [](const layer& l, std::size_t i) {
        auto f = l.field_index("id");
        return f ? l.text(l.features[i], *f) : std::to_string(l.features[i].source_index + 1);
    };
    reach_result r;
    r.pairs.columns = {"target", "target_name", "source", "source_name", "distance_m"};
    r.pairs.decimals = 1;
    r.targets.name = "reach";
    r.targets.source = "reach";
    r.targets.crs = targets.crs;
    r.targets.fields = targets.fields;
    std::vector<std::string> extra = {"n_sources", "nearest", "nearest_m", "sources", "distance_m"};
    for (const auto& e : extra)
        if (r.targets.field_index(e))
            throw usage_error("reach: the target layer already has a field " + quoted(e) + ". Rename it first.");
    r.targets.fields.push_back({"n_sources", field_type::integer});
    r.targets.fields.push_back({"nearest", field_type::string});
    r.targets.fields.push_back({"nearest_m", field_type::real});
    r.targets.fields.push_back({"sources", field_type::string});
    r.targets.fields.push_back({"distance_m", field_type::real});
    for (std::size_t k = 0; k < pairs.size();) {
        const std::size_t t = pairs[k].target;
        feature f = targets.features[t];
        std::vector<std::string> names;
        std::size_t n = 0;
        for (; k + n < pairs.size() && pairs[k + n].target == t; ++n) {
            const auto& p = pairs[k + n];
            names.push_back(fmt::format("{} ({:.0f} m)", name_of(sources, sn, p.source), p.distance_m));
            r.pairs.rows.push_back({id_of(targets, t), name_of(targets, tn, t), id_of(sources, p.source),
                                    name_of(sources, sn, p.source), p.distance_m});
        }
        f.values.emplace_back(static_cast<std::int64_t>(n));
        f.values.emplace_back(name_of(sources, sn, pairs[k].source));
        f.values.emplace_back(std::round(pairs[k].distance_m * 10) / 10);
        f.values.emplace_back(join(names, "; "));
        f.values.emplace_back(distance_m);
        r.targets.features.push_back(std::move(f));
        k += n;
    }
    return r;
}

} // namespace geo::overlay
