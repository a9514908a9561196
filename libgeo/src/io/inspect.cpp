#include "libgeo/io/inspect.hpp"

#include "libgeo/core/error.hpp"
#include "io/gdal_detail.hpp"

#include <cmath>
#include <fmt/format.h>
#include <nlohmann/json.hpp>

namespace geo {

std::string epsg_code(const OGRSpatialReference& srs)
{
    auto code_of = [](const OGRSpatialReference& s) -> std::string {
        for (const char* key : {static_cast<const char*>(nullptr), "GEOGCS", "PROJCS"}) {
            const char* auth = s.GetAuthorityName(key);
            const char* code = s.GetAuthorityCode(key);
            if (auth && code && std::string(auth) == "EPSG")
                return std::string("EPSG:") + code;
            if (!key) // only the root node decides; sub-nodes are for identification below
                break;
        }
        return {};
    };
    if (auto c = code_of(srs); !c.empty())
        return c;
    // Shapefile .prj files carry ESRI WKT without codes: ask PROJ for a confident match.
    int count = 0;
    int* confidence = nullptr;
    OGRSpatialReferenceH* matches = srs.FindMatches(nullptr, &count, &confidence);
    std::string out;
    if (matches && count > 0 && confidence && confidence[0] >= 90)
        out = code_of(*OGRSpatialReference::FromHandle(matches[0]));
    OSRFreeSRSArray(matches);
    CPLFree(confidence);
    return out;
}

dataset_summary inspect(const std::string& source, const inspect_options& opt)
{
    auto ds = detail::open_source(source, opt.read);
    dataset_summary out;
    out.source = source;
    out.driver = ds->GetDriver() ? ds->GetDriver()->GetDescription() : "";

    std::vector<OGRLayer*> layers;
    if (opt.read.layer) {
        OGRLayer* l = ds->GetLayerByName(opt.read.layer->c_str());
        if (!l) {
            std::string names;
            for (auto* x : ds->GetLayers())
                names += (names.empty() ? "" : ", ") + std::string(x->GetName());
            throw usage_error("read: " + quoted(source) + " has no layer " + quoted(*opt.read.layer) +
                              ". Layers: " + (names.empty() ? "(none)" : names) + ".");
        }
        layers.push_back(l);
    } else {
        for (auto* l : ds->GetLayers())
            layers.push_back(l);
    }

    std::uint64_t total = 0;
    if (opt.check_validity)
        for (auto* l : layers)
            total += static_cast<std::uint64_t>(std::max<GIntBig>(0, l->GetFeatureCount(TRUE)));
    std::uint64_t done = 0;

    for (OGRLayer* ol : layers) {
        layer_summary ls;
        ls.name = ol->GetName();
        if (opt.read.bbox) {
            const auto& b = *opt.read.bbox;
            ol->SetSpatialFilterRect(b[0], b[1], b[2], b[3]);
        }
        ls.feature_count = ol->GetFeatureCount(TRUE);
        OGRwkbGeometryType gt = ol->GetGeomType();
        ls.geometry_type = gt == wkbNone ? "None" : OGRGeometryTypeToName(gt);
        if (const OGRSpatialReference* srs = ol->GetSpatialRef()) {
            ls.crs_code = epsg_code(*srs);
            const char* nm = srs->GetName();
            ls.crs_name = nm ? nm : "unnamed";
            ls.geographic = srs->IsGeographic();
        }
        OGREnvelope env;
        if (ls.feature_count > 0 && gt != wkbNone && ol->GetExtent(&env, TRUE) == OGRERR_NONE)
            ls.extent = std::array<double, 4>{env.MinX, env.MinY, env.MaxX, env.MaxY};
        OGRFeatureDefn* defn = ol->GetLayerDefn();
        for (int i = 0; i < defn->GetFieldCount(); ++i) {
            OGRFieldDefn* fd = defn->GetFieldDefn(i);
            std::string type = OGRFieldDefn::GetFieldTypeName(fd->GetType());
            if (fd->GetSubType() != OFSTNone)
                type += std::string("(") + OGRFieldDefn::GetFieldSubTypeName(fd->GetSubType()) + ")";
            ls.fields.push_back({fd->GetNameRef(), type});
        }
        if (opt.check_validity && gt != wkbNone) {
            ls.validity_checked = true;
            ol->ResetReading();
            CPLErrorReset();
            std::int64_t n = 0;
            for (;;) {
                detail::ogr_feature_ptr f(ol->GetNextFeature());
                if (!f) {
                    if (CPLGetLastErrorType() >= CE_Failure)
                        throw format_error(fmt::format("read: {}: after feature {}: {}. Check that the file is valid.",
                                                       quoted(source), n, detail::last_gdal_error()));
                    break;
                }
                ++n;
                const OGRGeometry* g = f->GetGeometryRef();
                if (!g) {
                    ++ls.null_geometries;
                } else if (validity v = check_validity(*g); !v.valid) {
                    ++ls.invalid_count;
                    if (ls.first_invalid.size() < opt.max_reasons)
                        ls.first_invalid.push_back({n, v});
                }
                if (opt.on_progress && (++done % 1024 == 0))
                    opt.on_progress(done, total);
            }
        }
        out.layers.push_back(std::move(ls));
    }
    if (opt.on_progress)
        opt.on_progress(done, total);
    return out;
}

namespace {

std::string coord(double v, bool geographic) { return fmt::format("{:.{}f}", v, geographic ? 7 : 3); }

std::string crs_text(const layer_summary& l)
{
    if (l.crs_name.empty())
        return "none (give one with --src-crs when converting)";
    if (l.crs_code.empty())
        return l.crs_name;
    return l.crs_code + " (" + l.crs_name + ")";
}

} // namespace

std::string to_text(const dataset_summary& s)
{
    std::string o = fmt::format("{} ({}), {} layer{}\n", s.source, s.driver, s.layers.size(),
                                s.layers.size() == 1 ? "" : "s");
    for (const auto& l : s.layers) {
        o += fmt::format("\nLayer '{}'\n", l.name);
        o += fmt::format("  Features:  {}\n", l.feature_count);
        o += fmt::format("  Geometry:  {}\n", l.geometry_type);
        o += fmt::format("  CRS:       {}\n", crs_text(l));
        if (l.extent) {
            const auto& e = *l.extent;
            o += fmt::format("  Extent:    ({}, {}) - ({}, {})\n", coord(e[0], l.geographic), coord(e[1], l.geographic),
                             coord(e[2], l.geographic), coord(e[3], l.geographic));
        }
        o += fmt::format("  Fields:    {}\n", l.fields.size());
        std::size_t width = 0;
        for (const auto& f : l.fields)
            width = std::max(width, f.name.size());
        for (const auto& f : l.fields)
            o += fmt::format("    {}{}  {}\n", f.name, std::string(width - f.name.size(), ' '), f.type);
        if (!l.validity_checked)
            continue;
        if (l.invalid_count == 0)
            o += "  Validity:  all geometries valid";
        else
            o += fmt::format("  Validity:  {} of {} geometries invalid", l.invalid_count, l.feature_count);
        if (l.null_geometries > 0)
            o += fmt::format(", {} without geometry", l.null_geometries);
        o += "\n";
        for (const auto& inv : l.first_invalid)
            o += fmt::format("    feature {}: {}\n", inv.feature, inv.reason.describe());
        if (l.invalid_count > static_cast<std::int64_t>(l.first_invalid.size()))
            o += fmt::format("    ... and {} more\n", l.invalid_count - static_cast<std::int64_t>(l.first_invalid.size()));
        if (l.invalid_count > 0)
            o += "  Repair with: zjgeo convert --make-valid\n";
    }
    return o;
}

std::string to_json(const dataset_summary& s)
{
    using nlohmann::ordered_json;
    ordered_json j;
    j["source"] = s.source;
    j["driver"] = s.driver;
    j["layers"] = ordered_json::array();
    for (const auto& l : s.layers) {
        ordered_json jl;
        jl["name"] = l.name;
        jl["feature_count"] = l.feature_count;
        jl["geometry_type"] = l.geometry_type;
        if (l.crs_name.empty())
            jl["crs"] = nullptr;
        else
            jl["crs"] = {{"code", l.crs_code.empty() ? ordered_json(nullptr) : ordered_json(l.crs_code)},
                         {"name", l.crs_name}};
        if (l.extent)
            jl["extent"] = {(*l.extent)[0], (*l.extent)[1], (*l.extent)[2], (*l.extent)[3]};
        else
            jl["extent"] = nullptr;
        jl["fields"] = ordered_json::array();
        for (const auto& f : l.fields)
            jl["fields"].push_back({{"name", f.name}, {"type", f.type}});
        if (l.validity_checked) {
            ordered_json v;
            v["invalid"] = l.invalid_count;
            v["without_geometry"] = l.null_geometries;
            v["first_invalid"] = ordered_json::array();
            for (const auto& inv : l.first_invalid) {
                ordered_json r{{"feature", inv.feature}, {"reason", inv.reason.reason}};
                if (inv.reason.x && inv.reason.y)
                    r["location"] = {*inv.reason.x, *inv.reason.y};
                v["first_invalid"].push_back(r);
            }
            jl["validity"] = v;
        } else {
            jl["validity"] = nullptr;
        }
        j["layers"].push_back(jl);
    }
    return j.dump(2) + "\n";
}

} // namespace geo
