"""The guidelines' content: complete in English and German, sourced, and honest about
unreviewed translations."""

from __future__ import annotations

import re

import pytest
import yaml
from conftest import ROOT
from dcaht import project
from dcaht.catalogue import load_catalogue

CHAPTERS = ["what-is-trafficking", "why-municipalities", "mapping", "cooperation-mechanism",
            "identification", "referral-and-assistance", "child-victims", "prevention",
            "training", "danube-cooperation", "action-plan"]
REQUIRED_SECTIONS = ["why-it-matters", "checklist", "related", "sources"]
SECTION = re.compile(r"^## .*\{ #([a-z0-9-]+) \}\s*$", re.M)
GUIDELINES = ROOT / "docs" / "guidelines"


def front_matter(text: str) -> dict:
    if text.startswith("---\n"):
        return yaml.safe_load(text.split("---\n", 2)[1]) or {}
    return {}


def sections(path):
    return SECTION.findall(path.read_text(encoding="utf-8"))


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_chapter_exists_in_english_and_german_with_the_same_sections(chapter):
    en, de = GUIDELINES / f"{chapter}.md", GUIDELINES / f"{chapter}.de.md"
    assert en.is_file() and de.is_file()
    assert sections(en) == sections(de)
    for required in REQUIRED_SECTIONS:
        assert required in sections(en), f"{chapter}: no section {required}"
    assert front_matter(de.read_text(encoding="utf-8")).get("translation_reviewed") is False


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_chapter_cites_sources(chapter):
    text = (GUIDELINES / f"{chapter}.md").read_text(encoding="utf-8")
    sources = text.split("{ #sources }", 1)[1]
    assert re.search(r"\]\(https?://", sources), chapter


def test_guidelines_have_substance():
    words = sum(len(re.findall(r"\w+", (GUIDELINES / f"{c}.md").read_text(encoding="utf-8")))
                for c in CHAPTERS)
    assert words > 8000, words


def test_practices_contacts_glossary_and_indicators():
    catalogue, _ = load_catalogue(ROOT)
    for pid in ("vienna-anti-trafficking-working-group", "ulm-alliance-against-trafficking",
                "baltic-strom", "baltic-strom-ii", "germany-cooperation-concept-child-victims"):
        practice = catalogue.practices[pid]
        assert practice.sources and practice.title.has("de") and practice.what_was_done.has("de")
    assert len(catalogue.contacts) >= 25
    assert all(contact.sources for contact in catalogue.contacts.values())
    assert len(catalogue.glossary) >= 20
    assert all(t.term.has("en") and t.term.has("de") and t.definition.has("de")
               for t in catalogue.glossary)
    abbreviations = {t.abbreviation for t in catalogue.glossary}
    assert {"THB", "NRM", "GRETA", "RII", "EUSDR", "PA10", "PA11", "BAMF", "BKA", "NGO"} <= abbreviations
    assert {"general", "sexual_exploitation", "labour_exploitation", "children"} <= set(
        catalogue.indicator_groups)
    assert all(g.sources for g in catalogue.indicator_groups.values())


@pytest.mark.parametrize("locale", [loc for loc in project.locales(ROOT) if loc not in ("en", "de")])
def test_home_and_action_plan_are_translated_and_marked_unreviewed(locale):
    for page in (ROOT / f"docs/index.{locale}.md", GUIDELINES / f"action-plan.{locale}.md"):
        assert page.is_file(), page
        assert front_matter(page.read_text(encoding="utf-8")).get("translation_reviewed") is False
