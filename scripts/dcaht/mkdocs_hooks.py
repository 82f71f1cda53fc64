"""MkDocs hooks: validate data before anything is built, write the practice stubs, add
glossary tooltips in the page's language, and export the contacts once all languages
are built. Loaded by path from mkdocs.yml (`hooks:`)."""

from __future__ import annotations

from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from dcaht import project
from dcaht.catalogue import load_catalogue
from dcaht.exports import contacts_csv, contacts_vcard
from dcaht.html_fixes import label_task_checkboxes
from dcaht.problems import DataInvalid
from dcaht.stubs import write_practice_stubs


def _root(config) -> Path:
    return Path(config.config_file_path).parent


def _catalogue(config):
    try:
        return load_catalogue(_root(config))
    except DataInvalid as invalid:
        # A broken contribution must never reach the site: stop with the contributor's
        # messages, not a traceback.
        raise PluginError(str(invalid)) from None


@event_priority(100)
def on_config(config):
    """Before the i18n plugin collects files (it runs at -100), so stubs are ordinary pages."""
    catalogue, _ = _catalogue(config)
    root = _root(config)
    write_practice_stubs(Path(config.docs_dir), catalogue.practices, project.locales(root),
                         project.default_locale(root))
    return config


@event_priority(-50)
def on_page_markdown(markdown, page, config, files):
    """Append the glossary's abbreviations (abbr) in the build language.

    After the macros plugin (priority 0), so glossary text never passes through Jinja."""
    catalogue, _ = _catalogue(config)
    locale = config.theme["language"]
    definitions = [
        f"*[{term.abbreviation}]: {' '.join(term.term.get(locale).split())}"
        for term in catalogue.glossary
        if term.abbreviation and term.abbreviation in markdown
    ]
    if not definitions:
        return markdown
    return markdown + "\n\n" + "\n".join(definitions) + "\n"


def on_page_content(html, page, config, files):
    return label_task_checkboxes(html)


def _i18n_building(config) -> bool:
    plugin = config.plugins.get("i18n")
    return bool(plugin and getattr(plugin, "building", False))


@event_priority(-200)
def on_post_build(config):
    """After i18n built every language (it runs at -100): files built once for all."""
    if _i18n_building(config):
        return
    catalogue, _ = _catalogue(config)
    contacts = sorted(catalogue.contacts.values(), key=lambda c: (c.country or "", c.name))
    out = Path(config.site_dir) / "contacts"
    out.mkdir(parents=True, exist_ok=True)
    (out / "dcaht-contacts.csv").write_text(contacts_csv(contacts), encoding="utf-8")
    (out / "dcaht-contacts.vcf").write_text(contacts_vcard(contacts), encoding="utf-8")
