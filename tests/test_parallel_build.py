"""`make build` builds the languages in parallel processes (parallel_build.py); the site
must be the one sequential build makes, file for file and byte for byte (issue 16)."""

from __future__ import annotations

from conftest import TEST_REPOSITORY, copy_project
from dcaht.engine_compare import compare_sites
from dcaht.parallel_build import build, groups_of


def test_groups_share_out_every_language_but_the_default():
    groups = groups_of(["en", "de", "cs", "sk", "hu"], "en", 2)
    assert groups == [["de", "sk"], ["cs", "hu"]]
    assert groups_of(["en", "de"], "en", 8) == [["de"]]


def test_the_parallel_build_is_the_sequential_build(built_site, tmp_path):
    project = copy_project(tmp_path / "project")
    site = tmp_path / "site"
    result = build(project, site, jobs=2, extra_env={"DCAHT_REPOSITORY_URL": TEST_REPOSITORY})
    assert len(result.groups) == 2
    comparison = compare_sites(built_site, site)
    assert comparison.same, comparison.report("sequential", "parallel")
    # every language's sitemap entries, in the order of mkdocs.yml
    assert (site / "uk" / "index.html").is_file() and (site / "de" / "search" / "search_index.json").is_file()
