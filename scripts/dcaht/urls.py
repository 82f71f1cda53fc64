"""Where a docs file ends up, with or without directory URLs (the offline build has none)."""

from __future__ import annotations


def page_url(src_path: str, use_directory_urls: bool) -> str:
    """'practices/x.md' -> 'practices/x/' (or 'practices/x.html'); index.md -> its folder."""
    stem = src_path[:-3] if src_path.endswith(".md") else src_path
    if not use_directory_urls:
        return stem + ".html"
    if stem == "index" or stem.endswith("/index"):
        return stem[: -len("index")]
    return stem + "/"
