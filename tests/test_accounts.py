"""The content model of an entry several sources tell: each further source's
passage in [[accounts]], checked word for word in that source; a draft that
`extends` an entry; one clear line for each mistake."""

from pathlib import Path

import pytest
from conftest import MANY_SOURCES, edit, timeline, write

from generator.content import load


@pytest.fixture
def content(tmp_path: Path) -> Path:
    folder = tmp_path / "content"
    write(folder / "site.toml", 'title = "Eastport"\n')
    for name, text in MANY_SOURCES.items():
        write(folder / name, text)
    return folder


def test_an_entry_holds_each_sources_passage_date_and_certainty(content):
    model, problems = load(content, drafts=True)
    assert problems == []
    [entry] = model.events
    assert entry.sources == ("planet", "courier", "radio")
    courier, radio = entry.accounts
    assert (courier.source, courier.when.value, courier.certainty, courier.according_to) == ("courier", "2019-03-11", "claimed", "the city's doctors")
    assert model.sources["courier"].text[courier.span.start : courier.span.end].startswith("Government forces took")
    assert (radio.source, radio.proposed_in) == ("radio", "harbour-from-radio")
    assert entry.accounts_differ.startswith("The numbers differ")


def test_a_draft_extending_an_entry_counts_only_with_drafts(content):
    model, problems = load(content)
    assert problems == [] and model.events[0].sources == ("planet", "courier")
    edit(content / "events" / "harbour-from-radio.md", "draft = true\n", "")
    model, _ = load(content)
    assert model.events[0].sources == ("planet", "courier", "radio") and model.events[0].accounts[1].proposed_in is None


def test_a_draft_extending_an_entry_is_counted_among_the_drafts_left_out(content):
    checked = timeline("check", "content", cwd=content.parent)
    assert checked.returncode == 0 and checked.stdout.rstrip().endswith("; 1 draft left out (use --drafts)")


@pytest.mark.parametrize("old, new, message", [
    ('passage = "Government forces took', 'passage = "Government forces seized', "events/harbour.md:13: the passage of account 1 is not in source 'courier' word for word"),
    ('source = "courier"\npassage', 'source = "radio"\npassage', "events/harbour.md:12: account 1: source 'radio' is not in the entry's sources"),
    ('date = "Monday"\ncertainty = "claimed"', 'date = "Monday"\ncertainty = "sure"', "events/harbour.md:15: account 1: certainty must be one of"),
    ('date = "Monday"\ncertainty = "claimed"', 'when = "Monday"\ncertainty = "claimed"', "events/harbour.md:14: account 1: unknown field 'when'"),
    ('date = "Monday"\ncertainty = "claimed"', 'date = "earlier"\ncertainty = "claimed"', "events/harbour.md:14: account 1: date 'earlier' does not say when"),
    ('date = "Monday"\ncertainty = "claimed"', 'date = "Monday"\ndated = "guess"\ncertainty = "claimed"',
     "events/harbour.md:15: account 1: dated must say how the date is known, one of 'article', 'previous sentence'"),
    ('source = "courier"\npassage = "Government forces took the harbour district on Monday; 65 civilians died"',
     'source = "planet"\npassage = "At least 40 civilians were killed"', "events/harbour.md:12: account 1: source 'planet' already has its passage in this entry"),
])
def test_a_wrong_account_is_one_line_naming_its_table(content, old, new, message):
    edit(content / "events" / "harbour.md", old, new)
    result = timeline("check", "content", "--drafts", cwd=content.parent)
    assert result.returncode == 1
    [line, summary] = result.stderr.splitlines()
    assert line.startswith("content/" + message), line
    assert summary == "timeline: 1 problem found; nothing was written"


def test_a_draft_extending_no_entry_is_one_line(content):
    edit(content / "events" / "harbour-from-radio.md", 'extends = "harbour"', 'extends = "harbor"')
    result = timeline("check", "content", "--drafts", cwd=content.parent)
    assert result.returncode == 1
    assert result.stderr == ("content/events/harbour-from-radio.md:1: extends 'harbor', which is no entry: name the id of an entry in events/\n"
                             "timeline: 1 problem found; nothing was written\n")


def test_a_draft_adding_a_source_the_entry_already_cites_is_refused(content):
    edit(content / "events" / "harbour-from-radio.md", 'sources = ["radio"]\npassage = "Soldiers captured the harbour district on Monday."',
         'sources = ["courier"]\npassage = "Government forces took the harbour district on Monday"')
    result = timeline("check", "content", "--drafts", cwd=content.parent)
    assert result.returncode == 1
    assert "entry 'harbour' already cites source 'courier'" in result.stderr
