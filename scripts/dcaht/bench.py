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
from .preview import preview_loop
from .stubs import is_stub

# Practices edited in the preview loop (three edits; the median counts).
PREVIEWED = ["vienna-anti-trafficking-working-group", "kocevje-early-forced-marriage-prevention",
             "ulm-alliance-against-trafficking"]
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
        if entry["scope"] in ("international", "european"):
            entry["scope"] = "national"
            entry["country"] = countries[i % len(countries)]
        # A copy keeps its country (numbers are checked against it) but not its phones and
        # e-mails: the same number on two institutions needs a note saying why.
        entry.pop("phones", None)
        entry.pop("emails", None)
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


def bare_floor_project(floor: Path, target: Path) -> Path:
    """The bare floor: Material + mkdocs-static-i18n alone – the same page files and text,
    plain Markdown without extensions, no navigation list, no site code. "No navigation
    list" is a nav of the home page alone: without a `nav` key MkDocs would list every
    page (3,000 at Danube scale) in the navigation of every page, a quadratic build that
    took longer than the floor with extensions (68 s against 45 s) and no floor at all."""
    shutil.copytree(floor, target)
    config = yaml.safe_load((target / "mkdocs.yml").read_text(encoding="utf-8"))
    config["markdown_extensions"] = []
    config["nav"] = ["index.md"]
    config["not_in_nav"] = "*"
    (target / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
    return target


def _gz(path: Path) -> int:
    return len(gzip.compress(path.read_bytes(), 9))


# The pages a reader meets first, in English and in a Cyrillic language (page_weight.py).
WEIGHED = ["", "guidelines/identification/", "practices/", "contacts/", "contacts/ua/",
           "practices/vienna-anti-trafficking-working-group/", "self-assessment/"]
BUDGET = 150 * 1024


def page_weights(site: Path):
    from .page_weight import measure

    paths = [f"{prefix}{page}" for prefix in ("", "uk/") for page in WEIGHED]
    return measure(site, paths, {"": "trafficking", "uk/": "торгівля"})


def run(root: Path, practices: int = 250, contacts: int = 1000, repeat: int = 2) -> list[Measure]:
    """Each build runs `repeat` times and counts its fastest run: on a shared 2-core
    machine single timings vary by a quarter."""
    work = Path(tempfile.mkdtemp(prefix="dcaht-bench-"))
    try:
        real = project.copy_sources(root, work / "project")
        generate_scale(real, practices, contacts)
        dcaht = [sys.executable, "-m", "dcaht.cli"]
        mkdocs = [sys.executable, "-m", "mkdocs", "build", "--strict", "--clean", "--site-dir"]
        # make build: validation, then one build process per group of languages, merged
        full = min(_timed(dcaht + ["build", "--site-dir", str(work / "site")], real) for _ in range(repeat))
        sequential = min(_timed(dcaht + ["validate"], real) + _timed(mkdocs + [str(work / "sequential")], real)
                         for _ in range(repeat))
        memory_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        floor = floor_project(real, work / "site", work / "floor")
        floor_time = min(_timed(mkdocs[:-1] + ["--site-dir", str(work / "floor-site")], floor)
                         for _ in range(repeat))
        bare = bare_floor_project(floor, work / "bare")
        bare_time = min(_timed(mkdocs[:-1] + ["--site-dir", str(work / "bare-site")], bare)
                        for _ in range(repeat))
        loops = sorted(preview_loop(real, practice_id) for practice_id in PREVIEWED)
        preview = loops[len(loops) // 2]

        site = work / "site"
        pages = list(site.rglob("*.html"))
        locales = project.locales(real)
        indexes = {loc: site / ("" if loc == "en" else loc) / "search/search_index.json" for loc in locales}
        sizes = {loc: path.stat().st_size for loc, path in indexes.items()}
        largest = max(sizes, key=sizes.get)
        all_together = sum(sizes.values())
        weights = page_weights(site)
        heaviest = max(weights, key=lambda w: w.gzip_bytes)
        failed = [f for w in weights for f in w.failed]
        errors = [e for w in weights for e in w.console_errors]
        searches = [w for w in weights if w.search_requests]
        ratio = full / floor_time
        bare_ratio = full / bare_time
        measures = [
            Measure("practices / contacts / languages", f"{practices} / {contacts} / {len(locales)}"),
            Measure("runs per build (fastest counts)", f"{repeat}"),
            Measure("full build (make build: parallel languages)", f"{full:.1f} s"),
            Measure("the same, one process (mkdocs build --strict)", f"{sequential:.1f} s"),
            Measure("floor: Material + i18n + the site's Markdown extensions, same pages", f"{floor_time:.1f} s"),
            Measure("full build / that floor", f"{ratio:.2f}x"),
            Measure("bare floor: Material + i18n, plain Markdown, no navigation list", f"{bare_time:.1f} s"),
            Measure("full build / bare floor", f"{bare_ratio:.2f}x", "<= 1.5x", bare_ratio <= 1.5),
            Measure("preview loop: practice saved -> page shows it (make serve LANG=de)",
                    f"{preview:.1f} s (median of {len(loops)})", "<= 2.0 s", preview <= 2.0),
            Measure("pages built", f"{len(pages)}"),
            Measure("HTML, all pages", f"{sum(p.stat().st_size for p in pages) / 1e6:.1f} MB"),
            Measure(f"largest search index ({largest})",
                    f"{sizes[largest] / 1024:.0f} KB, {_gz(indexes[largest]) / 1024:.0f} KB gzip",
                    f"<= {all_together / 5 / 1024:.0f} KB (1/5 of all {all_together / 1024:.0f} KB)",
                    sizes[largest] <= all_together / 5),
        ]
        for weight in weights:
            measures.append(Measure(f"first view /{weight.path} (browser, gzip)",
                                    f"{weight.gzip_bytes / 1024:.0f} KB, {weight.requests} requests",
                                    "<= 150 KB", weight.gzip_bytes <= BUDGET))
        measures += [
            Measure("heaviest first view", f"/{heaviest.path}: {heaviest.gzip_bytes / 1024:.0f} KB",
                    "<= 150 KB", heaviest.gzip_bytes <= BUDGET),
            Measure("failed requests, all pages", f"{len(failed)}", "0", not failed),
            Measure("console errors, all pages", f"{len(errors)}", "0", not errors),
        ]
        measures += [Measure(f"first search on /{w.path} adds (worker, lunr, index; gzip)",
                             f"{w.search_gzip_bytes / 1024:.0f} KB, {w.search_requests} requests") for w in searches]
        measures.append(Measure("peak memory of a build", f"{memory_mb:.0f} MB", "< 2048 MB", memory_mb < 2048))
        return measures
    finally:
        shutil.rmtree(work, ignore_errors=True)


def table(measures: list[Measure]) -> str:
    rows = [("measure", "value", "target", "")] + [
        (m.name, m.value, m.target, ("ok" if m.ok else "MISSED") if m.target else "") for m in measures]
    widths = [max(len(r[i]) for r in rows) for i in range(4)]
    lines = ["| " + " | ".join(cell.ljust(widths[i]) for i, cell in enumerate(row)) + " |" for row in rows]
    lines.insert(1, "| " + " | ".join("-" * w for w in widths) + " |")
    return "\n".join(lines)
