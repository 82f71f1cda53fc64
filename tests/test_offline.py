"""The offline bundle: the whole site from a folder (file://), search included, with no
request leaving the machine."""

from __future__ import annotations

import pytest


def test_bundle_holds_every_language_and_its_search(unpacked):
    for locale in ("de", "cs", "sk", "hu", "sl", "hr", "sr", "ro", "bg", "uk"):
        assert (unpacked / locale / "index.html").is_file()
        assert (unpacked / locale / "search/search_index.js").is_file()
    assert (unpacked / "search/search_index.js").is_file()
    html = (unpacked / "index.html").read_text(encoding="utf-8")
    assert "unpkg.com" not in html and 'src="assets/vendor/iframe-worker/shim.js"' in html


@pytest.mark.browser
@pytest.mark.parametrize("path, query", [("index.html", "referral"), ("de/index.html", "Menschenhandel"),
                                         ("bg/index.html", "трафик")])
def test_search_works_from_file_without_network(browser, unpacked, path, query):
    context = browser.new_context()
    page = context.new_page()
    requested, errors = [], []
    page.on("request", lambda request: requested.append(request.url))
    # what a reader's console would show: errors, and requests that fail (a missing
    # file, a sitemap fetched from file://)
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("requestfailed", lambda request: errors.append(f"failed: {request.url}"))
    page.goto((unpacked / path).as_uri(), wait_until="load")
    page.locator(".md-search__input").first.click(force=True)
    page.locator(".md-search__input").first.fill(query)
    page.keyboard.press("End")  # Material searches on key events
    page.wait_for_selector(".md-search-result__item", timeout=15000)
    links = page.locator(".md-search-result__item > .md-search-result__link").evaluate_all(
        "links => links.map(a => a.href)")
    assert links and all(link.startswith("file://") for link in links)
    assert requested and all(url.startswith(("file://", "data:", "blob:")) for url in requested), \
        [url for url in requested if not url.startswith("file://")]
    assert errors == []
    context.close()
