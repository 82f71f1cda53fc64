"""Turning validated objects into HTML through the Jinja partials in overrides/partials/dcaht/.

Autoescaping is on: every text from data is HTML-escaped unless it went through
`data_markdown`, which escapes raw HTML first and drops links to non-web addresses.
Nothing here renders data as a Jinja template.
"""

from __future__ import annotations

import html
import itertools
import re
import xml.etree.ElementTree as etree
from datetime import date
from functools import lru_cache
from pathlib import Path

import markdown
from babel.dates import format_date
from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor
from markupsafe import Markup

SAFE_SCHEMES = re.compile(r"^(https?:|mailto:)", re.I)


class _DropUnsafeLinks(Treeprocessor):
    """Data Markdown may link only to web and mail addresses; anything else loses its href."""

    def run(self, root: etree.Element) -> None:
        for element in root.iter("a"):
            href = element.get("href", "")
            if not SAFE_SCHEMES.match(href.strip()):
                del element.attrib["href"]
            else:
                element.set("rel", "noopener")
        for element in list(root.iter("img")):
            element.tag = "span"  # no images from data: they would load from a third party
            element.text = element.get("alt", "")
            element.attrib.clear()


class _SafeDataMarkdown(Extension):
    def extendMarkdown(self, md):  # noqa: N802 (Markdown's API)
        md.treeprocessors.register(_DropUnsafeLinks(md), "dcaht_drop_unsafe_links", 0)


_data_markdown = markdown.Markdown(extensions=["sane_lists", _SafeDataMarkdown()])


@lru_cache(maxsize=8192)
def data_markdown(text: str | None) -> Markup:
    """Render contributor Markdown: raw HTML appears as text, links only to the web.
    Cached: a practice's text is rendered for every language that shows it."""
    if not text:
        return Markup("")
    escaped = html.escape(text, quote=False)
    rendered = _data_markdown.reset().convert(escaped)
    return Markup(rendered)


# Action point texts may link a chapter: "[chapter 10](danube-cooperation.md#transnational-referral)".
CHAPTER_LINK = re.compile(r"\[([^\]]+)\]\(([a-z0-9-]+)\.md(#[a-z0-9-]+)?\)")


def chapter_links(text: str, lang) -> Markup:
    """Escaped text whose chapter links point at that chapter in the page's language."""
    parts, position = [], 0
    for match in CHAPTER_LINK.finditer(text):
        parts.append(html.escape(text[position:match.start()], quote=False))
        href = lang.page(f"guidelines/{match.group(2)}.md") + (match.group(3) or "")
        parts.append(f'<a href="{html.escape(href)}">{html.escape(match.group(1), quote=False)}</a>')
        position = match.end()
    parts.append(html.escape(text[position:], quote=False))
    return Markup("".join(parts))


def without_links(text: str) -> str:
    """The same text with chapter links reduced to their words (exports, plain text)."""
    return CHAPTER_LINK.sub(r"\1", text)


@lru_cache(maxsize=4096)
def localized_date(value: date, locale: str) -> str:
    return format_date(value, format="long", locale=locale)


@lru_cache(maxsize=4)
def partials_environment(partials_dir: Path) -> Environment:
    env = Environment(
        loader=FileSystemLoader(str(partials_dir)),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=False,
    )
    env.filters["markdown"] = data_markdown
    env.filters["chapter_links"] = chapter_links
    return env


# Rendered HTML does not go through Markdown: the page gets a placeholder paragraph and
# the HTML replaces it after Markdown ran (`unstash`, from the on_page_content hook).
# Python-Markdown's raw-HTML handling was the largest cost of a build at Danube scale.
_STASH: dict[str, str] = {}
_COUNTER = itertools.count()
_TOKEN = re.compile(r"(?:<p>)?(DCAHTHTML\d{9})(?:</p>)?")


def stash(fragment: str) -> str:
    token = f"DCAHTHTML{next(_COUNTER):09d}"
    _STASH[token] = fragment
    return f"\n\n{token}\n\n"


def unstash(page_html: str) -> str:
    return _TOKEN.sub(lambda match: _STASH.pop(match.group(1), match.group(0)), page_html)


# A partial writes {{ block_break }} around Markdown it wants Markdown to see (a heading
# that belongs in the table of contents); everything between breaks that starts with "<"
# is HTML and is stashed.
BLOCK_BREAK = "\x1e"


def render_partial(partials_dir: Path, name: str, **context) -> str:
    output = partials_environment(partials_dir).get_template(name).render(
        block_break=Markup(BLOCK_BREAK), **context)
    parts = []
    for segment in output.split(BLOCK_BREAK):
        segment = "\n".join(line for line in segment.splitlines() if line.strip())
        if segment:
            parts.append(stash(segment) if segment.lstrip().startswith("<") else f"\n\n{segment}\n\n")
    return "".join(parts)
