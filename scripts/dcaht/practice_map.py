"""The practice map: the Danube Region's countries as inline SVG (shapes from
data/geo/danube-map.json, see map_shapes.py), each country with practices a link to the
catalogue filtered to it. Plain data for the partial; no MkDocs, no HTML here."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path


@dataclass(frozen=True)
class MapCountry:
    code: str
    path: str
    label: tuple[float, float]
    count: int


@dataclass(frozen=True)
class DanubeMap:
    view_box: str
    countries: tuple[MapCountry, ...]
    neighbours: tuple[str, ...]  # path data, drawn as context
    elsewhere: tuple[MapCountry, ...] = ()  # practices in countries not drawn (Baltic STROM states)

    @property
    def listed(self) -> list[MapCountry]:
        """Every country with practices, most first: the map's text alternative."""
        return sorted([c for c in self.countries + self.elsewhere if c.count],
                      key=lambda c: (-c.count, c.code))


@lru_cache(maxsize=4)
def _shapes(path: Path, mtime: int) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def danube_map(root: Path, counts: dict[str, int]) -> DanubeMap:
    path = root / "data" / "geo" / "danube-map.json"
    shapes = _shapes(path, path.stat().st_mtime_ns)
    countries = tuple(MapCountry(code, shape["path"], tuple(shape["label"]), counts.get(code, 0))
                      for code, shape in shapes["countries"].items())
    elsewhere = tuple(MapCountry(code, "", (0.0, 0.0), count) for code, count in sorted(counts.items())
                      if code not in shapes["countries"] and count)
    return DanubeMap(" ".join(str(v) for v in shapes["viewBox"]), countries,
                     tuple(n["path"] for n in shapes["neighbours"].values()), elsewhere)
