#pragma once
// Safe output: nothing is overwritten without permission and a failed write
// leaves no partial file. Writers produce their files inside a private staging
// folder next to the destination; commit() moves them into place.
#include <filesystem>
#include <string>
#include <vector>

namespace geo {

/// True for destinations that are not files (e.g. "PG:dbname=x", "/vsistdout/").
bool is_database_destination(const std::string& dest);

/// The files a format writes for a destination (a Shapefile is .shp/.shx/.dbf/.prj/.cpg).
std::vector<std::filesystem::path> output_files(const std::filesystem::path& dest, const std::string& driver);

/// Guard around one file destination.
class staged_output {
public:
    /// @throws usage_error when the destination (or a sibling file the format
    ///   writes) exists and !overwrite: "'x' exists. Use --overwrite to replace it."
    /// @throws io_error when the destination folder does not exist or is not writable.
    staged_output(std::filesystem::path dest, std::string driver, bool overwrite);
    /// Removes the staging folder (and everything in it) unless commit() ran.
    ~staged_output();
    staged_output(const staged_output&) = delete;
    staged_output& operator=(const staged_output&) = delete;

    /// The path the writer must write to (inside the staging folder, same file name).
    const std::filesystem::path& path() const { return staged_; }
    /// Move every produced file into place (replacing old ones), then remove the staging folder.
    void commit();

private:
    std::filesystem::path dest_;
    std::filesystem::path dir_;
    std::filesystem::path staged_;
    std::string driver_;
    bool committed_ = false;
};

/// Write a text file atomically (staged, then renamed). Same overwrite rule.
void write_text_file(const std::filesystem::path& dest, const std::string& content, bool overwrite);

} // namespace geo
