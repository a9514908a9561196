#pragma once
// Point-pattern statistics on planar coordinates in metres: kernel density,
// Getis–Ord Gi* on a hexagon grid with Benjamini–Hochberg FDR, Clark–Evans
// nearest-neighbour index, and cluster hulls.
#include "libgeo/io/layer.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace geo::stats {

// ------------------------------------------------------------------ kernel density

enum class kernel { quartic, gaussian };

/// Rule-of-thumb bandwidth (metres), the spatial variant of Silverman's rule
/// used by ArcGIS/QGIS users: h = 0.9 · min(SD, √(1/ln 2) · Dm) · n^(-1/5), where
/// SD is the standard distance of the points and Dm the median distance to their
/// mean centre.
double default_bandwidth(const std::vector<double>& x, const std::vector<double>& y);

struct raster {
    double x0 = 0, y1 = 0; ///< top-left corner
    double cell = 1;
    std::size_t nx = 0, ny = 0;
    std::vector<float> v;  ///< row-major from the top row
    float at(std::size_t i, std::size_t j) const { return v[j * nx + i]; }
};

/// Density in points per km² on a grid of `cell` metres covering the points'
/// extent plus one bandwidth (Gaussian: 3 bandwidths). Quartic:
/// K(d) = 3/(π h²) (1 − d²/h²)² for d < h; Gaussian: K(d) = 1/(2π h²) exp(−d²/2h²),
/// truncated at 4h. Each kernel integrates to 1 (a point adds 1 to the total
/// count), multiplied by 10⁶ for km².
/// @throws usage_error when the grid would exceed `max_cells`.
raster kernel_density(const std::vector<double>& x, const std::vector<double>& y, kernel k, double bandwidth, double cell,
                      unsigned threads = 0, std::size_t max_cells = 200'000'000);

/// The q-quantile of the non-zero cells (nearest-rank).
double nonzero_quantile(const raster& r, double q);

// ------------------------------------------------------------------ Getis–Ord Gi*

struct hex_cell {
    std::int64_t q, r;   ///< axial coordinates
    double cx, cy;       ///< centre (metres)
    std::uint64_t count;
    double z = 0, p = 1; ///< Gi* z-score, two-sided p-value
    bool significant = false; ///< after Benjamini–Hochberg at the chosen FDR
    std::string klass;   ///< "hot spot", "cold spot", "not significant"
};

/// Hexagon grid of pointy-top hexagons whose flat-to-flat width is `size`
/// metres, covering the points' bounding box (empty cells included: they count
/// as zeros). Gi* with binary weights over the cell itself and its 6 neighbours
/// (Getis & Ord 1992 / Ord & Getis 1995):
///   Gi* = (Σ_j w_ij x_j − X̄ Σ_j w_ij) / (S √[(n Σ_j w_ij² − (Σ_j w_ij)²)/(n − 1)])
/// with X̄, S the mean and standard deviation of all n cell counts. p-values are
/// two-sided normal; Benjamini–Hochberg keeps the false discovery rate at `fdr`.
std::vector<hex_cell> getis_ord_hex(const std::vector<double>& x, const std::vector<double>& y, double size, double fdr = 0.05,
                                    std::size_t max_cells = 20'000'000);
/// The hexagon polygon of a cell (metres).
std::vector<std::pair<double, double>> hex_ring(const hex_cell& c, double size);

/// Benjamini–Hochberg: which p-values are significant at false discovery rate q.
std::vector<bool> benjamini_hochberg(const std::vector<double>& p, double q);

// ------------------------------------------------------------------ Clark–Evans

struct clark_evans_result {
    std::uint64_t n = 0;
    double mean_nn = 0;   ///< observed mean nearest-neighbour distance (m)
    double expected = 0;  ///< 0.5 / √(n / A)
    double R = 0;         ///< mean_nn / expected: < 1 clustered, 1 random, > 1 dispersed
    double z = 0;         ///< (mean_nn − expected) / (0.26136 / √(n² / A))
    double area_m2 = 0;
};

/// Clark & Evans (1954) without edge correction; `area_m2` is the study area.
clark_evans_result clark_evans(const std::vector<double>& x, const std::vector<double>& y, double area_m2);

/// Area (m²) of the convex hull of the points (the default study area).
double convex_hull_area(const std::vector<double>& x, const std::vector<double>& y);

} // namespace geo::stats
