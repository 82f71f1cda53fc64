"""Text from data is shown as text: never run as HTML, never rendered as Jinja."""

from __future__ import annotations


def test_hostile_text_appears_as_text(variant_site):
    """The variant site (conftest.py) holds a practice and a contacts file with hostile texts."""
    site = variant_site
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
