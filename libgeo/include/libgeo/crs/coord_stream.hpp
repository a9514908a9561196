#pragma once
// Converting coordinates held as text: "lon,lat" / "x y" lines (one point per
// line, what `zjgeo coords` reads on stdin) or a CSV file whose named columns
// hold x and y. Streams, so inputs of any size work in constant memory.
//
// Errors are thrown as format_error naming the source and the 1-based line:
//   "'<stdin>': line 3: 'abc,31.2' is not 'x,y' (two numbers separated by a comma or spaces). Fix or remove the line."
// Output written before the error stays written (stdout is a stream); callers
// that write a file stage it (geo::staged_output) so a failure leaves nothing.
#include "libgeo/crs/transform.hpp"

#include <cstdint>
#include <functional>
#include <istream>
#include <ostream>
#include <string>

namespace geo {

struct coord_stream_options {
    std::string source_name = "<stdin>"; ///< for messages
    int decimals = -1;                   ///< output decimals; -1 = default_decimals(target CRS)
    /// Called every few thousand points with the number of lines read; may be empty.
    std::function<void(std::uint64_t)> on_progress;
};

/// 7 for lon/lat targets (about 1 cm), 3 for projected ones (1 mm).
int default_decimals(const crs& target);

/// Convert "x,y[,rest...]" / "x y [rest...]" / "x;y" lines. Blank lines and lines
/// starting with '#' are copied unchanged; text after the two numbers is kept.
/// The separator of each line is kept in its output. For a lon/lat source, a
/// latitude outside [-90, 90] is an error hinting at swapped lat/lon order.
/// @returns the number of points converted. @throws format_error, crs_error.
std::uint64_t transform_lines(std::istream& in, std::ostream& out, const transformer& t,
                              const coord_stream_options& opt = {});

/// Convert the x/y columns of a CSV (RFC 4180: first record is the header,
/// fields may be quoted). Every other byte of the file is copied unchanged.
/// `x_column`/`y_column` "" = detect (lon, lng, longitude, x, 经度 / lat,
/// latitude, y, 纬度, case-insensitive).
/// @returns the number of rows converted.
/// @throws usage_error (column not found), format_error (bad row), crs_error.
std::uint64_t transform_csv(std::istream& in, std::ostream& out, const transformer& t, const std::string& x_column,
                            const std::string& y_column, const coord_stream_options& opt = {});

} // namespace geo
