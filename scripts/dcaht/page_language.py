"""What a partial needs to speak the page's language and link within it.

The language is the build language (config.theme.language), not the source file's: a
fallback page under /de/ has an English source file but must show German labels.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.utils import get_relative_url

from dcaht import project
from dcaht.render import localized_date
from dcaht.urls import page_url


class PageLanguage:
    """What a partial needs to speak the page's language and link within it."""

    def __init__(self, config, page, vocabulary, root: Path):
        self.locale = config["theme"]["language"]
        i18n = config.plugins.get("i18n")
        # A one-language preview (build_only_locale) builds that language at the root.
        self.default = i18n.default_language if i18n else project.default_locale(root)
        self.vocabulary = vocabulary
        self._page = page
        self._directory_urls = config["use_directory_urls"]

    def t(self, key: str) -> str:
        return self.vocabulary.label(key, self.locale)

    def term(self, kind: str, key: str) -> str:
        return self.vocabulary.term(kind, key, self.locale)

    def country(self, code: str) -> str:
        return self.vocabulary.country_name(code, self.locale)

    def language_name(self, code: str) -> str:
        return self.vocabulary.language_name(code, self.locale)

    def date(self, value) -> str:
        return localized_date(value, self.locale)

    @property
    def prefix(self) -> str:
        """This language's folder under the site root ("" for the default language)."""
        return "" if self.locale == self.default else f"{self.locale}/"

    def page(self, src_path: str) -> str:
        """A link from this page to the page built from docs/`src_path`, in this language."""
        target = self.prefix + page_url(src_path, self._directory_urls)
        return get_relative_url(target, self._page.url) if self._page else target

    def asset(self, site_path: str) -> str:
        """A link to a file built once at the site root (e.g. the contacts CSV)."""
        return get_relative_url(site_path, self._page.url) if self._page else site_path
