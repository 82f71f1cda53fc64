"""The Danube Region's country shapes for the practice map, from Natural Earth.

A maintainer's tool, run rarely: `dcaht map-shapes countries-50m.json` reads the
`world-atlas` package's TopoJSON (Natural Earth 1:50m admin-0 countries, public domain;
world-atlas is ISC-licensed) and writes data/geo/danube-map.json: each Danube Region
country and its neighbours as SVG path data, projected (equirectangular around 46°N,
with longitudes scaled by cos 46°) and simplified (Douglas-Peucker). The build reads
that file (practice_map.py); no shape is downloaded at build or test time.
"""

from __future__ import annotations

import json
import math
from pathlib import Path

# ISO 3166-1 numeric (world-atlas ids) -> alpha-2, for the countries drawn.
DANUBE = {"040": "AT", "070": "BA", "100": "BG", "203": "CZ", "276": "DE", "191": "HR",
          "348": "HU", "498": "MD", "499": "ME", "642": "RO", "688": "RS", "705": "SI",
          "703": "SK", "804": "UA"}
NEIGHBOURS = {"616": "PL", "112": "BY", "756": "CH", "380": "IT", "300": "GR", "008": "AL",
              "807": "MK", "250": "FR", "056": "BE", "528": "NL", "442": "LU", "208": "DK",
              "438": "LI", "440": "LT"}
NAMED_NEIGHBOURS = {"Kosovo": "XK"}
BOX = (5.5, 39.5, 41.0, 55.5)  # west, south, east, north (degrees)
LAT0 = 46.0
SCALE = 20.0  # SVG units per degree of latitude
TOLERANCE = 0.9  # Douglas-Peucker tolerance in SVG units


def _decode_arcs(topology: dict) -> list[list[tuple[float, float]]]:
    (sx, sy), (tx, ty) = topology["transform"]["scale"], topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x += dx
            y += dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    return arcs


def _ring(indices, arcs) -> list[tuple[float, float]]:
    points: list[tuple[float, float]] = []
    for index in indices:
        arc = arcs[index] if index >= 0 else list(reversed(arcs[~index]))
        points.extend(arc if not points else arc[1:])
    return points


def _project(lon: float, lat: float) -> tuple[float, float]:
    west, _, _, north = BOX
    return ((lon - west) * math.cos(math.radians(LAT0)) * SCALE, (north - lat) * SCALE)


def _simplify(points, tolerance):
    if len(points) < 3:
        return points

    def distance(p, a, b):
        (x, y), (x1, y1), (x2, y2) = p, a, b
        if (x1, y1) == (x2, y2):
            return math.hypot(x - x1, y - y1)
        return abs((y2 - y1) * x - (x2 - x1) * y + x2 * y1 - y2 * x1) / math.hypot(x2 - x1, y2 - y1)

    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        first, last = stack.pop()
        best, index = 0.0, None
        for i in range(first + 1, last):
            d = distance(points[i], points[first], points[last])
            if d > best:
                best, index = d, i
        if index is not None and best > tolerance:
            keep[index] = True
            stack.extend([(first, index), (index, last)])
    return [p for p, k in zip(points, keep, strict=True) if k]


def _inside_box(ring) -> bool:
    west, south, east, north = BOX
    return any(west - 3 <= lon <= east + 3 and south - 3 <= lat <= north + 3 for lon, lat in ring)


def _path(rings) -> str:
    parts = []
    for ring in rings:
        projected = _simplify([_project(lon, lat) for lon, lat in ring], TOLERANCE)
        if len(projected) < 4:
            continue
        parts.append("M" + "L".join(f"{x:.1f},{y:.1f}" for x, y in projected) + "Z")
    return "".join(parts)


def _rings(geometry, arcs):
    polygons = geometry["arcs"] if geometry["type"] == "MultiPolygon" else [geometry["arcs"]]
    for polygon in polygons:
        for ring in polygon:
            yield _ring(ring, arcs)


# Natural Earth's default view draws Crimea inside Russia; the EU, like the UN General
# Assembly (resolution 68/262), recognises it as part of Ukraine: its ring is moved there.
CRIMEA_POINT = (34.1, 44.9)


def _contains(ring, point) -> bool:
    x, y = point
    inside = False
    for i in range(len(ring)):
        (x1, y1), (x2, y2) = ring[i], ring[i - 1]
        if (y1 > y) != (y2 > y) and x < (x2 - x1) * (y - y1) / (y2 - y1) + x1:
            inside = not inside
    return inside


def _crimea(topology: dict, arcs) -> list:
    for geometry in topology["objects"]["countries"]["geometries"]:
        if geometry.get("id") == "643":
            return [r for r in _rings(geometry, arcs) if _contains(r, CRIMEA_POINT)]
    return []


def build_shapes(topology: dict) -> dict:
    arcs = _decode_arcs(topology)
    countries, neighbours = {}, {}
    crimea = _crimea(topology, arcs)
    for geometry in topology["objects"]["countries"]["geometries"]:
        code = DANUBE.get(geometry.get("id") or "") or NEIGHBOURS.get(geometry.get("id") or "") \
            or NAMED_NEIGHBOURS.get(geometry["properties"]["name"])
        if not code or geometry["type"] not in ("Polygon", "MultiPolygon"):
            continue
        rings = [r for r in _rings(geometry, arcs) if _inside_box(r)]
        if code == "UA":
            rings += crimea
        path = _path(rings)
        if not path:
            continue
        if code in DANUBE.values():
            lon, lat = _label_point(rings)
            x, y = _project(lon, lat)
            countries[code] = {"path": path, "label": [round(x, 1), round(y, 1)]}
        else:
            neighbours[code] = {"path": path}
    west, south, east, north = BOX
    width, height = _project(east, south)
    return {
        "source": "Natural Earth 1:50m admin-0 countries (public domain), via the world-atlas "
                  "package 2.0.2 (ISC); projected and simplified by scripts/dcaht/map_shapes.py",
        "viewBox": [0, 0, round(width, 1), round(height, 1)],
        "countries": dict(sorted(countries.items())),
        "neighbours": dict(sorted(neighbours.items())),
    }


def _label_point(rings) -> tuple[float, float]:
    """The centre of the largest ring's bounding box (good enough for a count badge)."""
    ring = max(rings, key=lambda r: (max(p[0] for p in r) - min(p[0] for p in r)) *
               (max(p[1] for p in r) - min(p[1] for p in r)))
    lons, lats = [p[0] for p in ring], [p[1] for p in ring]
    return ((min(lons) + max(lons)) / 2, (min(lats) + max(lats)) / 2)


def write_shapes(topojson_path: Path, target: Path) -> int:
    shapes = build_shapes(json.loads(topojson_path.read_text(encoding="utf-8")))
    target.parent.mkdir(parents=True, exist_ok=True)
    text = json.dumps(shapes, ensure_ascii=False, separators=(",", ":")) + "\n"
    target.write_text(text, encoding="utf-8")
    return len(text.encode("utf-8"))
