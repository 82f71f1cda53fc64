"""Known-good data entries that tests change one field at a time."""

VALID_PRACTICE = """\
# yaml-language-server: $schema=../schema/practice.schema.json
title:
  en: Test city round table
  de: Runder Tisch der Teststadt
summary:
  en: A round table of the city's services, police and NGOs.
  de: Ein Runder Tisch der städtischen Dienste, der Polizei und von NGOs.
city: Graz
country: AT
lead_organisation: Test city social services
partners: [Test NGO]
sectors: [municipality, police, ngo]
forms: [labour_exploitation]
target_groups: [labour_migrants]
chapters: [cooperation-mechanism]
what_was_done:
  en: |
    The city invited **every service** to a round table. See [the report](https://example.org/report).
  de: |
    Die Stadt lud **alle Dienste** zu einem Runden Tisch ein.
results:
  en: Not documented in the sources.
needs:
  en: A coordinator's time.
years:
  start: 2020
contact:
  organisation: Test city social services
  website: https://example.org/
sources:
  - title: Test source
    url: https://example.org/source
sources_checked_on: "2026-01-15"
added_on: "2026-01-15"
"""

VALID_CONTACTS = """\
# yaml-language-server: $schema=../schema/contacts.schema.json
contacts:
  - id: test-ngo
    name: Test NGO
    type: ngo
    scope: national
    country: AT
    city: Graz
    description:
      en: Counselling for people affected by labour exploitation.
    website: https://example.org/
    phones:
      - number: "0316 123456"
        label:
          en: Counselling line
        source: https://example.org/source
    emails:
      - address: office@example.org
        source: https://example.org/source
    sources:
      - title: Test source
        url: https://example.org/source
    sources_checked_on: "2026-01-15"
"""
