#!/usr/bin/env python3
"""RFC 7946 checks of a GeoJSON file: prints one line per problem, exits 1 if any.
Checks: a FeatureCollection without a "crs" member (§4), closed rings with at
least 4 positions (§3.1.6), exterior rings counterclockwise and holes clockwise
(§3.1.6), longitude/latitude in range (§4), at most 7 decimals (§11.2)."""
import json
import sys


def ring_area2(ring):
    return sum(x0 * y1 - x1 * y0 for (x0, y0, *_), (x1, y1, *_) in zip(ring, ring[1:]))


def decimals(v):
    s = repr(float(v))
    if "e" in s or "E" in s:
        return 99
    return len(s.split(".")[1].rstrip("0")) if "." in s else 0


def polygons(g):
    if g["type"] == "Polygon":
        yield g["coordinates"]
    elif g["type"] == "MultiPolygon":
        yield from g["coordinates"]


def positions(c):
    if isinstance(c[0], (int, float)):
        yield c
    else:
        for x in c:
            yield from positions(x)


def main(path):
    with open(path, encoding="utf-8") as f:
        doc = json.load(f)
    problems = []
    if doc.get("type") != "FeatureCollection":
        problems.append("not a FeatureCollection")
    if "crs" in doc:
        problems.append("has a crs member (RFC 7946 §4)")
    for i, feat in enumerate(doc.get("features", [])):
        g = feat.get("geometry")
        if g is None:
            continue
        for p in positions(g["coordinates"]):
            if not (-180 <= p[0] <= 180 and -90 <= p[1] <= 90):
                problems.append(f"feature {i}: position {p} out of range")
            if decimals(p[0]) > 7 or decimals(p[1]) > 7:
                problems.append(f"feature {i}: position {p} has more than 7 decimals")
                break
        for poly in polygons(g):
            for k, ring in enumerate(poly):
                if len(ring) < 4 or ring[0] != ring[-1]:
                    problems.append(f"feature {i}: ring {k} not closed or too short")
                a = ring_area2(ring)
                if k == 0 and a <= 0:
                    problems.append(f"feature {i}: exterior ring is not counterclockwise")
                if k > 0 and a >= 0:
                    problems.append(f"feature {i}: hole {k} is not clockwise")
    for p in problems[:20]:
        print(p)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
