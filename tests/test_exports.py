"""The contacts exports: what a desk check may fill, and what only a confirmation may."""

from __future__ import annotations

import csv
import io
from dataclasses import replace
from datetime import date

from dcaht.exports import contacts_csv, contacts_vcard
from dcaht.models import Confirmation, Contact, Email, Localized, Phone, Source


def sample_contact(**changes) -> Contact:
    contact = Contact(
        id="at-test", name="Test office", alternate_name=None, type="ngo", scope="national",
        country="AT", city="Graz", description=Localized({"en": "Counselling."}), languages=(),
        website="https://example.org/",
        phones=(Phone("0316 123456", "+43316123456", "0316 123456", "+43 316 123456",
                      "https://example.org/c"),),
        emails=(Email("office@example.org", "https://example.org/c"),),
        address=None, sensitive=False, sources=(Source("Contact page", "https://example.org/c"),),
        sources_checked_on=date(2026, 12, 2))
    return replace(contact, **changes)


def row(contact):
    return next(csv.DictReader(io.StringIO(contacts_csv([contact]))))


def test_assured_date_stays_empty_after_a_desk_check():
    first = row(sample_contact())
    assert first["sources_checked_on"] == "2026-12-02"
    assert first["assured_date"] == ""


def test_assured_date_comes_from_the_organisations_confirmation():
    confirmed = sample_contact(confirmed=Confirmation(date(2026, 11, 30), "email"))
    assert row(confirmed)["assured_date"] == "2026-11-30"


def test_phones_and_emails_reach_the_exports():
    exported = row(sample_contact())
    assert exported["phone"] == "+43316123456" and exported["email"] == "office@example.org"
    # the form of RFC 6350's own example (6.4.1): TEL;VALUE=uri;PREF=1;TYPE="voice,home":tel:...
    assert 'TEL;VALUE=uri;TYPE="voice,work":tel:+43316123456' in contacts_vcard([sample_contact()])
