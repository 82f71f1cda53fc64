"""The contacts directory as a reader needs it: per country, urgent help first, then the
institutions by role. Plain data for the partials; no MkDocs, no HTML here."""

from __future__ import annotations

from dataclasses import dataclass, field

from .models import Catalogue, Contact, EmergencyInfo, Phone, Practice

# The order in which a country page lists institutions, and which contact types each
# group holds (every type of data/vocabularies.yml belongs to exactly one group).
ROLE_GROUPS: tuple[tuple[str, frozenset[str]], ...] = (
    ("coordination", frozenset({"national_coordinator", "national_rapporteur", "government_body"})),
    ("support", frozenset({"hotline", "counselling_service", "ngo", "shelter", "network"})),
    ("enforcement", frozenset({"police", "labour_inspectorate"})),
    ("municipal", frozenset({"municipality"})),
    ("other", frozenset({"research", "eu_body", "international_organisation"})),
)


@dataclass(frozen=True)
class UrgentLine:
    contact: Contact
    phone: Phone


@dataclass
class CountryView:
    code: str
    emergency: EmergencyInfo | None
    urgent: list[UrgentLine] = field(default_factory=list)
    groups: list[tuple[str, list[Contact]]] = field(default_factory=list)
    practices: list[Practice] = field(default_factory=list)

    @property
    def contacts(self) -> list[Contact]:
        return [c for _, group in self.groups for c in group]


def group_of(contact_type: str) -> str:
    for name, types in ROLE_GROUPS:
        if contact_type in types:
            return name
    return "other"


def country_contacts(catalogue: Catalogue, code: str) -> list[Contact]:
    return sorted((c for c in catalogue.contacts.values() if c.country == code),
                  key=lambda c: c.name)


def country_view(catalogue: Catalogue, code: str) -> CountryView:
    contacts = country_contacts(catalogue, code)
    view = CountryView(code, catalogue.emergency.get(code))
    # National lines before regional and local ones, then by institution.
    scope_order = {"national": 0, "regional": 1, "local": 2}
    for contact in sorted(contacts, key=lambda c: (scope_order.get(c.scope, 3), c.name)):
        view.urgent.extend(UrgentLine(contact, phone) for phone in contact.urgent_phones)
    for name, _ in ROLE_GROUPS:
        members = [c for c in contacts if group_of(c.type) == name]
        if members:
            view.groups.append((name, members))
    view.practices = sorted((p for p in catalogue.practices.values() if p.country == code),
                            key=lambda p: p.added_on, reverse=True)
    return view


def international_contacts(catalogue: Catalogue) -> list[Contact]:
    """Europe-wide and international bodies (no country)."""
    return sorted((c for c in catalogue.contacts.values() if not c.country), key=lambda c: c.name)


def country_summaries(catalogue: Catalogue, countries) -> list[CountryView]:
    return [country_view(catalogue, code) for code in countries]
