"""Phone numbers as sources print them, checked and formatted with `phonenumbers`.

A number is read for the contact's country (a '+' number for any country). Ordinary
numbers must be valid there; short numbers (112, 116 666, 1547) must be valid short
numbers of that country. Readers see the national format; links and exports use E.164
(short numbers, which have no E.164 form, keep their digits).
"""

from __future__ import annotations

from dataclasses import dataclass

import phonenumbers
from phonenumbers import NumberParseException, PhoneNumberFormat, shortnumberinfo


@dataclass(frozen=True)
class ParsedPhone:
    e164: str
    national: str
    international: str
    short: bool
    unlisted_short: bool = False


def parse_phone(raw: str, country: str | None) -> tuple[ParsedPhone | None, str | None]:
    """(the parsed number, None) or (None, what is wrong and what would be right).
    A short number the library thinks possible but does not list comes back parsed, with
    `unlisted_short` telling the validator to warn."""
    text = str(raw).strip()
    region = country if country and not text.startswith("+") else None
    if region is None and not text.startswith("+"):
        return None, (f"'{text}' has no country: an international contact's number must start "
                      "with + and the country code, e.g. \"+32 2 299 11 11\"")
    try:
        number = phonenumbers.parse(text, region)
    except NumberParseException as error:
        return None, f"'{text}' is not a phone number ({error}); copy it as the source prints it"
    if phonenumbers.is_valid_number(number):
        if country and phonenumbers.region_code_for_number(number) != country and \
                not phonenumbers.is_valid_number_for_region(number, country):
            found = phonenumbers.region_code_for_number(number) or "another country"
            return None, (f"'{text}' is a number of {found}, not of {country}; check the "
                          "contact's country or the number")
        return ParsedPhone(
            e164=phonenumbers.format_number(number, PhoneNumberFormat.E164),
            national=phonenumbers.format_number(number, PhoneNumberFormat.NATIONAL),
            international=phonenumbers.format_number(number, PhoneNumberFormat.INTERNATIONAL),
            short=False,
        ), None
    # Short numbers (112, 116 006, 1547) never start with the trunk prefix 0.
    if region and not text.lstrip("(").startswith("0") and \
            shortnumberinfo.is_possible_short_number_for_region(number, region):
        digits = phonenumbers.national_significant_number(number)
        listed = shortnumberinfo.is_valid_short_number_for_region(number, region)
        return ParsedPhone(e164=digits, national=text, international=text, short=True,
                           unlisted_short=not listed), None
    where = country or "any country"
    return None, (f"'{text}' is not a valid number in {where} (phonenumbers); copy it exactly "
                  "as the cited page prints it, or leave the phone out")


def is_emergency_number(number: str, country: str) -> bool:
    """phonenumbers' own list of emergency numbers per country (112, 110, 133...)."""
    digits = "".join(ch for ch in str(number) if ch.isdigit())
    return bool(digits) and shortnumberinfo.is_emergency_number(digits, country)
