"""Grouping an alternation by first letter, and a look-ahead for what a
pattern can begin with, change how fast it is matched, never what it matches."""

import re

from hypothesis import given
from hypothesis import strategies as st

from generator import dates
from generator.alternation import by_first_character, by_first_letter, first_character, look_ahead, opening, shortened, ways_to_begin

WORDS = "said|says|say|saying|told|Told|(?-i:May)|may|call(?:s|ed)?(?! (?:for|on)\\b)|according to|\\bstated\\b|(?<!not )added"


def test_words_are_grouped_by_their_first_letter_in_their_order():
    grouped = by_first_letter("said|told|says|(?-i:May)|may")
    assert grouped == "(?=s)(?:said|says)|(?=t)(?:told)|(?=m)(?:(?-i:May)|may)"


def test_more_than_three_letters_are_split_in_halves_each_behind_its_letters():
    grouped = by_first_letter("said|told|may|call|add")
    assert grouped == "(?=[st])(?:(?=s)(?:said)|(?=t)(?:told))|(?=[mca])(?:(?=m)(?:may)|(?=c)(?:call)|(?=a)(?:add))"


def test_an_alternative_opening_with_no_letter_leaves_the_pattern_as_it_was():
    for pattern in ("said|[Tt]old", "said|(?:to|no) comment", "said|\\d+ days", "s?aid|told", "said|'90s"):
        assert by_first_letter(pattern) == pattern


def test_a_bar_inside_a_group_or_class_does_not_cut_the_alternation():
    assert by_first_letter("told|s(?:a|b)id|t[|]x") == "(?=t)(?:told|t[|]x)|(?=s)(?:s(?:a|b)id)"


@given(st.text(alphabet="saidytolcMmy Tnrgf.ſK,-", max_size=60))
def test_grouped_words_find_what_the_words_find(text):
    plain = re.compile(rf"\b(?:{WORDS})\b", re.IGNORECASE)
    grouped = re.compile(rf"\b(?:{by_first_letter(WORDS)})\b", re.IGNORECASE)
    assert [m.span() for m in grouped.finditer(text)] == [m.span() for m in plain.finditer(text)]


PATTERNS = [
    r"(?:the )?(?:past|last|next) (?P<count>\d+) days",
    r"(?<=until )then|(?<=by )then",
    r"(?:(?-i:May)|june),? \d{4}",
    r"'?\d{2}s",
    r"\bfiscal[- ]year",
    r"(?:each|every)+ (?:week|month)",
]


def test_words_by_first_character_open_with_it_and_test_what_precedes_after_it():
    assert by_first_character(["Aleppo", "Syria", "Al-Bab"], not_after=r"[\w-]") == r"A(?<![\w-]A)(?:leppo|l\-Bab)|S(?<![\w-]S)(?:yria)"


PLACES = ["eastern Aleppo", "Al-Bab", "Aleppo", "Idlib", "US", "U.S.", "A", "é"]


@given(st.text(alphabet="AleppoIdlibUS.Syé -\neastr", max_size=60))
def test_words_by_first_character_find_what_the_words_find(text):
    words, not_after = "|".join(re.escape(w) for w in PLACES), r"[\w.-]"
    plain = re.compile(rf"(?<!{not_after})(?:{words})(?![\w-])")
    grouped = re.compile(rf"(?:{by_first_character(PLACES, not_after)})(?![\w-])")
    assert [m.span() for m in grouped.finditer(text)] == [m.span() for m in plain.finditer(text)]


def test_the_look_ahead_holds_what_a_match_can_begin_with():
    assert first_character(r"(?:the )?(?:\d+|last)") == r"(?=[\dlt])"
    assert first_character(r"(?<=until )then") == "(?=[t])"
    assert first_character(r"(?:(?-i:May)|june)") == "(?=[Mj])"


def test_where_case_counts_the_look_ahead_keeps_the_case_of_each_letter():
    assert first_character(r"(?:al-)?[A-Z][a-z]+", ignore_case=False) == "(?=[A-Za])"
    assert first_character(r"(?i:may)", ignore_case=False) is None


def test_a_pattern_that_may_begin_with_anything_or_match_nothing_gets_no_look_ahead():
    for pattern in (r".s", r"[^a]b", r"(?:ab)?", r"\b", r"(a)?\1"):
        assert first_character(pattern) is None


def assert_matches_where_it_matched(pattern: str, ahead: str, text: str) -> None:
    """`pattern` behind `ahead` matches what it matched alone, at every place of `text`."""
    plain, behind = re.compile(pattern, re.IGNORECASE), re.compile(ahead + f"(?:{pattern})", re.IGNORECASE)
    for at in range(len(text) + 1):
        found, expected = behind.match(text, at), plain.match(text, at)
        assert (found and found.span()) == (expected and expected.span())


@given(st.text(alphabet="thepasl 0129'-,ſKMmayjunebfiscalrwkd", max_size=40))
def test_a_pattern_behind_its_look_ahead_matches_where_it_matched(text):
    for pattern in PATTERNS:
        assert_matches_where_it_matched(pattern, first_character(pattern), text)


def test_the_opening_look_ahead_holds_the_first_characters_as_a_tree():
    assert opening(r"(?:the )?(?:\d+|last)") == r"(?=(?:[\d]|last|the\ (?:[\d]|l)))"
    assert opening(r"1[0-9]{3}|20[0-9]{2}", length=3) == "(?=(?:1[0-9][0-9]|20[0-9]))"
    assert opening(r"(?<=until )then") == "(?=then)"


def test_the_opening_look_ahead_stops_where_the_pattern_is_not_read():
    assert opening(r"ab.c") == "(?=ab)"
    assert opening(r"a[^x]b") == "(?=a)"
    assert opening(r"(?:a|)b") == "(?=(?:ab|b))"
    for pattern in (r".s", r"(?:ab)?", r"\b", r"(?:a|)"):
        assert opening(pattern) is None
    assert opening(r"(?i:may)", ignore_case=False) is None


@given(st.text(alphabet="thepasl 0129'-,ſKMmayjunebfiscalrwkd", max_size=40))
def test_a_pattern_behind_its_opening_matches_where_it_matched(text):
    for pattern in PATTERNS:
        assert_matches_where_it_matched(pattern, opening(pattern, length=4), text)


@given(st.text(alphabet="thepasl 0129'-,ſKMmayjunebfiscalrwkd", max_size=40))
def test_patterns_behind_the_look_ahead_of_all_their_ways_to_begin_match_where_they_matched(text):
    ways = set().union(*(ways_to_begin(pattern, length=7, most=3000) for pattern in PATTERNS))
    assert_matches_where_it_matched("|".join(f"(?:{pattern})" for pattern in PATTERNS), look_ahead(ways), text)


def test_ways_to_begin_read_far_then_shortened_give_the_opening_read_short():
    for pattern in PATTERNS:
        assert look_ahead(shortened(ways_to_begin(pattern, length=7, most=3000), 4)) == opening(pattern, length=4)
    assert ways_to_begin(r"(?:ab|cd|ef)(?:gh|ij|kl)", length=4, most=8) is None
    assert len(ways_to_begin(r"(?:ab|cd|ef)(?:gh|ij|kl)", length=4, most=9)) == 9


def test_the_long_scan_for_dates_finds_what_the_scan_finds():
    rules = dates.load_rules()
    text = " ".join(example for rule in rules.rules for example in rule.examples) + (
        " The company said the past three years were hard; the 1990s, the 3rd quarter, the week before last, "
        "early next year, about two weeks ago, Thursday night and since then the ministry has waited."
    )
    for at in range(len(text)):
        plain, long = rules.scan.match(text, at), rules.long_scan.match(text, at)
        assert (plain and (plain.span(), plain.groupdict())) == (long and (long.span(), long.groupdict()))
