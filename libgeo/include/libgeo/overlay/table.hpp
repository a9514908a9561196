#pragma once
// A small result table (named columns, rows of field values) that the overlay
// commands write as CSV, Markdown or JSON, chosen by the file extension.
#include "libgeo/io/layer.hpp"

#include <string>
#include <vector>

namespace geo::overlay {

struct table {
    std::vector<std::string> columns;
    std::vector<std::vector<field_value>> rows;
    /// Decimals for real values in CSV/Markdown (JSON writes them with the same rounding).
    int decimals = 6;

    /// RFC 4180 CSV with a header line, UTF-8, "\n" line ends.
    std::string to_csv() const;
    /// A GitHub-flavoured Markdown table.
    std::string to_markdown() const;
    /// A JSON array of objects (column -> value; null for empty values).
    std::string to_json() const;
    /// By format name: "csv", "md"/"markdown", "json". @throws usage_error for another.
    std::string render(const std::string& format) const;
};

/// The table format of a path by its extension (.csv, .md, .json); "" when unknown.
std::string table_format_of(const std::string& path);

} // namespace geo::overlay
