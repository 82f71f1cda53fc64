"""The propose-a-practice form and its YAML, derived from data/schema/practice.schema.json.

One source: the form's fields, their order, which are required, their allowed values and
their patterns are read from the schema (and its enumerations from the vocabularies and
the chapters, schemas.py). Only the labels and help texts are the form's own, in every
language (data/ui.yml, `pf_<field>` and `pf_<field>_help`). The same field list makes the
GitHub issue form (issue_form.py), and `practice_yaml` writes the file that the form's
script (propose-practice.js) writes too: quoted scalars and literal blocks only, so no
answer can become a YAML tag, anchor or document break. No MkDocs here.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import date

from .sensitive_text import javascript_patterns
from .validation import PLACEHOLDER, SLUG

ID_FIELD = "id"
ID_PATTERN = SLUG.pattern
FORMAT_VERSION = 1
STORAGE_KEY = "dcaht-practice-draft"
# Longest answer the form and `from-issue` take for one text (characters): a practice is a
# few pages, and a 1 MB answer must end in a message, not in a file.
MAX_TEXT = 20_000
MAX_LINE = 300
# Characters that never belong in a data file: control characters (but tab and newline),
# and the line separators YAML 1.1 folds (NEL, LS, PS) and the byte-order mark.
_UNWANTED = re.compile("[\x00-\x08\x0b-\x1f\x7f\x85\u2028\u2029\ufeff\ud800-\udfff]")


@dataclass(frozen=True)
class FormField:
    name: str  # dotted for parts of a group: "years.start", "sources.url"
    kind: str  # text, line, url, email, phone, date, partial_date, year, select, choices, lines, group, repeat
    required: bool
    multilingual: bool = False
    multiline: bool = False
    markdown: bool = False
    plain_title: bool = False
    pattern: str | None = None
    minimum: int | None = None
    maximum: int | None = None
    options: tuple[str, ...] = ()
    options_from: str | None = None  # countries, chapters, or a vocabulary kind
    min_items: int = 0
    children: tuple[FormField, ...] = field(default=())

    @property
    def key(self) -> str:
        """The label key in data/ui.yml: pf_years_start."""
        return "pf_" + self.name.replace(".", "_")

    @property
    def leaf(self) -> str:
        return self.name.rsplit(".", 1)[-1]


# Query parameters GitHub reads itself on /issues/new: a form field may not be called so.
GITHUB_RESERVED = {"title", "body", "labels", "template", "assignees", "milestone", "projects", "type"}


def issue_id(f: FormField) -> str:
    """The field's id in the GitHub issue form (and the query parameter that fills it)."""
    name = f.name.replace(".", "_")
    return f"practice_{name}" if name in GITHUB_RESERVED else name


def _resolve(schema: dict, node: dict) -> dict:
    """A property with its $ref followed (the property's own keys win)."""
    merged = dict(node)
    while "$ref" in merged:
        target = schema["$defs"][merged.pop("$ref").rsplit("/", 1)[-1]]
        merged = {**target, **merged}
    return merged


def _field(schema: dict, name: str, node: dict, required: bool, ref: str | None = None) -> FormField:
    ref = ref or node.get("$ref", "").rsplit("/", 1)[-1]
    spec = _resolve(schema, node)
    if spec.get("type") == "object" and "propertyNames" in spec:
        markdown = "Markdown is allowed" in spec.get("description", "")
        return FormField(name, "text", required, multilingual=True, multiline=bool(spec.get("x-multiline")),
                         markdown=markdown, plain_title=name == "title")
    if ref == "country_code":
        return FormField(name, "select", required, options=tuple(spec.get("enum", ())), options_from="countries")
    if spec.get("type") == "array":
        items_ref = spec["items"].get("$ref", "").rsplit("/", 1)[-1]
        items = _resolve(schema, spec["items"])
        if "enum" in items:
            source = "chapters" if items.get("x-chapters") else spec.get("x-vocabulary")
            return FormField(name, "choices", required, options=tuple(items["enum"]), options_from=source,
                             min_items=spec.get("minItems", 0))
        if items.get("type") == "object":
            children = tuple(_field(schema, f"{name}.{key}", child, key in items.get("required", ()))
                             for key, child in items["properties"].items())
            return FormField(name, "repeat", required, min_items=spec.get("minItems", 0), children=children)
        return FormField(name, "lines", required, pattern=items.get("pattern") if items_ref else None)
    if spec.get("type") == "object":
        children = tuple(_field(schema, f"{name}.{key}", child, key in spec.get("required", ()))
                         for key, child in spec["properties"].items())
        return FormField(name, "group", required, children=children)
    if spec.get("type") == "integer":
        return FormField(name, "year", required, minimum=spec.get("minimum"), maximum=spec.get("maximum"))
    kinds = {"url": "url", "email": "email", "phone": "phone", "date": "date",
             "sources_checked_on": "date", "plain_line": "line"}
    kind = kinds.get(ref) or ("partial_date" if spec.get("pattern", "").startswith("^\\d{4}(") else "line")
    return FormField(name, kind, required, pattern=spec.get("pattern"))


def form_fields(schema: dict) -> list[FormField]:
    """Every field a contributor fills in, in the schema's order, after the practice's id
    (its file name). Fields a tool sets (`x-set-by-tool`: added_on, reviews) are left out."""
    required = set(schema.get("required", ()))
    fields = [FormField(ID_FIELD, "slug", True, pattern=ID_PATTERN)]
    for name, node in schema["properties"].items():
        if _resolve(schema, node).get("x-set-by-tool"):
            continue
        fields.append(_field(schema, name, node, name in required))
    return fields


def all_fields(fields: list[FormField]):
    for f in fields:
        yield f
        yield from all_fields(list(f.children))


def set_by_tool(schema: dict) -> list[str]:
    return [name for name, node in schema["properties"].items() if _resolve(schema, node).get("x-set-by-tool")]


# -- the file ------------------------------------------------------------------------

def clean(text: str) -> str:
    """An answer as it may enter a data file: unwanted characters removed, line ends
    unified, surrounding white space trimmed."""
    return _UNWANTED.sub("", text.replace("\r\n", "\n").replace("\r", "\n")).strip()


def _quoted(text: str) -> str:
    # JSON strings are valid YAML double-quoted scalars: no tag, anchor or comment can start.
    return json.dumps(text, ensure_ascii=False)


def _text(value: str, indent: str) -> str:
    if "\n" not in value:
        return " " + _quoted(value)
    body = "\n".join((indent + line) if line.strip() else "" for line in value.split("\n"))
    return " |-\n" + body


def _scalar(f: FormField, value) -> str:
    """Plain only where the value's shape is known safe: a number, an allowed code, a
    date; anything else is quoted (and then refused by validation, never run)."""
    if f.kind == "year" and isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    if f.kind == "select" and value in f.options:
        return str(value)
    if isinstance(value, date):
        value = value.isoformat()  # as yaml.safe_load gives a plain date back
    if f.kind == "date" and isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        return value
    return _quoted(str(value))


def practice_yaml(data: dict, fields: list[FormField], comment: str = "") -> str:
    """The practice file: the schema's order, every answer quoted or in a literal block.
    `data` holds the practice's keys (not the id) as they go into the file."""
    lines = ["# yaml-language-server: $schema=../schema/practice.schema.json"]
    lines += [f"# {line}" for line in comment.splitlines()]
    for f in fields:
        if f.name == ID_FIELD or f.name not in data:
            continue
        value = data[f.name]
        if f.multilingual:
            lines.append(f"{f.name}:")
            lines += [f"  {loc}:{_text(text, '    ')}" for loc, text in value.items()]
        elif f.kind == "choices":
            lines.append(f"{f.name}: [{', '.join(value)}]")
        elif f.kind == "lines":
            lines.append(f"{f.name}:" + ("" if value else " []"))
            lines += [f"  - {_quoted(item)}" for item in value]
        elif f.kind == "group":
            lines.append(f"{f.name}:")
            lines += [f"  {c.leaf}: {_scalar(c, value[c.leaf])}" for c in f.children if c.leaf in value]
        elif f.kind == "repeat":
            lines.append(f"{f.name}:")
            for item in value:
                parts = [f"{c.leaf}: {_scalar(c, item[c.leaf])}" for c in f.children if c.leaf in item]
                lines.append("  - " + "\n    ".join(parts))
        else:
            lines.append(f"{f.name}: {_scalar(f, value)}")
    # what a tool sets (added_on: a YYYY-MM-DD date it wrote itself)
    known = {f.name for f in fields}
    for key, value in data.items():
        if key not in known and re.fullmatch(r"[a-z_]+", key):
            value = value.isoformat() if isinstance(value, date) else value
            plain = isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value)
            lines.append(f"{key}: {value if plain else _quoted(str(value))}")
    return "\n".join(lines) + "\n"


# -- the page ------------------------------------------------------------------------

MESSAGES = ("pf_msg_required", "pf_msg_line", "pf_msg_url", "pf_msg_email", "pf_msg_phone",
            "pf_msg_date", "pf_msg_future", "pf_msg_partial_date", "pf_msg_year", "pf_msg_end_before_start",
            "pf_msg_choose", "pf_msg_placeholder", "pf_msg_slug", "pf_msg_title_markup", "pf_msg_link",
            "pf_msg_too_long", "pf_msg_source_needs_both", "pf_msg_group_needs", "pf_msg_shelter")
UI = ("pf_in_language", "pf_required_mark", "pf_required_note", "pf_add_source",
      "pf_remove_source", "pf_source_n", "pf_check", "pf_problems", "pf_valid", "pf_result", "pf_result_help",
      "pf_send_title", "pf_send_pr", "pf_send_pr_help", "pf_send_pr_long", "pf_send_issue",
      "pf_send_issue_help", "pf_download", "pf_send_email", "pf_send_email_help", "pf_copy", "pf_copied",
      "pf_draft_note", "pf_clear", "pf_clear_confirm", "pf_no_repository", "pf_email_subject")


def field_labels(fields: list[FormField]) -> list[str]:
    """Every label key the form needs: a label and a help text per field."""
    keys = []
    for f in all_fields(fields):
        keys += [f.key, f.key + "_help"]
    return keys


def page_data(fields: list[FormField], label, option_label, locale: str, default: str,
              language_name, repository: str, editors_email: str) -> dict:
    """What the form's script needs, in the page's language. `label(key)` gives a UI text,
    `option_label(field, value)` an allowed value's name, `language_name(code)` a language."""

    def describe(f: FormField) -> dict:
        # every key present (the partial runs with StrictUndefined)
        return {"name": f.name, "leaf": f.leaf, "kind": f.kind, "required": f.required, "issueId": issue_id(f),
                "label": label(f.key), "help": label(f.key + "_help"),
                "multilingual": f.multilingual, "multiline": f.multiline, "markdown": f.markdown,
                "plain_title": f.plain_title, "pattern": f.pattern, "minimum": f.minimum,
                "maximum": f.maximum, "minItems": f.min_items,
                "options": [{"value": v, "label": option_label(f, v)} for v in f.options],
                "children": [describe(c) for c in f.children]}

    languages = [default] + ([locale] if locale != default else [])
    return {
        "version": FORMAT_VERSION,
        "storageKey": STORAGE_KEY,
        "locale": locale,
        "languages": [{"code": code, "name": language_name(code)} for code in languages],
        "fields": [describe(f) for f in fields],
        "placeholder": PLACEHOLDER,
        "shelter": javascript_patterns(),
        "maxText": MAX_TEXT,
        "maxLine": MAX_LINE,
        "repository": repository.rstrip("/"),
        "branch": "main",
        "issueTemplate": "propose-practice.yml",
        "editorsEmail": editors_email,
        "today": None,  # the browser's date, so a page built yesterday offers today
        "labels": {key: label(key) for key in (*MESSAGES, *UI)},
    }


def today_iso() -> str:
    return date.today().isoformat()


def form_language(root, vocabulary, locale: str, default: str):
    """(label, option_label) for one language: UI texts from data/ui.yml, allowed values'
    names from the vocabularies, Babel's country names and the chapters' own titles."""
    from .chapters import chapter_slugs, chapter_title

    docs = root / "docs"
    slugs = chapter_slugs(docs)

    def label(key: str) -> str:
        return vocabulary.label(key, locale) if key in vocabulary.labels else ""

    def option_label(f: FormField, value: str) -> str:
        if f.options_from == "countries":
            return vocabulary.country_name(value, locale)
        if f.options_from == "chapters":
            title, _ = chapter_title(docs, value, locale, default)
            return f"{slugs.index(value) + 1}. {title}" if value in slugs else value
        return vocabulary.term(f.options_from, value, locale)

    return label, option_label
