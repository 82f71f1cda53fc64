"""`make build` in parallel: one build process per group of languages, merged into one site.

mkdocs-static-i18n builds the languages one after another in one process. Here each of
`jobs` processes runs the same strict build (`mkdocs build --strict`, or ProperDocs), but
its i18n plugin goes on only to its own group of languages (DCAHT_BUILD_GROUP, read by
mkdocs_hooks.py); every process builds the default language too, because i18n builds it
first, as the outer build. The first process writes into the site folder; the others
write into temporary folders, from which their languages' folders (`<locale>/`, with
their pages, search index and feed) are moved into the site. Everything at the site's
root – the default language, assets, the sitemap, the 404 page, the downloads – comes
out the same in every process. tests/test_parallel_build.py checks that the result is
the same set of files, byte for byte, as the sequential build. No MkDocs here: it runs
the commands.
"""

from __future__ import annotations

import gzip
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from . import project

GROUP_VARIABLE = "DCAHT_BUILD_GROUP"


@dataclass
class Result:
    seconds: float
    groups: list[list[str]]
    logs: list[str]


def groups_of(locales: list[str], default: str, jobs: int) -> list[list[str]]:
    """The non-default languages dealt round-robin into `jobs` groups (all pages exist
    in every language, so each language is about the same work)."""
    others = [locale for locale in locales if locale != default]
    jobs = max(1, min(jobs, len(others)))
    return [others[index::jobs] for index in range(jobs)]


URL_BLOCK = re.compile(r"\n    <url>.*?</url>", re.S)
LOC = re.compile(r"<loc>([^<]*)</loc>")


def merge_sitemaps(site_dir: Path, targets: list[Path], groups: list[list[str]], locales: list[str],
                   default: str) -> None:
    """i18n's sitemap lists the pages of every language built in the process, language
    after language: put each language's entries from the process that built it, in the
    order of mkdocs.yml, and gzip it as MkDocs does (same time stamp)."""
    texts = [(target / "sitemap.xml").read_text(encoding="utf-8") for target in targets]
    builder = {locale: index for index, group in enumerate(groups) for locale in group}
    blocks: dict[str, list[str]] = {locale: [] for locale in locales}
    for index, text in enumerate(texts):
        for block in URL_BLOCK.findall(text):
            first = LOC.search(block).group(1).split("/", 1)[0]
            locale = first if first in builder else default
            if (locale == default and index == 0) or builder.get(locale) == index:
                blocks[locale].append(block)
    first_text = texts[0]
    head = first_text[: URL_BLOCK.search(first_text).start()]
    tail = first_text[first_text.rindex("</url>") + len("</url>"):]
    merged = head + "".join("".join(blocks[locale]) for locale in locales) + tail
    (site_dir / "sitemap.xml").write_text(merged, encoding="utf-8")
    stamp = int.from_bytes((site_dir / "sitemap.xml.gz").read_bytes()[4:8], "little")
    with open(site_dir / "sitemap.xml.gz", "wb") as raw, \
            gzip.GzipFile(fileobj=raw, filename=str(site_dir / "sitemap.xml.gz"), mode="wb", mtime=stamp) as packed:
        packed.write(merged.encode("utf-8"))


def build(root: Path, site_dir: Path, jobs: int | None = None, engine: str = "mkdocs",
          extra_env: dict | None = None) -> Result:
    """Raises RuntimeError with the failing process's output when a build fails."""
    started = time.perf_counter()
    locales, default = project.locales(root), project.default_locale(root)
    jobs = jobs or os.cpu_count() or 1
    groups = groups_of(locales, default, jobs)
    site_dir = site_dir.resolve()
    work = Path(tempfile.mkdtemp(prefix="dcaht-build-"))
    targets = [site_dir] + [work / f"group-{index}" for index in range(1, len(groups))]
    env = {key: value for key, value in os.environ.items() if key != "BUILD_ONLY_LOCALE"}
    env.update({"NO_MKDOCS_2_WARNING": "1", **(extra_env or {})})
    try:
        processes = []
        for group, target in zip(groups, targets, strict=True):
            log = tempfile.TemporaryFile(mode="w+", encoding="utf-8")
            command = [sys.executable, "-m", engine, "build", "--strict", "--clean", "--site-dir", str(target)]
            processes.append((subprocess.Popen(command, cwd=root, stdout=log, stderr=subprocess.STDOUT,
                                               env={**env, GROUP_VARIABLE: ",".join(group)}), log))
        logs = []
        failed = []
        for process, log in processes:
            process.wait()
            log.seek(0)
            logs.append(log.read())
            log.close()
            if process.returncode != 0:
                failed.append(logs[-1])
        if failed:
            raise RuntimeError("a build process failed:\n" + failed[0][-5000:])
        merge_sitemaps(site_dir, targets, groups, locales, default)
        for group, target in zip(groups[1:], targets[1:], strict=True):
            for locale in group:
                destination = site_dir / locale
                if destination.exists():
                    shutil.rmtree(destination)
                shutil.move(str(target / locale), str(destination))
        return Result(time.perf_counter() - started, groups, logs)
    finally:
        shutil.rmtree(work, ignore_errors=True)
