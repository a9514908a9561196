#pragma once

#include "libgeo/core/parallel.hpp"
// Private helpers of the overlay module: a deterministic parallel loop and
// GEOS geometry utilities (extraction of parts by dimension, repair).
#include "libgeo/crs/transform.hpp"
#include "libgeo/geometry/geos.hpp"

#include <memory>
#include <optional>

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <exception>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace geo::overlay::detail {

/// Number of worker threads for `requested` (0 = hardware) and `n` work items.
inline unsigned worker_count(unsigned requested, std::size_t n)
{
    unsigned t = geo::worker_count(requested);
    if (n < 64)
        t = 1;
    return static_cast<unsigned>(std::min<std::size_t>(t, std::max<std::size_t>(n, 1)));
}

/// Run body(worker, i) for i in [0, n) on `threads` threads in chunks. Each
/// thread gets its own GEOS context (geos::context() is thread-local). The
/// first exception thrown stops the loop and is rethrown in the caller.
/// make_state(worker) builds per-thread state passed to body as its first argument.
template <class MakeState, class Body>
void parallel_for(std::size_t n, unsigned threads, std::size_t chunk, MakeState make_state, Body body)
{
    threads = worker_count(threads, n);
    std::atomic<std::size_t> next{0};
    std::atomic<bool> stop{false};
    std::exception_ptr first;
    std::mutex m;
    auto work = [&](unsigned w) {
        try {
            auto state = make_state(w);
            for (;;) {
                if (stop.load(std::memory_order_relaxed))
                    return;
                std::size_t begin = next.fetch_add(chunk);
                if (begin >= n)
                    return;
                std::size_t end = std::min(n, begin + chunk);
                for (std::size_t i = begin; i < end; ++i)
                    body(state, i);
            }
        } catch (...) {
            std::lock_guard<std::mutex> lock(m);
            if (!first)
                first = std::current_exception();
            stop = true;
        }
    };
    run_workers(threads, work);
    if (first)
        std::rethrow_exception(first);
}

struct no_state {};
inline no_state make_no_state(unsigned) { return {}; }

/// Dimension of a geometry (0 points, 1 lines, 2 polygons; -1 empty).
int dimension(const GEOSGeometry& g);

/// The parts of `g` of dimension `dim` (a single part, a Multi* of them, or
/// null when there is none). Takes ownership of g.
geos::geom_ptr extract_dimension(geos::geom_ptr g, int dim);

/// Compute and cache the envelope of `g` and of all its components (rings and parts).
/// GEOS before 3.12 computes envelopes lazily (GEOS ticket 855): a geometry must be
/// primed in one thread before several threads read it.
void prime(const GEOSGeometry& g);

/// Result of checking/repairing one input geometry.
struct repair_outcome {
    geos::geom_ptr geometry; ///< null when dropped
    std::string reason;      ///< "" when the input was fine
    bool repaired = false;
    bool dropped = false;
};

/// Validate `g`; repair it with MakeValid (structure method) when invalid,
/// keeping the parts of its own dimension. Takes ownership of g.
repair_outcome check_and_repair(geos::geom_ptr g);

/// Area of a geometry in km²: planar in `area_crs` when given, else geodesic on
/// WGS84 (after transforming from `from` when it is not WGS84 already).
/// Not thread-safe (holds a PROJ transformation): one per thread.
class area_measure {
public:
    area_measure(const crs& from, const std::optional<crs>& area_crs);
    double operator()(const OGRGeometry& g) const;
    /// True when no PROJ object is involved (geodesic area of WGS84 input): usable from any thread.
    bool thread_safe() const { return !tr_; }

private:
    std::unique_ptr<transformer> tr_;
    bool planar_ = false;
};

} // namespace geo::overlay::detail
