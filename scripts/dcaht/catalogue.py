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
    ActionPhase,
    ActionPoint,
    Address,
    Catalogue,
    Confirmation,
    Contact,
    Email,
    EmergencyInfo,
    EmergencyNumber,
    GlossaryTerm,
    IndicatorGroup,
    InstitutionContact,
    Localized,
    Phone,
    Practice,
    Source,
)
from .phones import parse_phone
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


def _source(value) -> Source:
    return Source(value["title"], value["url"], value.get("date"))


def _sources(values) -> tuple[Source, ...]:
    return tuple(_source(v) for v in values)


def _phones(entries, country: str | None) -> tuple[Phone, ...]:
    """Numbers the validator accepted, with the formats readers and exports use."""
    phones = []
    for entry in entries or ():
        parsed, _ = parse_phone(entry["number"], country)
        phones.append(Phone(
            number=str(entry["number"]), e164=parsed.e164, national=parsed.national,
            international=parsed.international, source=entry["source"],
            label=_localized(entry.get("label")), urgent=bool(entry.get("urgent")),
            hours=_localized(entry.get("hours")), languages=tuple(entry.get("languages") or ()),
            free=entry.get("free"), note=_localized(entry.get("note"))))
    return tuple(phones)


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
        sources_checked_on=date.fromisoformat(d["sources_checked_on"]),
        added_on=date.fromisoformat(d["added_on"]),
        chapters=tuple(d.get("chapters") or ()),
        path=doc.display_path,
    )


def _contact(entry: dict, path: str, line: int = 0) -> Contact:
    sensitive = bool(entry.get("sensitive")) or entry["type"] == "shelter"
    address = entry.get("address")
    confirmed = entry.get("confirmed")
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
        website=entry.get("website"),
        phones=_phones(entry.get("phones"), entry.get("country")),
        emails=tuple(Email(e["address"], e["source"]) for e in entry.get("emails") or ()),
        address=None if sensitive or not address else Address(**address),
        sensitive=sensitive,
        sources=_sources(entry["sources"]),
        sources_checked_on=date.fromisoformat(entry["sources_checked_on"]),
        confirmed=Confirmation(date.fromisoformat(confirmed["on"]), confirmed["how"])
        if confirmed else None,
        path=path,
        line=line,
    )


def _repeated_numbers(doc, index: int, contact: Contact, entry: dict,
                      seen: dict[str, tuple[str, str, int]]) -> list[Problem]:
    """The same number on two institutions needs a note saying why (one line run by
    another body, a shared switchboard); otherwise it is likely a copying slip."""
    problems = []
    for number_index, phone in enumerate(contact.phones):
        pos = ("contacts", index, "phones", number_index, "number")
        key = phone.e164
        if key in seen and seen[key][0] != contact.id and not entry["phones"][number_index].get("note"):
            other, where, line = seen[key]
            problems.append(Problem(
                doc.display_path, doc.line_of(pos), f"contacts[{index}].phones[{number_index}].number",
                f"{phone.number} is already listed for '{other}' ({where}:{line}); if both really "
                "use it, add a 'note' saying why (e.g. the same line run by one body for the other)"))
        seen.setdefault(key, (contact.id, doc.display_path, doc.line_of(pos)))
    return problems


def _in_scope(path: Path, only: set[Path] | None) -> bool:
    return only is None or path.resolve() in only


# Per-file results of the data checks, for `mkdocs serve`: a contributor saves one file,
# and only that file is read and checked again. A result is reused only
# for the same file state (time, size) under the same rules (vocabularies, labels,
# schemas, languages, chapters, today's date).
_file_results: dict[tuple[str, str], tuple[tuple, object, list[Problem]]] = {}


def _rules_key(root: Path, today: date | None) -> tuple:
    from .chapters import chapter_slugs

    rule_files = [root / "mkdocs.yml", root / "data" / "vocabularies.yml", root / "data" / "ui.yml",
                  *sorted((root / "data" / "schema").glob("*.json"))]
    stamps = tuple((str(f), f.stat().st_mtime_ns, f.stat().st_size) for f in rule_files if f.is_file())
    return stamps, tuple(chapter_slugs(root / "docs")), today or date.today()


def _checked(checker: DataValidator, kind: str, path: Path, rules: tuple):
    stat = path.stat()
    state = (stat.st_mtime_ns, stat.st_size, rules)
    cached = _file_results.get((kind, str(path)))
    if cached is not None and cached[0] == state:
        checker.problems.extend(cached[2])
        return cached[1]
    before = len(checker.problems)
    doc = getattr(checker, f"check_{kind}")(path)
    _file_results[(kind, str(path))] = (state, doc, checker.problems[before:])
    return doc


def parsed(path: Path):
    """The document validation read for this file, if the file has not changed since
    (the translation status reads the same files again otherwise)."""
    stat = path.stat()
    for (_kind, name), (state, doc, _) in _file_results.items():
        if name == str(path) and doc is not None and state[:2] == (stat.st_mtime_ns, stat.st_size):
            return doc
    return None


def validate_project(root: Path, only: list[Path] | None = None,
                     today: date | None = None) -> LoadResult:
    """Validate every data file (cross-file checks need them all); when `only` is given,
    report the problems of those files alone."""
    root = root.resolve()
    checker = DataValidator(root, project.locales(root), today)
    catalogue = Catalogue()
    rules = _rules_key(root, today)
    cached = _file_results.get(("vocabulary", str(root)))
    if cached is not None and cached[0] == rules:
        vocabulary = checker.vocabulary = cached[1]
        checker.problems.extend(cached[2])
    else:
        vocabulary = checker.read_vocabulary()
        _file_results[("vocabulary", str(root))] = (rules, vocabulary, list(checker.problems))
    if vocabulary is None:
        return LoadResult(catalogue, None, checker.problems)

    for path in practice_files(root):
        doc = _checked(checker, "practice", path, rules)
        if doc is not None:
            catalogue.practices[path.stem] = _practice(doc)

    first_seen: dict[str, tuple[str, int]] = {}
    numbers_seen: dict[str, tuple[str, str, int]] = {}
    for path in contact_files(root):
        doc = _checked(checker, "contacts", path, rules)
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
            catalogue.contacts[entry["id"]] = _contact(entry, doc.display_path, line)
            checker.problems += _repeated_numbers(doc, index, catalogue.contacts[entry["id"]],
                                                  entry, numbers_seen)

    glossary_doc = _checked(checker, "glossary", root / "data" / "glossary.yml", rules)
    if glossary_doc is not None:
        catalogue.glossary = [
            GlossaryTerm(t["id"], t.get("abbreviation"), _localized(t["term"]),
                         _localized(t["definition"]),
                         _source(t["source"]) if t.get("source") else None)
            for t in glossary_doc.data["terms"]
        ]
    indicators_doc = _checked(checker, "indicators", root / "data" / "indicators.yml", rules)
    if indicators_doc is not None:
        for g in indicators_doc.data["groups"]:
            catalogue.indicator_groups[g["id"]] = IndicatorGroup(
                g["id"], _localized(g["title"]), _localized(g.get("intro")),
                tuple(Localized(dict(i)) for i in g["indicators"]), _sources(g["sources"]))

    action_doc = _checked(checker, "action_points", root / "data" / "action_points.yml", rules)
    if action_doc is not None:
        for phase in action_doc.data["phases"]:
            catalogue.action_phases[phase["id"]] = ActionPhase(
                phase["id"], _localized(phase["title"]), _localized(phase["question"]),
                tuple(_localized(level) for level in phase["levels"]))
        for point in action_doc.data["points"]:
            retired = point.get("retired") or {}
            catalogue.action_points[point["id"]] = ActionPoint(
                point["id"], point["chapter"], point["phase"], _localized(point["actor"]),
                _localized(point["text"]),
                date.fromisoformat(retired["on"]) if retired else None,
                _localized(retired.get("reason")))

    emergency_doc = _checked(checker, "emergency", root / "data" / "emergency.yml", rules)
    if emergency_doc is not None:
        for code, info in emergency_doc.data["countries"].items():
            catalogue.emergency[code] = EmergencyInfo(
                code, tuple(EmergencyNumber(str(n["number"]), _localized(n["label"]), n["source"])
                            for n in info["numbers"]),
                _localized(info.get("note")), tuple(info.get("sources") or ()))

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
