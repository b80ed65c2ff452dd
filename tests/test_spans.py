"""Looking up what sits where in a text."""

from generator.spans import ByStart, pairs


def test_the_last_item_before_a_point_is_found_by_what_it_is():
    spans = pairs([(0, 3), (5, 8), (10, 12), (20, 25)])
    assert spans.last_before(21) == (20, 25)
    assert spans.last_before(20) == (10, 12)
    assert spans.last_before(21, where=lambda pair: pair[1] < 10) == (5, 8)
    assert spans.last_before(0) is None


def test_a_search_back_stops_where_the_caller_says():
    spans = pairs([(0, 3), (5, 8), (10, 12), (20, 25)])
    assert spans.last_before(21, where=lambda pair: pair[1] < 10, since=5) == (5, 8)
    assert spans.last_before(21, where=lambda pair: pair[1] < 10, since=6) is None
    assert ByStart([]).last_before(10, since=0) is None
