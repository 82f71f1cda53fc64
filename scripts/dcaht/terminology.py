"""One terminology per language: where a translated page misses its language's glossary term.

The glossary (data/glossary.yml) is the term base. For each translated page, every
glossary term whose English form occurs in the English page should occur in its
language's form in the translation. Words are compared through the same stemmer as
search (search_languages.stem), so inflected forms count ("obchodování" in "obchodováním").
A term counts as used when all the words of its main form (without a bracketed addition)
occur, or when its abbreviation does. No MkDocs here.
"""

from __future__ import annotations

import re
from pathlib import Path

from .search_languages import stem
from .translations import collect_pages, source_text, split_front_matter
from .yaml_source import read_yaml

WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*", re.U)
# Words too general to decide whether a term is used.
SHORT = 2
COMPOUNDING = {"de"}


def _words(text: str, locale: str) -> set[str]:
    return {stem(w, locale) for w in WORD.findall(text) if len(w) > SHORT}


def _main(term: str) -> str:
    return re.sub(r"\s*\([^)]*\)", "", term).strip()


def _term_words(term: str, locale: str) -> set[str]:
    return _words(_main(term), locale)


def _present(term: str, locale: str, words: set[str]) -> bool:
    """Every word of the term occurs; in German also inside a compound
    ("Ausbeutung" in "Arbeitsausbeutung")."""
    wanted = _term_words(term, locale)
    if locale in COMPOUNDING:
        return all(any(w in word for word in words) for w in wanted)
    return wanted <= words


def _prose(text: str) -> str:
    """The page's readable text: no front matter, macro calls, link targets or anchors."""
    _, body = split_front_matter(text)
    body = re.sub(r"\{\{.*?\}\}", " ", body, flags=re.S)
    body = re.sub(r"\]\([^)]*\)", "]", body)
    body = re.sub(r"\{ ?#[^}]*\}", " ", body)
    return body


def _glossary(root: Path) -> list[dict]:
    doc = read_yaml(root / "data" / "glossary.yml", "data/glossary.yml")
    return doc.data["terms"] if isinstance(doc.data, dict) else []


def missing_terms(root: Path, locales: list[str], default: str) -> dict[str, list[tuple[str, str, str]]]:
    """locale -> [(page, English term, the language's term)] where the term is missing."""
    terms = _glossary(root)
    report: dict[str, list[tuple[str, str, str]]] = {}
    for key, files in collect_pages(root / "docs", locales).items():
        source = files.get(None)
        if source is None:
            continue
        english = _prose(source_text(source))
        english_lower = english.lower()
        for locale in locales:
            translation = files.get(locale)
            if locale == default or translation is None:
                continue
            text = _prose(translation.read_text(encoding="utf-8"))
            words = _words(text, locale)
            for term in terms:
                term_en = term["term"]["en"]
                localized = term["term"].get(locale)
                if not localized:
                    continue
                if not re.search(rf"\b{re.escape(_main(term_en).lower())}", english_lower):
                    continue
                abbreviation = term.get("abbreviation")
                if _present(localized, locale, words) or (abbreviation and abbreviation in text):
                    continue
                report.setdefault(locale, []).append((key, term_en, localized))
    return report
