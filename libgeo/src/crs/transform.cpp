#include "libgeo/crs/transform.hpp"

#include "libgeo/core/error.hpp"
#include "libgeo/crs/chinese.hpp"

#include <cmath>
#include <cpl_error.h>
#include <fmt/format.h>
#include <limits>
#include <vector>

namespace geo {

namespace {

using ct_ptr = std::unique_ptr<OGRCoordinateTransformation, void (*)(OGRCoordinateTransformation*)>;

void destroy_ct(OGRCoordinateTransformation* ct) { OGRCoordinateTransformation::DestroyCT(ct); }

// Apply a pseudo-datum shift (or its inverse) to n lon/lat points in place.
void shift(pseudo_datum d, bool to_wgs84, std::size_t n, double* x, double* y)
{
    for (std::size_t i = 0; i < n; ++i) {
        if (std::isnan(x[i]) || std::isnan(y[i]))
            continue;
        chinese::lonlat p{x[i], y[i]};
        if (d == pseudo_datum::gcj02)
            p = to_wgs84 ? chinese::gcj02_to_wgs84(p) : chinese::wgs84_to_gcj02(p);
        else if (d == pseudo_datum::bd09)
            p = to_wgs84 ? chinese::bd09_to_wgs84(p) : chinese::wgs84_to_bd09(p);
        x[i] = p.lon;
        y[i] = p.lat;
    }
}

bool same_srs(const crs& a, const crs& b)
{
    if (a.srs() == b.srs())
        return true;
    if (!a.srs() || !b.srs())
        return false;
    const char* opts[] = {"IGNORE_DATA_AXIS_TO_SRS_AXIS_MAPPING=YES", "CRITERION=EQUIVALENT", nullptr};
    return a.srs()->IsSame(b.srs().get(), opts) != 0;
}

} // namespace

struct transformer::impl {
    ct_ptr ct{nullptr, destroy_ct}; // null when the real CRSs are the same
};

transformer::transformer(const crs& from, const crs& to) : from_(from), to_(to), impl_(std::make_unique<impl>())
{
    if (!from.srs() || !to.srs())
        throw crs_error("crs: cannot transform from " + quoted(from.describe()) + " to " + quoted(to.describe()) +
                        ": a CRS is unknown. Give it with --src-crs.");
    if (!same_srs(from, to)) {
        CPLPushErrorHandler(CPLQuietErrorHandler);
        OGRCoordinateTransformation* ct = OGRCreateCoordinateTransformation(from.srs().get(), to.srs().get());
        std::string msg = CPLGetLastErrorMsg();
        CPLPopErrorHandler();
        if (!ct)
            throw crs_error("crs: no transformation from " + quoted(from.describe()) + " to " +
                            quoted(to.describe()) + (msg.empty() ? "" : ": " + msg) + ".");
        impl_->ct.reset(ct);
    }
    identity_ = !impl_->ct && from.pseudo() == to.pseudo();
}

transformer::~transformer() = default;
transformer::transformer(transformer&&) noexcept = default;
transformer& transformer::operator=(transformer&&) noexcept = default;

std::size_t transformer::transform(std::size_t n, double* x, double* y) const
{
    if (identity_ || n == 0)
        return 0;
    if (from_.is_pseudo())
        shift(from_.pseudo(), true, n, x, y);
    std::size_t failed = 0;
    if (impl_->ct) {
        std::vector<int> ok(n, 0);
        CPLPushErrorHandler(CPLQuietErrorHandler);
        impl_->ct->Transform(static_cast<int>(n), x, y, nullptr, nullptr, ok.data());
        CPLPopErrorHandler();
        for (std::size_t i = 0; i < n; ++i)
            if (!ok[i] || !std::isfinite(x[i]) || !std::isfinite(y[i])) {
                x[i] = y[i] = std::numeric_limits<double>::quiet_NaN();
                ++failed;
            }
    }
    if (to_.is_pseudo())
        shift(to_.pseudo(), false, n, x, y);
    return failed;
}

namespace {

// Adapts a geo::transformer to OGR's interface so OGRGeometry::transform can drive it.
class ogr_adapter final : public OGRCoordinateTransformation {
public:
    explicit ogr_adapter(const transformer& t) : t_(t) {}
    // GDAL 3.6's interface is not const-correct; OGR never modifies these.
    OGRSpatialReference* GetSourceCS() override { return const_cast<OGRSpatialReference*>(t_.from().srs().get()); }
    OGRSpatialReference* GetTargetCS() override { return const_cast<OGRSpatialReference*>(t_.to().srs().get()); }
    int Transform(int n, double* x, double* y, double*, double*, int* success) override
    {
        t_.transform(static_cast<std::size_t>(n), x, y);
        bool all = true;
        for (int i = 0; i < n; ++i) {
            bool ok = !std::isnan(x[i]);
            if (success)
                success[i] = ok;
            all = all && ok;
        }
        return all;
    }
    OGRCoordinateTransformation* Clone() const override { return new ogr_adapter(t_); }
    OGRCoordinateTransformation* GetInverse() const override { return nullptr; }

private:
    const transformer& t_;
};

} // namespace

void transformer::transform(OGRGeometry& g) const
{
    if (identity_)
        return;
    if (from_.is_pseudo() || to_.is_pseudo()) {
        // The GCJ-02/BD-09 offsets vary along a long edge, so shifting only its
        // end points would bend it wrongly: insert vertices first. segmentize
        // works in source units: ~1 km in degrees, or metres for projected input.
        g.segmentize(from_.is_geographic() ? densify_m / 111000.0 : densify_m);
    }
    ogr_adapter adapter(*this);
    if (g.transform(&adapter) != OGRERR_NONE)
        throw crs_error("crs: a vertex cannot be transformed from " + quoted(from_.describe()) + " to " +
                        quoted(to_.describe()) + ". Check --src-crs and the coordinates' range.");
    g.assignSpatialReference(nullptr);
}

void reproject(layer& l, const crs& to, const crs* from_override)
{
    crs from = from_override ? *from_override : (l.crs ? crs::from_srs(*l.crs) : crs());
    if (!from.srs())
        throw crs_error("crs: layer " + quoted(l.source.empty() ? l.name : l.source) +
                        " has no CRS. Give it with --src-crs (e.g. --src-crs wgs84 or --src-crs gcj02).");
    transformer t(from, to);
    for (auto& f : l.features) {
        if (!f.geometry)
            continue;
        try {
            t.transform(*f.geometry);
        } catch (const crs_error& e) {
            throw crs_error(fmt::format("{}: feature {}: {}", l.source.empty() ? l.name : l.source,
                                        f.source_index >= 0 ? f.source_index + 1 : 0, e.what()));
        }
    }
    l.crs = to.srs();
}

} // namespace geo
