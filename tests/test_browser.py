"""What only a browser shows: requests leaving the machine, accessibility (axe-core,
WCAG 2.1 A and AA), and the catalogue's instant filters."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlparse

import pytest

SCREENSHOTS = Path(__file__).resolve().parents[1] / "test-results"
PAGES = ["", "guidelines/identification/", "practices/", "practices/vienna-anti-trafficking-working-group/",
         "contacts/", "contacts/sk/", "self-assessment/", "contribute/propose/", "no-such-page/"]
LOCAL_HOSTS = {"127.0.0.1", "localhost"}


@pytest.mark.browser
@pytest.mark.parametrize("locale", ["", "de/"])
@pytest.mark.parametrize("path", PAGES)
def test_no_request_leaves_the_machine(page, site_url, locale, path):
    requested = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(f"{site_url}/{locale}{path}", wait_until="networkidle")
    page.locator(".md-search__input").first.click(force=True)
    page.keyboard.type("trafficking", delay=20)  # loads the search worker and index
    page.wait_for_timeout(500)
    assert requested, "the page made no request at all"
    foreign = [url for url in requested
               if urlparse(url).scheme in ("http", "https", "ws", "wss")
               and urlparse(url).hostname not in LOCAL_HOSTS]
    assert not foreign, foreign


AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
LOCALES = ["en", "de", "cs", "sk", "hu", "sl", "hr", "sr", "ro", "bg", "uk"]
VIEWS = [("light", 1280), ("dark", 390), ("dark", 1280), ("light", 390)]


@pytest.mark.browser
@pytest.mark.parametrize("locale", LOCALES)
def test_axe_finds_no_wcag_22_aa_violation(browser, site_url, locale):
    """axe-core with the WCAG 2.0-2.2 A/AA rules on the main kinds of page in every language
    (every kind in English and German); light and dark colour schemes and desktop and phone
    widths take turns, so that each language and each kind of page meets both of each."""
    from axe_playwright_python.sync_playwright import Axe

    offset = LOCALES.index(locale)
    prefix = "" if locale == "en" else f"{locale}/"
    found = {}
    # every kind of page in the two complete languages; the main kinds in the others
    paths = PAGES if locale in ("en", "de") else ["", "guidelines/identification/", "practices/", "contacts/sk/"]
    for index, path in enumerate(paths):
        scheme, width = VIEWS[(index + offset) % len(VIEWS)]
        context = browser.new_context(color_scheme=scheme, viewport={"width": width, "height": 900})
        page = context.new_page()
        try:
            page.goto(f"{site_url}/{prefix}{path}", wait_until="networkidle")
            results = Axe().run(page, options={"runOnly": {"type": "tag", "values": AXE_TAGS}})
            violations = results.response["violations"]
            if violations:
                found[(path, scheme, width)] = [(v["id"], [n["target"] for n in v["nodes"]][:3]) for v in violations]
        finally:
            context.close()
    assert not found, found


@pytest.mark.browser
def test_catalogue_filters_instantly_and_keeps_state_in_the_address(page, site_url):
    page.goto(f"{site_url}/practices/", wait_until="networkidle")
    items = page.locator(".dcaht-cards__item")
    total = items.count()
    assert total >= 2
    country = page.locator("#dcaht-filter-country")
    options = country.locator("option").evaluate_all("els => els.map(e => e.value).filter(Boolean)")
    chosen = options[0]
    country.select_option(chosen)
    visible = page.locator(".dcaht-cards__item:not([hidden])")
    expected = page.locator(f'.dcaht-cards__item[data-country="{chosen}"]').count()
    assert 0 < visible.count() == expected < total or visible.count() == expected
    assert f"country={chosen}" in page.url
    assert page.locator("[data-dcaht-count]").inner_text() == str(expected)

    # The shared address opens the same filtered view.
    page.goto(page.url, wait_until="networkidle")
    assert page.locator("#dcaht-filter-country").input_value() == chosen
    assert page.locator(".dcaht-cards__item:not([hidden])").count() == expected

    # A combination without match says so.
    page.goto(f"{site_url}/practices/?country={chosen}&form=organ_removal", wait_until="networkidle")
    if page.locator('option[value="organ_removal"]').count():
        assert page.locator("[data-dcaht-empty]").is_visible()


@pytest.mark.browser
def test_catalogue_lists_everything_without_javascript(browser, site_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{site_url}/practices/?country=AT")
    assert page.locator(".dcaht-cards__item").count() == page.locator(
        ".dcaht-cards__item:visible").count() > 1
    context.close()


@pytest.mark.browser
def test_a_phone_reaches_its_countrys_hotline_in_two_taps(browser, site_url):
    """The officer with a victim in front of them: the directory's first choice is the
    country, and the country page's first screen carries a number to call."""
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    page = context.new_page()
    try:
        page.goto(f"{site_url}/hu/contacts/", wait_until="networkidle")
        page.locator('a[href="hu/"]').first.tap()
        page.wait_for_url(f"{site_url}/hu/contacts/hu/")
        call = page.locator(".dcaht-urgent a[href^='tel:']").first
        assert call.is_visible()
        box = call.bounding_box()
        assert box and box["y"] + box["height"] <= 844, box  # on the first screen
    finally:
        context.close()


@pytest.mark.browser
@pytest.mark.parametrize("width, height, name", [(390, 844, "phone"), (1280, 900, "desktop")])
def test_home_page_screenshots(browser, site_url, width, height, name):
    """Screenshots for a human to look at (test-results/); the test checks the layout."""
    context = browser.new_context(viewport={"width": width, "height": height})
    page = context.new_page()
    page.goto(f"{site_url}/", wait_until="networkidle")
    SCREENSHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"home-{name}.png"))
    scroll_width = page.evaluate("document.documentElement.scrollWidth")
    assert scroll_width <= width, "the page scrolls sideways"
    assert page.locator("h1").first.is_visible()
    context.close()
