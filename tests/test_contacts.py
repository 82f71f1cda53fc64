"""The contacts directory as an officer with a victim in front of them meets it: one page
per country in every language, urgent numbers first as tel: links, and exports that other
directories and phones can read."""

from __future__ import annotations

import csv
import io
import json
import re

import phonenumbers
import pytest
from conftest import ROOT, TEST_REPOSITORY
from dcaht import project
from dcaht.catalogue import load_catalogue
from dcaht.contacts_view import ROLE_GROUPS, country_view

LOCALES = project.locales(ROOT)


@pytest.fixture(scope="module")
def data():
    return load_catalogue(ROOT)


def read(site, path):
    return (site / path).read_text(encoding="utf-8")


def prefix(locale):
    return "" if locale == "en" else f"{locale}/"


def test_every_contact_type_has_a_place_on_the_country_page(data):
    _, vocabulary = data
    grouped = [t for _, types in ROLE_GROUPS for t in types]
    assert sorted(grouped) == sorted(vocabulary.keys("contact_types"))
    assert len(grouped) == len(set(grouped))


def test_every_danube_country_has_three_institutions_and_twelve_show_a_hotline(data):
    catalogue, vocabulary = data
    with_hotline = []
    for code in vocabulary.danube_countries:
        view = country_view(catalogue, code)
        assert len(view.contacts) >= 3, code
        if view.urgent:
            with_hotline.append(code)
        # every urgent number's page is among the entry's sources
        for line in view.urgent:
            assert line.phone.source in {s.url for s in line.contact.sources}
    assert len(with_hotline) >= 12, with_hotline


def test_every_number_passes_phonenumbers(data):
    catalogue, _ = data
    from phonenumbers import shortnumberinfo

    for contact in catalogue.contacts.values():
        for phone in contact.phones:
            if phone.e164.startswith("+"):
                parsed = phonenumbers.parse(phone.e164)
                assert phonenumbers.is_valid_number(parsed), (contact.id, phone.number)
                if contact.country:
                    assert phonenumbers.region_code_for_number(parsed) == contact.country or \
                        phonenumbers.is_valid_number_for_region(parsed, contact.country)
            else:
                parsed = phonenumbers.parse(phone.e164, contact.country)
                assert shortnumberinfo.is_possible_short_number_for_region(parsed, contact.country)


@pytest.mark.parametrize("locale", LOCALES)
def test_a_page_per_country_in_every_language(built_site, data, locale):
    catalogue, vocabulary = data
    for code in vocabulary.danube_countries:
        page = read(built_site, f"{prefix(locale)}contacts/{code.lower()}/index.html")
        assert f'<html lang="{locale}"' in page
        view = country_view(catalogue, code)
        assert page.count('class="dcaht-contact"') == len(view.contacts), code
        # urgent help comes before any institution
        assert page.index('id="urgent"') < page.index('class="dcaht-contact"')


def test_country_page_links_numbers_in_e164(built_site, data):
    catalogue, _ = data
    page = read(built_site, "contacts/sk/index.html")
    urgent = page[page.index('id="urgent"'):page.index('class="dcaht-contact"')]
    links = re.findall(r'href="tel:([^"]+)"', urgent)
    assert "112" in links and "+421800800818" in links
    for target in links:
        assert re.fullmatch(r"\+\d{6,15}|\d{3,6}", target), target


def test_the_start_page_chooses_a_country_before_europe_wide_bodies(built_site, data):
    _, vocabulary = data
    page = read(built_site, "hu/contacts/index.html")
    chooser = page.index("dcaht-country-chooser")
    assert chooser < page.index('id="international"')
    for code in vocabulary.danube_countries:
        assert f'href="{code.lower()}/"' in page, code
    assert "<script" not in page[chooser:page.index('id="international"')]


def test_report_an_outdated_entry_opens_a_prefilled_issue(built_site):
    page = read(built_site, "contacts/sk/index.html")
    links = re.findall(r'class="dcaht-report" href="([^"]+)"', page)
    assert links
    assert all(link.startswith(TEST_REPOSITORY + "/issues/new?template=outdated-contact.yml") for link in links)
    assert any("contact_id=sk-national-helpline" in link.replace("&amp;", "&") for link in links)
    form = (ROOT / ".github/ISSUE_TEMPLATE/outdated-contact.yml").read_text(encoding="utf-8")
    assert "id: contact_id" in form


def test_vcards_parse_and_follow_rfc_6350(built_site, data):
    import vobject

    catalogue, _ = data
    text = (built_site / "contacts/dcaht-contacts.vcf").read_bytes().decode("utf-8")  # keep CRLF
    assert "\n" not in text.replace("\r\n", ""), "lines must end in CRLF"
    assert all(len(line.encode("utf-8")) <= 75 for line in text.split("\r\n")), "a line is not folded"
    cards = list(vobject.readComponents(text))
    assert len(cards) == len(catalogue.contacts)
    by_uid = {}
    for card in cards:
        assert card.version.value == "4.0"
        assert re.fullmatch(r"\d{8}T\d{6}Z", card.rev.value), card.rev.value
        by_uid[card.uid.value] = card
        for tel in card.contents.get("tel", []):
            assert tel.params.get("VALUE") == ["uri"] and tel.value.startswith("tel:")
    assert len(by_uid) == len(cards)
    sk = list(vobject.readComponents(read(built_site, "contacts/dcaht-contacts-sk.vcf")))
    assert len(sk) == len([c for c in catalogue.contacts.values() if c.country == "SK"])


def test_country_csv_carries_phones_and_emails(built_site, data):
    catalogue, _ = data
    rows = list(csv.DictReader(io.StringIO(read(built_site, "contacts/dcaht-contacts-sk.csv"))))
    assert {row["country"] for row in rows} == {"SK"}
    assert any("+421800800818" in row["phone"] for row in rows)
    assert sum(1 for row in rows if row["email"]) == sum(
        1 for c in catalogue.contacts.values() if c.country == "SK" and c.emails)


def test_hsds_package_validates_against_our_table_schemas(built_site, data):
    from frictionless import Package, validate

    catalogue, _ = data
    package_path = built_site / "contacts" / "hsds" / "datapackage.json"
    report = validate(str(package_path))
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])
    package = Package(str(package_path))
    names = [r.name for r in package.resources]
    assert names == ["organization", "service", "phone", "service_area"]
    for resource in package.resources:
        ours = json.loads((ROOT / "data/schema/hsds" / f"{resource.name}.json").read_text(encoding="utf-8"))
        assert [f.name for f in resource.schema.fields] == [f["name"] for f in ours["fields"]]
    organizations = list(csv.DictReader(io.StringIO(read(built_site, "contacts/hsds/organizations.csv"))))
    assert len(organizations) == len(catalogue.contacts)
    assert all(re.fullmatch(r"[0-9a-f-]{36}", row["id"]) for row in organizations)
    services = json.loads(read(built_site, "contacts/hsds/hsds.json"))
    assert len(services) == len(catalogue.contacts)
    assert all(s["organization"]["id"] and "phones" in s for s in services)


def test_hsds_ids_are_stable_and_sensitive_entries_have_no_place(built_site, data):
    from dcaht.exports import hsds_id

    catalogue, _ = data
    assert hsds_id("organization", "sk-national-helpline") == hsds_id("organization", "sk-national-helpline")
    areas = list(csv.DictReader(io.StringIO(read(built_site, "contacts/hsds/service_areas.csv"))))
    by_service = {row["service_id"]: row for row in areas}
    for contact in catalogue.contacts.values():
        if contact.sensitive and contact.city is None:
            area = by_service[hsds_id("service", contact.id)]
            assert "(" not in area["description"], contact.id  # no city in brackets
