#include "libgeo/core/text.hpp"

#include <algorithm>
#include <cstdint>

namespace geo {

namespace {

bool is_wide(std::uint32_t c)
{
    // East Asian Wide (W) and Fullwidth (F) ranges of UAX #11 that matter here.
    return (c >= 0x1100 && c <= 0x115F) || (c >= 0x2E80 && c <= 0x303E) || (c >= 0x3041 && c <= 0x33FF) ||
           (c >= 0x3400 && c <= 0x4DBF) || (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0xA000 && c <= 0xA4CF) ||
           (c >= 0xAC00 && c <= 0xD7A3) || (c >= 0xF900 && c <= 0xFAFF) || (c >= 0xFE30 && c <= 0xFE4F) ||
           (c >= 0xFF00 && c <= 0xFF60) || (c >= 0xFFE0 && c <= 0xFFE6) || (c >= 0x1F300 && c <= 0x1F64F) ||
           (c >= 0x20000 && c <= 0x3FFFD);
}

bool is_combining(std::uint32_t c)
{
    return (c >= 0x0300 && c <= 0x036F) || (c >= 0x200B && c <= 0x200F) || (c >= 0xFE00 && c <= 0xFE0F);
}

} // namespace

std::size_t display_width(const std::string& s)
{
    std::size_t w = 0;
    for (std::size_t i = 0; i < s.size();) {
        auto b = static_cast<unsigned char>(s[i]);
        std::uint32_t c = b;
        std::size_t len = 1;
        if (b >= 0xF0) {
            c = b & 0x07;
            len = 4;
        } else if (b >= 0xE0) {
            c = b & 0x0F;
            len = 3;
        } else if (b >= 0xC0) {
            c = b & 0x1F;
            len = 2;
        }
        if (i + len > s.size())
            len = 1; // truncated sequence: count the byte as one column
        for (std::size_t k = 1; k < len; ++k)
            c = (c << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
        i += len;
        if (is_combining(c))
            continue;
        w += is_wide(c) ? 2 : 1;
    }
    return w;
}

void text_table::add_column(std::string header, align a)
{
    headers_.push_back(std::move(header));
    aligns_.push_back(a);
}

void text_table::add_row(std::vector<std::string> cells)
{
    cells.resize(headers_.size());
    rows_.push_back(std::move(cells));
}

std::string text_table::render(const std::string& indent) const
{
    std::vector<std::size_t> width(headers_.size(), 0);
    for (std::size_t c = 0; c < headers_.size(); ++c) {
        width[c] = display_width(headers_[c]);
        for (const auto& r : rows_)
            width[c] = std::max(width[c], display_width(r[c]));
    }
    auto line = [&](const std::vector<std::string>& cells) {
        std::string out = indent;
        for (std::size_t c = 0; c < cells.size(); ++c) {
            std::size_t pad = width[c] - display_width(cells[c]);
            if (c > 0)
                out += "  ";
            if (aligns_[c] == align::right)
                out += std::string(pad, ' ') + cells[c];
            else
                out += cells[c] + std::string(pad, ' ');
        }
        while (!out.empty() && out.back() == ' ')
            out.pop_back();
        return out + "\n";
    };
    std::string out = line(headers_);
    std::vector<std::string> rule;
    for (auto w : width)
        rule.push_back(std::string(w, '-'));
    out += line(rule);
    for (const auto& r : rows_)
        out += line(r);
    return out;
}

std::string wrap(const std::string& text, const std::string& indent, std::size_t width)
{
    std::string out, line;
    std::size_t start = 0;
    while (start < text.size()) {
        std::size_t end = text.find(' ', start);
        if (end == std::string::npos)
            end = text.size();
        std::string word = text.substr(start, end - start);
        if (!line.empty() && display_width(indent + line + " " + word) > width) {
            out += indent + line + "\n";
            line = "  " + word;
        } else {
            line += (line.empty() ? "" : " ") + word;
        }
        start = end + 1;
    }
    if (!line.empty())
        out += indent + line + "\n";
    return out;
}

std::string csv_field(const std::string& s)
{
    if (s.find_first_of(",\"\r\n") == std::string::npos)
        return s;
    std::string out = "\"";
    for (char ch : s) {
        if (ch == '"')
            out += '"';
        out += ch;
    }
    return out + "\"";
}

std::string csv_line(const std::vector<std::string>& fields)
{
    std::string out;
    for (std::size_t i = 0; i < fields.size(); ++i)
        out += (i ? "," : "") + csv_field(fields[i]);
    return out + "\n";
}

} // namespace geo
