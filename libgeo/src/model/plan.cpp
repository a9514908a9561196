// The plan's model: parks.geojson + layouts.json -> geo::model::plan.
#include "libgeo/model/plan.hpp"

#include "libgeo/core/data_dir.hpp"
#include "libgeo/core/error.hpp"
#include "libgeo/crs/crs.hpp"
#include "libgeo/crs/geodesic.hpp"
#include "libgeo/crs/transform.hpp"
#include "libgeo/io/vector_io.hpp"
#include "substitute.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

namespace geo::model {

namespace fs = std::filesystem;

namespace {

const std::vector<std::string> groups = {"city", "pole", "radiant", "clusters"};

std::vector<std::string> split(const std::string& s, char sep = ';')
{
    std::vector<std::string> out;
    std::string part;
    std::istringstream is(s);
    while (std::getline(is, part, sep)) {
        auto b = part.find_first_not_of(" \t");
        auto e = part.find_last_not_of(" \t");
        if (b != std::string::npos)
            out.push_back(part.substr(b, e - b + 1));
    }
    return out;
}

std::string join(const std::vector<std::string>& v, const std::string& sep = ", ")
{
    std::string out;
    for (const auto& s : v)
        out += (out.empty() ? "" : sep) + s;
    return out;
}

/// Reads the park attributes of one feature; errors name the file and feature.
class park_reader {
public:
    park_reader(const layer& l, const std::string& file) : l_(l), file_(file) {}

    std::string text(const feature& f, const std::string& field, bool required) const
    {
        auto i = l_.field_index(field);
        std::string v = i ? l_.text(f, *i) : std::string();
        if (required && v.empty())
            throw format_error(fmt::format("plan: {}: feature {}{}: property {} is missing or empty. "
                                           "Fix the data file (see layers/README.md).",
                                           geo::quoted(file_), f.source_index + 1, id_suffix(f), geo::quoted(field)));
        return v;
    }
    std::optional<double> number(const feature& f, const std::string& field) const
    {
        auto i = l_.field_index(field);
        if (!i)
            return std::nullopt;
        const auto& v = f.values[*i];
        if (std::holds_alternative<double>(v))
            return std::get<double>(v);
        if (std::holds_alternative<std::int64_t>(v))
            return static_cast<double>(std::get<std::int64_t>(v));
        if (std::holds_alternative<std::string>(v) && !std::get<std::string>(v).empty()) {
            try {
                return std::stod(std::get<std::string>(v));
            } catch (const std::exception&) {
                throw format_error(fmt::format("plan: {}: feature {}{}: property {} = {} is not a number.",
                                               geo::quoted(file_), f.source_index + 1, id_suffix(f), geo::quoted(field),
                                               geo::quoted(std::get<std::string>(v))));
            }
        }
        return std::nullopt;
    }

private:
    std::string id_suffix(const feature& f) const
    {
        auto i = l_.field_index("id");
        std::string id = i ? l_.text(f, *i) : "";
        return id.empty() ? "" : " (id " + geo::quoted(id) + ")";
    }
    const layer& l_;
    std::string file_;
};

std::vector<park> read_parks(const layer& l, const std::string& file)
{
    park_reader r(l, file);
    std::vector<park> parks;
    std::set<std::string> ids, names;
    for (std::size_t i = 0; i < l.features.size(); ++i) {
        const feature& f = l.features[i];
        park p;
        p.id = r.text(f, "id", true);
        p.name_zh = r.text(f, "name_zh", true);
        p.name_en = r.text(f, "name_en", false);
        p.districts_zh = split(r.text(f, "districts_zh", false));
        p.district_codes = split(r.text(f, "district_codes", false));
        p.group = r.text(f, "group", true);
        p.group_zh = r.text(f, "group_zh", false);
        p.industries_zh = r.text(f, "industries_zh", false);
        p.industry_tags = split(r.text(f, "industry_tags", false));
        p.planned_area_km2 = r.number(f, "planned_area_km2");
        p.geometry_quality = r.text(f, "geometry_quality", false);
        p.geometry_source = r.text(f, "geometry_source", false);
        p.plan_ref = r.text(f, "plan_ref", false);
        p.feature_index = i;
        const std::string where = fmt::format("plan: {}: feature {} (id {})", geo::quoted(file), f.source_index + 1,
                                              geo::quoted(p.id));
        if (!ids.insert(p.id).second)
            throw format_error(where + ": the id is used twice. Park ids must be unique.");
        if (!names.insert(p.name_zh).second)
            throw format_error(where + ": name_zh " + geo::quoted(p.name_zh) + " is used twice. Names must be unique.");
        if (std::find(groups.begin(), groups.end(), p.group) == groups.end())
            throw format_error(where + ": group " + geo::quoted(p.group) + " is not one of " + join(groups) + ".");
        if (!f.geometry || f.geometry->IsEmpty())
            throw format_error(where + ": no geometry. Every park needs a (Multi)Polygon.");
        auto t = wkbFlatten(f.geometry->getGeometryType());
        if (t != wkbPolygon && t != wkbMultiPolygon)
            throw format_error(where + ": geometry is " + geo::quoted(f.geometry->getGeometryName()) +
                               ", not a (Multi)Polygon.");
        if (p.district_codes.size() != p.districts_zh.size() && !p.districts_zh.empty())
            throw format_error(where + ": districts_zh and district_codes list different numbers of districts.");
        parks.push_back(std::move(p));
    }
    if (parks.empty())
        throw format_error("plan: " + geo::quoted(file) + " holds no park.");
    return parks;
}

std::string json_text(const nlohmann::json& j, const char* key, bool required, const std::string& where)
{
    auto it = j.find(key);
    if (it == j.end() || it->is_null()) {
        if (required)
            throw format_error(where + ": member " + geo::quoted(key) + " is missing.");
        return {};
    }
    if (!it->is_string())
        throw format_error(where + ": member " + geo::quoted(key) + " is not a string.");
    return it->get<std::string>();
}

std::vector<std::string> json_ids(const nlohmann::json& j, const char* key, const std::string& where)
{
    auto it = j.find(key);
    if (it == j.end() || it->is_null())
        return {};
    if (!it->is_array())
        throw format_error(where + ": member " + geo::quoted(key) + " is not an array of park ids.");
    std::vector<std::string> out;
    for (const auto& v : *it) {
        if (!v.is_string())
            throw format_error(where + ": member " + geo::quoted(key) + " holds a non-string entry.");
        out.push_back(v.get<std::string>());
    }
    return out;
}

std::vector<layout> read_layouts(const fs::path& path, const std::vector<park>& parks)
{
    const std::string file = path.string();
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw io_error("plan: cannot open " + geo::quoted(file) + ". Check the file or ZJGEO_DATA_DIR.");
    nlohmann::json doc;
    try {
        doc = nlohmann::json::parse(in);
    } catch (const nlohmann::json::parse_error& e) {
        throw format_error("plan: " + geo::quoted(file) + ": not valid JSON (" + e.what() + "). Fix the file.");
    }
    if (!doc.is_object() || !doc.contains("layouts") || !doc["layouts"].is_array())
        throw format_error("plan: " + geo::quoted(file) + ": expected an object with a \"layouts\" array.");
    std::set<std::string> park_ids;
    for (const auto& p : parks)
        park_ids.insert(p.id);
    std::vector<layout> layouts;
    std::set<std::string> layout_ids;
    std::size_t n = 0;
    for (const auto& jl : doc["layouts"]) {
        ++n;
        std::string where = fmt::format("plan: {}: layout {}", geo::quoted(file), n);
        if (!jl.is_object())
            throw format_error(where + " is not an object.");
        layout lo;
        lo.id = json_text(jl, "id", true, where);
        where = "plan: " + geo::quoted(file) + ": layout " + geo::quoted(lo.id);
        if (!layout_ids.insert(lo.id).second)
            throw format_error(where + ": the layout id is used twice.");
        lo.name_zh = json_text(jl, "name_zh", true, where);
        lo.name_en = json_text(jl, "name_en", false, where);
        lo.pattern_zh = json_text(jl, "pattern_zh", false, where);
        lo.plan_ref = json_text(jl, "plan_ref", false, where);
        lo.plan_quote = json_text(jl, "plan_quote", false, where);
        lo.derivation_rule = json_text(jl, "derivation_rule", false, where);
        if (!jl.contains("roles") || !jl["roles"].is_array() || jl["roles"].empty())
            throw format_error(where + ": member \"roles\" is missing or empty.");
        std::map<std::string, std::string> seen; // park -> role
        for (const auto& jr : jl["roles"]) {
            if (!jr.is_object())
                throw format_error(where + ": a role is not an object.");
            role r;
            r.id = json_text(jr, "id", true, where);
            const std::string rwhere = where + ", role " + geo::quoted(r.id);
            for (const auto& other : lo.roles)
                if (other.id == r.id)
                    throw format_error(rwhere + ": the role id is used twice.");
            r.name_zh = json_text(jr, "name_zh", true, rwhere);
            r.name_en = json_text(jr, "name_en", false, rwhere);
            r.quote = json_text(jr, "quote", false, rwhere);
            r.derivation_rule = json_text(jr, "derivation_rule", false, rwhere);
            if (lo.derivation_rule.empty())
                lo.derivation_rule = r.derivation_rule;
            r.parks = json_ids(jr, "parks", rwhere);
            r.derived = json_ids(jr, "derived", rwhere);
            for (const auto& id : r.members()) {
                if (!park_ids.count(id))
                    throw format_error(rwhere + ": unknown park " + geo::quoted(id) + ". Park ids: " +
                                       join(std::vector<std::string>(park_ids.begin(), park_ids.end())) + ".");
                auto [it, fresh] = seen.emplace(id, r.id);
                if (!fresh)
                    throw format_error(rwhere + ": park " + geo::quoted(id) + " already holds role " + geo::quoted(it->second) +
                                       " in this layout. A park holds at most one role per layout.");
            }
            lo.roles.push_back(std::move(r));
        }
        layouts.push_back(std::move(lo));
    }
    return layouts;
}

} // namespace

std::vector<std::string> role::members() const
{
    std::vector<std::string> out = parks;
    out.insert(out.end(), derived.begin(), derived.end());
    return out;
}

const role* layout::role_of(const std::string& park_id) const
{
    for (const auto& r : roles) {
        if (std::find(r.parks.begin(), r.parks.end(), park_id) != r.parks.end() ||
            std::find(r.derived.begin(), r.derived.end(), park_id) != r.derived.end())
            return &r;
    }
    return nullptr;
}

const role& layout::require_role(const std::string& role_id) const
{
    for (const auto& r : roles)
        if (r.id == role_id)
            return r;
    std::vector<std::string> ids;
    for (const auto& r : roles)
        ids.push_back(r.id + " (" + r.name_zh + ")");
    throw usage_error("plan: layout " + geo::quoted(id) + " has no role " + geo::quoted(role_id) + ". Its roles: " + join(ids) +
                      ".");
}

plan plan::load(const parks_source& src)
{
    return load_from(data_dir() / "layers", src);
}

plan plan::load_from(const fs::path& layers_dir, const parks_source& src)
{
    plan p;
    p.layers_dir_ = layers_dir;
    const fs::path parks_path = layers_dir / "parks.geojson";
    if (!fs::exists(parks_path))
        throw io_error("plan: embedded file " + geo::quoted(parks_path.string()) +
                       " is missing. Reinstall zjgeo or set ZJGEO_DATA_DIR.");
    p.parks_layer_ = read_layer(parks_path.string());
    const crs wgs = crs::wgs84(); // GeoJSON is lon/lat WGS84 even when GDAL reports no CRS
    reproject(p.parks_layer_, wgs, p.parks_layer_.crs ? nullptr : &wgs);
    p.parks_layer_.name = "parks";
    p.parks_ = read_parks(p.parks_layer_, parks_path.string());
    p.layouts_ = read_layouts(layers_dir / "layouts.json", p.parks_);
    if (!src.path.empty())
        p.substitution_ = detail::substitute(p.parks_layer_, p.parks_, src);
    return p;
}

const park* plan::find_park(const std::string& id_or_name_zh) const
{
    const std::string key = detail::match_key(id_or_name_zh);
    for (const auto& p : parks_)
        if (detail::match_key(p.id) == key || p.name_zh == id_or_name_zh)
            return &p;
    return nullptr;
}

const park& plan::require_park(const std::string& id_or_name_zh) const
{
    if (const park* p = find_park(id_or_name_zh))
        return *p;
    std::vector<std::string> ids;
    for (const auto& p : parks_)
        ids.push_back(p.id);
    throw usage_error("plan: no park " + geo::quoted(id_or_name_zh) + ". Park ids: " + join(ids) +
                      " (Chinese names work too; see 'zjgeo parks').");
}

const layout& plan::require_layout(const std::string& id) const
{
    for (const auto& l : layouts_)
        if (l.id == id)
            return l;
    std::vector<std::string> ids;
    for (const auto& l : layouts_)
        ids.push_back(l.id);
    throw usage_error("plan: no layout " + geo::quoted(id) + ". Layouts: " + join(ids) + " (see 'zjgeo layouts').");
}

std::map<std::string, std::string> plan::roles_of(const std::string& park_id) const
{
    std::map<std::string, std::string> out;
    for (const auto& l : layouts_)
        if (const role* r = l.role_of(park_id))
            out[l.id] = r->id;
    return out;
}

const OGRGeometry& plan::geometry(const park& p) const
{
    return *parks_layer_.features.at(p.feature_index).geometry;
}

double plan::area_km2(const park& p) const { return geodesic_area_km2(geometry(p)); }

std::string substitution_report::describe() const
{
    if (source.empty())
        return {};
    std::string out;
    if (key_auto_detected)
        out += "parks: " + geo::quoted(source) + ": matched parks by field " + geo::quoted(key_field) +
               " (auto-detected; give --park-key to choose).\n";
    if (!unmatched_parks.empty())
        out += fmt::format("parks: {}: {} of {} parks have no feature there and keep the embedded geometry: {}.\n",
                           geo::quoted(source), unmatched_parks.size(), unmatched_parks.size() + matched.size(),
                           join(unmatched_parks));
    for (const auto& v : unmatched_values)
        out += "parks: " + geo::quoted(source) + ": " + geo::quoted(key_field) + " value " + geo::quoted(v) +
               " matches no park id or Chinese name; that feature is ignored. See 'zjgeo parks' for the names.\n";
    return out;
}

} // namespace geo::model
