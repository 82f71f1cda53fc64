"""How a reader finds practices and pages: the map, the feed, the links between chapters
and practices, the catalogue's text filter and sort, and the 404 page."""

from __future__ import annotations

import json
import re
from collections import Counter
from xml.etree import ElementTree as ET

import pytest
from conftest import ROOT
from dcaht import project
from dcaht.catalogue import load_catalogue

ATOM = "{http://www.w3.org/2005/Atom}"
LOCALES = project.locales(ROOT)


def prefix(locale):
    return "" if locale == "en" else f"{locale}/"


@pytest.fixture(scope="module")
def catalogue():
    return load_catalogue(ROOT)[0]


def test_map_links_every_country_with_its_count_and_lists_the_same_as_text(built_site, catalogue):
    counts = Counter(p.country for p in catalogue.practices.values())
    page = (built_site / "practices/index.html").read_text(encoding="utf-8")
    figure = re.search(r'<figure class="dcaht-map".*?</figure>', page, re.S).group(0)
    svg = re.search(r"<svg.*?</svg>", figure, re.S).group(0)
    listed = re.search(r'<ul class="dcaht-map__list">.*?</ul>', figure, re.S).group(0)
    drawn = set(json.loads((ROOT / "data/geo/danube-map.json").read_text(encoding="utf-8"))["countries"])
    for code, count in counts.items():
        # the list names every country with practices, also those the map does not draw
        assert re.search(rf'href="\?country={code}" data-country-link="{code}">[^<]+</a> \({count}\)', listed), code
        if code in drawn:
            link = re.search(rf'<a class="dcaht-map__country" href="\?country={code}"[^>]*aria-label="([^"]+)"', svg)
            assert link and str(count) in link.group(1), code
    # the map draws every Danube Region country; only Baltic STROM states live in the list alone
    assert set(load_catalogue(ROOT)[1].danube_countries) <= drawn
    # a country without practices is drawn, but is not a link
    assert svg.count('class="dcaht-map__country"') == len(set(counts) & drawn)
    assert 'aria-labelledby="dcaht-map-caption"' in figure
    # inline, drawn at build time: no tile, no request, and small
    assert "<img" not in figure and "http" not in svg
    assert len(figure.encode()) < 60_000


def test_map_is_in_the_readers_language(built_site):
    hu = (built_site / "hu/practices/index.html").read_text(encoding="utf-8")
    assert "Jó gyakorlatok országonként" in hu and ">Magyarország</a>" in hu


def test_feeds_are_atom_with_every_practice_newest_first(built_site, catalogue):
    for locale in LOCALES:
        path = built_site / prefix(locale) / "practices/feed.xml"
        root = ET.fromstring(path.read_bytes())
        assert root.tag == f"{ATOM}feed"
        assert root.get("{http://www.w3.org/XML/1998/namespace}lang") == locale
        # RFC 4287 4.1.1: a feed has id, title, updated, an author and a self link
        for name in ("id", "title", "updated", "author"):
            assert root.find(f"{ATOM}{name}") is not None, (locale, name)
        assert root.find(f"{ATOM}link[@rel='self']") is not None
        entries = root.findall(f"{ATOM}entry")
        assert len(entries) == len(catalogue.practices)
        ids = [e.find(f"{ATOM}id").text for e in entries]
        assert len(set(ids)) == len(ids) and all(i.startswith("urn:uuid:") for i in ids)
        dates = [e.find(f"{ATOM}updated").text for e in entries]
        assert dates == sorted(dates, reverse=True)
        for entry in entries:
            for name in ("title", "updated", "summary"):
                assert (entry.find(f"{ATOM}{name}").text or "").strip(), (locale, name)
            href = entry.find(f"{ATOM}link[@rel='alternate']").get("href")
            # relative to the feed without a site address: the page exists there
            assert (path.parent / href / "index.html").is_file(), href
    # entry ids do not depend on the language: a reader switching feeds sees the same items
    en = [e.find(f"{ATOM}id").text for e in ET.parse(built_site / "practices/feed.xml").getroot().iter(f"{ATOM}entry")]
    de = [e.find(f"{ATOM}id").text for e in ET.parse(built_site / "de/practices/feed.xml").getroot().iter(f"{ATOM}entry")]
    assert en == de


def test_catalogue_links_its_feed(built_site):
    for locale in ("en", "hu"):
        page = (built_site / prefix(locale) / "practices/index.html").read_text(encoding="utf-8")
        assert 'href="feed.xml" type="application/atom+xml"' in page


def test_chapters_and_practices_link_each_other(built_site, catalogue):
    """A practice's `chapters` puts it under each chapter's related practices and lists the
    chapters on the practice page: one field, links both ways."""
    checked = 0
    for practice in catalogue.practices.values():
        page = (built_site / "practices" / practice.id / "index.html").read_text(encoding="utf-8")
        for chapter in practice.chapters:
            chapter_html = (built_site / "guidelines" / chapter / "index.html").read_text(encoding="utf-8")
            related = chapter_html[chapter_html.index('id="related"'):]
            assert f'href="../../practices/{practice.id}/"' in related, (chapter, practice.id)
            assert f'href="../../guidelines/{chapter}/#related"' in page, (practice.id, chapter)
            checked += 1
    assert checked >= len(catalogue.practices)


def test_the_404_page_speaks_every_language_in_the_root_languages_frame(built_site):
    page = (built_site / "404.html").read_text(encoding="utf-8")
    assert '<html lang="en"' in page
    for locale in LOCALES:
        item = re.search(rf'<li lang="{locale}" data-locale="{locale}">(.*?)</li>', page, re.S)
        assert item, locale
        assert f'href="/{prefix(locale)}"' in item.group(1)
    assert "Stránka nenalezena" in page and "Сторінку не знайдено" in page
    assert not list(built_site.glob("*/404.html"))


@pytest.mark.browser
def test_a_missing_hungarian_address_answers_in_hungarian_first(page, site_url):
    response = page.goto(f"{site_url}/hu/nincs-ilyen-oldal/", wait_until="networkidle")
    assert response.status == 404
    assert page.locator(".md-content h1").inner_text() == "Az oldal nem található"
    first = page.locator("[data-dcaht-not-found] li").first
    assert first.get_attribute("lang") == "hu"
    first.locator("a").click()
    page.wait_for_load_state("networkidle")
    assert page.url == f"{site_url}/hu/"


@pytest.mark.browser
def test_catalogue_text_filter_and_sort(page, site_url, catalogue):
    page.goto(f"{site_url}/practices/", wait_until="networkidle")
    items = page.locator(".dcaht-cards__item")
    total = items.count()
    # a word from one practice's title, typed without its diacritics
    target = next(p for p in catalogue.practices.values() if "Kočevje" in p.title.get("en"))
    page.fill("#dcaht-filter-q", "kocevje")
    visible = page.locator(".dcaht-cards__item:visible")
    visible.first.wait_for()
    assert 0 < visible.count() < total
    assert target.title.get("en") in visible.first.inner_text()
    assert "q=kocevje" in page.url
    page.fill("#dcaht-filter-q", "")
    page.select_option("#dcaht-filter-sort", "recent")
    added = items.evaluate_all("els => els.map(e => e.dataset.added)")
    assert added == sorted(added, reverse=True) and len(added) == total
    assert "sort=recent" in page.url
    # the address restores the view
    page.goto(f"{site_url}/practices/?sort=recent&q=kocevje", wait_until="networkidle")
    assert page.locator("#dcaht-filter-sort").input_value() == "recent"
    assert page.locator(".dcaht-cards__item:visible").count() == visible.count()


@pytest.mark.browser
@pytest.mark.parametrize("locale", ["en", "uk"])
def test_the_map_and_its_list_are_printed(page, site_url, catalogue, locale):
    """Printed, the catalogue keeps the map (drawn, at a readable size within the page)
    and the list of countries beside it."""
    page.goto(f"{site_url}/{prefix(locale)}practices/", wait_until="networkidle")
    page.emulate_media(media="print")
    shape = page.locator("figure.dcaht-map svg").bounding_box()
    assert shape and 400 < shape["width"] <= 900 and shape["height"] > 200, shape
    countries = {p.country for p in catalogue.practices.values()}
    listed = page.locator("figure.dcaht-map a:visible")
    assert listed.count() >= len(countries)
    pdf = page.pdf(format="A4")
    from io import BytesIO

    from pypdf import PdfReader

    first = PdfReader(BytesIO(pdf)).pages[0]
    assert first.extract_text().count("(") >= len(countries)  # "Country (n)" of the list
