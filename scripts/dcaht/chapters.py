"""The chapters of the guidelines: the one list, read from docs/guidelines/.

A chapter is a default-language page under docs/guidelines/ whose front matter holds
`chapter: N`; N gives the order. Practices name the chapters they illustrate by these
file names (data/schema/practice.schema.json's allowed values come from here).
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from .translations import split_front_matter

# During a build the chapters do not change: the hooks take one reading per build
# (`snapshot`), and every page asks that instead of reading the folder again (it was a
# fifth of a Danube-scale build). Outside a build (the dcaht tool, tests) each call reads.
_snapshots: dict[Path, list[str]] = {}


def snapshot(docs_dir: Path) -> list[str]:
    """Read the chapters now and answer from this reading until the next snapshot."""
    _snapshots.pop(docs_dir, None)
    _snapshots[docs_dir] = _read_slugs(docs_dir)
    return _snapshots[docs_dir]


def chapter_slugs(docs_dir: Path) -> list[str]:
    """Chapter file names (without .md) in their order."""
    taken = _snapshots.get(docs_dir)
    if taken is not None:
        return list(taken)
    return _read_slugs(docs_dir)


def _read_slugs(docs_dir: Path) -> list[str]:
    guidelines = docs_dir / "guidelines"
    if not guidelines.is_dir():
        return []
    fingerprint = tuple(sorted((p.name, p.stat().st_mtime_ns) for p in guidelines.glob("*.md")))
    return list(_chapter_slugs(guidelines, fingerprint))


@lru_cache(maxsize=8)
def _chapter_slugs(guidelines: Path, fingerprint) -> tuple[str, ...]:
    chapters = []
    for path in guidelines.glob("*.md"):
        if path.name.count(".") > 1:  # a translation (mapping.de.md)
            continue
        meta, _ = split_front_matter(path.read_text(encoding="utf-8"))
        if "chapter" in meta:
            chapters.append((int(meta["chapter"]), path.stem))
    return tuple(slug for _, slug in sorted(chapters))


def chapter_number(docs_dir: Path, slug: str) -> int:
    """1 for the first chapter (the order of `chapter: N`)."""
    return chapter_slugs(docs_dir).index(slug) + 1


def chapter_title(docs_dir: Path, slug: str, locale: str, default: str) -> tuple[str, str]:
    """(the chapter's title in `locale`, the language it is in): the H1 of its page, or
    of the English page while the translation is missing."""
    suffix = "" if locale == default else f".{locale}"
    for candidate, language in ((f"{slug}{suffix}.md", locale), (f"{slug}.md", default)):
        path = docs_dir / "guidelines" / candidate
        if path.is_file():
            return _h1(path, path.stat().st_mtime_ns), language
    return slug, default


@lru_cache(maxsize=512)
def _h1(path: Path, mtime: int) -> str:
    _, body = split_front_matter(path.read_text(encoding="utf-8"))
    for line in body.splitlines():
        if line.startswith("# "):
            return line[2:].split(" { #")[0].strip()
    return path.stem
