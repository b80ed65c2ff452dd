"""Finding temporal expressions in an article's text: `find` and `timeline dates`."""

import json
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from conftest import ROOT, timeline, write

from generator.dates import Timex, find

MONDAY = date(2016, 12, 12)

# A short report written for these tests, published on Monday 12 December 2016.
ARTICLE = (
    "Government forces on Monday captured most of the eastern districts. "
    "Residents said the shelling had grown heavier over the weekend, and "
    "a month ago the last hospital closed. The siege began last March. "
    "“I don’t think I will be alive tomorrow,” a teacher said. "
    "Since the start of the conflict the city has changed hands twice; "
    "earlier, rebels held the citadel, which they first entered in 2009. "
    "Negotiators will meet on Friday in Geneva."
)


def found(text: str, dct: date | None = MONDAY) -> dict[str, Timex]:
    return {t.text: t for t in find(text, dct)}


@pytest.mark.parametrize(
    "words, kind, value",
    [
        ("Monday", "DATE", "2016-12-12"),
        ("the weekend", "DATE", "2016-W49-WE"),
        ("a month ago", "DATE", "2016-11"),
        ("last March", "DATE", "2016-03"),
        ("tomorrow", "DATE", "2016-12-13"),
        ("2009", "DATE", "2009"),
        ("Friday", "DATE", "2016-12-16"),
    ],
)
def test_the_articles_expressions_are_read_against_its_date(words, kind, value):
    timex = found(ARTICLE)[words]
    assert (timex.type, timex.value, timex.unresolved) == (kind, value, None)


@pytest.mark.parametrize("sentence, text, value", [
    ("The tram overturned at 6.10am on Wednesday.", "6.10am", "2016-12-12T06:10"),
    ("Doors open at 9pm.", "9pm", "2016-12-12T21:00"),
    ("The blast was heard at 22:30 local time.", "22:30 local time", "2016-12-12T22:30"),
    ("The polls close at 21:00 GMT.", "21:00 GMT", "2016-12-12T21:00"),
])
def test_clock_times_as_british_and_european_outlets_write_them_are_found(sentence, text, value):
    assert [(t.text, t.value) for t in find(sentence, MONDAY) if t.type == "TIME"] == [(text, value)]


@pytest.mark.parametrize("sentence", ["Parise scored at 7:14 and again at 19:56.", "Spain won 6-4, 7:5 on aggregate.", "I am 10 minutes away."])
def test_a_game_clock_a_score_or_am_without_a_figure_before_it_is_no_time(sentence):
    assert [t for t in find(sentence, MONDAY) if t.type == "TIME"] == []


def test_every_expression_is_found_at_its_exact_place_in_the_text():
    timexes = find(ARTICLE, MONDAY)
    assert [t.text for t in timexes] == [
        "Monday", "the weekend", "a month ago", "last March", "tomorrow",
        "Since the start of the conflict", "earlier", "2009", "Friday",
    ]
    for t in timexes:
        assert ARTICLE[t.start:t.end] == t.text
    assert ARTICLE.index("on Monday captured") + len("on ") == timexes[0].start


def test_words_that_place_nothing_on_a_calendar_are_found_and_said_to_be_unresolved():
    by_text = found(ARTICLE)
    anchored = by_text["Since the start of the conflict"]
    assert anchored.value is None
    assert "does not say when" in anchored.unresolved
    earlier = by_text["earlier"]
    assert (earlier.value, earlier.unresolved) == ("PAST_REF", "says only that it was in the past")


@pytest.mark.parametrize(
    "sentence, value",
    [
        ("Negotiators will meet on Friday.", "2016-12-16"),
        ("Negotiators met on Friday.", "2016-12-09"),
        ("Elections are scheduled for March.", "2017-03"),
        ("The siege began in March.", "2016-03"),
        ("Officials said he would travel on Monday.", "2016-12-12"),
        ("Mr. Schwarz will succeed Daniel P. Davison on Friday.", "2016-12-16"),  # initials end no sentence
    ],
)
def test_the_tense_of_the_sentence_decides_which_weekday_or_month_is_meant(sentence, value):
    [timex] = find(sentence, MONDAY)
    assert timex.value == value


def test_without_a_document_date_relative_expressions_stay_unresolved_and_absolute_ones_do_not():
    by_text = found(ARTICLE, None)
    for words in ("Monday", "the weekend", "a month ago", "last March", "tomorrow", "Friday"):
        assert by_text[words].value is None
        assert "document's date" in by_text[words].unresolved
    assert by_text["2009"].value == "2009"


@pytest.mark.parametrize(
    "text, kind, value",
    [
        ("profit rose in the past three years", "DURATION", "P3Y"),
        ("the third quarter", "DATE", "2016-Q3"),
        ("fiscal 1989", "DATE", "1989"),
        ("the talks resume each month", "SET", "P1M"),
        ("two years ago", "DATE", "2014"),
        ("prices are falling now", "DATE", "PRESENT_REF"),
        ("it happened recently", "DATE", "PAST_REF"),
        ("Monday night", "TIME", "2016-12-12TNI"),
        ("the 1990s", "DATE", "199"),
    ],
)
def test_timeml_conventions_for_types_and_values(text, kind, value):
    [timex] = find(text, MONDAY)
    assert (timex.type, timex.value) == (kind, value)


@pytest.mark.parametrize(
    "text",
    [
        "Prices may fall further.",  # "may" is a verb, "fall" is no season here
        "They march on the capital.",
        "The man, 52 years old, was detained.",
        "He paid $1,990 for three-quarters of the land.",
        "Tapes from the night the plane crashed were released.",  # placed only by its event
        "The cuts save $500 million a year and 358,000 a month.",  # rates
        "In the first days after the vote, prices rose.",  # placed only by its event
        "That is important to the future of our peoples.",  # their prospects, not a time
        "Intel's earlier model was slower.",  # an adjective, as in "its earlier model"
        "A late fall in prices hurt sales.",  # a drop, not the season
        'Baker said on ABC\'s "This Week" that talks had failed.',  # a programme's name
        "You are listening to VOA Today.",
    ],
)
def test_words_that_only_look_like_times_are_not_found(text):
    assert find(text, MONDAY) == []


def test_offsets_are_string_indices_even_after_characters_outside_ascii():
    text = "“Ça suffit” 🙂 — they left on Monday."
    [timex] = find(text, MONDAY)
    assert text[timex.start:timex.end] == "Monday"


def test_an_expression_broken_over_a_line_is_found_whole():
    text = "The siege began last\nMarch, the army said."
    [timex] = find(text, MONDAY)
    assert (timex.text, timex.value) == ("last\nMarch", "2016-03")


def test_empty_text_has_no_expressions():
    assert find("", MONDAY) == []


# -- timeline dates, as a user runs it ------------------------------------------------


def test_dates_prints_each_expression_as_json_with_offsets(tmp_path):
    article = write(tmp_path / "article.txt", ARTICLE)
    result = timeline("dates", str(article), "--dct", "2016-12-12", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    entries = json.loads(result.stdout)
    monday = ARTICLE.index("Monday")
    assert entries[0] == {"start": monday, "end": monday + 6, "text": "Monday", "type": "DATE", "value": "2016-12-12"}
    assert all(ARTICLE[e["start"]:e["end"]] == e["text"] for e in entries)
    anchored = next(e for e in entries if e["text"] == "Since the start of the conflict")
    assert anchored["value"] is None


def test_dates_reads_standard_input_and_prints_text_lines():
    result = subprocess.run(
        [sys.executable, "-m", "generator", "dates", "-", "--dct", "2016-12-12", "--format", "text"],
        input=b"Talks resumed over the weekend. Earlier, they had stalled.",
        capture_output=True, cwd=ROOT, timeout=60, check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.decode().splitlines() == [
        "19-30\tDATE\t2016-W49-WE\tthe weekend",
        "32-39\tDATE\tPAST_REF\tEarlier  (says only that it was in the past)",
    ]


def test_dates_without_a_document_date_says_how_many_expressions_it_left_unresolved(tmp_path):
    article = write(tmp_path / "article.txt", "They left on Monday, a month ago, in 2009.")
    result = timeline("dates", str(article), cwd=tmp_path)
    assert result.returncode == 0
    assert [e["value"] for e in json.loads(result.stdout)] == [None, None, "2009"]
    assert result.stderr == "timeline dates: no --dct given: 2 relative expressions left unresolved\n"


def test_dates_of_empty_text_is_an_empty_list(tmp_path):
    empty = write(tmp_path / "empty.txt", "")
    result = timeline("dates", str(empty), "--dct", "2016-12-12", cwd=tmp_path)
    assert (result.returncode, json.loads(result.stdout)) == (0, [])


@pytest.mark.parametrize(
    "setup, args, message",
    [
        (lambda d: (d / "latin1.txt").write_bytes("Caf\xe9 on Monday".encode("latin-1")), ["latin1.txt"], "latin1.txt:1: not UTF-8 text"),
        (lambda d: None, ["missing.txt"], "missing.txt: cannot read"),
    ],
)
def test_dates_refuses_bad_input_with_one_line_and_a_failing_exit(tmp_path, setup, args, message):
    setup(tmp_path)
    result = timeline("dates", *args, cwd=tmp_path)
    assert result.returncode == 1
    assert result.stdout == ""
    [line] = result.stderr.splitlines()
    assert line.startswith(f"timeline dates: {message}")


def test_a_dct_that_is_not_a_date_is_a_usage_error_like_extracts_published(tmp_path):
    write(tmp_path / "a.txt", "Monday")
    for command in (["dates", "a.txt", "--dct"], ["extract", "a.txt", "--published"]):
        result = timeline(*command, "12/12/2016", cwd=tmp_path)
        assert result.returncode == 2 and result.stdout == ""
        assert "not a date: '12/12/2016' (use YYYY-MM-DD" in result.stderr and "Traceback" not in result.stderr


# -- The TimeBank scorer, on a document written for this test ---------------------------

TML = """<?xml version="1.0" ?>
<TimeML>
<DOCID>TEST1</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="1998-01-08" temporalFunction="false" functionInDocument="CREATION_TIME">19980108</TIMEX3></DCT>
<TEXT>
Sales rose &amp; profits fell <TIMEX3 tid="t1" type="DATE" value="1998-01-07">yesterday</TIMEX3>.
Talks resume <TIMEX3 tid="t2" type="DATE" value="1998-01-09">tomorrow</TIMEX3>, after <TIMEX3 tid="t3" type="DURATION" value="P3Y">three long years</TIMEX3> of <EVENT eid="e1">dispute</EVENT>.
</TEXT>
</TimeML>
"""


def test_the_timebank_scorer_reads_the_gold_from_the_text_and_counts_matches(tmp_path):
    # The engine finds "yesterday" and "tomorrow" but not "three long years":
    # 2 of 3 gold found, both at their exact places once "&amp;" is read as "&".
    write(tmp_path / "corpus" / "test1.tml", TML)
    result = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "timebank_score.py"), str(tmp_path / "corpus"), "--runs", "1", "--errors", "5"],
        capture_output=True, text=True, timeout=120, check=False,
    )
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert "3 gold expressions, 2 found" in lines[0]
    assert lines[1] == "strict span F1   0.800  (P 1.000, R 0.667)"
    assert lines[2] == "relaxed span F1  0.800  (P 1.000, R 0.667)"
    assert lines[3] == "value F1         0.800  (P 1.000, R 0.667)"
    assert lines[4].startswith("type accuracy    1.000")
    assert "     1 'three long years' DURATION p9y" in lines


def test_the_timebank_scorer_says_so_when_the_folder_has_no_documents(tmp_path):
    result = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "timebank_score.py"), str(tmp_path)],
        capture_output=True, text=True, timeout=60, check=False,
    )
    assert result.returncode == 1
    assert result.stderr.strip() == f"timebank_score: no .tml files in {tmp_path}"
    assert Path(tmp_path).is_dir()


@pytest.mark.parametrize(
    "text, words, mod",
    [
        ("prices peaked in early March", "early March", "START"),
        ("by the end of 1990", "the end of 1990", "END"),
        ("it lasted nearly two years", "nearly two years", "LESS_THAN"),
        ("it lasted two years", "two years", None),
    ],
)
def test_a_leading_modifier_belongs_to_the_expression_and_is_kept_as_its_mod(text, words, mod):
    [timex] = find(text, MONDAY)
    assert (timex.text, timex.mod) == (words, mod)


@pytest.mark.parametrize("text, reason", [("at 13 p.m.", "is not a time of day"), ("on Feb. 30", "is not a day in the calendar")])
def test_an_impossible_time_or_day_is_found_but_left_unresolved_with_the_reason(text, reason):
    [timex] = find(text, MONDAY)
    assert (timex.value, timex.unresolved) == (None, reason)


@pytest.mark.parametrize(
    "text, value",
    [
        ("Sales fell on Dec. 2, 2015, from a year earlier.", "2014-12-02"),
        ("Sales fell in 2015; two days earlier the plant had closed.", "2016-12-10"),  # a year names no day
        ("Sales fell in 2015, from a year ago.", "2015"),  # "ago" counts from the article's date
        ("In the third quarter of 2015 sales beat the year-ago quarter, and a year earlier.", "2014-Q3"),
    ],
)
def test_earlier_counts_back_from_the_time_last_named_when_that_is_precise_enough(text, value):
    assert find(text, MONDAY)[-1].value == value


def test_hours_counted_back_beside_a_topic_that_asks_for_a_coarser_precision_do_not_crash():
    # Real news: "quarters" makes the topic a quarter's results, "hours" a finer unit.
    text = "quarters of precincts tallied, Sanders had a huge, double-digit lead. Four hours earlier"
    (timex,) = find(text, date(2016, 1, 1))
    assert timex.text == "Four hours earlier"
    assert timex.value.startswith("2015-12-31")


def test_a_weekday_beside_a_day_without_a_year_says_which_year_it_is():
    timex = found("The drama began on Monday, Dec. 14, when an email arrived.", date(2016, 12, 16))["Monday, Dec. 14"]
    assert timex.value == "2015-12-14"


@pytest.mark.parametrize("text", ["She lives at 1119 Eighth St. with her son.", "A garage behind 2134 Caldwell Place was searched."])
def test_a_house_number_before_a_street_is_no_year(text):
    assert find(text, date(2019, 11, 20)) == []


def test_at_the_last_minute_is_an_idiom_not_a_clock_time():
    assert [t for t in find("They booked seats on a flight at the last minute.", date(2013, 11, 27)) if t.type in ("DATE", "TIME")] == []
