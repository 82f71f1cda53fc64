"""`dcaht validate`: every kind of bad input gets one line naming file, line and field,
exit code 1, and never a traceback."""

from __future__ import annotations

import re

import pytest
from conftest import copy_project, run_dcaht
from samples import VALID_CONTACTS, VALID_PRACTICE

LINE = re.compile(r"^(?P<path>[^:\n]+):(?P<line>\d+): (?P<field>[^:\n]+): (?P<message>.+)$", re.M)


@pytest.fixture(scope="module")
def project(tmp_path_factory):
    return copy_project(tmp_path_factory.mktemp("validate"))


def validate(project, relative: str, text: str):
    path = project / relative
    path.write_text(text, encoding="utf-8")
    try:
        return run_dcaht(project, "validate", relative)
    finally:
        path.unlink()


def problems(result):
    return [m.groupdict() for m in LINE.finditer(result.stderr)]


def assert_refused(result, relative, field_part, message_part, line=None):
    assert result.returncode == 1, result.stdout + result.stderr
    assert "Traceback" not in result.stderr + result.stdout
    found = problems(result)
    assert found, result.stderr
    matching = [p for p in found if p["path"] == relative and field_part in p["field"]
                and message_part in p["message"]]
    assert matching, f"no line for {field_part!r}/{message_part!r} in:\n{result.stderr}"
    if line is not None:
        assert int(matching[0]["line"]) == line, matching


PRACTICE = "data/practices/test-practice.yml"
CONTACTS = "data/contacts/test.yml"


def test_the_valid_samples_pass(project):
    assert validate(project, PRACTICE, VALID_PRACTICE).returncode == 0
    result = validate(project, CONTACTS, VALID_CONTACTS)
    assert result.returncode == 0, result.stderr


def test_real_data_is_valid(project):
    result = run_dcaht(project, "validate")
    assert result.returncode == 0, result.stderr
    assert "Data valid" in result.stdout


@pytest.mark.parametrize("text, field, message, line", [
    # broken YAML
    ("title:\n  en: [unclosed\n", "(file)", "not valid YAML", None),
    # a tab for indentation
    ("title:\n\ten: x\n", "(file)", "tab", 2),
    # an empty file
    ("", "(file)", "empty", 1),
    # a list instead of a mapping
    ("- title: x\n- city: y\n", "(file)", "must be a mapping", 1),
    # a python tag
    ("title: !!python/object/apply:os.system ['echo pwned']\n", "(file)", "not allowed", 1),
])
def test_unreadable_files(project, text, field, message, line):
    assert_refused(validate(project, PRACTICE, text), PRACTICE, field, message, line)


def test_python_tag_never_runs(project, tmp_path):
    marker = tmp_path / "ran"
    text = VALID_PRACTICE.replace("city: Graz", f"city: !!python/object/apply:os.system ['touch {marker}']")
    line = next(number for number, row in enumerate(text.splitlines(), 1) if row.startswith("city:"))
    assert_refused(validate(project, PRACTICE, text), PRACTICE, "(file)", "not allowed", line)
    assert not marker.exists()


@pytest.mark.parametrize("old, new, field, message", [
    ("city: Graz", "city: Graz\ncolour: blue", "colour", "unknown key 'colour'"),
    ("city: Graz", "cty: Graz", "cty", "unknown key 'cty' (did you mean 'city'?)"),
    ("  start: 2020", "  start: twenty", "years.start", "expected a whole number"),
    ("sectors: [municipality, police, ngo]", "sectors: police", "sectors", "expected a list"),
    ("country: AT", "country: XX", "country", "unknown country 'XX'"),
    ("country: AT", "country: FR", "country", "Danube Region"),
    ("sectors: [municipality, police, ngo]", "sectors: [municipality, polizei]", "sectors[1]", "not a known value"),
    ("  website: https://example.org/", "  website: javascript:alert(1)", "contact.website", "'javascript:' addresses are not allowed"),
    ("    url: https://example.org/source", "    url: ftp://example.org/x", "sources[0].url", "'ftp:' addresses are not allowed"),
    ("  website: https://example.org/", "  website: https://example.org/\n  email: not-an-email", "contact.email", "e-mail address"),
    ('sources_checked_on: "2026-01-15"', 'sources_checked_on: "2026-13-45"', "sources_checked_on", "not a real date"),
    ('sources_checked_on: "2026-01-15"', "sources_checked_on: 15.01.2026", "sources_checked_on", "YYYY-MM-DD"),
    ('sources_checked_on: "2026-01-15"', 'sources_checked_on: "2999-01-01"', "sources_checked_on", "in the future"),
    ("chapters: [cooperation-mechanism]", "chapters: [cooperation]", "chapters[0]", "cooperation-mechanism"),
    ("sources:\n  - title: Test source\n    url: https://example.org/source\n", "sources: []\n", "sources", "at least 1"),
    ("summary:\n  en: A round", "summary:\n  xx: A round", "summary", "not a language of the site"),
    ("city: Graz", "city: Graz\ncity: Linz", "city", "appears twice"),
    ("  en: Test city round table", "  en: Test <b>round</b> table", "title.en", "plain text"),
    ("See [the report](https://example.org/report)", "See [the report](javascript:alert(1))", "what_was_done.en", "not a web address"),
])
def test_bad_practice_fields(project, old, new, field, message):
    assert old in VALID_PRACTICE
    assert_refused(validate(project, PRACTICE, VALID_PRACTICE.replace(old, new)), PRACTICE,
                   field, message)


def test_missing_required_key_names_the_key(project):
    text = VALID_PRACTICE.replace("lead_organisation: Test city social services\n", "")
    assert_refused(validate(project, PRACTICE, text), PRACTICE, "lead_organisation",
                   "required key 'lead_organisation' is missing")


def test_line_numbers_point_at_the_field(project):
    text = VALID_PRACTICE.replace("country: AT", "country: XX")
    expected_line = text.splitlines().index("country: XX") + 1
    assert_refused(validate(project, PRACTICE, text), PRACTICE, "country", "unknown country",
                   expected_line)


def test_file_name_must_be_a_slug(project):
    assert_refused(validate(project, "data/practices/Bad_Name.yml", VALID_PRACTICE),
                   "data/practices/Bad_Name.yml", "(file name)", "not a valid id")


def test_duplicate_contact_id_across_files(project):
    (project / "data/contacts/test-a.yml").write_text(VALID_CONTACTS, encoding="utf-8")
    try:
        result = validate(project, "data/contacts/test-b.yml", VALID_CONTACTS)
    finally:
        (project / "data/contacts/test-a.yml").unlink()
    assert_refused(result, "data/contacts/test-b.yml", "contacts[0].id", "already used in data/contacts/test-a.yml")


def test_shelter_address_is_refused(project):
    text = VALID_CONTACTS.replace("type: ngo", "type: shelter\n    sensitive: true").replace(
        "    city: Graz\n", "    address:\n      street: Secret street 1\n      postal_code: '8010'\n      city: Graz\n")
    assert_refused(validate(project, CONTACTS, text), CONTACTS, "contacts[0].address", "must never be published")


def test_shelter_must_be_sensitive(project):
    text = VALID_CONTACTS.replace("type: ngo", "type: shelter").replace("    city: Graz\n", "")
    assert_refused(validate(project, CONTACTS, text), CONTACTS, "contacts[0].sensitive", "must be marked")


def test_stale_contact_only_warns(project):
    text = VALID_CONTACTS.replace('"2026-01-15"', '"2020-01-15"')
    result = validate(project, CONTACTS, text)
    assert result.returncode == 0, result.stderr
    assert "warning: sources last checked 2020-01-15" in result.stdout


@pytest.mark.parametrize("sample, path, old", [
    ("practice", PRACTICE, 'sources_checked_on: "2026-01-15"'),
    ("contacts", CONTACTS, '    sources_checked_on: "2026-01-15"'),
])
def test_old_last_verified_key_says_what_to_write(project, sample, path, old):
    """A file written before December 2026 is not migrated silently: its contributor reads
    what to write instead, and gets no second message about the missing new key."""
    text = (VALID_PRACTICE if sample == "practice" else VALID_CONTACTS)
    text = text.replace(old, old.replace("sources_checked_on", "last_verified"))
    result = validate(project, path, text)
    assert_refused(result, path, "last_verified", "'sources_checked_on: YYYY-MM-DD'")
    assert "confirmed:" in result.stderr
    assert "required key 'sources_checked_on'" not in result.stderr


@pytest.mark.parametrize("old, new, field, message", [
    # a contact's single e-mail or phone (the old shape) names its replacement
    ("    phones:\n", "    email: office@example.org\n    phones:\n", "contacts[0].email", "replaced by 'emails'"),
    ("    phones:\n", '    phone: "+43 316 123456"\n    phones:\n', "contacts[0].phone", "replaced by 'phones'"),
    # impossible numbers, and numbers of another country
    ('"0316 123456"', '"0316 12"', "contacts[0].phones[0].number", "not a valid number in AT"),
    ('"0316 123456"', '"+49 30 1234567"', "contacts[0].phones[0].number", "a number of DE, not of AT"),
    ('"0316 123456"', '"call us"', "contacts[0].phones[0].number", "not valid"),
    # a number or an address without the page it was seen on
    ("        source: https://example.org/source\n    emails:", "        source: https://example.org/other\n    emails:",
     "contacts[0].phones[0].source", "not among the entry's sources"),
    ("        source: https://example.org/source\n    emails:", "    emails:", "contacts[0].phones[0].source", "required key 'source'"),
    ("      - address: office@example.org\n        source: https://example.org/source",
     "      - address: office@example.org\n        source: https://example.org/elsewhere",
     "contacts[0].emails[0].source", "not among the entry's sources"),
    ("    sources_checked_on: \"2026-01-15\"",
     "    sources_checked_on: \"2026-01-15\"\n    confirmed:\n      on: \"2026-01-20\"\n      how: pigeon",
     "contacts[0].confirmed.how", "not a known value"),
])
def test_bad_contact_fields(project, old, new, field, message):
    assert old in VALID_CONTACTS, old
    assert_refused(validate(project, CONTACTS, VALID_CONTACTS.replace(old, new)), CONTACTS, field, message)


def test_a_number_another_institution_lists_needs_a_note(project):
    second = VALID_CONTACTS.replace("id: test-ngo", "id: test-other").split("contacts:\n", 1)[1]
    both = VALID_CONTACTS + second
    assert_refused(validate(project, CONTACTS, both), CONTACTS, "contacts[1].phones[0].number",
                   "already listed for 'test-ngo'")
    noted = VALID_CONTACTS + second.replace(
        "          en: Counselling line\n",
        "          en: Counselling line\n        note:\n          en: The same line, run by Test NGO for both.\n")
    result = validate(project, CONTACTS, noted)
    assert result.returncode == 0, result.stderr


def test_short_numbers_are_accepted(project):
    text = VALID_CONTACTS.replace('"0316 123456"', '"116 006"').replace("country: AT", "country: HU").replace(
        "    city: Graz\n", "")
    result = validate(project, CONTACTS, text)
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize("where", ["website", "source"])
def test_sensitive_entry_never_links_a_map(project, where):
    text = VALID_CONTACTS.replace("type: ngo", "type: shelter\n    sensitive: true").replace("    city: Graz\n", "")
    url = "https://www.google.com/maps/place/Secret+Street+1"
    if where == "website":
        text = text.replace("    website: https://example.org/", f"    website: {url}")
        field = "contacts[0].website"
    else:
        text = text.replace("        url: https://example.org/source", f"        url: {url}").replace(
            "source: https://example.org/source", f"source: {url}")
        field = "contacts[0].sources"
    assert_refused(validate(project, CONTACTS, text), CONTACTS, field, "links to a map")


def test_sensitive_entry_city_is_refused(project):
    text = VALID_CONTACTS.replace("type: ngo", "type: ngo\n    sensitive: true")
    assert_refused(validate(project, CONTACTS, text), CONTACTS, "contacts[0].city", "must not be published")


def test_every_problem_is_reported_at_once(project):
    text = VALID_PRACTICE.replace("country: AT", "country: XX").replace("city: Graz", "city: Graz\nfoo: 1")
    result = validate(project, PRACTICE, text)
    fields = {p["field"] for p in problems(result)}
    assert {"country", "foo"} <= fields


def test_build_refuses_broken_data_without_traceback(tmp_path):
    from conftest import run_mkdocs_build

    broken = copy_project(tmp_path / "project")
    (broken / PRACTICE).write_text(VALID_PRACTICE.replace("country: AT", "country: XX"), encoding="utf-8")
    result = run_mkdocs_build(broken, tmp_path / "site")
    assert result.returncode != 0
    output = result.stdout + result.stderr
    assert "data/practices/test-practice.yml" in output and "country" in output
    assert "Traceback" not in output
    assert not (tmp_path / "site" / "practices" / "test-practice").exists()


def test_a_hotline_on_a_sensitive_entry_is_fine(project):
    text = VALID_CONTACTS.replace("type: ngo", "type: shelter\n    sensitive: true").replace("    city: Graz\n", "")
    text = text.replace("        label:\n          en: Counselling line\n",
                        "        label:\n          en: 24-hour hotline\n        urgent: true\n")
    result = validate(project, CONTACTS, text)
    assert result.returncode == 0, result.stderr
