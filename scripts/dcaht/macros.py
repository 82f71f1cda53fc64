"""The macros pages call: they map validated data into the Jinja partials' context.

Loaded by mkdocs-macros (`module_name` in mkdocs.yml). Each macro returns escaped HTML
(see render.py); the language is the build language, not the source file's (a fallback
page under /de/ has an English source file but must show German labels).
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.utils import get_relative_url

from dcaht import project
from dcaht.catalogue import load_catalogue
from dcaht.render import localized_date, render_partial
from dcaht.urls import page_url


class PageLanguage:
    """What a partial needs to speak the page's language and link within it."""

    def __init__(self, env, vocabulary, root: Path):
        self.locale = env.conf["theme"]["language"]
        i18n = env.conf.plugins.get("i18n")
        # A one-language preview (build_only_locale) builds that language at the root.
        self.default = i18n.default_language if i18n else project.default_locale(root)
        self.vocabulary = vocabulary
        self._page = env.page
        self._directory_urls = env.conf["use_directory_urls"]

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

    def page(self, src_path: str) -> str:
        """A link from this page to the page built from docs/`src_path`, in this language."""
        prefix = "" if self.locale == self.default else f"{self.locale}/"
        target = prefix + page_url(src_path, self._directory_urls)
        return get_relative_url(target, self._page.url) if self._page else target

    def asset(self, site_path: str) -> str:
        """A link to a file built once at the site root (e.g. the contacts CSV)."""
        return get_relative_url(site_path, self._page.url) if self._page else site_path


def define_env(env):
    root = Path(env.conf["config_file_path"]).parent
    partials = root / "overrides" / "partials" / "dcaht"

    # Once per language build (define_env runs in each); the hooks validated it already.
    catalogue, vocabulary = load_catalogue(root)

    def context():
        return catalogue, PageLanguage(env, vocabulary, root)

    def render(name, **kwargs):
        return render_partial(partials, name, **kwargs)

    def _practices(ids):
        catalogue, lang = context()
        unknown = [i for i in ids if i not in catalogue.practices]
        if unknown:
            raise KeyError(f"practice_list: unknown practice id(s) {unknown}; known: "
                           f"{sorted(catalogue.practices)}")
        return [catalogue.practices[i] for i in ids], lang

    @env.macro
    def practice_catalogue():
        """All practices with filters by country, sector, form and target group."""
        catalogue, lang = context()
        practices = sorted(catalogue.practices.values(),
                           key=lambda p: (lang.country(p.country), p.title.get(lang.locale)))
        used = {
            "country": sorted({p.country for p in practices}, key=lang.country),
            "sectors": [k for k in lang.vocabulary.keys("sectors")
                        if any(k in p.sectors for p in practices)],
            "forms": [k for k in lang.vocabulary.keys("forms")
                      if any(k in p.forms for p in practices)],
            "target_groups": [k for k in lang.vocabulary.keys("target_groups")
                              if any(k in p.target_groups for p in practices)],
        }
        return render("practice_catalogue.html", practices=practices, used=used, lang=lang)

    @env.macro
    def practice_list(ids):
        """Cards of the given practices (for chapters)."""
        practices, lang = _practices(ids)
        return render("practice_list.html", practices=practices, lang=lang)

    @env.macro
    def practice_page(practice_id):
        """The whole page of one practice (called by the generated stub pages)."""
        (practice,), lang = _practices([practice_id])
        if env.page is not None:
            # The page title (for <title>, search and the browser tab) comes from data:
            # overrides/main.html escapes it.
            env.page.meta["title"] = practice.title.get(lang.locale)
        return render("practice_page.html", practice=practice, lang=lang)

    @env.macro
    def contact_directory():
        """The directory of contacts, grouped by country, filterable by type."""
        catalogue, lang = context()
        contacts = list(catalogue.contacts.values())
        international = sorted((c for c in contacts if not c.country), key=lambda c: c.name)
        by_country = {}
        for c in sorted((c for c in contacts if c.country), key=lambda c: c.name):
            by_country.setdefault(c.country, []).append(c)
        countries = sorted(by_country, key=lang.country)
        types = [k for k in lang.vocabulary.keys("contact_types")
                 if any(c.type == k for c in contacts)]
        return render("contact_directory.html", international=international,
                      by_country=by_country, countries=countries, types=types,
                      count=len(contacts), lang=lang)

    @env.macro
    def contact_list(ids):
        """Short entries of the given contacts (for chapters)."""
        catalogue, lang = context()
        unknown = [i for i in ids if i not in catalogue.contacts]
        if unknown:
            raise KeyError(f"contact_list: unknown contact id(s) {unknown}")
        return render("contact_list.html", contacts=[catalogue.contacts[i] for i in ids],
                      lang=lang)

    @env.macro
    def glossary_table():
        """Every glossary term in the page's language."""
        catalogue, lang = context()
        terms = sorted(catalogue.glossary,
                       key=lambda t: (t.abbreviation or t.term.get(lang.locale)).lower())
        return render("glossary.html", terms=terms, lang=lang)

    @env.macro
    def indicator_list(group_id):
        """One indicator checklist, printable."""
        catalogue, lang = context()
        if group_id not in catalogue.indicator_groups:
            raise KeyError(f"indicator_list: unknown group '{group_id}'; known: "
                           f"{sorted(catalogue.indicator_groups)}")
        return render("indicators.html", group=catalogue.indicator_groups[group_id], lang=lang)

    @env.macro
    def all_indicator_lists():
        """Every indicator checklist (the indicators page)."""
        catalogue, lang = context()
        return "\n".join(render("indicators.html", group=g, lang=lang)
                         for g in catalogue.indicator_groups.values())

    @env.macro
    def translation_status():
        """The pages x languages table of translation states (dcaht translations)."""
        from dcaht.translations import status_table

        _, lang = context()
        table = status_table(Path(env.conf["docs_dir"]), project.locales(root),
                             project.default_locale(root))
        names = {language.locale: language.name for language in project.languages(root)}
        return render("translation_status.html", table=table, names=names, lang=lang)

    @env.macro
    def data_counts():
        """How many practices, contacts and countries the site holds (for the home page)."""
        catalogue, _ = context()
        return {
            "practices": len(catalogue.practices),
            "contacts": len(catalogue.contacts),
            "countries": len({c.country for c in catalogue.contacts.values() if c.country}),
        }
