"""MkDocs hooks: validate data before anything is built, write the practice stubs, add
glossary tooltips in the page's language, and export the contacts once all languages
are built. Loaded by path from mkdocs.yml (`hooks:`)."""

from __future__ import annotations

import logging
import os
from datetime import date
from functools import lru_cache
from pathlib import Path
from urllib.parse import urljoin

import segno
from markupsafe import Markup
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.utils import get_relative_url

from dcaht import chapters, project
from dcaht.catalogue import load_catalogue
from dcaht.csp import with_policy
from dcaht.data_translations import cached_file_status
from dcaht.exports import write_exports
from dcaht.feeds import write_practice_feeds
from dcaht.generated_pages import country_page, practice_page
from dcaht.html_fixes import label_task_checkboxes, valid_theme_html
from dcaht.problems import DataInvalid
from dcaht.render import localized_date, unstash
from dcaht.revisions import last_changed
from dcaht.search_languages import write_search_modules
from dcaht.search_split import write_split_indexes
from dcaht.stubs import refresh_stub_times, write_stubs
from dcaht.translations import default_source, source_hash, source_text
from dcaht.urls import page_url


def _root(config) -> Path:
    return Path(config.config_file_path).parent


def built_languages(config) -> tuple[list[str], str]:
    """The languages this build makes and the one at the site root. Usually mkdocs.yml's
    list with English at the root; a preview (build_only_locale) builds one at the root."""
    i18n = config.plugins.get("i18n")
    if i18n is not None:
        return list(i18n.build_languages), i18n.default_language
    root = _root(config)
    return project.locales(root), project.default_locale(root)


# How this process runs: `mkdocs serve --dirty` (make serve LANG=xx) rebuilds only what
# changed, and skips the files that only the published site needs (downloads, feeds).
_mode = {"command": "build", "dirty": False}


class _KnownDirtyWarning(logging.Filter):
    """The preview asks for a dirty rebuild on purpose; MkDocs warns about it on every
    rebuild, which strict mode would turn into a failure. Only that message is dropped."""

    def filter(self, record: logging.LogRecord) -> bool:
        return "A 'dirty' build is being performed" not in record.getMessage()


def _restrict_to_group() -> None:
    """`make build` runs one process per group of languages (parallel_build.py): this
    process builds the default language (i18n's outer build) and the languages named in
    DCAHT_BUILD_GROUP. Every language stays `build: true` in the configuration, so that
    each page's language menu and alternates are what the sequential build makes; only
    the nested builds of other groups' languages are skipped."""
    wanted = os.environ.get("DCAHT_BUILD_GROUP")
    if not wanted:
        return
    import mkdocs_static_i18n.plugin as i18n_plugin

    if getattr(i18n_plugin.build, "dcaht_group", None) is not None:
        i18n_plugin.build.dcaht_group[:] = wanted.split(",")
        return
    original = i18n_plugin.build
    group = wanted.split(",")

    def build_group(config, *args, **kwargs):
        plugin = config.plugins.get("i18n")
        if plugin is not None and plugin.current_language not in group:
            return None
        return original(config, *args, **kwargs)

    build_group.dcaht_group = group
    i18n_plugin.build = build_group


def on_startup(command, dirty):
    _mode.update(command=command, dirty=dirty)
    _restrict_to_group()
    if dirty:
        logging.getLogger("mkdocs.commands.build").addFilter(_KnownDirtyWarning())


def previewing() -> bool:
    return _mode["command"] == "serve" and _mode["dirty"]


# The validated data of the build under way: loaded (or taken from load_catalogue's
# cache) once per language build in on_config, then read by every page event.
_build_data: dict[str, tuple] = {}


def _load(config):
    try:
        _build_data["current"] = load_catalogue(_root(config))
    except DataInvalid as invalid:
        # A broken contribution must never reach the site: stop with the contributor's
        # messages, not a traceback.
        raise PluginError(str(invalid)) from None
    return _build_data["current"]


def _catalogue(config):
    return _build_data.get("current") or _load(config)


OFFLINE_WORKER_SHIM = "assets/vendor/iframe-worker/shim.js"


@event_priority(100)
def on_config(config):
    """Before the i18n plugin collects files (it runs at -100), so stubs are ordinary pages."""
    catalogue, _ = _load(config)
    root = _root(config)
    offline = config.plugins.get("material/offline") or config.plugins.get("offline")
    if offline and offline.config.enabled:
        # Ship the search worker shim ourselves: Material would load it from unpkg.com.
        polyfills = config.extra.setdefault("polyfills", [])
        if OFFLINE_WORKER_SHIM not in polyfills:
            polyfills.append(OFFLINE_WORKER_SHIM)
    _, vocabulary = _catalogue(config)
    _one_error_page(config)
    write_stubs(Path(config.docs_dir), catalogue.practices, vocabulary.danube_countries,
                project.locales(root), project.default_locale(root))  # stubs follow the files, not the build
    refresh_stub_times(Path(config.docs_dir), root / "data", project.locales(root), project.default_locale(root))
    chapters.snapshot(Path(config.docs_dir))
    return config


def _one_error_page(config) -> None:
    """Every language build writes site/404.html, so the last one (Ukrainian) would win
    and an English reader would meet Ukrainian menus. Only the root language's build
    writes it; the page itself speaks every language (overrides/404.html)."""
    if previewing():
        config.theme.static_templates.discard("404.html")  # the preview shows the pages
        return
    i18n = config.plugins.get("i18n")
    if i18n is None:
        return
    if i18n.current_language in (None, i18n.default_language):
        config.theme.static_templates.add("404.html")
    else:
        config.theme.static_templates.discard("404.html")


def on_env(env, config, files):
    """The 404 page's text in every built language, for overrides/404.html."""
    _, vocabulary = _catalogue(config)
    locales, default = built_languages(config)
    names = _language_names(_root(config))
    env.globals["dcaht_not_found"] = [
        {"locale": loc, "prefix": "" if loc == default else f"{loc}/", "language": names.get(loc, loc),
         "title": vocabulary.label("not_found_title", loc), "text": vocabulary.label("not_found_text", loc),
         "home": vocabulary.label("not_found_home", loc)}
        for loc in locales]
    return env


@event_priority(0)
def on_files(files, config):
    """One-language preview (`make serve LANG=de`, i18n's build_only_locale): i18n then
    treats de as the default language, so `page.md` (English) and `page.de.md` both claim
    the page and the English one wins. Drop the English file where a translation exists,
    before i18n sorts the files (it runs at -100)."""
    i18n = config.plugins.get("i18n")
    only = i18n.config.build_only_locale if i18n else None
    if not only or only == project.default_locale(_root(config)):
        return files
    suffix = f".{only}.md"
    translated = {f.src_uri[: -len(suffix)] + ".md" for f in files.documentation_pages()
                  if f.src_uri.endswith(suffix)}
    for file in [f for f in files if f.src_uri in translated]:
        files.remove(file)
    return files


@event_priority(-50)
def on_page_markdown(markdown, page, config, files):
    """Render generated practice pages, and append the glossary's abbreviations (abbr) in
    the build language. After the macros plugin (priority 0), so data text never passes
    through Jinja."""
    catalogue, vocabulary = _catalogue(config)
    if "dcaht_practice" in page.meta:
        return practice_page(catalogue, vocabulary, str(page.meta["dcaht_practice"]), page, config)
    if "dcaht_country" in page.meta:
        return country_page(catalogue, vocabulary, str(page.meta["dcaht_country"]), page, config)
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
    """Put the HTML rendered from data in place (render.stash), then fix task lists."""
    return label_task_checkboxes(unstash(html))


def _i18n_building(config) -> bool:
    plugin = config.plugins.get("i18n")
    return bool(plugin and getattr(plugin, "building", False))


@event_priority(-200)
def on_post_build(config):
    """After i18n built every language (it runs at -100): files built once for all."""
    if _i18n_building(config):
        return
    catalogue, vocabulary = _catalogue(config)
    contacts = sorted(catalogue.contacts.values(), key=lambda c: (c.country or "", c.name))
    locales, default = built_languages(config)
    offline = config.plugins.get("material/offline") or config.plugins.get("offline")
    write_split_indexes(Path(config.site_dir), locales, default,
                        inline_script=bool(offline and offline.config.enabled))
    write_search_modules(Path(config.site_dir), locales, _material_lunr_dir())
    if previewing():
        return  # the preview shows pages; downloads and feeds wait for make build
    write_practice_feeds(Path(config.site_dir), config.site_url or "", list(catalogue.practices.values()),
                         locales, default, lambda loc: f"{config.site_name}: {vocabulary.label('feed_title', loc)}",
                         config.site_name)
    root = _root(config)
    write_exports(Path(config.site_dir) / "contacts", contacts, vocabulary.danube_countries,
                  root / "data" / "schema" / "hsds",
                  {code: vocabulary.country_name(code, "en") for code in vocabulary.countries})


def _material_lunr_dir() -> Path:
    import material

    return Path(material.__file__).parent / "templates" / "assets" / "javascripts" / "lunr" / "min"


def _notice(kind: str, text: str, link: tuple[str, str] | None = None) -> dict:
    return {"kind": kind, "text": text, "link": link}


def on_page_context(context, page, config, nav):
    """What overrides/main.html adds around the content: the print origin block, the
    handout link, and notices in the reader's language when a page is an English fallback,
    a translation not yet reviewed (with a link to the English reference text), a reviewed
    one (by whom, when), or possibly outdated."""
    root = _root(config)
    _, default = built_languages(config)
    locale = config.theme["language"]
    _, vocabulary = _catalogue(config)
    context["dcaht_language_root"] = "" if locale == default else f"{locale}/"
    context["dcaht_origin"] = print_origin(page, config, root, locale, vocabulary)
    context["dcaht_handout"] = _handout_link(page, config, locale)
    context["dcaht_provenance"] = _provenance_note(page, config, locale, vocabulary)
    context["dcaht_notices"] = []
    context["dcaht_fallback_locale"] = ""
    if locale == project.default_locale(root):  # the language the pages are written in
        return context
    file_locale = getattr(page.file, "locale", locale)
    invite = (vocabulary.label("translate_invite", locale), context["dcaht_language_root"] +
              page_url("contribute/index.md", config.use_directory_urls) + "#translations-of-pages")
    if file_locale != locale:
        context["dcaht_fallback_locale"] = file_locale
        context["dcaht_notices"].append(
            _notice("fallback", vocabulary.label("fallback_notice", locale), invite))
        return context
    english = (vocabulary.label("english_reference", locale), _english_url(page, locale))
    state, review = _review_state(page, root, locale)
    if state == "unreviewed":
        context["dcaht_notices"].append(
            _notice("unreviewed", vocabulary.label("unreviewed_notice", locale), english))
    elif state == "reviewed":
        text = vocabulary.label("reviewed_notice", locale).replace("{by}", str(review.get("by", ""))) \
            .replace("{date}", _review_date(review.get("on"), locale))
        context["dcaht_notices"].append(_notice("reviewed", text, english))
    recorded = page.meta.get("source_hash")
    source = default_source(Path(page.file.abs_src_path), locale)
    if recorded and source and recorded != source_hash(source_text(source)):
        context["dcaht_notices"].append(
            _notice("outdated", vocabulary.label("outdated_notice", locale), invite))
    return context


def _english_url(page, locale: str) -> str:
    """The same page in the default language (site-root-relative)."""
    url = page.url
    return url[len(locale) + 1:] if url.startswith(f"{locale}/") else url


def _review_date(value, locale: str) -> str:
    try:
        return localized_date(date.fromisoformat(str(value)), locale)
    except ValueError:
        return str(value or "")


def _review_state(page, root: Path, locale: str) -> tuple[str, dict]:
    """("unreviewed" | "reviewed" | "translated" | "missing", the review record). Pages say
    it in their front matter; generated pages take it from their data file."""
    if "dcaht_practice" in page.meta or "dcaht_country" in page.meta:
        status = _data_status(_source_file(page, root), root)
        if status is None or status.missing.get(locale):
            return "missing", {}
        review = status.reviewed.get(locale)
        return ("reviewed", review) if review else ("unreviewed", {})
    reviewed = page.meta.get("translation_reviewed")
    if reviewed is False:
        return "unreviewed", {}
    if isinstance(reviewed, dict):
        return "reviewed", reviewed
    return "translated", {}


def _data_status(path: Path, root: Path):
    return cached_file_status(path, root, project.locales(root)) if path.is_file() else None


def _provenance_note(page, config, locale: str, vocabulary) -> dict | None:
    """Chapters and the home page say, in the reader's language, that this is our own
    sourced handbook and not the official D-CAHT text, with a link to About."""
    if "chapter" not in page.meta and not page.is_homepage:
        return None
    _, default = built_languages(config)
    prefix = "" if locale == default else f"{locale}/"
    target = prefix + page_url("about/index.md", config.use_directory_urls)
    return {"text": vocabulary.label("provenance_note", locale),
            "link": vocabulary.label("provenance_link", locale),
            "href": get_relative_url(target, page.url) + "#whose-text"}


def _source_file(page, root: Path) -> Path:
    """The file a page's text comes from: the data file for generated pages."""
    if "dcaht_practice" in page.meta:
        return root / "data" / "practices" / f"{page.meta['dcaht_practice']}.yml"
    if "dcaht_country" in page.meta:
        contacts = root / "data" / "contacts" / f"{str(page.meta['dcaht_country']).lower()}.yml"
        return contacts if contacts.is_file() else root / "data" / "emergency.yml"
    return Path(page.file.abs_src_path)


def print_origin(page, config, root: Path, locale: str, vocabulary) -> dict:
    """Where a printed page comes from: site, address (+ QR code), last change, language."""
    address = urljoin(config.site_url, page.url) if config.site_url else ""
    changed = last_changed(root, _source_file(page, root))
    language = _language_names(root)[locale]
    return {
        "site": config.site_name,
        "address": address,
        "qr_svg": Markup(qr_code_svg(address)) if address else "",
        "changed": localized_date(changed, locale),
        "changed_iso": changed.isoformat(),
        "language": language,
        "provenance": vocabulary.label("provenance_note", locale),
        "labels": {key: vocabulary.label(f"print_{key}", locale)
                   for key in ("source", "changed", "language")},
    }


@lru_cache(maxsize=4)
def _language_names(root: Path) -> dict[str, str]:
    return {language.locale: language.name for language in project.languages(root)}


def _handout_link(page, config, locale: str) -> dict | None:
    """Chapters link their PDF and the whole guide's (handouts.GUIDE_FILE) once `make
    handouts` builds them (DCAHT_HANDOUTS=1)."""
    if not os.environ.get("DCAHT_HANDOUTS") or "chapter" not in page.meta:
        return None
    _, vocabulary = _catalogue(config)
    slug = page.file.src_uri.split("/")[-1].split(".")[0]
    return {"href": get_relative_url(f"handouts/{locale}/{slug}.pdf", page.url),
            "text": vocabulary.label("download_handout", locale),
            "guide_href": get_relative_url(f"handouts/{locale}/guide.pdf", page.url),
            "guide_text": vocabulary.label("download_guide", locale)}


def qr_code_svg(address: str) -> str:
    """An inline SVG QR code of the page's address, for handouts."""
    return segno.make(address, error="m").svg_inline(
        scale=3, border=2, title=address, dark="#000", light="#fff")


@event_priority(-1000)
def on_post_page(output, page, config):
    """Last of all changes to a page: the theme's markup made valid HTML (html_fixes.py),
    then its Content-Security-Policy, with the hashes of the inline scripts it ends up
    with (csp.py)."""
    return with_policy(valid_theme_html(output))


@event_priority(-1000)
def on_post_template(output_content, template_name, config):
    """The 404 page (a theme template, not a page) gets the same corrections and policy."""
    if not template_name.endswith(".html"):
        return output_content
    return with_policy(valid_theme_html(output_content))
