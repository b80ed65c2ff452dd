"""Grouping an alternation by first letter changes how fast it is matched, never what it matches."""

import re

from hypothesis import given
from hypothesis import strategies as st

from generator.alternation import by_first_letter

WORDS = "said|says|say|saying|told|Told|(?-i:May)|may|call(?:s|ed)?(?! (?:for|on)\\b)|according to|\\bstated\\b|(?<!not )added"


def test_words_are_grouped_by_their_first_letter_in_their_order():
    grouped = by_first_letter("said|told|says|(?-i:May)|may")
    assert grouped == "(?=s)(?:said|says)|(?=t)(?:told)|(?=m)(?:(?-i:May)|may)"


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
