"""Small corrections to rendered HTML that the theme and extensions get wrong."""

from __future__ import annotations

import html
import re

_TASK_ITEM = re.compile(
    r'(<li class="task-list-item"><label class="task-list-control"><input type="checkbox")'
    r'([^>]*>)(.*?)(?=<li|</li>|</ul>)', re.S)
_TAGS = re.compile(r"<[^>]+>")


def label_task_checkboxes(page_html: str) -> str:
    """Give each task-list checkbox its item's text as accessible name (WCAG 4.1.2):
    pymdownx.tasklist's custom checkboxes have no label of their own."""

    def add_label(match: re.Match) -> str:
        text = " ".join(html.unescape(_TAGS.sub(" ", match.group(3))).split())
        label = html.escape(text[:200], quote=True)
        return f'{match.group(1)} aria-label="{label}"{match.group(2)}{match.group(3)}'

    return _TASK_ITEM.sub(add_label, page_html)


# What the Nu Html Checker finds in Material's templates (issue 17), corrected on the
# finished page because the markup comes from the theme's own partials.
_CHECKBOX_AUTOCOMPLETE = re.compile(r'(<input\b[^>]*\btype="checkbox"[^>]*?)\s+autocomplete="off"')
_LABEL_FOR = re.compile(r'(<label\b[^>]*?)\s+for="([^"]+)"')
_IDS = re.compile(r'\sid="([^"]+)"')
_TOC_TOGGLE = re.compile(r'<input class="md-nav__toggle md-toggle" type="checkbox" id="__toc">')


def valid_theme_html(page_html: str) -> str:
    """- `autocomplete` is not allowed on checkboxes (Material's drawer, search and nav
      toggles). Material sets it so that Firefox does not restore a toggle after a reload;
      without it, Firefox may reopen the navigation drawer a reader left open – a small
      cost for pages that validate;
    - `tabindex=""` is no number (Material's nav labels of sections without an index page);
    - a label's `for` must name a control on the page (the table of contents' title points
      at `__toc` also on pages that have no table of contents), and a toggle no label
      names has no accessible name (pa11y): the `__toc` toggle of a page whose table of
      contents is empty goes."""
    page_html = _CHECKBOX_AUTOCOMPLETE.sub(r"\1", page_html)
    page_html = page_html.replace(' tabindex=""', "")  # a plain replace: a regex was 1.7 ms a page
    ids = set(_IDS.findall(page_html))

    def keep_or_drop(match: re.Match) -> str:
        return match.group(0) if match.group(2) in ids else match.group(1)

    page_html = _LABEL_FOR.sub(keep_or_drop, page_html)
    if 'for="__toc"' not in page_html:
        page_html = _TOC_TOGGLE.sub("", page_html)
    return page_html
