"""Handout PDFs: tagged, in the page's language, A4, with title, address and date, and no
navigation; a trainer's pack with the country's contacts."""

from __future__ import annotations

import re
import subprocess
import sys
import unicodedata

import pytest
from conftest import copy_project, require_chromium, run_mkdocs_build

SITE_URL = "https://dcaht.example.org/"


@pytest.fixture(scope="module")
def handouts(tmp_path_factory):
    require_chromium()
    project = copy_project(tmp_path_factory.mktemp("handouts-project"))
    site = tmp_path_factory.mktemp("handouts-site")
    result = run_mkdocs_build(project, site, {"DCAHT_HANDOUTS": "1", "SITE_URL": SITE_URL})
    assert result.returncode == 0, result.stderr
    made = subprocess.run(
        [sys.executable, "-m", "dcaht.cli", "handouts", "--site", str(site), "--country", "AT",
         "--languages", "en", "de"], cwd=project, capture_output=True, text=True, timeout=900)
    assert made.returncode == 0, made.stdout + made.stderr
    assert "s per PDF" in made.stdout
    return site


def read_pdf(path):
    from pypdf import PdfReader

    reader = PdfReader(str(path))
    text = "\n".join(page.extract_text() or "" for page in reader.pages)
    return reader, " ".join(unicodedata.normalize("NFKC", text).split())


@pytest.mark.browser
@pytest.mark.parametrize("locale, chapter, title, date_pattern", [
    ("en", "identification", "Identifying presumed victims", r"\b[A-Z][a-z]+ \d{1,2}, \d{4}\b"),
    ("de", "mapping", "Bestandsaufnahme", r"\b\d{1,2}\. [A-ZÄÖÜ][a-zäöü]+ \d{4}\b"),
])
def test_chapter_handout_pdf(handouts, locale, chapter, title, date_pattern):
    reader, text = read_pdf(handouts / "handouts" / locale / f"{chapter}.pdf")
    root = reader.trailer["/Root"]
    assert bool(root.get("/MarkInfo", {}).get("/Marked")), "the PDF is not tagged"
    assert "/StructTreeRoot" in root
    assert root.get("/Lang") == locale
    width, height = (float(v) for v in reader.pages[0].mediabox[2:])
    assert abs(width - 595.3) < 2 and abs(height - 841.9) < 2, (width, height)
    assert title in (reader.metadata.title or "")
    assert title in text
    prefix = "" if locale == "en" else f"{locale}/"
    assert f"{SITE_URL}{prefix}guidelines/{chapter}/" in text.replace(" ", "") or \
        f"{SITE_URL}{prefix}guidelines/{chapter}/" in text
    assert re.search(date_pattern, text), "no date in the handout"
    provenance = {"en": "not the official D-CAHT text", "de": "nicht der offizielle D-CAHT-Text"}[locale]
    assert provenance in text, "the origin block does not say whose text this is"
    for navigation in ("Skip to content", "Translation status", "Accessibility statement"):
        assert navigation not in text


def test_chapter_pages_link_their_handout(handouts):
    page = (handouts / "de/guidelines/mapping/index.html").read_text(encoding="utf-8")
    href = re.search(r'<p class="dcaht-handout-link"><a href="([^"]+)"', page).group(1)
    assert (handouts / "de/guidelines/mapping" / href).resolve() == \
        (handouts / "handouts/de/mapping.pdf").resolve()


@pytest.mark.browser
def test_trainers_pack_adds_practices_and_the_countrys_contacts(handouts):
    _, chapter = read_pdf(handouts / "handouts/en/cooperation-mechanism.pdf")
    _, pack = read_pdf(handouts / "handouts/en/cooperation-mechanism-at.pdf")
    assert len(pack) > len(chapter)
    assert "Austria" in pack
    assert pack.count("What was done") >= 2  # the related practices' pages
    assert "Vienna" in pack and "Menschenrechtsbüro" in pack  # ... and Austria's contacts
