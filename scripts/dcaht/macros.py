"""The macros pages call: they map validated data into the Jinja partials' context.

Loaded by mkdocs-macros (`module_name` in mkdocs.yml). Each macro returns escaped HTML
(see render.py); the language is the build language, not the source file's (a fallback
page under /de/ has an English source file but must show German labels).
"""

from __future__ import annotations

from pathlib import Path

from dcaht import project
from dcaht.catalogue import load_catalogue
from dcaht.chapters import chapter_slugs
from dcaht.contacts_view import country_summaries, international_contacts
from dcaht.generated_pages import report_settings
from dcaht.page_language import PageLanguage
from dcaht.practice_map import danube_map
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

    def this_chapter() -> str:
        """The chapter of the page being rendered (guidelines/mapping.de.md -> mapping)."""
        src = env.page.file.src_uri
        slug = src.rsplit("/", 1)[-1].split(".")[0]
        if not src.startswith("guidelines/") or slug not in chapter_slugs(docs):
            raise ValueError(f"{src}: this macro belongs in a chapter under docs/guidelines/")
        return slug

    docs = Path(env.conf["docs_dir"])

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
        counts = {}
        for p in practices:
            counts[p.country] = counts.get(p.country, 0) + 1
        return render("practice_catalogue.html", practices=practices, used=used, lang=lang,
                      map=danube_map(root, counts))

    @env.macro
    def action_points():
        """This chapter's action points (data/action_points.yml), each with its #ap-<id>."""
        catalogue, lang = context()
        return render("action_points.html", points=catalogue.current_action_points(this_chapter()),
                      lang=lang)

    @env.macro
    def action_plan():
        """Every current action point by phase, linked to its chapter (the action plan)."""
        catalogue, lang = context()
        slugs = chapter_slugs(docs)
        points = catalogue.current_action_points()
        by_phase = {phase: [p for p in points if p.phase == phase] for phase in catalogue.action_phases}
        chapters_by_phase = {phase: sorted({p.chapter for p in pts}, key=slugs.index)
                             for phase, pts in by_phase.items()}
        return render("action_plan.html", phases=list(catalogue.action_phases.values()),
                      points_by_phase=by_phase, chapters_by_phase=chapters_by_phase,
                      chapter_numbers={slug: i for i, slug in enumerate(slugs, 1)}, lang=lang)

    @env.macro
    def self_assessment():
        """The self-assessment and local action plan (self-assessment.js)."""
        from dcaht.self_assessment import FORMAT_VERSION, STATUSES, page_data

        catalogue, lang = context()
        slugs = chapter_slugs(docs)
        phases = list(catalogue.action_phases.values())
        current = catalogue.current_action_points()
        by_phase = {phase.id: [p for p in current if p.phase == phase.id] for phase in phases}
        numbers = {slug: i for i, slug in enumerate(slugs, 1)}
        return render("self_assessment.html", phases=phases, points_by_phase=by_phase,
                      statuses=STATUSES, chapter_numbers=numbers, lang=lang,
                      data=page_data(catalogue, lang, numbers), version=FORMAT_VERSION)

    @env.macro
    def practice_form():
        """Propose a good practice: the schema's fields in the page's language (practice_form.py)."""
        from dcaht.practice_form import form_fields, form_language
        from dcaht.practice_form import page_data as form_data
        from dcaht.schemas import read_schema

        _, lang = context()
        default = project.default_locale(root)
        label, option_label = form_language(root, lang.vocabulary, lang.locale, default)
        settings = env.conf["extra"].get("dcaht", {})
        data = form_data(form_fields(read_schema(root, "practice")), label, option_label, lang.locale, default,
                         lambda code: lang.vocabulary.language_name(code, lang.locale),
                         report_settings(env.conf).get("repository") or "", settings.get("editors_email") or "")
        return render("practice_form.html", data=data, lang=lang)

    @env.macro
    def related_practices():
        """The practices that name this chapter in their `chapters` field."""
        catalogue, lang = context()
        practices = sorted(catalogue.practices_for_chapter(this_chapter()),
                           key=lambda p: (lang.country(p.country), p.title.get(lang.locale)))
        return render("practice_list.html", practices=practices, lang=lang)

    @env.macro
    def practice_list(ids):
        """Cards of the given practices (for chapters)."""
        practices, lang = _practices(ids)
        return render("practice_list.html", practices=practices, lang=lang)

    @env.macro
    def contact_directory():
        """The country chooser (one page per country) and the Europe-wide bodies."""
        catalogue, lang = context()
        countries = sorted(lang.vocabulary.danube_countries, key=lang.country)
        return render("contact_directory.html", countries=country_summaries(catalogue, countries),
                      international=international_contacts(catalogue), lang=lang,
                      report=report_settings(env.conf))

    @env.macro
    def contact_list(ids):
        """Short entries of the given contacts (for chapters)."""
        catalogue, lang = context()
        unknown = [i for i in ids if i not in catalogue.contacts]
        if unknown:
            raise KeyError(f"contact_list: unknown contact id(s) {unknown}")
        return render("contact_list.html", contacts=[catalogue.contacts[i] for i in ids],
                      lang=lang, report=report_settings(env.conf))

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
        return render("indicators.html", group=catalogue.indicator_groups[group_id], lang=lang, level=3)

    @env.macro
    def all_indicator_lists():
        """Every indicator checklist (the indicators page)."""
        catalogue, lang = context()
        return "\n".join(render("indicators.html", group=g, lang=lang, level=2)
                         for g in catalogue.indicator_groups.values())

    @env.macro
    def translation_status():
        """The pages x languages and data files x languages tables (dcaht translations)."""
        from dcaht.data_translations import data_status
        from dcaht.translations import page_reviews, status_table

        _, lang = context()
        locales, default = project.locales(root), project.default_locale(root)
        table = status_table(Path(env.conf["docs_dir"]), locales, default)
        data = data_status(root, locales)
        completeness = {}
        for loc in locales:
            states = [s[loc] for _, s in table.rows] + [d.state(loc, default) for d in data]
            done = sum(1 for s in states if s in ("source", "translated", "unreviewed", "reviewed"))
            completeness[loc] = round(100 * done / len(states)) if states else 100
        names = {language.locale: language.name for language in project.languages(root)}
        return render("translation_status.html", table=table, data=data, default=default,
                      reviews=page_reviews(Path(env.conf["docs_dir"]), locales),
                      completeness=completeness, names=names, lang=lang)

    @env.macro
    def data_counts():
        """How many practices, contacts and countries the site holds (for the home page)."""
        catalogue, _ = context()
        return {
            "practices": len(catalogue.practices),
            "contacts": len(catalogue.contacts),
            "countries": len({c.country for c in catalogue.contacts.values() if c.country}),
        }
