"""Shared fixtures: a project copy, the site built once into a temporary folder, a local
server for it, and Debian's Chromium driven by Playwright."""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import subprocess
import sys
import threading
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
from dcaht.handouts import CHROMIUM, CHROMIUM_ARGS  # noqa: E402  (one place for the launch flags)

COPIED = ["mkdocs.yml", "data", "docs", "overrides", "scripts", "CONTRIBUTING.md", "pyproject.toml"]


def copy_project(target: Path) -> Path:
    """A copy of the project's sources (no .venv, no site) to build or break freely."""
    target.mkdir(parents=True, exist_ok=True)
    for name in COPIED:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, target / name, ignore=shutil.ignore_patterns(
                "__pycache__", "*.egg-info"))
        else:
            shutil.copy2(source, target / name)
    # Generated stubs are rebuilt by the copy's own build.
    for stub in (target / "docs" / "practices").glob("*.md"):
        if not stub.name.startswith("index"):
            stub.unlink()
    return target


def run_mkdocs_build(project: Path, site: Path, extra_env: dict | None = None):
    env = {key: value for key, value in os.environ.items() if key != "BUILD_ONLY_LOCALE"}
    env.update({"NO_MKDOCS_2_WARNING": "1", **(extra_env or {})})
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site)],
        cwd=project, env=env, capture_output=True, text=True, timeout=600,
    )


def run_dcaht(project: Path, *args: str):
    return subprocess.run(
        [sys.executable, "-m", "dcaht.cli", *args], cwd=project, capture_output=True,
        text=True, timeout=120,
    )


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """The real project, built once, strictly, into a temporary folder."""
    project = copy_project(tmp_path_factory.mktemp("project"))
    site = tmp_path_factory.mktemp("site")
    result = run_mkdocs_build(project, site)
    assert result.returncode == 0, result.stdout + result.stderr
    return site


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def serve(folder: Path):
    handler = functools.partial(_QuietHandler, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    return server, f"http://127.0.0.1:{server.server_address[1]}"


@pytest.fixture(scope="session")
def site_url(built_site):
    server, url = serve(built_site)
    yield url
    server.shutdown()


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium; a missing browser skips locally and fails under CI=true."""
    if not Path(CHROMIUM).exists():
        message = ("Debian's chromium is missing: install it with "
                   "`sudo apt-get install chromium` to run the browser tests")
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(message)
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser):
    context = browser.new_context()
    page = context.new_page()
    yield page
    context.close()
