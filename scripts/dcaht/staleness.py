"""Which contacts need their sources read again: the two rules of `dcaht stale-contacts`.

1. Sources last checked more than 18 months ago (`sources_checked_on`; the validator warns
   about these too).
2. The newest dated source (a source's `date`: the date the page itself carries) is more
   than three years old, however recently someone read it: an old page may describe an
   institution that has changed since.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date

from .models import Catalogue, Contact
from .validation import STALE_AFTER_DAYS

OLD_SOURCE_DAYS = 3 * 365


@dataclass(frozen=True)
class StaleContact:
    contact_id: str
    path: str
    line: int
    reason: str


def source_date(value: str) -> date:
    """'2021', '2021-05' or '2021-05-17' as the last day it can mean (generous to the page)."""
    parts = [int(p) for p in value.split("-")]
    if len(parts) == 1:
        return date(parts[0], 12, 31)
    if len(parts) == 2:
        return date(parts[0], parts[1], calendar.monthrange(parts[0], parts[1])[1])
    return date(*parts)


def newest_source(contact: Contact) -> date | None:
    dated = [source_date(s.date) for s in contact.sources if s.date]
    return max(dated) if dated else None


def stale_contacts(catalogue: Catalogue, today: date | None = None) -> list[StaleContact]:
    today = today or date.today()
    found = []
    for contact in sorted(catalogue.contacts.values(), key=lambda c: (c.path, c.id)):
        reasons = []
        if (today - contact.sources_checked_on).days > STALE_AFTER_DAYS:
            reasons.append(f"sources last checked {contact.sources_checked_on.isoformat()}, "
                           "more than 18 months ago")
        newest = newest_source(contact)
        if newest and (today - newest).days > OLD_SOURCE_DAYS:
            reasons.append(f"the newest dated source is from {newest.year}, more than three years old")
        if reasons:
            found.append(StaleContact(contact.id, contact.path, contact.line, "; ".join(reasons)))
    return found
