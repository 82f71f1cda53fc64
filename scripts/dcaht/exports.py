"""The contacts directory as files other directories can take.

- CSV (one row per institution, for a spreadsheet) and vCard 4.0 (RFC 6350, for a phone's
  address book), for the whole directory and per country;
- an Open Referral HSDS 3.0 data package: the organization, service, phone and
  service_area tables as CSV with a datapackage.json whose Table Schemas live in
  data/schema/hsds/, and the same records as HSDS JSON (services with their organization,
  phones and service areas nested).
Ids in HSDS are UUIDs derived from our ids (uuid5), so they stay the same across builds.
Sensitive entries never carry a location; HSDS's "assured" date is filled only when the
organisation itself confirmed the entry. No MkDocs here: the hooks call write_exports().
"""

from __future__ import annotations

import csv
import io
import json
import uuid
from datetime import date
from pathlib import Path

from .models import Contact

CSV_COLUMNS = [
    "id", "name", "alternate_name", "description", "email", "website", "phone",
    "organization_type", "scope", "country", "city", "address_1", "postal_code",
    "languages", "sensitive", "sources_checked_on", "assured_date", "sources",
]
HSDS_TABLES = ("organization", "service", "phone", "service_area")
HSDS_FILES = {"organization": "organizations.csv", "service": "services.csv",
              "phone": "phones.csv", "service_area": "service_areas.csv"}
# The namespace of our HSDS ids: uuid5(NAMESPACE, "organization:at-lefoe-ibf") and so on.
NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "https://github.com/dcaht-guidelines/contacts")


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
            "email": ";".join(e.address for e in c.emails),
            "website": c.website or "",
            "phone": ";".join(p.e164 for p in c.phones),
            "organization_type": c.type,
            "scope": c.scope,
            "country": c.country or "",
            "city": c.city or "",
            "address_1": c.address.street if c.address else "",
            "postal_code": c.address.postal_code if c.address else "",
            "languages": ";".join(c.languages),
            "sensitive": "true" if c.sensitive else "false",
            "sources_checked_on": c.sources_checked_on.isoformat(),
            # HSDS's "assured" date means the organisation confirmed the entry: only then.
            "assured_date": c.confirmed.on.isoformat() if c.confirmed else "",
            "sources": " ".join(s.url for s in c.sources),
        })
    return out.getvalue()


# -- vCard 4.0 (RFC 6350) ---------------------------------------------------------------

def _vcard_escape(text: str) -> str:
    return (text.replace("\\", "\\\\").replace("\n", "\\n").replace(",", "\\,")
            .replace(";", "\\;"))


def fold(line: str, limit: int = 75) -> str:
    """RFC 6350 3.2: lines longer than 75 octets are folded (CRLF + one space), never
    inside a multi-octet UTF-8 character."""
    parts, current, size = [], "", 0
    for char in line:
        width = len(char.encode("utf-8"))
        if size + width > limit:
            parts.append(current)
            current, size = " " + char, 1 + width
        else:
            current += char
            size += width
    parts.append(current)
    return "\r\n".join(parts)


def _timestamp(day: date) -> str:
    return day.strftime("%Y%m%dT000000Z")


def contacts_vcard(contacts: list[Contact]) -> str:
    """One KIND:org card per institution; phones as tel: URIs."""
    cards = []
    for c in contacts:
        lines = ["BEGIN:VCARD", "VERSION:4.0", "KIND:org",
                 f"FN:{_vcard_escape(c.name)}", f"ORG:{_vcard_escape(c.name)}"]
        if c.website:
            lines.append(f"URL:{c.website}")
        lines += [f"NOTE:{_vcard_escape(c.description.get('en'))}",
                  f"UID:urn:uuid:{hsds_id('organization', c.id)}",
                  f"REV:{_timestamp(c.sources_checked_on)}"]
        if c.alternate_name:
            lines.append(f"NICKNAME:{_vcard_escape(c.alternate_name)}")
        for e in c.emails:
            lines.append(f"EMAIL;TYPE=work:{e.address}")
        for p in c.phones:
            lines.append(f"TEL;VALUE=uri;TYPE=\"voice,work\":tel:{p.e164}")
        if c.address and not c.sensitive:
            lines.append(f"ADR;TYPE=work:;;{_vcard_escape(c.address.street)};"
                         f"{_vcard_escape(c.address.city)};;{_vcard_escape(c.address.postal_code)};"
                         f"{c.country or ''}")
        elif c.country and not c.sensitive:
            lines.append(f"ADR;TYPE=work:;;;{_vcard_escape(c.city or '')};;;{c.country}")
        for code in c.languages:
            lines.append(f"LANG:{code}")
        lines.append("END:VCARD")
        cards.append("\r\n".join(fold(line) for line in lines))
    return "\r\n".join(cards) + "\r\n"


# -- Open Referral HSDS 3.0 --------------------------------------------------------------

def hsds_id(table: str, key: str) -> str:
    return str(uuid.uuid5(NAMESPACE, f"{table}:{key}"))


def _phone_description(phone) -> str:
    parts = [phone.label.get("en") if phone.label else "", phone.hours.get("en") if phone.hours else "",
             "free of charge" if phone.free else "", phone.note.get("en") if phone.note else ""]
    return "; ".join(part for part in parts if part)


def hsds_records(contacts: list[Contact], country_names: dict[str, str]) -> dict[str, list[dict]]:
    """The rows of each HSDS table (one service per institution, one area per service)."""
    tables: dict[str, list[dict]] = {name: [] for name in HSDS_TABLES}
    for c in contacts:
        org, service = hsds_id("organization", c.id), hsds_id("service", c.id)
        email = c.emails[0].address if c.emails else ""
        tables["organization"].append({
            "id": org, "name": c.name, "alternate_name": c.alternate_name or "",
            "description": c.description.get("en"), "email": email, "website": c.website or "",
            "legal_status": "", "x_dcaht_id": c.id, "x_dcaht_type": c.type, "x_dcaht_scope": c.scope,
            "x_dcaht_country": c.country or "", "x_dcaht_sensitive": c.sensitive,
            "x_dcaht_sources": " ".join(s.url for s in c.sources),
            "x_dcaht_sources_checked_on": c.sources_checked_on.isoformat()})
        tables["service"].append({
            "id": service, "organization_id": org, "name": c.name,
            "alternate_name": c.alternate_name or "", "description": c.description.get("en"),
            "url": c.website or "", "email": email, "status": "active",
            "assured_date": c.confirmed.on.isoformat() if c.confirmed else "", "assurer_email": ""})
        for index, p in enumerate(c.phones):
            tables["phone"].append({
                "id": hsds_id("phone", f"{c.id}:{index}"), "location_id": "", "service_id": service,
                "organization_id": org, "contact_id": "", "service_at_location_id": "",
                "number": p.e164, "extension": "", "type": "voice",
                "description": _phone_description(p), "x_dcaht_urgent": p.urgent,
                "x_dcaht_source": p.source})
        area = country_names.get(c.country, c.country) if c.country else (
            "Europe" if c.scope == "european" else "International")
        # A service area names a country (and a public office's city), never a shelter's place.
        where = f"{c.scope} ({c.city})" if c.city and not c.sensitive else c.scope
        tables["service_area"].append({
            "id": hsds_id("service_area", c.id), "service_id": service, "service_at_location_id": "",
            "name": area, "description": where, "extent": "", "extent_type": "", "uri": ""})
    return tables


def _csv_text(rows: list[dict], fields: list[str]) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=fields, lineterminator="\r\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({k: ("true" if v is True else "false" if v is False else v) for k, v in row.items()})
    return out.getvalue()


def hsds_json(tables: dict[str, list[dict]]) -> list[dict]:
    """HSDS 3.0 service objects with their organization, phones and service areas."""
    organizations = {o["id"]: o for o in tables["organization"]}
    phones: dict[str, list[dict]] = {}
    for p in tables["phone"]:
        phones.setdefault(p["service_id"], []).append(
            {k: v for k, v in p.items() if v != "" and k not in ("service_id",)})
    areas = {a["service_id"]: {k: v for k, v in a.items() if v != ""} for a in tables["service_area"]}
    services = []
    for s in tables["service"]:
        service = {k: v for k, v in s.items() if v != ""}
        service["organization"] = {k: v for k, v in organizations[s["organization_id"]].items() if v != ""}
        service["phones"] = phones.get(s["id"], [])
        service["service_areas"] = [areas[s["id"]]] if s["id"] in areas else []
        services.append(service)
    return services


def write_hsds_package(folder: Path, contacts: list[Contact], schema_dir: Path,
                       country_names: dict[str, str]) -> Path:
    """organizations.csv, services.csv, phones.csv, service_areas.csv, datapackage.json and
    hsds.json in `folder`; returns the datapackage.json."""
    folder.mkdir(parents=True, exist_ok=True)
    tables = hsds_records(contacts, country_names)
    resources = []
    for name in HSDS_TABLES:
        schema = json.loads((schema_dir / f"{name}.json").read_text(encoding="utf-8"))
        schema.pop("$comment", None)
        fields = [f["name"] for f in schema["fields"]]
        (folder / HSDS_FILES[name]).write_text(_csv_text(tables[name], fields), encoding="utf-8")
        resources.append({"name": name, "path": HSDS_FILES[name], "profile": "tabular-data-resource",
                          "format": "csv", "mediatype": "text/csv", "encoding": "utf-8",
                          "schema": schema})
    package = {
        "name": "dcaht-contacts-hsds",
        "title": "D-CAHT Guidelines: contacts against trafficking in human beings (Open Referral HSDS 3.0)",
        "description": ("Institutions and networks in the Danube Region and Europe-wide, from "
                        "public sources. Tables and fields follow HSDS 3.0; fields starting "
                        "x_dcaht_ are extensions. assured_date is set only where the organisation "
                        "itself confirmed an entry."),
        "profile": "tabular-data-package",
        "resources": resources,
    }
    (folder / "datapackage.json").write_text(json.dumps(package, indent=2, ensure_ascii=False) + "\n",
                                             encoding="utf-8")
    (folder / "hsds.json").write_text(json.dumps(hsds_json(tables), indent=2, ensure_ascii=False) + "\n",
                                      encoding="utf-8")
    return folder / "datapackage.json"


def write_exports(out: Path, contacts: list[Contact], countries, schema_dir: Path,
                  country_names: dict[str, str]) -> None:
    """Everything under site/contacts/: the whole directory, each country's, and HSDS."""
    out.mkdir(parents=True, exist_ok=True)
    (out / "dcaht-contacts.csv").write_text(contacts_csv(contacts), encoding="utf-8")
    (out / "dcaht-contacts.vcf").write_text(contacts_vcard(contacts), encoding="utf-8")
    for code in countries:
        mine = [c for c in contacts if c.country == code]
        (out / f"dcaht-contacts-{code.lower()}.csv").write_text(contacts_csv(mine), encoding="utf-8")
        (out / f"dcaht-contacts-{code.lower()}.vcf").write_text(contacts_vcard(mine), encoding="utf-8")
    write_hsds_package(out / "hsds", contacts, schema_dir, country_names)
