// zjgeo styles: write the map styles as QGIS QML, SLD or MapLibre JSON, or
// embed one as the default style of a GeoPackage layer.
#include "command.hpp"

#include <libgeo/core/error.hpp>
#include <libgeo/io/output.hpp>
#include <libgeo/model/plan.hpp>
#include <libgeo/style/export.hpp>
#include <libgeo/style/gpkg.hpp>
#include <libgeo/style/style.hpp>

#include <filesystem>
#include <iostream>
#include <optional>

namespace zjgeo {

namespace fs = std::filesystem;

class styles_command : public command {
public:
    const command_info& info() const override
    {
        static const command_info i{
            "styles",
            "Write map styles as QGIS QML, SLD or MapLibre JSON, or embed them in a GeoPackage",
            "zjgeo styles [--list] | (--layout ID | --style NAME) [--format qml|sld|maplibre] [-o FILE|DIR] | "
            "--embed FILE.gpkg --layer NAME (--layout ID | --style NAME)",
            "The styles in styles/ (one per layout: ic, biomed, ai, overall; 'overlay' for the layouts\n"
            "overlaid; base styles: districts, facilities, featured_parks, choropleth, cluster, density, user)\n"
            "are the ones 'zjgeo render' draws with. This command writes them for other tools: QGIS QML\n"
            "(categorized renderer, one category per layout role, simple labels), SLD 1.1.0/SE (one rule\n"
            "per role) or a MapLibre style. Layout styles are fitted to the plan's roles first. Layout\n"
            "styles classify parks by the field role_<layout> (role_ic, role_biomed, ...); --field\n"
            "changes it. --embed stores the QML and SLD as the default style of a GeoPackage layer\n"
            "(table layer_styles), so QGIS opens the layer styled. Without -o a single document goes\n"
            "to standard output; with several styles or formats -o names a folder.",
            "zjgeo styles --list\n"
            "zjgeo styles --layout ic --format qml -o ic.qml\n"
            "zjgeo styles --layout all -o styles-out/\n"
            "zjgeo styles --style districts --format sld\n"
            "zjgeo styles --embed parks.gpkg --layer parks --layout ic"};
        return i;
    }

    void setup(CLI::App& app) override
    {
        app.add_flag("--list", list_, "List the available styles");
        app.add_option("--layout", layout_, "Layout style: ic, biomed, ai, overall, overlay or all");
        app.add_option("--style", style_, "Any style by name (see --list) or path of a style .json; 'all' = every style");
        app.add_option("--format,-f,--of", format_, "qml, sld or maplibre (default: all three, into a folder)");
        app.add_option("-o,--output", output_, "Output file, or folder for several styles/formats (default: stdout)");
        app.add_option("--embed", embed_, "GeoPackage to embed the style in (table layer_styles)");
        app.add_option("-l,--layer", layer_, "Layer the style is for: the GeoPackage layer with --embed; the SLD "
                                             "NamedLayer and MapLibre source name otherwise");
        app.add_option("--field", field_, "Attribute the style classifies (default: the style's, e.g. role_ic)");
        app.add_flag("--overwrite", overwrite_, "Replace existing output files");
    }

    void validate() override
    {
        int picks = !layout_.empty() + !style_.empty();
        if (list_) {
            if (picks || !embed_.empty())
                throw geo::usage_error("styles: --list takes no other option.");
            return;
        }
        if (picks != 1)
            throw geo::usage_error("styles: give one of --layout ID or --style NAME (or --list).");
        if (!format_.empty())
            geo::style::parse_export_format(format_);
        if (!embed_.empty()) {
            if (layer_.empty())
                throw geo::usage_error("styles: --embed needs --layer NAME, the GeoPackage layer to style.");
            if (!output_.empty() || !format_.empty())
                throw geo::usage_error("styles: --embed writes into the GeoPackage; drop -o/--format.");
            if (layout_ == "all" || style_ == "all")
                throw geo::usage_error("styles: --embed takes one style, not 'all'.");
        }
    }

    int run(io_env& env) override
    {
        if (list_) {
            for (const auto& name : geo::style::list_styles()) {
                auto s = geo::style::load_style(name);
                env.out << name << "\t" << to_string(s.kind) << "\t" << s.title() << "\n";
            }
            return 0;
        }
        std::vector<std::string> names;
        if (layout_ == "all") {
            names = geo::style::layout_style_ids();
            names.push_back("overlay");
        } else if (!layout_.empty()) {
            check_layout(layout_);
            names = {layout_};
        } else if (style_ == "all") {
            for (const auto& n : geo::style::list_styles())
                if (geo::style::load_style(n).kind != geo::style::style_kind::raster)
                    names.push_back(n);
        } else {
            names = {style_};
        }
        std::vector<geo::style::style> styles;
        for (const auto& n : names)
            styles.push_back(resolved(n, env));

        if (!embed_.empty()) {
            geo::style::embed_gpkg_style(embed_, layer_, styles.front());
            if (!quiet)
                env.err << "styles: " << embed_ << ": layer " << geo::quoted(layer_) << " now has default style "
                        << geo::quoted(styles.front().id) << " (layer_styles).\n";
            return 0;
        }
        std::vector<geo::style::export_format> formats;
        if (format_.empty())
            formats = {geo::style::export_format::qml, geo::style::export_format::sld,
                       geo::style::export_format::maplibre};
        else
            formats = {geo::style::parse_export_format(format_)};

        bool many = styles.size() * formats.size() > 1;
        if (output_.empty()) {
            if (many)
                throw geo::usage_error("styles: several documents to write; give -o FOLDER (or one --format and one style).");
            env.out << export_one(styles.front(), formats.front());
            return 0;
        }
        bool to_dir = many || fs::is_directory(output_) || output_.back() == '/';
        if (to_dir) {
            std::error_code ec;
            fs::create_directories(output_, ec);
            if (ec)
                throw geo::io_error("styles: cannot create folder " + geo::quoted(output_) + " (" + ec.message() + ").");
            // Check every destination before writing any.
            for (const auto& s : styles)
                for (auto f : formats) {
                    fs::path p = fs::path(output_) / (s.id + "." + geo::style::extension(f));
                    if (fs::exists(p) && !overwrite_)
                        throw geo::usage_error("styles: " + geo::quoted(p.string()) + " exists. Use --overwrite to replace it.");
                }
            for (const auto& s : styles)
                for (auto f : formats) {
                    fs::path p = fs::path(output_) / (s.id + "." + geo::style::extension(f));
                    geo::write_text_file(p, export_one(s, f), overwrite_);
                    if (!quiet)
                        env.err << "styles: wrote " << p.string() << "\n";
                }
            return 0;
        }
        geo::write_text_file(output_, export_one(styles.front(), formats.front()), overwrite_);
        return 0;
    }

private:
    static void check_layout(const std::string& id)
    {
        const auto& ids = geo::style::layout_style_ids();
        if (id != "overlay" && std::find(ids.begin(), ids.end(), id) == ids.end())
            throw geo::usage_error("styles: unknown layout " + geo::quoted(id) +
                                   ". Use ic, biomed, ai, overall, overlay or all.");
    }

    std::string layer_name(const geo::style::style& s) const
    {
        if (!layer_.empty())
            return layer_;
        if (s.field.rfind("role_", 0) == 0 || s.kind == geo::style::style_kind::overlay)
            return "parks";
        return s.id;
    }

    std::string export_one(const geo::style::style& s, geo::style::export_format f) const
    {
        return geo::style::export_style(s, f, layer_name(s));
    }

    geo::style::style resolved(const std::string& name, io_env& env)
    {
        geo::style::style s = geo::style::load_style(name);
        if (s.kind == geo::style::style_kind::categorized && s.field.rfind("role_", 0) == 0) {
            // Fit the role categories to the plan (its role ids, order and names).
            try {
                if (!plan_)
                    plan_ = geo::model::plan::load();
                std::vector<std::string> warnings;
                for (const auto& l : plan_->layouts())
                    if ("role_" + l.id == s.field)
                        s = geo::style::resolve_layout_style(s, l, &warnings);
                for (const auto& w : warnings)
                    env.err << "styles: warning: " << w << "\n";
            } catch (const geo::io_error& e) {
                env.err << "styles: warning: the plan could not be loaded (" << e.what()
                        << "); roles as listed in the style.\n";
            }
        }
        if (!field_.empty() && s.kind != geo::style::style_kind::overlay)
            s.field = field_;
        return s;
    }

    bool list_ = false;
    std::string layout_, style_, format_, output_, embed_, layer_, field_;
    bool overwrite_ = false;
    std::optional<geo::model::plan> plan_;
};

ZJGEO_REGISTER_COMMAND(styles_command)

} // namespace zjgeo
