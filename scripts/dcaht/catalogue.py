"""Loading everything under data/ into validated objects, once per change of the data.

`load_catalogue()` is what the macros and hooks call; `validate_project()` is what
`dcaht validate` calls. Both go through the same checks (validation.py).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from . import project
from .models import (
    Address,
    Catalogue,
    Contact,
    GlossaryTerm,
    IndicatorGroup,
    InstitutionContact,
    Localized,
    Practice,
    Source,
)
from .problems import DataInvalid, Problem
from .validation import DataValidator
from .vocabulary import Vocabulary


@dataclass
class LoadResult:
    catalogue: Catalogue
    vocabulary: Vocabulary | None
    problems: list[Problem]

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.is_error]


def practice_files(root: Path) -> list[Path]:
    return sorted((root / "data" / "practices").glob("*.yml"))


def contact_files(root: Path) -> list[Path]:
    return sorted((root / "data" / "contacts").glob("*.yml"))


def _localized(value) -> Localized | None:
    return Localized(dict(value)) if value else None


def _sources(values) -> tuple[Source, ...]:
    return tuple(Source(v["title"], v["url"]) for v in values)


def _practice(doc) -> Practice:
    d = doc.data
    contact = d.get("contact")
    years = d.get("years") or {}
    return Practice(
        id=doc.path.stem,
        title=_localized(d["title"]),
        summary=_localized(d["summary"]),
        city=d["city"],
        country=d["country"],
        lead_organisation=d["lead_organisation"],
        partners=tuple(d.get("partners") or ()),
        sectors=tuple(d["sectors"]),
        forms=tuple(d["forms"]),
        target_groups=tuple(d["target_groups"]),
        what_was_done=_localized(d["what_was_done"]),
        results=_localized(d.get("results")),
        needs=_localized(d.get("needs")),
        start_year=years.get("start"),
        end_year=years.get("end"),
        contact=InstitutionContact(**contact) if contact else None,
        sources=_sources(d["sources"]),
        last_verified=date.fromisoformat(d["last_verified"]),
        path=doc.display_path,
    )


def _contact(entry: dict, path: str) -> Contact:
    sensitive = bool(entry.get("sensitive")) or entry["type"] == "shelter"
    address = entry.get("address")
    return Contact(
        id=entry["id"],
        name=entry["name"],
        alternate_name=entry.get("alternate_name"),
        type=entry["type"],
        scope=entry["scope"],
        country=entry.get("country"),
        city=None if sensitive else entry.get("city"),
        description=_localized(entry["description"]),
        languages=tuple(entry.get("languages") or ()),
        website=entry["website"],
        email=entry.get("email"),
        phone=entry.get("phone"),
        address=None if sensitive or not address else Address(**address),
        sensitive=sensitive,
        sources=_sources(entry["sources"]),
        last_verified=date.fromisoformat(entry["last_verified"]),
        path=path,
    )


def _in_scope(path: Path, only: set[Path] | None) -> bool:
    return only is None or path.resolve() in only


def validate_project(root: Path, only: list[Path] | None = None,
                     today: date | None = None) -> LoadResult:
    """Validate every data file (cross-file checks need them all); when `only` is given,
    report the problems of those files alone."""
    root = root.resolve()
    checker = DataValidator(root, project.locales(root), today)
    catalogue = Catalogue()
    vocabulary = checker.read_vocabulary()
    if vocabulary is None:
        return LoadResult(catalogue, None, checker.problems)

    for path in practice_files(root):
        doc = checker.check_practice(path)
        if doc is not None:
            catalogue.practices[path.stem] = _practice(doc)

    first_seen: dict[str, tuple[str, int]] = {}
    for path in contact_files(root):
        doc = checker.check_contacts(path)
        if doc is None:
            continue
        for index, entry in enumerate(doc.data["contacts"]):
            line = doc.line_of(("contacts", index, "id"))
            if entry["id"] in first_seen:
                where, first_line = first_seen[entry["id"]]
                checker.problems.append(Problem(
                    doc.display_path, line, f"contacts[{index}].id",
                    f"the id '{entry['id']}' is already used in {where}:{first_line}; "
                    "give each contact its own id"))
                continue
            first_seen[entry["id"]] = (doc.display_path, line)
            catalogue.contacts[entry["id"]] = _contact(entry, doc.display_path)

    glossary_doc = checker.check_glossary(root / "data" / "glossary.yml")
    if glossary_doc is not None:
        catalogue.glossary = [
            GlossaryTerm(t["id"], t.get("abbreviation"), _localized(t["term"]),
                         _localized(t["definition"]),
                         Source(**t["source"]) if t.get("source") else None)
            for t in glossary_doc.data["terms"]
        ]
    indicators_doc = checker.check_indicators(root / "data" / "indicators.yml")
    if indicators_doc is not None:
        for g in indicators_doc.data["groups"]:
            catalogue.indicator_groups[g["id"]] = IndicatorGroup(
                g["id"], _localized(g["title"]), _localized(g.get("intro")),
                tuple(Localized(dict(i)) for i in g["indicators"]), _sources(g["sources"]))

    problems = sorted(set(checker.problems))
    if only is not None:
        wanted = {checker.display(p) for p in only}
        problems = [p for p in problems if p.path in wanted]
    return LoadResult(catalogue, vocabulary, problems)


def _fingerprint(root: Path) -> tuple:
    """Changes whenever a data file or mkdocs.yml changes (for `mkdocs serve`)."""
    files = [root / "mkdocs.yml", *sorted((root / "data").rglob("*"))]
    return tuple((str(f), f.stat().st_mtime_ns, f.stat().st_size) for f in files if f.is_file())


_cache: dict[Path, tuple[tuple, LoadResult]] = {}


def load_catalogue(root: Path) -> tuple[Catalogue, Vocabulary]:
    """The validated data of the project; raises DataInvalid listing every error.

    Cached across the per-language builds of one `mkdocs build` (they run in one process),
    and reloaded when any data file changes.
    """
    root = root.resolve()
    fingerprint = _fingerprint(root)
    cached = _cache.get(root)
    if cached is None or cached[0] != fingerprint:
        cached = (fingerprint, validate_project(root))
        _cache[root] = cached
    result = cached[1]
    if result.errors or result.vocabulary is None:
        raise DataInvalid(result.problems)
    return result.catalogue, result.vocabulary
