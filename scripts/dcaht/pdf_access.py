"""Make Chromium's tagged handout PDFs pass PDF/UA checks: a pikepdf post-processor.

Why post-processing and not another renderer: headless Chromium already writes a
structure tree that follows the HTML (headings, lists, tables, links with their
annotations as OBJR kids), /Lang, /MarkInfo, a title and an outline from the headings,
and it prints Material's pages with the site's own print CSS and fonts. What it misses
is small and mechanical (measured on the handouts with Chromium 156 and pdfua 0.1.3; the
English "identification" handout had 2,398 untagged text operators and 113 undescribed
links):

- content outside any marked-content sequence (list bullets and checklist boxes drawn by
  CSS, admonition icons, the guide's page numbers): wrapped here in /Artifact sequences.
  Text that matters is not left to CSS generated content: print.js writes link
  addresses as real text, which Chromium tags;
- link annotations without /Contents: filled here with each link's text, which the
  browser reports before printing (`PageFacts.links`);
- no XMP packet: written here with dc:title, dc:language and pdfuaid:part 1;
- no /Lang on text in another language than the page's (Chromium drops the HTML lang
  attribute): the browser paints each such text in a marker colour (`LANGUAGE_MARKER`,
  one per language and original colour); this module finds the marked-content items
  drawn in it, puts /Lang on their structure elements and paints the original colour back;
- bookmarks whose title lost the space where the heading wrapped: retitled.

Another renderer (WeasyPrint reads the same print CSS) would be a second layout engine
to keep in step with the browser readers print from, for gaps this small. pikepdf (QPDF)
edits the file without touching fonts or text, so the text stays extractable. This module
knows nothing of MkDocs: it takes a PDF and plain facts.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import pikepdf
from pikepdf import Array, ContentStreamInlineImage, ContentStreamInstruction, Dictionary, Name, Operator

# Text in another language is painted rgb(R, G, index) (0-255) by the browser before
# printing; index 1.. names (language, original colour) in PageFacts.language_marks.
LANGUAGE_MARKER = (3, 1)

_TEXT_SHOWING = {"Tj", "TJ", "'", '"'}
_PAINTING = _TEXT_SHOWING | {"Do", "S", "s", "f", "F", "f*", "B", "B*", "b", "b*", "sh"}
# A run of untagged content is wrapped as one artifact; it never crosses these, so
# marked content stays nested inside text objects and graphics-state blocks.
_RUN_BREAKERS = {"BT", "ET", "q", "Q", "BDC", "BMC", "EMC", "BX", "EX"}
_FILL_COLOUR = {"g", "rg", "k", "sc", "scn", "cs"}


@dataclass
class PageFacts:
    """What the browser knew about the printed page and the PDF does not say."""

    title: str
    language: str
    # link target (absolute address, "tel:...", or "#id" inside the document) -> the
    # accessible names of the links to it, in document order
    links: dict[str, list[str]] = field(default_factory=dict)
    # marker index - 1 -> (language, original colour as 0-1 floats)
    language_marks: list[tuple[str, tuple[float, float, float]]] = field(default_factory=list)
    # the text of the printed headings, in document order
    headings: list[str] = field(default_factory=list)


@dataclass
class AccessReport:
    artifacts: int = 0  # untagged runs wrapped as artifacts
    links_described: int = 0
    language_parts: int = 0  # structure elements given their own /Lang
    bookmarks_fixed: int = 0


def make_accessible(path: Path, facts: PageFacts) -> AccessReport:
    """Rewrite the PDF at `path` in place so that it passes PDF/UA checks."""
    report = AccessReport()
    with pikepdf.open(path, allow_overwriting_input=True) as pdf:
        content_languages = {}
        for page in pdf.pages:
            report.artifacts += _tag_page_content(pdf, page, facts, content_languages)
        report.language_parts = _mark_languages(pdf, content_languages)
        report.links_described = _describe_links(pdf, facts.links)
        report.bookmarks_fixed = _fix_bookmarks(pdf, facts.headings)
        _identify(pdf, facts.title, facts.language)
        pdf.save(path)
    return report


def destination_pages(pdf_file, names: list[str]) -> dict[str, int]:
    """The 1-based page each named destination (an element id the document links to)
    points at; names Chromium did not write are left out."""
    with pikepdf.open(pdf_file) as pdf:
        pages = {page.obj.objgen: number for number, page in enumerate(pdf.pages, start=1)}
        found = {}
        for name in names:
            target = _destination(pdf, name)
            if isinstance(target, Dictionary):
                target = target.get("/D")
            if isinstance(target, Array) and len(target) and isinstance(target[0], Dictionary):
                number = pages.get(target[0].objgen)
                if number:
                    found[name] = number
        return found


def _destination(pdf, name: str):
    dests = pdf.Root.get("/Dests")
    if isinstance(dests, Dictionary) and f"/{name}" in dests:
        return dests[f"/{name}"]
    names = pdf.Root.get("/Names")
    if isinstance(names, Dictionary) and "/Dests" in names:
        tree = pikepdf.NameTree(names.Dests)
        if name in tree:
            return tree[name]
    return None


# -- page content: artifacts and language markers ------------------------------------

def _marker_index(operands) -> int | None:
    """The language-marker index of an `rg`/`RG` colour, or None for any other colour."""
    if len(operands) != 3:
        return None
    try:
        values = [float(value) * 255 for value in operands]
    except (TypeError, ValueError):
        return None
    if any(abs(value - round(value)) > 0.2 for value in values):
        return None
    red, green, blue = (round(value) for value in values)
    return blue if (red, green) == LANGUAGE_MARKER and blue > 0 else None


def _tag_page_content(pdf, page, facts: PageFacts, content_languages: dict) -> int:
    """Wrap untagged painting in /Artifact, paint marker colours back to the original and
    record which marked-content items were drawn in which language's marker."""
    instructions = list(pikepdf.parse_content_stream(page))
    page_key = page.obj.objgen
    out: list = []
    run: list = []
    wrapped = 0
    marked: list[int | None] = []  # the MCID of each open marked-content sequence
    fill: int | None = None  # marker index of the current fill colour
    saved: list[int | None] = []
    seen: dict[int, set] = defaultdict(set)

    def flush():
        nonlocal wrapped
        if any(_paints(item) for item in run):
            out.append(ContentStreamInstruction([Name.Artifact], Operator("BMC")))
            out.extend(run)
            out.append(ContentStreamInstruction([], Operator("EMC")))
            wrapped += 1
        else:
            out.extend(run)
        run.clear()

    for item in instructions:
        if isinstance(item, ContentStreamInlineImage):
            (run if not marked else out).append(item)
            continue
        op = str(item.operator)
        operands = item.operands
        if op in ("rg", "RG"):
            index = _marker_index(operands)
            if index is not None and 0 < index <= len(facts.language_marks):
                original = facts.language_marks[index - 1][1]
                item = ContentStreamInstruction([round(value, 4) for value in original], item.operator)
            if op == "rg":
                fill = index
        elif op in _FILL_COLOUR:
            fill = None
        elif op == "q":
            saved.append(fill)
        elif op == "Q":
            fill = saved.pop() if saved else None
        elif op in _TEXT_SHOWING and marked:
            mcid = next((m for m in reversed(marked) if m is not None), None)
            if mcid is not None:
                seen[mcid].add(fill)

        if op in _RUN_BREAKERS or marked:
            if run:
                flush()
            out.append(item)
        else:
            run.append(item)
        if op in ("BDC", "BMC"):
            properties = operands[-1] if op == "BDC" and operands else None
            mcid = properties.get("/MCID") if isinstance(properties, Dictionary) else None
            marked.append(int(mcid) if mcid is not None else None)
        elif op == "EMC" and marked:
            marked.pop()
    if run:
        flush()

    for mcid, markers in seen.items():
        languages = {facts.language_marks[m - 1][0] if m and m <= len(facts.language_marks) else None
                     for m in markers}
        content_languages[(page_key, mcid)] = languages.pop() if len(languages) == 1 else ""
    if wrapped or facts.language_marks:
        page.Contents = pdf.make_stream(pikepdf.unparse_content_stream(out))
    return wrapped


def _paints(item) -> bool:
    return isinstance(item, ContentStreamInlineImage) or str(item.operator) in _PAINTING


# -- structure tree: languages and links ---------------------------------------------

def _kids(element) -> list:
    kids = element.get("/K")
    if kids is None:
        return []
    return list(kids) if isinstance(kids, Array) else [kids]


def _is_element(node) -> bool:
    return isinstance(node, Dictionary) and node.get("/Type", Name.StructElem) == Name.StructElem \
        and "/S" in node


def _mark_languages(pdf, content_languages: dict) -> int:
    """Put /Lang on the outermost structure elements whose text is all in one other
    language (None in `content_languages` is the document's language, "" mixed)."""
    if not any(content_languages.values()):
        return 0
    root = pdf.Root.get("/StructTreeRoot")
    if root is None:
        return 0
    memo: dict = {}

    def languages(element, page) -> set:
        key = element.objgen if element.is_indirect else None
        if key in memo:
            return memo[key]
        page = element.get("/Pg", page)
        found: set = set()
        for kid in _kids(element):
            if isinstance(kid, int):
                if page is not None and (page.objgen, int(kid)) in content_languages:
                    found.add(content_languages[(page.objgen, int(kid))])
            elif isinstance(kid, Dictionary) and kid.get("/Type") == Name.MCR:
                kid_page = kid.get("/Pg", page)
                if kid_page is not None and (kid_page.objgen, int(kid.MCID)) in content_languages:
                    found.add(content_languages[(kid_page.objgen, int(kid.MCID))])
            elif _is_element(kid):
                found |= languages(kid, page)
        if key is not None:
            memo[key] = found
        return found

    marked = 0

    def assign(element, page, inherited):
        nonlocal marked
        page = element.get("/Pg", page)
        found = languages(element, page)
        if len(found) == 1 and next(iter(found)):
            language = next(iter(found))
            if language != inherited:
                element.Lang = pikepdf.String(language)
                marked += 1
            inherited = language
        elif not any(found):
            return
        for kid in _kids(element):
            if _is_element(kid):
                assign(kid, page, inherited)

    for top in _kids(root):
        if _is_element(top):
            assign(top, None, None)
    return marked


def _annotation_key(annotation) -> str | None:
    action = annotation.get("/A")
    if isinstance(action, Dictionary):
        if "/URI" in action:
            return str(action.URI)
        if "/D" in action:
            return "#" + str(action.D).lstrip("/")
    if "/Dest" in annotation and not isinstance(annotation.Dest, Array):
        return "#" + str(annotation.Dest).lstrip("/")
    return None


def _describe_links(pdf, names: dict[str, list[str]]) -> int:
    """Give every link annotation a /Contents: the text of its link (in document order
    among links to the same target), or its target when the page reported none."""
    queues = {key: list(values) for key, values in names.items()}
    last: dict[str, str] = {}
    described = 0

    def walk(element):
        nonlocal described
        if element.get("/S") == Name.Link:
            annotations = [kid.Obj for kid in _kids(element)
                           if isinstance(kid, Dictionary) and kid.get("/Type") == Name.OBJR and "/Obj" in kid]
            key = next((k for k in map(_annotation_key, annotations) if k), None)
            if key is not None:
                queue = queues.get(key)
                text = queue.pop(0) if queue else last.get(key)
                if text:
                    last[key] = text
                    for annotation in annotations:
                        annotation.Contents = pikepdf.String(text)
                        described += 1
        for kid in _kids(element):
            if _is_element(kid):
                walk(kid)

    root = pdf.Root.get("/StructTreeRoot")
    if root is not None:
        for top in _kids(root):
            if _is_element(top):
                walk(top)
    for page in pdf.pages:
        for annotation in page.get("/Annots", []):
            if annotation.get("/Subtype") == Name.Link and not str(annotation.get("/Contents", "")).strip():
                key = _annotation_key(annotation)
                annotation.Contents = pikepdf.String(key.lstrip("#") if key else "link")
                described += 1
    return described


def _fix_bookmarks(pdf, headings: list[str]) -> int:
    """Chromium builds bookmarks from the headings as laid out and drops the space where
    a heading wraps ("what amunicipality"): take the heading's own text back."""
    squashed = ["".join(heading.split()) for heading in headings]
    position = fixed = 0

    def walk(item):
        nonlocal position, fixed
        while isinstance(item, Dictionary):
            title = str(item.get("/Title", ""))
            key = "".join(title.split())
            if key in squashed[position:]:
                index = squashed.index(key, position)
                if title != headings[index]:
                    item.Title = pikepdf.String(headings[index])
                    fixed += 1
                position = index + 1
            walk(item.get("/First"))
            item = item.get("/Next")

    outlines = pdf.Root.get("/Outlines")
    if isinstance(outlines, Dictionary):
        walk(outlines.get("/First"))
    return fixed


# -- document identification ---------------------------------------------------------

def _identify(pdf, title: str, language: str) -> None:
    """Title (shown in the title bar), language and the PDF/UA-1 claim, in the catalog,
    the document information and XMP."""
    pdf.Root.Lang = pikepdf.String(language)
    pdf.Root.MarkInfo = Dictionary(Marked=True)
    preferences = pdf.Root.get("/ViewerPreferences")
    if not isinstance(preferences, Dictionary):
        preferences = pdf.Root.ViewerPreferences = Dictionary()
    preferences.DisplayDocTitle = True
    pdf.docinfo.Title = pikepdf.String(title)
    with pdf.open_metadata(set_pikepdf_as_editor=False) as meta:
        meta.load_from_docinfo(pdf.docinfo)
        meta["dc:title"] = title
        meta["dc:language"] = {language}
        meta["pdfuaid:part"] = "1"
