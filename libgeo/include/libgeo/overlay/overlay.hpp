#pragma once
// Geometric overlay of two vector layers through GEOS (re-entrant _r API):
// intersection, union, identity, difference, symmetric difference and clip,
// with the semantics of GeoPandas' overlay() / QGIS' overlay tools:
//
//   intersection   A∩B for every intersecting pair, attributes of A and B
//   union          intersection + (A − ∪B) + (B − ∪A), the missing side's attributes null
//   identity       intersection + (A − ∪B): A is cut by B, nothing of B outside A
//   difference     A − ∪B, attributes of A only (QGIS "Difference", GeoPandas "difference")
//   symdifference  (A − ∪B) + (B − ∪A)
//   clip           A ∩ ∪B, attributes of A only (one piece per A feature)
//
// Each layer's features are taken one by one: overlaps inside a layer are not
// dissolved (as in GeoPandas). Candidate pairs come from a Boost.Geometry
// R-tree over the bounding boxes; large geometries are prepared; the work is
// spread over threads, each with its own GEOS context. The output order is
// deterministic (A order, then B order), independent of the thread count.
//
// Invalid input is repaired with GEOS MakeValid (structure method) and
// reported; null/empty geometries, and those nothing is left of after repair,
// are dropped and reported.
#include "libgeo/crs/crs.hpp"
#include "libgeo/io/layer.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace geo::overlay {

enum class operation { intersection, union_, identity, difference, symdifference, clip };

/// "intersection", "union", ... (the names the CLI accepts).
const char* to_string(operation op);
/// Parse an operation name. @throws usage_error listing the operations.
operation parse_operation(const std::string& name);
/// Every operation name, in documentation order.
std::vector<std::string> operation_names();

/// One repaired or dropped input feature.
struct repair_entry {
    std::string layer;       ///< the layer's source, e.g. "landuse.gpkg"
    std::int64_t feature;    ///< 1-based position in the source (the Nth feature)
    std::string reason;      ///< e.g. "Self-intersection at (121.5, 31.2)", "no geometry"
    std::string action;      ///< "repaired" or "dropped"
};

struct repair_report {
    std::vector<repair_entry> entries; ///< in layer order, then feature order
    std::size_t count(const std::string& action) const;
    /// One line for stderr, e.g. "repaired 1 invalid geometry (landuse.gpkg: 1), dropped 0"; "" if nothing happened.
    std::string summary() const;
    /// CSV with header "layer,feature,reason,action".
    std::string to_csv() const;
};

struct options {
    operation op = operation::intersection;
    /// Appended to a field name that occurs on both sides (GeoPandas' default "_1"/"_2").
    std::string suffix_a = "_1";
    std::string suffix_b = "_2";
    /// Prepended to every field of that side (QGIS' "overlay fields prefix"); "" = none.
    std::string prefix_a;
    std::string prefix_b;
    /// Keep only results of the inputs' dimension (polygons when both are polygonal,
    /// like GeoPandas keep_geom_type=True / PostGIS ST_CollectionExtract(..., 3)).
    bool keep_geom_type = true;
    /// Name of the area field added to the output; "" = none. It wins a name
    /// clash with an input field (that field takes its side's suffix).
    std::string area_field = "area_km2";
    /// Planar area in this CRS instead of the geodesic area on the WGS84 ellipsoid
    /// (which is measured after transforming the piece to WGS84 when the layers are in another CRS).
    std::optional<crs> area_crs;
    /// Also measure every feature of A (result::a_area_km2), e.g. for roll-up shares.
    bool measure_a = false;
    /// Worker threads; 0 = one per hardware thread.
    unsigned threads = 0;
};

struct result {
    layer out;                        ///< A's CRS; name "overlay"
    repair_report repairs;
    /// Per output feature: index into a.features / b.features, or -1 for "no such side".
    std::vector<std::int64_t> a_index;
    std::vector<std::int64_t> b_index;
    std::size_t candidate_pairs = 0;  ///< pairs whose bounding boxes intersect
    std::vector<double> a_area_km2;   ///< per A feature, measured like the pieces (options::measure_a)
};

/// Overlay `a` with `b` in their CRS (planar GEOS operations on the stored coordinates,
/// as GeoPandas and PostGIS do). Both layers must be in the same CRS; a layer without
/// a CRS is taken as WGS84 lon/lat. union and symdifference need polygonal inputs; identity,
/// clip and difference need a polygonal `b` only when keep_geom_type matters.
/// @throws usage_error (CRS mismatch, unsupported geometry combination),
///         geometry_error (GEOS fails on a pair, naming both features).
result run(const layer& a, const layer& b, const options& opt);

/// The output schema run() produces (A's fields, B's fields, area), without running.
std::vector<field_def> output_fields(const layer& a, const layer& b, const options& opt);

} // namespace geo::overlay
