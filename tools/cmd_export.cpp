// zjgeo export: the plan's layers (parks tagged by layout, featured parks,
// science facilities, districts) to GeoJSON, GeoPackage, Shapefile, FlatGeobuf or PG:.
#include "command.hpp"
#include "options.hpp"
#include "parks_options.hpp"

#include <libgeo/core/error.hpp>
#include <libgeo/crs/crs.hpp>
#include <libgeo/crs/transform.hpp>
#include <libgeo/io/output.hpp>
#include <libgeo/io/vector_io.hpp>
#include <libgeo/model/layers.hpp>
#include <libgeo/model/plan.hpp>
#include <libgeo/style/gpkg.hpp>
#include <libgeo/style/style.hpp>

#include <utility>

namespace zjgeo {

namespace {

using geo::model::plan;

/// A layout style fitted to the plan's roles, classifying `field`.
geo::style::style layout_style(const plan& p, const std::string& id, const std::string& field)
{
    auto s = geo::style::resolve_layout_style(geo::style::load_style(id), p.require_layout(id));
    s.field = field;
    return s;
}

/// The styles embedded for an exported layer, the default one last: a layout
/// layer gets its layout's style (on role_id); the parks with every layout get
/// each layout's style (on role_<id>) and, as default, the overlay of the IC,
/// biomedicine and AI layouts; the other embedded layers their base style.
std::vector<geo::style::style> styles_for(const plan& p, const geo::layer& l)
{
    std::vector<geo::style::style> out;
    if (l.name.rfind("layout_", 0) == 0) {
        out.push_back(layout_style(p, l.name.substr(7), "role_id"));
    } else if (l.name == "parks") {
        for (const auto& lo : p.layouts())
            out.push_back(layout_style(p, lo.id, "role_" + lo.id));
        out.push_back(geo::style::load_style("overlay"));
    } else {
        out.push_back(geo::style::load_style(l.name));
    }
    return out;
}

class export_command : public command {
public:
    const command_info& info() const override
    {
        static const command_info i{
            "export",
            "Write the plan's layers (parks by layout, featured parks, facilities, districts) to a GIS file",
            "zjgeo export [--layout ID | --layer NAME | --all] [--members-only] -o OUTPUT [-f FORMAT] [--overwrite]",
            "Writes the parks of 一区二十二园 with their roles in the plan's layouts, or another embedded layer, to "
            "GeoJSON (RFC 7946), GeoPackage, Shapefile, FlatGeobuf or PostgreSQL (PG:).\n\n"
            "Without --layout/--layer/--all: the parks with one attribute per layout (role_ic, role_biomed, role_ai, "
            "role_overall: the role id, null where the park holds none) and n_layouts. --layout ID: the parks tagged "
            "with that layout's roles (role_id, role_zh, role_en, derived = 1 where the park was derived by the "
            "layout's rule for an open role \"X\"). --layer NAME: one embedded layer (parks, featured_parks, "
            "facilities, districts). --all: everything into one GeoPackage (or PG:): one layer per layout "
            "(layout_ic ...), parks, featured_parks, facilities and districts. Every park layer carries area_km2 "
            "(geodesic) and geometry_quality: the embedded geometry is schematic or approximate, not surveyed; "
            "--parks FILE substitutes your boundaries.\n\n"
            "In a GeoPackage every layer gets its map style as the default style (table layer_styles: QML and SLD), "
            "so QGIS opens it styled like 'zjgeo render': layout layers their layout's style, parks the overlay of "
            "the IC, biomedicine and AI layouts (each layout's style stored beside it), the other layers their base "
            "style. --no-styles leaves the table out.",
            "zjgeo export -o parks.geojson\n"
            "zjgeo export --layout ic -o ic.geojson\n"
            "zjgeo export --layout biomed --members-only -o biomed.shp\n"
            "zjgeo export --layer facilities -o facilities.fgb\n"
            "zjgeo export --all -o zjgeo-layers.gpkg --overwrite\n"
            "zjgeo export --all -o PG:dbname=gis\n"
            "zjgeo export --all -o zj.gpkg --parks official.gpkg --park-key name_zh"};
        return i;
    }

    void setup(CLI::App& app) override
    {
        app.add_option("output", out_.path, "Output file or PG: connection (same as -o)");
        app.add_option("-o,--output", output_opt_, "Output file or PG: connection string");
        out_.add_to(app);
        app.add_option("--layout", layout_, "Parks tagged with this layout's roles (ic, biomed, ai, overall)");
        app.add_option("--layer", layer_, "One embedded layer: parks, featured_parks, facilities, districts");
        app.add_flag("--all", all_, "Every layout and embedded layer, into one GeoPackage or PG: database");
        app.add_flag("--no-styles", no_styles_, "GeoPackage: do not embed the map styles (layer_styles)");
        app.add_flag("--members-only", members_only_, "Leave out parks that hold no role (in the layout, or in any layout)");
        app.add_option("--dst-crs", dst_crs_,
                       "Output CRS (default wgs84): cgcs2000, shanghai-tm, EPSG:n, gcj02 ... (GeoJSON stays WGS84)");
        parks_.add_to(app);
    }

    void validate() override
    {
        if (!output_opt_.empty()) {
            if (!out_.path.empty() && out_.path != output_opt_)
                throw geo::usage_error("export: two outputs given (" + geo::quoted(out_.path) + " and " +
                                       geo::quoted(output_opt_) + "). Give one, with -o.");
            out_.path = output_opt_;
        }
        if (out_.path.empty())
            throw geo::usage_error("export: no output. Give one with -o FILE, e.g. -o parks.geojson or -o zj.gpkg.");
        int modes = (!layout_.empty()) + (!layer_.empty()) + (all_ ? 1 : 0);
        if (modes > 1)
            throw geo::usage_error("export: --layout, --layer and --all exclude each other. Give one of them.");
        if (members_only_ && !layer_.empty() && layer_ != "parks")
            throw geo::usage_error("export: --members-only applies to the parks, not to layer " + geo::quoted(layer_) +
                                   ".");
        parks_.validate();
    }

    int run(io_env& env) override
    {
        const std::string driver = geo::driver_for(out_.path, out_.format);
        if (all_ && driver != "GPKG" && driver != "PostgreSQL")
            throw geo::usage_error("export: --all writes several layers; " + driver + " holds one. Write a "
                                   "GeoPackage (-o zjgeo-layers.gpkg) or to PG:, or export one layer at a time.");
        std::optional<geo::crs> dst;
        if (!dst_crs_.empty()) {
            dst = geo::crs::parse(dst_crs_);
            if ((driver == "GeoJSON" || driver == "GeoJSONSeq") && !dst->is_geographic())
                throw geo::usage_error("export: GeoJSON is WGS84 lon/lat (RFC 7946); --dst-crs " +
                                       geo::quoted(dst_crs_) + " applies to GeoPackage, Shapefile, FlatGeobuf and PG:.");
        }
        const plan p = parks_.load(env.err);
        std::vector<geo::layer> layers;
        if (all_) {
            for (const auto& lo : p.layouts())
                layers.push_back(geo::model::layout_layer(p, lo, members_only_));
            layers.push_back(geo::model::parks_layer(p, true, members_only_));
            for (const auto& name : geo::model::embedded_layer_names())
                if (name != "parks")
                    layers.push_back(geo::model::embedded_layer(p, name));
        } else if (!layout_.empty()) {
            layers.push_back(geo::model::layout_layer(p, p.require_layout(layout_), members_only_));
        } else if (!layer_.empty() && layer_ != "parks") {
            layers.push_back(geo::model::embedded_layer(p, layer_));
        } else {
            layers.push_back(geo::model::parks_layer(p, true, members_only_));
        }
        std::vector<const geo::layer*> ptrs;
        for (auto& l : layers) {
            if (dst)
                geo::reproject(l, *dst);
            ptrs.push_back(&l);
        }
        if (driver != "GPKG" || no_styles_) {
            geo::write_layers(out_.path, ptrs, out_.write_options());
            return 0;
        }
        // GeoPackage: write and style in a staging folder, so a failure leaves nothing.
        geo::staged_output staged(out_.path, driver, out_.overwrite);
        auto wo = out_.write_options();
        wo.overwrite = false;
        wo.format = "gpkg";
        geo::write_layers(staged.path().string(), ptrs, wo);
        for (const auto& l : layers)
            for (const auto& st : styles_for(p, l))
                geo::style::embed_gpkg_style(staged.path().string(), l.name, st);
        staged.commit();
        return 0;
    }

private:
    output_options out_;
    std::string output_opt_, layout_, layer_, dst_crs_;
    bool all_ = false;
    bool members_only_ = false;
    bool no_styles_ = false;
    parks_options parks_;
};

} // namespace

} // namespace zjgeo

ZJGEO_REGISTER_COMMAND(zjgeo::export_command)
