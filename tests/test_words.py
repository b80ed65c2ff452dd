"""The words of a stretch of text, read on their own, are the text's."""

from hypothesis import given
from hypothesis import strategies as st

from generator.clauses import Words, tokens

TEXT = st.text(alphabet="ab 1,.’'-_\n(\u00a0é", max_size=80)


class SmallBlocks(Words):
    BLOCK = 4  # white spaces noted often, so that a stretch opening inside a word starts from one of them


@given(TEXT, st.integers(0, 90), st.integers(0, 90))
def test_the_words_of_a_stretch_are_the_texts_words_that_start_in_it(text, start, length):
    end = start + length
    whole = tokens(text, 0, len(text))
    for words in (Words(text), SmallBlocks(text)):
        assert words.between(start, end) == [w for w in whole if start <= w.start < end]


def test_a_stretch_that_opens_and_closes_inside_words_leaves_them_out_or_whole():
    text = "The company’s shares rose sharply."
    words = Words(text).between(text.index("mpany"), text.index("rose") + 2)
    assert [w.text for w in words] == ["shares", "rose"]


def test_a_clock_time_is_one_word_so_its_colon_cuts_no_clause():
    assert [w.text for w in tokens("The 6:15 train left at 7:14.", 0, 29)] == ["The", "6:15", "train", "left", "at", "7:14", "."]
