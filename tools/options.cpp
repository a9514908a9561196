#include "options.hpp"

#include <libgeo/core/error.hpp>
#include <libgeo/crs/transform.hpp>

#include <charconv>
#include <sstream>

namespace zjgeo {

void input_options::add_to(CLI::App& app, bool with_layer)
{
    if (with_layer)
        app.add_option("-l,--layer", layer, "Input layer name (default: the first)");
    app.add_option("--src-crs", src_crs, "Override the input CRS: wgs84, cgcs2000, gcj02, bd09, EPSG:n ...");
    app.add_option("--bbox", bbox, "Read only features intersecting xmin,ymin,xmax,ymax (input CRS)");
    app.add_option("--encoding", encoding, "Shapefile code page of the input, e.g. GBK");
    app.add_option("--oo", open_options, "GDAL open option KEY=VALUE (repeatable)");
}

geo::read_options input_options::read_options() const
{
    geo::read_options o;
    if (!layer.empty())
        o.layer = layer;
    if (!bbox.empty())
        o.bbox = parse_bbox(bbox);
    o.encoding = encoding;
    o.open_options = open_options;
    return o;
}

std::optional<geo::crs> input_options::source_crs() const
{
    if (src_crs.empty())
        return std::nullopt;
    return geo::crs::parse(src_crs);
}

geo::layer input_options::read_wgs84() const
{
    auto src = source_crs();
    geo::layer l = geo::read_layer(path, read_options());
    if (!src && !l.crs)
        src = geo::crs::wgs84(); // GeoJSON/CSV without a CRS are lon/lat by convention
    geo::reproject(l, geo::crs::wgs84(), src ? &*src : nullptr);
    return l;
}

void output_options::add_to(CLI::App& app)
{
    app.add_option("-f,--of,--format", format, "Output format: geojson, geojsonseq, gpkg, shp, fgb, csv, pg (default: from the extension)");
    app.add_flag("--overwrite", overwrite, "Replace an existing output");
    app.add_option("--lco", lco, "GDAL layer creation option KEY=VALUE (repeatable)");
    app.add_option("--co", co, "GDAL dataset creation option KEY=VALUE (repeatable)");
    app.add_option("--precision", precision, "GeoJSON coordinate decimals")->capture_default_str()->check(CLI::Range(1, 15));
}

geo::write_options output_options::write_options() const
{
    geo::write_options o;
    o.format = format;
    o.overwrite = overwrite;
    o.layer_creation_options = lco;
    o.dataset_creation_options = co;
    o.precision = precision;
    return o;
}

std::array<double, 4> parse_bbox(const std::string& text)
{
    std::array<double, 4> b{};
    std::istringstream is(text);
    std::string part;
    int parts = 0;
    bool numbers = true;
    while (std::getline(is, part, ',')) {
        if (parts < 4) {
            const char* first = part.data();
            const char* last = part.data() + part.size();
            while (first < last && *first == ' ')
                ++first;
            while (last > first && last[-1] == ' ')
                --last;
            auto [ptr, ec] = std::from_chars(first, last, b[parts]);
            numbers = numbers && ec == std::errc() && ptr == last && first != last;
        }
        ++parts;
    }
    if (parts != 4 || !numbers || text.empty() || text.back() == ',' || !(b[0] < b[2]) || !(b[1] < b[3]))
        throw geo::usage_error("--bbox " + geo::quoted(text) +
                               " is not xmin,ymin,xmax,ymax with xmin < xmax and ymin < ymax. Example: --bbox 121.5,31.1,121.7,31.3");
    return b;
}

} // namespace zjgeo
