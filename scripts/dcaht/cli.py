"""dcaht: the D-CAHT Guidelines' command-line tool. Each subcommand's docstring is its help."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from . import project


def cmd_validate(args) -> int:
    """Validate the data files (all of them, or the files given).

    Prints one line per problem, `path:line: field: what is wrong and what would be
    right`, and exits 1 when there is any error. Warnings (contacts not verified for
    18 months) are printed but do not fail.
    """
    from .catalogue import validate_project

    root = project.find_root()
    only = [Path(p) for p in args.paths] or None
    if only:
        missing = [p for p in only if not p.is_file()]
        for path in missing:
            print(f"{path}:1: (file): no such file; give the path of a data file", file=sys.stderr)
        if missing:
            return 1
    result = validate_project(root, only)
    for problem in result.problems + missing_translation_warnings(root, only):
        print(problem, file=sys.stderr if problem.is_error else sys.stdout)
    if result.errors:
        print(f"{len(result.errors)} error(s): nothing was published. Fix the lines above.",
              file=sys.stderr)
        return 1
    c = result.catalogue
    print(f"Data valid: {len(c.practices)} practices, {len(c.contacts)} contacts, "
          f"{len(c.glossary)} glossary terms, {len(c.indicator_groups)} indicator lists, "
          f"{len(c.action_points)} action points, emergency numbers for {len(c.emergency)} countries.")
    return 0


def missing_translation_warnings(root: Path, only: list[Path] | None):
    """One warning per data file with texts not yet in every language (English is shown
    there): contributions in English only are welcome, so this never fails."""
    from .data_translations import data_files, file_status
    from .problems import Problem

    wanted = {p.resolve() for p in only} if only else None
    locales = project.locales(root)
    warnings = []
    for path in data_files(root):
        if wanted is not None and path.resolve() not in wanted:
            continue
        status = file_status(path, root, locales)
        if status and status.missing:
            languages = ", ".join(f"{loc} ({n})" for loc, n in status.missing.items())
            warnings.append(Problem(status.path, 1, "(translations)",
                                    f"texts not yet translated into {languages}; readers of these "
                                    "languages see English there. Translations are welcome "
                                    "(CONTRIBUTING.md: Translations)", severity="warning"))
    return warnings


def _ask(prompt: str) -> str:
    try:
        return input(prompt).strip()
    except EOFError:
        return ""


def cmd_new_practice(args) -> int:
    """Write data/practices/<id>.yml for a new good practice.

    Fills in what you give (--title, --city, --country) and marks every other field with
    a FILL-IN placeholder that `dcaht validate` refuses until replaced. Without the flags,
    in a terminal, it asks for them.
    """
    from .catalogue import validate_project
    from .new_practice import id_problem, write_scaffold

    root = project.find_root()
    problem = id_problem(args.id)
    if problem:
        print(f"new-practice: {problem}", file=sys.stderr)
        return 2
    target = root / "data" / "practices" / f"{args.id}.yml"
    if target.exists():
        print(f"new-practice: {target.relative_to(root)} already exists; choose another id "
              "or edit that file", file=sys.stderr)
        return 2
    interactive = sys.stdin.isatty()
    title = args.title or (interactive and _ask("Title (English): ")) or ""
    city = args.city or (interactive and _ask("City: ")) or ""
    country = (args.country or (interactive and _ask("Country code (e.g. AT): ")) or "").upper()
    missing = [name for name, value in (("--title", title), ("--city", city),
                                        ("--country", country)) if not value]
    if missing:
        print("new-practice: missing " + ", ".join(missing) + "; e.g. dcaht new-practice "
              f"{args.id} --title \"...\" --city \"Graz\" --country AT", file=sys.stderr)
        return 2
    result = validate_project(root)
    if result.vocabulary and country not in result.vocabulary.countries:
        print(f"new-practice: unknown country '{country}'; use one of: "
              + ", ".join(result.vocabulary.countries), file=sys.stderr)
        return 2
    path = write_scaffold(root, args.id, title, city, country)
    print(f"Wrote {path.relative_to(root)}. Replace every FILL-IN, then run: dcaht validate "
          f"{path.relative_to(root)}")
    return 0


def cmd_schemas(args) -> int:
    """Refresh the allowed values in data/schema/*.json from their single sources.

    Languages come from mkdocs.yml, countries and vocabularies from data/vocabularies.yml.
    With --check, change nothing and exit 1 when a schema is out of date (for CI and
    pre-commit).
    """
    from .catalogue import validate_project
    from .schemas import refresh_schema_files

    root = project.find_root()
    result = validate_project(root)
    if result.vocabulary is None:
        for problem in result.problems:
            print(problem, file=sys.stderr)
        return 1
    locales = project.locales(root)
    if args.check:
        stale = refresh_schema_files(root, result.vocabulary, locales, write=False)
        for path in stale:
            print(f"{path.relative_to(root)}: out of date with data/vocabularies.yml or mkdocs.yml; "
                  "run `dcaht schemas`", file=sys.stderr)
        return 1 if stale else 0
    for path in refresh_schema_files(root, result.vocabulary, locales):
        print(f"updated {path.relative_to(root)}")
    return 0


def cmd_stale_contacts(args) -> int:
    """List the contacts whose sources should be read again.

    An entry is listed when its sources were last checked more than 18 months ago
    (`sources_checked_on`), or when the newest of its dated sources (`date` of a source) is
    more than three years old. With --markdown, print a checklist for an issue (the
    scheduled workflow opens one); prints nothing when every contact is fresh.
    """
    from .catalogue import validate_project
    from .staleness import stale_contacts

    result = validate_project(project.find_root())
    stale = stale_contacts(result.catalogue)
    if stale and args.markdown:
        print("These contacts need their sources read again. Check each entry against its "
              "sources (or newer ones), update it or remove it, and set `sources_checked_on`. "
              "Add `confirmed:` only when the organisation itself confirms the entry.\n")
    for item in stale:
        print(f"- [ ] `{item.path}:{item.line}` {item.contact_id}: {item.reason}"
              if args.markdown else f"{item.path}:{item.line}: {item.contact_id}: {item.reason}")
    return 0


def cmd_translations(args) -> int:
    """Show which page and which data file exists in which language, and in what state.

    Prints a table of pages x languages (translated, unreviewed, reviewed, outdated,
    missing), one of data files x languages (unreviewed, reviewed, missing) and the
    completeness per language.
    --check: exit 1 when a page or a data text of a complete language
      (extra.dcaht.complete_languages in mkdocs.yml: English and German) is missing or
      a page is outdated.
    --stamp FILE...: record the current hash of each translation's English source in its
      front matter (run it after updating a translation).
    --review FILE --by ORG [--language xx] [--on YYYY-MM-DD]: record that a native
      speaker of ORG reviewed a translated page (docs/x.hu.md) or a data file's texts in
      one language; the status page shows it.
    --terms: per language, the pages where an English glossary term occurs but that
      language's glossary term does not (data/glossary.yml is the term base).
    """
    from .data_translations import data_status
    from .translations import collect_pages, stamp, status_table

    root = project.find_root()
    docs = root / "docs"
    locales = project.locales(root)
    default = project.default_locale(root)
    if args.stamp:
        pages = collect_pages(docs, locales)
        failed = False
        for name in args.stamp:
            path = Path(name).resolve()
            match = [(key, files) for key, files in pages.items()
                     if path in [p.resolve() for p in files.values()]]
            if not match or None not in match[0][1] or match[0][1][None].resolve() == path:
                print(f"{name}: not a translation of an existing page (give a file like "
                      "docs/guidelines/mapping.de.md)", file=sys.stderr)
                failed = True
                continue
            changed = stamp(path, match[0][1][None])
            print(f"{name}: {'stamped' if changed else 'already up to date'}")
        return 1 if failed else 0
    if args.review:
        return _review(root, args, locales, default)
    if args.terms:
        return _terms_report(root, locales, default)
    table = status_table(docs, locales, default)
    data = data_status(root, locales)
    width = max(len(key) for key, _ in table.rows + [(d.path, None) for d in data])
    print(f"{'page':<{width}}  " + " ".join(f"{loc:>10}" for loc in locales))
    for key, states in table.rows:
        print(f"{key:<{width}}  " + " ".join(f"{states[loc]:>10}" for loc in locales))
    print(f"\n{'data file':<{width}}  " + " ".join(f"{loc:>10}" for loc in locales))
    for status in data:
        print(f"{status.path:<{width}}  " + " ".join(f"{status.state(loc, default):>10}" for loc in locales))
    print(f"\n{'complete':<{width}}  " + " ".join(
        f"{_completeness(table, data, loc, default):>9}%" for loc in locales))
    if args.check:
        complete = project.complete_languages(root)
        failures = [(key, loc, states[loc]) for key, states in table.rows for loc in complete
                    if states[loc] in ("missing", "outdated")]
        for key, loc, state in failures:
            suffix = "" if loc == default else f".{loc}"
            print(f"docs/{key[:-3]}{suffix}.md: {state} in a complete language ({loc}); "
                  + ("translate it" if state == "missing" else
                     "update it to the current English page, then run "
                     f"`dcaht translations --stamp docs/{key[:-3]}{suffix}.md`"), file=sys.stderr)
        data_failures = [(d, loc) for d in data for loc in complete if d.missing.get(loc)]
        for status, loc in data_failures:
            print(f"{status.path}: {status.missing[loc]} text(s) missing in a complete language "
                  f"({loc}); add the '{loc}:' versions", file=sys.stderr)
        return 1 if failures or data_failures else 0
    return 0


def _completeness(table, data, locale: str, default: str) -> int:
    """Share of pages and data files present, current and complete in `locale`."""
    states = [s[locale] for _, s in table.rows] + [d.state(locale, default) for d in data]
    done = sum(1 for state in states if state in ("source", "translated", "unreviewed", "reviewed"))
    return round(100 * done / len(states)) if states else 100


def _review(root: Path, args, locales, default) -> int:
    from datetime import date

    from .data_translations import record_review
    from .translations import locale_of_page, record_page_review

    organisation = (args.by or "").strip()
    if not organisation or any(c in organisation for c in "<>\n"):
        print("translations --review: give the reviewing organisation, e.g. --by \"City of Pécs, "
              "Department of Social Affairs\"", file=sys.stderr)
        return 2
    try:
        day = date.fromisoformat(args.on) if args.on else date.today()
    except ValueError:
        print(f"translations --review: --on {args.on!r} is not a date; write YYYY-MM-DD", file=sys.stderr)
        return 2
    failed = False
    for name in args.review:
        path = Path(name)
        if not path.is_file():
            print(f"{name}: no such file", file=sys.stderr)
            failed = True
        elif path.suffix == ".md":
            locale = locale_of_page(path, locales)
            if locale in (None, default):
                print(f"{name}: not a translated page (give docs/<page>.<lang>.md)", file=sys.stderr)
                failed = True
                continue
            record_page_review(path, organisation, day)
            print(f"{name}: reviewed by {organisation} on {day.isoformat()} ({locale})")
        elif path.suffix == ".yml":
            if args.language not in locales or args.language == default:
                print(f"{name}: say which language was reviewed: --language xx (one of "
                      + ", ".join(loc for loc in locales if loc != default) + ")", file=sys.stderr)
                failed = True
                continue
            record_review(path, args.language, organisation, day)
            print(f"{name}: {args.language} texts reviewed by {organisation} on {day.isoformat()}")
        else:
            print(f"{name}: neither a page (.md) nor a data file (.yml)", file=sys.stderr)
            failed = True
    return 1 if failed else 0


def _terms_report(root: Path, locales, default) -> int:
    from .terminology import missing_terms

    report = missing_terms(root, locales, default)
    for locale in locales:
        if locale == default:
            continue
        items = report.get(locale, [])
        print(f"{locale}: {len(items)} glossary term(s) not used on a page whose English uses them")
        for page, term_en, term in items:
            print(f"  {page}: '{term_en}' → '{term}' not found")
    return 0


def cmd_handouts(args) -> int:
    """Print every chapter in every language to site/handouts/<lang>/<chapter>.pdf, and the
    whole guide (cover, contents with page numbers, every chapter) to .../<lang>/guide.pdf.

    Needs a site built with DCAHT_HANDOUTS=1 and SITE_URL set (`make handouts` does both),
    so chapters link their PDFs and each handout carries its online address. With
    --country XX, also writes a trainer's pack per chapter and language
    (<chapter>-xx.pdf): the chapter, its related good practices and that country's contacts
    page. Every PDF is checked with pdfua (PDF/UA-1, when installed); an ERROR finding
    exits 1. --guide-only prints only the whole guides; --chapters only the chapters named.
    """
    from .catalogue import load_catalogue
    from .chapters import chapter_slugs
    from .handouts import build_handouts

    root = project.find_root()
    site = Path(args.site).resolve()
    if not (site / "index.html").is_file():
        print(f"handouts: {args.site} holds no built site; run `make handouts`", file=sys.stderr)
        return 1
    _, vocabulary = load_catalogue(root)
    country = (args.country or "").upper() or None
    if country:
        if country not in vocabulary.countries:
            print(f"handouts: unknown country '{country}'; use one of: "
                  + ", ".join(vocabulary.countries), file=sys.stderr)
            return 2
        if not (site / "contacts" / country.lower() / "index.html").is_file():
            print(f"handouts: {args.site} has no contacts page for {country} (contacts/{country.lower()}/); "
                  "a trainer's pack needs one", file=sys.stderr)
            return 2
    unknown = sorted(set(args.chapters or []) - set(chapter_slugs(root / "docs")))
    if unknown:
        print(f"handouts: no chapter {', '.join(unknown)}; the chapters are: "
              + ", ".join(chapter_slugs(root / "docs")), file=sys.stderr)
        return 2
    locales = args.languages or project.locales(root)
    made = build_handouts(site, root / "docs", locales, project.default_locale(root), country,
                          label=vocabulary.label, chapters=[] if args.guide_only else args.chapters)
    total = sum(h.seconds for h in made)
    failed = 0
    for handout in made:
        errors, verdict = _pdfua_check(handout.path)
        failed += bool(errors)
        print(f"{handout.path.relative_to(site)}  {handout.seconds:.2f} s  {verdict}")
    print(f"{len(made)} PDFs in {total:.1f} s ({total / max(len(made), 1):.2f} s per PDF)")
    if failed:
        print(f"handouts: {failed} PDF(s) fail PDF/UA checks (pdfua check FILE shows why)", file=sys.stderr)
        return 1
    return 0


def _pdfua_check(path: Path) -> tuple[int, str]:
    """(ERROR findings, "pdfua: N error(s), M warning(s)[, not evaluated: RULE...]")."""
    try:
        from pdfua import Severity, validate
    except ImportError:
        return 0, "(pdfua not installed: not checked)"
    report = validate(str(path))
    counts = report.count_by_severity()
    skipped = [outcome.rule_id for outcome in report.skipped]
    return counts[Severity.ERROR], (
        f"pdfua: {counts[Severity.ERROR]} error(s), {counts[Severity.WARNING]} warning(s)"
        + (f", not evaluated: {' '.join(skipped)}" if skipped else ""))


def cmd_offline_zip(args) -> int:
    """Pack a site built with OFFLINE=true into a zip that works opened from a folder.

    `make offline` builds and packs: dist/dcaht-guidelines-offline.zip.
    """
    import zipfile

    site = Path(args.site)
    if not (site / "index.html").is_file() or not (site / "search/search_index.js").is_file():
        print(f"offline-zip: {site} is not an offline build; run `make offline`", file=sys.stderr)
        return 1
    target = Path(args.zip)
    target.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as bundle:
        for path in sorted(site.rglob("*")):
            if path.is_file():
                bundle.write(path, Path("dcaht-guidelines") / path.relative_to(site))
    print(f"Wrote {target} ({target.stat().st_size // 1024} KB): unzip it and open "
          "dcaht-guidelines/index.html")
    return 0


def cmd_bench(args) -> int:
    """Build the site at Danube scale and compare it with the framework's floor.

    250 practices, 1,000 contacts, every language, the real chapters, in a temporary copy.
    Prints a table (full build vs. a bare Material + i18n build of the same pages, the
    one-language preview, pages, HTML bytes, search index per language, bytes of a first
    view and a first search, memory) and exits 1 when a target is missed.
    """
    from .bench import run, table

    measures = run(project.find_root(), args.practices, args.contacts, args.repeat)
    print(table(measures))
    missed = [m.name for m in measures if not m.ok]
    if missed:
        print("Missed: " + "; ".join(missed), file=sys.stderr)
    return 1 if missed else 0


def cmd_map_shapes(args) -> int:
    """Rewrite data/geo/danube-map.json, the practice map's country shapes.

    Give the world-atlas package's countries-50m.json (Natural Earth 1:50m, public domain;
    `npm pack world-atlas@2.0.2` and unpack it). The build never downloads shapes: it reads
    the file this writes.
    """
    from .map_shapes import write_shapes

    source = Path(args.topojson)
    if not source.is_file():
        print(f"map-shapes: {source} does not exist; give world-atlas's countries-50m.json",
              file=sys.stderr)
        return 2
    size = write_shapes(source, project.find_root() / "data" / "geo" / "danube-map.json")
    print(f"Wrote data/geo/danube-map.json ({size // 1024} KB)")
    return 0


def _english_form(root):
    from .catalogue import validate_project
    from .practice_form import form_language

    result = validate_project(root)
    if result.vocabulary is None:
        for problem in result.errors:
            print(problem, file=sys.stderr)
        return None
    return form_language(root, result.vocabulary, project.default_locale(root), project.default_locale(root))


def cmd_issue_form(args) -> int:
    """Write the "Propose a good practice" issue form from the practice schema.

    .github/ISSUE_TEMPLATE/propose-practice.yml asks the fields of
    data/schema/practice.schema.json with the English labels of data/ui.yml (pf_*), the
    same ones the site's form uses. --check: exit 1 when the file is stale (CI runs it).
    """
    from .issue_form import TEMPLATE, issue_template
    from .practice_form import form_fields
    from .schemas import read_schema

    root = project.find_root()
    language = _english_form(root)
    if language is None:
        return 1
    text = issue_template(form_fields(read_schema(root, "practice")), *language)
    path = root / TEMPLATE
    current = path.read_text(encoding="utf-8") if path.is_file() else ""
    if args.check:
        if current != text:
            print(f"{TEMPLATE} is stale: run `dcaht issue-form`", file=sys.stderr)
            return 1
        print(f"{TEMPLATE} matches the practice schema.")
        return 0
    path.write_text(text, encoding="utf-8")
    print(f"Wrote {TEMPLATE}.")
    return 0


def cmd_from_issue(args) -> int:
    """Turn a "Propose a good practice" issue into data/practices/<id>.yml.

    BODY_FILE holds the issue's body exactly as GitHub wrote it (the workflow writes it to
    a file: an issue's text never goes into a shell command). When every check passes
    (the same as `dcaht validate`), writes the file and exits 0; otherwise writes nothing,
    prints the problems by form field and exits 1. --report FILE also writes the message
    as Markdown for a comment on the issue.
    """
    from datetime import date as _date

    from .issue_form import from_issue

    root = project.find_root()
    try:
        body = Path(args.body_file).read_text(encoding="utf-8", errors="replace")
    except OSError as error:
        print(f"{args.body_file}: cannot read the issue body: {error.strerror}", file=sys.stderr)
        return 2
    language = _english_form(root)
    if language is None:
        return 2
    today = _date.fromisoformat(args.today) if args.today else _date.today()
    result = from_issue(root, body, today, *language)
    display = str(result.path.relative_to(root)) if result.path else None
    report = result.report(display)
    if args.report:
        Path(args.report).write_text(report + "\n", encoding="utf-8")
    if result.ok:
        print(f"Wrote {display}.")
        if args.id_file:
            Path(args.id_file).write_text(result.path.stem + "\n", encoding="utf-8")
        return 0
    for label, message in result.problems:
        print(f"{label}: {message}", file=sys.stderr)
    return 1


def cmd_lock(args) -> int:
    """Check or stamp requirements.lock (the exact versions and hashes `make` installs).

    --check: exit 1 when pyproject.toml's dependency ranges changed since the lock was made,
    when a direct dependency is missing from it or outside its range, or an entry has no
    hash. --stamp: head the lock with the digest of pyproject.toml's ranges (`make lock`
    runs it after pip-compile).
    """
    from .lockfile import LOCK, problems, stamp

    root = project.find_root()
    if args.stamp:
        stamp(root)
        print(f"Stamped {LOCK}.")
        return 0
    found = problems(root)
    for problem in found:
        print(problem, file=sys.stderr)
    if not found:
        print(f"{LOCK} matches pyproject.toml.")
    return 1 if found else 0


def cmd_build(args) -> int:
    """Build the whole site strictly, one process per group of languages (make build).

    Validates the data, then runs `--jobs` strict builds in parallel (default: one per
    processor), each for the default language and its group of the others, and merges
    them into SITE_DIR: the same files as one sequential `mkdocs build --strict`.
    --engine properdocs builds with ProperDocs instead of MkDocs.
    """
    from .catalogue import validate_project
    from .parallel_build import build

    root = project.find_root()
    result = validate_project(root)
    for problem in result.problems:
        print(problem, file=sys.stderr)
    if result.errors:
        print(f"{len(result.errors)} error(s): nothing was built.", file=sys.stderr)
        return 1
    try:
        built = build(root, Path(args.site_dir), args.jobs, args.engine)
    except RuntimeError as error:
        print(str(error), file=sys.stderr)
        return 1
    for log in built.logs:
        for line in log.splitlines():
            if line.startswith(("WARNING", "ERROR")):
                print(line, file=sys.stderr)
    groups = " | ".join(",".join(group) for group in built.groups)
    print(f"Built {args.site_dir} in {built.seconds:.1f} s ({len(built.groups)} processes: {groups}).")
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="dcaht", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def add(name, func, **kwargs):
        doc = func.__doc__
        p = sub.add_parser(name, help=doc.splitlines()[0], description=doc,
                           formatter_class=argparse.RawDescriptionHelpFormatter, **kwargs)
        p.set_defaults(func=func)
        return p

    p = add("validate", cmd_validate)
    p.add_argument("paths", nargs="*", help="data files to check (default: all)")

    p = add("new-practice", cmd_new_practice)
    p.add_argument("id", help="lowercase slug, e.g. graz-round-table")
    p.add_argument("--title", help="the practice's title in English")
    p.add_argument("--city", help="the city or region")
    p.add_argument("--country", help="ISO 3166-1 alpha-2 code, e.g. AT")

    p = add("schemas", cmd_schemas)
    p.add_argument("--check", action="store_true", help="only report stale schemas")

    p = add("translations", cmd_translations)
    p.add_argument("--check", action="store_true",
                   help="exit 1 when a complete language misses a page or has an outdated one")
    p.add_argument("--stamp", nargs="+", metavar="FILE", help="record the source hash in translations")
    p.add_argument("--review", nargs="+", metavar="FILE", help="record a native speaker's review")
    p.add_argument("--by", help="the reviewing organisation (with --review)")
    p.add_argument("--language", help="the reviewed language of a data file (with --review)")
    p.add_argument("--on", help="the review date, YYYY-MM-DD (default: today)")
    p.add_argument("--terms", action="store_true", help="report glossary terms missing from translations")

    p = add("handouts", cmd_handouts)
    p.add_argument("--country", help="also write trainer's packs with this country's contacts")
    p.add_argument("--site", default="site", help="the built site (default: site)")
    p.add_argument("--languages", nargs="+", help="only these languages (default: all)")
    p.add_argument("--guide-only", action="store_true", help="only the whole-guide PDFs")
    p.add_argument("--chapters", nargs="+", metavar="SLUG", help="only these chapters' handouts (default: all)")

    p = add("offline-zip", cmd_offline_zip)
    p.add_argument("site", help="the offline build (dist/offline-site)")
    p.add_argument("zip", help="the zip to write")

    p = add("bench", cmd_bench)
    p.add_argument("--practices", type=int, default=250)
    p.add_argument("--contacts", type=int, default=1000)
    p.add_argument("--repeat", type=int, default=2, help="runs per build; the fastest counts")

    p = add("map-shapes", cmd_map_shapes)
    p.add_argument("topojson", help="world-atlas's countries-50m.json")

    p = add("build", cmd_build)
    p.add_argument("--site-dir", default="site", help="where to build (default: site)")
    p.add_argument("--jobs", type=int, help="build processes (default: one per processor)")
    p.add_argument("--engine", default="mkdocs", choices=["mkdocs", "properdocs"])

    p = add("lock", cmd_lock)
    p.add_argument("--check", action="store_true", help="fail when the lock does not match pyproject.toml")
    p.add_argument("--stamp", action="store_true", help="record pyproject.toml's ranges in the lock's header")

    p = add("issue-form", cmd_issue_form)
    p.add_argument("--check", action="store_true", help="only report a stale issue form")

    p = add("from-issue", cmd_from_issue)
    p.add_argument("body_file", metavar="BODY_FILE", help="the issue's body (Markdown), as GitHub wrote it")
    p.add_argument("--report", metavar="FILE", help="also write the result as Markdown for an issue comment")
    p.add_argument("--id-file", metavar="FILE", help="write the new practice's id here when it passes")
    p.add_argument("--today", metavar="YYYY-MM-DD", help="the date for added_on (default: today)")

    p = add("stale-contacts", cmd_stale_contacts)
    p.add_argument("--markdown", action="store_true", help="print a Markdown checklist")

    for extra in _extra_commands():
        extra(sub, add)
    return parser


def _extra_commands():
    """Subcommands that live in their own modules (translations, bench...)."""
    return []


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())
