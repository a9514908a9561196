#include "libgeo/style/gpkg.hpp"

#include "libgeo/core/error.hpp"
#include "libgeo/io/vector_io.hpp"
#include "libgeo/style/export.hpp"

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <filesystem>
#include <ctime>
#include <memory>

namespace geo::style {

namespace {

struct dataset_closer {
    void operator()(GDALDataset* d) const noexcept { GDALClose(d); }
};

std::string sql_quote(const std::string& v)
{
    std::string out = "'";
    for (char c : v) {
        out += c;
        if (c == '\'')
            out += '\'';
    }
    return out + "'";
}

void exec(GDALDataset& ds, const std::string& sql)
{
    CPLErrorReset();
    OGRLayer* r = ds.ExecuteSQL(sql.c_str(), nullptr, nullptr);
    if (r)
        ds.ReleaseResultSet(r);
    if (CPLGetLastErrorType() >= CE_Failure)
        throw io_error("styles: SQL on the GeoPackage failed: " + std::string(CPLGetLastErrorMsg()) + ".");
}

void require_vector_style(const style& s)
{
    if (s.kind == style_kind::raster)
        throw usage_error("styles: " + geo::quoted(s.id) + " is a raster style; GeoPackage layer styles cover vector "
                          "layers. Render rasters with 'zjgeo render --density'.");
}

} // namespace

void embed_gpkg_style(const std::string& gpkg_path, const std::string& layer_name, const style& given)
{
    gdal_init();
    require_vector_style(given);
    if (!std::filesystem::exists(gpkg_path))
        throw io_error("styles: " + geo::quoted(gpkg_path) + " does not exist. Export the layer first (zjgeo export ... -o x.gpkg).");
    CPLErrorReset();
    std::unique_ptr<GDALDataset, dataset_closer> ds(static_cast<GDALDataset*>(
        GDALOpenEx(gpkg_path.c_str(), GDAL_OF_VECTOR | GDAL_OF_UPDATE, nullptr, nullptr, nullptr)));
    if (!ds)
        throw io_error("styles: cannot open " + geo::quoted(gpkg_path) + " for update (" + CPLGetLastErrorMsg() +
                       "). Check that it is a GeoPackage and writable.");
    if (!ds->GetDriver() || std::string(ds->GetDriver()->GetDescription()) != "GPKG")
        throw usage_error("styles: " + geo::quoted(gpkg_path) + " is not a GeoPackage. Styles embed only in .gpkg files.");
    OGRLayer* target = ds->GetLayerByName(layer_name.c_str());
    if (!target || layer_name == "layer_styles") {
        std::string list;
        for (auto* l : ds->GetLayers())
            if (std::string(l->GetName()) != "layer_styles")
                list += (list.empty() ? "" : ", ") + std::string(l->GetName());
        throw usage_error("styles: " + geo::quoted(gpkg_path) + " has no layer " + geo::quoted(layer_name) + ". Layers: " +
                          list + ".");
    }
    std::string geom_col = target->GetGeometryColumn() ? target->GetGeometryColumn() : "";
    // Symbols follow the layer's geometry (a marker for points, a line for lines),
    // whatever the style was written for, so QGIS draws every feature.
    style s = given;
    if (s.kind != style_kind::overlay) {
        switch (wkbFlatten(target->GetGeomType())) {
        case wkbPoint:
        case wkbMultiPoint: s.geometry = geometry_kind::point; break;
        case wkbLineString:
        case wkbMultiLineString: s.geometry = geometry_kind::line; break;
        case wkbPolygon:
        case wkbMultiPolygon: s.geometry = geometry_kind::polygon; break;
        default: break;
        }
    }
    std::string qml = to_qml(s);
    std::string sld = to_sld(s, layer_name);

    OGRLayer* styles = ds->GetLayerByName("layer_styles");
    if (!styles) {
        // Created through OGR so the table is registered in gpkg_contents, as QGIS does.
        char** lco = nullptr;
        lco = CSLSetNameValue(lco, "FID", "id");
        styles = ds->CreateLayer("layer_styles", nullptr, wkbNone, lco);
        CSLDestroy(lco);
        if (!styles)
            throw io_error("styles: cannot create layer_styles in " + geo::quoted(gpkg_path) + " (" +
                           CPLGetLastErrorMsg() + ").");
        auto add = [&](const char* name, OGRFieldType t, int width = 0, OGRFieldSubType sub = OFSTNone) {
            OGRFieldDefn f(name, t);
            f.SetWidth(width);
            f.SetSubType(sub);
            if (styles->CreateField(&f) != OGRERR_NONE)
                throw io_error(std::string("styles: cannot add field ") + name + " to layer_styles.");
        };
        add("f_table_catalog", OFTString, 256);
        add("f_table_schema", OFTString, 256);
        add("f_table_name", OFTString, 256);
        add("f_geometry_column", OFTString, 256);
        add("styleName", OFTString, 30);
        add("styleQML", OFTString);
        add("styleSLD", OFTString);
        add("useAsDefault", OFTInteger, 0, OFSTBoolean);
        add("description", OFTString);
        add("owner", OFTString, 30);
        add("ui", OFTString, 30);
        add("update_time", OFTDateTime);
    }
    std::string style_name = s.id.substr(0, 30);
    exec(*ds, "DELETE FROM layer_styles WHERE f_table_name = " + sql_quote(layer_name) +
                  " AND styleName = " + sql_quote(style_name));
    exec(*ds, "UPDATE layer_styles SET useAsDefault = 0 WHERE f_table_name = " + sql_quote(layer_name));

    OGRFeature row(styles->GetLayerDefn());
    row.SetField("f_table_catalog", "");
    row.SetField("f_table_schema", "");
    row.SetField("f_table_name", layer_name.c_str());
    row.SetField("f_geometry_column", geom_col.c_str());
    row.SetField("styleName", style_name.c_str());
    row.SetField("styleQML", qml.c_str());
    row.SetField("styleSLD", sld.c_str());
    row.SetField("useAsDefault", 1);
    row.SetField("description", ("zjgeo style " + s.id + ": " + s.title()).c_str());
    row.SetField("owner", "");
    row.SetField("ui", "");
    // Current UTC time, as QGIS writes it.
    std::time_t now = std::time(nullptr);
    std::tm tm{};
    gmtime_r(&now, &tm);
    row.SetField("update_time", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min,
                 static_cast<float>(tm.tm_sec), 100);
    if (styles->CreateFeature(&row) != OGRERR_NONE)
        throw io_error("styles: cannot write the style row into " + geo::quoted(gpkg_path) + " (" + CPLGetLastErrorMsg() +
                       ").");
    ds->FlushCache();
}

} // namespace geo::style
