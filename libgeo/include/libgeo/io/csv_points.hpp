#pragma once
// Fast streaming reader of enterprise points: a CSV with longitude/latitude
// columns (auto-detected or named), an optional industry column mapped to the
// plan's industry tags (layers/industries.csv, plus a user's mapping file) and an
// optional weight column. The file is read in large blocks (no whole-file
// load); each block is split at line ends into one part per worker thread and
// parsed with fast_float straight into reusable arrays, so no heap allocation
// happens per row. Any other vector source (GeoPackage, GeoJSON, Shapefile ...)
// goes through geo::read_layer and is delivered in the same batches.
//
// Coordinates are delivered in WGS84 lon/lat: a --src-crs (gcj02, bd09, any
// EPSG) is applied per batch, with one transformer per thread.
#include "libgeo/crs/crs.hpp"

#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

namespace geo {

/// Industry labels -> small integer codes. Codes index tags(); code 0..n-1 in
/// byte order of the tag names. Labels are matched exactly first, then
/// case-insensitively (ASCII) after trimming spaces.
class industry_map {
public:
    /// The embedded layers/industries.csv (label,tag[,note]).
    static industry_map embedded();
    /// Add (or override) entries from a CSV file with columns label,tag.
    /// @throws io_error / format_error naming the file and line.
    void add_file(const std::string& path);
    void add(const std::string& label, const std::string& tag);

    /// Tags in byte order (e.g. ai, biomed, ic, other).
    const std::vector<std::string>& tags() const { return tags_; }
    /// Code of a tag, or -1.
    int code_of_tag(const std::string& tag) const;
    /// Code for a label; -1 when the label is unknown.
    int lookup(std::string_view label) const;
    /// Code used for unknown labels ("other" when that tag exists, else -1).
    int fallback() const { return code_of_tag("other"); }

private:
    void rebuild();
    std::vector<std::pair<std::string, std::string>> entries_; // label, tag
    std::vector<std::string> tags_;
    std::unordered_map<std::string, int> exact_;
    std::unordered_map<std::string, int> folded_;
};

struct point_read_options {
    std::string x_field;        ///< "" = auto (lon, lng, longitude, x, 经度 ...)
    std::string y_field;        ///< "" = auto (lat, latitude, y, 纬度 ...)
    std::string industry_field; ///< "" = auto (industry, 行业, sector, 产业); "-" = none
    bool industry_required = false; ///< the user named the field: it must exist
    std::string weight_field;   ///< "" = no weight
    std::string id_field;       ///< "" = auto (id, fid, ...); absent = row number
    std::optional<crs> src_crs; ///< default: the source's CRS, or WGS84 for CSV
    bool strict = false;        ///< a bad row is an error naming its line
    unsigned threads = 0;       ///< 0 = hardware concurrency
    std::size_t block_bytes = 8u << 20; ///< read size
    std::string layer;          ///< OGR sources: layer name
};

/// One batch of points (structure of arrays). Arrays are reused between batches.
struct point_batch {
    std::vector<double> x, y;            ///< WGS84 lon/lat
    std::vector<std::uint8_t> industry;  ///< code into industry_map::tags(); 255 = none
    std::vector<double> weight;          ///< empty unless a weight field is read
    std::vector<std::int64_t> id;        ///< id column (integer) or 1-based data row number
    std::size_t size() const { return x.size(); }
    void clear();
};

/// What reading found, for the command's report.
struct point_read_report {
    std::string source;
    std::string x_field, y_field, industry_field, weight_field, id_field;
    std::uint64_t rows = 0;          ///< data rows seen
    std::uint64_t points = 0;        ///< rows delivered
    std::uint64_t bad_rows = 0;      ///< skipped: missing/unparsable coordinates
    std::vector<std::string> bad_examples; ///< first 5: "line 12: lon 'abc' is not a number"
    std::uint64_t unknown_industry = 0;    ///< labels not in the map (counted as fallback)
    std::vector<std::pair<std::string, std::uint64_t>> unknown_labels; ///< up to 5 distinct labels
    /// Lines for stderr ("" when nothing to say).
    std::string describe() const;
};

/// Called with one parsed batch; `thread` is 0..threads-1 and batches given to
/// the same thread index never run concurrently. `seq` orders batches in file order.
using point_batch_fn = std::function<void(const point_batch& batch, unsigned thread, std::uint64_t seq)>;

/// Stream every point of `source` (CSV fast path, or any OGR vector source).
/// @throws io_error (cannot open), usage_error (no such column), format_error
///   (a bad row under strict, naming the line).
point_read_report read_points(const std::string& source, const point_read_options& opt,
                              const industry_map& map, const point_batch_fn& fn);

/// All points in file order (for commands that need them in memory).
point_batch read_all_points(const std::string& source, const point_read_options& opt,
                            const industry_map& map, point_read_report* report = nullptr);

/// True when `source` is read by the CSV fast path (.csv / .txt / .tsv file).
bool is_csv_source(const std::string& source);

} // namespace geo
