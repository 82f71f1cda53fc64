"""The contacts directory as files to download: CSV (HSDS-style columns) and vCard.

The CSV follows the Open Referral HSDS tabular layout where it fits: one row per
organization, with HSDS's column names (id, name, alternate_name, description, email,
website, ...) and location/phone/language columns flattened into the same row.
Sensitive entries never carry a location.
"""

from __future__ import annotations

import csv
import io

from .models import Contact

CSV_COLUMNS = [
    "id", "name", "alternate_name", "description", "email", "website", "phone",
    "organization_type", "scope", "country", "city", "address_1", "postal_code",
    "languages", "sensitive", "assured_date", "sources",
]


def contacts_csv(contacts: list[Contact]) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS, lineterminator="\r\n")
    writer.writeheader()
    for c in contacts:
        writer.writerow({
            "id": c.id,
            "name": c.name,
            "alternate_name": c.alternate_name or "",
            "description": c.description.get("en"),
            "email": c.email or "",
            "website": c.website,
            "phone": c.phone or "",
            "organization_type": c.type,
            "scope": c.scope,
            "country": c.country or "",
            "city": c.city or "",
            "address_1": c.address.street if c.address else "",
            "postal_code": c.address.postal_code if c.address else "",
            "languages": ";".join(c.languages),
            "sensitive": "true" if c.sensitive else "false",
            "assured_date": c.last_verified.isoformat(),
            "sources": " ".join(s.url for s in c.sources),
        })
    return out.getvalue()


def _vcard_escape(text: str) -> str:
    return (text.replace("\\", "\\\\").replace("\n", "\\n").replace(",", "\\,")
            .replace(";", "\\;"))


def contacts_vcard(contacts: list[Contact]) -> str:
    """vCard 4.0 (RFC 6350), one KIND:org card per institution."""
    cards = []
    for c in contacts:
        lines = ["BEGIN:VCARD", "VERSION:4.0", "KIND:org",
                 f"FN:{_vcard_escape(c.name)}", f"ORG:{_vcard_escape(c.name)}",
                 f"URL:{c.website}", f"NOTE:{_vcard_escape(c.description.get('en'))}",
                 f"UID:urn:dcaht:contact:{c.id}",
                 f"REV:{c.last_verified.strftime('%Y%m%d')}"]
        if c.alternate_name:
            lines.append(f"NICKNAME:{_vcard_escape(c.alternate_name)}")
        if c.email:
            lines.append(f"EMAIL;TYPE=work:{c.email}")
        if c.phone:
            lines.append(f"TEL;TYPE=work,voice;VALUE=uri:tel:{c.phone.replace(' ', '')}")
        if c.address and not c.sensitive:
            lines.append(f"ADR;TYPE=work:;;{_vcard_escape(c.address.street)};"
                         f"{_vcard_escape(c.address.city)};;{_vcard_escape(c.address.postal_code)};"
                         f"{c.country or ''}")
        elif c.country and not c.sensitive:
            lines.append(f"ADR;TYPE=work:;;;{_vcard_escape(c.city or '')};;;{c.country}")
        for code in c.languages:
            lines.append(f"LANG:{code}")
        lines.append("END:VCARD")
        cards.append("\r\n".join(lines))
    return "\r\n".join(cards) + "\r\n"
