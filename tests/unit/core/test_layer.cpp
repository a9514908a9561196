#include <catch2/catch.hpp>

#include <libgeo/core/error.hpp>
#include <libgeo/io/layer.hpp>

TEST_CASE("layer fields are found by name and added with nulls", "[core][layer]")
{
    geo::layer l;
    l.name = "parks";
    l.fields = {{"id", geo::field_type::string}, {"n", geo::field_type::integer}};
    geo::feature f;
    f.values = {std::string("zjsc"), std::int64_t{3}};
    l.features.push_back(f);

    REQUIRE(l.field_index("n") == 1u);
    REQUIRE_FALSE(l.field_index("missing"));
    REQUIRE_THROWS_WITH(l.require_field("nme"), "field 'nme' not found in 'parks'. Available fields: id, n.");

    auto i = l.add_field("area", geo::field_type::real);
    REQUIRE(i == 2u);
    REQUIRE(std::holds_alternative<std::monostate>(l.features[0].values[2]));
    REQUIRE(l.text(l.features[0], 0) == "zjsc");
    REQUIRE(l.text(l.features[0], 1) == "3");
    REQUIRE_THROWS_AS(l.add_field("id", geo::field_type::string), geo::usage_error);
}

TEST_CASE("features copy their geometry deeply", "[core][layer]")
{
    geo::feature a;
    a.geometry.reset(new OGRPoint(121.5, 31.2));
    geo::feature b = a;
    REQUIRE(b.geometry.get() != a.geometry.get());
    REQUIRE(b.geometry->Equals(a.geometry.get()));
}
