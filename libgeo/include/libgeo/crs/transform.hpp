#pragma once
// Coordinate transformation between two geo::crs, pseudo-datums included:
// source pseudo-datum -> WGS84 (iterative inverse) -> PROJ -> target
// (forward offset). Works on coordinate arrays, single points and whole
// geometries/layers. Construction is the expensive part; reuse a transformer.
#include "libgeo/crs/crs.hpp"
#include "libgeo/io/layer.hpp"

#include <cstddef>
#include <memory>

namespace geo {

class transformer {
public:
    /// @throws crs_error when PROJ cannot build the operation.
    transformer(const crs& from, const crs& to);
    ~transformer();
    transformer(transformer&&) noexcept;
    transformer& operator=(transformer&&) noexcept;

    /// Transform n points in place (x = lon/easting). Points PROJ cannot
    /// transform become NaN; returns how many failed.
    std::size_t transform(std::size_t n, double* x, double* y) const;

    /// Transform a geometry in place. When a pseudo-datum is involved, edges
    /// longer than `densify_m` metres (approx.) are densified first so long
    /// straight segments follow the non-linear offset.
    /// @throws crs_error when a vertex cannot be transformed.
    void transform(OGRGeometry& g) const;

    bool is_identity() const { return identity_; }
    const crs& from() const { return from_; }
    const crs& to() const { return to_; }

    static constexpr double densify_m = 1000.0;

private:
    crs from_, to_;
    bool identity_ = false;
    struct impl;
    std::unique_ptr<impl> impl_;
};

/// Reproject every geometry of a layer to `to` (from the layer's own CRS, or
/// from `from_override` when given, e.g. gcj02 for web-map coordinates).
/// Sets layer.crs. @throws crs_error naming the layer when the layer has no CRS and no override.
void reproject(layer& l, const crs& to, const crs* from_override = nullptr);

} // namespace geo
