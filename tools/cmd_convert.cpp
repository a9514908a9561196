// zjgeo convert: any vector format to any other, with CRS handling (including
// the GCJ-02 / BD-09 web-map pseudo-datums) and geometry validity checks.
#include "command.hpp"
#include "options.hpp"

#include <libgeo/core/error.hpp>
#include <libgeo/core/progress.hpp>
#include <libgeo/crs/transform.hpp>
#include <libgeo/geometry/validity.hpp>
#include <libgeo/io/output.hpp>
#include <libgeo/io/vector_io.hpp>

#include <algorithm>
#include <fmt/format.h>
#include <ostream>

namespace zjgeo {

namespace {

class convert_command final : public command {
public:
    const command_info& info() const override
    {
        static const command_info i{
            "convert",
            "Convert a vector dataset to another format and/or CRS (incl. GCJ-02 and BD-09)",
            "zjgeo convert [options] INPUT OUTPUT",
            "Reads INPUT (GeoJSON, GeoPackage, Shapefile with any code page, FlatGeobuf, CSV with\n"
            "lon/lat columns, PG:... connection strings) and writes OUTPUT in the format given by\n"
            "-f or by its extension: .geojson (RFC 7946: WGS84 lon/lat, counter-clockwise outer\n"
            "rings, 7 decimals), .geojsonl, .gpkg, .shp (UTF-8 with a .cpg), .fgb, .csv (WKT) or a\n"
            "PG:... connection string (a PostGIS table named after the layer or --nln).\n"
            "Without -l every layer is converted when OUTPUT holds several layers (GeoPackage,\n"
            "PostgreSQL). --src-crs overrides the CRS of INPUT; gcj02/bd09 name Chinese web-map\n"
            "coordinates (AMap, Tencent / Baidu), which are shifted to true WGS84 unless --dst-crs\n"
            "says otherwise; edges are densified (1 km) before shifting. Every geometry is checked\n"
            "first: an invalid one is an error unless --make-valid repairs it (GEOS MakeValid,\n"
            "structure method). OUTPUT is written to a temporary file and renamed on success; an\n"
            "existing OUTPUT (or PostGIS table) is replaced only with --overwrite.",
            "zjgeo convert parks.geojson parks.gpkg\n"
            "zjgeo convert --src-crs gcj02 amap_pois.csv pois.geojson\n"
            "zjgeo convert --dst-crs bd09 parks.geojson parks_baidu.geojson\n"
            "zjgeo convert --encoding GBK --dst-crs EPSG:4490 old.shp new.gpkg\n"
            "zjgeo convert --make-valid --overwrite drawn.geojson fixed.geojson\n"
            "zjgeo convert parks.geojson 'PG:host=/tmp/pg dbname=gis' --nln parks"};
        return i;
    }

    void setup(CLI::App& app) override
    {
        app.add_option("-i,--input,INPUT", in_.path, "Input dataset")->required();
        app.add_option("-o,--output,OUTPUT", out_.path, "Output file or PG:... connection string")->required();
        in_.add_to(app);
        app.add_option("--dst-crs", dst_crs_, "Output CRS: wgs84, cgcs2000, gcj02, bd09, utm51n, shanghai-tm, EPSG:n ...");
        app.add_flag("--make-valid", make_valid_, "Repair invalid geometries instead of failing");
        app.add_option("--nln,--output-layer", nln_, "Name of the output layer / table (default: the input layer's)");
        out_.add_to(app);
    }

    void validate() override
    {
        // Parsing the CRS names and the output format touches no file: fail fast on typos.
        if (!in_.src_crs.empty())
            geo::crs::parse(in_.src_crs);
        if (!dst_crs_.empty())
            dst_ = geo::crs::parse(dst_crs_);
        driver_ = geo::driver_for(out_.path, out_.format);
        if (!in_.bbox.empty())
            parse_bbox(in_.bbox);
        if (dst_ && !dst_->is_geographic() && (driver_ == "GeoJSON" || driver_ == "GeoJSONSeq") && !rfc7946_off())
            throw geo::usage_error(fmt::format(
                "GeoJSON output is WGS84 longitude/latitude (RFC 7946 §4), so --dst-crs {} cannot be kept. "
                "Write a GeoPackage (.gpkg) or FlatGeobuf (.fgb), or add --lco RFC7946=NO.",
                geo::quoted(dst_crs_)));
    }

    int run(io_env& env) override
    {
        auto read_opt = in_.read_options();
        std::vector<std::string> names;
        if (read_opt.layer) {
            names.push_back(*read_opt.layer);
        } else {
            names = geo::list_layers(in_.path);
            const bool multi = driver_ == "GPKG" || driver_ == "PostgreSQL";
            if (names.size() > 1 && !multi)
                throw geo::usage_error(fmt::format("{} has {} layers ({}) but {} holds one. Choose one with -l.",
                                                   geo::quoted(in_.path), names.size(), join(names), driver_));
            if (names.empty())
                throw geo::format_error(geo::quoted(in_.path) + " holds no vector layer.");
        }
        if (!nln_.empty() && names.size() > 1)
            throw geo::usage_error("--nln names one output layer, but " + geo::quoted(in_.path) + " has " +
                                   std::to_string(names.size()) + " layers. Choose one with -l.");

        const auto src_override = in_.source_crs();
        std::vector<geo::layer> layers;
        std::size_t repaired = 0;
        for (const auto& name : names) {
            read_opt.layer = name;
            geo::layer l = geo::read_layer(in_.path, read_opt);
            if (!nln_.empty())
                l.name = nln_;
            // Validity is judged on the input coordinates, so reported locations match the file.
            if (make_valid_)
                repaired += geo::repair_layer(l).repaired;
            else
                geo::require_valid(l, geo::check_layer(l));
            transform_layer(l, src_override, env);
            layers.push_back(std::move(l));
        }
        std::vector<const geo::layer*> ptrs;
        for (const auto& l : layers)
            ptrs.push_back(&l);
        geo::write_layers(out_.path, ptrs, out_.write_options());
        if (make_valid_)
            env.err << fmt::format("zjgeo convert: repaired {} {}\n", repaired,
                                   repaired == 1 ? "geometry" : "geometries");
        return 0;
    }

private:
    bool rfc7946_off() const
    {
        return std::any_of(out_.lco.begin(), out_.lco.end(), [](const std::string& kv) {
            std::string u = kv;
            std::transform(u.begin(), u.end(), u.begin(), [](unsigned char c) { return std::toupper(c); });
            return u == "RFC7946=NO";
        });
    }

    static std::string join(const std::vector<std::string>& v)
    {
        std::string s;
        for (const auto& x : v)
            s += (s.empty() ? "" : ", ") + x;
        return s;
    }

    // Source CRS: --src-crs, else the layer's own. Target: --dst-crs, else true
    // WGS84 for a pseudo-datum source (no file format can label GCJ-02), else
    // the source CRS unchanged.
    void transform_layer(geo::layer& l, const std::optional<geo::crs>& src_override, io_env& env)
    {
        std::optional<geo::crs> src = src_override;
        if (!src && l.crs)
            src = geo::crs::from_srs(*l.crs);
        std::optional<geo::crs> dst = dst_;
        if (!dst && src && src->is_pseudo())
            dst = geo::crs::wgs84();
        if (!dst) {
            if (src)
                l.crs = src->srs(); // --src-crs alone relabels the data
            return;
        }
        if (!src)
            throw geo::crs_error("layer " + geo::quoted(l.source + ":" + l.name) +
                                 " has no CRS. Give it with --src-crs (e.g. --src-crs wgs84 or --src-crs gcj02).");
        geo::transformer t(*src, *dst);
        geo::progress bar(env.err, "convert: transforming " + l.name, l.features.size(), show_progress(env));
        std::uint64_t n = 0;
        for (auto& f : l.features) {
            bar.update(++n);
            if (!f.geometry)
                continue;
            try {
                t.transform(*f.geometry);
            } catch (const geo::crs_error& e) {
                throw geo::crs_error(fmt::format("{}: feature {}: {}", geo::quoted(l.source), n, e.what()));
            }
        }
        l.crs = dst->srs();
    }

    input_options in_;
    output_options out_;
    std::string dst_crs_;
    std::optional<geo::crs> dst_;
    bool make_valid_ = false;
    std::string nln_;
    std::string driver_;
};

} // namespace

ZJGEO_REGISTER_COMMAND(convert_command)

} // namespace zjgeo
