#pragma once
// Where zjgeo finds its embedded data (layers/ and styles/).
#include <filesystem>

namespace geo {

/// The folder holding layers/ and styles/: $ZJGEO_DATA_DIR if set, else the
/// source tree the binary was built from, else the install prefix's share/zjgeo.
/// @throws io_error when none of them holds a layers/ folder.
std::filesystem::path data_dir();

/// data_dir() / "layers" / name, checked to exist.
/// @throws io_error naming the path when the file is missing.
std::filesystem::path layer_path(const std::string& name);

/// data_dir() / "styles" / name, checked to exist.
std::filesystem::path style_path(const std::string& name);

/// The library version, e.g. "0.1.0".
const char* version();

} // namespace geo
