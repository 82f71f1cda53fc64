"""The self-assessment as a municipality uses it: levels and statuses kept across reloads,
a saved file that opens in another browser, bad files refused with the entries unchanged,
a printed plan with the municipality's name, and the same page from the offline bundle.
Action points are written once, in data/action_points.yml."""

from __future__ import annotations

import json
import re

import pytest
from conftest import ROOT
from dcaht import project
from dcaht.catalogue import load_catalogue
from dcaht.render import without_links

LOCALES = project.locales(ROOT)
MUNICIPALITY = "Town of Ruse"


def test_no_action_point_text_is_written_in_docs():
    """The chapters and the plan render the points from data; no page repeats one."""
    catalogue, _ = load_catalogue(ROOT)
    pages = {path: path.read_text(encoding="utf-8") for path in (ROOT / "docs").rglob("*.md")}
    for point in catalogue.action_points.values():
        for locale, text in point.text.texts.items():
            words = " ".join(without_links(text).split())
            for path, page in pages.items():
                assert words not in " ".join(page.split()), (point.id, locale, path)


def test_each_chapter_shows_its_points_with_stable_anchors(built_site):
    catalogue, _ = load_catalogue(ROOT)
    for point in catalogue.current_action_points():
        chapter = (built_site / "guidelines" / point.chapter / "index.html").read_text(encoding="utf-8")
        assert f'id="ap-{point.id}"' in chapter
        plan = (built_site / "hu/guidelines/action-plan/index.html").read_text(encoding="utf-8")
        assert f'#ap-{point.id}"' in plan


@pytest.mark.parametrize("locale", LOCALES)
def test_the_page_exists_in_every_language_with_every_point(built_site, locale):
    catalogue, _ = load_catalogue(ROOT)
    prefix = "" if locale == "en" else f"{locale}/"
    html = (built_site / prefix / "self-assessment/index.html").read_text(encoding="utf-8")
    assert f'<html lang="{locale}"' in html
    blocks = re.findall(r'data-action-point="([^"]+)"', html)
    assert blocks == [p.id for phase in catalogue.action_phases
                      for p in catalogue.current_action_points() if p.phase == phase]
    for point_id in blocks:
        block = html.split(f'data-action-point="{point_id}"', 1)[1].split('data-action-point="', 1)[0]
        assert f'<select id="sa-status-{point_id}"' in block
    assert len(re.findall(r'type="radio" id="sa-level-', html)) == 4 * len(catalogue.action_phases)
    assert "<script" in html and "http" not in re.search(r'<script src="([^"]+self-assessment\.js)"', html).group(1)


def open_page(browser, url):
    context = browser.new_context(accept_downloads=True)
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(url, wait_until="networkidle")
    return context, page, errors


def fill_in(page):
    page.fill("#sa-municipality", MUNICIPALITY)
    page.check("#sa-level-get-started-2")
    page.check("#sa-level-cooperate-3")
    page.select_option("#sa-status-mapping-1", "done")
    page.select_option("#sa-status-mapping-2", "in_progress")
    page.fill("#sa-who-mapping-2", "Department of Social Affairs")
    page.fill("#sa-due-mapping-2", "2027-03-31")
    page.fill("#sa-note-mapping-2", "With the police and two NGOs")


def entries(page):
    return {
        "municipality": page.input_value("#sa-municipality"),
        "get-started": page.is_checked("#sa-level-get-started-2"),
        "cooperate": page.is_checked("#sa-level-cooperate-3"),
        "mapping-1": page.input_value("#sa-status-mapping-1"),
        "mapping-2": [page.input_value(f"#sa-{kind}-mapping-2") for kind in ("status", "who", "due", "note")],
    }


FILLED = {"municipality": MUNICIPALITY, "get-started": True, "cooperate": True, "mapping-1": "done",
          "mapping-2": ["in_progress", "Department of Social Affairs", "2027-03-31", "With the police and two NGOs"]}


@pytest.mark.browser
def test_entries_survive_a_reload_and_show_as_progress(browser, site_url):
    context, page, errors = open_page(browser, f"{site_url}/self-assessment/")
    fill_in(page)
    page.reload(wait_until="networkidle")
    assert entries(page) == FILLED
    bar = page.locator('.dcaht-sa__bar[data-phase="know-your-situation"]')
    assert float(bar.locator(".dcaht-sa__bar-fill").get_attribute("width")) > 0
    assert "1" in bar.locator("[data-sa-value]").inner_text()
    assert not errors
    context.close()


@pytest.mark.browser
def test_a_saved_file_opens_in_a_fresh_browser(browser, site_url, tmp_path):
    context, page, _ = open_page(browser, f"{site_url}/de/self-assessment/")
    fill_in(page)
    with page.expect_download() as saved:
        page.click('[data-sa-action="export-json"]')
    path = tmp_path / saved.value.suggested_filename
    saved.value.save_as(path)
    exported = json.loads(path.read_text(encoding="utf-8"))
    assert exported["format"] == "dcaht-self-assessment" and exported["version"] == 1
    with page.expect_download() as table:
        page.click('[data-sa-action="export-csv"]')
    csv_path = tmp_path / "plan.csv"
    table.value.save_as(csv_path)
    assert "Department of Social Affairs" in csv_path.read_text(encoding="utf-8-sig")
    context.close()

    fresh, other, errors = open_page(browser, f"{site_url}/self-assessment/")
    assert other.input_value("#sa-municipality") == ""
    other.set_input_files("#sa-import", str(path))
    other.click('[data-sa-action="replace"]')
    assert entries(other) == FILLED
    other.reload(wait_until="networkidle")
    assert entries(other) == FILLED
    assert not errors
    fresh.close()


BAD_FILES = {
    "broken.json": ('{"format": "dcaht-self-assessment", "version": 1,', "not valid JSON"),
    "other.json": ('{"name": "something else", "points": []}', "not a self-assessment"),
    "newer.json": (json.dumps({"format": "dcaht-self-assessment", "version": 99, "levels": {}, "points": {}}),
                   "newer version"),
}


@pytest.mark.browser
@pytest.mark.parametrize("name", sorted(BAD_FILES))
def test_a_bad_file_is_refused_and_changes_nothing(browser, site_url, tmp_path, name):
    text, message = BAD_FILES[name]
    context, page, errors = open_page(browser, f"{site_url}/self-assessment/")
    fill_in(page)
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    page.set_input_files("#sa-import", str(path))
    page.wait_for_function("document.querySelector('[data-sa-message]').textContent.length > 0")
    assert message in page.inner_text("[data-sa-message]")
    assert page.locator("[data-sa-confirm]").is_hidden()
    assert entries(page) == FILLED
    page.reload(wait_until="networkidle")
    assert entries(page) == FILLED
    assert not errors
    context.close()


@pytest.mark.browser
def test_points_that_no_longer_exist_are_kept_after_confirmation(browser, site_url, tmp_path):
    old = {"format": "dcaht-self-assessment", "version": 1, "municipality": "Old town", "levels": {"train": 4},
           "points": {"mapping-3": {"status": "planned", "responsible": "Mayor's office", "due": "", "note": ""},
                      "retired-point-1": {"status": "done", "responsible": "Council", "due": "2025-01-10",
                                          "note": "from an earlier version"}}}
    path = tmp_path / "old.json"
    path.write_text(json.dumps(old), encoding="utf-8")
    context, page, _ = open_page(browser, f"{site_url}/self-assessment/")
    fill_in(page)
    page.set_input_files("#sa-import", str(path))
    page.wait_for_selector("[data-sa-confirm]:not([hidden])")
    assert "retired-point-1" in page.inner_text("[data-sa-confirm-text]")
    assert entries(page) == FILLED  # nothing replaced before the reader confirms
    page.click('[data-sa-action="replace"]')
    assert page.input_value("#sa-municipality") == "Old town"
    assert page.input_value("#sa-status-mapping-3") == "planned"
    retired = page.locator('[data-retired-point="retired-point-1"]')
    assert retired.is_visible() and "from an earlier version" in retired.inner_text()
    with page.expect_download() as saved:
        page.click('[data-sa-action="export-json"]')
    again = tmp_path / "again.json"
    saved.value.save_as(again)
    assert "retired-point-1" in json.loads(again.read_text(encoding="utf-8"))["points"]
    context.close()


@pytest.mark.browser
def test_the_printed_plan_names_the_municipality(browser, site_url, tmp_path):
    context, page, _ = open_page(browser, f"{site_url}/self-assessment/")
    fill_in(page)
    page.emulate_media(media="print")
    page.evaluate("window.dispatchEvent(new Event('beforeprint'))")
    plan = page.locator("[data-sa-plan]")
    assert plan.is_visible() and page.locator("#dcaht-sa").is_hidden()
    text = plan.inner_text()
    assert MUNICIPALITY in text and "Department of Social Affairs" in text and "2027-03-31" in text
    assert page.locator('[data-plan-point="mapping-1"]').count() == 0  # done: not an open point
    assert page.locator('[data-plan-point="mapping-2"]').count() == 1
    pdf = tmp_path / "plan.pdf"
    page.pdf(path=str(pdf), format="A4")
    from pypdf import PdfReader

    printed = " ".join(" ".join(p.extract_text() or "" for p in PdfReader(str(pdf)).pages).split())
    assert MUNICIPALITY in printed
    context.close()


@pytest.mark.browser
def test_works_from_the_offline_bundle_without_network(browser, unpacked):
    context = browser.new_context()
    page = context.new_page()
    requested = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto((unpacked / "uk/self-assessment/index.html").as_uri(), wait_until="load")
    fill_in(page)
    page.reload(wait_until="load")
    assert entries(page) == FILLED
    assert requested and all(url.startswith(("file://", "data:", "blob:")) for url in requested), \
        [url for url in requested if not url.startswith("file://")]
    context.close()
