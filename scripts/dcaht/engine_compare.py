"""Comparing two builds of the site: MkDocs 1.6 and ProperDocs (its maintained fork).

`make build ENGINE=properdocs` builds the same sources with ProperDocs; the comparison
test (tests/test_engines.py) and the CI job read this module's report: the same files in
every language, the same pages once the generator line is set aside, the same search
index per language, and no warning that only one engine prints. No MkDocs here.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path

# What may differ by construction: the engine names itself in the generator line.
GENERATOR = re.compile(r'<meta name="generator" content="[^"]*">')
WARNING = re.compile(r"^(WARNING|ERROR)\s+-\s+(.*)$", re.M)


@dataclass
class Comparison:
    only_first: list[str] = field(default_factory=list)
    only_second: list[str] = field(default_factory=list)
    different: list[str] = field(default_factory=list)
    search_different: list[str] = field(default_factory=list)
    warnings_only_first: list[str] = field(default_factory=list)
    warnings_only_second: list[str] = field(default_factory=list)

    @property
    def same(self) -> bool:
        return not any((self.only_first, self.only_second, self.different, self.search_different,
                        self.warnings_only_first, self.warnings_only_second))

    def report(self, first: str = "mkdocs", second: str = "properdocs") -> str:
        lines = []
        for title, items in ((f"only in {first}", self.only_first), (f"only in {second}", self.only_second),
                             ("different pages", self.different), ("different search indexes", self.search_different),
                             (f"warnings only from {first}", self.warnings_only_first),
                             (f"warnings only from {second}", self.warnings_only_second)):
            if items:
                lines.append(f"{title} ({len(items)}): " + ", ".join(items[:10]))
        return "\n".join(lines) or "the two builds are the same (but for the generator line)"


def _files(site: Path) -> set[str]:
    return {p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file()}


def _normalized(path: Path) -> bytes:
    data = path.read_bytes()
    if path.suffix == ".html":
        return GENERATOR.sub("", data.decode("utf-8")).encode("utf-8")
    return data


def _search(path: Path) -> dict:
    index = json.loads(path.read_text(encoding="utf-8"))
    return {"config": index.get("config"), "docs": sorted((d["location"], d.get("title", ""), d.get("text", ""))
                                                          for d in index.get("docs", []))}


def warnings(log: str) -> set[str]:
    return {match.group(2).strip() for match in WARNING.finditer(log)}


def compare_sites(first: Path, second: Path, first_log: str = "", second_log: str = "") -> Comparison:
    a, b = _files(first), _files(second)
    result = Comparison(sorted(a - b), sorted(b - a))
    for name in sorted(a & b):
        if name.endswith("search_index.json"):
            if _search(first / name) != _search(second / name):
                result.search_different.append(name)
        elif _normalized(first / name) != _normalized(second / name):
            result.different.append(name)
    wa, wb = warnings(first_log), warnings(second_log)
    result.warnings_only_first = sorted(wa - wb)
    result.warnings_only_second = sorted(wb - wa)
    return result
