#pragma once
// Options shared by `zjgeo stats`, `zjgeo cluster` and `zjgeo simulate`:
// reading enterprise points (columns, industry mapping, CRS) and choosing the parks.
#include <CLI/CLI.hpp>

#include <libgeo/core/error.hpp>
#include <libgeo/crs/crs.hpp>
#include <libgeo/io/output.hpp>
#include <libgeo/io/csv_points.hpp>
#include <libgeo/stats/parks.hpp>

#include <filesystem>
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

struct parks_input_options {
    std::string path, key, layer, src_crs;

    void add_to(CLI::App& app)
    {
        app.add_option("--parks", path, "Park polygons to use instead of the embedded 22 parks (any vector source)");
        app.add_option("--park-key", key, "Field of --parks holding the park id (default: park_id, id, code, name_zh, name)");
        app.add_option("--parks-layer", layer, "Layer of --parks");
        app.add_option("--parks-crs", src_crs, "CRS of --parks when the file has none (e.g. gcj02)");
    }

    geo::stats::park_set load() const { return geo::stats::load_parks({path, key, layer, src_crs}); }
};

} // namespace zjgeo
