#pragma once
// Private to libgeo's io module: RAII handles over GDAL objects and the one
// place that opens a vector source (used by vector_io.cpp and inspect.cpp).
#include "libgeo/io/vector_io.hpp"

#include <gdal_priv.h>
#include <memory>
#include <ogrsf_frmts.h>
#include <string>

namespace geo::detail {

struct dataset_closer {
    void operator()(GDALDataset* ds) const noexcept { GDALClose(GDALDataset::ToHandle(ds)); }
};
using dataset_ptr = std::unique_ptr<GDALDataset, dataset_closer>;

struct feature_deleter {
    void operator()(OGRFeature* f) const noexcept { OGRFeature::DestroyFeature(f); }
};
using ogr_feature_ptr = std::unique_ptr<OGRFeature, feature_deleter>;

/// CPLGetLastErrorMsg() without trailing blanks, newlines and final period.
std::string last_gdal_error();

/// Open a vector source read-only with zjgeo's open options (CSV coordinate
/// columns, Shapefile encoding). @throws io_error, format_error.
dataset_ptr open_source(const std::string& source, const read_options& opt);

} // namespace geo::detail
