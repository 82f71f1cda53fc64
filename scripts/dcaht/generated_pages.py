"""Pages generated from data (their stubs name a practice or a country): the Markdown
MkDocs receives for them. The HTML comes from the Jinja partials, stashed past Markdown
(render.stash), and the page title from data, escaped by overrides/main.html."""

from __future__ import annotations

from pathlib import Path

from mkdocs.exceptions import PluginError

from dcaht.chapters import chapter_number, chapter_title
from dcaht.contacts_view import country_view
from dcaht.page_language import PageLanguage
from dcaht.render import render_partial


def _partials(config) -> Path:
    return Path(config.config_file_path).parent / "overrides" / "partials" / "dcaht"


def practice_page(catalogue, vocabulary, practice_id: str, page, config) -> str:
    """One good practice, with links to the chapters it illustrates."""
    practice = catalogue.practices.get(practice_id)
    if practice is None:
        raise PluginError(f"{page.file.src_uri}: no practice '{practice_id}' in data/practices/")
    root = Path(config.config_file_path).parent
    lang = PageLanguage(config, page, vocabulary, root)
    page.meta["title"] = practice.title.get(lang.locale)
    docs = Path(config.docs_dir)
    chapters = []
    for slug in practice.chapters:
        title, title_lang = chapter_title(docs, slug, lang.locale, lang.default)
        chapters.append({"number": chapter_number(docs, slug), "title": title,
                         "lang": title_lang, "href": lang.page(f"guidelines/{slug}.md")})
    return render_partial(_partials(config), "practice_page.html",
                          practice=practice, lang=lang, chapters=chapters)


def country_page(catalogue, vocabulary, code: str, page, config) -> str:
    """One country's contacts: urgent help first, then institutions by role, then the
    country's good practices and its downloads."""
    if code not in vocabulary.danube_countries:
        raise PluginError(f"{page.file.src_uri}: '{code}' is not a Danube Region country")
    root = Path(config.config_file_path).parent
    lang = PageLanguage(config, page, vocabulary, root)
    view = country_view(catalogue, code)
    page.meta["title"] = lang.t("contacts_in_country").replace("{country}", lang.country(code))
    return render_partial(_partials(config), "country_page.html", view=view, lang=lang,
                          report=report_settings(config))


def report_settings(config) -> dict:
    """Where a reader reports an outdated entry: a prefilled issue on the repository when
    its address is known (extra.dcaht.repository), else the Contribute page."""
    settings = config.extra.get("dcaht", {}) if config.extra else {}
    return {"repository": (settings.get("repository") or "").rstrip("/")}
