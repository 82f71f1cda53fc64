"""The external checkers audits use (issue 17), run on the built site: the Nu Html Checker
on every page of every language, pa11y (HTML_CodeSniffer, WCAG2AA) on the main page kinds
in every language, and Lighthouse's accessibility and best-practices scores. They come
from package-lock.json (`make test` runs `npm ci`) and use Debian's Chromium and Java; a
missing tool skips locally and fails under CI=true."""

from __future__ import annotations

import json
import os
import shutil
import subprocess

import pytest
from conftest import ROOT, require_chromium
from dcaht import project

LOCALES = project.locales(ROOT)
VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
PA11Y = ROOT / "tests" / "checkers" / "pa11y-run.mjs"
LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
CHROME_FLAGS = ("--headless=new --no-sandbox --disable-gpu --disable-background-networking "
                "--disable-component-update --disable-sync --no-first-run")
# Kinds of pages pa11y reads in every language, and more in English.
KINDS = ["", "guidelines/identification/", "practices/", "contacts/at/"]
MORE_KINDS = ["guidelines/", "practices/vienna-anti-trafficking-working-group/", "contacts/",
              "self-assessment/", "contribute/propose/", "about/glossary/", "about/indicators/",
              "about/translations/", "no-such-page/"]
# pa11y's modes: colour scheme and viewport width (a desktop and a phone).
MODES = ["light:1280", "dark:390", "light:390", "dark:1280"]


def require(tool: str, path=None) -> None:
    if (path is None and shutil.which(tool)) or (path is not None and path.exists()):
        return
    message = f"{tool} is missing: run `make test` (npm ci installs the checkers; Debian's java and node are needed)"
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(message)
    pytest.skip(message)


def test_nu_html_checker_finds_no_error_on_any_page(built_site):
    require("java")
    require("vnu.jar", VNU)
    result = subprocess.run(["java", "-jar", str(VNU), "--skip-non-html", "--errors-only", "--format", "json",
                             str(built_site)], capture_output=True, text=True, timeout=900)
    messages = json.loads(result.stderr or '{"messages": []}')["messages"]
    errors = [(m.get("url", "").split("site", 1)[-1], m.get("lastLine"), m["message"]) for m in messages
              if m.get("type") == "error" or m.get("subType") == "fatal"]
    assert not errors, f"{len(errors)} errors, e.g. {errors[:5]}"
    pages = list(built_site.rglob("*.html"))
    assert len(pages) > 500  # it read the whole site: every page of every language


@pytest.mark.browser
def test_pa11y_finds_no_wcag2aa_error(site_url):
    require_chromium()
    require("node")
    require("pa11y", ROOT / "node_modules" / "pa11y")
    # each language reads its four kinds in the four modes (light/dark, desktop/phone),
    # shifted by one per language so that every kind meets every mode too
    targets = [f"{MODES[(index + shift) % len(MODES)]}:{site_url}/{'' if locale == 'en' else locale + '/'}{kind}"
               for shift, locale in enumerate(LOCALES) for index, kind in enumerate(KINDS)]
    targets += [f"{MODES[index % len(MODES)]}:{site_url}/{kind}" for index, kind in enumerate(MORE_KINDS)]
    result = subprocess.run(["node", str(PA11Y), *targets], capture_output=True, text=True, timeout=900, cwd=ROOT)
    assert result.returncode == 0, result.stderr[-2000:]
    read = json.loads(result.stdout)
    assert set(read) == set(targets)
    for target, outcome in read.items():  # the mode really applied
        scheme, width = target.split(":")[:2]
        assert outcome["scheme"] == ("slate" if scheme == "dark" else "default"), target
        # on a phone, a page wider than the screen scrolls sideways (WCAG 1.4.10 Reflow)
        assert outcome["width"] == int(width), f"{target}: {outcome['width']} px wide"
    found = {target: outcome["issues"] for target, outcome in read.items() if outcome["issues"]}
    assert not found, json.dumps(found, indent=1)[:3000]


@pytest.mark.browser
@pytest.mark.parametrize("path", ["", "guidelines/identification/", "hu/practices/", "de/self-assessment/"])
def test_lighthouse_scores_100_for_accessibility_and_best_practices(site_url, tmp_path, path):
    require_chromium()
    require("node")
    require("lighthouse", LIGHTHOUSE)
    report = tmp_path / "lighthouse.json"
    result = subprocess.run(
        [str(LIGHTHOUSE), f"{site_url}/{path}", "--quiet", "--only-categories=accessibility,best-practices",
         "--output=json", f"--output-path={report}", f"--chrome-flags={CHROME_FLAGS}"],
        capture_output=True, text=True, timeout=300, env={**os.environ, "CHROME_PATH": "/usr/bin/chromium"})
    assert result.returncode == 0, result.stderr[-2000:]
    data = json.loads(report.read_text(encoding="utf-8"))
    scores = {name: category["score"] for name, category in data["categories"].items()}
    failing = [audit["id"] for audit in data["audits"].values()
               if audit.get("scoreDisplayMode") in ("binary", "numeric") and audit.get("score") is not None
               and audit["score"] < 1]
    assert scores == {"accessibility": 1, "best-practices": 1}, (scores, failing)
