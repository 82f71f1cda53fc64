"""The translation status: unit tests of states and completeness, the --check gate, and
the notices a reader sees."""

from __future__ import annotations

import json
import re

import pytest
from conftest import ROOT, copy_project, run_dcaht
from dcaht import project
from dcaht.search_split import split_index
from dcaht.stubs import stub_text
from dcaht.translations import source_hash, stamp, status_table

LOCALES = ["en", "de", "hu"]


def write(path, text):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


@pytest.fixture
def docs(tmp_path):
    d = tmp_path / "docs"
    write(d / "a.md", "# A\n\nEnglish text.\n")
    write(d / "a.de.md", "---\ntranslation_reviewed: false\n---\n# A\n\nDeutscher Text.\n")
    write(d / "b.md", "# B\n\nMore English.\n")
    write(d / "b.de.md", "# B\n\nMehr Deutsch.\n")
    write(d / "b.hu.md", "# B\n\nMagyar.\n")
    write(d / "practices/x.md", stub_text("dcaht_practice", "x"))
    write(d / "contacts/at.md", stub_text("dcaht_country", "AT"))
    return d


def states(table):
    return dict(table.rows)


def test_states_and_completeness(docs):
    table = status_table(docs, LOCALES, "en")
    rows = states(table)
    assert set(rows) == {"a.md", "b.md"}  # generated stubs are not pages to translate
    assert rows["a.md"] == {"en": "source", "de": "unreviewed", "hu": "missing"}
    assert rows["b.md"] == {"en": "source", "de": "translated", "hu": "translated"}
    assert table.completeness("en") == 100
    assert table.completeness("de") == 100
    assert table.completeness("hu") == 50


def test_a_changed_source_makes_the_translation_outdated(docs):
    assert stamp(docs / "b.de.md", docs / "b.md") is True
    assert stamp(docs / "b.de.md", docs / "b.md") is False
    assert states(status_table(docs, LOCALES, "en"))["b.md"]["de"] == "translated"
    write(docs / "b.md", "# B\n\nThe English text changed.\n")
    assert states(status_table(docs, LOCALES, "en"))["b.md"]["de"] == "outdated"
    assert status_table(docs, LOCALES, "en").completeness("de") == 50


def test_front_matter_changes_do_not_count_as_source_changes():
    assert source_hash("---\ntitle: x\n---\n# B\n") == source_hash("# B\n")
    assert source_hash("# B\n") != source_hash("# C\n")


def test_check_fails_on_a_missing_or_outdated_page_in_a_complete_language(tmp_path):
    copy = copy_project(tmp_path / "project")
    assert run_dcaht(copy, "translations", "--check").returncode == 0
    (copy / "docs/about/privacy.de.md").unlink()
    result = run_dcaht(copy, "translations", "--check")
    assert result.returncode == 1
    assert "docs/about/privacy.de.md: missing in a complete language (de)" in result.stderr
    source = copy / "docs/about/accessibility.md"
    source.write_text(source.read_text(encoding="utf-8") + "\nA new paragraph.\n", encoding="utf-8")
    result = run_dcaht(copy, "translations", "--check")
    assert "docs/about/accessibility.de.md: outdated" in result.stderr
    assert run_dcaht(copy, "translations", "--stamp", "docs/about/accessibility.de.md").returncode == 0
    assert "accessibility.de.md" not in run_dcaht(copy, "translations", "--check").stderr


def test_the_real_project_passes_the_check():
    result = run_dcaht(ROOT, "translations", "--check")
    assert result.returncode == 0, result.stderr
    assert "complete" in result.stdout


def test_split_index_keeps_each_language_to_itself():
    index = {"config": {"lang": ["en", "de"]}, "docs": [
        {"location": "guidelines/a/", "title": "A", "text": "en"},
        {"location": "de/guidelines/a/", "title": "A", "text": "de"},
        {"location": "de/guidelines/a/", "title": "A", "text": "dup"},
        {"location": "sl/guidelines/a/", "title": "A", "text": "fallback"},
    ]}
    parts = split_index(index, ["en", "de", "sl"], "en")
    assert [d["location"] for d in parts["en"]["docs"]] == ["guidelines/a/"]
    assert [d["text"] for d in parts["de"]["docs"]] == ["de"]
    assert parts["de"]["config"]["lang"] == ["dcaht-de"]
    assert parts["sl"]["config"]["lang"] == ["dcaht-sl"]  # our light stemmer (search_languages.py)
    assert parts["en"]["config"]["lang"] == ["en"]
    assert parts["sl"]["config"]["pipeline"] == ["trimmer", "stopWordFilter", "stemmer"]


def test_each_language_has_its_own_small_index(built_site):
    sizes = {}
    for locale in project.locales(ROOT):
        prefix = "" if locale == "en" else f"{locale}/"
        path = built_site / prefix / "search/search_index.json"
        index = json.loads(path.read_text(encoding="utf-8"))
        locations = [d["location"] for d in index["docs"]]
        assert locations and not any(loc.split("/")[0] in project.locales(ROOT) for loc in locations)
        sizes[locale] = path.stat().st_size
    assert max(sizes.values()) < sum(sizes.values()) / 3


def test_unreviewed_notice_links_the_english_reference(built_site):
    de = (built_site / "de/guidelines/mapping/index.html").read_text(encoding="utf-8")
    assert "data-i18n-fallback" not in de
    notice = de.split('data-dcaht-notice="unreviewed"', 1)[1].split("</div>", 1)[0]
    assert 'href="../../../guidelines/mapping/" hreflang="en"' in notice
    en = (built_site / "guidelines/mapping/index.html").read_text(encoding="utf-8")
    assert "data-dcaht-notice" not in en


def test_no_page_in_any_language_falls_back_to_english(built_site):
    """Every page exists in every language: no fallback notice, and no data text shown in
    English (lang="en") inside the article of a non-English page."""
    for locale in project.locales(ROOT):
        if locale == "en":
            continue
        for page in (built_site / locale).rglob("*.html"):
            html = page.read_text(encoding="utf-8")
            assert "data-i18n-fallback" not in html, page
            article = html.split('<article class="md-content__inner', 1)[-1].split("</article>", 1)[0]
            # the status page's column headings name each language in that language
            article = re.sub(r'<th scope="col" lang="[a-z]+">', "<th>", article)
            # the practice form's boxes for the English text are marked as English
            article = re.sub(r'<(input|textarea)[^>]* lang="en"', "<field", article)
            assert 'lang="en"' not in article.replace('hreflang="en"', ""), page


def test_fallback_notice_marks_the_english_text(variant_site):
    page = (variant_site / "cs/about/privacy/index.html").read_text(encoding="utf-8")
    assert "data-i18n-fallback" in page and "nebyla přeložena" in page
    assert '<div lang="en">' in page  # the English text is marked as English


def test_review_of_a_page_and_of_a_data_file(tmp_path):
    copy = copy_project(tmp_path / "project")
    page = "docs/about/privacy.hu.md"
    result = run_dcaht(copy, "translations", "--review", page, "--by", "Example Association", "--on", "2027-01-15")
    assert result.returncode == 0, result.stderr
    assert 'translation_reviewed: {by: "Example Association", on: "2027-01-15"}' in (copy / page).read_text(encoding="utf-8")
    data = "data/practices/baltic-strom.yml"
    assert run_dcaht(copy, "translations", "--review", data, "--by", "Org").returncode == 2 or \
        "--language" in run_dcaht(copy, "translations", "--review", data, "--by", "Org").stderr
    result = run_dcaht(copy, "translations", "--review", data, "--by", "Example Association", "--language", "hu")
    assert result.returncode == 0, result.stderr
    assert run_dcaht(copy, "validate").returncode == 0
    table = run_dcaht(copy, "translations").stdout
    assert [line for line in table.splitlines() if line.startswith("about/privacy.md")][0].split()[5] == "reviewed"
    row = [line for line in table.splitlines() if line.startswith(data)][0].split()
    assert row[5] == "reviewed" and row[2] in ("unreviewed", "missing")


def test_validate_warns_about_texts_missing_in_a_language(tmp_path):
    from samples import VALID_PRACTICE

    copy = copy_project(tmp_path / "project")
    (copy / "data/practices/test-english-only.yml").write_text(VALID_PRACTICE, encoding="utf-8")
    result = run_dcaht(copy, "validate")
    assert result.returncode == 0, result.stderr
    line = [x for x in result.stdout.splitlines() if x.startswith("data/practices/test-english-only.yml")][0]
    assert "warning: texts not yet translated into" in line and "cs (5)" in line and "(translations)" in line


def test_terminology_report_names_pages_and_terms(tmp_path):
    copy = copy_project(tmp_path / "project")
    page = copy / "docs/guidelines/mapping.hu.md"
    page.write_text(page.read_text(encoding="utf-8").replace("emberkereskedel", "xxxx"), encoding="utf-8")
    result = run_dcaht(copy, "translations", "--terms")
    assert result.returncode == 0
    assert "guidelines/mapping.md: 'trafficking in human beings' → 'emberkereskedelem' not found" in result.stdout


def test_outdated_translation_is_flagged_in_the_page(tmp_path):
    from conftest import run_mkdocs_build

    copy = copy_project(tmp_path / "project")
    source = copy / "docs/about/privacy.md"
    source.write_text(source.read_text(encoding="utf-8") + "\nA changed sentence.\n", encoding="utf-8")
    result = run_mkdocs_build(copy, tmp_path / "site", {"BUILD_ONLY_LOCALE": "de"})
    assert result.returncode == 0, result.stderr
    page = (tmp_path / "site/about/privacy/index.html").read_text(encoding="utf-8")  # de at the root
    assert 'data-dcaht-notice="outdated"' in page
    assert "möglicherweise veraltet" in page


def test_hreflang_alternates_are_in_the_sitemap_not_in_each_page(variant_site):
    """Material's script fetches the sitemap of every <link rel=alternate> on each page
    load; the alternates live in the sitemap instead (absolute once site_url is set), and
    the language menu links each translation directly."""
    page = (variant_site / "de/guidelines/mapping/index.html").read_text(encoding="utf-8")
    assert '<link rel="alternate"' not in page
    assert 'href="../../../hu/guidelines/mapping/" hreflang="hu"' in page  # the language menu
    sitemap = (variant_site / "sitemap.xml").read_text(encoding="utf-8")
    assert '<xhtml:link rel="alternate" hreflang="de" href="https://example.org/dcaht/de/guidelines/mapping/"/>' in sitemap
