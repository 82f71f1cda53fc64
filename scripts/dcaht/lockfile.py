"""requirements.lock: every package `make` installs, at one version, with its hashes.

pyproject.toml keeps the ranges; `make lock` has pip-compile resolve them into
requirements.lock and `dcaht lock --stamp` heads the file with a digest of those ranges.
`dcaht lock --check` (in `make test`, so in CI) fails when pyproject.toml changed after the
lock was made, when a direct dependency is missing from it or outside its range, or when
an entry has no hash. No MkDocs here.
"""

from __future__ import annotations

import hashlib
import re
import tomllib
from pathlib import Path

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name
from packaging.version import Version

LOCK = "requirements.lock"
EXTRAS = ("test",)
DIGEST = re.compile(r"^# pyproject-dependencies: sha256:([0-9a-f]{64})$", re.M)
ENTRY = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==([^\s\\;]+)(.*?)(?=^\S|\Z)", re.M | re.S)
HEADER = """\
# Every package `make` installs, at one version each, with its hashes: pip installs them
# with --require-hashes. Written by `make lock` (pip-compile from pyproject.toml's ranges;
# `make lock UPGRADE=1` moves to the newest versions they allow). Do not edit by hand;
# `dcaht lock --check` fails when pyproject.toml changed since.
# pyproject-dependencies: sha256:{digest}
"""


def requirements(root: Path) -> list[Requirement]:
    project = tomllib.loads((root / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    listed = list(project.get("dependencies", []))
    for extra in EXTRAS:
        listed += project.get("optional-dependencies", {}).get(extra, [])
    return [Requirement(item) for item in listed]


def digest(root: Path) -> str:
    text = "\n".join(sorted(str(r) for r in requirements(root)))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def pins(text: str) -> dict[str, tuple[str, bool]]:
    """name -> (version, has a hash)."""
    return {canonicalize_name(m.group(1)): (m.group(2), "--hash=sha256:" in m.group(3))
            for m in ENTRY.finditer(text)}


def stamp(root: Path) -> None:
    """Replace the comment lines heading the file (pip-compile's or an older stamp) with ours."""
    path = root / LOCK
    lines = path.read_text(encoding="utf-8").splitlines()
    while lines and (lines[0].startswith("#") or not lines[0].strip()):
        lines.pop(0)
    path.write_text(HEADER.format(digest=digest(root)) + "\n" + "\n".join(lines) + "\n", encoding="utf-8")


def problems(root: Path) -> list[str]:
    path = root / LOCK
    if not path.is_file():
        return [f"{LOCK} is missing: run `make lock`"]
    text = path.read_text(encoding="utf-8")
    found = []
    recorded = DIGEST.search(text)
    if not recorded or recorded.group(1) != digest(root):
        found.append(f"{LOCK} was made from other dependency ranges than pyproject.toml's: run `make lock`")
    locked = pins(text)
    for requirement in requirements(root):
        name = canonicalize_name(requirement.name)
        if name not in locked:
            found.append(f"{requirement.name} (pyproject.toml) is not in {LOCK}: run `make lock`")
        elif not requirement.specifier.contains(Version(locked[name][0]), prereleases=True):
            found.append(f"{requirement.name}=={locked[name][0]} in {LOCK} is outside pyproject.toml's "
                         f"'{requirement.specifier}': run `make lock`")
    unhashed = sorted(name for name, (_, hashed) in locked.items() if not hashed)
    if unhashed:
        found.append(f"entries without a hash in {LOCK}: {', '.join(unhashed)}; run `make lock`")
    return found
