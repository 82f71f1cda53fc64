"""The propose-a-practice form as a reader meets it, in headless Chromium: it checks as
the reader types, writes a file that `dcaht validate` accepts (the same text the Python
writer makes), prefills GitHub's new-file and issue forms, and keeps a draft."""

from __future__ import annotations

from datetime import date
from urllib.parse import parse_qs, urlparse

import pytest
import yaml
from conftest import ROOT, TEST_REPOSITORY, copy_project, run_dcaht
from dcaht.catalogue import load_catalogue
from dcaht.issue_form import from_issue
from dcaht.practice_form import form_fields, form_language, practice_yaml
from dcaht.schemas import read_schema

pytestmark = pytest.mark.browser


def fill_required(page, english_title="Graz round table on labour exploitation"):
    page.fill("#pf-title-en", english_title)
    page.fill("#pf-summary-en", "The city brings labour inspectors, police and NGOs together four times a year.")
    page.fill("#pf-city", "Graz")
    page.select_option("#pf-country", "AT")
    page.fill("#pf-lead_organisation", "City of Graz, Department for Social Affairs")
    page.fill("#pf-partners", "Financial police\nLEFÖ-IBF")
    page.check("input[name=sectors][value=municipality]")
    page.check("input[name=sectors][value=labour_inspection]")
    page.check("input[name=forms][value=labour_exploitation]")
    page.check("input[name=target_groups][value=labour_migrants]")
    page.check("input[name=chapters][value=cooperation-mechanism]")
    page.fill("#pf-what_was_done-en", "The round table meets four times a year.\n\n- It shares cases.\n- It trains staff.")
    page.fill("#pf-years-start", "2019")
    page.fill("#pf-contact-organisation", "City of Graz")
    page.fill("#pf-contact-website", "https://www.graz.at/")
    page.fill("#pf-sources-0-title", "City of Graz: social affairs")
    page.fill("#pf-sources-0-url", "https://www.graz.at/cms/beitrag/10034449/")
    page.fill("#pf-sources-0-date", "2024-03")


def submit(page):
    page.click("#dcaht-propose button[type=submit]")


def the_file(page) -> str:
    page.locator("[data-pf-yaml]").wait_for()
    return page.locator("[data-pf-yaml]").inner_text()


def accepted_by_validate(tmp_path, practice_id: str, text: str):
    project = copy_project(tmp_path / "project")
    (project / "data/practices" / f"{practice_id}.yml").write_text(text, encoding="utf-8")
    return run_dcaht(project, "validate", f"data/practices/{practice_id}.yml")


def test_english_form_checks_writes_a_valid_file_and_prefills_github(page, site_url, tmp_path):
    requests = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(f"{site_url}/contribute/propose/", wait_until="networkidle")
    page.evaluate("localStorage.clear()")
    submit(page)
    summary = page.locator("[data-pf-summary]")
    assert summary.is_visible()
    assert "Title – in English: Please fill this in." in summary.inner_text()
    assert page.evaluate("document.activeElement === document.querySelector('[data-pf-summary]')")

    fill_required(page)
    # checked as the reader types: a wrong address is named when the field is left
    page.fill("#pf-contact-website", "javascript:alert(1)")
    page.locator("#pf-contact-email").focus()
    error = page.locator("#pf-contact-website-error")
    assert error.is_visible() and "https://" in error.inner_text()
    assert page.get_attribute("#pf-contact-website", "aria-invalid") == "true"
    page.fill("#pf-contact-website", "https://www.graz.at/")
    page.locator("#pf-contact-email").focus()
    assert not error.is_visible()
    # the shelter rule of `dcaht validate`
    page.fill("#pf-needs-en", "The shelter at Hauptstraße 12, 8010 Graz.")
    page.locator("#pf-city").focus()
    assert "shelter" in page.locator("#pf-needs-en-error").inner_text()
    page.fill("#pf-needs-en", "A coordinator's time.")

    assert page.input_value("#pf-id") == "graz-round-table-on-labour-exploitation"  # from the title
    submit(page)
    text = the_file(page)
    practice_id = "graz-round-table-on-labour-exploitation"
    result = accepted_by_validate(tmp_path, practice_id, text)
    assert result.returncode == 0, result.stdout + result.stderr
    data = yaml.safe_load(text)
    assert data["sectors"] == ["municipality", "labour_inspection"] and data["years"] == {"start": 2019}
    assert data["added_on"] == date.today()
    # the browser's writer and the Python one agree to the character
    fields = form_fields(read_schema(ROOT, "practice"))
    assert practice_yaml(data, fields) == text

    pr = urlparse(page.get_attribute('[data-pf-send="pr"]', "href"))
    assert f"{pr.scheme}://{pr.netloc}{pr.path}" == f"{TEST_REPOSITORY}/new/main"
    query = parse_qs(pr.query)
    assert query["filename"] == [f"data/practices/{practice_id}.yml"] and query["value"] == [text]

    issue = urlparse(page.get_attribute('[data-pf-send="issue"]', "href"))
    assert f"{issue.scheme}://{issue.netloc}{issue.path}" == f"{TEST_REPOSITORY}/issues/new"
    answers = {key: values[0] for key, values in parse_qs(issue.query).items()}
    assert answers["template"] == "propose-practice.yml" and answers["country"] == "AT"
    # what GitHub would make of the prefilled issue passes `dcaht from-issue`
    from test_propose import issue_body

    _, vocabulary = load_catalogue(ROOT)
    project = copy_project(tmp_path / "issue-project")
    converted = from_issue(project, issue_body(**answers), date.today(), *form_language(ROOT, vocabulary, "en", "en"))
    assert converted.ok, converted.problems
    assert yaml.safe_load(converted.path.read_text(encoding="utf-8"))["sources"] == data["sources"]
    # the page itself sent nothing anywhere
    assert all(url.startswith(site_url) for url in requests), [u for u in requests if not u.startswith(site_url)]


def test_german_form_is_labelled_in_german_and_keeps_both_languages(page, site_url, tmp_path):
    page.goto(f"{site_url}/de/contribute/propose/", wait_until="networkidle")
    page.evaluate("localStorage.clear()")
    assert page.locator("label[for=pf-title-en]").inner_text().startswith("auf Englisch")
    assert page.locator("label[for=pf-title-de]").inner_text().startswith("auf Deutsch")
    assert "Beteiligte Bereiche" in page.locator("#pf-sectors legend").inner_text()
    assert page.locator("input[name=sectors][value=police]").evaluate("e => e.parentElement.textContent").strip() == "Polizei"
    submit(page)
    assert "Bitte ausfüllen." in page.locator("[data-pf-summary]").inner_text()
    fill_required(page)
    page.fill("#pf-title-de", "Runder Tisch gegen Arbeitsausbeutung in Graz")
    page.fill("#pf-summary-de", "Die Stadt bringt Arbeitsinspektion, Polizei und NGOs zusammen.")
    page.fill("#pf-id", "graz-runder-tisch")
    submit(page)
    text = the_file(page)
    data = yaml.safe_load(text)
    assert data["title"] == {"en": "Graz round table on labour exploitation",
                             "de": "Runder Tisch gegen Arbeitsausbeutung in Graz"}
    result = accepted_by_validate(tmp_path, "graz-runder-tisch", text)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "data/practices/graz-runder-tisch.yml" in page.locator("[data-pf-result-help]").inner_text()


def test_a_draft_survives_a_reload_and_clearing_removes_it(page, site_url):
    page.goto(f"{site_url}/contribute/propose/", wait_until="networkidle")
    page.evaluate("localStorage.clear()")
    page.fill("#pf-title-en", "A draft title")
    page.check("input[name=forms][value=forced_begging]")
    page.click("[data-pf-add]")
    page.fill("#pf-sources-1-url", "https://example.org/second")
    page.reload(wait_until="networkidle")
    assert page.input_value("#pf-title-en") == "A draft title"
    assert page.is_checked("input[name=forms][value=forced_begging]")
    assert page.input_value("#pf-sources-1-url") == "https://example.org/second"
    page.once("dialog", lambda dialog: dialog.accept())
    page.click("[data-pf-clear]")
    assert page.input_value("#pf-title-en") == ""
    assert page.evaluate("localStorage.getItem('dcaht-practice-draft')") is None
    assert page.locator("[data-pf-row]").count() == 1


def test_hostile_answers_stay_text_in_the_file(page, site_url, tmp_path):
    page.goto(f"{site_url}/contribute/propose/", wait_until="networkidle")
    page.evaluate("localStorage.clear()")
    fill_required(page)
    hostile = "!!python/object/apply:os.system ['id']\n---\n&a x *a {{ config }} <script>alert(1)</script>"
    page.fill("#pf-what_was_done-en", hostile)
    page.fill("#pf-city", "$(id); `id` | Graz")
    submit(page)
    text = the_file(page)
    data = yaml.safe_load(text)
    assert data["what_was_done"]["en"] == hostile and data["city"] == "$(id); `id` | Graz"
    assert accepted_by_validate(tmp_path, "graz-round-table-on-labour-exploitation", text).returncode == 0
    # a title with markup is refused in the browser, as `dcaht validate` would
    page.fill("#pf-title-en", "Round table <b>2019</b>")
    submit(page)
    assert "plain text" in page.locator("#pf-title-en-error").inner_text()
