#pragma once
// Plain-text tables for every command: terminal column widths of UTF-8 text
// (CJK characters take two columns), an aligned text table and CSV quoting.
#include <cstddef>
#include <string>
#include <vector>

namespace geo {

/// Terminal columns `s` (UTF-8) takes: East Asian Wide and Fullwidth characters
/// (Unicode UAX #11: CJK ideographs, kana, hangul, fullwidth forms and CJK
/// punctuation such as "、") count 2, combining marks 0, everything else 1.
std::size_t display_width(const std::string& s);

/// A text table: columns separated by two spaces, a header line and a rule of
/// dashes, every cell padded to its column's display width.
class text_table {
public:
    enum class align { left, right };
    void add_column(std::string header, align a = align::left);
    /// One cell per column (missing cells are blank).
    void add_row(std::vector<std::string> cells);
    std::size_t rows() const { return rows_.size(); }
    /// The table, each line ending in '\n' (no trailing spaces).
    std::string render(const std::string& indent = "") const;

private:
    std::vector<std::string> headers_;
    std::vector<align> aligns_;
    std::vector<std::vector<std::string>> rows_;
};

/// Word-wrap `text` at spaces into lines of at most `width` display columns
/// (a longer word stays whole), each starting with `indent`, continuation lines
/// indented two more spaces; every line ends in '\n'.
std::string wrap(const std::string& text, const std::string& indent, std::size_t width);

/// One CSV field (RFC 4180): quoted when it holds a comma, quote, CR or LF.
std::string csv_field(const std::string& s);
/// A CSV line of the fields, ending in "\n".
std::string csv_line(const std::vector<std::string>& fields);

} // namespace geo
