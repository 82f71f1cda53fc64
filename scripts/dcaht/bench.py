"""`dcaht bench`: the site at Danube scale, measured against the framework's floor.

In a temporary copy of the project it generates 250 practices and 1,000 contacts (copies
of the real ones spread over the Danube countries), keeps the real chapters and every
language, builds it as `make build` does, and builds a bare Material + mkdocs-static-i18n
site with the same pages, languages and text size (the floor). It prints one table and
returns the targets that were missed.
"""

from __future__ import annotations

import gzip
import html
import os
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import yaml

from . import project
from .stubs import is_stub

ARTICLE = re.compile(r'<article class="md-content__inner md-typeset">(.*?)</article>', re.S)
TAG = re.compile(r"<[^>]+>")
MACRO_LINE = re.compile(r"^.*\{\{.*\}\}.*$", re.M)


@dataclass
class Measure:
    name: str
    value: str
    target: str = ""
    ok: bool = True


def _env(**extra) -> dict:
    env = {k: v for k, v in os.environ.items() if k not in ("BUILD_ONLY_LOCALE", "SITE_URL")}
    env.update({"NO_MKDOCS_2_WARNING": "1", **extra})
    return env


def _timed(command: list[str], cwd: Path, **env) -> float:
    started = time.perf_counter()
    result = subprocess.run(command, cwd=cwd, env=_env(**env), capture_output=True, text=True)
    if result.returncode != 0:
        raise RuntimeError(f"{' '.join(command)} failed:\n{result.stdout}\n{result.stderr}")
    return time.perf_counter() - started


def generate_scale(project_dir: Path, practices: int, contacts: int) -> None:
    """Copies of the real practices and contacts, spread over the Danube countries."""
    vocab = yaml.safe_load((project_dir / "data/vocabularies.yml").read_text(encoding="utf-8"))
    countries = vocab["countries"]["danube"]
    real = sorted((project_dir / "data/practices").glob("*.yml"))
    for i in range(max(practices - len(real), 0)):
        text = real[i % len(real)].read_text(encoding="utf-8")
        text = re.sub(r"^country: [A-Z]{2}$", f"country: {countries[i % len(countries)]}", text, flags=re.M)
        (project_dir / "data/practices" / f"{real[i % len(real)].stem}-{i:03d}.yml").write_text(text, encoding="utf-8")
    entries = []
    for path in sorted((project_dir / "data/contacts").glob("*.yml")):
        entries += yaml.safe_load(path.read_text(encoding="utf-8"))["contacts"]
    generated = []
    for i in range(max(contacts - len(entries), 0)):
        entry = dict(entries[i % len(entries)])
        entry["id"] = f"{entry['id']}-{i:04d}"
        entry["scope"] = "national" if entry["scope"] in ("international", "european") else entry["scope"]
        entry["country"] = countries[i % len(countries)]
        generated.append(entry)
    (project_dir / "data/contacts/bench.yml").write_text(
        "# yaml-language-server: $schema=../schema/contacts.schema.json\n"
        + yaml.safe_dump({"contacts": generated}, allow_unicode=True, sort_keys=False),
        encoding="utf-8")


def floor_project(real: Path, real_site: Path, target: Path) -> Path:
    """The same pages, languages and text size, with only Material and mkdocs-static-i18n."""
    config = project.config(real)
    i18n = project.i18n_config(real)
    floor = {
        "site_name": config["site_name"],
        "theme": {"name": "material", "language": "en", "font": False},
        "plugins": ["search", {"i18n": {"docs_structure": "suffix", "languages": i18n["languages"]}}],
        "markdown_extensions": config["markdown_extensions"],
        "nav": config["nav"],
        "not_in_nav": config["not_in_nav"],
    }
    floor["markdown_extensions"] = [e for e in floor["markdown_extensions"]
                                    if not (isinstance(e, dict) and "pymdownx.snippets" in e)]
    (target / "docs").mkdir(parents=True)
    (target / "mkdocs.yml").write_text(yaml.safe_dump(floor, allow_unicode=True), encoding="utf-8")
    locales = project.locales(real)
    for source in (real / "docs").rglob("*"):
        relative = source.relative_to(real / "docs")
        destination = target / "docs" / relative
        if source.is_dir():
            destination.mkdir(parents=True, exist_ok=True)
            continue
        if source.suffix != ".md":
            shutil.copy2(source, destination)
            continue
        text = source.read_text(encoding="utf-8")
        parts = source.name.split(".")
        locale = parts[-2] if len(parts) >= 3 and parts[-2] in locales else None
        page = str(relative.with_name(".".join(parts[:-2] if locale else parts[:-1]) ))
        built = real_site / (f"{locale}/" if locale and locale != "en" else "") / (
            page[: -len("index")] if page.endswith("index") else page + "/") / "index.html"
        stub = is_stub(source)
        body = MACRO_LINE.sub("", text).replace("--8<--", "")
        if ("{{" in text or "--8<--" in text or stub) and built.is_file():
            article = ARTICLE.search(built.read_text(encoding="utf-8"))
            words = html.unescape(TAG.sub(" ", article.group(1))) if article else ""
            body += "\n\n" + " ".join(words.split())
            if stub:
                body = "# Practice\n\n" + " ".join(words.split())
        destination.write_text(body, encoding="utf-8")
    return target


def _gz(path: Path) -> int:
    return len(gzip.compress(path.read_bytes(), 9))


def first_view_bytes(site: Path, page: str) -> int:
    """HTML, CSS, JS and fonts a first visit to `page` downloads, gzip-compressed."""
    document = site / page / "index.html"
    text = document.read_text(encoding="utf-8")
    total = _gz(document)
    for href in re.findall(r'<link[^>]+rel="stylesheet"[^>]+href="([^"]+)"', text) + \
            re.findall(r'<script[^>]+src="([^"]+)"', text) + \
            re.findall(r'<link[^>]+rel="icon"[^>]+href="([^"]+)"', text):
        path = (document.parent / href.split("?")[0]).resolve()
        if path.is_file():
            total += _gz(path)
    return total


def first_search_bytes(site: Path, locale_prefix: str) -> int:
    index = site / locale_prefix / "search/search_index.json"
    worker = next((site / "assets/javascripts/workers").glob("search.*.min.js"))
    return _gz(index) + _gz(worker)


def run(root: Path, practices: int = 250, contacts: int = 1000, repeat: int = 2) -> list[Measure]:
    """Each build runs `repeat` times and counts its fastest run: on a shared 2-core
    machine single timings vary by a quarter."""
    work = Path(tempfile.mkdtemp(prefix="dcaht-bench-"))
    try:
        real = project.copy_sources(root, work / "project")
        generate_scale(real, practices, contacts)
        dcaht = [sys.executable, "-m", "dcaht.cli"]
        mkdocs = [sys.executable, "-m", "mkdocs", "build", "--strict", "--clean", "--site-dir"]
        full = min(_timed(dcaht + ["validate"], real) + _timed(mkdocs + [str(work / "site")], real)
                   for _ in range(repeat))
        memory_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        preview = min(_timed(mkdocs + [str(work / "preview")], real, BUILD_ONLY_LOCALE="de")
                      for _ in range(repeat))
        floor = floor_project(real, work / "site", work / "floor")
        floor_time = min(_timed(mkdocs[:-1] + ["--site-dir", str(work / "floor-site")], floor)
                         for _ in range(repeat))

        site = work / "site"
        pages = list(site.rglob("*.html"))
        locales = project.locales(real)
        indexes = {loc: site / ("" if loc == "en" else loc) / "search/search_index.json" for loc in locales}
        sizes = {loc: path.stat().st_size for loc, path in indexes.items()}
        largest = max(sizes, key=sizes.get)
        all_together = sum(sizes.values())
        first_view = first_view_bytes(site, "guidelines/identification")
        search_bytes = first_search_bytes(site, "")
        ratio = full / floor_time
        return [
            Measure("practices / contacts / languages", f"{practices} / {contacts} / {len(locales)}"),
            Measure("runs per build (fastest counts)", f"{repeat}"),
            Measure("full build (make build)", f"{full:.1f} s"),
            Measure("floor: bare Material + i18n, same pages", f"{floor_time:.1f} s"),
            Measure("full build / floor", f"{ratio:.2f}x", "<= 1.5x", ratio <= 1.5),
            Measure("one-language preview (make serve LANG=de)", f"{preview:.1f} s",
                    f"<= {full / 5:.1f} s (1/5 of full)", preview <= full / 5),
            Measure("pages built", f"{len(pages)}"),
            Measure("HTML, all pages", f"{sum(p.stat().st_size for p in pages) / 1e6:.1f} MB"),
            Measure(f"largest search index ({largest})",
                    f"{sizes[largest] / 1024:.0f} KB, {_gz(indexes[largest]) / 1024:.0f} KB gzip",
                    f"<= {all_together / 5 / 1024:.0f} KB (1/5 of all {all_together / 1024:.0f} KB)",
                    sizes[largest] <= all_together / 5),
            Measure("first view of a chapter (HTML+CSS+JS+fonts, gzip)", f"{first_view / 1024:.0f} KB",
                    "<= 150 KB", first_view <= 150 * 1024),
            Measure("first search (worker + index, gzip)", f"{search_bytes / 1024:.0f} KB"),
            Measure("peak memory of a build", f"{memory_mb:.0f} MB", "< 2048 MB", memory_mb < 2048),
        ]
    finally:
        shutil.rmtree(work, ignore_errors=True)


def table(measures: list[Measure]) -> str:
    rows = [("measure", "value", "target", "")] + [
        (m.name, m.value, m.target, ("ok" if m.ok else "MISSED") if m.target else "") for m in measures]
    widths = [max(len(r[i]) for r in rows) for i in range(4)]
    lines = ["| " + " | ".join(cell.ljust(widths[i]) for i, cell in enumerate(row)) + " |" for row in rows]
    lines.insert(1, "| " + " | ".join("-" * w for w in widths) + " |")
    return "\n".join(lines)
