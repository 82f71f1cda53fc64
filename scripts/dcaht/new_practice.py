"""Writing the scaffold of a new good practice (`dcaht new-practice`)."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from .validation import PLACEHOLDER, SLUG


def _quoted(text: str) -> str:
    # JSON strings are valid YAML double-quoted scalars: safe for any input.
    return json.dumps(text, ensure_ascii=False)


def scaffold(practice_id: str, title: str, city: str, country: str) -> str:
    today = date.today().isoformat()
    p = PLACEHOLDER
    return f"""\
# yaml-language-server: $schema=../schema/practice.schema.json
# A new good practice. Replace every {p} with the real content; `dcaht validate`
# refuses the file while one is left. Every field is described in
# data/schema/practice.schema.json (editors with YAML support show it while you type).
title:
  en: {_quoted(title)}
summary:
  en: "{p}: one to three sentences on what the practice is and why it is worth copying"
city: {_quoted(city)}
country: {country}
lead_organisation: "{p}: the organisation that runs it (an institution, not a person)"
partners: []
sectors: [{p}]  # e.g. [municipality, police, ngo]: see data/vocabularies.yml
forms: [{p}]  # e.g. [sexual_exploitation, labour_exploitation]
target_groups: [{p}]  # e.g. [women, children]
chapters: [{p}]  # the chapters it illustrates, e.g. [cooperation-mechanism, referral-and-assistance]
what_was_done:
  en: |
    {p}: how it works, who does what, step by step (Markdown allowed).
results:
  en: "{p}: what it achieved, as the sources report it"
needs:
  en: "{p}: what it takes to copy it (staff, money, mandate)"
years:
  start: {date.today().year}  # the year it started, from a source
contact:
  organisation: "{p}: the institution to contact"
  website: "{p}: https://..."
sources:
  - title: "{p}: title of a public page that shows these facts"
    url: "{p}: https://..."
sources_checked_on: {today}  # the day you read the sources
added_on: {today}
"""


def id_problem(practice_id: str) -> str | None:
    if not SLUG.match(practice_id):
        return (f"'{practice_id}' is not a valid id: use lowercase letters, digits and hyphens, "
                "e.g. graz-round-table")
    return None


def write_scaffold(root: Path, practice_id: str, title: str, city: str, country: str) -> Path:
    path = root / "data" / "practices" / f"{practice_id}.yml"
    path.write_text(scaffold(practice_id, title, city, country), encoding="utf-8")
    return path
