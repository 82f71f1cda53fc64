"""requirements.lock holds every package make installs, with hashes, and matches
pyproject.toml's ranges (issue 18)."""

from __future__ import annotations

import shutil

import pytest
from conftest import ROOT
from dcaht.lockfile import LOCK, pins, problems, requirements


def test_the_lock_matches_pyproject():
    assert problems(ROOT) == []
    locked = pins((ROOT / LOCK).read_text(encoding="utf-8"))
    assert len(locked) > 50 and all(hashed for _, hashed in locked.values())
    assert {"mkdocs", "mkdocs-material", "properdocs", "playwright"} <= set(locked)
    assert locked["mkdocs"][0].startswith("1.")  # MkDocs 2 is another program


@pytest.fixture
def copy(tmp_path):
    for name in ("pyproject.toml", LOCK):
        shutil.copy(ROOT / name, tmp_path / name)
    return tmp_path


def edit(path, old, new):
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_a_changed_range_asks_for_make_lock(copy):
    edit(copy / "pyproject.toml", '"segno>=1.6.6,<2"', '"segno>=1.6.6,<3"')
    assert any("make lock" in p and "other dependency ranges" in p for p in problems(copy))


def test_a_new_dependency_missing_from_the_lock(copy):
    edit(copy / "pyproject.toml", '"segno>=1.6.6,<2",', '"segno>=1.6.6,<2",\n  "left-pad>=1",')
    assert any("left-pad (pyproject.toml) is not in" in p for p in problems(copy))


def test_a_version_outside_its_range_and_a_missing_hash(copy):
    text = (copy / LOCK).read_text(encoding="utf-8")
    version = pins(text)["segno"][0]
    edit(copy / LOCK, f"segno=={version} \\", "segno==9.0.0 \\")
    edit(copy / "pyproject.toml", '"segno>=1.6.6,<2"', '"segno>=1.6.6,<2" ')  # same ranges, same digest
    found = problems(copy)
    assert any("segno==9.0.0" in p and "outside" in p for p in found), found
    lines = (copy / LOCK).read_text(encoding="utf-8").splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("pyyaml=="))
    end = next(i for i in range(start + 1, len(lines)) if not lines[i].startswith("    --hash"))
    (copy / LOCK).write_text("\n".join(lines[:start] + [lines[start].rstrip(" \\")] + lines[end:]) + "\n",
                             encoding="utf-8")
    assert any("without a hash" in p and "pyyaml" in p for p in problems(copy))


def test_pyproject_keeps_ranges_and_names_the_test_tools():
    listed = requirements(ROOT)
    assert {r.name for r in listed} >= {"mkdocs", "pytest", "properdocs"}
    assert all(">=" in str(r.specifier) for r in listed), [str(r) for r in listed if ">=" not in str(r.specifier)]
