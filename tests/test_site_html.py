"""The built site as a reader meets it: languages, navigation, data pages, downloads,
and nothing that leaves the machine."""

from __future__ import annotations

import csv
import html
import io
import re

from conftest import ROOT
from dcaht import project

LOCALES = project.locales(ROOT)


def read(site, path):
    return (site / path).read_text(encoding="utf-8")


def prefix(locale):
    return "" if locale == "en" else f"{locale}/"


def test_eleven_languages_are_built(built_site):
    assert LOCALES == ["en", "de", "cs", "sk", "hu", "sl", "hr", "sr", "ro", "bg", "uk"]
    for locale in LOCALES:
        html = read(built_site, f"{prefix(locale)}index.html")
        assert f'<html lang="{locale}"' in html


def test_every_chapter_in_every_language_says_whose_text_it_is(built_site):
    """One quiet line at the top of every chapter, in the reader's language, linking to
    About's "Whose text is this?"; nothing presents the chapters as the official text."""
    from dcaht.chapters import chapter_slugs

    vocabulary = project_labels()
    for locale in LOCALES:
        note = html.escape(vocabulary["provenance_note"].get(locale) or vocabulary["provenance_note"]["en"], quote=False)
        for slug in chapter_slugs(ROOT / "docs"):
            page = read(built_site, f"{prefix(locale)}guidelines/{slug}/index.html")
            match = re.search(r'<p class="dcaht-provenance-note" data-provenance>(.*?)</p>', page, re.S)
            assert match, (locale, slug)
            assert note in match.group(1), (locale, slug)
            assert 'about/#whose-text"' in match.group(1), (locale, slug)
            # before the chapter's heading, not buried below it
            assert page.index("data-provenance>") < page.index("<h1")
        home = read(built_site, f"{prefix(locale)}index.html")
        assert 'id="whose-text"' in home and "data-provenance" in home, locale
    about = read(built_site, "about/index.html")
    words = " ".join(re.sub(r"<[^>]+>", "", about).split())  # abbreviations are wrapped in <abbr>
    assert 'id="whose-text"' in about and "not the official D-CAHT guidelines" in words


def project_labels():
    import yaml

    return yaml.safe_load((ROOT / "data/ui.yml").read_text(encoding="utf-8"))["labels"]


def test_no_text_claims_d_caht_authorship():
    """The phrases a fact-check found, in any language's source, must not come back."""
    patterns = [r"D-CAHT[^.\n]{0,40}(produced|drafted) these guidelines", r"these guidelines come from D-CAHT",
                r"guidelines come from \*\*Danube Cities", r"D-CAHT guidelines ask", r"aus ihr stammen diese",
                r"Leitfaden stammt von", r"took up this approach", r"diesen Leitfaden \(auf Grundlage"]
    for path in [*(ROOT / "docs").rglob("*.md"), *(ROOT / "data").rglob("*.yml"), ROOT / "README.md"]:
        text = path.read_text(encoding="utf-8")
        for pattern in patterns:
            assert not re.search(pattern, text, re.I), (path, pattern)


def test_home_page_says_what_who_and_where(built_site):
    html = read(built_site, "index.html")
    for text in ("Danube Cities Against Human Trafficking", "Priority Area 10",
                 "Priority Area 11", "STROM", 'href="guidelines/"', 'href="practices/"',
                 'href="contacts/"'):
        assert text in html, text


def test_navigation_sections_in_english_and_german(built_site):
    en = read(built_site, "index.html")
    for section in ("Guidelines", "Good practices", "Contacts", "Contribute", "About"):
        assert re.search(rf">\s*{section}\s*<", en), section
    de = read(built_site, "de/index.html")
    for section in ("Leitfaden", "Beispiele guter Praxis", "Kontakte", "Mitwirken", "Über"):
        assert re.search(rf">\s*{section}\s*<", de), section


def test_chapters_have_their_own_urls(built_site):
    for slug in ("what-is-trafficking", "identification", "action-plan"):
        assert (built_site / "guidelines" / slug / "index.html").is_file()
        assert (built_site / "de/guidelines" / slug / "index.html").is_file()


def test_no_reference_to_a_third_party_resource(built_site):
    """Scripts, styles, fonts and images load from the site only (links may point out)."""
    resource = re.compile(r'<(?:script|img|link|iframe|source)\b[^>]*?(?:src|href)="(https?:)?//', re.I)
    offenders = []
    for page in built_site.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        if resource.search(text.replace('rel="canonical"', "")):
            offenders.append(str(page.relative_to(built_site)))
    assert not offenders, offenders[:5]
    for css in built_site.rglob("*.css"):
        assert "fonts.googleapis" not in css.read_text(encoding="utf-8")


def test_practice_pages_exist_in_every_language_and_stay_out_of_the_nav(built_site):
    practices = sorted(p.stem for p in (ROOT / "data/practices").glob("*.yml"))
    assert practices
    for locale in LOCALES:
        for practice in practices:
            assert (built_site / prefix(locale) / "practices" / practice / "index.html").is_file()
    chapter = read(built_site, "guidelines/mapping/index.html")
    nav = chapter.split("md-nav--primary", 1)[1].split("</nav>", 1)[0]
    assert not any(f"practices/{p}/" in nav for p in practices)


def test_practice_page_labels_in_the_build_language(built_site):
    practice = sorted(p.stem for p in (ROOT / "data/practices").glob("*.yml"))[0]
    de = read(built_site, f"de/practices/{practice}/index.html")
    assert "Quellen geprüft" in de and "Quellen" in de
    hu = read(built_site, f"hu/practices/{practice}/index.html")
    assert "Sources checked" not in hu
    assert 'lang="en"' in hu  # English data text on a Hungarian page is marked as English


def test_catalogue_lists_every_practice_with_filters(built_site):
    html = read(built_site, "practices/index.html")
    practices = list((ROOT / "data/practices").glob("*.yml"))
    assert html.count('class="dcaht-cards__item"') == html.count('class="dcaht-card"') == len(practices)
    for name in ("country", "sector", "form", "target_group"):
        assert f'name="{name}"' in html


def test_contacts_show_sources_and_when_they_were_checked(built_site):
    # the directory page (Europe-wide bodies) and one page per country
    pages = [read(built_site, "contacts/index.html")]
    pages += [p.read_text(encoding="utf-8") for p in sorted((built_site / "contacts").glob("??/index.html"))]
    assert len(pages) == 15
    entries = sum(html.count('class="dcaht-contact"') for html in pages)
    assert entries >= 90
    assert sum(html.count('class="dcaht-checked"') for html in pages) == entries
    assert sum(html.count('class="dcaht-provenance"') for html in pages) == entries
    assert 'id="international"' in pages[0] and 'href="at/"' in pages[0]
    de = read(built_site, "de/contacts/at/index.html")
    assert "Quellen geprüft" in de


def test_no_page_claims_a_verification_nobody_made(built_site):
    """A desk check of public pages is "sources checked"; "confirmed by the organisation"
    appears only where an entry records a confirmation, and "last verified" nowhere."""
    from dcaht.catalogue import load_catalogue

    catalogue, _ = load_catalogue(ROOT)
    confirmed = [c for c in catalogue.contacts.values() if c.confirmed]
    html = read(built_site, "contacts/index.html")
    assert html.count("data-dcaht-confirmed") == len(confirmed)
    for page in built_site.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        assert "Last verified" not in text and "Zuletzt geprüft" not in text, page


def test_contacts_csv_and_vcard(built_site):
    rows = list(csv.DictReader(io.StringIO(read(built_site, "contacts/dcaht-contacts.csv"))))
    assert len(rows) >= 25
    assert {"id", "name", "website", "assured_date", "sources", "sources_checked_on"} <= set(rows[0])
    # "assured" (HSDS) means the organisation confirmed the entry: never filled by a desk check
    from dcaht.catalogue import load_catalogue

    catalogue, _ = load_catalogue(ROOT)
    for row in rows:
        contact = catalogue.contacts[row["id"]]
        assert row["sources_checked_on"] == contact.sources_checked_on.isoformat()
        assert row["assured_date"] == (contact.confirmed.on.isoformat() if contact.confirmed else "")
    # a website is optional (a hotline may have none); a source never is
    assert all(row["website"].startswith("http") or not row["website"] for row in rows)
    assert all(row["sources"] for row in rows)
    vcf = read(built_site, "contacts/dcaht-contacts.vcf")
    assert vcf.count("BEGIN:VCARD") == len(rows) == vcf.count("END:VCARD")
    assert "VERSION:4.0" in vcf
    for locale in ("en", "de"):
        page = read(built_site, f"{prefix(locale)}contacts/index.html")
        href = re.search(r'href="([^"]*dcaht-contacts\.csv)"', page).group(1)
        base = built_site / prefix(locale) / "contacts"
        assert (base / href).resolve().is_file()


def test_glossary_abbreviations_become_tooltips(built_site):
    english = read(built_site, "guidelines/what-is-trafficking/index.html")
    assert re.search(r'<abbr title="[^"]+">THB</abbr>', english)
    from dcaht.catalogue import load_catalogue

    catalogue, _ = load_catalogue(ROOT)
    german = {t.abbreviation: t.term.get("de") for t in catalogue.glossary if t.abbreviation}
    de = read(built_site, "de/guidelines/what-is-trafficking/index.html")
    found = re.findall(r'<abbr title="([^"]+)">([^<]+)</abbr>', de)
    assert found
    for title, abbreviation in found:
        assert title == html.escape(german[abbreviation]), abbreviation


def test_no_unrendered_macro_in_any_page(built_site):
    for page in built_site.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        assert "Macro Rendering Error" not in text, page
        assert not re.search(r"\{\{\s*(practice|contact|glossary|indicator|data_)", text), page
