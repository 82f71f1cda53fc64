"""Checking data files: every problem as `path:line: field: what is wrong, what is right`.

What fails (errors): unreadable YAML (syntax, tabs, tags, duplicate keys), an empty file,
a file that is not a mapping, unknown keys, wrong types, values outside the controlled
vocabularies, non-http(s) web addresses, malformed e-mails, phones or dates, dates in the
future, placeholders left by `dcaht new-practice`, duplicate ids, markup in titles, links
to non-web addresses inside Markdown, and any address on a shelter or sensitive entry.
What only warns: contacts last verified more than 18 months ago.
Bad input never raises: every check turns it into a Problem.
"""

from __future__ import annotations

import difflib
import re
from datetime import date
from pathlib import Path
from urllib.parse import urlparse

from jsonschema import Draft202012Validator

from .problems import Problem
from .schemas import fill_enumerations, read_schema
from .vocabulary import VOCABULARY_KINDS, Vocabulary, vocabulary_from_data
from .yaml_source import YamlDocument, field_name, read_yaml

PLACEHOLDER = "FILL-IN"
SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
STALE_AFTER_DAYS = 548  # 18 months
MARKDOWN_LINK = re.compile(r"\]\(\s*<?([^)\s>]+)|^\s*\[[^\]]+\]:\s*<?(\S+?)>?\s*$", re.M)
ALLOWED_LINK_SCHEMES = {"http", "https", "mailto"}

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
                       f"{value} is in the future; write the date the entry was last checked")
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


def stale_warning(doc, position, value, today: date) -> Problem | None:
    try:
        checked = date.fromisoformat(value)
    except (TypeError, ValueError):
        return None
    age = (today - checked).days
    if age > STALE_AFTER_DAYS:
        return Problem(doc.display_path, doc.line_of(position), field_name(position),
                       f"last verified {value}, {age // 30} months ago; check the entry against its "
                       "sources and update last_verified", severity="warning")
    return None


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
                read_schema(self.root, kind), self.vocabulary, self.locales)
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
        date_issue = _date_problem(doc, ("last_verified",), doc.data["last_verified"], self.today)
        found += [date_issue] if date_issue else []
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
            if entry["scope"] not in ("international", "european") and "country" not in entry:
                add("country", f"a {entry['scope']} contact needs its country; add 'country: XX' "
                               "(ISO 3166-1 alpha-2)")
            date_issue = _date_problem(doc, base + ("last_verified",), entry["last_verified"],
                                       self.today)
            if date_issue:
                found.append(date_issue)
            else:
                stale = stale_warning(doc, base + ("last_verified",), entry["last_verified"],
                                      self.today)
                if stale:
                    found.append(stale)
        self.problems.extend(found)
        return None if any(p.is_error for p in found) else doc

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
