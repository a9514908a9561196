#include "libgeo/stats/table.hpp"

#include "libgeo/core/text.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

namespace geo::stats {

std::string format_value(const field_value& v, int decimals)
{
    if (std::holds_alternative<double>(v)) {
        double d = std::get<double>(v);
        if (!std::isfinite(d))
            return "";
        return fmt::format("{:.{}g}", d, decimals);
    }
    return to_string(v);
}

namespace {

bool is_number(const field_value& v)
{
    return std::holds_alternative<double>(v) || std::holds_alternative<std::int64_t>(v);
}

} // namespace

std::string to_csv(const table& t)
{
    std::string out;
    for (std::size_t c = 0; c < t.columns.size(); ++c)
        out += (c ? "," : "") + csv_field(t.columns[c]);
    out += '\n';
    for (auto& r : t.rows) {
        for (std::size_t c = 0; c < r.size(); ++c)
            out += (c ? "," : "") + csv_field(format_value(r[c], t.decimals));
        out += '\n';
    }
    return out;
}

std::string to_markdown(const table& t)
{
    std::string out;
    if (!t.title.empty())
        out += "### " + t.title + "\n\n";
    out += "|";
    for (auto& c : t.columns)
        out += " " + c + " |";
    out += "\n|";
    for (std::size_t c = 0; c < t.columns.size(); ++c)
        out += (t.rows.empty() || !is_number(t.rows[0][c])) ? "---|" : "---:|";
    out += "\n";
    for (auto& r : t.rows) {
        out += "|";
        for (auto& v : r) {
            std::string s = format_value(v, t.decimals);
            std::string e;
            for (char ch : s)
                e += ch == '|' ? std::string("\\|") : std::string(1, ch);
            out += " " + e + " |";
        }
        out += "\n";
    }
    return out;
}

std::string to_text(const table& t)
{
    std::vector<std::vector<std::string>> cells;
    std::vector<std::size_t> width(t.columns.size());
    for (std::size_t c = 0; c < t.columns.size(); ++c)
        width[c] = display_width(t.columns[c]);
    for (auto& r : t.rows) {
        std::vector<std::string> row;
        for (std::size_t c = 0; c < r.size(); ++c) {
            row.push_back(format_value(r[c], t.decimals));
            width[c] = std::max(width[c], display_width(row.back()));
        }
        cells.push_back(std::move(row));
    }
    auto pad = [&](const std::string& s, std::size_t w, bool right) {
        std::string fill(w - std::min(w, display_width(s)), ' ');
        return right ? fill + s : s + fill;
    };
    std::string out;
    if (!t.title.empty())
        out += t.title + "\n";
    std::string head;
    for (std::size_t c = 0; c < t.columns.size(); ++c)
        head += (c ? "  " : "") + pad(t.columns[c], width[c], false);
    while (!head.empty() && head.back() == ' ')
        head.pop_back();
    out += head + "\n";
    for (std::size_t r = 0; r < cells.size(); ++r) {
        std::string line;
        for (std::size_t c = 0; c < cells[r].size(); ++c)
            line += (c ? "  " : "") + pad(cells[r][c], width[c], is_number(t.rows[r][c]));
        while (!line.empty() && line.back() == ' ')
            line.pop_back();
        out += line + "\n";
    }
    return out;
}

nlohmann::json to_json(const table& t)
{
    nlohmann::json a = nlohmann::json::array();
    for (auto& r : t.rows) {
        nlohmann::json o = nlohmann::json::object();
        for (std::size_t c = 0; c < r.size(); ++c) {
            const auto& v = r[c];
            if (std::holds_alternative<double>(v)) {
                double d = std::get<double>(v);
                o[t.columns[c]] = std::isfinite(d) ? nlohmann::json(d) : nlohmann::json(nullptr);
            } else if (std::holds_alternative<std::int64_t>(v))
                o[t.columns[c]] = std::get<std::int64_t>(v);
            else if (std::holds_alternative<std::string>(v))
                o[t.columns[c]] = std::get<std::string>(v);
            else
                o[t.columns[c]] = nullptr;
        }
        a.push_back(o);
    }
    return a;
}

} // namespace geo::stats
