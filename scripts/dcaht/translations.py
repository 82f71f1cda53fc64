"""Which page exists in which language, and in what state.

A page is a Markdown file under docs/ (`page.md` in the default language, `page.<locale>.md`
for a translation). A translation is:
- "outdated" when the `source_hash` in its front matter differs from the hash of the
  current default-language source (the source changed after it was translated);
- "unreviewed" when its front matter says `translation_reviewed: false`;
- "reviewed" when it records a native speaker's review (`translation_reviewed: {by: ORG,
  on: DATE}`, written by `dcaht translations --review`);
- "translated" otherwise; and "missing" when there is no file.
Generated practice stubs are not pages to translate (their text comes from data).
No MkDocs imports: the CLI, the hooks and the status page all use this module.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

from .stubs import STUB_FOLDERS, is_stub

FRONT_MATTER = re.compile(r"\A---\n(.*?)\n---\n", re.S)
STATES = ("source", "translated", "reviewed", "unreviewed", "outdated", "missing")


def split_front_matter(text: str) -> tuple[dict, str]:
    match = FRONT_MATTER.match(text)
    if not match:
        return {}, text
    meta = yaml.safe_load(match.group(1)) or {}
    return (meta if isinstance(meta, dict) else {}), text[match.end():]


@lru_cache(maxsize=4096)
def source_hash(text: str) -> str:
    """Hash of a page's body (front matter excluded), so metadata edits don't count."""
    _, body = split_front_matter(text)
    return hashlib.sha256(body.strip().encode("utf-8")).hexdigest()[:16]


SNIPPET = re.compile(r'^--8<-- "([^"]+)"\s*$', re.M)


def source_text(path: Path) -> str:
    """A default-language page as its readers get it: with the files it includes through
    pymdownx.snippets (`--8<-- "CONTRIBUTING.md"`) inlined, so that a change to an
    included file marks the page's translations as outdated too."""
    text = path.read_text(encoding="utf-8")
    if "--8<--" not in text:
        return text
    root = next((folder for folder in path.parents if (folder / "mkdocs.yml").is_file()), path.parent)

    def inline(match):
        included = root / match.group(1)
        return included.read_text(encoding="utf-8") if included.is_file() else match.group(0)

    return SNIPPET.sub(inline, text)


def _locale_of(path: Path, locales: list[str]) -> tuple[str, str | None]:
    """('guidelines/mapping.md', 'de') for guidelines/mapping.de.md; locale None = default."""
    parts = path.name.split(".")
    if len(parts) >= 3 and parts[-2] in locales:
        return str(path.with_name(".".join(parts[:-2] + ["md"]))), parts[-2]
    return str(path), None


def default_source(translation: Path, locale: str) -> Path | None:
    """docs/x.de.md -> docs/x.md, when that English source exists."""
    suffix = f".{locale}.md"
    if not translation.name.endswith(suffix):
        return None
    source = translation.with_name(translation.name[: -len(suffix)] + ".md")
    return source if source.is_file() else None


def collect_pages(docs_dir: Path, locales: list[str]) -> dict[str, dict[str, Path]]:
    """page key (default-language path relative to docs/) -> {locale or None: file}."""
    pages: dict[str, dict[str, Path]] = {}
    for path in sorted(docs_dir.rglob("*.md")):
        if path.parent.name in STUB_FOLDERS and not path.name.startswith("index") and is_stub(path):
            continue
        key, locale = _locale_of(path.relative_to(docs_dir), locales)
        pages.setdefault(key, {})[locale] = path
    return pages


def translation_state(source: Path | None, translation: Path | None) -> str:
    if translation is None:
        return "missing"
    meta, _ = split_front_matter(translation.read_text(encoding="utf-8"))
    recorded = meta.get("source_hash")
    if source is not None and recorded and recorded != source_hash(source_text(source)):
        return "outdated"
    reviewed = meta.get("translation_reviewed")
    if reviewed is False:
        return "unreviewed"
    if isinstance(reviewed, dict) or reviewed is True:
        return "reviewed"
    return "translated"


@dataclass
class StatusTable:
    locales: list[str]
    rows: list[tuple[str, dict[str, str]]]  # (page key, {locale: state})

    def completeness(self, locale: str) -> int:
        """Percentage of pages present and not outdated in `locale`."""
        if not self.rows:
            return 100
        done = sum(1 for _, states in self.rows
                   if states[locale] in ("source", "translated", "reviewed", "unreviewed"))
        return round(100 * done / len(self.rows))


def status_table(docs_dir: Path, locales: list[str], default: str) -> StatusTable:
    """Cached while no page changes (the status page is built once per language)."""
    pages = sorted(p for p in docs_dir.rglob("*.md") if p.parent.name not in STUB_FOLDERS
                   or p.name.startswith("index"))
    fingerprint = tuple((str(p), p.stat().st_mtime_ns) for p in pages)
    return _status_table(docs_dir, tuple(locales), default, fingerprint)


@lru_cache(maxsize=4)
def _status_table(docs_dir: Path, locales: tuple[str, ...], default: str, fingerprint) -> StatusTable:
    locales = list(locales)
    rows = []
    for key, files in collect_pages(docs_dir, locales).items():
        source = files.get(None)
        states = {}
        for locale in locales:
            if locale == default:
                states[locale] = "source" if source else "missing"
            else:
                states[locale] = translation_state(source, files.get(locale))
        rows.append((key, states))
    return StatusTable(locales, rows)


def stamp(translation: Path, source: Path) -> bool:
    """Record the source's current hash in the translation's front matter; True if changed."""
    text = translation.read_text(encoding="utf-8")
    wanted = source_hash(source_text(source))
    match = FRONT_MATTER.match(text)
    if match:
        block = match.group(1)
        if re.search(r"^source_hash:.*$", block, re.M):
            new_block = re.sub(r"^source_hash:.*$", f"source_hash: {wanted}", block, flags=re.M)
        else:
            new_block = block + f"\nsource_hash: {wanted}"
        new_text = f"---\n{new_block}\n---\n" + text[match.end():]
    else:
        new_text = f"---\nsource_hash: {wanted}\n---\n" + text
    if new_text != text:
        translation.write_text(new_text, encoding="utf-8")
        return True
    return False


def locale_of_page(path: Path, locales: list[str]) -> str | None:
    """'hu' for docs/x.hu.md; None for a default-language page."""
    return _locale_of(Path(path.name), locales)[1]


def record_page_review(translation: Path, organisation: str, day) -> None:
    """Replace `translation_reviewed: false` by the reviewing organisation and date."""
    text = translation.read_text(encoding="utf-8")
    escaped = organisation.replace("\\", "\\\\").replace('"', '\\"')
    entry = f'translation_reviewed: {{by: "{escaped}", on: "{day.isoformat()}"}}'
    match = FRONT_MATTER.match(text)
    if not match:
        text = f"---\n{entry}\n---\n" + text
    else:
        block = match.group(1)
        if re.search(r"^translation_reviewed:.*$", block, re.M):
            block = re.sub(r"^translation_reviewed:.*$", lambda _: entry, block, flags=re.M)
        else:
            block = block + "\n" + entry
        text = f"---\n{block}\n---\n" + text[match.end():]
    translation.write_text(text, encoding="utf-8")


def page_reviews(docs_dir: Path, locales: list[str]) -> dict[tuple[str, str], dict]:
    """(page key, locale) -> {"by": ..., "on": ...} for reviewed translations."""
    reviews = {}
    for key, files in collect_pages(docs_dir, locales).items():
        for locale, path in files.items():
            if locale is None:
                continue
            meta, _ = split_front_matter(path.read_text(encoding="utf-8"))
            if isinstance(meta.get("translation_reviewed"), dict):
                reviews[(key, locale)] = meta["translation_reviewed"]
    return reviews
