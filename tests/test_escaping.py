"""Text from data is shown as text: never run as HTML, never rendered as Jinja."""

from __future__ import annotations

from conftest import copy_project, run_mkdocs_build
from samples import VALID_CONTACTS, VALID_PRACTICE

HOSTILE_SUMMARY = "Hostile <script>alert('summary')</script> and {{ 7*7 }} here."
HOSTILE_MARKDOWN = ("Image <img src=x onerror=alert('md')> and {% raw %}{{ config }} "
                    "[link](https://example.org/ok)")


def test_hostile_text_appears_as_text(tmp_path):
    project = copy_project(tmp_path / "project")
    practice = (VALID_PRACTICE
                .replace("A round table of the city's services, police and NGOs.",
                         f'"{HOSTILE_SUMMARY}"')
                .replace("The city invited **every service** to a round table. See [the report](https://example.org/report).",
                         HOSTILE_MARKDOWN)
                .replace("  en: A coordinator's time.", '  en: "<b onmouseover=alert(1)>NGO</b>"'))
    (project / "data/practices/test-hostile.yml").write_text(practice, encoding="utf-8")
    contacts = VALID_CONTACTS.replace(
        "Counselling for people affected by labour exploitation.",
        '"<script>alert(\'contact\')</script> {{ 6*7 }}"')
    (project / "data/contacts/test.yml").write_text(contacts, encoding="utf-8")
    site = tmp_path / "site"
    result = run_mkdocs_build(project, site)
    assert result.returncode == 0, result.stdout + result.stderr

    for path in ("practices/test-hostile/index.html", "hu/practices/test-hostile/index.html"):
        html = (site / path).read_text(encoding="utf-8")
        assert "<script>alert(" not in html
        assert "<img src=x" not in html and "onerror=alert" not in html.replace("onerror=alert('md')&gt;", "")
        assert "&lt;script&gt;alert(&#39;summary&#39;)&lt;/script&gt;" in html
        assert "{{ 7*7 }}" in html and ">49<" not in html
        assert "{% raw %}{{ config }}" in html
        assert "&lt;img src=x onerror=alert(&#39;md&#39;)&gt;" in html or \
               "&lt;img src=x onerror=alert('md')&gt;" in html
        assert "&lt;b onmouseover=alert(1)&gt;NGO&lt;/b&gt;" in html
        assert '<a href="https://example.org/ok" rel="noopener">link</a>' in html
    contacts_html = (site / "contacts/at/index.html").read_text(encoding="utf-8")
    assert "<script>alert('contact')" not in contacts_html
    assert "{{ 6*7 }}" in contacts_html
