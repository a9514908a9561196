#include "libgeo/io/output.hpp"

#include "libgeo/core/error.hpp"

#include <fstream>
#include <random>
#include <unistd.h>

namespace geo {

namespace fs = std::filesystem;

bool is_database_destination(const std::string& dest)
{
    return dest.rfind("PG:", 0) == 0 || dest.rfind("/vsi", 0) == 0;
}

std::vector<fs::path> output_files(const fs::path& dest, const std::string& driver)
{
    std::vector<fs::path> files{dest};
    if (driver == "ESRI Shapefile") {
        for (const char* ext : {".shx", ".dbf", ".prj", ".cpg"}) {
            fs::path p = dest;
            files.push_back(p.replace_extension(ext));
        }
    }
    return files;
}

staged_output::staged_output(fs::path dest, std::string driver, bool overwrite)
    : dest_(std::move(dest)), driver_(std::move(driver))
{
    fs::path parent = dest_.parent_path();
    if (parent.empty())
        parent = ".";
    if (!fs::is_directory(parent))
        throw io_error("write: folder " + quoted(parent.string()) + " of output " + quoted(dest_.string()) +
                       " does not exist. Create it first.");
    if (!overwrite)
        for (const auto& f : output_files(dest_, driver_))
            if (fs::exists(f))
                throw usage_error("write: output " + quoted(f.string()) +
                                  " exists. Use --overwrite to replace it, or choose another name.");
    std::random_device rd;
    for (int attempt = 0; attempt < 100; ++attempt) {
        fs::path candidate = parent / (".zjgeo-tmp-" + std::to_string(::getpid()) + "-" + std::to_string(rd() % 1000000));
        std::error_code ec;
        if (fs::create_directory(candidate, ec)) {
            dir_ = candidate;
            break;
        }
    }
    if (dir_.empty())
        throw io_error("write: cannot create a staging folder in " + quoted(parent.string()) +
                       ". Check that the folder is writable.");
    staged_ = dir_ / dest_.filename();
}

staged_output::~staged_output()
{
    std::error_code ec;
    if (!dir_.empty())
        fs::remove_all(dir_, ec);
}

void staged_output::commit()
{
    if (committed_)
        return;
    fs::path parent = dest_.parent_path().empty() ? fs::path(".") : dest_.parent_path();
    for (const auto& entry : fs::directory_iterator(dir_)) {
        std::error_code ec;
        fs::rename(entry.path(), parent / entry.path().filename(), ec);
        if (ec)
            throw io_error("write: cannot move " + quoted(entry.path().string()) + " to " +
                           quoted((parent / entry.path().filename()).string()) + ": " + ec.message() + ".");
    }
    committed_ = true;
}

void write_text_file(const fs::path& dest, const std::string& content, bool overwrite)
{
    staged_output out(dest, "text", overwrite);
    {
        std::ofstream os(out.path(), std::ios::binary);
        os << content;
        os.flush();
        if (!os)
            throw io_error("write: cannot write " + quoted(dest.string()) + ". Check free space and permissions.");
    }
    out.commit();
}

} // namespace geo
