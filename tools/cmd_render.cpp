// zjgeo render: draw a map (PNG, SVG or PDF) from a map file or from shortcuts
// (a layout, the layouts overlaid, a choropleth, a cluster/density map, user layers).
#include "command.hpp"

#include <libgeo/core/error.hpp>
#include <libgeo/io/output.hpp>
#include <libgeo/render/render.hpp>
#include <libgeo/style/style.hpp>

#include "options.hpp"
#include "parks_options.hpp"

#include <algorithm>
#include <filesystem>
#include <memory>

namespace zjgeo {

class render_command : public command {
public:
    const command_info& info() const override
    {
        static const command_info i{
            "render",
            "Draw a map of the plan or of any layers as PNG, SVG or PDF",
            "zjgeo render [MAPFILE] -o OUT.png|svg|pdf [--layout ID|all | --overlay] [--choropleth FILE --field F]\n"
            "       [--cluster FILE] [--density FILE.tif] [--layer FILE]... [options]",
            "Renders a map with Cairo and Pango (Noto CJK fonts): district basemap with Chinese names,\n"
            "the layers, park labels placed without collisions (moved with a leader line or dropped\n"
            "when there is no room), title, legend generated from the styles, metric scale bar,\n"
            "north arrow and the source/accuracy note, projected in the Shanghai transverse Mercator.\n"
            "A MAPFILE (JSON, see examples/) describes layers, styles, filters, title, extent and size;\n"
            "the shortcuts build one: --layout ic|biomed|ai|overall colours the parks by their role in\n"
            "that layout, --layout all (or --overlay) hatches each park with the roles it carries across\n"
            "the IC, biomedicine and AI layouts, --choropleth draws a statistics layer (from\n"
            "'zjgeo stats --join-to') in graduated classes, --cluster/--density draw the output of\n"
            "'zjgeo cluster', --layer adds any vector layer. The format comes from the extension or -f.\n"
            "Identical input gives identical output (no timestamps). The embedded park boundaries are\n"
            "schematic; the map says so. --parks FILE draws your boundaries instead (as in 'zjgeo parks').",
            "zjgeo render --layout ic -o ic.png\n"
            "zjgeo render --overlay -o overlay.pdf\n"
            "zjgeo render examples/ic.map.json -o ic.svg --labels-out ic-labels.json\n"
            "zjgeo render --choropleth parks-stats.gpkg --field enterprises -o stats.png\n"
            "zjgeo render --density density.tif --cluster clusters.gpkg -o density.png\n"
            "zjgeo render --layout biomed --layer landuse.gpkg --bbox 121.45,31.05,121.75,31.3 -o zoom.pdf\n"
            "zjgeo render --layout ic --parks official.gpkg --park-key name_zh -o ic-official.png"};
        return i;
    }

    void setup(CLI::App& app) override
    {
        app.add_option("MAPFILE", mapfile_, "Map file (JSON) describing the map");
        app.add_option("-o,--output", output_, "Output PNG, SVG or PDF")->required();
        app.add_option("-f,--of,--format", format_, "png, svg or pdf (default: from the extension)");
        app.add_flag("--overwrite", overwrite_, "Replace an existing output");
        app.add_option("--layout", layout_, "Parks coloured by role in a layout: ic, biomed, ai, overall; all = overlay");
        app.add_flag("--overlay", overlay_, "The IC, biomedicine and AI layouts overlaid (same as --layout all)");
        app.add_option("--choropleth", choropleth_, "Statistics layer to draw in graduated classes");
        app.add_option("--field", field_, "Field of the --choropleth (or --cluster) layer to classify");
        app.add_option("--classes", classes_, "Number of choropleth classes (1-12)")->check(CLI::Range(1, 12));
        app.add_option("--method", method_, "Choropleth classes: quantile or equal")->check(CLI::IsMember({"quantile", "equal"}));
        app.add_option("--cluster", cluster_, "Cluster layer (points or polygons, field 'cluster')");
        app.add_option("--density", density_, "Density raster (GeoTIFF) drawn with a colour ramp");
        app.add_option("--layer", layers_, "Add a vector layer (repeatable)");
        app.add_option("--layer-style", layer_styles_, "Style for the --layer of the same position (name or .json)");
        app.add_option("--style", style_, "Style for the main layer (--layout/--choropleth/--cluster) instead of the default");
        app.add_option("--title", title_, "Title (Chinese)");
        app.add_option("--title-en", title_en_, "Title (English)");
        app.add_option("--bbox", bbox_, "Map extent lon_min,lat_min,lon_max,lat_max (WGS84)");
        app.add_option("--extent", extent_, "auto, parks, districts or layers")->check(CLI::IsMember({"auto", "parks", "districts", "layers"}));
        app.add_option("--width", width_, "Page width: px (1600) or mm/cm/in (297mm); default A4 landscape");
        app.add_option("--height", height_, "Page height: px or mm/cm/in");
        app.add_option("--dpi", dpi_, "Resolution (PNG pixels per inch; scales text and lines)")->check(CLI::Range(36.0, 1200.0));
        app.add_flag("--no-legend", no_legend_, "Leave out the legend");
        app.add_flag("--no-basemap", no_basemap_, "Leave out the district basemap (shortcut maps)");
        app.add_option("--note", note_, "Extra source note printed under the map");
        app.add_option("--labels-out", labels_out_, "Write the placed labels, dropped labels and legend entries as JSON");
        parks_.add_to(app);
    }

    void validate() override
    {
        if (overlay_) {
            if (!layout_.empty() && layout_ != "all")
                throw geo::usage_error("render: --overlay is --layout all; drop --layout " + geo::quoted(layout_) + ".");
            layout_ = "all";
        }
        if (!layout_.empty()) {
            const auto& ids = geo::style::layout_style_ids();
            if (layout_ != "all" && std::find(ids.begin(), ids.end(), layout_) == ids.end())
                throw geo::usage_error("render: unknown layout " + geo::quoted(layout_) +
                                       ". Use ic, biomed, ai, overall or all.");
        }
        bool shortcut = !layout_.empty() || !choropleth_.empty() || !cluster_.empty() || !density_.empty() ||
                        !layers_.empty();
        if (mapfile_.empty() && !shortcut)
            throw geo::usage_error("render: nothing to draw. Give a MAPFILE or --layout, --overlay, --choropleth, "
                                   "--cluster, --density or --layer.");
        if (!mapfile_.empty() && (!layout_.empty() || !choropleth_.empty() || !cluster_.empty() || !density_.empty()))
            throw geo::usage_error("render: a MAPFILE lists its own layers; only --layer may add more.");
        if (!choropleth_.empty() && field_.empty())
            throw geo::usage_error("render: --choropleth needs --field, the statistic to classify.");
        if (layer_styles_.size() > layers_.size())
            throw geo::usage_error("render: more --layer-style than --layer options.");
        geo::render::format_for(output_, format_);
        if (!bbox_.empty())
            parse_bbox(bbox_);
        parks_.validate();
    }

    int run(io_env& env) override
    {
        geo::render::map_spec spec;
        if (!mapfile_.empty()) {
            spec = geo::render::load_map_spec(mapfile_);
        } else {
            spec = shortcut_spec();
        }
        for (std::size_t i = 0; i < layers_.size(); ++i) {
            geo::render::layer_spec l;
            l.source = layers_[i];
            if (i < layer_styles_.size())
                l.style = layer_styles_[i];
            spec.layers.push_back(l);
        }
        if (!title_.empty())
            spec.title_zh = title_;
        if (!title_en_.empty())
            spec.title_en = title_en_;
        if (dpi_ > 0) {
            // Keep a map file's physical size when only the resolution changes.
            double k = dpi_ / spec.dpi;
            spec.width_px = std::round(spec.width_px * k);
            spec.height_px = std::round(spec.height_px * k);
            spec.dpi = dpi_;
        }
        if (!width_.empty())
            spec.width_px = geo::render::parse_length(width_, spec.dpi, "--width");
        if (!height_.empty())
            spec.height_px = geo::render::parse_length(height_, spec.dpi, "--height");
        if (!bbox_.empty())
            spec.bbox = parse_bbox(bbox_);
        if (!extent_.empty())
            spec.extent = extent_;
        if (no_legend_)
            spec.legend = false;
        if (!note_.empty())
            spec.note = note_;

        if (!labels_out_.empty() && std::filesystem::exists(labels_out_) && !overwrite_)
            throw geo::usage_error("render: " + geo::quoted(labels_out_) + " exists. Use --overwrite to replace it.");
        // The plan is loaded here (only when the map draws its parks) so that
        // --parks reports what matched exactly as the other commands do.
        bool draws_parks = std::any_of(spec.layers.begin(), spec.layers.end(),
                                       [](const geo::render::layer_spec& l) { return l.source == "parks"; });
        std::unique_ptr<geo::model::plan> plan;
        if (draws_parks)
            plan = std::make_unique<geo::model::plan>(parks_.load(env.err));
        else if (!parks_.path.empty())
            env.err << "render: warning: the map draws no plan parks (source \"parks\"); --parks "
                    << geo::quoted(parks_.path) << " is not used.\n";
        geo::render::render_options opt;
        opt.plan = plan.get();
        opt.output = output_;
        opt.format = format_;
        opt.overwrite = overwrite_;
        auto result = geo::render::render_map(spec, opt);
        for (const auto& w : result.warnings)
            env.err << "render: warning: " << w << "\n";
        if (!labels_out_.empty())
            geo::write_text_file(labels_out_, geo::render::result_json(result), overwrite_);
        if (!quiet) {
            env.err << "render: wrote " << output_ << " (" << result.width_px << "x" << result.height_px << " px, "
                    << result.labels.size() << " labels";
            if (!result.dropped.empty())
                env.err << ", " << result.dropped.size() << " dropped for lack of room";
            env.err << ")\n";
        }
        return 0;
    }

private:
    geo::render::map_spec shortcut_spec() const
    {
        geo::render::map_spec spec;
        if (!no_basemap_)
            spec.layers.push_back({.source = "districts"});
        if (!density_.empty())
            spec.layers.push_back({.source = density_, .style = "density"});
        if (!choropleth_.empty()) {
            geo::render::layer_spec l{.source = choropleth_, .field = field_};
            if (style_.empty() && (classes_ > 0 || !method_.empty())) {
                // An inline copy of the choropleth style with the requested classes.
                nlohmann::json j = {{"id", "choropleth"}, {"kind", "graduated"}, {"field", field_},
                                    {"name_zh", field_}, {"classes", classes_ > 0 ? classes_ : 5},
                                    {"method", method_.empty() ? "quantile" : method_}};
                auto base = geo::style::load_style("choropleth");
                nlohmann::json ramp = nlohmann::json::array();
                for (const auto& c : base.ramp)
                    ramp.push_back(c.hex());
                j["ramp"] = ramp;
                j["symbol"] = {{"stroke", "#666666"}, {"stroke_width", 0.2}};
                j["label"] = {{"field", base.label.field}, {"size", base.label.size_pt}};
                l.inline_style = j;
            } else {
                l.style = style_.empty() ? "choropleth" : style_;
            }
            spec.layers.push_back(l);
            spec.title_zh = "统计专题图：" + field_;
            spec.title_en = "Statistics: " + field_;
        }
        if (!layout_.empty()) {
            geo::render::layer_spec l{.source = "parks", .layout = layout_, .style = style_};
            spec.layers.push_back(l);
            auto st = geo::style::load_style(layout_ == "all" ? "overlay" : layout_);
            spec.title_zh = "张江高新区 " + st.name_zh;
            spec.title_en = "Zhangjiang High-tech Zone: " + st.name_en;
            spec.extent = "parks";
        }
        if (!cluster_.empty()) {
            geo::render::layer_spec l{.source = cluster_, .style = style_.empty() ? "cluster" : style_};
            if (!field_.empty() && choropleth_.empty())
                l.field = field_;
            spec.layers.push_back(l);
        }
        if (!density_.empty() || !cluster_.empty()) {
            if (spec.title_zh.empty()) {
                spec.title_zh = "聚类与密度";
                spec.title_en = "Clusters and density";
            }
        }
        if (spec.title_zh.empty() && !layers_.empty()) {
            spec.title_zh = "张江高新区";
            spec.title_en = "Zhangjiang High-tech Zone";
        }
        return spec;
    }

    std::string mapfile_, output_, format_, layout_, choropleth_, field_, method_, cluster_, density_, style_;
    std::string title_, title_en_, bbox_, extent_, width_, height_, note_, labels_out_;
    std::vector<std::string> layers_, layer_styles_;
    int classes_ = 0;
    double dpi_ = 0;
    bool overwrite_ = false, overlay_ = false, no_legend_ = false, no_basemap_ = false;
    parks_options parks_;
};

ZJGEO_REGISTER_COMMAND(render_command)

} // namespace zjgeo
