"""Checking data files: every problem as `path:line: field: what is wrong, what is right`.

What fails (errors): unreadable YAML (syntax, tabs, tags, duplicate keys), an empty file,
a file that is not a mapping, unknown keys (retired ones with what to write instead),
wrong types, values outside the controlled vocabularies, non-http(s) web addresses,
malformed e-mails or dates, dates in the future, phone numbers that `phonenumbers` finds
impossible for the contact's country, a phone or e-mail whose page is not among the
sources, the same number on two institutions without a note, placeholders left by
`dcaht new-practice`, duplicate ids, markup in titles, links to non-web addresses inside
Markdown, any address, city or map link on a shelter or sensitive entry, and a practice text that
names a shelter together with a street address (sensitive_text.py).
What only warns: sources last checked more than 18 months ago, and short numbers that
`phonenumbers` thinks possible but does not list.
Bad input never raises: every check turns it into a Problem.
"""

from __future__ import annotations

import difflib
import re
from datetime import date
from pathlib import Path
from urllib.parse import urlparse

from jsonschema import Draft202012Validator

from .chapters import chapter_slugs
from .phones import is_emergency_number, parse_phone
from .problems import Problem
from .schemas import fill_enumerations, read_schema
from .sensitive_text import MESSAGE as SHELTER_MESSAGE
from .sensitive_text import reveals_shelter_location
from .vocabulary import VOCABULARY_KINDS, Vocabulary, vocabulary_from_data
from .yaml_source import YamlDocument, field_name, read_yaml

PLACEHOLDER = "FILL-IN"
SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
STALE_AFTER_DAYS = 548  # 18 months
MARKDOWN_LINK = re.compile(r"\]\(\s*<?([^)\s>]+)|^\s*\[[^\]]+\]:\s*<?(\S+?)>?\s*$", re.M)
ALLOWED_LINK_SCHEMES = {"http", "https", "mailto"}

# Keys that once existed: refused with what to write instead, never migrated silently.
RETIRED_KEYS = {
    "last_verified": (
        "'last_verified' is no longer used: it read as a check by the organisation, but it only "
        "recorded when someone read the sources. Write 'sources_checked_on: YYYY-MM-DD' (the day "
        "you read the sources) and, only if the organisation itself confirmed the entry, "
        "'confirmed: {on: YYYY-MM-DD, how: email}'"),
    "email": (
        "'email' is replaced by 'emails', a list in which each address names the page it was "
        "seen on: 'emails: [{address: office@example.org, source: https://...}]'"),
    "phone": (
        "'phone' is replaced by 'phones', a list in which each number names the page it was "
        "seen on: 'phones: [{number: \"0800 800 818\", source: https://...}]'"),
}
# Contacts whose location must stay secret never link to a map.
MAP_HOSTS = re.compile(r"(maps\.google\.|google\.[a-z.]+/maps|goo\.gl/maps|maps\.app\.goo\.gl|"
                       r"openstreetmap\.org|osm\.org|maps\.apple\.com|bing\.com/maps|waze\.com|"
                       r"here\.com|mapy\.cz|yandex\.[a-z]+/maps|2gis\.)", re.I)

_TYPE_NAMES = {
    "object": "a mapping (key: value lines)",
    "array": "a list",
    "string": "text",
    "integer": "a whole number",
    "number": "a number",
    "boolean": "true or false",
    "null": "nothing",
}


def _type_of(value) -> str:
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, dict):
        return "object"
    if isinstance(value, list):
        return "array"
    if isinstance(value, int):
        return "integer"
    if isinstance(value, float):
        return "number"
    if value is None:
        return "null"
    return "string"


def _suggest(value, choices) -> str:
    close = difflib.get_close_matches(str(value), [str(c) for c in choices], n=1, cutoff=0.6)
    return f" (did you mean '{close[0]}'?)" if close else ""


def _short(value) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def _schema_problem(doc: YamlDocument, error) -> list[Problem]:
    """Translate one jsonschema error into contributor-facing problems."""
    position = tuple(error.absolute_path)
    schema = error.schema if isinstance(error.schema, dict) else {}
    hint = schema.get("x-hint") or schema.get("description", "")
    instance = error.instance
    validator = error.validator

    def problem(pos, message):
        return Problem(doc.display_path, doc.line_of(pos), field_name(pos), message)

    if validator == "additionalProperties" and isinstance(instance, dict):
        allowed = list(schema.get("properties", {}))
        return [
            problem(position + (key,), RETIRED_KEYS[key]) if key in RETIRED_KEYS else
            problem(position + (key,),
                    f"unknown key '{key}'{_suggest(key, allowed)}; allowed keys here: "
                    + ", ".join(allowed))
            for key in instance
            if key not in allowed
        ]
    if validator == "required" and isinstance(instance, dict):
        out = []
        for key in error.validator_value:
            if key in instance:
                continue
            if key == "sources_checked_on" and "last_verified" in instance:
                continue  # the retired key's message already says what to write
            sub = schema.get("properties", {}).get(key, {})
            what = sub.get("x-hint") or sub.get("title") or ""
            out.append(problem(position + (key,),
                               f"the required key '{key}' is missing; add it"
                               + (f" ({what})" if what else "")))
        return out
    if validator == "type":
        expected = error.validator_value
        expected = expected if isinstance(expected, list) else [expected]
        wanted = " or ".join(_TYPE_NAMES.get(t, t) for t in expected)
        found = _TYPE_NAMES.get(_type_of(instance), _type_of(instance))
        if not position and _type_of(instance) == "array":
            return [problem(position, "the file holds a list, but it must be a mapping of "
                                      "fields (key: value lines); see data/schema/ for the fields")]
        return [problem(position, f"expected {wanted}, found {found} {_short(instance)}"
                                  + (f"; write {hint}" if hint and hint != wanted else ""))]
    if validator == "enum":
        choices = error.validator_value
        if position and position[-1] == "country" or schema.get("title") == "Country code":
            return [problem(position, f"unknown country {_short(instance)}{_suggest(instance, choices)}; "
                                      "use an ISO 3166-1 alpha-2 code of the Danube Region or a "
                                      "Baltic STROM state: " + ", ".join(choices))]
        if schema.get("title") == "Language code":
            return [problem(position, f"{_short(instance)} is not a language of the site"
                                      f"{_suggest(instance, choices)}; keys here are language "
                                      "codes from mkdocs.yml: " + ", ".join(choices))]
        return [problem(position, f"{_short(instance)} is not a known value{_suggest(instance, choices)}; "
                                  "use one of: " + ", ".join(map(str, choices)))]
    if validator == "pattern":
        if schema.get("title") in ("Web address",) or "https://" in hint:
            scheme = urlparse(str(instance)).scheme
            if scheme and scheme not in ("http", "https"):
                return [problem(position, f"'{scheme}:' addresses are not allowed "
                                          f"({_short(instance)}); use {hint}")]
        return [problem(position, f"{_short(instance)} is not valid; expected {hint}")]
    if validator == "minItems":
        return [problem(position, f"needs at least {error.validator_value} entr"
                                  f"{'y' if error.validator_value == 1 else 'ies'}; {hint}")]
    if validator == "minLength":
        return [problem(position, f"is empty; write {hint}")]
    if validator == "uniqueItems":
        return [problem(position, "lists the same value twice; keep each value once")]
    if validator == "propertyNames":
        return [problem(position, f"{error.message}; keys here must be language codes of the site "
                                  "(see mkdocs.yml), e.g. en or de")]
    if validator in ("minimum", "maximum"):
        return [problem(position, f"{_short(instance)} is out of range; expected {hint}")]
    return [problem(position, error.message + (f"; expected {hint}" if hint else ""))]


def schema_problems(doc: YamlDocument, schema: dict, validator=None) -> list[Problem]:
    validator = validator or Draft202012Validator(schema)
    problems: list[Problem] = []
    for error in validator.iter_errors(doc.data):
        if _under_placeholder(doc, tuple(error.absolute_path)):
            continue
        problems.extend(_schema_problem(doc, error))
    return problems


def _placeholders(value, position=()):
    if isinstance(value, str) and PLACEHOLDER in value:
        yield position
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _placeholders(item, position + (key,))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _placeholders(item, position + (index,))


def _under_placeholder(doc: YamlDocument, position) -> bool:
    found = getattr(doc, "_placeholder_positions", ())
    return any(position[: len(p)] == p or p[: len(position)] == position and p for p in found)


def placeholder_problems(doc: YamlDocument) -> list[Problem]:
    positions = list(_placeholders(doc.data))
    doc._placeholder_positions = positions  # schema errors inside placeholders are redundant
    return [
        Problem(doc.display_path, doc.line_of(pos), field_name(pos),
                f"still holds the placeholder '{PLACEHOLDER}'; replace it with the real value "
                "(see the field's description in data/schema/)")
        for pos in positions
    ]


def _date_problem(doc, position, value, today: date) -> Problem | None:
    if not isinstance(value, str) or PLACEHOLDER in value:
        return None
    try:
        parsed = date.fromisoformat(value)
    except ValueError:
        return Problem(doc.display_path, doc.line_of(position), field_name(position),
                       f"{value!r} is not a real date; write YYYY-MM-DD, e.g. {today.isoformat()}")
    if parsed > today:
        return Problem(doc.display_path, doc.line_of(position), field_name(position),
                       f"{value} is in the future; write a date that has passed (today at the latest)")
    return None


def _walk_strings(value, position=()):
    if isinstance(value, str):
        yield position, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _walk_strings(item, position + (key,))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _walk_strings(item, position + (index,))


def shelter_location_problems(doc: YamlDocument, fields: tuple[str, ...], prefix=()) -> list[Problem]:
    """No text may give away where a shelter is (sensitive_text.py)."""
    problems = []
    for name in fields:
        value = doc.data.get(name) if not prefix else None
        for position, text in _walk_strings(value, prefix + (name,)):
            if reveals_shelter_location(text):
                problems.append(Problem(doc.display_path, doc.line_of(position), field_name(position),
                                        SHELTER_MESSAGE))
    return problems


def markdown_link_problems(doc: YamlDocument, fields: tuple[str, ...], prefix=()) -> list[Problem]:
    """Links inside Markdown text may only point to web or mail addresses."""
    problems = []
    data = doc.data
    for key in prefix:
        data = data[key]
    for fieldname in fields:
        for position, text in _walk_strings(data.get(fieldname), prefix + (fieldname,)):
            for match in MARKDOWN_LINK.finditer(text):
                target = match.group(1) or match.group(2)
                scheme = urlparse(target).scheme.lower()
                if scheme not in ALLOWED_LINK_SCHEMES:
                    problems.append(Problem(
                        doc.display_path, doc.line_of(position), field_name(position),
                        f"the link target {target!r} is not a web address; links in text must "
                        "start with https:// (or mailto:)"))
    return problems


def title_markup_problems(doc: YamlDocument, position) -> list[Problem]:
    problems = []
    data = doc.data
    for key in position:
        data = data.get(key) if isinstance(data, dict) else None
    if isinstance(data, dict):
        for locale, text in data.items():
            if isinstance(text, str) and re.search(r"[<>]|\{\{|\{%", text):
                pos = tuple(position) + (locale,)
                problems.append(Problem(
                    doc.display_path, doc.line_of(pos), field_name(pos),
                    "a title is plain text: remove <, >, {{ and {% (write 'under 14', not '<14')"))
    return problems


STALE_MESSAGE = "sources last checked"


def stale_warning(doc, position, value, today: date) -> Problem | None:
    try:
        checked = date.fromisoformat(value)
    except (TypeError, ValueError):
        return None
    age = (today - checked).days
    if age > STALE_AFTER_DAYS:
        return Problem(doc.display_path, doc.line_of(position), field_name(position),
                       f"{STALE_MESSAGE} {value}, {age // 30} months ago; read the entry's sources "
                       "again, update the entry and set sources_checked_on", severity="warning")
    return None


def _dated_problems(doc, base, entry: dict, keys, today: date) -> list[Problem]:
    """Date fields that must be real, passed dates."""
    found = []
    for key in keys:
        value = entry
        for part in key:
            value = value.get(part) if isinstance(value, dict) else None
        if value is not None:
            issue = _date_problem(doc, base + key, value, today)
            if issue:
                found.append(issue)
    return found


class DataValidator:
    """Validates the files of one project; collects problems instead of raising."""

    def __init__(self, root: Path, locales: list[str], today: date | None = None):
        self.root = root
        self.locales = locales
        self.today = today or date.today()
        self.problems: list[Problem] = []
        self.vocabulary: Vocabulary | None = None
        self._schemas: dict[str, dict] = {}
        self._validators: dict[str, Draft202012Validator] = {}

    def display(self, path: Path) -> str:
        try:
            return str(path.resolve().relative_to(self.root.resolve()))
        except ValueError:
            return str(path)

    def schema(self, kind: str) -> dict:
        if kind not in self._schemas:
            self._schemas[kind] = fill_enumerations(
                read_schema(self.root, kind), self.vocabulary, self.locales,
                chapter_slugs(self.root / "docs"))
        return self._schemas[kind]

    def read(self, path: Path, kind: str) -> YamlDocument | None:
        """Parse and schema-check one file; None when it cannot be used further."""
        doc = read_yaml(path, self.display(path))
        self.problems.extend(doc.problems)
        if doc.problems:
            return None
        if not isinstance(doc.data, dict):
            found = _TYPE_NAMES.get(_type_of(doc.data), "something else")
            self.problems.append(Problem(doc.display_path, 1, "(file)",
                                         f"the file holds {found}, but it must be a mapping of "
                                         "fields (key: value lines); see data/schema/"))
            return None
        found = placeholder_problems(doc)
        if kind not in self._validators:
            self._validators[kind] = Draft202012Validator(self.schema(kind))
        found += schema_problems(doc, self.schema(kind), self._validators[kind])
        self.problems.extend(found)
        return None if found else doc

    # -- vocabularies -----------------------------------------------------------------
    def read_vocabulary(self) -> Vocabulary | None:
        vocab_doc = self.read(self.root / "data" / "vocabularies.yml", "vocabularies")
        ui_doc = self.read(self.root / "data" / "ui.yml", "ui")
        if vocab_doc is None or ui_doc is None:
            return None
        for doc, kinds in ((vocab_doc, VOCABULARY_KINDS), (ui_doc, ("labels",))):
            for kind in kinds:
                for key, labels in doc.data[kind].items():
                    missing = [locale for locale in self.locales if locale not in labels]
                    if missing:
                        pos = (kind, key)
                        self.problems.append(Problem(
                            doc.display_path, doc.line_of(pos), field_name(pos),
                            f"has no label in {', '.join(missing)}; every language of "
                            f"mkdocs.yml needs one (add e.g. '{missing[0]}: ...')"))
        self.vocabulary = vocabulary_from_data(vocab_doc.data, ui_doc.data)
        self._schemas.clear()
        self._validators.clear()
        return self.vocabulary

    # -- practices --------------------------------------------------------------------
    def check_practice(self, path: Path) -> YamlDocument | None:
        doc = self.read(path, "practice")
        if not SLUG.match(path.stem):
            self.problems.append(Problem(self.display(path), 1, "(file name)",
                                         f"'{path.stem}' is not a valid id; name the file with "
                                         "lowercase letters, digits and hyphens, e.g. "
                                         "vienna-working-group.yml"))
            return None
        if doc is None:
            return None
        found = title_markup_problems(doc, ("title",))
        found += markdown_link_problems(doc, ("what_was_done", "results", "needs", "summary"))
        found += shelter_location_problems(doc, ("title", "summary", "what_was_done", "results", "needs",
                                                 "city", "partners", "lead_organisation"))
        found += _dated_problems(doc, (), doc.data, (("sources_checked_on",), ("added_on",)),
                                 self.today)
        years = doc.data.get("years") or {}
        if "end" in years and years["end"] < years["start"]:
            found.append(Problem(doc.display_path, doc.line_of(("years", "end")), "years.end",
                                 "ends before it starts; check both years"))
        self.problems.extend(found)
        return None if found else doc

    # -- contacts ---------------------------------------------------------------------
    def check_contacts(self, path: Path) -> YamlDocument | None:
        doc = self.read(path, "contacts")
        if doc is None:
            return None
        found: list[Problem] = []
        for index, entry in enumerate(doc.data["contacts"]):
            base = ("contacts", index)

            def add(key, message, severity="error", base=base):
                pos = base + (key,)
                found.append(Problem(doc.display_path, doc.line_of(pos), field_name(pos),
                                     message, severity))

            secret = entry.get("sensitive") or entry["type"] == "shelter"
            if entry["type"] == "shelter" and not entry.get("sensitive"):
                add("sensitive", "a shelter must be marked 'sensitive: true' so that its "
                                 "location is never shown")
            if secret and "address" in entry:
                add("address", "the address of a shelter or sensitive service must never be "
                               "published; delete 'address' and give a hotline or website")
            if secret and "city" in entry:
                add("city", "a shelter's or sensitive service's location must not be published; "
                            "delete 'city'")
            if secret:
                for key, url in [("website", entry.get("website"))] + [
                        (f"sources[{i}].url", s.get("url")) for i, s in enumerate(entry["sources"])]:
                    if url and MAP_HOSTS.search(url):
                        add(key.split("[")[0] if key == "website" else "sources",
                            f"links to a map ({url}); a shelter's or sensitive service's location "
                            "must not be published: link its website or a page without a map")
            if entry["scope"] not in ("international", "european") and "country" not in entry:
                add("country", f"a {entry['scope']} contact needs its country; add 'country: XX' "
                               "(ISO 3166-1 alpha-2)")
            found.extend(self._phone_and_email_problems(doc, base, entry))
            dated = _dated_problems(doc, base, entry, (("sources_checked_on",), ("confirmed", "on")),
                                    self.today)
            found.extend(dated)
            if not dated:
                stale = stale_warning(doc, base + ("sources_checked_on",),
                                      entry["sources_checked_on"], self.today)
                if stale:
                    found.append(stale)
        self.problems.extend(found)
        return None if any(p.is_error for p in found) else doc

    def _phone_and_email_problems(self, doc, base, entry) -> list[Problem]:
        """Each number parses for the contact's country; each number and address names a
        page that is among the entry's sources."""
        found = []
        cited = {s["url"] for s in entry["sources"]}
        country = entry.get("country")
        for index, phone in enumerate(entry.get("phones") or ()):
            pos = base + ("phones", index)
            parsed, message = parse_phone(phone["number"], country)
            if message:
                found.append(Problem(doc.display_path, doc.line_of(pos + ("number",)),
                                     field_name(pos + ("number",)), message))
            elif parsed.unlisted_short:
                found.append(Problem(
                    doc.display_path, doc.line_of(pos + ("number",)), field_name(pos + ("number",)),
                    f"'{phone['number']}' is a short number that phonenumbers does not list for "
                    f"{country}; keep it only if the cited page shows it", severity="warning"))
            if phone["source"] not in cited:
                found.append(Problem(
                    doc.display_path, doc.line_of(pos + ("source",)), field_name(pos + ("source",)),
                    f"the page this number was seen on ({phone['source']}) is not among the "
                    "entry's sources; add it under 'sources' with its title"))
        for index, email in enumerate(entry.get("emails") or ()):
            pos = base + ("emails", index, "source")
            if email["source"] not in cited:
                found.append(Problem(
                    doc.display_path, doc.line_of(pos), field_name(pos),
                    f"the page this address was seen on ({email['source']}) is not among the "
                    "entry's sources; add it under 'sources' with its title"))
        return found

    def check_glossary(self, path: Path) -> YamlDocument | None:
        doc = self.read(path, "glossary")
        if doc is None:
            return None
        found = []
        seen_ids: dict[str, int] = {}
        seen_abbr: dict[str, int] = {}
        for index, term in enumerate(doc.data["terms"]):
            for key, seen in (("id", seen_ids), ("abbreviation", seen_abbr)):
                value = term.get(key)
                if value is None:
                    continue
                pos = ("terms", index, key)
                if value in seen:
                    found.append(Problem(doc.display_path, doc.line_of(pos), field_name(pos),
                                         f"'{value}' is already used on line {seen[value]}; "
                                         f"each {key} must be unique"))
                seen[value] = doc.line_of(pos)
        self.problems.extend(found)
        return None if found else doc

    def check_indicators(self, path: Path) -> YamlDocument | None:
        doc = self.read(path, "indicators")
        if doc is None:
            return None
        found = []
        seen: dict[str, int] = {}
        for index, group in enumerate(doc.data["groups"]):
            pos = ("groups", index, "id")
            if group["id"] in seen:
                found.append(Problem(doc.display_path, doc.line_of(pos), field_name(pos),
                                     f"'{group['id']}' is already used on line {seen[group['id']]}; "
                                     "each id must be unique"))
            seen[group["id"]] = doc.line_of(pos)
        self.problems.extend(found)
        return None if found else doc

    def check_action_points(self, path: Path) -> YamlDocument | None:
        doc = self.read(path, "action_points")
        if doc is None:
            return None
        found = []
        phases: dict[str, int] = {}
        for index, phase in enumerate(doc.data["phases"]):
            pos = ("phases", index, "id")
            if phase["id"] in phases:
                found.append(Problem(doc.display_path, doc.line_of(pos), field_name(pos),
                                     f"'{phase['id']}' is already used on line {phases[phase['id']]}; "
                                     "each phase id must be unique"))
            phases[phase["id"]] = doc.line_of(pos)
        seen: dict[str, int] = {}
        for index, point in enumerate(doc.data["points"]):
            pos = ("points", index, "id")
            if point["id"] in seen:
                found.append(Problem(doc.display_path, doc.line_of(pos), field_name(pos),
                                     f"'{point['id']}' is already used on line {seen[point['id']]}; "
                                     "ids are never reused: give the point a new id"))
            seen[point["id"]] = doc.line_of(pos)
            if point["phase"] not in phases:
                pos = ("points", index, "phase")
                found.append(Problem(doc.display_path, doc.line_of(pos), field_name(pos),
                                     f"unknown phase '{point['phase']}'{_suggest(point['phase'], phases)}; "
                                     "use one of: " + ", ".join(phases)))
            found += _dated_problems(doc, ("points", index), point, (("retired", "on"),), self.today)
            chapters = set(chapter_slugs(self.root / "docs"))
            for locale, text in point["text"].items():
                for target in re.findall(r"\]\(([^)]*)\)", text):
                    slug = target.split(".md")[0]
                    if not re.fullmatch(r"[a-z0-9-]+\.md(#[a-z0-9-]+)?", target) or slug not in chapters:
                        pos = ("points", index, "text", locale)
                        found.append(Problem(
                            doc.display_path, doc.line_of(pos), field_name(pos),
                            f"the link target '{target}' is not a chapter; an action point may "
                            "only link a chapter, e.g. [chapter 10](danube-cooperation.md#transnational-referral)"))
        self.problems.extend(found)
        return None if found else doc

    def check_emergency(self, path: Path) -> YamlDocument | None:
        """Each number works in its country according to phonenumbers' emergency data, or
        is at least a possible short number there (then only a warning)."""
        doc = self.read(path, "emergency")
        if doc is None:
            return None
        found = []
        danube = set(self.vocabulary.danube_countries) if self.vocabulary else set()
        for code, info in doc.data["countries"].items():
            if danube and code not in danube:
                found.append(Problem(doc.display_path, doc.line_of(("countries", code)),
                                     f"countries.{code}", f"{code} is not a Danube Region country; "
                                     "use one of: " + ", ".join(sorted(danube))))
            for index, entry in enumerate(info["numbers"]):
                pos = ("countries", code, "numbers", index, "number")
                number = str(entry["number"])
                if is_emergency_number(number, code):
                    continue
                parsed, message = parse_phone(number, code)
                if message or not parsed.short:
                    found.append(Problem(doc.display_path, doc.line_of(pos), field_name(pos),
                                         f"'{number}' is not an emergency or short number of {code} "
                                         "(phonenumbers); copy it as the cited page prints it"))
                else:
                    found.append(Problem(doc.display_path, doc.line_of(pos), field_name(pos),
                                         f"phonenumbers does not list '{number}' as an emergency "
                                         f"number of {code}; keep it only if the cited page shows it",
                                         severity="warning"))
            if not info["numbers"] and not info.get("note"):
                pos = ("countries", code, "numbers")
                found.append(Problem(doc.display_path, doc.line_of(pos), field_name(pos),
                                     "no number and no note: add the number a source shows, or a "
                                     "note saying what to call instead"))
        self.problems.extend(found)
        return None if any(p.is_error for p in found) else doc
