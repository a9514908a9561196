#include "libgeo/core/data_dir.hpp"

#include "libgeo/core/error.hpp"

#include <cstdlib>

namespace geo {

std::filesystem::path data_dir()
{
    namespace fs = std::filesystem;
    if (const char* env = std::getenv("ZJGEO_DATA_DIR"); env && *env) {
        fs::path p(env);
        if (!fs::is_directory(p / "layers"))
            throw io_error("data: ZJGEO_DATA_DIR=" + quoted(p.string()) +
                           " has no layers/ folder. Point it at the zjgeo source or share/zjgeo folder.");
        return p;
    }
    for (fs::path p : {fs::path(ZJGEO_SOURCE_DATA_DIR), fs::path(ZJGEO_INSTALL_DATA_DIR)}) {
        if (fs::is_directory(p / "layers"))
            return p;
    }
    throw io_error("data: embedded layers not found (looked in " + quoted(ZJGEO_SOURCE_DATA_DIR) + " and " +
                   quoted(ZJGEO_INSTALL_DATA_DIR) + "). Set ZJGEO_DATA_DIR to the folder holding layers/.");
}

static std::filesystem::path checked(const std::filesystem::path& p)
{
    if (!std::filesystem::exists(p))
        throw io_error("data: embedded file " + quoted(p.string()) +
                       " is missing. Reinstall zjgeo or set ZJGEO_DATA_DIR.");
    return p;
}

std::filesystem::path layer_path(const std::string& name) { return checked(data_dir() / "layers" / name); }

std::filesystem::path style_path(const std::string& name) { return checked(data_dir() / "styles" / name); }

const char* version() { return ZJGEO_VERSION; }

} // namespace geo
