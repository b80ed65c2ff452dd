"""When two articles' tellings are one happening: each rule of
generator/combine.py (written on the about page) on two made-up articles,
read at once by the real `timeline extract`."""

import json
from pathlib import Path

from conftest import timeline, write


def entries(tmp_path: Path, *articles: tuple[str, str, str]) -> list[dict]:
    """The entries that articles (outlet, published, text), given as source files in that order, make."""
    files = [str(write(tmp_path / f"article-{n}.md", f'+++\ntitle = "T"\noutlet = "{outlet}"\npublished = {published}\n+++\nNews\n\n{text}\n'))
             for n, (outlet, published, text) in enumerate(articles)]
    result = timeline("extract", *files, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)["events"]


def test_a_date_counted_back_from_the_report_agrees_with_a_day_half_its_unit_away(tmp_path):
    # "Less than two weeks ago", written on 16 June, reads as the week of 31 May; the show was on 7 June.
    [ferry] = entries(
        tmp_path,
        ("Harbour Gazette", "2021-06-08", "Yesterday, at the Eastport boat show, the shipyard director Anna Berg unveiled the new electric ferry."),
        ("Coast Radio", "2021-06-16", "The new electric ferry was unveiled by the shipyard director Anna Berg at the Eastport boat show less than two weeks ago."))
    assert [e["source"] for e in ferry["evidence"]] == ["article-0", "article-1"]


def test_a_date_counted_back_still_keeps_happenings_weeks_apart(tmp_path):
    found = entries(
        tmp_path,
        ("Harbour Gazette", "2021-06-08", "Yesterday, at the Eastport boat show, the shipyard director Anna Berg unveiled the new electric ferry."),
        ("Coast Radio", "2021-06-30", "The new electric ferry was unveiled by the shipyard director Anna Berg at the Eastport boat show two months ago."))
    assert [len(e["sources"]) for e in found] == [1, 1]


def test_a_day_within_a_year_joins_only_when_most_words_agree(tmp_path):
    year = ("Harbour Gazette", "2019-12-30", "In 2019 the city council of Eastport approved a budget that doubles spending on schools and roads.")
    buses = ("Coast Radio", "2019-05-02", "On Tuesday, the city council of Eastport approved new bus routes through the harbour district.")
    budget = ("Coast Radio", "2019-05-02", "On Tuesday, the city council of Eastport approved a budget that doubles spending on schools.")
    assert [len(e["sources"]) for e in entries(tmp_path / "buses", year, buses)] == [1, 1]
    [joined] = entries(tmp_path / "budget", year, budget)
    assert "one lies within the year the other gives" in joined["merged_because"][0]


def test_a_telling_of_five_words_joins_on_two_when_both_are_of_one_kind(tmp_path):
    # "Berg resigned from her post as mayor" says it in four words; two are the letter's.
    [resigned] = entries(
        tmp_path,
        ("Harbour Gazette", "2021-08-25", "Anna Berg resigned in a letter to the city council of Eastport on Tuesday."),
        ("Coast Radio", "2021-08-26", "On Tuesday, Berg resigned from her post as mayor."))
    assert resigned["sources"] == ["article-0", "article-1"]
    assert "2 words in common (berg, resigned)" in resigned["merged_because"][0]


def test_two_words_do_not_join_tellings_of_no_particular_kind(tmp_path):
    found = entries(
        tmp_path,
        ("Harbour Gazette", "2021-08-25", "Anna Berg visited the new library of Eastport on Tuesday with her grandchildren."),
        ("Coast Radio", "2021-08-26", "On Tuesday, Berg visited the harbour."))
    assert [len(e["sources"]) for e in found] == [1, 1]


STEPS_DOWN = ("Harbour Gazette", "2021-08-25", """Anna Berg, the mayor of Eastport, has chosen to step down from her post.

The deputy mayor, Tom Lund, will succeed Berg.

Berg resigned in a letter to the city council stating, "I can no longer serve the city as it deserves.\"""")
RESIGNED = ("Coast Radio", "2021-09-10", "On August 24, Berg resigned from her post as mayor.")


def test_an_article_that_tells_a_happening_twice_gives_both_passages_to_the_entry_another_outlet_joins(tmp_path):
    for folder, articles in (("forward", (STEPS_DOWN, RESIGNED)), ("back", (RESIGNED, STEPS_DOWN))):
        found = entries(tmp_path / folder, *articles)
        [resigned] = [e for e in found if len(e["sources"]) > 1]
        [gazette] = [e for e in resigned["evidence"] if e["outlet"] == "Harbour Gazette"]
        text = (tmp_path / folder / f"article-{articles.index(STEPS_DOWN)}.md").read_text(encoding="utf-8").split("+++\n", 2)[2]
        assert [text[p["start"]:p["end"]][:22] for p in gazette["passages"]] == ["Anna Berg, the mayor o", "Berg resigned in a let"]
        assert any("Harbour Gazette tells it" in why for why in resigned["merged_because"])
        assert not any("step down" in e["passage"] or "resigned in a letter" in e["passage"] for e in found if e is not resigned)


def test_a_he_or_she_names_whom_the_title_says_it_stands_for(tmp_path):
    [fought] = [e for e in entries(
        tmp_path,
        ("Harbour Gazette", "2021-08-25", "Anna Berg, the former mayor of Eastport, received the city's medal on Tuesday.\n\nShe fought the closure of the shipyard in 2019."),
        ("Coast Radio", "2021-08-26", "The shipyard of Eastport will build two ferries next year.\n\nMayor Anna Berg has been fighting the closure of the shipyard since 2019."))
        if len(e["sources"]) > 1]
    assert [e["passage"][:10] for e in fought["evidence"]] == ["She fought", "Mayor Anna"]


def differences(tmp_path: Path, *articles: tuple[str, str, str]) -> list[str]:
    (entry,) = entries(tmp_path, *articles)
    assert len(entry["sources"]) == 2
    return entry["accounts_differ"]


def test_counts_differ_only_where_two_sources_share_none(tmp_path):
    # The total abducted, told beside the count released, is no other account of the release.
    assert differences(
        tmp_path,
        ("Lagos Daily", "2016-10-13", "Boko Haram released 21 girls on Thursday in Banki, more than two years after abducting 276 girls from their school in Chibok."),
        ("Abuja Radio", "2016-10-13", "Boko Haram released 21 girls on Thursday in Banki, the government said."),
    ) == []


def test_ages_and_counts_in_words_differ_as_figures_do(tmp_path):
    assert differences(
        tmp_path,
        ("Ohio Post", "2016-05-29", "A 3-year-old boy fell into the gorilla enclosure at the Cincinnati Zoo on Saturday afternoon."),
        ("Zoo News", "2016-05-29", "A four-year-old boy fell into the gorilla enclosure at the Cincinnati Zoo on Saturday."),
    ) == ["The numbers differ: Ohio Post: 3 year-old; Zoo News: four year-old."]


def test_dates_differ_only_where_both_articles_give_a_date_in_their_own_words(tmp_path):
    # "says", in the present, is dated by the day of the report: no account of when the attack was.
    assert differences(
        tmp_path,
        ("Kabul Times", "2016-11-11", "The Taliban said its suicide bomber attacked the German consulate in Mazar-i-Sharif on Thursday night, killing six people."),
        ("Berlin Post", "2016-11-11", "The Taliban says its suicide bomber attacked the German consulate in Mazar-i-Sharif, killing six people."),
    ) == []


def test_two_named_doers_are_two_happenings_though_on_one_day_in_one_place(tmp_path):
    # Two crashes of one race: the same day, the same track, most words alike.
    found = entries(
        tmp_path,
        ("Harbour Gazette", "2021-08-23", "Tomas Lind crashed into the barrier at the Eastport circuit on Sunday, bringing out the red flag."),
        ("Coast Radio", "2021-08-23", "Marco Vela crashed into the barrier at the Eastport circuit on Sunday, and the red flag came out."))
    assert [len(e["sources"]) for e in found] == [1, 1]


def test_one_named_doer_told_by_two_outlets_is_one_happening(tmp_path):
    [crash] = entries(
        tmp_path,
        ("Harbour Gazette", "2021-08-23", "Tomas Lind crashed into the barrier at the Eastport circuit on Sunday, bringing out the red flag."),
        ("Coast Radio", "2021-08-23", "Lind crashed into the barrier at the Eastport circuit on Sunday, and the red flag came out."))
    assert crash["sources"] == ["article-0", "article-1"]


def test_what_a_telling_only_adds_in_a_further_passage_does_not_join_it_to_another_happening():
    # The launch's entry goes on, in a second passage, to say what it followed; another outlet's clause tells only that.
    from generator import combine
    from generator.dating import FoundDate
    from generator.extract import FoundEvent
    friday = FoundDate("2017-09-15", "Friday", "day", "words")

    def telling(title: str, *passages: str):
        text = " ".join(passages)
        spans, at = [], 0
        for passage in passages:
            spans.append((at, at + len(passage)))
            at += len(passage) + 1
        return combine._told(FoundEvent("", title, "event", friday, ("Eastport",), 0, spans[0][1], passages[0], (), "reported", None, tuple(spans)), text)

    launch = telling("Westland fired a missile over Eastport", "Westland fired a missile over Eastport on Friday.",
                     "It came days after the Security Council passed new sanctions on the regime.")
    sanctions = telling("The Security Council passed new sanctions", "after the Security Council passed new sanctions on the regime, Eastport said.")
    again = telling("Westland fired a missile over Eastport", "Westland fired a ballistic missile over Eastport on Friday.")
    assert not combine._same_happening(launch, sanctions)[0]
    assert combine._same_happening(launch, again)[0]
