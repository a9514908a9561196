#pragma once
// The one exception hierarchy of libgeo. Library code throws these and never
// exits; the zjgeo front end maps them to exit codes (usage_error -> 2,
// every other geo::error -> 1).
//
// House style for messages: "<component>: <what is wrong, quoting the value>
// [(<spec>)]. <what to try>." e.g.
//   "read: 'parks.geojson': feature 3: ring is not closed (RFC 7946 §3.1.6). Fix the ring or run 'zjgeo convert --make-valid'."
#include <stdexcept>
#include <string>

namespace geo {

/// Root of every failure libgeo reports.
class error : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

/// The invocation is wrong (unknown option, bad CRS name, output exists without --overwrite ...).
class usage_error : public error {
public:
    using error::error;
};

/// A file or data source cannot be opened, read or written.
class io_error : public error {
public:
    using error::error;
};

/// The content of an input does not follow its format (malformed GeoJSON, bad CSV row under --strict ...).
class format_error : public error {
public:
    using error::error;
};

/// A coordinate reference system cannot be built or a transformation fails.
class crs_error : public error {
public:
    using error::error;
};

/// A geometry operation fails or a geometry is unusable.
class geometry_error : public error {
public:
    using error::error;
};

/// Quote a value for an error message: 'value'.
inline std::string quoted(const std::string& value) { return "'" + value + "'"; }

} // namespace geo
