#include "libgeo/io/layer.hpp"

#include "libgeo/core/error.hpp"

#include <fmt/format.h>

namespace geo {

geometry_ptr clone(const OGRGeometry* g) { return geometry_ptr(g ? g->clone() : nullptr); }

const char* to_string(field_type t)
{
    switch (t) {
    case field_type::integer: return "Integer64";
    case field_type::real: return "Real";
    case field_type::string: return "String";
    }
    return "String";
}

std::string to_string(const field_value& v)
{
    struct visitor {
        std::string operator()(std::monostate) const { return {}; }
        std::string operator()(std::int64_t i) const { return std::to_string(i); }
        std::string operator()(double d) const { return fmt::format("{}", d); }
        std::string operator()(const std::string& s) const { return s; }
    };
    return std::visit(visitor{}, v);
}

feature::feature(const feature& o) : values(o.values), geometry(clone(o.geometry.get())), source_index(o.source_index)
{
}

feature& feature::operator=(const feature& o)
{
    if (this != &o) {
        values = o.values;
        geometry = clone(o.geometry.get());
        source_index = o.source_index;
    }
    return *this;
}

std::optional<std::size_t> layer::field_index(const std::string& field_name) const
{
    for (std::size_t i = 0; i < fields.size(); ++i)
        if (fields[i].name == field_name)
            return i;
    return std::nullopt;
}

std::size_t layer::require_field(const std::string& field_name) const
{
    if (auto i = field_index(field_name))
        return *i;
    std::string names;
    for (const auto& f : fields)
        names += (names.empty() ? "" : ", ") + f.name;
    throw usage_error(fmt::format("field {} not found in {}. Available fields: {}.", quoted(field_name),
                                  quoted(source.empty() ? name : source), names.empty() ? "(none)" : names));
}

std::size_t layer::add_field(const std::string& field_name, field_type type)
{
    if (field_index(field_name))
        throw usage_error(fmt::format("field {} already exists in {}. Choose another name.", quoted(field_name),
                                      quoted(source.empty() ? name : source)));
    fields.push_back({field_name, type});
    for (auto& f : features)
        f.values.emplace_back();
    return fields.size() - 1;
}

std::shared_ptr<const OGRSpatialReference> wgs84()
{
    static const std::shared_ptr<const OGRSpatialReference> srs = [] {
        auto s = std::make_shared<OGRSpatialReference>();
        s->importFromEPSG(4326);
        s->SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
        return std::shared_ptr<const OGRSpatialReference>(std::move(s));
    }();
    return srs;
}

} // namespace geo
