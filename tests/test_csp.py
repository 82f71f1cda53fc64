"""The Content-Security-Policy of every page (issue 18): present on every HTML file, every
inline script covered by its hash, no unsafe keyword, and no violation in a real browser
on every kind of page in every language, online and in the offline bundle."""

from __future__ import annotations

import re

import pytest
from conftest import ROOT
from dcaht import project
from dcaht.csp import inline_script_hashes

LOCALES = project.locales(ROOT)
POLICY = re.compile(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)">')
KINDS = ["", "guidelines/", "guidelines/identification/", "self-assessment/", "practices/",
         "practices/vienna-anti-trafficking-working-group/", "contacts/", "contacts/hu/",
         "contribute/", "contribute/propose/", "about/glossary/", "about/translations/"]
RECORDER = """
window.__violations = [];
document.addEventListener('securitypolicyviolation', function (e) {
  window.__violations.push(e.violatedDirective + ' ' + e.blockedURI + ' ' + (e.sample || ''));
});
"""


def directives(html: str) -> dict[str, list[str]]:
    found = POLICY.search(html)
    assert found, "no Content-Security-Policy"
    return {part.split()[0]: part.split()[1:] for part in found.group(1).split("; ")}


def test_every_page_carries_a_policy_that_hashes_its_inline_scripts(built_site):
    pages = list(built_site.rglob("*.html"))
    assert len(pages) > 500
    for page in pages:
        html = page.read_text(encoding="utf-8")
        policy = directives(html)
        assert policy["default-src"] == ["'self'"], page
        assert policy["object-src"] == ["'none'"] and policy["base-uri"] == ["'self'"], page
        assert policy["form-action"] == ["'self'"], page
        scripts = policy["script-src"]
        assert "'unsafe-inline'" not in scripts and "'unsafe-eval'" not in scripts, page
        assert set(inline_script_hashes(html)) <= set(scripts), page
        assert '<meta name="referrer" content="no-referrer">' in html, page
        # the policy follows <meta charset>, which must come first
        assert html.index("Content-Security-Policy") < html.index("<title>"), page


def test_an_inline_script_without_its_hash_is_found(built_site):
    html = (built_site / "index.html").read_text(encoding="utf-8")
    tampered = html.replace("</body>", "<script>alert(1)</script></body>")
    assert not set(inline_script_hashes(tampered)) <= set(directives(tampered)["script-src"])


def _violations(page) -> list[str]:
    return page.evaluate("window.__violations")


@pytest.fixture
def recording(browser):
    context = browser.new_context()
    context.add_init_script(RECORDER)
    page = context.new_page()
    console = []
    page.on("console", lambda message: console.append(message.text)
            if "Content Security Policy" in message.text else None)
    yield page, console
    context.close()


@pytest.mark.browser
@pytest.mark.parametrize("locale", LOCALES)
def test_no_violation_on_any_kind_of_page(recording, site_url, locale):
    page, console = recording
    prefix = "" if locale == "en" else f"{locale}/"
    for kind in [*KINDS, "no-such-page/"]:
        page.goto(f"{site_url}/{prefix}{kind}", wait_until="networkidle")
        assert _violations(page) == [], (locale, kind)
    # search: the worker and the index
    page.goto(f"{site_url}/{prefix}", wait_until="networkidle")
    page.locator(".md-search__input").first.click(force=True)
    page.keyboard.type("traffic", delay=15)
    page.keyboard.press("End")
    page.wait_for_timeout(800)
    assert _violations(page) == [] and console == [], (locale, console)


@pytest.mark.browser
@pytest.mark.parametrize("path, query", [("index.html", "trafficking"), ("de/index.html", "Menschenhandel"),
                                         ("hu/practices/index.html", "emberkereskedelem")])
def test_the_offline_bundle_runs_its_search_under_the_policy(browser, unpacked, path, query):
    """From file://, Material's search worker runs in a frame (iframe-worker): its helper
    is a file (boot.js), not an inline script, so no violation and real results."""
    context = browser.new_context()
    context.add_init_script(RECORDER)
    page = context.new_page()
    try:
        page.goto((unpacked / path).as_uri(), wait_until="load")
        assert 'http-equiv="Content-Security-Policy"' in page.content()
        page.locator(".md-search__input").first.click(force=True)
        page.locator(".md-search__input").first.fill(query)
        page.keyboard.press("End")
        page.wait_for_selector(".md-search-result__item", timeout=15000)
        assert _violations(page) == []
    finally:
        context.close()
