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
