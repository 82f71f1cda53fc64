"""Where the project lives and what mkdocs.yml says about languages.

mkdocs.yml's i18n language list is the one source of truth for languages; everything
else (the CLI, the hooks, the tests) asks this module.
"""

from __future__ import annotations

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
def _languages_cached(mkdocs_yml: Path, mtime: float) -> tuple[Language, ...]:
    config = yaml.load(mkdocs_yml.read_text(encoding="utf-8"), Loader=_TagTolerantLoader)
    for plugin in config.get("plugins", []):
        if isinstance(plugin, dict) and "i18n" in plugin:
            return tuple(
                Language(entry["locale"], entry["name"], bool(entry.get("default")))
                for entry in plugin["i18n"]["languages"]
            )
    raise RuntimeError(f"{mkdocs_yml}: no i18n plugin with a language list")


def languages(root: Path | None = None) -> tuple[Language, ...]:
    """The site's languages, default first, as listed in mkdocs.yml."""
    mkdocs_yml = (root or find_root()) / "mkdocs.yml"
    return _languages_cached(mkdocs_yml, mkdocs_yml.stat().st_mtime)


def locales(root: Path | None = None) -> list[str]:
    return [language.locale for language in languages(root)]


def default_locale(root: Path | None = None) -> str:
    return next(lang.locale for lang in languages(root) if lang.default)
