"""Any bytes in any file of a site give a built site or problems that name a
file and a line, never a traceback; and a build that fails leaves the output
as it was. Hypothesis mutates the files of a small site written here:
150 examples, a few seconds; FUZZ_EXAMPLES=5000 searches longer."""

from __future__ import annotations

import os
import re
import shutil
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from conftest import tree, write_site
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator import frontmatter
from generator.build import build
from generator.problems import Problem

# What breaks readers of front matter, TOML, dates and XML, more often than
# random bytes would hit it.
PIECES = [
    "\x00", "\x0b", "\x0c", "\x1b[2J", "\r", "\r\n", "\n", "\n\n", "\t", "\u0085", "\u2028", "\u2029", "\ufeff",
    "\ufffe", "\u202e", "\u200b", "\xa0", "+++", "+++\n", '"', "'", '"""', "'''", "\\", "\\u0000", "\\u001b", "\\n",
    "=", "[", "]", "{", "}", "#", ",", ".", "-", "<script>alert(1)</script>", "]]>", "&amp;", "&", "<", ">", "é",
    "حلب", "🙂", "date = ", "title = ", "kind = ", 'sources = ["example-times"]', "draft = true", "2016-12-12",
    "0001-01-01", "9999-12-31", "1979-05-27T07:32:00Z", "Monday", "yesterday", "next year", "by", "last March",
    "Mondya", "x" * 300, "🙂" * 80,
]
# The fields whose values are free text: what an editor types most.
FREE_TEXT = re.compile(r'(?m)^(?:title|outlet|author|speaker|channel|note|description|according_to|places) = \[?"')
FILES = ["site.toml", "sources/example-times.md", "quotes/nothing-left.md", "events/withdrawal.md", "events/siege.md"]

edit = st.tuples(
    # Where: anywhere in the file, inside a free text value of its front
    # matter, or in its body (an edit anywhere mostly breaks the TOML, and the site
    # is then refused before it is rendered); as a share of that stretch.
    st.sampled_from(["anywhere", "value", "body"]),
    st.floats(0, 1),
    st.integers(0, 12),  # how many characters to delete there
    st.one_of(st.sampled_from(PIECES), st.text(st.characters(blacklist_categories=["Cs"]), max_size=6)),
)


@st.composite
def mutations(draw):
    """A file of the site, a few edits to make to its text, and now and
    then bytes that are not UTF-8 at all to put somewhere in it."""
    raw = draw(st.tuples(st.floats(0, 1), st.binary(min_size=1, max_size=4))) if draw(st.integers(0, 4)) == 0 else None
    return draw(st.sampled_from(FILES)), draw(st.lists(edit, min_size=1, max_size=4)), raw


def mutate(text: str, edits, raw) -> bytes:
    for region, where, deleted, inserted in edits:
        at = int(where * len(text))
        if region == "value":
            values = [m.end() for m in FREE_TEXT.finditer(text)] or [at]
            at, deleted = values[int(where * (len(values) - 1))], 0
        elif region == "body":
            body = text.rfind("+++\n") + 4 if text.count("+++\n") > 1 else 0
            at = body + int(where * (len(text) - body))
        text = text[:at] + inserted + text[at + deleted:]
    data = text.encode("utf-8")
    if raw is not None:
        at = int(raw[0] * len(data))
        data = data[:at] + raw[1] + data[at:]
    return data


def assert_one_line_naming_a_file_of(problem: Problem, content: Path) -> None:
    assert problem.line >= 0
    assert content in problem.path.parents or problem.path == content, problem
    assert str(problem).isprintable(), repr(str(problem))


@pytest.fixture(scope="module")
def pristine(tmp_path_factory) -> Path:
    """The small site of conftest, with a base_url (so a sitemap too), and
    its output: made once, copied for each example."""
    folder = tmp_path_factory.mktemp("pristine")
    content = write_site(folder / "content")
    (content / "site.toml").write_text('title = "Test timeline"\nbase_url = "https://example.org/t/"\n')
    assert build(content, folder / "output").problems == []
    return folder


@settings(max_examples=int(os.environ.get("FUZZ_EXAMPLES", 150)), deadline=None, database=None,
          suppress_health_check=[HealthCheck.too_slow])
@given(mutation=mutations())
def test_any_bytes_in_any_file_build_or_give_file_and_line_problems(pristine, mutation):
    name, edits, raw = mutation
    with tempfile.TemporaryDirectory() as folder:
        content, output = Path(folder) / "content", Path(folder) / "output"
        shutil.copytree(pristine / "content", content)
        shutil.copytree(pristine / "output", output)
        path = content / name
        path.write_bytes(mutate(path.read_text(encoding="utf-8"), edits, raw))
        before = tree(output)
        result = build(content, output)
        for problem in result.problems:
            assert_one_line_naming_a_file_of(problem, content)
        if result.problems:
            assert tree(output) == before
            assert sorted(os.listdir(folder)) == ["content", "output"]
        else:
            for xml in ("feed.xml", "sitemap.xml"):
                if (output / xml).exists():
                    ET.parse(output / xml)
            assert not any(b"\x00" in data for data in tree(output).values())


@settings(max_examples=500, deadline=None, database=None)
@given(st.binary(max_size=200) | st.lists(st.sampled_from(PIECES)).map(lambda parts: "".join(parts).encode()))
def test_the_front_matter_reader_gives_a_document_or_a_problem_for_any_bytes(data):
    path = Path("content/events/x.md")
    text = frontmatter.decode(path, data)
    if isinstance(text, str):
        text = frontmatter.parse(path, text)
    assert isinstance(text, (str, frontmatter.Document, Problem))
    if isinstance(text, Problem):
        assert str(text).isprintable() and text.path == path
