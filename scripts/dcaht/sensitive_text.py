"""Where a text seems to give away a shelter's location: a word for a shelter or safe
house together with a street address, in any of the site's languages.

A heuristic, deliberately narrow (both must occur in the same text) so that ordinary
practice descriptions pass: "the city funds a shelter" is fine, "the shelter at
Hauptstraße 12" is not. The same patterns run in `dcaht validate` and, exported as
JavaScript regular expressions, in the propose-a-practice form (practice_form.py).
No word boundaries: JavaScript's \\b knows only ASCII letters; a look-behind for a space,
comma or bracket starts a name instead (and keeps the search linear on long texts).
"""

from __future__ import annotations

import re

SHELTER_WORDS = (
    # en, de, cs/sk, hu, sl/hr/sr, ro, bg, uk
    r"shelter|safe[ -]?house|"
    r"frauenhaus|schutzwohnung|schutzunterkunft|notunterkunft|zufluchtsort|"
    r"azylov|útulek|útulok|utajovan|"
    r"menedékház|védett szállás|krízisszálló|"
    r"zatočišč|varna hiša|varne hiše|sklonište|skloništ|sigurna kuća|sigurne kuće|склониште|сигурна кућа|"
    r"adăpost|adapost|locuință protejată|casă de tranzit|"
    r"приют|убежище|кризисен център|притул|"
    r"кризовий центр"
)
STREET_ADDRESS = (
    # a street word before the house number ("Hauptstraße 12", "Fő utca 5", "Slovenska cesta 5")
    r"(?:stra(?:ss|ß)e|str\.|gasse|weg|platz|allee|utca|u\.|út|körút|tér|cesta|trg|ulica|ulice)"
    r"\s*\d{1,3}(?!\d)"
    # a street word, then a name of up to three words, then the number ("ul. Ilica 12")
    r"|(?:^|[\s,(])(?:ulica|ul\.|strada|str\.|calea|bd\.|bulevardul|nám\.|náměstí|námestie|"
    r"улица|ул\.|булевард|бул\.|вулиця|вул\.|проспект|пр-т)\s*(?:[^\s\d,;]+\s+){0,3}\d{1,3}(?!\d)"
    # English: the number, then the street ("12 High Street")
    r"|\d{1,4}\s+(?:[^\s\d,;]+\s+){1,3}(?:street|st\.|road|rd\.|avenue|ave\.|lane)"
    # a name, a house number (at most three digits, so that "2019, 2020" is no address)
    # and a postal code ("Gartenweg 3, 1010 Wien")
    r"|(?<![^\s,(])[^\s\d,;]{3,}\s+\d{1,3}[a-zA-Z]?\s*,\s*\d{3,5}\s"
)

# Matched against the lower-cased text: IGNORECASE over Unicode is ten times slower.
SHELTER = re.compile(SHELTER_WORDS)
ADDRESS = re.compile(STREET_ADDRESS, re.I | re.M)

MESSAGE = ("this text seems to give a shelter's location (it names a shelter or safe house and "
           "a street address): never publish where victims are housed; remove the address and "
           "name the institution or its hotline instead")


def reveals_shelter_location(text: str) -> bool:
    return bool(SHELTER.search(text.lower()) and ADDRESS.search(text))


def javascript_patterns() -> dict[str, str]:
    """The two patterns for the browser (flags "imu"): the same source as Python's."""
    return {"shelter": SHELTER_WORDS, "address": STREET_ADDRESS}
