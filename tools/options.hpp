#pragma once
// Option groups shared by several commands, with GDAL's `gdal` CLI vocabulary
// (RFC 104): -i/--input, -o/--output, -f/--of, -l/--layer, --src-crs,
// --dst-crs, --bbox, --overwrite, --lco, --co, --oo.
#include <CLI/CLI.hpp>

#include <libgeo/crs/crs.hpp>
#include <libgeo/io/vector_io.hpp>

#include <optional>
#include <string>
#include <vector>

namespace zjgeo {

/// Options of one vector input.
struct input_options {
    std::string path;
    std::string layer;
    std::string src_crs;       ///< overrides the source CRS (e.g. gcj02)
    std::string bbox;          ///< "xmin,ymin,xmax,ymax"
    std::string encoding;      ///< Shapefile code page
    std::vector<std::string> open_options;

    /// Declares --layer, --src-crs, --bbox, --encoding, --oo (the path is declared by the command).
    void add_to(CLI::App& app, bool with_layer = true);
    geo::read_options read_options() const;
    /// Read the layer and reproject it to WGS84 (honouring --src-crs).
    geo::layer read_wgs84() const;
    /// The parsed --src-crs, if given.
    std::optional<geo::crs> source_crs() const;
};

/// Options of one vector output.
struct output_options {
    std::string path;
    std::string format;
    bool overwrite = false;
    std::vector<std::string> lco;
    std::vector<std::string> co;
    int precision = 7;

    /// Declares -f/--of, --overwrite, --lco, --co, --precision (the path is declared by the command).
    void add_to(CLI::App& app);
    geo::write_options write_options() const;
};

/// Parse "xmin,ymin,xmax,ymax". @throws geo::usage_error.
std::array<double, 4> parse_bbox(const std::string& text);

} // namespace zjgeo
