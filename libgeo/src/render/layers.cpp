// Preparing the layers of a map: reading sources (embedded data, the plan's
// parks, user files), filtering, projecting to the map CRS and resolving each
// feature's symbol from its style.
#include "internal.hpp"

#include "libgeo/core/data_dir.hpp"
#include "libgeo/core/error.hpp"
#include "libgeo/crs/transform.hpp"
#include "libgeo/io/vector_io.hpp"

#include <algorithm>
#include <charconv>
#include <filesystem>
#include <map>
#include <memory>
#include <regex>
#include <set>

namespace geo::render::detail {

namespace fs = std::filesystem;

namespace {

const std::map<std::string, std::string>& embedded_sources()
{
    static const std::map<std::string, std::string> m = {{"districts", "districts.geojson"},
                                                         {"facilities", "facilities.geojson"},
                                                         {"featured_parks", "featured_parks.geojson"}};
    return m;
}

bool is_raster_path(const std::string& p)
{
    std::string ext = fs::path(p).extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(), ::tolower);
    return ext == ".tif" || ext == ".tiff" || ext == ".vrt" || ext == ".asc" || ext == ".img";
}

std::string resolve_path(const std::string& source, const std::string& base_dir)
{
    fs::path p(source);
    if (p.is_relative() && !base_dir.empty() && !fs::exists(p) && source.find(':') == std::string::npos)
        return (fs::path(base_dir) / p).lexically_normal().string();
    return source;
}

std::optional<double> as_number(const field_value& v)
{
    if (auto i = std::get_if<std::int64_t>(&v))
        return static_cast<double>(*i);
    if (auto d = std::get_if<double>(&v))
        return *d;
    if (auto s = std::get_if<std::string>(&v)) {
        double d = 0;
        auto [p, ec] = std::from_chars(s->data(), s->data() + s->size(), d);
        if (ec == std::errc() && p == s->data() + s->size())
            return d;
    }
    return std::nullopt;
}

/// Keep only the features a filter expression accepts.
void apply_filter(layer& l, const std::string& filter, const std::string& name)
{
    if (filter.empty())
        return;
    static const std::regex cmp(R"(^\s*([^\s=!<>]+)\s*(=|==|!=|<>)\s*(.*?)\s*$)");
    static const std::regex in(R"(^\s*(\S+)\s+(not\s+)?in\s*\((.*)\)\s*$)", std::regex::icase);
    static const std::regex null(R"(^\s*(\S+)\s+is\s+(not\s+)?null\s*$)", std::regex::icase);
    auto unquote = [](std::string v) {
        v.erase(0, v.find_first_not_of(" \t"));
        v.erase(v.find_last_not_of(" \t") + 1);
        if (v.size() >= 2 && (v.front() == '\'' || v.front() == '"') && v.back() == v.front())
            v = v.substr(1, v.size() - 2);
        return v;
    };
    std::smatch m;
    std::string field;
    std::set<std::string> values;
    bool negate = false, null_test = false;
    if (std::regex_match(filter, m, null)) {
        field = m[1];
        negate = m[2].matched;
        null_test = true;
    } else if (std::regex_match(filter, m, in)) {
        field = m[1];
        negate = m[2].matched;
        std::string list = m[3];
        std::size_t start = 0;
        while (start <= list.size()) {
            std::size_t comma = list.find(',', start);
            values.insert(unquote(list.substr(start, comma == std::string::npos ? std::string::npos : comma - start)));
            if (comma == std::string::npos)
                break;
            start = comma + 1;
        }
    } else if (std::regex_match(filter, m, cmp)) {
        field = m[1];
        negate = m[2] == "!=" || m[2] == "<>";
        values.insert(unquote(m[3]));
    } else {
        throw usage_error("render: layer " + geo::quoted(name) + ": cannot read filter " + geo::quoted(filter) +
                          ". Use \"field = value\", \"field != value\", \"field in (a, b)\" or \"field is [not] null\".");
    }
    std::size_t fi = l.require_field(field);
    std::vector<feature> kept;
    for (auto& f : l.features) {
        bool is_null = std::holds_alternative<std::monostate>(f.values[fi]);
        bool hit = null_test ? is_null : (!is_null && values.count(l.text(f, fi)) > 0);
        if (hit != negate)
            kept.push_back(std::move(f));
    }
    l.features = std::move(kept);
}

/// The plan's parks with one role field per layout (role_<layout id>).
layer plan_parks_layer(const model::plan& p)
{
    layer l = p.parks_layer();
    l.name = "parks";
    auto ensure = [&](const std::string& name) {
        auto i = l.field_index(name);
        return i ? *i : l.add_field(name, field_type::string);
    };
    std::size_t id_i = ensure("id"), zh_i = ensure("name_zh"), en_i = ensure("name_en");
    for (const auto& park : p.parks()) {
        auto& f = l.features.at(park.feature_index);
        f.values[id_i] = park.id;
        f.values[zh_i] = park.name_zh;
        f.values[en_i] = park.name_en;
    }
    for (const auto& lay : p.layouts()) {
        std::size_t ri = ensure("role_" + lay.id);
        for (const auto& park : p.parks())
            if (const auto* r = lay.role_of(park.id))
                l.features.at(park.feature_index).values[ri] = r->id;
    }
    return l;
}

/// Categories from the distinct values of the data, coloured from the ramp (e.g. cluster ids).
void categories_from_data(prepared_layer& pl)
{
    auto fi = pl.data.field_index(pl.st.field);
    if (!fi)
        return;
    std::vector<std::string> vals;
    bool numeric = true;
    for (const auto& f : pl.data.features) {
        std::string v = pl.data.text(f, *fi);
        if (v.empty() || v == "-1" || v == "noise")
            continue;
        if (std::find(vals.begin(), vals.end(), v) == vals.end())
            vals.push_back(v);
        numeric = numeric && as_number(f.values[*fi]).has_value();
    }
    std::sort(vals.begin(), vals.end(), [&](const std::string& a, const std::string& b) {
        if (numeric)
            return std::stod(a) < std::stod(b);
        return a < b;
    });
    if (vals.size() > 60)
        vals.resize(60);
    for (std::size_t i = 0; i < vals.size(); ++i) {
        style::category c;
        c.value = vals[i];
        c.label_zh = pl.st.name_zh + " " + vals[i];
        c.sym = pl.st.base;
        c.sym.fill = pl.st.ramp[i % pl.st.ramp.size()];
        pl.st.categories.push_back(std::move(c));
    }
}

void assign_symbols(prepared_layer& pl, std::vector<std::string>& warnings)
{
    auto& st = pl.st;
    std::size_t n = pl.data.features.size();
    pl.category.assign(n, -1);
    if (st.kind == style::style_kind::single)
        return;
    if (st.kind == style::style_kind::overlay) {
        pl.stripes.assign(n, {});
        for (std::size_t i = 0; i < n; ++i)
            for (const auto& part : pl.parts) {
                auto fi = pl.data.field_index(part.field);
                if (!fi)
                    continue;
                std::string v = pl.data.text(pl.data.features[i], *fi);
                for (const auto& c : part.categories)
                    if (!v.empty() && c.value == v && c.sym.fill)
                        pl.stripes[i].push_back(*c.sym.fill);
            }
        return;
    }
    auto fi = pl.data.field_index(st.field);
    if (!fi)
        throw usage_error("render: layer " + geo::quoted(pl.name) + " has no field " + geo::quoted(st.field) + " for style " +
                          geo::quoted(st.id) + ". Pass --field with one of its fields, or use another style.");
    if (st.kind == style::style_kind::graduated) {
        std::vector<double> vals;
        for (const auto& f : pl.data.features)
            if (auto v = as_number(f.values[*fi]))
                vals.push_back(*v);
        if (vals.empty())
            warnings.push_back("layer " + geo::quoted(pl.name) + ": field " + geo::quoted(st.field) + " has no numeric values.");
        if (st.categories.empty() || st.categories.front().max <= st.categories.front().min)
            style::classify(st, vals);
        if (st.legend_zh.empty() && st.legend_en.empty()) {
            st.legend_zh = st.field;
            st.legend_en = "";
        }
    } else if (st.categories.empty() && !st.ramp.empty()) {
        categories_from_data(pl);
    }
    for (std::size_t i = 0; i < n; ++i) {
        const auto& f = pl.data.features[i];
        const style::category* c = nullptr;
        if (st.kind == style::style_kind::graduated) {
            if (auto v = as_number(f.values[*fi]))
                c = st.match(*v);
            else
                c = st.other ? &*st.other : nullptr;
        } else {
            c = st.match(pl.data.text(f, *fi));
        }
        if (!c)
            pl.category[i] = -2;
        else if (st.other && c == &*st.other)
            pl.category[i] = -1;
        else
            pl.category[i] = static_cast<int>(c - st.categories.data());
    }
}

} // namespace

std::vector<prepared_layer> prepare_layers(const map_spec& spec, const render_options& opt,
                                           std::vector<std::string>& warnings)
{
    gdal_init();
    std::unique_ptr<model::plan> plan;
    auto get_plan = [&]() -> const model::plan& {
        if (opt.plan)
            return *opt.plan;
        if (!plan) {
            plan = std::make_unique<model::plan>(model::plan::load(opt.parks));
            std::string sub = plan->substitution().describe();
            if (!sub.empty())
                warnings.push_back(sub);
        }
        return *plan;
    };
    const crs map_crs = crs::shanghai_tm();
    std::vector<prepared_layer> out;
    int user_index = 0;
    for (const auto& ls : spec.layers) {
        prepared_layer pl;
        std::string default_style;
        bool from_plan = ls.source == "parks";
        if (from_plan) {
            const auto& p = get_plan();
            pl.data = plan_parks_layer(p);
            pl.name = "parks";
            pl.plan_parks = p.parks().size();
            for (const auto& park : p.parks())
                pl.user_parks += park.geometry_quality == "user";
            pl.schematic = pl.user_parks < pl.plan_parks;
            pl.user_source = p.substitution().source;
            std::string layout = ls.layout.empty() ? "overall" : ls.layout;
            default_style = layout == "all" ? "overlay" : layout;
            if (layout != "all")
                p.require_layout(layout);
        } else if (auto it = embedded_sources().find(ls.source); it != embedded_sources().end()) {
            pl.data = read_layer(layer_path(it->second).string());
            pl.name = ls.source;
            default_style = ls.source;
            pl.basemap = ls.source == "districts";
            pl.in_extent = !pl.basemap;
        } else {
            std::string path = resolve_path(ls.source, spec.base_dir);
            pl.name = fs::path(path).stem().string();
            if (is_raster_path(path)) {
                if (!fs::exists(path))
                    throw io_error("render: raster " + geo::quoted(path) + " does not exist. Check the path.");
                pl.raster = true;
                pl.raster_path = path;
                pl.in_extent = false;
                default_style = "density";
            } else {
                read_options ro;
                if (!ls.layer.empty())
                    ro.layer = ls.layer;
                pl.data = read_layer(path, ro);
                default_style = "user";
            }
        }
        if (ls.extent)
            pl.in_extent = *ls.extent;
        pl.legend = ls.legend;

        if (!ls.inline_style.is_null())
            pl.st = style::parse_style(ls.inline_style, spec.base_dir.empty() ? "inline style" : "inline style in map file");
        else
            pl.st = style::load_style(ls.style.empty() ? default_style : ls.style);
        if (pl.st.id == "user" && ls.style.empty() && ls.inline_style.is_null()) {
            // Successive user layers get distinct colours.
            static const char* const hues[] = {"#1f78b4", "#e31a1c", "#33a02c", "#6a3d9a", "#ff7f00", "#b15928"};
            auto c = style::color::parse(hues[user_index++ % 6]);
            pl.st.base.stroke = c;
            c.a = 85;
            pl.st.base.fill = c;
            pl.st.name_zh = pl.name;
            pl.st.name_en.clear();
        }
        if (pl.st.id == "districts")
            pl.basemap = true;
        if (pl.basemap && !ls.extent)
            pl.in_extent = false;
        if (!ls.field.empty())
            pl.st.field = ls.field;
        if (ls.label)
            pl.st.label.field = *ls.label;

        if (pl.raster) {
            if (pl.st.kind != style::style_kind::raster)
                throw usage_error("render: " + geo::quoted(pl.raster_path) + " is a raster; give it a raster style such as 'density'.");
            out.push_back(std::move(pl));
            continue;
        }
        if (pl.st.kind == style::style_kind::raster)
            throw usage_error("render: style " + geo::quoted(pl.st.id) + " is for rasters but layer " + geo::quoted(pl.name) +
                              " is a vector layer.");

        // Fit layout styles to the plan's roles.
        if (from_plan && pl.st.kind == style::style_kind::categorized && pl.st.field.rfind("role_", 0) == 0) {
            std::string lay = pl.st.field.substr(5);
            for (const auto& l : get_plan().layouts())
                if (l.id == lay)
                    pl.st = style::resolve_layout_style(pl.st, l, &warnings);
        }
        if (pl.st.kind == style::style_kind::overlay) {
            for (const auto& id : pl.st.layouts) {
                style::style part = style::load_style(id);
                if (from_plan)
                    for (const auto& l : get_plan().layouts())
                        if (l.id == id)
                            part = style::resolve_layout_style(part, l, &warnings);
                pl.parts.push_back(std::move(part));
            }
        }

        // Any layer carrying the plan's geometry_quality (exports, stats joined to the
        // parks) shows the parks' schematic geometry: the map's note says so.
        if (!from_plan)
            if (auto q = pl.data.field_index("geometry_quality"))
                for (const auto& f : pl.data.features) {
                    std::string v = pl.data.text(f, *q);
                    if (v == "schematic" || v == "approximate") {
                        pl.schematic = true;
                        break;
                    }
                }
        apply_filter(pl.data, ls.filter, pl.name);
        std::optional<crs> src;
        if (!ls.src_crs.empty())
            src = crs::parse(ls.src_crs);
        else if (!pl.data.crs)
            src = crs::wgs84(); // GeoJSON/CSV without a CRS are lon/lat
        reproject(pl.data, map_crs, src ? &*src : nullptr);
        assign_symbols(pl, warnings);
        if (!pl.st.label.field.empty()) {
            pl.label_field = pl.data.field_index(pl.st.label.field);
            if (!pl.label_field)
                warnings.push_back("layer " + geo::quoted(pl.name) + " has no label field " + geo::quoted(pl.st.label.field) +
                                   "; drawn without labels.");
        }
        out.push_back(std::move(pl));
    }
    return out;
}

} // namespace geo::render::detail
