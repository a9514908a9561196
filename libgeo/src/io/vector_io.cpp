#include "libgeo/io/vector_io.hpp"

#include "libgeo/core/error.hpp"
#include "libgeo/io/output.hpp"
#include "io/gdal_detail.hpp"

#include <algorithm>
#include <cctype>
#include <cpl_conv.h>
#include <cpl_error.h>
#include <cpl_string.h>
#include <filesystem>
#include <fmt/format.h>
#include <gdal_priv.h>
#include <mutex>
#include <ogrsf_frmts.h>

namespace geo {

namespace fs = std::filesystem;

void gdal_init()
{
    static std::once_flag once;
    std::call_once(once, [] {
        GDALAllRegister();
        // GDAL's own messages would go to stderr; zjgeo reports failures itself
        // (reading CPLGetLastErrorMsg where a call fails).
        CPLSetErrorHandler(CPLQuietErrorHandler);
    });
}

namespace {

using detail::dataset_ptr;
using detail::last_gdal_error;
using detail::ogr_feature_ptr;

/// RAII holder of a CSL string list.
class string_list {
public:
    string_list() = default;
    ~string_list() { CSLDestroy(list_); }
    string_list(const string_list&) = delete;
    string_list& operator=(const string_list&) = delete;
    void add(const std::string& kv) { list_ = CSLAddString(list_, kv.c_str()); }
    void set(const std::string& key, const std::string& value)
    {
        list_ = CSLSetNameValue(list_, key.c_str(), value.c_str());
    }
    void add_all(const std::vector<std::string>& kvs)
    {
        for (const auto& kv : kvs) {
            auto eq = kv.find('=');
            if (eq == std::string::npos)
                throw usage_error("option " + quoted(kv) + " is not KEY=VALUE. Write e.g. --lco SPATIAL_INDEX=YES.");
            set(kv.substr(0, eq), kv.substr(eq + 1));
        }
    }
    char** get() const { return list_; }

private:
    char** list_ = nullptr;
};

std::string lower(std::string s)
{
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
    return s;
}

bool is_csv(const std::string& source) { return lower(fs::path(source).extension().string()) == ".csv"; }

} // namespace

namespace detail {

std::string last_gdal_error()
{
    std::string m = CPLGetLastErrorMsg();
    while (!m.empty() && (m.back() == '\n' || m.back() == ' ' || m.back() == '.'))
        m.pop_back();
    return m;
}

dataset_ptr open_source(const std::string& source, const read_options& opt)
{
    gdal_init();
    const bool database = is_database_destination(source);
    if (!database && !fs::exists(source))
        throw io_error("read: " + quoted(source) + ": no such file. Check the path.");
    string_list oo;
    oo.add_all(opt.open_options);
    if (!opt.encoding.empty())
        oo.set("ENCODING", opt.encoding);
    if (is_csv(source)) {
        oo.set("X_POSSIBLE_NAMES", opt.x_field.empty() ? "lon,lng,longitude,x,经度,long" : opt.x_field);
        oo.set("Y_POSSIBLE_NAMES", opt.y_field.empty() ? "lat,latitude,y,纬度" : opt.y_field);
        oo.set("KEEP_GEOM_COLUMNS", "NO");
        oo.set("AUTODETECT_TYPE", "YES");
    }
    // Keep GDAL's first failure message: for a malformed file it names the
    // position ("At line 1, character 123: Unterminated array"), later ones do not.
    struct first_error {
        std::string msg;
        static void CPL_STDCALL handler(CPLErr cls, CPLErrorNum, const char* m)
        {
            auto* self = static_cast<first_error*>(CPLGetErrorHandlerUserData());
            if (cls >= CE_Failure && self->msg.empty() && m)
                self->msg = m;
        }
    } collected;
    CPLPushErrorHandlerEx(first_error::handler, &collected);
    CPLErrorReset();
    GDALDataset* ds = GDALDataset::Open(source.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, nullptr, oo.get(), nullptr);
    CPLPopErrorHandler();
    if (!ds) {
        std::string msg = collected.msg;
        while (!msg.empty() && (msg.back() == '\n' || msg.back() == ' ' || msg.back() == '.'))
            msg.pop_back();
        if (database)
            throw io_error("read: cannot connect to " + quoted(source) + (msg.empty() ? "" : ": " + msg) +
                           ". Check the connection string (e.g. PG:dbname=gis host=/var/run/postgresql).");
        if (fs::is_directory(source))
            throw io_error("read: " + quoted(source) + " is a folder without a vector dataset GDAL can read. "
                           "Give the path of a file (e.g. a .shp).");
        GDALDriverH identified = GDALIdentifyDriverEx(source.c_str(), GDAL_OF_VECTOR, nullptr, nullptr);
        if (msg.empty() || msg.find("not recognized") != std::string::npos || !identified)
            throw io_error("read: " + quoted(source) +
                           ": not a vector format zjgeo can read (GeoJSON, GeoPackage, Shapefile, FlatGeobuf, CSV or any "
                           "other GDAL vector format). Check the file name and its content.");
        throw format_error("read: " + quoted(source) + ": malformed " + GDALGetDriverShortName(identified) + ": " +
                           msg + ". Check that the file is complete and valid.");
    }
    return dataset_ptr(ds);
}

} // namespace detail

namespace {

using detail::open_source;

field_type from_ogr(OGRFieldType t)
{
    switch (t) {
    case OFTInteger:
    case OFTInteger64: return field_type::integer;
    case OFTReal: return field_type::real;
    default: return field_type::string;
    }
}

} // namespace

std::vector<std::string> list_layers(const std::string& source)
{
    auto ds = open_source(source, {});
    std::vector<std::string> names;
    for (auto* l : ds->GetLayers())
        names.emplace_back(l->GetName());
    return names;
}

layer read_layer(const std::string& source, const read_options& opt)
{
    auto ds = open_source(source, opt);
    OGRLayer* ol = nullptr;
    if (opt.layer) {
        ol = ds->GetLayerByName(opt.layer->c_str());
        if (!ol) {
            std::string names;
            for (auto* l : ds->GetLayers())
                names += (names.empty() ? "" : ", ") + std::string(l->GetName());
            throw usage_error("read: " + quoted(source) + " has no layer " + quoted(*opt.layer) +
                              ". Layers: " + names + ".");
        }
    } else {
        if (ds->GetLayerCount() == 0)
            throw format_error("read: " + quoted(source) + " holds no vector layer.");
        ol = ds->GetLayer(0);
    }
    if (opt.bbox) {
        const auto& b = *opt.bbox;
        ol->SetSpatialFilterRect(b[0], b[1], b[2], b[3]);
    }
    layer out;
    out.name = ol->GetName();
    out.source = source;
    if (const OGRSpatialReference* srs = ol->GetSpatialRef()) {
        auto copy = std::make_shared<OGRSpatialReference>(*srs);
        copy->SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
        out.crs = std::move(copy);
    }
    OGRFeatureDefn* defn = ol->GetLayerDefn();
    for (int i = 0; i < defn->GetFieldCount(); ++i) {
        OGRFieldDefn* fd = defn->GetFieldDefn(i);
        out.fields.push_back({fd->GetNameRef(), from_ogr(fd->GetType())});
    }
    ol->ResetReading();
    CPLErrorReset();
    std::int64_t index = 0;
    for (;;) {
        ogr_feature_ptr f(ol->GetNextFeature());
        if (!f) {
            if (CPLGetLastErrorType() >= CE_Failure)
                throw format_error(fmt::format("read: {}: after feature {}: {}. Check that the file is valid.",
                                               quoted(source), index, last_gdal_error()));
            break;
        }
        feature ft;
        ft.source_index = index++;
        ft.values.resize(out.fields.size());
        for (std::size_t i = 0; i < out.fields.size(); ++i) {
            int fi = static_cast<int>(i);
            if (!f->IsFieldSetAndNotNull(fi))
                continue;
            switch (out.fields[i].type) {
            case field_type::integer: ft.values[i] = static_cast<std::int64_t>(f->GetFieldAsInteger64(fi)); break;
            case field_type::real: ft.values[i] = f->GetFieldAsDouble(fi); break;
            case field_type::string: ft.values[i] = std::string(f->GetFieldAsString(fi)); break;
            }
        }
        if (OGRGeometry* g = f->StealGeometry()) {
            g->assignSpatialReference(nullptr);
            ft.geometry.reset(g);
        }
        out.features.push_back(std::move(ft));
    }
    return out;
}

std::string driver_for(const std::string& dest, const std::string& format)
{
    static const std::vector<std::pair<std::vector<std::string>, std::string>> formats = {
        {{"geojson", "json"}, "GeoJSON"},
        {{"geojsonseq", "geojsonl", "geojsons", "ndgeojson"}, "GeoJSONSeq"},
        {{"gpkg", "geopackage"}, "GPKG"},
        {{"shp", "shapefile", "esri shapefile"}, "ESRI Shapefile"},
        {{"fgb", "flatgeobuf"}, "FlatGeobuf"},
        {{"csv"}, "CSV"},
        {{"pg", "postgresql", "postgis"}, "PostgreSQL"},
    };
    std::string key = lower(format);
    if (key.empty()) {
        if (dest.rfind("PG:", 0) == 0)
            return "PostgreSQL";
        key = lower(fs::path(dest).extension().string());
        if (!key.empty() && key[0] == '.')
            key.erase(0, 1);
        if (key.empty())
            throw usage_error("write: cannot tell the format of " + quoted(dest) +
                              " (no extension). Give it with -f/--of (geojson, geojsonseq, gpkg, shp, fgb, csv, pg).");
    }
    for (const auto& [names, driver] : formats)
        if (std::find(names.begin(), names.end(), key) != names.end() || lower(driver) == key)
            return driver;
    throw usage_error("write: unknown output format " + quoted(format.empty() ? key : format) + " for " + quoted(dest) +
                      ". Use one of: geojson, geojsonseq, gpkg, shp, fgb, csv, pg.");
}

namespace {

OGRwkbGeometryType common_type(const layer& l)
{
    OGRwkbGeometryType t = wkbNone;
    bool first = true;
    for (const auto& f : l.features) {
        if (!f.geometry)
            continue;
        auto g = wkbFlatten(f.geometry->getGeometryType());
        if (first) {
            t = g;
            first = false;
        } else if (g != t) {
            auto multi_of = [](OGRwkbGeometryType x) { return OGR_GT_GetCollection(x); };
            if (multi_of(g) == t)
                continue;
            if (multi_of(t) == g) {
                t = g;
                continue;
            }
            return wkbUnknown;
        }
    }
    return first ? wkbUnknown : t;
}

OGRFieldType to_ogr(field_type t)
{
    switch (t) {
    case field_type::integer: return OFTInteger64;
    case field_type::real: return OFTReal;
    case field_type::string: return OFTString;
    }
    return OFTString;
}

// Write one layer into an open dataset. `in_transaction`: the caller holds a
// dataset transaction (PostgreSQL), so no per-layer one is opened here.
void write_one_layer(GDALDataset& ds, const layer& l, const std::string& driver, const write_options& opt,
                     const std::string& dest, bool in_transaction = false)
{
    string_list lco;
    if (driver == "GeoJSON") {
        lco.set("RFC7946", "YES");
        lco.set("COORDINATE_PRECISION", std::to_string(opt.precision));
        lco.set("WRITE_NAME", "YES");
    } else if (driver == "GeoJSONSeq") {
        lco.set("RS", "NO");
        lco.set("COORDINATE_PRECISION", std::to_string(opt.precision));
    } else if (driver == "ESRI Shapefile") {
        lco.set("ENCODING", "UTF-8");
    } else if (driver == "PostgreSQL" && opt.overwrite) {
        lco.set("OVERWRITE", "YES");
    } else if (driver == "CSV") {
        lco.set("GEOMETRY", "AS_WKT");
    }
    lco.add_all(opt.layer_creation_options);

    OGRwkbGeometryType gtype = common_type(l);
    std::unique_ptr<OGRSpatialReference> srs(l.crs ? l.crs->Clone() : nullptr);
    if (srs)
        srs->SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    if (driver == "GeoJSON" || driver == "GeoJSONSeq") {
        // RFC 7946 output is WGS84: without a CRS GDAL cannot reproject, so require one.
        if (!srs)
            srs.reset(wgs84()->Clone());
    }
    if (driver == "PostgreSQL" && !opt.overwrite) {
        // The driver launders names to lower case; look for both spellings.
        CPLPushErrorHandler(CPLQuietErrorHandler);
        const bool exists = ds.GetLayerByName(l.name.c_str()) || ds.GetLayerByName(lower(l.name).c_str());
        CPLPopErrorHandler();
        if (exists)
            throw usage_error("write: table " + quoted(lower(l.name)) + " exists in " + quoted(dest) +
                              ". Use --overwrite to replace it, or choose another name with --nln.");
    }
    CPLErrorReset();
    OGRLayer* ol = ds.CreateLayer(l.name.c_str(), srs.get(), gtype, lco.get());
    if (!ol)
        throw io_error("write: cannot create layer " + quoted(l.name) + " in " + quoted(dest) + ": " +
                       last_gdal_error() + ".");
    for (const auto& f : l.fields) {
        OGRFieldDefn fd(f.name.c_str(), to_ogr(f.type));
        if (ol->CreateField(&fd) != OGRERR_NONE)
            throw io_error("write: cannot create field " + quoted(f.name) + " in " + quoted(dest) + ": " +
                           last_gdal_error() + ".");
    }
    // Map our field order to the created layer's (drivers may rename, e.g. Shapefile's 10 chars).
    const bool promote = driver != "GeoJSON" && driver != "GeoJSONSeq" && OGR_GT_IsSubClassOf(gtype, wkbGeometryCollection);
    const bool transaction =
        !in_transaction && ds.TestCapability(ODsCTransactions) && ds.StartTransaction() == OGRERR_NONE;
    std::size_t n = 0;
    for (const auto& f : l.features) {
        ogr_feature_ptr of(OGRFeature::CreateFeature(ol->GetLayerDefn()));
        for (std::size_t i = 0; i < l.fields.size(); ++i) {
            int fi = static_cast<int>(i);
            const auto& v = f.values[i];
            if (std::holds_alternative<std::int64_t>(v))
                of->SetField(fi, static_cast<GIntBig>(std::get<std::int64_t>(v)));
            else if (std::holds_alternative<double>(v))
                of->SetField(fi, std::get<double>(v));
            else if (std::holds_alternative<std::string>(v))
                of->SetField(fi, std::get<std::string>(v).c_str());
            else
                of->SetFieldNull(fi);
        }
        if (f.geometry) {
            OGRGeometry* g = f.geometry->clone();
            if (promote && !OGR_GT_IsSubClassOf(wkbFlatten(g->getGeometryType()), wkbGeometryCollection))
                g = OGRGeometryFactory::forceTo(g, gtype);
            of->SetGeometryDirectly(g);
        }
        if (ol->CreateFeature(of.get()) != OGRERR_NONE) {
            if (transaction)
                ds.RollbackTransaction();
            throw io_error(fmt::format("write: {}: feature {} of layer {}: {}.", quoted(dest), n + 1, quoted(l.name),
                                       last_gdal_error()));
        }
        ++n;
    }
    if (transaction && ds.CommitTransaction() != OGRERR_NONE)
        throw io_error("write: " + quoted(dest) + ": commit failed: " + last_gdal_error() + ".");
}

bool single_layer_driver(const std::string& d)
{
    return d == "GeoJSON" || d == "GeoJSONSeq" || d == "ESRI Shapefile" || d == "FlatGeobuf" || d == "CSV";
}

} // namespace

void write_layers(const std::string& dest, const std::vector<const layer*>& layers, const write_options& opt)
{
    gdal_init();
    const std::string driver_name = driver_for(dest, opt.format);
    if (layers.size() != 1 && single_layer_driver(driver_name))
        throw usage_error(fmt::format("write: format {} holds one layer, but {} were given for {}. "
                                      "Use a GeoPackage (.gpkg) or one file per layer.",
                                      driver_name, layers.size(), quoted(dest)));
    GDALDriver* drv = GetGDALDriverManager()->GetDriverByName(driver_name.c_str());
    if (!drv)
        throw io_error("write: GDAL driver " + quoted(driver_name) + " is not available in this GDAL build.");

    if (driver_name == "PostgreSQL") {
        CPLErrorReset();
        dataset_ptr ds(GDALDataset::Open(dest.c_str(), GDAL_OF_VECTOR | GDAL_OF_UPDATE, nullptr, nullptr, nullptr));
        if (!ds)
            throw io_error("write: cannot connect to " + quoted(dest) + ": " + last_gdal_error() +
                           ". Check the connection string (e.g. PG:dbname=gis host=/var/run/postgresql).");
        // One transaction around table creation and rows: a failure leaves no table behind.
        const bool tx = ds->StartTransaction() == OGRERR_NONE;
        try {
            for (const layer* l : layers)
                write_one_layer(*ds, *l, driver_name, opt, dest, tx);
        } catch (...) {
            if (tx)
                ds->RollbackTransaction();
            throw;
        }
        if (tx && ds->CommitTransaction() != OGRERR_NONE)
            throw io_error("write: " + quoted(dest) + ": commit failed: " + last_gdal_error() + ".");
        return;
    }

    staged_output out(dest, driver_name, opt.overwrite);
    {
        string_list dsco;
        dsco.add_all(opt.dataset_creation_options);
        CPLErrorReset();
        dataset_ptr ds(drv->Create(out.path().c_str(), 0, 0, 0, GDT_Unknown, dsco.get()));
        if (!ds)
            throw io_error("write: cannot create " + quoted(dest) + ": " + last_gdal_error() + ".");
        for (const layer* l : layers)
            write_one_layer(*ds, *l, driver_name, opt, dest);
        GDALDataset* raw = ds.release();
        CPLErrorReset();
        GDALClose(GDALDataset::ToHandle(raw));
        if (CPLGetLastErrorType() >= CE_Failure)
            throw io_error("write: " + quoted(dest) + ": " + last_gdal_error() + ".");
    }
    out.commit();
}

} // namespace geo
