#pragma once
// The tables `zjgeo stats` prints and the parks layer it joins them to.
#include "libgeo/stats/measures.hpp"
#include "libgeo/stats/table.hpp"

#include <string>
#include <vector>

namespace geo::stats {

/// park_id,industry,count — the peers' output contract: per park (sorted) an
/// ALL row then one row per industry in byte order, zeros included (only the
/// ALL rows when no point has an industry).
table counts_table(const count_table& t, const park_set& ps);
/// Per park x industry: count, density, share, LQ with CI, small-count flag.
table park_industry_table(const summary& s, const count_table& t, const park_set& ps);
/// Per park: total, area, density, HHI, specialisation, dominant industry.
table parks_table(const summary& s, const count_table& t, const park_set& ps);
/// Per industry: total, in parks, share in parks, Ellison–Glaeser.
table industries_table(const summary& s, const count_table& t);
/// Layout alignment: per layout and role, count and share of the layout's industry.
table alignment_table(const summary& s);
/// Totals: points read, in parks, outside, on a boundary, in several parks.
table totals_table(const count_table& t, const std::string& rule);

/// The parks layer with the statistics as attributes (n_all, n_<tag>,
/// density, hhi, spec, dominant, lq_<tag>, lq_lo_<tag>, lq_hi_<tag>, share_<tag>).
layer joined_layer(const summary& s, const count_table& t, const park_set& ps);

} // namespace geo::stats
