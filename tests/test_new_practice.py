"""`dcaht new-practice`: a scaffold that validate refuses until every placeholder is filled,
and a filled practice that appears in every language and in search."""

from __future__ import annotations

import json

import pytest
from conftest import ROOT, copy_project, run_dcaht
from dcaht import project as project_info


@pytest.fixture
def project(tmp_path):
    return copy_project(tmp_path / "project")


def test_scaffold_is_written_and_refused_until_filled(project):
    result = run_dcaht(project, "new-practice", "graz-round-table", "--title",
                       "Graz round table", "--city", "Graz", "--country", "at")
    assert result.returncode == 0, result.stderr
    path = project / "data/practices/graz-round-table.yml"
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=../schema/practice.schema.json")
    assert '"Graz round table"' in text and "country: AT" in text

    result = run_dcaht(project, "validate", "data/practices/graz-round-table.yml")
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert "data/practices/graz-round-table.yml:" in result.stderr
    assert "placeholder 'FILL-IN'" in result.stderr
    assert "what_was_done.en" in result.stderr


def test_scaffold_refuses_bad_input(project):
    bad_id = run_dcaht(project, "new-practice", "Graz Round", "--title", "t", "--city", "c",
                       "--country", "AT")
    assert bad_id.returncode == 2 and "not a valid id" in bad_id.stderr
    bad_country = run_dcaht(project, "new-practice", "graz", "--title", "t", "--city", "c",
                            "--country", "FR")
    assert bad_country.returncode == 2 and "unknown country 'FR'" in bad_country.stderr
    missing = run_dcaht(project, "new-practice", "graz")
    assert missing.returncode == 2 and "--title" in missing.stderr
    assert not (project / "data/practices/graz.yml").exists()


def test_scaffold_title_cannot_inject_yaml(project):
    result = run_dcaht(project, "new-practice", "tricky", "--title", 'A "quoted"\ncountry: XX',
                       "--city", "Graz", "--country", "AT")
    assert result.returncode == 0
    text = (project / "data/practices/tricky.yml").read_text(encoding="utf-8")
    assert "\ncountry: XX" not in text.split("summary:")[0]


def test_new_practice_appears_in_every_language_and_in_search(variant_site):
    """The variant site (conftest.py) is the project with data/practices/test-practice.yml added."""
    site = variant_site
    for locale in project_info.locales(ROOT):
        prefix = "" if locale == "en" else f"{locale}/"
        page = (site / prefix / "practices/test-practice/index.html").read_text(encoding="utf-8")
        assert f'lang="{locale}"' in page
        expected_title = "Runder Tisch der Teststadt" if locale == "de" else "Test city round table"
        assert expected_title in page
        catalogue = (site / prefix / "practices/index.html").read_text(encoding="utf-8")
        assert 'href="test-practice/"' in catalogue
    index = json.loads((site / "search/search_index.json").read_text(encoding="utf-8"))
    assert any("practices/test-practice/" in doc["location"] for doc in index["docs"])
