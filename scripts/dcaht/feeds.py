"""The catalogue's Atom feed (RFC 4287), one per language: the good practices, newest first
(`added_on`), so that partners can follow additions. Written by the hooks after the build;
no MkDocs here. Without a site address (site_url) links stay relative to the feed."""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime, time
from pathlib import Path
from urllib.parse import urljoin
from xml.etree import ElementTree as ET

from .models import Practice

ATOM = "http://www.w3.org/2005/Atom"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "https://github.com/dcaht-guidelines/practices")
FEED_LIMIT = 50


def _stamp(day: date) -> str:
    return datetime.combine(day, time(0, 0), tzinfo=UTC).isoformat().replace("+00:00", "Z")


def practice_feed(practices: list[Practice], locale: str, title: str, author: str,
                  feed_url: str, page_url) -> bytes:
    """`page_url(practice)` gives the practice page's address (absolute or relative to
    the feed); `feed_url` the feed's own."""
    ET.register_namespace("", ATOM)
    newest = sorted(practices, key=lambda p: (p.added_on, p.id), reverse=True)[:FEED_LIMIT]
    feed = ET.Element(f"{{{ATOM}}}feed", {XML_LANG: locale})
    ET.SubElement(feed, f"{{{ATOM}}}id").text = f"urn:uuid:{uuid.uuid5(NAMESPACE, 'feed:' + locale)}"
    ET.SubElement(feed, f"{{{ATOM}}}title").text = title
    ET.SubElement(feed, f"{{{ATOM}}}updated").text = _stamp(newest[0].added_on if newest else date.today())
    ET.SubElement(ET.SubElement(feed, f"{{{ATOM}}}author"), f"{{{ATOM}}}name").text = author
    ET.SubElement(feed, f"{{{ATOM}}}link", {"rel": "self", "href": feed_url,
                                           "type": "application/atom+xml"})
    for practice in newest:
        entry = ET.SubElement(feed, f"{{{ATOM}}}entry")
        ET.SubElement(entry, f"{{{ATOM}}}id").text = f"urn:uuid:{uuid.uuid5(NAMESPACE, practice.id)}"
        title_lang = practice.title.language_for(locale)
        ET.SubElement(entry, f"{{{ATOM}}}title", {XML_LANG: title_lang}).text = practice.title.get(locale)
        ET.SubElement(entry, f"{{{ATOM}}}updated").text = _stamp(practice.added_on)
        ET.SubElement(entry, f"{{{ATOM}}}published").text = _stamp(practice.added_on)
        ET.SubElement(entry, f"{{{ATOM}}}link", {"rel": "alternate", "type": "text/html",
                                                "href": page_url(practice)})
        summary_lang = practice.summary.language_for(locale)
        ET.SubElement(entry, f"{{{ATOM}}}summary", {XML_LANG: summary_lang}).text = practice.summary.get(locale)
        ET.SubElement(entry, f"{{{ATOM}}}category", {"term": practice.country})
    return b'<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(feed, encoding="utf-8")


def write_practice_feeds(site_dir: Path, site_url: str, practices: list[Practice], locales,
                         default: str, title_for, author: str) -> list[Path]:
    """<locale>/practices/feed.xml for every built language."""
    written = []
    for locale in locales:
        prefix = "" if locale == default else f"{locale}/"
        folder = site_dir / prefix / "practices"
        if not folder.is_dir():
            continue
        feed_path = f"{prefix}practices/feed.xml"

        def page_url(practice, prefix=prefix):
            relative = f"{practice.id}/"
            return urljoin(site_url, f"{prefix}practices/{relative}") if site_url else relative

        feed_url = urljoin(site_url, feed_path) if site_url else "feed.xml"
        text = practice_feed(practices, locale, title_for(locale), author, feed_url, page_url)
        (folder / "feed.xml").write_bytes(text)
        written.append(folder / "feed.xml")
    return written
