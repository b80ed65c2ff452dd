"""What a content folder must be, and what the loader refuses rather than
publish: a missing or unreadable folder, a link, a FIFO, a huge file, a
control character, a date off the calendar, a name too long for a file.
Each is one line naming the file and line, and the output stays as it was."""

from __future__ import annotations

import os
import subprocess
import sys
import xml.etree.ElementTree as ET

import pytest
from conftest import edit, timeline, tree, unprivileged, write

from generator.build import build, check
from generator.content import load


def built(site):
    """The site built into output/ beside it, and that output's files."""
    result = timeline("build", cwd=site.parent)
    assert result.returncode == 0, result.stderr
    return tree(site.parent / "output")


def refused(site, before) -> list[str]:
    """The problem lines of a build that must fail and leave the output as it was."""
    result = timeline("build", cwd=site.parent)
    assert result.returncode == 1 and "Traceback" not in result.stderr, result.stderr
    assert tree(site.parent / "output") == before
    lines = result.stderr.splitlines()
    assert lines[-1].endswith("output/ was left as it was")
    return lines[:-1]


def problems_of(content) -> list[str]:
    loaded, problems = load(content)
    assert loaded is None
    return [str(p).removeprefix(f"{content}/") for p in problems]


# -- 1. A content folder must have what it needs ---------------------------------------


@pytest.mark.parametrize("folder, replace_with, expected", [
    ("events", None, "content/events: no such folder"),
    ("sources", None, "content/sources: no such folder"),
    ("events", lambda path: write(path, "not a folder"), "content/events: not a folder"),
    ("events", lambda path: path.symlink_to(path.parent / "gone"), "content/events: a symbolic link"),
])
def test_a_content_folder_without_its_events_or_sources_is_refused_not_published_empty(site, folder, replace_with, expected):
    before = built(site)
    (site / folder).rename(site / folder.capitalize())
    if replace_with:
        replace_with(site / folder)
    [line] = refused(site, before)
    assert line.startswith(expected)


@pytest.mark.parametrize("folder", ["events", "quotes", "events/2016"])
def test_a_folder_that_cannot_be_read_is_named_once_and_nothing_is_published(site, folder):
    write(site / "events" / "2016" / "extra.md", (site / "events" / "siege.md").read_text())
    (site / "events" / "siege.md").unlink()
    before = built(site)
    (site / folder).chmod(0)
    try:
        result = unprivileged("build", cwd=site.parent)
    finally:
        (site / folder).chmod(0o755)
    assert result.returncode == 1
    assert result.stderr.splitlines() == [f"content/{folder}: cannot read the folder: Permission denied",
                                          "timeline: 1 problem; output/ was left as it was"]
    assert tree(site.parent / "output") == before


# -- 2. Control characters ------------------------------------------------------------


@pytest.mark.parametrize("file, old, new, expected", [
    ("events/withdrawal.md", "Rebels withdraw", "Rebels\x0bwithdraw",
     "events/withdrawal.md:3: the control character U+000B (vertical tab) in the text: delete it"),
    ("events/withdrawal.md", "Rebels withdraw", "Rebels\\u001b withdraw",
     "events/withdrawal.md:3: field 'title' holds the control character U+001B (escape): delete it"),
    ("events/withdrawal.md", '"Old Town"', '"Old\\u0000Town"',
     "events/withdrawal.md:6: field 'places' holds the control character U+0000 (NUL): delete it"),
    ("events/withdrawal.md", "before dawn", "before\x0cdawn",
     "events/withdrawal.md:11: the control character U+000C (form feed) in the text"),
    ("sources/example-times.md", "old town.", "old town.\x00", "sources/example-times.md:6: the control character U+0000 (NUL)"),
    ("quotes/nothing-left.md", "defend here", "defend\rhere", "quotes/nothing-left.md:6: the control character U+000D (carriage return)"),
    ("site.toml", 'title = "Test timeline"', 'title = "Test\\u0007 timeline"', "site.toml:1: field 'title' holds the control character U+0007"),
])
def test_a_control_character_is_refused_with_its_file_and_line(site, file, old, new, expected):
    edit(site / file, old, new)
    [problem] = problems_of(site)
    assert problem.startswith(expected)


def test_every_xml_output_is_well_formed_whatever_the_text_holds(site, tmp_path):
    odd = "Fish & chips <b>“quoted”</b> \u2028 \u202e reversed 🙂 ]]> &amp;"
    write(site / "site.toml", f'title = "{odd.replace(chr(0x2028), " ")}"\ndescription = "a \\u2029 b"\nbase_url = "https://example.org/t/"\n')
    edit(site / "events" / "withdrawal.md", 'title = "Rebels withdraw from the old town"', f'title = "{odd}"')
    edit(site / "events" / "withdrawal.md", '"Old Town"', '"Old Town", "Ḥalab & <co>"')
    assert build(site, tmp_path / "output").problems == []
    for name in ("feed.xml", "sitemap.xml"):
        ET.parse(tmp_path / "output" / name)  # raises on anything not well-formed
    for path in (tmp_path / "output").rglob("*.html"):
        assert b"\x00" not in path.read_bytes()


# -- 3. Tracebacks --------------------------------------------------------------------


@pytest.mark.parametrize("published, date", [
    ("0001-01-01", "yesterday"), ("0001-01-01", "Monday"), ("0001-01-01", "a year ago"),
    ("9999-12-31", "tomorrow"), ("9999-12-31", "next year"),
])
def test_a_date_read_off_the_calendar_is_a_problem_with_its_line(site, published, date):
    edit(site / "sources" / "example-times.md", "published = 2016-12-12", f"published = {published}")
    edit(site / "events" / "withdrawal.md", 'date = "Monday"', f'date = "{date}"')
    edit(site / "events" / "siege.md", 'date = "last March"', 'date = "2016-03"')
    assert problems_of(site) == [
        f"events/withdrawal.md:2: date '{date}', read against {published}, falls outside the years 1 to 9999"]


def test_dates_reads_a_text_against_the_first_or_last_day_of_the_calendar(tmp_path):
    write(tmp_path / "a.txt", "yesterday, Monday, a year ago, tomorrow, next year")
    for dct in ("0001-01-01", "9999-12-31"):
        result = timeline("dates", "a.txt", "--dct", dct, "--format", "text", cwd=tmp_path)
        assert result.returncode == 0 and "Traceback" not in result.stderr, result.stderr
        assert "falls outside the years 1 to 9999" in result.stdout


@pytest.mark.parametrize("setting, expected", [
    ('theme = "' + "t" * 300 + '"', "site.toml:2: theme 'tttttttttt"),
    ('timezone = "' + "Z" * 300 + '"', "site.toml:2: unknown timezone 'ZZZZZZZZ"),
    ('timezone = "/etc/passwd"', "site.toml:2: unknown timezone '/etc/passwd': give an IANA name such as UTC"),
    ('timezone = "../../etc/hostname"', "site.toml:2: unknown timezone '../../etc/hostname'"),
    ('theme = "../../etc"', "site.toml:2: theme '../../etc' is not a folder name"),
])
def test_a_theme_or_timezone_must_be_a_name_not_a_path(site, setting, expected):
    edit(site / "site.toml", 'title = "Test timeline"', f'title = "Test timeline"\n{setting}')
    [problem] = problems_of(site)
    assert problem.startswith(expected)


def test_a_known_timezone_is_accepted(site):
    edit(site / "site.toml", 'title = "Test timeline"', 'title = "Test timeline"\ntimezone = "America/Argentina/Salta"')
    assert load(site)[1] == []


def test_a_fifo_where_an_entry_should_be_is_refused_without_waiting_for_a_writer(site):
    os.mkfifo(site / "events" / "pipe.md")
    result = subprocess.run([sys.executable, "-m", "generator", "check"], cwd=site.parent,
                            capture_output=True, text=True, timeout=30)
    assert result.returncode == 1
    assert result.stderr.splitlines() == ["content/events/pipe.md: not a regular file (a FIFO): only regular files are read",
                                         "timeline: 1 problem found; nothing was written"]


def test_a_file_larger_than_20_mb_is_refused_unread(site):
    big = write(site / "sources" / "huge.md", "+++\n")
    os.truncate(big, 20 * 1024 * 1024 + 1)  # sparse: no disk is filled
    assert problems_of(site) == ["sources/huge.md: larger than 20 MB: a content file may be at most that"]


# -- 8. Names too long for a file ---------------------------------------------------------


def test_a_kind_too_long_for_a_file_name_fails_check_as_it_fails_build(site, tmp_path):
    edit(site / "events" / "withdrawal.md", 'kind = "capture"', f'kind = "{"k" * 260}"')
    for command in ("check", "build"):
        result = timeline(command, cwd=site.parent)
        assert result.returncode == 1
        assert result.stderr.splitlines()[0] == "content/events/withdrawal.md:4: kind 'kkkkkkkkkkkkkkkkkkkk…' is 260 characters long: at most 100"


def test_an_id_too_long_for_a_file_name_is_refused(site):
    (site / "events" / "siege.md").rename(site / "events" / f"{'s' * 250}.md")
    assert problems_of(site) == [f"events/{'s' * 250}.md:1: file name '{'s' * 250}.md' is too long for an id: at most 100 characters"]


def test_a_long_speaker_or_place_gets_a_short_file_name(site, tmp_path):
    edit(site / "quotes" / "nothing-left.md", 'speaker = "Abu Test"', f'speaker = "{"Abu Test " * 40}"')
    edit(site / "events" / "withdrawal.md", '"Old Town"', f'"{"حلب " * 100}", "{"حلب " * 99}"')
    assert build(site, tmp_path / "output").problems == []
    names = [p.name for p in (tmp_path / "output").rglob("*.html") if p.parent.name in ("people", "places")]
    assert len(names) == 3 and all(len(name.encode()) <= 110 for name in names)
    assert check(site).problems == []


# -- 9. Line numbers, and problems that print as one line ---------------------------------------


def test_a_line_separator_in_a_value_does_not_shift_the_lines_of_later_fields(site):
    edit(site / "events" / "withdrawal.md", "Rebels withdraw", "Rebels\u2028withdraw\u2029")
    edit(site / "events" / "withdrawal.md", '"reported"', '"certain"')
    assert problems_of(site)[0].startswith("events/withdrawal.md:5: certainty must be one of")
    edit(site / "events" / "withdrawal.md", "Rebels\u2028", "Rebels\u0085")
    assert problems_of(site)[0].startswith("events/withdrawal.md:3: the control character U+0085 (next line)")


def test_a_problem_prints_as_one_line_whatever_the_value_it_shows(site):
    before = built(site)
    edit(site / "events" / "withdrawal.md", '["nothing-left"]', '["ghost\\ncontent/events/fake.md:1: all is well\\u202e"]')
    [line] = refused(site, before)
    assert line == "content/events/withdrawal.md:8: unknown quote 'ghost\\ncontent/events/fake.md:1: all is well\\u202e'"


# -- 10. Symbolic links ------------------------------------------------------------------


@pytest.mark.parametrize("link, expected", [
    (lambda c, elsewhere: (c / "events" / "more").symlink_to(elsewhere), "content/events/more: a symbolic link"),
    (lambda c, elsewhere: (c / "events" / "extra.md").symlink_to(elsewhere / "extra.md"), "content/events/extra.md: a symbolic link"),
    (lambda c, elsewhere: (c / "sources" / "passwd.md").symlink_to("/etc/passwd"), "content/sources/passwd.md: a symbolic link"),
    (lambda c, elsewhere: (c / "events" / "zero.md").symlink_to("/dev/zero"), "content/events/zero.md: a symbolic link"),
])
def test_a_symbolic_link_in_the_content_folder_is_refused_naming_it(site, tmp_path, link, expected):
    before = built(site)
    elsewhere = tmp_path / "elsewhere"
    write(elsewhere / "extra.md", (site / "events" / "siege.md").read_text())
    link(site, elsewhere)
    [line] = refused(site, before)
    assert line.startswith(expected) and "no content file is read through a link" in line


# -- Also: the words a newcomer meets ---------------------------------------------------------


@pytest.mark.parametrize("file, old, new, expected", [
    ("events/withdrawal.md", "passage =", "pasage =", "events/withdrawal.md:9: unknown field 'pasage': did you mean 'passage'? (known fields: date, title,"),
    ("events/withdrawal.md", '["nothing-left"]', '["nothing-lef"]', "events/withdrawal.md:8: unknown quote 'nothing-lef': did you mean 'nothing-left'?"),
    ("events/withdrawal.md", '"capture"', '"Official Statement"', "events/withdrawal.md:4: kind 'Official Statement' must be a lowercase word such as capture or official-statement: did you mean 'official-statement'?"),
    ("events/withdrawal.md", '"Monday"', '"Mondya"', "events/withdrawal.md:2: cannot read date 'Mondya': did you mean 'Monday'?"),
    ("events/siege.md", '"last March"', '"last Febuary"', "events/siege.md:2: cannot read date 'last Febuary': did you mean 'last February'?"),
    ("events/withdrawal.md", 'kind = "capture"', 'kind = "capture', "events/withdrawal.md:4: malformed front matter: the string that starts on line 4 has no closing quote"),
    ("events/withdrawal.md", 'passage = "The', 'passage = """The', "events/withdrawal.md:9: malformed front matter: the string that starts on line 9 has no closing quote"),
])
def test_a_near_miss_is_named_with_what_was_meant(site, file, old, new, expected):
    edit(site / file, old, new)
    [problem] = problems_of(site)
    assert problem.startswith(expected)


def test_build_given_a_file_says_so_and_suggests_extract(site):
    result = timeline("build", "content/sources/example-times.md", cwd=site.parent)
    assert result.returncode == 1
    assert result.stderr == ("content/sources/example-times.md: a file, not a content folder: to propose entries "
                             "from an article, run timeline extract content/sources/example-times.md\n")
