"""Page weight as a reader's browser meets it (used by `dcaht bench`).

Headless Chromium loads each page from a local server and records every request until
the network is idle: how many, the bytes a server would send gzip-compressed (text types
compressed at level 6, images and fonts as they are), failed requests (network errors
and HTTP 4xx/5xx) and console errors. A second figure is what the first search adds:
typing a word into the search box loads the worker, lunr and the language's index.
"""

from __future__ import annotations

import gzip
from dataclasses import dataclass, field
from pathlib import Path

COMPRESSIBLE = ("text/", "application/javascript", "application/json", "image/svg+xml",
                "application/xml", "application/manifest+json")


@dataclass
class Weight:
    path: str
    requests: int = 0
    raw_bytes: int = 0
    gzip_bytes: int = 0
    failed: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)
    search_requests: int = 0
    search_gzip_bytes: int = 0


def _wire_size(body: bytes, content_type: str) -> int:
    if any(content_type.startswith(prefix) for prefix in COMPRESSIBLE):
        return len(gzip.compress(body, compresslevel=6))
    return len(body)


def _recorder(page, weight: Weight, phase: str):
    def on_response(response):
        try:
            body = response.body()
        except Exception:  # a redirect or an aborted load has no body
            body = b""
        size = _wire_size(body, response.headers.get("content-type", ""))
        if phase == "page":
            weight.requests += 1
            weight.raw_bytes += len(body)
            weight.gzip_bytes += size
        else:
            weight.search_requests += 1
            weight.search_gzip_bytes += size
        if response.status >= 400:
            weight.failed.append(f"{response.status} {response.url}")
    return on_response


def measure(site_dir: Path, paths: list[str], search_word: dict[str, str] | None = None) -> list[Weight]:
    """Load each path (relative to the site root); `search_word` maps a path to a word to
    search for afterwards (the first search's extra bytes)."""
    from playwright.sync_api import sync_playwright

    from .handouts import CHROMIUM, CHROMIUM_ARGS, serve

    weights = []
    with serve(site_dir) as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for path in paths:
            weight = Weight(path)
            context = browser.new_context()
            page = context.new_page()
            handler = _recorder(page, weight, "page")
            page.on("response", handler)
            page.on("requestfailed", lambda request, w=weight: w.failed.append(f"failed {request.url}"))
            page.on("console", lambda message, w=weight: w.console_errors.append(message.text)
                    if message.type == "error" else None)
            page.on("pageerror", lambda error, w=weight: w.console_errors.append(str(error)))
            page.goto(f"{base}/{path}", wait_until="load")
            # a long page can go quiet while it is still parsed: wait for both, then
            # let the last responses' events arrive
            page.wait_for_load_state("networkidle")
            page.wait_for_timeout(250)
            word = (search_word or {}).get(path)
            if word:
                page.remove_listener("response", handler)
                page.on("response", _recorder(page, weight, "search"))
                page.locator(".md-search__input").first.click(force=True)
                page.keyboard.type(word, delay=10)
                page.keyboard.press("End")
                page.wait_for_selector(".md-search-result__item", timeout=15000)
                page.wait_for_load_state("networkidle")
            weights.append(weight)
            context.close()
        browser.close()
    return weights
