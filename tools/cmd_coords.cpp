// zjgeo coords: convert coordinates given as text lines (stdin) or in the
// columns of a CSV file, between any two CRSs including GCJ-02 and BD-09.
#include "command.hpp"

#include <libgeo/core/error.hpp>
#include <libgeo/core/progress.hpp>
#include <libgeo/crs/coord_stream.hpp>
#include <libgeo/crs/transform.hpp>
#include <libgeo/io/output.hpp>

#include <filesystem>
#include <fstream>
#include <istream>
#include <ostream>

namespace zjgeo {

namespace {

class coords_command final : public command {
public:
    const command_info& info() const override
    {
        static const command_info i{
            "coords",
            "Convert coordinates read from stdin or a CSV file between CRSs (incl. GCJ-02 and BD-09)",
            "zjgeo coords --from CRS --to CRS [-i FILE.csv [--x COL] [--y COL]] [-o OUTPUT]",
            "Without -i, reads one point per line on stdin: 'lon,lat', 'x y', 'x;y' or tab-separated,\n"
            "optionally followed by more fields, which are kept. Blank lines and lines starting with\n"
            "'#' are copied. Coordinates are always x first (longitude/easting), whatever the CRS's\n"
            "official axis order (EPSG:4490 and EPSG:4326 included). With -i, reads a CSV whose\n"
            "first line is a header and rewrites the x/y columns (--x/--y; default: a column named\n"
            "lon/lng/longitude/x/经度 and one named lat/latitude/y/纬度), copying every other field\n"
            "unchanged. Output has 7 decimals for lon/lat (about 1 cm) and 3 for metres unless\n"
            "--precision says otherwise; it goes to stdout, or to -o FILE (written only if every\n"
            "line converts). CRS names: wgs84, cgcs2000, gcj02, bd09, webmercator, utm51n,\n"
            "shanghai-tm, cgcs2000-gk40, cgcs2000-gk41, EPSG:n or a PROJ string. A line that is not\n"
            "two numbers is an error naming its line number.",
            "echo '121.5905,31.2036' | zjgeo coords --from wgs84 --to gcj02\n"
            "zjgeo coords --from gcj02 --to utm51n < amap_points.txt\n"
            "zjgeo coords --from bd09 --to wgs84 -i shops.csv --x lng --y lat -o shops_wgs84.csv"};
        return i;
    }

    void setup(CLI::App& app) override
    {
        app.add_option("--from,--src-crs", from_, "CRS of the input coordinates")->required();
        app.add_option("--to,--dst-crs", to_, "CRS to convert to")->required();
        app.add_option("-i,--input", input_, "CSV file to convert (default: lines on stdin)");
        app.add_option("--x", x_col_, "CSV column holding x / longitude (with -i)");
        app.add_option("--y", y_col_, "CSV column holding y / latitude (with -i)");
        app.add_option("-o,--output", output_, "Write to this file instead of stdout");
        app.add_flag("--overwrite", overwrite_, "Replace an existing -o file");
        app.add_option("--precision", precision_, "Decimals of the output coordinates (default 7 for lon/lat, 3 for metres)")
            ->check(CLI::Range(0, 15));
    }

    void validate() override
    {
        from_crs_ = geo::crs::parse(from_);
        to_crs_ = geo::crs::parse(to_);
        if (input_.empty() && (!x_col_.empty() || !y_col_.empty()))
            throw geo::usage_error("--x and --y name CSV columns; give the CSV file with -i.");
    }

    int run(io_env& env) override
    {
        geo::transformer t(*from_crs_, *to_crs_);
        geo::coord_stream_options o;
        o.decimals = precision_;
        geo::progress bar(env.err, "coords: lines", 0, show_progress(env));
        o.on_progress = [&bar](std::uint64_t lines) { bar.update(lines); };

        std::ifstream file;
        std::istream* in = &env.in;
        if (!input_.empty()) {
            if (!std::filesystem::is_regular_file(input_))
                throw geo::io_error("read: " + geo::quoted(input_) + ": no such file. Check the path.");
            file.open(input_, std::ios::binary);
            if (!file)
                throw geo::io_error("read: cannot open " + geo::quoted(input_) + ". Check its permissions.");
            in = &file;
            o.source_name = input_;
        }
        auto convert = [&](std::ostream& out) {
            if (input_.empty())
                geo::transform_lines(*in, out, t, o);
            else
                geo::transform_csv(*in, out, t, x_col_, y_col_, o);
        };
        if (output_.empty()) {
            convert(env.out);
        } else {
            geo::staged_output staged(output_, "text", overwrite_);
            {
                std::ofstream os(staged.path(), std::ios::binary);
                convert(os);
                os.flush();
                if (!os)
                    throw geo::io_error("write: cannot write " + geo::quoted(output_) +
                                        ". Check free space and permissions.");
            }
            staged.commit();
        }
        return 0;
    }

private:
    std::string from_, to_, input_, x_col_, y_col_, output_;
    bool overwrite_ = false;
    int precision_ = -1;
    std::optional<geo::crs> from_crs_, to_crs_;
};

} // namespace

ZJGEO_REGISTER_COMMAND(coords_command)

} // namespace zjgeo
