"""Which data text exists in which language, and who reviewed it.

A data file's texts are the mappings keyed by language codes (`en:` required, `de:`,
`hu:` ...). For each language a file is "missing" (some text has no version in it: the
site shows English there, marked lang="en"), "unreviewed" (every text translated, no
native speaker's review recorded) or "reviewed" (`translations_reviewed: {hu: {by: ORG,
on: DATE}}` at the top of the file, written by `dcaht translations --review`).
No MkDocs imports: the CLI, the validator and the status page use this module.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import cache
from pathlib import Path

from .yaml_source import read_yaml

REVIEW_KEY = "translations_reviewed"


def data_files(root: Path) -> list[Path]:
    data = root / "data"
    return [*sorted((data / "practices").glob("*.yml")), *sorted((data / "contacts").glob("*.yml")),
            *(data / name for name in ("glossary.yml", "indicators.yml", "action_points.yml",
                                       "emergency.yml", "ui.yml", "vocabularies.yml")
              if (data / name).is_file())]


def localized_texts(value, locales: set[str]):
    """Every mapping of language codes to texts in a parsed data file."""
    if isinstance(value, dict):
        keys = set(value)
        if "en" in keys and keys <= locales and all(isinstance(v, str) for v in value.values()):
            yield value
            return
        for key, item in value.items():
            if key != REVIEW_KEY:
                yield from localized_texts(item, locales)
    elif isinstance(value, list):
        for item in value:
            yield from localized_texts(item, locales)


@dataclass
class DataFileStatus:
    path: str
    texts: int
    missing: dict[str, int]  # locale -> texts without a version in it
    reviewed: dict[str, dict]  # locale -> {"by": ..., "on": ...}

    def state(self, locale: str, default: str) -> str:
        if locale == default:
            return "source"
        if self.missing.get(locale):
            return "missing"
        return "reviewed" if locale in self.reviewed else "unreviewed"


def file_status(path: Path, root: Path, locales: list[str]) -> DataFileStatus | None:
    from .catalogue import parsed

    doc = parsed(path) or read_yaml(path, str(path.relative_to(root)))
    if doc.problems or not isinstance(doc.data, dict):
        return None
    texts = list(localized_texts(doc.data, set(locales)))
    missing = {locale: sum(1 for t in texts if t.get("en") and not t.get(locale)) for locale in locales}
    reviewed = doc.data.get(REVIEW_KEY) if isinstance(doc.data.get(REVIEW_KEY), dict) else {}
    return DataFileStatus(str(path.relative_to(root)), len(texts),
                          {k: v for k, v in missing.items() if v}, reviewed)


@cache
def _status(path: Path, root: Path, locales: tuple[str, ...], mtime: int, size: int) -> DataFileStatus | None:
    return file_status(path, root, list(locales))


def cached_file_status(path: Path, root: Path, locales) -> DataFileStatus | None:
    """file_status, read once per state of the file: every page of every language asks
    for the status of the data it shows (the status page for all files)."""
    stat = path.stat()
    return _status(path, root, tuple(locales), stat.st_mtime_ns, stat.st_size)


def data_status(root: Path, locales: list[str]) -> list[DataFileStatus]:
    return [status for path in data_files(root) if (status := cached_file_status(path, root, locales))]


REVIEW_BLOCK = re.compile(rf"^{REVIEW_KEY}:.*\n(?:[ \t]+.*\n)*", re.M)


def record_review(path: Path, locale: str, organisation: str, day: date) -> None:
    """Add or replace `locale` in the file's top-level translations_reviewed mapping,
    leaving the rest of the file as it is."""
    text = path.read_text(encoding="utf-8")
    doc = read_yaml(path, str(path))
    current = dict(doc.data.get(REVIEW_KEY) or {}) if isinstance(doc.data, dict) else {}
    if not isinstance(current, dict):
        current = {}
    current[locale] = {"by": organisation, "on": day.isoformat()}
    lines = [f"{REVIEW_KEY}:"]
    for code in sorted(current):
        entry = current[code]
        by = str(entry.get("by", "")).replace("\\", "\\\\").replace('"', '\\"')
        lines.append(f'  {code}: {{by: "{by}", on: "{entry.get("on")}"}}')
    block = "\n".join(lines) + "\n"
    if REVIEW_BLOCK.search(text):
        text = REVIEW_BLOCK.sub(lambda _: block, text, count=1)
    else:
        head = re.match(r"(?:#.*\n)*", text).end()  # after the yaml-language-server comment
        text = text[:head] + block + text[head:]
    path.write_text(text, encoding="utf-8")
