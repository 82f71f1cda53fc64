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
    for problem in result.problems:
        print(problem, file=sys.stderr if problem.is_error else sys.stdout)
    if result.errors:
        print(f"{len(result.errors)} error(s): nothing was published. Fix the lines above.",
              file=sys.stderr)
        return 1
    c = result.catalogue
    print(f"Data valid: {len(c.practices)} practices, {len(c.contacts)} contacts, "
          f"{len(c.glossary)} glossary terms, {len(c.indicator_groups)} indicator lists.")
    return 0


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
    import json

    from .catalogue import validate_project
    from .schemas import SCHEMA_FILES, fill_enumerations, refresh_schema_files, render_schema, schema_dir

    root = project.find_root()
    result = validate_project(root)
    if result.vocabulary is None:
        for problem in result.problems:
            print(problem, file=sys.stderr)
        return 1
    locales = project.locales(root)
    if args.check:
        stale = []
        for filename in SCHEMA_FILES.values():
            path = schema_dir(root) / filename
            current = path.read_text(encoding="utf-8")
            wanted = render_schema(fill_enumerations(json.loads(current), result.vocabulary, locales))
            if wanted != current:
                stale.append(path.relative_to(root))
        for path in stale:
            print(f"{path}: out of date with data/vocabularies.yml or mkdocs.yml; run "
                  "`dcaht schemas`", file=sys.stderr)
        return 1 if stale else 0
    for path in refresh_schema_files(root, result.vocabulary, locales):
        print(f"updated {path.relative_to(root)}")
    return 0


def cmd_stale_contacts(args) -> int:
    """List the contacts last verified more than 18 months ago.

    With --markdown, print a checklist for an issue (the scheduled workflow opens one);
    prints nothing when every contact is fresh.
    """
    from .catalogue import validate_project

    result = validate_project(project.find_root())
    stale = [p for p in result.problems if p.severity == "warning" and "last verified" in p.message]
    if stale and args.markdown:
        print("These contacts were last verified more than 18 months ago. Check each against "
              "its sources, update it (or remove it) and set `last_verified`.\n")
    for problem in stale:
        print(f"- [ ] `{problem.path}:{problem.line}` {problem.message.split(';')[0]}"
              if args.markdown else str(problem))
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
