// zjgeo overlay: the plan's layouts overlaid on each other, geometric overlay
// of two layers, per-park area roll-ups and reach (within-distance) queries.
#include "command.hpp"
#include "options.hpp"
#include "parks_options.hpp"

#include <libgeo/core/data_dir.hpp>
#include <libgeo/core/error.hpp>
#include <libgeo/crs/transform.hpp>
#include <libgeo/io/output.hpp>
#include <libgeo/io/vector_io.hpp>
#include <libgeo/model/plan.hpp>
#include <libgeo/overlay/layouts.hpp>
#include <libgeo/overlay/overlay.hpp>
#include <libgeo/overlay/reach.hpp>
#include <libgeo/overlay/rollup.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <future>
#include <filesystem>
#include <iostream>

namespace zjgeo {

namespace {

const char* const parks_token = "@parks";

class overlay_command : public command {
public:
    const command_info& info() const override
    {
        static const command_info i{
            "overlay",
            "Overlay the plan's layouts, overlay two layers, roll up areas per park, find what lies within reach",
            "zjgeo overlay OPERATION [A [B]] [options]",
            "Operations:\n"
            "  layouts        one layer of the 22 parks, each with all its roles across the plan's layouts\n"
            "                 (role_ic, role_biomed, role_ai, role_overall, roles_zh, n_layouts)\n"
            "  intersection   A∩B for every intersecting pair, attributes of A and B\n"
            "  union          intersection + A−B + B−A\n"
            "  identity       intersection + A−B (A cut by B)\n"
            "  difference     A−B, attributes of A (alias: erase)\n"
            "  symdifference  A−B + B−A\n"
            "  clip           A clipped to B, attributes of A\n"
            "  rollup         intersection, then area per A feature (per park) and category (--by), as a table\n"
            "  reach          features of A (default: the parks) within --distance of the features of --from\n"
            "                 (default: the embedded science facilities); alias: within-distance\n\n"
            "A and B are any GDAL source; '@parks' means the plan's 22 parks (embedded, or your boundaries\n"
            "with --parks FILE; given --parks and a single layer, the parks are A and the layer is B).\n"
            "The overlay runs in A's CRS (B is reprojected to it, as in QGIS). Invalid geometries are repaired\n"
            "with GEOS MakeValid (structure method) and reported (--report FILE for a CSV). Fields present on\n"
            "both sides get the suffixes _1/_2 (GeoPandas); --prefix-a/--prefix-b prefix a whole side (QGIS).\n"
            "When both inputs are polygonal only polygonal pieces are kept (like GeoPandas keep_geom_type).\n"
            "Each piece carries its geodesic area in km² (area_km2; --area-crs for planar area in a CRS).\n"
            "The embedded park geometry is schematic/approximate: areas against it are indicative only.",
            "zjgeo overlay layouts -o layouts_overlay.gpkg\n"
            "zjgeo overlay intersection @parks landuse.gpkg -o parks_landuse.gpkg --report repairs.csv\n"
            "zjgeo overlay difference parcels.gpkg @parks -o outside_parks.gpkg\n"
            "zjgeo overlay rollup @parks landuse.gpkg --by landuse --summary landuse_by_park.csv\n"
            "zjgeo overlay reach --distance 2km -o near_facilities.gpkg --table near_facilities.csv\n"
            "zjgeo overlay reach enterprises.csv --distance 1km --table within_1km.csv"};
        return i;
    }

    void setup(CLI::App& app) override
    {
        app.add_option("operation", op_name, "layouts | intersection | union | identity | difference | symdifference | clip | rollup | reach")
            ->required();
        app.add_option("inputs", inputs, "Input layers A and B (any GDAL source, or @parks)")->expected(0, 2);
        app.add_option("-o,--output", out.path, "Output layer (GeoPackage, GeoJSON, Shapefile, FlatGeobuf ...)");
        out.add_to(app);
        app.add_option("--a-layer", a_in.layer, "Layer name in A (default: the first)");
        app.add_option("--b-layer", b_in.layer, "Layer name in B (default: the first)");
        app.add_option("--a-src-crs", a_in.src_crs, "Override the CRS of A (e.g. gcj02)");
        app.add_option("--b-src-crs", b_in.src_crs, "Override the CRS of B (e.g. gcj02)");
        app.add_option("--encoding", encoding, "Shapefile code page of the inputs, e.g. GBK");
        app.add_option("--suffixes", suffixes, "Suffixes for field names present in A and B")->capture_default_str();
        app.add_option("--prefix-a", prefix_a, "Prefix every field of A");
        app.add_option("--prefix-b", prefix_b, "Prefix every field of B");
        app.add_option("--area-field", area_field, "Name of the area field (km²)")->capture_default_str();
        app.add_flag("--no-area", no_area, "Do not add an area field");
        app.add_option("--area-crs", area_crs, "Planar area in this CRS instead of geodesic (e.g. EPSG:32651)");
        app.add_flag("--all-types", all_types, "Keep results of every geometry type (no keep_geom_type)");
        app.add_option("-j,--threads", threads, "Worker threads (default: one per core)");
        app.add_option("--report", report_path, "Write the repaired/dropped features as CSV (layer,feature,reason,action)");
        app.add_option("--summary", summary_path, "Write the area roll-up per A feature and category (.csv, .md, .json)");
        app.add_option("--by", by_field, "Category field of B for the roll-up (e.g. landuse)");
        app.add_option("--key", key_field, "Field of A naming each roll-up group (default: id for the parks)");
        app.add_option("--distance", distance, "reach: distance, e.g. 2km or 500m");
        app.add_option("--from", from_path, "reach: source layer (default: the embedded science facilities)");
        parks_opt.add_to(app);
        app.add_option("--table", table_path, "reach: write the (target, source, distance) table (.csv, .md, .json)");
        app.add_flag("--timings", timings, "Print the time of each phase on stderr");
    }

    void validate() override
    {
        parks_opt.validate();
        const bool parks_flag = !parks_opt.path.empty();
        if (op_name == "within-distance")
            op_name = "reach";
        if (op_name == "layouts") {
            if (!inputs.empty())
                throw geo::usage_error("'layouts' takes no input layer (it reads the plan). Run: zjgeo overlay layouts -o OUTPUT");
            if (out.path.empty())
                throw geo::usage_error("'layouts' needs -o OUTPUT, e.g. zjgeo overlay layouts -o layouts_overlay.gpkg");
            return;
        }
        if (op_name == "reach") {
            if (distance.empty())
                throw geo::usage_error("'reach' needs --distance, e.g. --distance 2km.");
            distance_m = geo::overlay::parse_distance_m(distance);
            if (inputs.size() > 1)
                throw geo::usage_error("'reach' takes one target layer (default: the parks); give the sources with --from.");
            if (out.path.empty() && table_path.empty())
                table_to_stdout = true;
            return;
        }
        if (op_name == "rollup") {
            op = geo::overlay::operation::intersection;
            if (out.path.empty() && summary_path.empty())
                summary_to_stdout = true;
        } else {
            auto names = geo::overlay::operation_names();
            if (op_name != "erase" && std::find(names.begin(), names.end(), op_name) == names.end()) {
                names.insert(names.begin(), "layouts");
                names.insert(names.end(), {"rollup", "reach"});
                std::string hint = nearest(op_name, names), list;
                for (const auto& n : names)
                    list += (list.empty() ? "" : ", ") + n;
                throw geo::usage_error("unknown operation " + geo::quoted(op_name) + "." +
                                       (hint.empty() ? "" : " Did you mean " + geo::quoted(hint) + "?") +
                                       " Use one of: " + list + ".");
            }
            op = geo::overlay::parse_operation(op_name);
            if (out.path.empty())
                throw geo::usage_error(fmt::format("'{}' needs -o OUTPUT.", op_name));
        }
        if (parks_flag && inputs.size() == 1)
            inputs.insert(inputs.begin(), parks_token);
        if (inputs.size() != 2)
            throw geo::usage_error(fmt::format("'{}' needs two layers A and B, got {}. Example: zjgeo overlay {} "
                                               "@parks landuse.gpkg -o out.gpkg",
                                               op_name, inputs.size(), op_name));
        if (no_area && (!summary_path.empty() || op_name == "rollup"))
            throw geo::usage_error("--no-area cannot be combined with a roll-up (--summary or rollup).");
        if (!by_field.empty() && summary_path.empty() && op_name != "rollup")
            throw geo::usage_error("--by needs --summary FILE (or the rollup operation).");
        auto comma = suffixes.find(',');
        if (comma == std::string::npos)
            throw geo::usage_error("--suffixes " + geo::quoted(suffixes) + " is not two comma-separated suffixes, e.g. _1,_2.");
        for (const auto* p : {&summary_path, &table_path})
            if (!p->empty() && geo::overlay::table_format_of(*p).empty())
                throw geo::usage_error("cannot tell the table format of " + geo::quoted(*p) + ". Use a .csv, .md or .json file.");
    }

    int run(io_env& env) override
    {
        err_ = &env.err;
        if (op_name == "layouts")
            return run_layouts(env);
        if (op_name == "reach")
            return run_reach(env);
        return run_overlay(env);
    }

private:
    std::string op_name;
    std::vector<std::string> inputs;
    parks_options parks_opt;
    std::ostream* err_ = &std::cerr;
    output_options out;
    input_options a_in, b_in;
    std::string encoding;
    std::string suffixes = "_1,_2";
    std::string prefix_a, prefix_b;
    std::string area_field = "area_km2";
    bool no_area = false;
    std::string area_crs;
    bool all_types = false;
    unsigned threads = 0;
    std::string report_path, summary_path, by_field, key_field;
    std::string distance, from_path, table_path;
    double distance_m = 0;
    bool table_to_stdout = false, summary_to_stdout = false;
    bool timings = false;
    std::chrono::steady_clock::time_point t0 = std::chrono::steady_clock::now();

    void mark(io_env& env, const char* phase)
    {
        if (!timings)
            return;
        auto now = std::chrono::steady_clock::now();
        env.err << fmt::format("timing: {:<8} {:.3f} s\n", phase, std::chrono::duration<double>(now - t0).count());
        t0 = now;
    }
    geo::overlay::operation op = geo::overlay::operation::intersection;

    std::optional<geo::model::plan> plan_;

    static bool is_parks(const std::string& s) { return s == parks_token; }

    const geo::model::plan& the_plan()
    {
        if (!plan_)
            plan_ = parks_opt.load(*err_);
        return *plan_;
    }

    // A layer as stored (its own CRS); pseudo-datum inputs (--a-src-crs gcj02) become WGS84.
    geo::layer read_input(const std::string& path, input_options& in)
    {
        if (is_parks(path))
            return the_plan().parks_layer();
        in.path = path;
        in.encoding = encoding;
        auto src = in.source_crs();
        if (src && src->is_pseudo())
            return in.read_wgs84();
        geo::layer l = geo::read_layer(path, in.read_options());
        if (src)
            l.crs = src->srs();
        if (!l.crs)
            l.crs = geo::wgs84(); // GeoJSON/CSV without a CRS are lon/lat by convention
        return l;
    }

    void write_table(const std::string& path, const geo::overlay::table& t) const
    {
        geo::write_text_file(path, t.render(geo::overlay::table_format_of(path)), out.overwrite);
    }

    void write_report(io_env& env, const geo::overlay::repair_report& rep) const
    {
        if (std::string s = rep.summary(); !s.empty())
            env.err << "zjgeo overlay: " << s << (report_path.empty() ? ". Details: --report FILE." : ".") << "\n";
        if (!report_path.empty())
            geo::write_text_file(report_path, rep.to_csv(), out.overwrite);
    }

    int run_overlay(io_env& env)
    {
        // Refuse an existing output before doing any work.
        for (const auto* p : {&out.path, &summary_path, &report_path})
            if (!p->empty() && !out.overwrite && !geo::is_database_destination(*p) && std::filesystem::exists(*p))
                throw geo::usage_error(geo::quoted(*p) + " exists. Use --overwrite to replace it.");
        mark(env, "start");
        if (is_parks(inputs[0]) || is_parks(inputs[1]))
            the_plan(); // load once, before the readers run in parallel
        // Read A and B at the same time (separate GDAL datasets).
        auto b_future = std::async(std::launch::async, [&] { return read_input(inputs[1], b_in); });
        geo::layer a;
        try {
            a = read_input(inputs[0], a_in);
        } catch (...) {
            b_future.wait();
            throw;
        }
        geo::layer b = b_future.get();
        mark(env, "read");
        // B joins A's CRS (as in QGIS); the overlay runs on A's coordinates.
        if (!a.crs->IsSame(b.crs.get()))
            geo::reproject(b, geo::crs::from_srs(*a.crs));
        geo::overlay::options o;
        o.op = op;
        auto comma = suffixes.find(',');
        o.suffix_a = suffixes.substr(0, comma);
        o.suffix_b = suffixes.substr(comma + 1);
        o.prefix_a = prefix_a;
        o.prefix_b = prefix_b;
        o.keep_geom_type = !all_types;
        o.area_field = no_area ? "" : area_field;
        if (!area_crs.empty())
            o.area_crs = geo::crs::parse(area_crs);
        o.threads = threads;
        o.measure_a = !summary_path.empty() || summary_to_stdout;
        // Check the roll-up fields before the work.
        std::string key = key_field, label;
        if (is_parks(inputs[0])) {
            if (key.empty())
                key = "id";
            if (a.field_index("name_zh"))
                label = "name_zh";
        }
        if (!key.empty())
            a.require_field(key);
        if (!by_field.empty())
            b.require_field(by_field);

        auto res = geo::overlay::run(a, b, o);
        mark(env, "overlay");
        res.out.name = op_name == "rollup" ? "intersection" : op_name;
        write_report(env, res.repairs);
        if (!out.path.empty())
            geo::write_layer(out.path, res.out, out.write_options());
        mark(env, "write");
        if (!summary_path.empty() || summary_to_stdout) {
            auto entries = geo::overlay::rollup(res, a, b, {key, label, by_field, o.area_crs}, is_parks(inputs[0]) ? "park" : "feature");
            if (is_parks(inputs[0])) {
                auto roles = geo::overlay::rollup_roles(entries, the_plan());
                entries.insert(entries.end(), roles.begin(), roles.end());
            }
            auto t = geo::overlay::to_table(entries);
            if (summary_to_stdout)
                env.out << t.to_csv();
            else
                write_table(summary_path, t);
        }
        if (!summary_to_stdout && !quiet) {
            double total = 0;
            if (!o.area_field.empty())
                for (const auto& f : res.out.features)
                    if (std::holds_alternative<double>(f.values.back()))
                        total += std::get<double>(f.values.back());
            const auto n = res.out.features.size();
            env.out << fmt::format("{}: {} piece{} from {} × {} features ({} candidate pairs)", op_name, n,
                                   n == 1 ? "" : "s", a.features.size(), b.features.size(), res.candidate_pairs);
            if (!o.area_field.empty())
                env.out << fmt::format(", {:.5f} km²", total);
            if (!out.path.empty())
                env.out << " -> " << out.path;
            env.out << "\n";
        }
        return 0;
    }

    int run_layouts(io_env& env)
    {
        geo::layer l = geo::overlay::layouts_layer(the_plan());
        geo::write_layer(out.path, l, out.write_options());
        if (!quiet) {
            std::size_t multi = 0;
            for (const auto& f : l.features)
                if (auto i = l.field_index("n_layouts"); i && std::get<std::int64_t>(f.values[*i]) >= 2)
                    ++multi;
            env.out << fmt::format("layouts: {} parks, {} of them in two or more industry layouts -> {}\n",
                                   l.features.size(), multi, out.path);
        }
        return 0;
    }

    int run_reach(io_env& env)
    {
        for (const auto* p : {&out.path, &table_path})
            if (!p->empty() && !out.overwrite && !geo::is_database_destination(*p) && std::filesystem::exists(*p))
                throw geo::usage_error(geo::quoted(*p) + " exists. Use --overwrite to replace it.");
        const bool parks_targets = inputs.empty() || is_parks(inputs[0]);
        geo::layer targets = parks_targets ? the_plan().parks_layer() : read_input(inputs[0], a_in);
        geo::layer sources = from_path.empty() ? geo::overlay::facilities_layer() : read_input(from_path, b_in);
        auto pairs = geo::overlay::within_distance(targets, sources, distance_m, threads);
        auto r = geo::overlay::reach_outputs(targets, sources, pairs, distance_m);
        if (!out.path.empty())
            geo::write_layer(out.path, r.targets, out.write_options());
        if (!table_path.empty())
            write_table(table_path, r.pairs);
        if (table_to_stdout)
            env.out << r.pairs.to_csv();
        else if (!quiet)
            env.out << fmt::format("reach: {} of {} features within {} m of {} sources ({} pairs){}\n",
                                   r.targets.features.size(), targets.features.size(), distance_m,
                                   sources.features.size(), pairs.size(), out.path.empty() ? "" : " -> " + out.path);
        return 0;
    }
};

} // namespace

ZJGEO_REGISTER_COMMAND(overlay_command)

} // namespace zjgeo
