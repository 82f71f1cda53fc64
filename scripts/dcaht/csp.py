"""A Content-Security-Policy for every page, as a <meta http-equiv> (GitHub Pages and most
static hosts set no headers), and a referrer policy.

Scripts run only from the site itself or, for the few inline ones (Material's and ours),
by the SHA-256 of their exact text, computed on the finished HTML (mkdocs_hooks.py calls
`with_policy` last, after every other change). JSON data islands (`type="application/
json"`) are not executed and need no hash. No 'unsafe-eval', no 'unsafe-inline' for
scripts, no plugins (object-src 'none'); forms submit only to the site (the practice form
opens GitHub by links, not by submitting). The referrer policy sends other sites nothing:
a reader's path can tell what they were reading. No MkDocs here.
"""

from __future__ import annotations

import base64
import hashlib
import re

INLINE_SCRIPT = re.compile(r"<script(?P<attrs>(?:\s[^>]*)?)>(?P<body>.*?)</script>", re.S | re.I)
DATA_TYPES = ("application/json", "application/ld+json", "text/template")
CHARSET = re.compile(r"<meta charset=[\"']?utf-8[\"']?\s*/?>", re.I)
REFERRER = "no-referrer"


def inline_script_hashes(html: str) -> list[str]:
    """'sha256-…' of every inline script the browser would run, in page order."""
    hashes = []
    for match in INLINE_SCRIPT.finditer(html):
        attrs = match.group("attrs") or ""
        if re.search(r"\ssrc\s*=", attrs, re.I):
            continue
        kind = re.search(r"\stype\s*=\s*[\"']?([^\"'\s>]+)", attrs, re.I)
        if kind and kind.group(1).lower() in DATA_TYPES:
            continue
        digest = hashlib.sha256(match.group("body").encode("utf-8")).digest()
        token = f"'sha256-{base64.b64encode(digest).decode('ascii')}'"
        if token not in hashes:
            hashes.append(token)
    return hashes


def policy(script_hashes: list[str]) -> str:
    directives = [
        "default-src 'self'",
        "script-src 'self' " + " ".join(script_hashes) if script_hashes else "script-src 'self'",
        "style-src 'self'",
        # Material's stylesheet draws its icons from data: SVGs; the practice form downloads
        # the file it wrote through a blob: link.
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        # the search worker; the offline bundle's worker shim runs it in a frame
        "worker-src 'self' blob:",
        "frame-src 'self' blob:",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
    ]
    return "; ".join(directives)


def with_policy(html: str) -> str:
    """The page with its policy and referrer policy right after <meta charset>, which must
    stay first; a page that already carries a policy is left as it is."""
    if 'http-equiv="Content-Security-Policy"' in html:
        return html
    tags = (f'<meta http-equiv="Content-Security-Policy" content="{policy(inline_script_hashes(html))}">'
            f'<meta name="referrer" content="{REFERRER}">')
    match = CHARSET.search(html)
    if match is None:
        return html
    return html[:match.end()] + tags + html[match.end():]
