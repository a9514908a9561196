#pragma once
// A small result table (named columns, rows of field values) and its renderings
// as CSV (RFC 4180), Markdown, aligned text and JSON — the output formats of
// `zjgeo stats` and `zjgeo cluster`.
#include "libgeo/io/layer.hpp"

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace geo::stats {

struct table {
    std::string name;  ///< e.g. "counts"
    std::string title; ///< heading for Markdown/text
    std::vector<std::string> columns;
    std::vector<std::vector<field_value>> rows;
    int decimals = 6; ///< significant digits of reals in text formats
};

/// Real numbers in text: %.{decimals}g, NaN/inf as "" (CSV/Markdown/text).
std::string format_value(const field_value& v, int decimals);

std::string to_csv(const table& t);
std::string to_markdown(const table& t);
std::string to_text(const table& t);
/// Array of row objects; NaN becomes null.
nlohmann::json to_json(const table& t);

} // namespace geo::stats
