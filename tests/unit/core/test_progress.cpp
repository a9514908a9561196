#include <catch2/catch.hpp>

#include <libgeo/core/progress.hpp>

#include <sstream>

using namespace std::chrono_literals;

TEST_CASE("progress stays hidden for short work and when disabled", "[core][progress]")
{
    std::ostringstream err;
    {
        geo::progress p(err, "convert", 100, true); // default delay: 2 s
        for (int i = 1; i <= 100; ++i)
            p.update(i);
        CHECK_FALSE(p.shown());
    }
    CHECK(err.str().empty());
    {
        geo::progress p(err, "convert", 100, false, 0ms);
        p.update(50);
        CHECK_FALSE(p.shown());
    }
    CHECK(err.str().empty());
}

TEST_CASE("progress draws percentages once past its delay and clears its line", "[core][progress]")
{
    std::ostringstream err;
    {
        geo::progress p(err, "convert", 200, true, 0ms);
        p.update(50);
        CHECK(p.shown());
        CHECK(p.text() == "convert: 25% (50/200)");
        p.advance(150);
        CHECK(p.text() == "convert: 100% (200/200)");
    }
    const std::string s = err.str();
    CHECK(s.rfind("\rconvert: 25% (50/200)", 0) == 0);
    CHECK(s.find("\rconvert: 100% (200/200)") != std::string::npos);
    CHECK(s.substr(s.size() - 1) == "\r"); // line erased at the end
    geo::progress unknown(err, "lines", 0, false);
    unknown.update(1234);
    CHECK(unknown.text() == "lines: 1234");
}
