#pragma once
// --parks FILE [--park-key FIELD] [--parks-layer NAME] [--parks-crs CRS]
// [--parks-encoding ENC]: the options by which a user's authoritative park
// boundaries replace the embedded schematic ones. Every command that uses the
// parks (parks, export, stats, cluster, overlay, render ...) declares them with
// add_to() and loads the plan with load(), so the options mean the same everywhere.
#include <CLI/CLI.hpp>

#include <libgeo/io/layer.hpp>
#include <libgeo/model/plan.hpp>

#include <iosfwd>
#include <string>

namespace zjgeo {

struct parks_options {
    std::string path;
    std::string key;
    std::string layer;
    std::string crs;
    std::string encoding;

    /// Declare the options (in an option group "Park boundaries").
    void add_to(CLI::App& app);
    /// @throws geo::usage_error when --park-key/--parks-* are given without --parks. No I/O.
    void validate() const;
    geo::model::parks_source source() const;
    /// Load the plan with the substitution and write what did not match to `err`
    /// (one line per problem; nothing when every park matched).
    geo::model::plan load(std::ostream& err) const;
};

/// Write `text` to `dest` (staged; the --overwrite rule), or to `out` when dest is "" or "-".
void emit_text(const std::string& dest, const std::string& text, bool overwrite, std::ostream& out);

/// A layer as RFC 7946 GeoJSON text (written by GDAL through a temporary file), for stdout.
std::string geojson_text(const geo::layer& l, int precision = 7);

} // namespace zjgeo
