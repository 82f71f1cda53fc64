"""One terminology per language: where a translated page misses its language's glossary term.

The glossary (data/glossary.yml) is the term base. For each translated page, every
glossary term whose English form occurs in the English page should occur in its
language's form in the translation. Words are compared through the same stemmer as
search (search_languages.stem), so inflected forms count ("obchodování" in "obchodováním").
A term counts as used when all the words of its main form (without a bracketed addition)
occur, or all the words of its bracketed form ("Mapping" in "Bestandsaufnahme (Mapping)
der lokalen Lage"), or its abbreviation. Code (commands, YAML keys) is not prose and is
left out on both sides. No MkDocs here.
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


def _forms(term: str, locale: str, qualified: bool = False) -> list[set[str]]:
    """The term's main form and its bracketed forms; when the English term carries a
    bracketed qualifier ("mapping (of the local situation)"), the main form's longest word
    too ("Bestandsaufnahme"), as the English page may use the short form alone."""
    forms = [_term_words(term, locale)]
    forms += [_words(inner, locale) for inner in re.findall(r"\(([^)]*)\)", term)]
    if qualified:
        words = WORD.findall(_main(term))
        if words:
            forms.append(_words(max(words, key=len), locale))
    return [form for form in forms if form]


VOWELS = set("aeiouyáéíóöőúüűěůăâîаеиоуъюяєіїэы")


def _matches(wanted: str, word: str) -> bool:
    """The same stem, or stems the light stemmers leave apart: up to two more letters
    ("indikator"/"indikatorj"), or one vowel dropped near the end ("mehanizem"/"mehanizm",
    "механизам"/"механизм")."""
    if wanted == word:
        return True
    if len(wanted) < 5:
        return False
    if word.startswith(wanted) and len(word) - len(wanted) <= 2:
        return True
    for k in range(max(1, len(wanted) - 3), len(wanted)):
        if wanted[k] in VOWELS and word.startswith(wanted[:k] + wanted[k + 1:]):
            return True
    return False


def _present(term: str, locale: str, words: set[str], qualified: bool = False) -> bool:
    """Every word of one of the term's forms occurs; in German also inside a compound
    ("Ausbeutung" in "Arbeitsausbeutung")."""
    for wanted in _forms(term, locale, qualified):
        if locale in COMPOUNDING:
            if all(any(w in word for word in words) for w in wanted):
                return True
        elif all(w in words or any(_matches(w, word) for word in words) for w in wanted):
            return True
    return False


def _prose(text: str) -> str:
    """The page's readable text: no front matter, macro calls, link targets or anchors."""
    _, body = split_front_matter(text)
    body = re.sub(r"^[ \t]*(```|~~~).*?^[ \t]*\1", " ", body, flags=re.S | re.M)
    body = re.sub(r"`[^`\n]*`", " ", body)
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
                if _present(localized, locale, words, qualified="(" in term_en) or (abbreviation and abbreviation in text):
                    continue
                report.setdefault(locale, []).append((key, term_en, localized))
    return report
