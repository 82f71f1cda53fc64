"""The JSON Schemas under data/schema/: loading them, and filling their enumerations.

The schemas are the contributor's manual (titles, descriptions, examples). Their lists
of allowed values are derived from data/vocabularies.yml and mkdocs.yml, the single
sources; `dcaht schemas` rewrites them and `dcaht schemas --check` fails when stale.
"""

from __future__ import annotations

import json
from pathlib import Path

from .vocabulary import Vocabulary

SCHEMA_FILES = {
    "practice": "practice.schema.json",
    "contacts": "contacts.schema.json",
    "glossary": "glossary.schema.json",
    "indicators": "indicators.schema.json",
    "vocabularies": "vocabularies.schema.json",
    "ui": "ui.schema.json",
    "action_points": "action_points.schema.json",
    "emergency": "emergency.schema.json",
}


def schema_dir(root: Path) -> Path:
    return root / "data" / "schema"


def read_schema(root: Path, kind: str) -> dict:
    return json.loads((schema_dir(root) / SCHEMA_FILES[kind]).read_text(encoding="utf-8"))


def fill_enumerations(schema: dict, vocabulary: Vocabulary | None, locales: list[str],
                      chapters: list[str] | None = None) -> dict:
    """Set every enumeration from its single source (in place) and return the schema:
    languages from mkdocs.yml, countries and vocabularies from data/vocabularies.yml,
    chapters from docs/guidelines/ (chapters.py)."""
    defs = schema.get("$defs", {})
    if "language_code" in defs:
        defs["language_code"]["enum"] = list(locales)
    if vocabulary is None:
        return schema
    if "country_code" in defs:
        defs["country_code"]["enum"] = list(vocabulary.countries)

    def walk(node):
        if isinstance(node, dict):
            if node.get("x-chapters") and chapters is not None:
                node["enum"] = list(chapters)
            kind = node.get("x-vocabulary")
            if kind:
                target = node["items"] if node.get("type") == "array" else node
                target["enum"] = vocabulary.keys(kind)
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(schema)
    return schema


def render_schema(schema: dict) -> str:
    return json.dumps(schema, indent=2, ensure_ascii=False) + "\n"


def refresh_schema_files(root: Path, vocabulary: Vocabulary, locales: list[str],
                         write: bool = True) -> list[Path]:
    """The schema files whose enumerations are stale, rewritten unless `write` is False."""
    from .chapters import chapter_slugs

    chapters = chapter_slugs(root / "docs")
    stale = []
    for filename in SCHEMA_FILES.values():
        path = schema_dir(root) / filename
        current = path.read_text(encoding="utf-8")
        wanted = render_schema(fill_enumerations(json.loads(current), vocabulary, locales, chapters))
        if wanted != current:
            if write:
                path.write_text(wanted, encoding="utf-8")
            stale.append(path)
    return stale
