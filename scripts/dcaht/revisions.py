"""When each source file last changed, from git (one `git log` for the whole project),
falling back to the file's modification time outside a git checkout."""

from __future__ import annotations

import os
import subprocess
from datetime import date
from functools import lru_cache
from pathlib import Path


@lru_cache(maxsize=4)
def _git_dates(root: Path) -> dict[str, date]:
    try:
        output = subprocess.run(
            ["git", "-C", str(root), "log", "--format=@%cs", "--name-only", "--no-renames"],
            capture_output=True, text=True, timeout=60, check=True).stdout
    except (OSError, subprocess.SubprocessError):
        return {}
    dates: dict[str, date] = {}
    current = None
    for line in output.splitlines():
        if line.startswith("@"):
            current = date.fromisoformat(line[1:])
        elif line and current and line not in dates:
            dates[line] = current  # newest commit comes first
    return dates


@lru_cache(maxsize=65536)
def last_changed(root: Path, path: Path) -> date:
    """Cached for the build: the same source serves a page in every language."""
    relative = os.path.relpath(path, root)
    found = _git_dates(root).get(relative)
    return found or date.fromtimestamp(path.stat().st_mtime)
