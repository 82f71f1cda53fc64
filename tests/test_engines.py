"""A tested way off MkDocs 1.x: ProperDocs, its maintained fork, builds the same sources
into the same site (issue 18), and the project's own logic does not depend on MkDocs."""

from __future__ import annotations

import ast
import os

import pytest
from conftest import ROOT, TEST_REPOSITORY, copy_project, run_mkdocs_build
from dcaht.engine_compare import compare_sites

# The MkDocs glue: hooks, macros, and the page objects they read. Everything else in
# scripts/dcaht/ must keep working without MkDocs installed.
MKDOCS_GLUE = {"mkdocs_hooks.py", "macros.py", "page_language.py", "generated_pages.py"}


def test_no_data_validation_or_tool_module_imports_mkdocs():
    offenders = {}
    for path in sorted((ROOT / "scripts" / "dcaht").glob("*.py")):
        if path.name in MKDOCS_GLUE:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                names = [node.module]
            for name in names:
                if name.split(".")[0] in ("mkdocs", "material", "mkdocs_static_i18n", "mkdocs_macros", "properdocs"):
                    offenders.setdefault(path.name, []).append(name)
    assert not offenders, offenders
    assert (ROOT / "scripts/dcaht/cli.py").exists()


def test_the_glue_list_is_honest():
    """Each module named as glue really uses MkDocs or its page objects (else it should
    leave the list and be guarded too)."""
    for name in MKDOCS_GLUE:
        text = (ROOT / "scripts" / "dcaht" / name).read_text(encoding="utf-8")
        assert "mkdocs" in text or "env.conf" in text or "page.file" in text, name


@pytest.fixture(scope="module")
def properdocs_site(tmp_path_factory):
    try:
        import properdocs  # noqa: F401
    except ImportError:
        message = "ProperDocs is not installed (it is in the [test] extra: make test installs it)"
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(message)
        pytest.skip(message)
    project = copy_project(tmp_path_factory.mktemp("properdocs-project"))
    site = tmp_path_factory.mktemp("properdocs-site")
    result = run_mkdocs_build(project, site, {"DCAHT_REPOSITORY_URL": TEST_REPOSITORY}, engine="properdocs")
    assert result.returncode == 0, result.stdout + result.stderr
    return site, result.stdout + result.stderr


def test_properdocs_builds_the_same_site(built_site, properdocs_site):
    site, log = properdocs_site
    mkdocs_log = (built_site.parent / f"{built_site.name}.log").read_text(encoding="utf-8")
    comparison = compare_sites(built_site, site, mkdocs_log, log)
    assert comparison.same, comparison.report()
    # and it is a real build of every language, not two empty folders
    assert (site / "hu" / "search" / "search_index.json").is_file()
    assert 'content="mkdocs-ProperDocs' in (site / "index.html").read_text(encoding="utf-8") or \
        "ProperDocs" in (site / "index.html").read_text(encoding="utf-8")
