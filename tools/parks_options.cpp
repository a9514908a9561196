#include "parks_options.hpp"

#include <libgeo/core/error.hpp>

#include <libgeo/io/output.hpp>
#include <libgeo/io/vector_io.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <ostream>
#include <sstream>

namespace zjgeo {

void parks_options::add_to(CLI::App& app)
{
    auto* g = app.add_option_group("Park boundaries", "Replace the embedded schematic park geometry with your own");
    g->add_option("--parks", path,
                  "Your park boundaries (any GDAL vector source); matched to parks by id or Chinese name");
    g->add_option("--park-key", key, "Field of --parks holding the park id or Chinese name (default: auto-detect)");
    g->add_option("--parks-layer", layer, "Layer of --parks (default: the first)");
    g->add_option("--parks-crs", crs, "CRS of --parks when the file has none or a wrong one: gcj02, bd09, cgcs2000, EPSG:n ...");
    g->add_option("--parks-encoding", encoding, "Shapefile code page of --parks, e.g. GBK");
}

void parks_options::validate() const
{
    if (!path.empty())
        return;
    for (const auto& [opt, value] : {std::pair{"--park-key", &key}, {"--parks-layer", &layer},
                                     {"--parks-crs", &crs}, {"--parks-encoding", &encoding}})
        if (!value->empty())
            throw geo::usage_error(std::string(opt) + " needs --parks FILE (the file of your park boundaries).");
}

geo::model::parks_source parks_options::source() const
{
    geo::model::parks_source s;
    s.path = path;
    s.key_field = key;
    s.layer = layer;
    s.src_crs = crs;
    s.encoding = encoding;
    return s;
}

geo::model::plan parks_options::load(std::ostream& err) const
{
    auto plan = geo::model::plan::load(source());
    err << plan.substitution().describe();
    return plan;
}

void emit_text(const std::string& dest, const std::string& text, bool overwrite, std::ostream& out)
{
    if (dest.empty() || dest == "-")
        out << text;
    else
        geo::write_text_file(dest, text, overwrite);
}

std::string geojson_text(const geo::layer& l, int precision)
{
    namespace fs = std::filesystem;
    std::string tmpl = (fs::temp_directory_path() / "zjgeo-XXXXXX").string();
    if (!::mkdtemp(tmpl.data()))
        throw geo::io_error("write: cannot create a temporary folder in " +
                            geo::quoted(fs::temp_directory_path().string()) + ". Set TMPDIR to a writable folder.");
    const fs::path dir(tmpl);
    struct cleanup {
        fs::path d;
        ~cleanup()
        {
            std::error_code ec;
            fs::remove_all(d, ec);
        }
    } guard{dir};
    geo::write_options wo;
    wo.format = "geojson";
    wo.precision = precision;
    const fs::path file = dir / (l.name + ".geojson");
    geo::write_layer(file.string(), l, wo);
    std::ifstream in(file, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

} // namespace zjgeo
