#include "libgeo/render/image.hpp"

#include "libgeo/core/error.hpp"

#include <cairo.h>

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <memory>
#include <unordered_set>

namespace geo::render {

namespace {

struct surface_deleter {
    void operator()(cairo_surface_t* s) const noexcept { cairo_surface_destroy(s); }
};
using surface_ptr = std::unique_ptr<cairo_surface_t, surface_deleter>;

/// The PNG as an ARGB32 image surface.
surface_ptr load(const std::string& path)
{
    surface_ptr src(cairo_image_surface_create_from_png(path.c_str()));
    if (cairo_surface_status(src.get()) != CAIRO_STATUS_SUCCESS)
        throw io_error("image: cannot read PNG " + geo::quoted(path) + " (" +
                       cairo_status_to_string(cairo_surface_status(src.get())) + ").");
    int w = cairo_image_surface_get_width(src.get()), h = cairo_image_surface_get_height(src.get());
    if (cairo_image_surface_get_format(src.get()) == CAIRO_FORMAT_ARGB32)
        return src;
    surface_ptr out(cairo_image_surface_create(CAIRO_FORMAT_ARGB32, w, h));
    cairo_t* cr = cairo_create(out.get());
    cairo_set_source_surface(cr, src.get(), 0, 0);
    cairo_paint(cr);
    cairo_destroy(cr);
    cairo_surface_flush(out.get());
    return out;
}

std::uint32_t pixel(cairo_surface_t* s, int x, int y)
{
    const unsigned char* data = cairo_image_surface_get_data(s);
    int stride = cairo_image_surface_get_stride(s);
    return *reinterpret_cast<const std::uint32_t*>(data + static_cast<std::ptrdiff_t>(y) * stride + 4 * x);
}

} // namespace

image_stats png_stats(const std::string& path)
{
    surface_ptr s = load(path);
    image_stats st;
    st.width = cairo_image_surface_get_width(s.get());
    st.height = cairo_image_surface_get_height(s.get());
    double sum = 0, sum2 = 0;
    std::unordered_set<std::uint32_t> colors;
    for (int y = 0; y < st.height; ++y)
        for (int x = 0; x < st.width; ++x) {
            std::uint32_t p = pixel(s.get(), x, y);
            double grey = 0.299 * ((p >> 16) & 255) + 0.587 * ((p >> 8) & 255) + 0.114 * (p & 255);
            sum += grey;
            sum2 += grey * grey;
            if (colors.size() < 100000)
                colors.insert(p);
        }
    double n = static_cast<double>(st.width) * st.height;
    if (n > 0) {
        double mean = sum / n;
        st.variance = sum2 / n - mean * mean;
    }
    st.distinct_colors = colors.size();
    return st;
}

image_diff compare_png(const std::string& a, const std::string& b, int channel_tolerance)
{
    surface_ptr sa = load(a), sb = load(b);
    image_diff d;
    int w = cairo_image_surface_get_width(sa.get()), h = cairo_image_surface_get_height(sa.get());
    d.same_size = w == cairo_image_surface_get_width(sb.get()) && h == cairo_image_surface_get_height(sb.get());
    if (!d.same_size)
        return d;
    d.pixels = static_cast<std::size_t>(w) * h;
    for (int y = 0; y < h; ++y)
        for (int x = 0; x < w; ++x) {
            std::uint32_t p = pixel(sa.get(), x, y), q = pixel(sb.get(), x, y);
            int worst = 0;
            for (int sh = 0; sh < 32; sh += 8)
                worst = std::max(worst, std::abs(static_cast<int>((p >> sh) & 255) - static_cast<int>((q >> sh) & 255)));
            d.max_channel_diff = std::max(d.max_channel_diff, worst);
            if (worst > channel_tolerance)
                ++d.differing;
        }
    return d;
}

} // namespace geo::render
