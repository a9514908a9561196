#pragma once
// Reading PNG images back (through Cairo) to check rendered maps: size,
// content statistics and a per-pixel comparison with a reference image.
#include <cstddef>
#include <string>

namespace geo::render {

struct image_stats {
    int width = 0;
    int height = 0;
    double variance = 0;         ///< variance of the grey value (0..255) over all pixels
    std::size_t distinct_colors = 0;
};

/// @throws io_error when the file is not a readable PNG.
image_stats png_stats(const std::string& path);

struct image_diff {
    bool same_size = false;
    std::size_t pixels = 0;          ///< pixels compared
    std::size_t differing = 0;       ///< pixels with a channel differing by more than the tolerance
    int max_channel_diff = 0;
    double differing_fraction() const { return pixels ? static_cast<double>(differing) / pixels : 1.0; }
};

/// Compare two PNGs pixel by pixel (ARGB channels). A pixel differs when any
/// channel differs by more than `channel_tolerance`.
/// @throws io_error when a file is not a readable PNG.
image_diff compare_png(const std::string& a, const std::string& b, int channel_tolerance);

} // namespace geo::render
