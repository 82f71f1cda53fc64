"""From a GitHub issue to a practice file: the "Propose a good practice" issue form and
`dcaht from-issue`.

The issue form (.github/ISSUE_TEMPLATE/propose-practice.yml) is written from the same
field list as the site's form (practice_form.py), with the English labels of data/ui.yml:
`dcaht issue-form` rewrites it and `--check` fails when it is stale. Fields that take
several allowed values are text fields listing the allowed names, because GitHub fills
text fields (not checkboxes) from a link's query, which is how the site's form sends an
entry here.

`from_issue` reads the Markdown that GitHub writes for a submitted form (`### Label`, the
answer, `_No response_` when empty), turns it into data/practices/<id>.yml and runs the
same validation as `dcaht validate`. Every message names the form's field, not a YAML
line, so it can be posted back on the issue. The answers are never parsed as YAML and
never reach a shell: they are written as quoted scalars or literal blocks. No MkDocs here.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import yaml

from .practice_form import (
    ID_FIELD,
    MAX_LINE,
    MAX_TEXT,
    FormField,
    clean,
    form_fields,
    issue_id,
    practice_yaml,
)
from .schemas import read_schema
from .validation import SLUG

NO_RESPONSE = "_No response_"
MAX_BODY = 200_000  # bytes: an issue body larger than this is refused before any parsing
TEMPLATE = Path(".github") / "ISSUE_TEMPLATE" / "propose-practice.yml"
ISSUE_LABEL = "good practice"
URL = re.compile(r"https?://[^\s<>()\[\]]+[^\s<>()\[\].,;:!?'\"]")
PARTIAL_DATE = re.compile(r"\((\d{4}(?:-\d{2}(?:-\d{2})?)?)\)\s*$")
HEADING = re.compile(r"^###[ \t]+(.+?)[ \t]*$", re.M)


def issue_fields(fields: list[FormField]) -> list[FormField]:
    """The form's fields as the issue form asks them: groups flattened to their parts,
    a repeated group (sources) kept as one text field."""
    flat = []
    for f in fields:
        if f.kind == "group":
            flat += list(f.children)
        else:
            flat.append(f)
    return flat


def issue_label(f: FormField, parents: dict[str, FormField], label) -> str:
    """A group's part names its group on the flat issue form ("Contact: Website")."""
    parent = parents.get(f.name.split(".")[0])
    if parent is not None and parent is not f and parent.kind == "group":
        return f"{label(parent.key)}: {label(f.key)}"
    return label(f.key)


def _required(f: FormField, parents: dict[str, FormField]) -> bool:
    if f.kind == "choices":
        return f.min_items > 0
    parent = parents.get(f.name.split(".")[0])
    if parent is not None and parent.kind == "group":
        return parent.required and f.required
    return f.required and f.name != ID_FIELD


# -- the issue form ---------------------------------------------------------------------

def issue_template(fields: list[FormField], label, option_label) -> str:
    """The issue form's YAML. `label(key)` gives an English UI text, `option_label(field,
    value)` an allowed value's English name."""
    parents = {f.name: f for f in fields}
    body: list[dict] = [{"type": "markdown", "attributes": {"value": (
        "Thank you! Please give only facts that a public source shows, and never anything "
        "that identifies a victim or the location of a shelter. English is enough.\n\n"
        "A check runs when you submit: it comments on this issue with anything to fix. "
        "Once a maintainer accepts the proposal, a pull request adds it to the catalogue "
        "and credits you.\n\nThe site has an easier form that checks your entry as you type: "
        "Contribute → Propose a good practice.")}}]
    for f in issue_fields(fields):
        description = label(f.key + "_help")
        if f.kind == "choices":
            names = ", ".join(option_label(f, v) for v in f.options)
            description += f" One per line, from: {names}."
        elif f.kind == "select":
            description += " The two-letter code (e.g. AT) or the country's English name."
        elif f.kind == "repeat":
            description += (" One source per line: the page's title, then its address; if the page "
                            "shows a date, add it in brackets at the end, e.g. (2024-03).")
        multiline = f.multiline or f.kind in ("choices", "repeat", "lines")
        item = {"type": "textarea" if multiline else "input", "id": issue_id(f),
                "attributes": {"label": issue_label(f, parents, label), "description": description}}
        if _required(f, parents):
            item["validations"] = {"required": True}
        body.append(item)
    document = {"name": "Propose a good practice",
                "description": "Tell us about local action against trafficking in human beings that others can copy.",
                "title": "Good practice: ", "labels": [ISSUE_LABEL], "body": body}
    header = ("# Written by `dcaht issue-form` from data/schema/practice.schema.json and the English\n"
              "# labels in data/ui.yml (pf_*): do not edit by hand; `dcaht issue-form --check` fails\n"
              "# when it is stale. `dcaht from-issue` turns a submitted issue into a practice file.\n")
    return header + yaml.safe_dump(document, allow_unicode=True, sort_keys=False, width=100)


# -- the issue's answers ----------------------------------------------------------------

def parse_issue_body(body: str) -> dict[str, str | None]:
    """Label -> answer (None for `_No response_`), in the order GitHub wrote them."""
    answers: dict[str, str | None] = {}
    matches = list(HEADING.finditer(body))
    for i, match in enumerate(matches):
        end = matches[i + 1].start() if i + 1 < len(matches) else len(body)
        text = body[match.end():end].strip()
        answers[match.group(1).strip()] = None if text in ("", NO_RESPONSE) else text
    return answers


@dataclass
class Conversion:
    practice_id: str | None = None
    data: dict = field(default_factory=dict)
    problems: list[tuple[str, str]] = field(default_factory=list)  # (form label, message)


def _slug(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    words = re.findall(r"[a-z0-9]+", ascii_text.lower())
    slug = ""
    for word in words:
        if len(slug) + len(word) + 1 > 60:
            break
        slug = f"{slug}-{word}" if slug else word
    return slug


def _match_option(text: str, f: FormField, option_label) -> str | None:
    wanted = text.strip().strip("-*•").strip().casefold()
    for value in f.options:
        if wanted in (value.casefold(), option_label(f, value).casefold(), value.replace("_", " ").casefold()):
            return value
    return None


def _sources(text: str) -> tuple[list[dict], list[str]]:
    sources, problems = [], []
    for number, line in enumerate((ln.strip() for ln in text.splitlines()), 1):
        line = line.lstrip("-*• ").strip()
        if not line:
            continue
        link = re.match(r"^\[([^\]]+)\]\((https?://[^)\s]+)\)\s*(.*)$", line)
        if link:
            title, url, rest = link.group(1), link.group(2), link.group(3)
        else:
            found = URL.search(line)
            if not found:
                problems.append(f"line {number}: no web address found; write the page's title, then its "
                                "address starting with https://")
                continue
            url = found.group(0)
            title, rest = line[:found.start()], line[found.end():]
        source = {"title": clean(title).strip(" –—-:|,"), "url": url}
        dated = PARTIAL_DATE.search(rest)
        if dated:
            source["date"] = dated.group(1)
        if not source["title"]:
            problems.append(f"line {number}: give the page's title before its address")
            continue
        sources.append(source)
    return sources, problems


def answers_to_practice(answers: dict[str, str | None], fields: list[FormField], label, option_label,
                        today: date) -> Conversion:
    """The practice's data from the form's answers, and the problems found on the way
    (by form label). Validation proper comes after (`from_issue`)."""
    result = Conversion()
    parents = {f.name: f for f in fields}
    by_label = {issue_label(f, parents, label): f for f in issue_fields(fields)}
    values: dict[str, object] = {}
    for heading, answer in answers.items():
        f = by_label.get(heading)
        if f is None or answer is None:
            continue
        answer = clean(answer)
        limit = MAX_TEXT if (f.multiline or f.kind in ("choices", "repeat", "lines")) else MAX_LINE
        if len(answer) > limit:
            result.problems.append((heading, f"this answer is {len(answer)} characters long; "
                                             f"keep it under {limit}"))
            continue
        if f.kind not in ("text", "choices", "repeat", "lines") and "\n" in answer:
            result.problems.append((heading, "write this on one line"))
            continue
        values[f.name] = answer

    for f in issue_fields(fields):
        heading = issue_label(f, parents, label)
        answer = values.get(f.name)
        if answer is None:
            if _required(f, parents):
                result.problems.append((heading, "this field is required; the answer was empty"))
            continue
        if f.kind == "choices":
            chosen, unknown = [], []
            for line in re.split(r"[\n,;]", answer):
                if not line.strip():
                    continue
                value = _match_option(line, f, option_label)
                (chosen if value else unknown).append(value or line.strip())
            if unknown:
                names = ", ".join(option_label(f, v) for v in f.options)
                result.problems.append((heading, f"not an allowed value: {', '.join(unknown)}; choose from: {names}"))
            values[f.name] = list(dict.fromkeys(chosen))
        elif f.kind == "select":
            value = _match_option(answer, f, option_label) or _match_option(answer.upper(), f, option_label)
            if value is None:
                result.problems.append((heading, f"'{answer}' is not one of the countries of the catalogue; "
                                                 "write a two-letter code such as AT, HU or RS"))
            values[f.name] = value
        elif f.kind == "year":
            if not re.fullmatch(r"\d{4}", answer):
                result.problems.append((heading, f"'{answer}' is not a year; write four digits, e.g. 2016"))
                values[f.name] = None
            else:
                values[f.name] = int(answer)
        elif f.kind == "date" and not re.fullmatch(r"\d{4}-\d{2}-\d{2}", answer):
            result.problems.append((heading, f"'{answer}' is not a date; write YYYY-MM-DD, e.g. 2026-11-23"))
            values[f.name] = None
        elif f.kind == "lines":
            values[f.name] = [clean(line.lstrip("-*• ")) for line in answer.splitlines() if line.strip()]
        elif f.kind == "repeat":
            sources, problems = _sources(answer)
            result.problems += [(heading, p) for p in problems]
            values[f.name] = sources

    requested = values.pop(ID_FIELD, None)
    title = values.get("title")
    practice_id = (requested or _slug(str(title or ""))).strip().lower()
    if not SLUG.match(practice_id or ""):
        result.problems.append((label("pf_id"), f"'{practice_id}' cannot be a file name; use lowercase "
                                                "letters, digits and hyphens, e.g. graz-round-table"))
        practice_id = None
    result.practice_id = practice_id

    data: dict = {}
    for f in fields:
        if f.name == ID_FIELD:
            continue
        if f.kind == "group":
            part = {c.leaf: values[c.name] for c in f.children if values.get(c.name) is not None}
            if part:
                data[f.name] = part
        elif f.multilingual:
            if values.get(f.name) is not None:
                data[f.name] = {"en": values[f.name]}
        elif values.get(f.name) is not None:
            data[f.name] = values[f.name]
        elif f.kind == "choices" and f.required:
            data[f.name] = []
    data.setdefault("partners", [])
    data["added_on"] = today.isoformat()
    result.data = data
    return result


# -- from issue to file -----------------------------------------------------------------

@dataclass
class FromIssue:
    path: Path | None  # the file written (None when the issue cannot become one)
    problems: list[tuple[str, str]]

    @property
    def ok(self) -> bool:
        return self.path is not None and not self.problems

    def report(self, display: str | None = None) -> str:
        """Markdown for a comment on the issue."""
        if self.ok:
            return (f"The proposal passes the checks (`dcaht validate`). It would become "
                    f"`{display or self.path}`. A maintainer will read it against its sources "
                    "and, once they add the label `accepted`, a pull request adds it to the catalogue.")
        lines = ["The proposal cannot be added yet. Please edit the issue (the check runs again):", ""]
        lines += [f"- **{_escape(label)}**: {_escape(message)}" for label, message in self.problems]
        return "\n".join(lines)


def _escape(text: str) -> str:
    """An issue comment is Markdown: keep answers quoted in it from becoming markup or
    mentions."""
    text = text.replace("\\", "\\\\")
    for char in "`*_[]<>#|@":
        text = text.replace(char, "\\" + char)
    return text


def _field_label(problem_field: str, fields: list[FormField], label) -> str:
    """'sources[0].url' -> 'Sources (source 1): Address of the page'."""
    top = re.split(r"[.\[]", problem_field, maxsplit=1)[0]
    names = {f.name: f for f in fields}
    f = names.get(top)
    if f is None:
        return problem_field
    text = label(f.key)
    index = re.match(rf"{re.escape(top)}\[(\d+)\](?:\.(\w+))?", problem_field)
    if f.kind == "repeat" and index:
        text += f" (line {int(index.group(1)) + 1})"
        if index.group(2):
            child = next((c for c in f.children if c.leaf == index.group(2)), None)
            if child:
                text += f": {label(child.key)}"
    part = re.match(rf"{re.escape(top)}\.(\w+)", problem_field)
    if f.kind == "group" and part:
        child = next((c for c in f.children if c.leaf == part.group(1)), None)
        if child:
            text = f"{label(f.key)}: {label(child.key)}"
    return text


def from_issue(root: Path, body: str, today: date, label, option_label) -> FromIssue:
    """Write data/practices/<id>.yml from an issue body when it passes every check;
    otherwise write nothing and return the problems by form field."""
    from .catalogue import validate_project

    if len(body.encode("utf-8", "replace")) > MAX_BODY:
        return FromIssue(None, [("(issue)", f"the issue text is {len(body.encode('utf-8', 'replace')) // 1000} KB "
                                            f"long; a proposal needs a few pages at most ({MAX_BODY // 1000} KB)")])
    fields = form_fields(read_schema(root, "practice"))
    answers = parse_issue_body(body)
    headings = [m.group(1).strip() for m in HEADING.finditer(body)]
    repeated = sorted({h for h in headings if headings.count(h) > 1})
    if repeated:
        # An answer with a line "### Country" would otherwise replace that field's answer.
        return FromIssue(None, [(heading, "this heading appears more than once: an answer cannot contain "
                                          "a line starting with '### '; edit the issue so that each field "
                                          "appears once") for heading in repeated])
    if not answers:
        return FromIssue(None, [("(issue)", "this issue was not written with the 'Propose a good practice' "
                                            "form: no '### ' field headings found")])
    conversion = answers_to_practice(answers, fields, label, option_label, today)
    if conversion.practice_id is None or conversion.problems:
        return FromIssue(None, conversion.problems)
    folder = (root / "data" / "practices").resolve()
    path = (folder / f"{conversion.practice_id}.yml").resolve()
    if path.parent != folder:  # cannot happen with a valid slug; never write elsewhere
        return FromIssue(None, [(label("pf_id"), "the short name must be a plain file name")])
    if path.exists():
        return FromIssue(None, [(label("pf_id"), f"a practice '{conversion.practice_id}' exists already; "
                                                 "choose another short name")])
    path.write_text(practice_yaml(conversion.data, fields), encoding="utf-8")
    result = validate_project(root, [path], today)
    problems = [(_field_label(p.field, fields, label), p.message) for p in result.errors]
    if problems:
        path.unlink()
        return FromIssue(None, problems)
    return FromIssue(path, [])
