"""Proposing a practice without git: the form's fields follow the schema, the issue form
follows the same fields, and `dcaht from-issue` turns issue bodies (good, incomplete and
hostile) into a valid file or into messages by form field, never into code run or a file
elsewhere."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
import yaml
from conftest import ROOT, copy_project, run_dcaht
from dcaht import project
from dcaht.catalogue import load_catalogue
from dcaht.issue_form import TEMPLATE, from_issue, issue_fields, issue_label, parse_issue_body
from dcaht.practice_form import all_fields, form_fields, form_language, issue_id, practice_yaml, set_by_tool
from dcaht.schemas import read_schema

TODAY = date(2026, 12, 2)


@pytest.fixture(scope="module")
def schema():
    return read_schema(ROOT, "practice")


@pytest.fixture(scope="module")
def fields(schema):
    return form_fields(schema)


@pytest.fixture(scope="module")
def english():
    _, vocabulary = load_catalogue(ROOT)
    return form_language(ROOT, vocabulary, "en", "en")


# -- one source: the schema --------------------------------------------------------------

def test_form_asks_every_schema_field_but_those_a_tool_sets(schema, fields):
    asked = {f.name for f in fields} - {"id"}
    assert asked == set(schema["properties"]) - set(set_by_tool(schema))
    assert set(set_by_tool(schema)) == {"added_on", "translations_reviewed"}
    assert [f.name for f in fields][1:] == [n for n in schema["properties"] if n in asked]  # the schema's order


def test_required_marks_and_allowed_values_come_from_the_schema(schema, fields):
    by_name = {f.name: f for f in all_fields(fields)}
    for name in schema["properties"]:
        if name in by_name:
            assert by_name[name].required == (name in schema["required"]), name
    for name in ("sectors", "forms", "target_groups", "chapters"):
        assert list(by_name[name].options) == schema["properties"][name]["items"]["enum"], name
    assert list(by_name["country"].options) == schema["$defs"]["country_code"]["enum"]
    assert by_name["contact.website"].pattern == schema["$defs"]["url"]["pattern"]
    assert by_name["years.start"].minimum == schema["properties"]["years"]["properties"]["start"]["minimum"]
    assert [c.leaf for c in by_name["sources"].children] == list(schema["$defs"]["source"]["properties"])


def test_a_schema_change_reaches_the_form(schema):
    """Drift is impossible by construction: a new property becomes a new field."""
    changed = {**schema, "properties": {**schema["properties"], "budget": {"$ref": "#/$defs/plain_line"}},
               "required": [*schema["required"], "budget"]}
    budget = next(f for f in form_fields(changed) if f.name == "budget")
    assert budget.kind == "line" and budget.required


def test_every_field_has_a_label_and_help_in_every_language(fields):
    _, vocabulary = load_catalogue(ROOT)
    for f in all_fields(fields):
        for key in (f.key, f.key + "_help"):
            assert key in vocabulary.labels, key
            for locale in project.locales(ROOT):
                assert vocabulary.labels[key].get(locale), (key, locale)


def test_the_issue_form_is_written_from_the_same_fields(fields, english):
    result = run_dcaht(ROOT, "issue-form", "--check")
    assert result.returncode == 0, result.stderr
    template = yaml.safe_load((ROOT / TEMPLATE).read_text(encoding="utf-8"))
    items = [item for item in template["body"] if item["type"] != "markdown"]
    label, _ = english
    parents = {f.name: f for f in fields}
    assert [item["id"] for item in items] == [issue_id(f) for f in issue_fields(fields)]
    assert "title" not in [item["id"] for item in items]  # GitHub's own parameter for the issue title
    assert [item["attributes"]["label"] for item in items] == [issue_label(f, parents, label) for f in issue_fields(fields)]
    required = {item["id"] for item in items if item.get("validations", {}).get("required")}
    assert {"practice_title", "summary", "country", "sectors", "sources", "sources_checked_on"} <= required
    assert "results" not in required and "contact_website" not in required


def test_a_stale_issue_form_fails_the_check(tmp_path):
    copy = copy_project(tmp_path / "project")
    path = copy / TEMPLATE
    path.write_text(path.read_text(encoding="utf-8").replace("label: Summary", "label: Short text"), encoding="utf-8")
    result = run_dcaht(copy, "issue-form", "--check")
    assert result.returncode == 1 and "stale" in result.stderr


# -- the file ----------------------------------------------------------------------------

HOSTILE_TEXTS = [
    "<script>alert(1)</script>",
    "{{ config.extra }} {% include 'x' %}",
    "!!python/object/apply:os.system ['touch /tmp/dcaht-pwned']",
    "&anchor value\n*anchor",
    "---\nsectors: [police]\n...",
    "line one\n---\nnew: document",
    "$(touch /tmp/dcaht-pwned); `id` | rm -rf ~ && echo",
    "# not a comment\n  indented: still text",
    'quote " and backslash \\ and tab\t',
    "\u2028line separator\u2029and NEL\x85and bom\ufeff and \x07 bell",
]


@pytest.mark.parametrize("text", HOSTILE_TEXTS)
def test_practice_yaml_keeps_any_answer_as_text(fields, text):
    """Quoted scalars and literal blocks only: whatever is typed comes back as the same
    text (cleaned of control characters), never as a tag, an anchor or a second document."""
    from dcaht.practice_form import clean

    data = {"title": {"en": clean(text.replace("\n", " "))}, "summary": {"en": clean(text)},
            "city": clean(text.replace("\n", " ")), "partners": [clean(text.replace("\n", " "))],
            "what_was_done": {"en": clean(text)}}
    loaded = yaml.safe_load(practice_yaml(data, fields))
    assert loaded["title"]["en"] == data["title"]["en"]
    assert loaded["summary"]["en"] == data["summary"]["en"]
    assert loaded["what_was_done"]["en"] == data["what_was_done"]["en"]
    assert loaded["partners"] == data["partners"]
    assert set(loaded) == set(data)
    assert not Path("/tmp/dcaht-pwned").exists()


# -- issue bodies -------------------------------------------------------------------------

def issue_body(**answers) -> str:
    """The Markdown GitHub writes for a submitted issue form."""
    template = yaml.safe_load((ROOT / TEMPLATE).read_text(encoding="utf-8"))
    parts = []
    for item in template["body"]:
        if item["type"] == "markdown":
            continue
        answer = answers.get(item["id"])
        parts.append(f"### {item['attributes']['label']}\n\n{answer if answer else '_No response_'}")
    return "\n\n".join(parts) + "\n"


GOOD = {
    "practice_title": "Graz round table on labour exploitation",
    "summary": "The city of Graz brings labour inspectors, police and NGOs together four times a year.",
    "city": "Graz", "country": "Austria", "lead_organisation": "City of Graz, Department for Social Affairs",
    "partners": "- Financial police\n- LEFÖ-IBF",
    "sectors": "Municipality\npolice\nlabour_inspection", "forms": "Labour exploitation",
    "target_groups": "Labour migrants", "chapters": "cooperation-mechanism\n6. Referral and assistance",
    "what_was_done": "The round table meets four times a year.\n\n- It shares cases.\n- It trains staff.",
    "results": "Not documented in the sources.", "years_start": "2019",
    "contact_organisation": "City of Graz", "contact_website": "https://www.graz.at/",
    "sources": "City of Graz: social affairs https://www.graz.at/cms/beitrag/10034449/ (2024-03)\n"
               "[Second page](https://www.example.org/x)",
    "sources_checked_on": "2026-12-01",
}


@pytest.fixture
def project_copy(tmp_path):
    return copy_project(tmp_path / "project")


def run(project_copy, body, english):
    return from_issue(project_copy, body, TODAY, *english)


def test_a_good_issue_becomes_a_valid_file(project_copy, english):
    result = run(project_copy, issue_body(**GOOD), english)
    assert result.ok, result.problems
    assert result.path == project_copy / "data/practices/graz-round-table-on-labour-exploitation.yml"
    data = yaml.safe_load(result.path.read_text(encoding="utf-8"))
    assert data["country"] == "AT" and data["sectors"] == ["municipality", "police", "labour_inspection"]
    assert data["chapters"] == ["cooperation-mechanism", "referral-and-assistance"]
    assert data["sources"][0] == {"title": "City of Graz: social affairs",
                                  "url": "https://www.graz.at/cms/beitrag/10034449/", "date": "2024-03"}
    assert data["sources"][1]["title"] == "Second page"
    assert data["added_on"] == TODAY and data["partners"] == ["Financial police", "LEFÖ-IBF"]
    assert "The proposal passes the checks" in result.report()
    # and the whole project still validates, as CI will check
    assert run_dcaht(project_copy, "validate").returncode == 0


def test_an_incomplete_issue_names_each_form_field(project_copy, english):
    answers = {**GOOD, "summary": None, "sectors": "Municipality\nFirefighters", "years_start": "20l9",
               "contact_website": None, "sources": "just a title without address"}
    result = run(project_copy, issue_body(**answers), english)
    assert not result.ok and result.path is None
    problems = dict(result.problems)
    assert "required" in problems["Summary"]
    assert "Firefighters" in problems["Sectors involved"] and "Police" in problems["Sectors involved"]
    assert "not a year" in problems["Years active: Start year"]
    assert "no web address" in problems["Sources"]
    assert not list((project_copy / "data/practices").glob("graz-*"))


@pytest.mark.parametrize("answers, label", [
    ({"contact_website": None}, "Contact: Website"),  # the contact needs its website
    ({"sources": "A page http://localhost"}, "Sources (line 1): Address of the page"),
    ({"sources_checked_on": "2030-01-01"}, "Sources read on"),  # in the future
])
def test_problems_found_by_validation_are_named_by_form_field(project_copy, english, answers, label):
    result = run(project_copy, issue_body(**{**GOOD, **answers}), english)
    assert label in [found for found, _ in result.problems], result.problems
    assert not list((project_copy / "data/practices").glob("graz-*"))


@pytest.mark.parametrize("field, text, expected", [
    ("practice_title", "<script>alert(1)</script> round table", "plain text"),
    ("practice_title", "{{ config }} round table", "plain text"),
    ("id", "../../etc/passwd", "cannot be a file name"),
    ("id", "vienna-anti-trafficking-working-group", "exists already"),
    ("city", "Graz\n### Country\n\nAT", "more than once"),
    ("city", "Graz\nAT", "one line"),
    ("summary", "x" * 100_000, "characters long"),
    ("what_was_done", "The shelter at Hauptstraße 12, 8010 Graz takes women.", "shelter"),
    ("what_was_done", "See [this](javascript:alert(1)).", "not a web address"),
    ("sources_checked_on", "2026-12-01 # !!python/object", "not a date"),
    ("contact_website", "javascript:alert(1)", "https://"),
])
def test_hostile_answers_end_in_a_message(project_copy, english, field, text, expected):
    result = run(project_copy, issue_body(**{**GOOD, field: text}), english)
    assert not result.ok
    assert any(expected in message for _, message in result.problems), result.problems
    written = sorted(p.name for p in (project_copy / "data/practices").glob("*.yml"))
    assert written == sorted(p.name for p in (ROOT / "data/practices").glob("*.yml"))
    assert not Path("/etc/passwd.yml").exists()


@pytest.mark.parametrize("field, text", [
    ("summary", "!!python/object/apply:os.system ['touch /tmp/dcaht-pwned']"),
    ("what_was_done", "---\nsectors: [police]\n...\n&a x\n*a"),
    ("city", "$(touch /tmp/dcaht-pwned); `id`"),
    ("what_was_done", "{{ config.extra }} {% include 'x' %} <img src=x onerror=alert(1)>"),
])
def test_hostile_text_that_is_only_text_stays_text(project_copy, english, field, text):
    """What is not forbidden becomes escaped text: the file holds exactly the answer."""
    result = run(project_copy, issue_body(**{**GOOD, field: text}), english)
    assert result.ok, result.problems
    data = yaml.safe_load(result.path.read_text(encoding="utf-8"))
    value = data[field]["en"] if isinstance(data[field], dict) else data[field]
    assert value == text
    assert data["sectors"] == ["municipality", "police", "labour_inspection"]
    assert not Path("/tmp/dcaht-pwned").exists()


def test_a_body_that_is_not_the_form_and_a_huge_body(project_copy, english):
    result = run(project_copy, "Hello, I have a good practice for you!", english)
    assert "no '### ' field headings" in result.problems[0][1]
    result = run(project_copy, "### Title\n\n" + "x" * 1_000_000, english)
    assert "1000 KB" in result.problems[0][1]


def test_parse_issue_body_reads_no_response_as_empty():
    answers = parse_issue_body("### Title\n\nA\n\n### Results\n\n_No response_\n\n### Needs\n\n\n")
    assert answers == {"Title": "A", "Results": None, "Needs": None}


def test_from_issue_command_writes_a_comment_and_exit_codes(project_copy, tmp_path):
    body = tmp_path / "body.md"
    report = tmp_path / "report.md"
    ident = tmp_path / "id"
    body.write_text(issue_body(**{**GOOD, "summary": None}), encoding="utf-8")
    result = run_dcaht(project_copy, "from-issue", str(body), "--report", str(report), "--id-file", str(ident),
                       "--today", "2026-12-02")
    assert result.returncode == 1 and "Summary:" in result.stderr and "Traceback" not in result.stderr
    assert "**Summary**" in report.read_text(encoding="utf-8") and not ident.exists()
    body.write_text(issue_body(**GOOD), encoding="utf-8")
    result = run_dcaht(project_copy, "from-issue", str(body), "--report", str(report), "--id-file", str(ident),
                       "--today", "2026-12-02")
    assert result.returncode == 0, result.stderr
    assert ident.read_text(encoding="utf-8").strip() == "graz-round-table-on-labour-exploitation"


def test_the_comment_escapes_answers(project_copy, english):
    result = run(project_copy, issue_body(**{**GOOD, "sectors": "@maintainers <b>x</b> [link](http://x)"}), english)
    report = result.report()
    assert "@maintainers" not in report.replace("\\@maintainers", "")
    assert "<b>" not in report and "[link](http" not in report


def test_the_script_uses_only_labels_the_page_gives_it():
    import re

    from dcaht.practice_form import MESSAGES, UI

    script = (ROOT / "docs/assets/js/propose-practice.js").read_text(encoding="utf-8")
    used = set(re.findall(r"\bL\.(\w+)", script))
    assert used and used <= set(MESSAGES) | set(UI), used - (set(MESSAGES) | set(UI))
