import re
from datetime import date

import pytest

from generator.dates import DateError, find, load_rules, resolve, when_of

RULES = load_rules()
EXAMPLES = [
    pytest.param(text, value, id=f"{rule.name}: {text}")
    for rule in RULES.rules
    for text, value in rule.examples.items()
]
MONDAY = date(2016, 12, 12)


def _places_a_date(value: str) -> bool:
    try:
        when_of(value)
    except DateError:
        return False
    return True


@pytest.mark.parametrize("text, value", EXAMPLES)
def test_every_example_in_the_rules_file_is_found_with_its_value(text, value):
    # An example may mark its expression with [brackets] in a sentence around it.
    sentence = text.replace("[", "").replace("]", "")
    marked = re.search(r"\[(.+?)\]", text)
    span = (marked.start(), marked.end() - 2) if marked else (0, len(text))
    found = {(t.start, t.end): t for t in find(sentence, RULES.example_reference)}
    assert span in found, list(found.values())
    assert found[span].value == (value or None)
    if not marked:
        assert len(found) == 1


@pytest.mark.parametrize("text, value", [e for e in EXAMPLES if "[" not in e.values[0]])
def test_every_example_that_places_a_date_resolves_as_an_entry_date_and_the_others_are_refused(text, value):
    if value and _places_a_date(value):
        assert resolve(text, RULES.example_reference).value == value
    else:
        with pytest.raises(DateError):
            resolve(text, RULES.example_reference)


@pytest.mark.parametrize(
    "words, value, precision",
    [
        ("Monday", "2016-12-12", "day"),
        ("last March", "2016-03", "month"),
        ("over the weekend", "2016-W49-WE", "weekend"),
        ("a month ago", "2016-11", "month"),
        ("tomorrow", "2016-12-13", "day"),
        ("in 2009", "2009", "year"),
        ("Monday night", "2016-12-12TNI", "day"),
        ("  Last   MARCH ", "2016-03", "month"),
    ],
)
def test_the_articles_words_resolve_against_its_date(words, value, precision):
    when = resolve(words, MONDAY)
    assert (when.value, when.precision) == (value, precision)
    assert when.words == words


def test_a_weekend_spans_its_saturday_and_sunday():
    when = resolve("over the weekend", MONDAY)
    assert (when.start, when.end) == (date(2016, 12, 10), date(2016, 12, 11))


def test_a_month_is_bounded_by_its_first_and_last_day():
    when = resolve("2016-02", None)
    assert (when.start, when.end) == (date(2016, 2, 1), date(2016, 2, 29))


@pytest.mark.parametrize("text", ["2016-12-12", "2016-03", "2009", "12 December 2016"])
def test_absolute_dates_need_no_reference(text):
    assert resolve(text, None).reference is None


def test_an_iso_date_is_not_repeated_as_the_articles_words():
    assert resolve("2016-12-12", MONDAY).words is None
    assert resolve("in 2009", MONDAY).words == "in 2009"


@pytest.mark.parametrize(
    "text, reference, message",
    [
        ("since the start of the conflict", MONDAY, "does not say when"),
        ("earlier", MONDAY, "does not say when"),
        ("the other day maybe", MONDAY, "cannot read date"),
        ("Monday", None, "is relative"),
        ("2016-02-30", None, "not a day in the calendar"),
        ("Tuesday, 12 December 2016", None, "was a Monday, not a Tuesday"),
        ("by", MONDAY, "does not say by when"),
        ("by nonsense", MONDAY, "cannot read date 'by nonsense'"),
        ("by earlier", MONDAY, "does not say when"),
        ("by Monday", None, "is relative"),
    ],
)
def test_words_that_do_not_place_a_date_are_refused_with_the_reason(text, reference, message):
    with pytest.raises(DateError, match=message):
        resolve(text, reference)


@pytest.mark.parametrize(
    "text, value, precision, words",
    [
        ("by 2016-12-12", "2016-12-12", "day", None),
        ("by 2016-12", "2016-12", "month", None),
        ("by 2016", "2016", "year", None),
        ("by Monday", "2016-12-12", "day", "by Monday"),
        ("By last March", "2016-03", "month", "By last March"),
    ],
)
def test_by_before_a_date_says_it_happened_on_or_before_that_date(text, value, precision, words):
    when = resolve(text, MONDAY)
    assert (when.value, when.precision, when.mod, when.words) == (value, precision, "ON_OR_BEFORE", words)


def test_a_date_without_by_is_the_date_of_the_happening_itself():
    assert resolve("Monday", MONDAY).mod is None and resolve("2016-12-12", None).mod is None


@pytest.mark.parametrize("text", [
    "Commission President Jan Vos said on Twitter.",
    "Singer June Carter met author August Wilson.",
    "Theresa May resigned.",
])
def test_a_month_that_is_a_persons_name_is_no_date(text):
    assert find(text, date(2025, 1, 14)) == []


@pytest.mark.parametrize("text, words", [
    ("In March Congress passed the bill.", "March"),
    ("The vote came in May.", "May"),
    ("March was wet.", "March"),
])
def test_a_month_alone_after_a_preposition_or_opening_a_sentence_is_a_date(text, words):
    assert [t.text for t in find(text, date(2025, 1, 14))] == [words]
