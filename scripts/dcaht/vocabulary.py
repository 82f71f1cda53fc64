"""The controlled vocabularies and interface labels, in every language.

data/vocabularies.yml and data/ui.yml are the one source for keys and labels; country
names come from the Unicode CLDR through Babel, so they exist in every language.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from babel import Locale

VOCABULARY_KINDS = ("sectors", "forms", "target_groups", "contact_types", "scopes")


@dataclass
class Vocabulary:
    danube_countries: tuple[str, ...]
    baltic_countries: tuple[str, ...]
    terms: dict[str, dict[str, dict[str, str]]]  # kind -> key -> locale -> label
    labels: dict[str, dict[str, str]]  # ui label key -> locale -> text

    @property
    def countries(self) -> tuple[str, ...]:
        """Danube Region first, then the Baltic STROM states not already listed."""
        return self.danube_countries + tuple(
            code for code in self.baltic_countries if code not in self.danube_countries
        )

    def keys(self, kind: str) -> list[str]:
        return list(self.terms[kind])

    def term(self, kind: str, key: str, locale: str) -> str:
        labels = self.terms[kind][key]
        return labels.get(locale) or labels["en"]

    def label(self, key: str, locale: str) -> str:
        labels = self.labels[key]
        return labels.get(locale) or labels["en"]

    @staticmethod
    def country_name(code: str, locale: str) -> str:
        return _locale(locale).territories.get(code, code)

    @staticmethod
    def language_name(code: str, locale: str) -> str:
        return _locale(locale).languages.get(code, code)


@lru_cache(maxsize=32)
def _locale(code: str) -> Locale:
    return Locale.parse(code)


def vocabulary_from_data(vocab_data: dict, ui_data: dict) -> Vocabulary:
    return Vocabulary(
        danube_countries=tuple(vocab_data["countries"]["danube"]),
        baltic_countries=tuple(vocab_data["countries"]["baltic_strom"]),
        terms={kind: vocab_data[kind] for kind in VOCABULARY_KINDS},
        labels=ui_data["labels"],
    )
