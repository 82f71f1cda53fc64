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
    date: str | None = None  # the date the page itself carries: YYYY, YYYY-MM or YYYY-MM-DD


@dataclass(frozen=True)
class Confirmation:
    """The organisation itself confirmed the entry (not a desk check of its pages)."""

    on: date
    how: str  # email, phone, letter, own_edit


@dataclass(frozen=True)
class Phone:
    """A phone line as a source printed it, parsed for the contact's country."""

    number: str  # as the source prints it
    e164: str  # +421800800818, for tel: links and exports
    national: str  # the national format, for display
    international: str  # the international format, for display outside the country
    source: str
    label: Localized | None = None
    urgent: bool = False
    hours: Localized | None = None
    languages: tuple[str, ...] = ()
    free: bool | None = None
    note: Localized | None = None

    @property
    def display(self) -> str:
        """The national format; the international one where the source printed the number
        with its country code (a line for calls from abroad)."""
        return self.international if self.number.strip().startswith("+") else self.national


@dataclass(frozen=True)
class Email:
    address: str
    source: str


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
    sources_checked_on: date
    added_on: date
    chapters: tuple[str, ...] = ()
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
    website: str | None
    phones: tuple[Phone, ...]
    emails: tuple[Email, ...]
    address: Address | None
    sensitive: bool
    sources: tuple[Source, ...]
    sources_checked_on: date
    confirmed: Confirmation | None = None
    path: str = ""
    line: int = 0

    @property
    def urgent_phones(self) -> tuple[Phone, ...]:
        return tuple(p for p in self.phones if p.urgent)


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


@dataclass(frozen=True)
class EmergencyNumber:
    number: str  # as the source prints it; short numbers are dialled as they are
    label: Localized
    source: str

    @property
    def tel(self) -> str:
        return "".join(ch for ch in self.number if ch.isdigit())


@dataclass(frozen=True)
class EmergencyInfo:
    """What a reader in danger calls first in one country."""

    country: str
    numbers: tuple[EmergencyNumber, ...]
    note: Localized | None = None
    note_sources: tuple[str, ...] = ()


@dataclass(frozen=True)
class ActionPhase:
    """A phase of the action plan; the self-assessment rates it from 1 to 4."""

    id: str
    title: Localized
    question: Localized
    levels: tuple[Localized, ...]  # four, from first steps to mature practice


@dataclass(frozen=True)
class ActionPoint:
    id: str
    chapter: str
    phase: str
    actor: Localized
    text: Localized
    retired_on: date | None = None
    retired_reason: Localized | None = None

    @property
    def anchor(self) -> str:
        return f"ap-{self.id}"


@dataclass
class Catalogue:
    """Everything under data/, validated."""

    practices: dict[str, Practice] = field(default_factory=dict)
    contacts: dict[str, Contact] = field(default_factory=dict)
    glossary: list[GlossaryTerm] = field(default_factory=list)
    indicator_groups: dict[str, IndicatorGroup] = field(default_factory=dict)
    action_phases: dict[str, ActionPhase] = field(default_factory=dict)
    action_points: dict[str, ActionPoint] = field(default_factory=dict)  # in file order
    emergency: dict[str, EmergencyInfo] = field(default_factory=dict)

    def current_action_points(self, chapter: str | None = None) -> list[ActionPoint]:
        """Points not retired, in file order; of one chapter when given."""
        return [p for p in self.action_points.values()
                if p.retired_on is None and (chapter is None or p.chapter == chapter)]

    def practices_for_chapter(self, chapter: str) -> list[Practice]:
        return [p for p in self.practices.values() if chapter in p.chapters]
