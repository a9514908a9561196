// zjgeo info: a short description of a vector source (layers, counts, CRS,
// extent, fields) plus a geometry validity summary.
#include "command.hpp"
#include "options.hpp"

#include <libgeo/core/error.hpp>
#include <libgeo/core/progress.hpp>
#include <libgeo/io/inspect.hpp>

#include <ostream>

namespace zjgeo {

namespace {

class info_command final : public command {
public:
    const command_info& info() const override
    {
        static const command_info i{
            "info",
            "Describe a vector dataset: layers, feature counts, CRS, extent, fields, invalid geometries",
            "zjgeo info [options] INPUT",
            "Prints each layer of INPUT (any vector source GDAL reads: GeoJSON, GeoPackage, Shapefile,\n"
            "FlatGeobuf, CSV with lon/lat columns, PG:... connection strings) with its feature count,\n"
            "geometry type, CRS (EPSG code and name), extent, fields and their types, like\n"
            "'ogrinfo -so'. It also checks every geometry with GEOS and reports how many are invalid,\n"
            "with the first reasons and feature numbers (1-based); 'zjgeo convert --make-valid'\n"
            "repairs them. The exit status is 0 even when geometries are invalid.",
            "zjgeo info parks.geojson\n"
            "zjgeo info --format json plan.gpkg -l parks\n"
            "zjgeo info --no-validity big.fgb"};
        return i;
    }

    void setup(CLI::App& app) override
    {
        app.add_option("-i,--input,INPUT", path_, "Vector dataset to describe")->required();
        app.add_option("-l,--layer", layer_, "Describe only this layer (default: every layer)");
        app.add_option("--format", format_, "Output: text or json")
            ->capture_default_str()
            ->check(CLI::IsMember({"text", "json"}));
        app.add_option("--encoding", encoding_, "Shapefile code page of the input, e.g. GBK");
        app.add_option("--oo", open_options_, "GDAL open option KEY=VALUE (repeatable)");
        app.add_flag("--no-validity", no_validity_, "Skip the geometry validity check (faster on big files)");
        app.add_option("--max-reasons", max_reasons_, "How many invalid geometries to list per layer")
            ->capture_default_str()
            ->check(CLI::NonNegativeNumber);
    }

    int run(io_env& env) override
    {
        geo::inspect_options o;
        if (!layer_.empty())
            o.read.layer = layer_;
        o.read.encoding = encoding_;
        o.read.open_options = open_options_;
        o.check_validity = !no_validity_;
        o.max_reasons = max_reasons_;
        geo::progress bar(env.err, "info: checking geometries", 0, show_progress(env));
        o.on_progress = [&bar](std::uint64_t done, std::uint64_t total) {
            bar.set_total(total);
            bar.update(done);
        };
        geo::dataset_summary s = geo::inspect(path_, o);
        bar.finish();
        env.out << (format_ == "json" ? geo::to_json(s) : geo::to_text(s));
        return 0;
    }

private:
    std::string path_;
    std::string layer_;
    std::string format_ = "text";
    std::string encoding_;
    std::vector<std::string> open_options_;
    bool no_validity_ = false;
    std::size_t max_reasons_ = 5;
};

} // namespace

ZJGEO_REGISTER_COMMAND(info_command)

} // namespace zjgeo
