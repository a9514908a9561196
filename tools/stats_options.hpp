#pragma once
// Options shared by `zjgeo stats`, `zjgeo cluster` and `zjgeo simulate`:
// reading enterprise points (columns, industry mapping, CRS) and choosing the parks.
#include <CLI/CLI.hpp>

#include <libgeo/core/error.hpp>
#include <libgeo/crs/crs.hpp>
#include <libgeo/io/output.hpp>
#include <libgeo/io/csv_points.hpp>
#include <libgeo/stats/parks.hpp>

#include "parks_options.hpp"

#include <filesystem>
#include <ostream>
#include <string>

namespace zjgeo {

/// Fail before any work when an output exists and --overwrite is not given
/// (the writers check again when they commit).
inline void check_output(const std::string& path, bool overwrite)
{
    if (!path.empty() && path != "-" && !overwrite && !geo::is_database_destination(path) && std::filesystem::exists(path))
        throw geo::usage_error("write: output " + geo::quoted(path) + " exists. Use --overwrite to replace it, or choose another name.");
}

struct point_input_options {
    std::string path;
    std::string x, y, industry, weight, id, industry_map, layer, src_crs;
    bool strict = false;
    unsigned threads = 0;

    void add_to(CLI::App& app)
    {
        app.add_option("--x", x, "Longitude/x column (default: lon, lng, longitude, x, 经度)");
        app.add_option("--y", y, "Latitude/y column (default: lat, latitude, y, 纬度)");
        app.add_option("--industry", industry, "Industry column (default: industry or 行业 if present; '-' = none)");
        app.add_option("--industry-map", industry_map, "CSV label,tag adding to/overriding layers/industries.csv");
        app.add_option("--weight", weight, "Weight column (employees, revenue); used by Ellison-Glaeser");
        app.add_option("--id", id, "Id column (default: id if present, else the row number)");
        app.add_option("-l,--layer", layer, "Layer of a multi-layer point source");
        app.add_option("--src-crs", src_crs, "CRS of the points: wgs84 (default for CSV), gcj02, bd09, EPSG:n ...");
        app.add_flag("--strict", strict, "Stop at the first row with missing or unparsable coordinates");
        app.add_option("--threads", threads, "Worker threads (default: all cores)");
    }

    geo::point_read_options options() const
    {
        geo::point_read_options o;
        o.x_field = x;
        o.y_field = y;
        o.industry_field = industry;
        o.industry_required = !industry.empty() && industry != "-";
        o.weight_field = weight;
        o.id_field = id;
        o.layer = layer;
        if (!src_crs.empty())
            o.src_crs = geo::crs::parse(src_crs);
        o.strict = strict;
        o.threads = threads;
        return o;
    }

    geo::industry_map industries() const
    {
        auto m = geo::industry_map::embedded();
        if (!industry_map.empty())
            m.add_file(industry_map);
        return m;
    }
};

/// The parks for statistics: the plan's (embedded, or with the user's boundaries
/// substituted when the --parks features match the plan's parks by id or Chinese
/// name), else — when nothing matches — the --parks polygons as they are, keyed
/// by --park-key (default park_id, id, code, name_zh, name), without layouts.
struct parks_input_options {
    parks_options opt;

    void add_to(CLI::App& app) { opt.add_to(app); }
    void validate() const { opt.validate(); }

    geo::stats::park_set load(std::ostream& err) const
    {
        if (opt.path.empty())
            return geo::stats::from_plan(geo::model::plan::load(), true);
        try {
            auto plan = geo::model::plan::load(opt.source());
            if (!plan.substitution().matched.empty()) {
                err << plan.substitution().describe();
                return geo::stats::from_plan(plan, false);
            }
        } catch (const geo::usage_error&) {
            if (!opt.key.empty())
                throw; // the named key field does not exist
        }
        return geo::stats::load_parks({opt.path, opt.key, opt.layer, opt.crs, opt.encoding});
    }
};

} // namespace zjgeo
