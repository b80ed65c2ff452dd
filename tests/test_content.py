"""The content model: what loads, and every mistake an editor can make."""

from datetime import date

import pytest
from build_benchmark import generate
from conftest import edit, write

from generator.content import load


def problems_of(content_dir):
    loaded, problems = load(content_dir)
    assert loaded is None or not problems
    return [str(p) for p in problems]


def test_a_site_loads_into_dated_entries_in_timeline_order(site):
    content, problems = load(site)
    assert problems == []
    assert [e.id for e in content.events] == ["siege", "withdrawal"]
    siege, withdrawal = content.events
    assert siege.when.value == "2016-03" and siege.when.words == "last March"
    assert withdrawal.when.start == date(2016, 12, 12)
    assert withdrawal.places == ("Old Town",)
    assert withdrawal.body == "They left *before dawn*."


def test_a_quote_is_located_in_its_source_across_line_breaks(site):
    content, _ = load(site)
    quote = content.quotes["nothing-left"]
    source = content.sources["example-times"]
    assert source.text[quote.span.start : quote.span.end] == "There is nothing left\nto defend here."


def test_an_events_passage_is_located_in_its_first_source(site):
    content, _ = load(site)
    event = content.events[1]
    assert content.sources["example-times"].text[event.passage_span.start : event.passage_span.end].startswith("The rebels")


def test_entries_of_one_day_follow_the_order_the_article_tells_them(site):
    write(site / "events" / "a-later-mention.md", """+++
date = "2016-12-12"
title = "They say they are leaving"
kind = "testimony"
certainty = "reported"
sources = ["example-times"]
quotes = ["nothing-left"]
+++
""")
    content, _ = load(site)
    assert [e.id for e in content.events] == ["siege", "withdrawal", "a-later-mention"]


def test_an_entry_dated_by_a_date_happened_on_or_before_it(site):
    edit(site / "events" / "withdrawal.md", 'date = "Monday"', 'date = "by 2016-12-12"')
    edit(site / "events" / "siege.md", 'date = "last March"', 'date = "by Monday"')
    content, problems = load(site)
    assert problems == []
    when = {e.id: e.when for e in content.events}
    by_day, by_words = when["withdrawal"], when["siege"]
    assert (by_day.value, by_day.mod, by_day.words, by_day.reference) == ("2016-12-12", "ON_OR_BEFORE", None, None)
    # Words are read against the source's published date, like any other words.
    assert (by_words.value, by_words.mod, by_words.words, by_words.reference) == (
        "2016-12-12", "ON_OR_BEFORE", "by Monday", date(2016, 12, 12))


def test_an_entry_known_only_by_a_day_comes_after_every_entry_of_that_day(site):
    # It backs the article's first sentence and its id sorts first, yet it
    # comes after the day's entries, the one at night included.
    write(site / "events" / "a-mines.md", """+++
date = "by 2016-12-12"
title = "Mines were laid"
kind = "bombing"
certainty = "reported"
sources = ["example-times"]
passage = "The rebels withdrew on Monday from the old town."
+++
""")
    write(site / "events" / "night.md", """+++
date = "Monday night"
title = "Shelling at night"
kind = "bombing"
certainty = "reported"
sources = ["example-times"]
+++
""")
    write(site / "events" / "week.md", """+++
date = "2016-W50"
title = "The week that began on Monday"
kind = "bombing"
certainty = "reported"
sources = ["example-times"]
+++
""")
    content, _ = load(site)
    assert [e.id for e in content.events] == ["siege", "withdrawal", "night", "a-mines", "week"]


def test_a_days_entries_stay_together_before_a_weekend_that_starts_that_day(site):
    for name, words in (("saturday", "Saturday"), ("saturday-night", "Saturday night"), ("weekend", "over the weekend")):
        write(site / "events" / f"{name}.md", f'+++\ndate = "{words}"\ntitle = "{name}"\nkind = "bombing"\ncertainty = "reported"\nsources = ["example-times"]\n+++\n')
    content, _ = load(site)
    assert [e.id for e in content.events][1:4] == ["saturday", "saturday-night", "weekend"]


def test_a_toml_date_literal_is_accepted(site):
    edit(site / "events" / "withdrawal.md", 'date = "Monday"', "date = 2016-12-12")
    content, _ = load(site)
    assert content.events[1].when.value == "2016-12-12"


def test_drafts_are_left_out_unless_asked_for(site):
    edit(site / "events" / "siege.md", "+++\n", "+++\ndraft = true\n")
    assert [e.id for e in load(site)[0].events] == ["withdrawal"]
    assert [e.id for e in load(site, drafts=True)[0].events] == ["siege", "withdrawal"]


@pytest.mark.parametrize(
    "file, old, new, expected",
    [
        ("events/withdrawal.md", 'title = "Rebels', 'title = Rebels', "events/withdrawal.md:3: malformed front matter: Invalid value"),
        ("events/withdrawal.md", 'title = "Rebels withdraw from the old town"\n', "", "events/withdrawal.md:1: missing required field 'title'"),
        ("events/withdrawal.md", '["nothing-left"]', '["nothing-left", "ghost"]', "events/withdrawal.md:8: unknown quote 'ghost'"),
        ("events/withdrawal.md", '"Monday"', '"since the start of the conflict"', "events/withdrawal.md:2: date 'since the start of the conflict' does not say when"),
        ("events/withdrawal.md", '"Monday"', '"sometime soonish"', "events/withdrawal.md:2: cannot read date 'sometime soonish'"),
        ("events/withdrawal.md", '"Monday"', '"by"', "events/withdrawal.md:2: date 'by' does not say by when"),
        ("events/withdrawal.md", '"Monday"', '"by nonsense"', "events/withdrawal.md:2: cannot read date 'by nonsense'"),
        ("events/withdrawal.md", 'sources = ["example-times"]', 'sources = ["nowhere"]', "events/withdrawal.md:7: unknown source 'nowhere'"),
        ("events/withdrawal.md", '"reported"', '"certain"', "events/withdrawal.md:5: certainty must be one of confirmed, reported, unconfirmed, claimed"),
        ("events/withdrawal.md", 'kind = "capture"', 'kind = "capture"\ntitel = "x"', "events/withdrawal.md:5: unknown field 'titel'"),
        ("events/withdrawal.md", 'places = ["Old Town"]', 'places = "Old Town"', "events/withdrawal.md:6: field 'places' must be a list of strings"),
        ("events/withdrawal.md", "from the old town.\"", "from the new town.\"", "events/withdrawal.md:9: the passage is not in source 'example-times' word for word"),
        ("events/siege.md", 'according_to = "the army"\n', "", "events/siege.md:5: a claimed event must say whose claim it is"),
        ("quotes/nothing-left.md", "nothing left to defend", "nothing left to attack", "quotes/nothing-left.md:6: the quote is not in source 'example-times' word for word"),
        ("quotes/nothing-left.md", "+++\nspeaker", "speaker", "quotes/nothing-left.md:1: missing front matter"),
        ("quotes/nothing-left.md", "+++\nThere", "There", "quotes/nothing-left.md:1: front matter opened on line 1 is never closed"),
        ("sources/example-times.md", "published = 2016-12-12", 'published = "yesterday"', "sources/example-times.md:4: field 'published' must be a date"),
        ("site.toml", 'title = "Test timeline"', 'title = "Test timeline"\ntheme = "nope"', "site.toml:2: theme 'nope' not found"),
        ("sources/example-times.md", "published = 2016-12-12", 'published = 2016-12-12\nurl = "javascript:alert(1)"', "sources/example-times.md:5: url must be a web address"),
        ("site.toml", 'title = "Test timeline"', 'title = "Test timeline"\nbase_url = "javascript:alert(1)//"', "site.toml:2: base_url must be a web address"),
    ],
)
def test_each_mistake_is_one_problem_naming_file_and_line(site, file, old, new, expected):
    edit(site / file, old, new)
    problems = problems_of(site)
    rendered = [p.split("content/", 1)[1] for p in problems]
    assert any(p.startswith(expected) for p in rendered), rendered


def test_a_quote_that_differs_says_where_it_stops_matching(site):
    edit(site / "quotes" / "nothing-left.md", "nothing left to defend", "nothing left to attack")
    [problem] = problems_of(site)
    assert "matches up to …'There is nothing left to' and then differs at 'attack here.'" in problem


def test_a_non_utf8_file_is_named_with_its_line(site):
    (site / "events" / "latin1.md").write_bytes('+++\ndate = "2016"\ntitle = "Caf\u00e9"\n'.encode("latin-1"))
    [problem] = problems_of(site)
    assert problem.endswith("latin1.md:3: not UTF-8 text (byte 0xe9): save the file as UTF-8")


def test_a_duplicate_id_names_both_files(site):
    write(site / "events" / "2016" / "siege.md", (site / "events" / "siege.md").read_text())
    [problem] = problems_of(site)
    assert "events/siege.md:1: duplicate id 'siege':" in problem
    assert problem.endswith("events/2016/siege.md has the same name")


def test_a_file_name_that_is_not_an_id_is_refused(site):
    write(site / "events" / "My Event.md", (site / "events" / "siege.md").read_text())
    [problem] = problems_of(site)
    assert "file name 'My Event.md' is not a valid id" in problem


def test_all_problems_are_reported_at_once(site):
    for name in ("siege.md", "withdrawal.md"):
        path = site / "events" / name
        path.write_text(path.read_text().replace("sources = [", 'quotes = ["x"]\nsources = [', 1).replace("quotes = [\"nothing-left\"]\n", ""))
    write(site / "quotes" / "broken.md", "no front matter")
    assert len(problems_of(site)) == 3


def test_a_draft_quote_cannot_back_a_published_entry(site):
    edit(site / "quotes" / "nothing-left.md", "+++\n", "+++\ndraft = true\n")
    [problem] = problems_of(site)
    assert "quote 'nothing-left' is a draft" in problem


def test_an_archive_read_by_several_processes_loads_whole_and_names_each_mistake(tmp_path):
    # Past 2,000 files the reading is shared between processes and the
    # checks run as the files arrive: the result must be the same.
    content = tmp_path / "content"
    generate(content, 1200)
    files = sum(1 for _ in content.rglob("*.md"))
    assert files >= 2000
    loaded, problems = load(content)
    assert problems == [] and len(loaded.events) == 1200 and len(loaded.quotes) == files - 1200 - len(loaded.sources)
    assert [e.when.start for e in loaded.events] == sorted(e.when.start for e in loaded.events)
    write(content / "events" / "e-00003-04.md", '+++\ndate = "Monday\n+++\n')
    (content / "quotes" / "q-00060-01.md").write_bytes(b"+++\nspeaker = \"Caf\xe9\"\n+++\n")
    assert [str(p).removeprefix(str(content)) for p in load(content)[1]] == [
        "/events/e-00003-04.md:2: malformed front matter: the string that starts on line 2 has no closing quote",
        "/quotes/q-00060-01.md:2: not UTF-8 text (byte 0xe9): save the file as UTF-8",
    ]
