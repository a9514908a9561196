#include <catch2/catch.hpp>

#include <libgeo/core/error.hpp>
#include <libgeo/crs/coord_stream.hpp>

#include <sstream>

namespace {

std::string lines(const std::string& input, const std::string& from, const std::string& to, int decimals = -1)
{
    geo::transformer t(geo::crs::parse(from), geo::crs::parse(to));
    std::istringstream in(input);
    std::ostringstream out;
    geo::coord_stream_options o;
    o.decimals = decimals;
    geo::transform_lines(in, out, t, o);
    return out.str();
}

std::string csv(const std::string& input, const std::string& x, const std::string& y)
{
    geo::transformer t(geo::crs::parse("wgs84"), geo::crs::parse("utm51n"));
    std::istringstream in(input);
    std::ostringstream out;
    geo::coord_stream_options o;
    o.source_name = "p.csv";
    geo::transform_csv(in, out, t, x, y, o);
    return out.str();
}

} // namespace

TEST_CASE("coordinate lines keep their separators and extra fields", "[crs][coords]")
{
    CHECK(lines("121.5,31.2\n", "wgs84", "utm51n") == "357093.026,3452736.485\n");
    CHECK(lines("121.5 31.2 a b\n", "wgs84", "utm51n") == "357093.026 3452736.485 a b\n");
    CHECK(lines("121.5;31.2\n\n# note\n", "wgs84", "utm51n") == "357093.026;3452736.485\n\n# note\n");
    CHECK(lines("\xEF\xBB\xBF" "116.404,39.915\r\n", "wgs84", "gcj02") == "116.4102445,39.9164043\n");
    CHECK(lines("121.5,31.2\n", "wgs84", "utm51n", 1) == "357093.0,3452736.5\n");
}

TEST_CASE("bad coordinate lines name their line number", "[crs][coords]")
{
    REQUIRE_THROWS_WITH(lines("121.5,31.2\n121.5,abc\n", "wgs84", "gcj02"),
                        "'<stdin>': line 2: '121.5,abc' is not 'x,y' (two numbers separated by a comma or spaces). "
                        "Fix or remove the line.");
    REQUIRE_THROWS_WITH(lines("31.2,121.5\n", "wgs84", "gcj02"),
                        "'<stdin>': line 1: (31.2, 121.5) is not a longitude, latitude pair (latitude must be within "
                        "-90..90). Coordinates are read as x,y = lon,lat: swap the columns if they are lat,lon.");
    REQUIRE_THROWS_AS(lines("121.5\n", "wgs84", "gcj02"), geo::format_error);
}

TEST_CASE("CSV columns are converted and other fields copied byte for byte", "[crs][coords][csv]")
{
    CHECK(csv("id,\"name, full\",lon,lat\n1,\"a, \"\"b\"\"\",121.5,31.2\n", "", "") ==
          "id,\"name, full\",lon,lat\n1,\"a, \"\"b\"\"\",357093.026,3452736.485\n");
    // columns in y, x order and named explicitly
    CHECK(csv("Y,X,n\n31.2,121.5,张江\n", "X", "Y") == "Y,X,n\n3452736.485,357093.026,张江\n");
    REQUIRE_THROWS_WITH(csv("a,b\n1,2\n", "", ""),
                        "'p.csv': cannot tell which column holds x (longitude). Columns: a, b. Name it with --x.");
    REQUIRE_THROWS_WITH(csv("a,b\n1,2\n", "lon", "b"), "'p.csv': no column 'lon'. Columns: a, b.");
    REQUIRE_THROWS_WITH(csv("lon,lat\n121.5,31.2\n121.5,\n", "", ""),
                        "'p.csv': line 3: lat '' is not a number. Fix or remove the row.");
    REQUIRE_THROWS_WITH(csv("lon,lat,n\n121.5\n", "", ""),
                        "'p.csv': line 2: 1 field, but column 'lat' is field 2. Fix the row.");
}
