#include "libgeo/overlay/table.hpp"

#include "libgeo/core/error.hpp"
#include "libgeo/core/text.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <filesystem>

namespace geo::overlay {

namespace {

std::string cell(const field_value& v, int decimals)
{
    if (std::holds_alternative<double>(v)) {
        double d = std::get<double>(v);
        if (!std::isfinite(d))
            return "";
        std::string s = fmt::format("{:.{}f}", d, decimals);
        if (s == "-" + fmt::format("{:.{}f}", 0.0, decimals))
            s.erase(0, 1);
        return s;
    }
    return to_string(v);
}

std::string md_escape(const std::string& s)
{
    std::string out;
    for (char c : s) {
        if (c == '|')
            out += '\\';
        out += c == '\n' ? ' ' : c;
    }
    return out;
}

} // namespace

std::string table::to_csv() const
{
    std::string out;
    for (std::size_t i = 0; i < columns.size(); ++i)
        out += (i ? "," : "") + csv_field(columns[i]);
    out += "\n";
    for (const auto& r : rows) {
        for (std::size_t i = 0; i < r.size(); ++i)
            out += (i ? "," : "") + csv_field(cell(r[i], decimals));
        out += "\n";
    }
    return out;
}

std::string table::to_markdown() const
{
    std::string out = "|";
    for (const auto& c : columns)
        out += " " + md_escape(c) + " |";
    out += "\n|";
    for (std::size_t i = 0; i < columns.size(); ++i) {
        bool numeric = !rows.empty() && std::all_of(rows.begin(), rows.end(), [&](const auto& r) {
            return i < r.size() && (std::holds_alternative<double>(r[i]) || std::holds_alternative<std::int64_t>(r[i]));
        });
        out += numeric ? "---:|" : "---|";
    }
    out += "\n";
    for (const auto& r : rows) {
        out += "|";
        for (const auto& v : r)
            out += " " + md_escape(cell(v, decimals)) + " |";
        out += "\n";
    }
    return out;
}

std::string table::to_json() const
{
    nlohmann::ordered_json arr = nlohmann::ordered_json::array();
    const double scale = std::pow(10.0, decimals);
    for (const auto& r : rows) {
        nlohmann::ordered_json o = nlohmann::ordered_json::object();
        for (std::size_t i = 0; i < columns.size() && i < r.size(); ++i) {
            const auto& v = r[i];
            if (std::holds_alternative<std::int64_t>(v))
                o[columns[i]] = std::get<std::int64_t>(v);
            else if (std::holds_alternative<double>(v))
                o[columns[i]] = std::round(std::get<double>(v) * scale) / scale;
            else if (std::holds_alternative<std::string>(v))
                o[columns[i]] = std::get<std::string>(v);
            else
                o[columns[i]] = nullptr;
        }
        arr.push_back(std::move(o));
    }
    return arr.dump(2) + "\n";
}

std::string table::render(const std::string& format) const
{
    if (format == "csv")
        return to_csv();
    if (format == "md" || format == "markdown")
        return to_markdown();
    if (format == "json")
        return to_json();
    throw usage_error("table: unknown format " + quoted(format) + ". Use csv, md or json.");
}

std::string table_format_of(const std::string& path)
{
    std::string ext = std::filesystem::path(path).extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return std::tolower(c); });
    if (ext == ".csv")
        return "csv";
    if (ext == ".md" || ext == ".markdown")
        return "md";
    if (ext == ".json")
        return "json";
    return "";
}

} // namespace geo::overlay
