"""The contribution workflow's files agree with the schema and the tools."""

from __future__ import annotations

import json

import yaml
from conftest import ROOT, run_dcaht


def test_issue_form_asks_every_field_a_contributor_fills_in():
    """Every schema property but those a tool sets is asked; the form is written from the
    schema (dcaht issue-form; tests/test_propose.py checks the details)."""
    schema = json.loads((ROOT / "data/schema/practice.schema.json").read_text(encoding="utf-8"))
    form = yaml.safe_load((ROOT / ".github/ISSUE_TEMPLATE/propose-practice.yml").read_text(encoding="utf-8"))
    assert form["name"] == "Propose a good practice"
    ids = {item["id"] for item in form["body"] if "id" in item}
    asked = {name for name, prop in schema["properties"].items() if not prop.get("x-set-by-tool")}
    for name in asked:
        assert any(i == name or i == f"practice_{name}" or i.startswith(f"{name}_") for i in ids), name
    assert not {"added_on", "translations_reviewed"} & ids


def test_schemas_are_in_sync_with_their_sources():
    result = run_dcaht(ROOT, "schemas", "--check")
    assert result.returncode == 0, result.stderr


def test_every_schema_field_has_title_description_and_example():
    def walk(node, where):
        if isinstance(node, dict):
            if "properties" in node:
                for name, prop in node["properties"].items():
                    resolved = prop
                    if "$ref" in prop:
                        resolved = {**schema["$defs"][prop["$ref"].split("/")[-1]], **prop}
                    for key in ("title", "description", "examples"):
                        assert key in resolved, f"{where}.{name} lacks {key}"
            for key, value in node.items():
                walk(value, f"{where}.{key}")
        elif isinstance(node, list):
            for value in node:
                walk(value, where)

    for path in (ROOT / "data/schema").glob("*.json"):
        schema = json.loads(path.read_text(encoding="utf-8"))
        walk(schema, path.name)


def test_every_data_file_points_editors_at_its_schema():
    files = [*(ROOT / "data/practices").glob("*.yml"), *(ROOT / "data/contacts").glob("*.yml"),
             *(ROOT / "data").glob("*.yml")]
    for path in files:
        first = path.read_text(encoding="utf-8").splitlines()[0]
        assert first.startswith("# yaml-language-server: $schema="), path
        target = (path.parent / first.split("$schema=", 1)[1]).resolve()
        assert target.is_file(), path


def test_contribute_page_shows_contributing_md(built_site):
    html = " ".join((built_site / "contribute/index.html").read_text(encoding="utf-8").split())
    assert "Add a good practice in five minutes" in html
    assert "Propose a good practice" in html
