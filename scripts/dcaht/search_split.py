"""One search index per language.

mkdocs-static-i18n writes a single search/search_index.json for every language, so a German
reader's results mix in English pages (PITFALLS). After all languages are built, this
splits it: <locale>/search/search_index.json holds only the pages under /<locale>/ (the
English fallback copies of untranslated pages included, once), with locations relative to
that language's root, and the root index holds the default language only.
"""

from __future__ import annotations

import json
from pathlib import Path

from .search_languages import module_name

CHAPTER_BOOST = 2


def lunr_language(locale: str) -> str:
    """The lunr language of a locale's index: our module (search_languages.py) or English."""
    return module_name(locale) or "en"


def language_of(location: str, locales: list[str], default: str) -> str:
    first = location.split("/", 1)[0]
    return first if first in locales and first != default else default


def split_index(index: dict, locales: list[str], default: str) -> dict[str, dict]:
    per_language: dict[str, dict] = {}
    for locale in locales:
        prefix = "" if locale == default else f"{locale}/"
        seen: set[str] = set()
        docs = []
        for doc in index["docs"]:
            if language_of(doc["location"], locales, default) != locale:
                continue
            location = doc["location"][len(prefix):]
            if location in seen:
                continue
            seen.add(location)
            entry = {**doc, "location": location}
            if location.startswith("guidelines/"):
                # A reader searching a general word wants the chapters before the catalogue.
                entry["boost"] = CHAPTER_BOOST
            docs.append(entry)
        config = dict(index["config"])
        config["lang"] = [lunr_language(locale)]
        if module_name(locale):
            # Keep the module's trimmer, stop words and stemmer (Material removes the ones
            # the pipeline setting leaves out).
            config["pipeline"] = ["trimmer", "stopWordFilter", "stemmer"]
        per_language[locale] = {"config": config, "docs": docs}
    return per_language


def write_split_indexes(site_dir: Path, locales: list[str], default: str,
                        inline_script: bool = False) -> dict[str, int]:
    """Rewrite the indexes; returns the bytes written per language. `inline_script` also
    writes search_index.js, which Material loads instead when opened from file://."""
    source = site_dir / "search" / "search_index.json"
    index = json.loads(source.read_text(encoding="utf-8"))
    sizes = {}
    for locale, part in split_index(index, locales, default).items():
        folder = site_dir / ("" if locale == default else locale) / "search"
        folder.mkdir(parents=True, exist_ok=True)
        text = json.dumps(part, ensure_ascii=False, separators=(",", ":"))
        (folder / "search_index.json").write_text(text, encoding="utf-8")
        if inline_script:
            (folder / "search_index.js").write_text(f"var __index = {text}", encoding="utf-8")
        sizes[locale] = len(text.encode("utf-8"))
    return sizes
