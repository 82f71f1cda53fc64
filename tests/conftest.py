"""Shared fixtures: a project copy, the site built once into a temporary folder, a local
server for it, and Debian's Chromium driven by Playwright."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from dcaht import project
from dcaht.handouts import CHROMIUM, CHROMIUM_ARGS, serve

ROOT = Path(__file__).resolve().parents[1]


def copy_project(target: Path) -> Path:
    """A copy of the project's sources (no .venv, no site) to build or break freely."""
    return project.copy_sources(ROOT, target)


def require_chromium() -> None:
    """Debian's Chromium or nothing: a missing browser skips locally, fails under CI=true."""
    if Path(CHROMIUM).exists():
        return
    message = ("Debian's chromium is missing: install it with "
               "`sudo apt-get install chromium` to run the browser tests")
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(message)
    pytest.skip(message)


def run_mkdocs_build(project: Path, site: Path, extra_env: dict | None = None, engine: str = "mkdocs"):
    env = {key: value for key, value in os.environ.items() if key != "BUILD_ONLY_LOCALE"}
    env.update({"NO_MKDOCS_2_WARNING": "1", **(extra_env or {})})
    return subprocess.run(
        [sys.executable, "-m", engine, "build", "--strict", "--site-dir", str(site)],
        cwd=project, env=env, capture_output=True, text=True, timeout=600,
    )


def run_dcaht(project: Path, *args: str):
    return subprocess.run(
        [sys.executable, "-m", "dcaht.cli", *args], cwd=project, capture_output=True,
        text=True, timeout=120,
    )


# The repository address the Pages workflow passes in (report links, the practice form).
TEST_REPOSITORY = "https://github.com/example/dcaht-guidelines"


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """The real project, built once, strictly, into a temporary folder. DCAHT_TEST_SITE
    names a site already built the same way, to rerun one test while debugging (make test
    never sets it)."""
    reuse = os.environ.get("DCAHT_TEST_SITE")
    if reuse:
        return Path(reuse)
    project = copy_project(tmp_path_factory.mktemp("project"))
    site = tmp_path_factory.mktemp("site")
    result = run_mkdocs_build(project, site, {"DCAHT_REPOSITORY_URL": TEST_REPOSITORY})
    assert result.returncode == 0, result.stdout + result.stderr
    # the engine comparison (test_engines.py) reads the build's warnings
    (site.parent / f"{site.name}.log").write_text(result.stdout + result.stderr, encoding="utf-8")
    return site


# What the variant site adds to the project: a contributor's new practice, and a practice
# and a contacts file whose texts try to run as HTML or Jinja (test_escaping.py).
HOSTILE_SUMMARY = "Hostile <script>alert('summary')</script> and {{ 7*7 }} here."
HOSTILE_MARKDOWN = ("Image <img src=x onerror=alert('md')> and {% raw %}{{ config }} "
                    "[link](https://example.org/ok)")
VARIANT_SITE_URL = "https://example.org/dcaht/"


@pytest.fixture(scope="session")
def variant_site(tmp_path_factory) -> Path:
    """One build of the project as it will often be met, shared by the tests that need
    something the real project does not have (one build instead of four):
    - two translations missing (mapping in Slovak, privacy in Czech): the fallback pages a
      reader meets while a language is incomplete, now that every page exists everywhere;
    - a contributor's new practice (data/practices/test-practice.yml);
    - a hostile practice (test-hostile) and a hostile contacts file (test.yml);
    - a published address (site_url), as the Pages workflow builds it."""
    from samples import VALID_CONTACTS, VALID_PRACTICE

    project = copy_project(tmp_path_factory.mktemp("variant-project"))
    (project / "docs/guidelines/mapping.sk.md").unlink()
    (project / "docs/about/privacy.cs.md").unlink()
    practices = project / "data/practices"
    (practices / "test-practice.yml").write_text(VALID_PRACTICE, encoding="utf-8")
    hostile = (VALID_PRACTICE
               .replace("A round table of the city's services, police and NGOs.", f'"{HOSTILE_SUMMARY}"')
               .replace("The city invited **every service** to a round table. See [the report](https://example.org/report).",
                        HOSTILE_MARKDOWN)
               .replace("  en: A coordinator's time.", '  en: "<b onmouseover=alert(1)>NGO</b>"'))
    assert hostile.count("Hostile <script>") == 1 and HOSTILE_MARKDOWN in hostile
    (practices / "test-hostile.yml").write_text(hostile, encoding="utf-8")
    contacts = VALID_CONTACTS.replace("Counselling for people affected by labour exploitation.",
                                      '"<script>alert(\'contact\')</script> {{ 6*7 }}"')
    assert contacts != VALID_CONTACTS
    (project / "data/contacts/test.yml").write_text(contacts, encoding="utf-8")
    site = tmp_path_factory.mktemp("variant-site")
    result = run_mkdocs_build(project, site, {"SITE_URL": VARIANT_SITE_URL})
    assert result.returncode == 0, result.stdout + result.stderr
    return site


@pytest.fixture(scope="session")
def site_url(built_site):
    with serve(built_site) as url:
        yield url


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium; a missing browser skips locally and fails under CI=true."""
    require_chromium()
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


@pytest.fixture(scope="session")
def unpacked(tmp_path_factory):
    """The offline bundle (`make offline`), built once and unzipped into a folder."""
    project = copy_project(tmp_path_factory.mktemp("offline-project"))
    site = tmp_path_factory.mktemp("offline-site") / "site"
    result = run_mkdocs_build(project, site, {"OFFLINE": "true"})
    assert result.returncode == 0, result.stderr
    target = tmp_path_factory.mktemp("dist") / "dcaht-guidelines-offline.zip"
    packed = subprocess.run([sys.executable, "-m", "dcaht.cli", "offline-zip", str(site), str(target)],
                            cwd=project, capture_output=True, text=True, timeout=300)
    assert packed.returncode == 0, packed.stderr
    folder = tmp_path_factory.mktemp("unzipped")
    with zipfile.ZipFile(target) as bundle:
        bundle.extractall(folder)
    return folder / "dcaht-guidelines"
