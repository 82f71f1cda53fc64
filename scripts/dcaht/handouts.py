"""Handout PDFs of every chapter in every language, and the whole guide, printed by
headless Chromium and made PDF/UA-clean by pdf_access.

Chromium prints the built page with the site's print CSS (print.css): A4, no navigation,
collapsed blocks opened, external addresses after links, and the origin block (site,
address with QR code, last change, language). Its PDFs are tagged and carry the page's
language (/Lang) and title; pdf_access adds what Chromium leaves out (artifacts, link
descriptions, XMP identification, /Lang on text in another language), from facts the
page reports just before printing (FACTS_SCRIPT).

A trainer's pack (`--country AT`) appends the chapter's related good practices and that
country's contacts page (contacts/<cc>/: urgent help, then its contacts).

The whole guide (guide.pdf) is one page assembled in the browser: a cover with the origin
block, a table of contents, then every chapter. Chromium cannot compute page numbers in
CSS, so it is printed once, the page of every chapter and section is read from the PDF's
named destinations (the table of contents links to them), the numbers are filled in and
the page is printed again, until the numbers no longer move.
"""

from __future__ import annotations

import functools
import http.server
import io
import re
import threading
import time
from collections.abc import Callable
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import segno

from . import pdf_access
from .chapters import chapter_slugs

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run",
                 "--disable-quic"]

PDF_OPTIONS = {"format": "A4", "print_background": True, "prefer_css_page_size": True,
               "tagged": True, "outline": True}
# The guide's page numbers, in the bottom margin (pdf_access marks them as artifacts).
GUIDE_FOOTER = ('<div style="width:100%;text-align:center;font:8pt sans-serif;color:#333">'
                '<span class="pageNumber"></span></div>')
GUIDE_FILE = "guide.pdf"
GUIDE_PASSES = 4

# Helpers every printed page gets (window.dcahtHandout): fetch another page and adopt its
# article (absolute addresses, ids prefixed so that "#sources" of two pages stay apart),
# turn links to pages inside the PDF into internal links and links to other pages of the
# local copy into the published address (from <link rel="canonical">).
HELPERS_SCRIPT = r"""
() => {
  if (window.dcahtHandout) return;
  const article = () => document.querySelector("article.md-content__inner") || document.body;
  const canonical = document.querySelector('link[rel="canonical"]');
  const here = location.pathname;
  const siteUrl = canonical && canonical.href.endsWith(here.slice(1))
    ? canonical.href.slice(0, canonical.href.length - here.length + 1) : null;
  const SKIP = ".dcaht-print-origin, .dcaht-provenance-note, .dcaht-handout-link, .dcaht-back, " +
    ".md-source-file, .md-content__button, script";
  const REFS = ["for", "aria-labelledby", "aria-describedby", "aria-controls", "headers"];
  const fetchDoc = async (url) => {
    const response = await fetch(url);
    if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
    return new DOMParser().parseFromString(await response.text(), "text/html");
  };
  const adopt = (doc, url, prefix, selector) => {
    const wrapper = document.createElement("section");
    wrapper.id = prefix;
    const source = doc.querySelector(selector || "article.md-content__inner");
    if (!source) throw new Error(`${url}: nothing matches ${selector || "the article"}`);
    for (const node of selector ? [source] : [...source.childNodes]) {
      wrapper.appendChild(document.importNode(node, true));
    }
    wrapper.querySelectorAll(SKIP).forEach((node) => node.remove());
    const page = new URL(url, location.href);
    wrapper.querySelectorAll("[href]").forEach((link) => {
      const target = new URL(link.getAttribute("href"), page);
      const samePage = target.origin === page.origin && target.pathname === page.pathname;
      link.setAttribute("href", samePage && target.hash ? "#" + prefix + "--" + target.hash.slice(1) : target.href);
    });
    wrapper.querySelectorAll("[src]").forEach((node) => node.setAttribute("src", new URL(node.getAttribute("src"), page).href));
    wrapper.querySelectorAll("[id]").forEach((node) => { if (node !== wrapper) node.id = prefix + "--" + node.id; });
    for (const name of REFS) {
      wrapper.querySelectorAll(`[${name}]`).forEach((node) => node.setAttribute(name,
        node.getAttribute(name).split(/\s+/).filter(Boolean).map((id) => prefix + "--" + id).join(" ")));
    }
    return wrapper;
  };
  const internalize = (root, pages) => {
    root.querySelectorAll("a[href]").forEach((link) => {
      if (link.getAttribute("href").startsWith("#")) return;
      const target = new URL(link.getAttribute("href"), location.href);
      const prefix = target.origin === location.origin && pages[target.pathname];
      if (prefix) link.setAttribute("href", "#" + prefix + (target.hash ? "--" + target.hash.slice(1) : ""));
    });
  };
  const publicize = (root) => {
    root.querySelectorAll("a[href]").forEach((link) => {
      const raw = link.getAttribute("href");
      if (raw.startsWith("#")) return;
      const target = new URL(raw, location.href);
      if (target.origin !== location.origin) return;
      if (target.pathname === here && target.hash) link.setAttribute("href", target.hash);
      else if (siteUrl) link.setAttribute("href", siteUrl + target.pathname.slice(1) + target.search + target.hash);
    });
  };
  const imagesLoaded = () => Promise.all([...document.images].filter((img) => !img.complete)
    .map((img) => new Promise((done) => { img.onload = img.onerror = done; })));
  window.dcahtHandout = { article, siteUrl, fetchDoc, adopt, internalize, publicize, imagesLoaded };
}
"""

# Appends the related practices and one country's contacts page to the chapter (trainer's pack).
PACK_SCRIPT = r"""
async ([country, contactsUrl]) => {
  const H = window.dcahtHandout;
  const article = H.article();
  const related = document.getElementById("related");
  const links = [];
  if (related) {
    for (let node = related.nextElementSibling; node && node.tagName !== "H2"; node = node.nextElementSibling) {
      node.querySelectorAll("a[href]").forEach((a) => {
        if (/\/practices\/[^/]+\/$/.test(new URL(a.href).pathname)) links.push(a.href.split("#")[0]);
      });
    }
  }
  const pages = {};
  for (const url of [...new Set(links)]) {
    const slug = new URL(url).pathname.split("/").filter(Boolean).pop();
    const part = H.adopt(await H.fetchDoc(url), url, "practice-" + slug, "article.dcaht-practice");
    part.classList.add("dcaht-handout-part");
    article.appendChild(part);
    pages[new URL(url).pathname] = part.id;
  }
  const contacts = H.adopt(await H.fetchDoc(contactsUrl), contactsUrl, "contacts-" + country.toLowerCase());
  if (!contacts.querySelector("h1")) throw new Error(contactsUrl + ": no contacts page");
  contacts.classList.add("dcaht-handout-part");
  article.appendChild(contacts);
  pages[new URL(contactsUrl).pathname] = contacts.id;
  H.internalize(article, pages);
  return links.length;
}
"""

# The whole guide: a cover (the newest chapter's origin block with the guide's address),
# a table of contents and every chapter, in the first chapter's page. Returns the ids the
# table of contents links to.
GUIDE_SCRIPT = r"""
async ({chapters, title, contents, address, qrSvg}) => {
  const H = window.dcahtHandout;
  const article = H.article();
  const siteName = (document.querySelector(".md-header__topic .md-ellipsis") || {}).textContent || "";
  const docs = await Promise.all(chapters.map((chapter) => H.fetchDoc(chapter.url)));
  const make = (tag, className, text) => {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  };
  const headingText = (heading) => {
    const copy = heading.cloneNode(true);
    copy.querySelectorAll(".headerlink").forEach((node) => node.remove());
    return copy.textContent.replace(/\s+/g, " ").trim();
  };

  const cover = make("section", "dcaht-guide-cover");
  cover.append(make("h1", "dcaht-guide-cover__site", siteName.trim()), make("p", "dcaht-guide-cover__title", title));
  let newest = null;
  for (const doc of docs) {
    const origin = doc.querySelector(".dcaht-print-origin");
    const date = origin && origin.querySelector("time[datetime]");
    if (date && (!newest || date.getAttribute("datetime") > newest.date)) newest = { date: date.getAttribute("datetime"), origin };
  }
  if (newest) {
    const origin = document.importNode(newest.origin, true);
    origin.querySelector("[data-dcaht-print-address]").textContent = address;
    const code = origin.querySelector("svg");
    if (code) code.remove();
    if (qrSvg) origin.prepend(document.importNode(new DOMParser().parseFromString(qrSvg, "text/html").querySelector("svg"), true));
    cover.appendChild(origin);
  }

  const toc = make("nav", "dcaht-guide-toc");
  toc.setAttribute("aria-labelledby", "dcaht-guide-contents");
  const tocHeading = make("h2", "", contents);
  tocHeading.id = "dcaht-guide-contents";
  const list = make("ol");
  toc.append(tocHeading, list);
  const entry = (heading, text, target) => {
    const item = make("li");
    const row = make("span", "dcaht-guide-toc__row");
    const link = make("a", "", text);
    link.setAttribute("href", "#" + target);
    // a chapter still in English (fallback) is listed as English
    const holder = heading && heading.closest("[lang]");
    if (holder && holder.closest(".dcaht-guide-chapter")) link.setAttribute("lang", holder.getAttribute("lang"));
    const number = make("span", "dcaht-guide-toc__page");
    number.dataset.dcahtTocTarget = target;
    row.append(link, number);
    item.appendChild(row);
    return item;
  };
  const targets = [];
  const pages = {};
  const sections = chapters.map((chapter, index) => {
    const section = H.adopt(docs[index], chapter.url, chapter.slug);
    section.classList.add("dcaht-guide-chapter");
    const h1 = section.querySelector("h1");
    const item = entry(h1, h1 ? headingText(h1) : chapter.slug, chapter.slug);
    targets.push(chapter.slug);
    const sub = make("ol");
    section.querySelectorAll("h2[id]").forEach((h2) => { sub.appendChild(entry(h2, headingText(h2), h2.id)); targets.push(h2.id); });
    if (sub.children.length) item.appendChild(sub);
    list.appendChild(item);
    pages[new URL(chapter.url, location.href).pathname] = chapter.slug;
    return section;
  });
  article.replaceChildren(cover, toc, ...sections);
  H.internalize(article, pages);
  document.title = siteName.trim() + " – " + title;
  await H.imagesLoaded();
  return targets;
}
"""

FILL_PAGE_NUMBERS_SCRIPT = """
(numbers) => document.querySelectorAll("[data-dcaht-toc-target]").forEach((node) => {
  node.textContent = numbers[node.dataset.dcahtTocTarget] || "";
})
"""

# What the PDF needs to know from the page, collected just before printing: the title,
# the language, every visible link's accessible name (by target, in document order) and
# the text in another language, repainted in marker colours (see pdf_access).
FACTS_SCRIPT = r"""
([red, green]) => {
  const root = window.dcahtHandout.article();
  const pageLanguage = document.documentElement.lang || "";
  const primary = (tag) => (tag || "").toLowerCase().split("-")[0];
  const links = {};
  root.querySelectorAll("a[href]").forEach((link) => {
    if (!link.getClientRects().length) return;
    const raw = link.getAttribute("href");
    const key = raw.startsWith("#") ? "#" + decodeURIComponent(raw.slice(1)) : link.href;
    const name = (link.getAttribute("aria-label") || link.innerText || "").replace(/\s+/g, " ").trim()
      || [...link.querySelectorAll("img[alt]")].map((img) => img.alt).join(" ").trim()
      || link.title || link.href;
    (links[key] = links[key] || []).push(name);
  });
  const marks = [];
  const markIndex = new Map();
  const affected = new Set();
  root.querySelectorAll("[lang]").forEach((holder) => {
    if (primary(holder.getAttribute("lang")) === primary(pageLanguage)) return;
    affected.add(holder);
    holder.querySelectorAll("*").forEach((node) => affected.add(node));
  });
  const colours = new Map([...affected].map((node) => [node, getComputedStyle(node).color]));
  for (const node of affected) {
    const language = node.closest("[lang]").getAttribute("lang");
    const colour = colours.get(node);
    const parts = (colour.match(/[\d.]+/g) || ["0", "0", "0"]).map(Number);
    if (primary(language) === primary(pageLanguage) || parts.length < 3) {
      node.style.setProperty("color", colour, "important");
      continue;
    }
    const key = language + "|" + parts.slice(0, 3).join(",");
    if (!markIndex.has(key)) {
      if (marks.length >= 255) continue;
      marks.push([language, parts.slice(0, 3).map((value) => value / 255)]);
      markIndex.set(key, marks.length);
    }
    const alpha = parts.length > 3 ? parts[3] : 1;
    node.style.setProperty("color", `rgba(${red}, ${green}, ${markIndex.get(key)}, ${alpha})`, "important");
  }
  const headings = [...root.querySelectorAll("h1, h2, h3, h4, h5, h6")].filter((h) => h.getClientRects().length)
    .map((heading) => {
      const copy = heading.cloneNode(true);
      copy.querySelectorAll(".headerlink").forEach((node) => node.remove());
      return copy.textContent.replace(/\s+/g, " ").trim();
    });
  return { title: document.title, language: pageLanguage, links, marks, headings };
}
"""


@dataclass
class Handout:
    path: Path
    seconds: float
    report: pdf_access.AccessReport | None = None


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


def _open(page, url: str) -> None:
    page.goto(url, wait_until="networkidle")
    page.emulate_media(media="print")
    page.evaluate(HELPERS_SCRIPT)


def _facts(page) -> pdf_access.PageFacts:
    # page.pdf() fires beforeprint/afterprint too: print.js's preparation is idempotent,
    # and it treats links to the published site (after publicize) as internal.
    page.evaluate("window.dcahtPreparePrint()")
    page.evaluate("window.dcahtHandout.publicize(window.dcahtHandout.article())")
    facts = page.evaluate(FACTS_SCRIPT, list(pdf_access.LANGUAGE_MARKER))
    return pdf_access.PageFacts(
        title=facts["title"], language=facts["language"], links=facts["links"],
        language_marks=[(language, tuple(colour)) for language, colour in facts["marks"]],
        headings=facts["headings"])


def _finish(target: Path, pdf: bytes, facts: pdf_access.PageFacts) -> pdf_access.AccessReport:
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(pdf)
    return pdf_access.make_accessible(target, facts)


def _print_chapter(page, url: str, target: Path, pack: list[str] | None = None) -> Handout:
    started = time.perf_counter()
    _open(page, url)
    if pack:
        page.evaluate(PACK_SCRIPT, pack)
    facts = _facts(page)
    report = _finish(target, page.pdf(display_header_footer=False, **PDF_OPTIONS), facts)
    return Handout(target, time.perf_counter() - started, report)


def _print_guide(page, urls: list[tuple[str, str]], target: Path, labels: dict, address: str) -> Handout:
    """Cover, contents and every chapter; printed until the contents' page numbers are
    those of the PDF."""
    started = time.perf_counter()
    _open(page, urls[0][1])
    qr_svg = segno.make(address, error="m").svg_inline(scale=3, border=2, title=address, dark="#000",
                                                       light="#fff") if address else ""
    targets = page.evaluate(GUIDE_SCRIPT, {
        "chapters": [{"slug": slug, "url": url} for slug, url in urls], "title": labels["title"],
        "contents": labels["contents"], "address": address, "qrSvg": qr_svg})
    facts = _facts(page)
    options = dict(PDF_OPTIONS, display_header_footer=True, header_template="<span></span>",
                   footer_template=GUIDE_FOOTER)
    numbers: dict[str, int] = {}
    for _ in range(GUIDE_PASSES):
        pdf = page.pdf(**options)
        found = pdf_access.destination_pages(io.BytesIO(pdf), targets)
        if found == numbers:
            break
        numbers = found
        page.evaluate(FILL_PAGE_NUMBERS_SCRIPT, numbers)
    else:
        raise RuntimeError(f"{target}: the contents' page numbers did not settle in {GUIDE_PASSES} prints")
    missing = sorted(set(targets) - set(numbers))
    if missing:
        raise RuntimeError(f"{target}: no page found for {', '.join(missing)} (Chromium wrote no destination)")
    report = _finish(target, pdf, facts)
    return Handout(target, time.perf_counter() - started, report)


def _canonical(html_file: Path) -> str:
    """The published address of a built page (its <link rel="canonical">), or ""."""
    if not html_file.is_file():
        return ""
    found = re.search(r'<link rel="canonical" href="([^"]+)"', html_file.read_text(encoding="utf-8"))
    return found.group(1) if found else ""


def build_handouts(site_dir: Path, docs_dir: Path, locales: list[str], default: str,
                   country: str | None = None, label: Callable[[str, str], str] | None = None,
                   chapters: list[str] | None = None, guide: bool = True) -> list[Handout]:
    """Print the chapters (and packs) and the whole guide of each language; `label(key,
    locale)` gives the guide's interface texts (data/ui.yml). `chapters`: only these
    chapters' handouts (None: all; [] none)."""
    from playwright.sync_api import sync_playwright

    if guide and label is None:
        raise ValueError("the whole guide needs its labels (label=...)")
    slugs = chapter_slugs(docs_dir)
    made = []
    with serve(site_dir) as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page()
        # With site_url set, Material looks up sitemaps on the published site: stay local.
        page.route(re.compile(r"^https?://(?!127\.0\.0\.1[:/])"), lambda route: route.abort())
        for locale in locales:
            prefix = "" if locale == default else f"{locale}/"
            folder = site_dir / "handouts" / locale
            urls = [(slug, f"{base}/{prefix}guidelines/{slug}/") for slug in slugs]
            for slug, url in urls:
                if chapters is not None and slug not in chapters:
                    continue
                made.append(_print_chapter(page, url, folder / f"{slug}.pdf"))
                if country:
                    pack = [country, f"{base}/{prefix}contacts/{country.lower()}/"]
                    made.append(_print_chapter(page, url, folder / f"{slug}-{country.lower()}.pdf", pack))
            if guide and urls:
                labels = {"title": label("guide_title", locale), "contents": label("guide_contents", locale)}
                address = _canonical(site_dir / prefix / "guidelines" / "index.html")
                made.append(_print_guide(page, urls, folder / GUIDE_FILE, labels, address))
        browser.close()
    return made
