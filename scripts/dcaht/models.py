"""Plain objects the data becomes once validated. No MkDocs, no HTML here."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date


@dataclass(frozen=True)
class Localized:
    """A text in several languages; English is always present."""

    texts: dict[str, str]

    def language_for(self, locale: str) -> str:
        return locale if self.texts.get(locale) else "en"

    def get(self, locale: str) -> str:
        return self.texts.get(locale) or self.texts["en"]

    def has(self, locale: str) -> bool:
        return bool(self.texts.get(locale))


@dataclass(frozen=True)
class Source:
    title: str
    url: str


@dataclass(frozen=True)
class InstitutionContact:
    organisation: str
    website: str
    email: str | None = None
    phone: str | None = None


@dataclass(frozen=True)
class Practice:
    id: str
    title: Localized
    summary: Localized
    city: str
    country: str
    lead_organisation: str
    partners: tuple[str, ...]
    sectors: tuple[str, ...]
    forms: tuple[str, ...]
    target_groups: tuple[str, ...]
    what_was_done: Localized
    results: Localized | None
    needs: Localized | None
    start_year: int | None
    end_year: int | None
    contact: InstitutionContact | None
    sources: tuple[Source, ...]
    last_verified: date
    path: str = ""

    def translated_into(self, locale: str) -> bool:
        return self.title.has(locale) and self.summary.has(locale) and self.what_was_done.has(locale)


@dataclass(frozen=True)
class Address:
    street: str
    postal_code: str
    city: str


@dataclass(frozen=True)
class Contact:
    id: str
    name: str
    alternate_name: str | None
    type: str
    scope: str
    country: str | None
    city: str | None
    description: Localized
    languages: tuple[str, ...]
    website: str
    email: str | None
    phone: str | None
    address: Address | None
    sensitive: bool
    sources: tuple[Source, ...]
    last_verified: date
    path: str = ""


@dataclass(frozen=True)
class GlossaryTerm:
    id: str
    abbreviation: str | None
    term: Localized
    definition: Localized
    source: Source | None


@dataclass(frozen=True)
class IndicatorGroup:
    id: str
    title: Localized
    intro: Localized | None
    indicators: tuple[Localized, ...]
    sources: tuple[Source, ...]


@dataclass
class Catalogue:
    """Everything under data/, validated."""

    practices: dict[str, Practice] = field(default_factory=dict)
    contacts: dict[str, Contact] = field(default_factory=dict)
    glossary: list[GlossaryTerm] = field(default_factory=list)
    indicator_groups: dict[str, IndicatorGroup] = field(default_factory=dict)
