"""Handout PDFs of every chapter in every language, printed by headless Chromium.

Chromium prints the built page with the site's print CSS (print.css): A4, no navigation,
collapsed blocks opened, external addresses after links, and the origin block (site,
address with QR code, last change, language). Its PDFs are tagged and carry the page's
language (/Lang) and title. A trainer's pack (`--country AT`) appends the chapter's related
good practices and that country's contacts to the chapter before printing.
"""

from __future__ import annotations

import functools
import http.server
import re
import threading
import time
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from .chapters import chapter_slugs

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run",
                 "--disable-quic"]

# Appends the related practices and one country's contacts to the chapter (trainer's pack).
PACK_SCRIPT = """
async ([country, contactsUrl]) => {
  const article = document.querySelector("article.md-content__inner");
  const parse = async (url) => new DOMParser().parseFromString(await (await fetch(url)).text(), "text/html");
  const related = document.getElementById("related");
  const links = [];
  if (related) {
    for (let node = related.nextElementSibling; node && !/^H2$/.test(node.tagName); node = node.nextElementSibling) {
      node.querySelectorAll("a[href*='practices/']").forEach(a => links.push(a.href));
    }
  }
  for (const url of [...new Set(links)]) {
    const practice = (await parse(url)).querySelector("article.dcaht-practice");
    if (practice) { practice.style.breakBefore = "page"; article.appendChild(practice); }
  }
  const contacts = await parse(contactsUrl);
  const heading = contacts.querySelector("h1").textContent.replace("¶", "").trim();
  const section = contacts.getElementById("country-" + country.toLowerCase());
  const wrapper = document.createElement("section");
  wrapper.style.breakBefore = "page";
  const title = document.createElement("h2");
  title.textContent = heading + (section ? ": " + section.textContent.replace("¶", "").trim() : "");
  wrapper.appendChild(title);
  if (section && section.nextElementSibling) wrapper.appendChild(section.nextElementSibling.cloneNode(true));
  article.appendChild(wrapper);
  return links.length;
}
"""


@dataclass
class Handout:
    path: Path
    seconds: float


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    """Quiet, and like a static host (GitHub Pages, Netlify): a missing address gets the
    site's 404.html with status 404."""

    def log_message(self, *args):
        pass

    def send_error(self, code, message=None, explain=None):
        page = Path(self.directory) / "404.html"
        if code != 404 or not page.is_file():
            return super().send_error(code, message, explain)
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)


@contextmanager
def serve(folder: Path):
    handler = functools.partial(_QuietHandler, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()


def _print(page, url: str, target: Path, pack: list[str] | None = None) -> float:
    started = time.perf_counter()
    page.goto(url, wait_until="networkidle")
    page.emulate_media(media="print")
    if pack:
        page.evaluate(PACK_SCRIPT, pack)
    page.evaluate("window.dcahtPreparePrint()")
    target.parent.mkdir(parents=True, exist_ok=True)
    page.pdf(path=str(target), format="A4", print_background=True, prefer_css_page_size=True,
             display_header_footer=False, tagged=True, outline=True)
    return time.perf_counter() - started


def build_handouts(site_dir: Path, docs_dir: Path, locales: list[str], default: str,
                   country: str | None = None) -> list[Handout]:
    from playwright.sync_api import sync_playwright

    made = []
    with serve(site_dir) as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page()
        # With site_url set, Material looks up sitemaps on the published site: stay local.
        page.route(re.compile(r"^https?://(?!127\.0\.0\.1[:/])"), lambda route: route.abort())
        for locale in locales:
            prefix = "" if locale == default else f"{locale}/"
            for slug in chapter_slugs(docs_dir):
                url = f"{base}/{prefix}guidelines/{slug}/"
                target = site_dir / "handouts" / locale / f"{slug}.pdf"
                made.append(Handout(target, _print(page, url, target)))
                if country:
                    target = site_dir / "handouts" / locale / f"{slug}-{country.lower()}.pdf"
                    pack = [country, f"{base}/{prefix}contacts/"]
                    made.append(Handout(target, _print(page, url, target, pack)))
        browser.close()
    return made
