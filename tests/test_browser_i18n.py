"""A reader stays in their language: search, the language switcher, and the fallback notice,
in a real browser."""

from __future__ import annotations

import pytest
from conftest import ROOT
from dcaht import project

LOCALES = project.locales(ROOT)
# One word per language that its own pages contain (home page or action plan): every
# language searches its own index and answers with its own pages.
QUERIES = {
    "en": "referral",
    "de": "Menschenhandel",
    "cs": "obchodování",
    "sk": "obchodovaniu",
    "hu": "emberkereskedelem",
    "sl": "ljudmi",
    "hr": "trgovanja",
    "sr": "људима",
    "ro": "traficului",
    "bg": "трафик",
    "uk": "торгівлі",
}


def test_search_is_tried_in_every_language():
    assert set(QUERIES) == set(LOCALES)


def search(page, url, query):
    page.goto(url, wait_until="networkidle")
    page.locator(".md-search__input").first.click(force=True)
    page.locator(".md-search__input").first.fill(query)
    page.keyboard.press("End")  # Material searches on key events; typing Cyrillic sends none
    page.wait_for_selector(".md-search-result__item", timeout=15000)
    # One list item per page; a page's matching sections are links inside its item.
    return page.locator(".md-search-result__item").evaluate_all(
        "items => items.map(li => li.querySelector('a.md-search-result__link').href)")


@pytest.mark.browser
@pytest.mark.parametrize("locale", list(QUERIES))
def test_search_answers_in_the_readers_language(page, site_url, locale):
    prefix = "" if locale == "en" else f"{locale}/"
    results = search(page, f"{site_url}/{prefix}", QUERIES[locale])
    assert results, f"no result for {QUERIES[locale]!r} on /{prefix}"
    own_root = f"{site_url}/{prefix}"
    for href in results:
        assert href.startswith(own_root), href
        rest = href[len(own_root):]
        assert rest.split("/", 1)[0] not in LOCALES, f"{href} belongs to another language"
    pages = [href.split("#", 1)[0] for href in results]
    assert len(pages) == len(set(pages)), "the same page appears twice"


def _search_downloads(urls):
    return [url for url in urls if url.endswith("search_index.json") or "/workers/search." in url]


@pytest.mark.browser
def test_each_language_loads_only_its_own_index_and_only_for_search(page, site_url):
    """The worker and the index (the largest downloads) wait until the reader turns to
    search (overrides/main.html); then the language's own index arrives and answers."""
    requested = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(f"{site_url}/de/", wait_until="networkidle")
    page.mouse.wheel(0, 600)
    page.wait_for_timeout(300)
    assert _search_downloads(requested) == [], "search files loaded before the reader searched"
    search(page, f"{site_url}/de/", QUERIES["de"])
    loaded = _search_downloads(requested)
    assert [url for url in loaded if url.endswith("search_index.json")] == [f"{site_url}/de/search/search_index.json"]
    assert len([url for url in loaded if "/workers/search." in url]) == 1


@pytest.mark.browser
def test_language_switcher_stays_on_the_chapter(page, site_url):
    page.goto(f"{site_url}/guidelines/mapping/", wait_until="networkidle")
    page.locator('a.md-select__link[hreflang="de"]').evaluate("a => a.click()")
    page.wait_for_url(f"{site_url}/de/guidelines/mapping/")
    assert page.locator("html").get_attribute("lang") == "de"
    page.locator('a.md-select__link[hreflang="en"]').evaluate("a => a.click()")
    page.wait_for_url(f"{site_url}/guidelines/mapping/")


@pytest.mark.browser
def test_fallback_notice_is_shown_in_the_readers_language(page, variant_site, site_url):
    from dcaht.handouts import serve

    with serve(variant_site) as fallback_url:
        page.goto(f"{fallback_url}/sk/guidelines/mapping/", wait_until="networkidle")
        notice = page.locator("[data-i18n-fallback]")
        assert notice.is_visible()
        link = notice.locator("a")
        assert link.get_attribute("href").endswith("contribute/#translations-of-pages")
        assert "/sk/" in link.evaluate("a => a.href")
    page.goto(f"{site_url}/sk/guidelines/mapping/", wait_until="networkidle")
    assert page.locator("[data-i18n-fallback]").count() == 0
    page.goto(f"{site_url}/de/guidelines/mapping/", wait_until="networkidle")
    assert page.locator("[data-i18n-fallback]").count() == 0


# The dictionary form of "trafficking" a reader types; the pages inflect it.
DICTIONARY_FORMS = {
    "en": "trafficking", "de": "Menschenhandel", "cs": "obchodování", "sk": "obchodovanie",
    "hu": "emberkereskedelem", "sl": "trgovina", "hr": "trgovanje", "sr": "трговина",
    "ro": "trafic", "bg": "трафик", "uk": "торгівля",
}


def typed_search(page, url, query):
    page.goto(url, wait_until="networkidle")
    box = page.locator(".md-search__input").first
    box.click(force=True)
    page.keyboard.type(query, delay=15)
    page.keyboard.press("End")  # letters off the US layout send no key event; Material waits for one
    page.wait_for_selector(".md-search-result__item", timeout=15000)
    return page.locator(".md-search-result__item").evaluate_all(
        "items => items.map(li => li.querySelector('a.md-search-result__link').href)")


@pytest.mark.browser
@pytest.mark.parametrize("locale", LOCALES)
def test_the_dictionary_form_finds_the_languages_pages(page, site_url, locale):
    """Only pages in the reader's language, the chapter that defines the word first (its
    title holds the word: Material weighs titles), chapters and practices among them."""
    prefix = "" if locale == "en" else f"{locale}/"
    results = typed_search(page, f"{site_url}/{prefix}", DICTIONARY_FORMS[locale])
    others = [f"{site_url}/{code}/" for code in LOCALES if code not in ("en", locale)]
    assert not [r for r in results if any(r.startswith(o) for o in others)], results
    assert all(r.startswith(f"{site_url}/{prefix}") for r in results), results
    assert len(results) >= 8, results
    chapters = [r for r in results if f"/{prefix}guidelines/" in r]
    assert chapters and any(f"/{prefix}practices/" in r for r in results), results
    first_chapter = min(results.index(r) for r in chapters)
    assert first_chapter <= 2, results[:4]


@pytest.mark.browser
@pytest.mark.parametrize("locale, query", [("cs", "obchodovani"), ("sk", "obchodovanim"), ("ro", "victima")])
def test_a_search_without_diacritics_finds_the_words_with_them(page, site_url, locale, query):
    results = typed_search(page, f"{site_url}/{locale}/", query)
    assert results and results[0].startswith(f"{site_url}/{locale}/"), results[:3]
