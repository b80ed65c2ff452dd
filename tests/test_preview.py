"""The preview's incremental rebuilds come out exactly as a full build would."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import ON_OR_BEFORE_EVENTS, edit, timeline, tree, write

from generator.preview import Preview

MORE_EVENT = """+++
date = "2015-06"
title = "A quiet month"
kind = "testimony"
certainty = "reported"
sources = ["example-times"]
quotes = ["nothing-left"]
+++
"""


def full_build(content: Path, output: Path) -> dict[str, bytes]:
    assert timeline("build", str(content), "-o", str(output), cwd=content.parent).returncode == 0
    built = tree(output)
    del built[".timeline-output"]
    return built


EDITS = {
    "an entry's title": lambda c: edit(c / "events" / "withdrawal.md", "Rebels withdraw", "Rebels leave"),
    "an entry's date, into another period": lambda c: edit(c / "events" / "siege.md", 'date = "last March"', 'date = "2015-06-02"'),
    "a quote's speaker": lambda c: edit(c / "quotes" / "nothing-left.md", 'speaker = "Abu Test"', 'speaker = "Abu Example"'),
    "a new entry": lambda c: write(c / "events" / "quiet.md", MORE_EVENT),
    "a removed entry": lambda c: (c / "events" / "siege.md").unlink(),
    "the site's title": lambda c: edit(c / "site.toml", "Test timeline", "Another timeline"),
    "a template of the site's own": lambda c: write(c / "templates" / "event.html",
                                                   '{% extends "base.html" %}{% block main %}<h1>{{ event.title }}!</h1>{% endblock %}'),
    "the source's outlet": lambda c: edit(c / "sources" / "example-times.md", "The Example Times", "The Example Post"),
    "the site's base_url": lambda c: edit(c / "site.toml", "Test timeline", 'Test timeline"\nbase_url = "https://example.org/'),
    "an entry's place": lambda c: edit(c / "events" / "withdrawal.md", '"Old Town"', '"New Town"'),
    "an entry's certainty": lambda c: edit(c / "events" / "withdrawal.md", 'certainty = "reported"', 'certainty = "unconfirmed"'),
}


@pytest.mark.parametrize("change", list(EDITS))
def test_a_rebuild_after_a_save_equals_a_full_build(site, tmp_path, change):
    edit(site / "site.toml", 'language = "en"', 'language = "en"\nindex_page_size = 1')  # a page per year
    preview = Preview(site, tmp_path / "preview")
    assert preview.rebuild().problems == []
    before = tree(site)
    EDITS[change](site)
    after = tree(site)
    outcome = preview.rebuild({site / name for name in before.keys() | after.keys() if before.get(name) != after.get(name)})
    assert outcome.problems == []
    assert tree(tmp_path / "preview") == full_build(site, tmp_path / "output")


def test_a_rebuild_after_the_report_day_moves_equals_a_full_build(site, tmp_path):
    # An entry dated "by 2016-12-12" does not change, but whether that is
    # the day of the report, which its pages say, does: even the page of
    # its kind, which shows it alone and no source.
    write(site / "events" / "mines.md", ON_OR_BEFORE_EVENTS["mines"].replace('kind = "bombing"', 'kind = "mining"'))
    preview = Preview(site, tmp_path / "preview")
    assert preview.rebuild().problems == []
    source = site / "sources" / "example-times.md"
    edit(source, "published = 2016-12-12", "published = 2016-12-13")
    assert preview.rebuild({source}).problems == []
    built = full_build(site, tmp_path / "output")
    assert "the day of the report" not in built["kinds/mining.html"].decode()
    assert tree(tmp_path / "preview") == built


def test_a_rebuild_after_one_saved_entry_renders_only_the_pages_that_show_it(site, tmp_path):
    write(site / "events" / "mines.md", ON_OR_BEFORE_EVENTS["mines"])  # not next to the siege
    preview = Preview(site, tmp_path / "preview")
    everything = preview.rebuild().rendered
    entry = site / "events" / "siege.md"
    edit(entry, "The siege begins", "The siege starts")
    outcome = preview.rebuild({entry})
    assert 0 < outcome.rendered < everything
    assert "events/siege.html" in outcome.written and "events/mines.html" not in outcome.written
    assert "events/withdrawal.html" in outcome.written  # it links to the siege, the entry before it


def test_a_rebuild_with_a_mistake_leaves_the_preview_as_it_was(site, tmp_path):
    preview = Preview(site, tmp_path / "preview")
    preview.rebuild()
    before = tree(tmp_path / "preview")
    entry = site / "events" / "siege.md"
    edit(entry, 'kind = "bombing"', "kind = bombing")
    outcome = preview.rebuild({entry})
    assert [str(p).split(": ")[0].endswith("siege.md:4") for p in outcome.problems] == [True]
    assert tree(tmp_path / "preview") == before


def test_a_data_file_that_appears_while_deferred_does_not_stop_later_rebuilds(site, tmp_path):
    preview = Preview(site, tmp_path / "preview")
    preview.rebuild()
    edit(site / "site.toml", 'language = "en"', 'language = "en"\nbase_url = "https://example.org/t/"')  # adds sitemap.xml
    assert preview.rebuild({site / "site.toml"}, defer_data=True).problems == []
    entry = site / "events" / "siege.md"
    edit(entry, "The siege begins", "The siege starts")
    assert preview.rebuild({entry}, defer_data=True).problems == []
    assert preview.settle().problems == []
    assert tree(tmp_path / "preview") == full_build(site, tmp_path / "output")


def test_a_source_saved_again_and_again_keeps_one_locator_and_a_deleted_file_is_forgotten(site, tmp_path):
    preview = Preview(site, tmp_path / "preview")
    assert preview.rebuild().problems == []
    source = site / "sources" / "example-times.md"
    for number in range(5):
        edit(source, "from the old town.", f"from the old town{'!' * (number + 1)}.")
        edit(source, f"town{'!' * (number + 1)}.", "town.")
        assert preview.rebuild({source}).problems == []
    assert list(preview.cache.locators) == [source]
    siege = site / "events" / "siege.md"
    siege.unlink()
    assert preview.rebuild({siege}).problems == []
    assert siege not in preview.cache.made and siege not in preview.cache.documents
