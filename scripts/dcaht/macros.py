"""The macros pages call: they map validated data into the Jinja partials' context.

Loaded by mkdocs-macros (`module_name` in mkdocs.yml). Each macro returns escaped HTML
(see render.py); the language is the build language, not the source file's (a fallback
page under /de/ has an English source file but must show German labels).
"""

from __future__ import annotations

from pathlib import Path

from dcaht import project
from dcaht.catalogue import load_catalogue
from dcaht.page_language import PageLanguage
from dcaht.render import render_partial


def define_env(env):
    root = Path(env.conf["config_file_path"]).parent
    partials = root / "overrides" / "partials" / "dcaht"

    # Once per language build (define_env runs in each); the hooks validated it already.
    catalogue, vocabulary = load_catalogue(root)

    def context():
        return catalogue, PageLanguage(env.conf, env.page, vocabulary, root)

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
