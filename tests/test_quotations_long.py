"""Reading who speaks stays linear in a long text, and finds what it found
when it read the text from its start each time."""

import re
from types import SimpleNamespace

from hypothesis import given
from hypothesis import strategies as st

from generator.quotations import Context, _before_space
from generator.reading import load_rules

PIECES = ["shared a message from ", "shared on Twitter a post by ", "Jane", " Doe", ". ", "; ", " ", "\n", "shared", "x"]


@given(st.lists(st.sampled_from(PIECES), max_size=30), st.data())
def test_the_last_shared_message_before_a_place_is_the_one_read_from_the_start(pieces, data):
    text = "".join(pieces)
    before = data.draw(st.integers(0, len(text)))
    rules = load_rules()
    found = list(rules.shared_message.finditer(text))
    context = SimpleNamespace(text=text, rules=rules, _shared_messages=(found, [s.end() for s in found]))
    expected = list(rules.shared_message.finditer(text, 0, before))
    share = Context._last_shared(context, before)
    assert (share and (share.span(), share.groupdict())) == (expected[-1].span(), expected[-1].groupdict()) if expected else share is None


@given(st.text(alphabet="ab \n\t\u2003.", max_size=20), st.data())
def test_the_end_before_white_space_is_where_rstrip_would_end(text, data):
    end = data.draw(st.integers(0, len(text)))
    assert _before_space(text, end) == len(text[:end].rstrip())
