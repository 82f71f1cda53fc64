"""Where the project lives and what mkdocs.yml says about languages.

mkdocs.yml's i18n language list is the one source of truth for languages; everything
else (the CLI, the hooks, the tests) asks this module.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

PACKAGE_ROOT = Path(__file__).resolve().parents[2]


def find_root(start: Path | None = None) -> Path:
    """The nearest folder at or above `start` (default: cwd) holding mkdocs.yml."""
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        if (folder / "mkdocs.yml").is_file():
            return folder
    return PACKAGE_ROOT


class _TagTolerantLoader(yaml.SafeLoader):
    """Reads mkdocs.yml without running its tags (`!ENV` becomes its default value)."""


def _construct_env(loader: yaml.SafeLoader, node: yaml.Node):
    if isinstance(node, yaml.SequenceNode):
        values = loader.construct_sequence(node)
        return values[-1] if values else None
    return None


_TagTolerantLoader.add_constructor("!ENV", _construct_env)


@dataclass(frozen=True)
class Language:
    locale: str
    name: str
    default: bool


@lru_cache(maxsize=8)
def _config_cached(mkdocs_yml: Path, mtime: float) -> dict:
    return yaml.load(mkdocs_yml.read_text(encoding="utf-8"), Loader=_TagTolerantLoader)


def config(root: Path | None = None) -> dict:
    """mkdocs.yml as data (tags not run), re-read when it changes."""
    mkdocs_yml = (root or find_root()) / "mkdocs.yml"
    return _config_cached(mkdocs_yml, mkdocs_yml.stat().st_mtime)


def i18n_config(root: Path | None = None) -> dict:
    for plugin in config(root).get("plugins", []):
        if isinstance(plugin, dict) and "i18n" in plugin:
            return plugin["i18n"]
    raise RuntimeError(f"{root or find_root()}/mkdocs.yml: no i18n plugin with a language list")


def languages(root: Path | None = None) -> tuple[Language, ...]:
    """The site's languages, default first, as listed in mkdocs.yml."""
    return tuple(Language(entry["locale"], entry["name"], bool(entry.get("default")))
                 for entry in i18n_config(root)["languages"])


def locales(root: Path | None = None) -> list[str]:
    return [language.locale for language in languages(root)]


def default_locale(root: Path | None = None) -> str:
    return next(lang.locale for lang in languages(root) if lang.default)


def complete_languages(root: Path | None = None) -> list[str]:
    """Languages in which every page must exist and be current (extra.dcaht)."""
    return list(config(root).get("extra", {}).get("dcaht", {}).get("complete_languages", []))


# What a copy of the project needs to build (tests and the benchmark build copies).
SOURCES = ["mkdocs.yml", "data", "docs", "overrides", "scripts", "CONTRIBUTING.md", ".github"]


def copy_sources(root: Path, target: Path) -> Path:
    """Copy the project's sources to `target`, without generated practice pages."""
    from .stubs import STUB_FOLDERS, is_stub

    target.mkdir(parents=True, exist_ok=True)
    for name in SOURCES:
        source = root / name
        if source.is_dir():
            shutil.copytree(source, target / name,
                            ignore=shutil.ignore_patterns("__pycache__", "*.egg-info"))
        else:
            shutil.copy2(source, target / name)
    for folder in STUB_FOLDERS:
        for stub in (target / "docs" / folder).glob("*.md"):
            if is_stub(stub):
                stub.unlink()
    return target
