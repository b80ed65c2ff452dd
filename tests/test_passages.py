from generator.model import Span
from generator.passages import Locator, Mark, marked_paragraphs, paragraphs

TEXT = "First  paragraph,\nwith a break.\n \nSecond one: “a quote\nthat runs on.”\n\nThird."


def test_a_passage_is_found_whatever_its_whitespace():
    span = Locator(TEXT).find("paragraph, with   a\nbreak.")
    assert TEXT[span.start : span.end] == "paragraph,\nwith a break."


def test_a_passage_that_is_not_there_is_none():
    assert Locator(TEXT).find("a quote that ran on") is None
    assert Locator(TEXT).find("   ") is None


def test_paragraphs_are_split_at_blank_lines_even_with_spaces_on_them():
    assert [TEXT[a:b] for a, b in paragraphs(TEXT)] == [
        "First  paragraph,\nwith a break.",
        "Second one: “a quote\nthat runs on.”",
        "Third.",
    ]


def test_a_mark_across_paragraphs_keeps_its_id_on_the_first_fragment():
    start = TEXT.index("break")
    end = TEXT.index("Second one") + len("Second one")
    html = marked_paragraphs(TEXT, [Mark(Span(start, end), "quote-x", "quote")])
    assert html[0].endswith('<mark id="quote-x" class="quote">break.</mark>')
    assert html[1].startswith('<mark class="quote continued">Second one</mark>')
    assert "".join(html).count('id="quote-x"') == 1


def test_nested_and_crossing_marks_make_well_formed_html():
    outer = Mark(Span(0, 17), "quote-outer", "quote")
    inner = Mark(Span(7, 12), "passage-inner", "passage")
    crossing = Mark(Span(14, 23), "quote-crossing", "quote")
    html = marked_paragraphs(TEXT, [crossing, inner, outer])[0]
    assert html.count("<mark") == html.count("</mark>")
    assert html.startswith('<mark id="quote-outer" class="quote">First  <mark id="passage-inner" class="passage">parag</mark>')
    assert '<mark id="quote-crossing" class="quote">ph,</mark></mark><mark class="quote continued"><br>\nwith </mark>a break.' in html


def test_text_is_escaped_and_line_breaks_kept():
    html = marked_paragraphs("a <script>\nb", [])
    assert html == ["a &lt;script&gt;<br>\nb"]


def test_a_mark_links_back_to_what_cites_it_after_its_last_fragment():
    start = TEXT.index("break")
    end = TEXT.index("Second one") + len("Second one")
    html = marked_paragraphs(TEXT, [Mark(Span(start, end), "quote-x", "quote", (("quote/x.html", "quote: Abu Test"),))])
    assert "cited-by" not in html[0]
    assert html[1].startswith('<mark class="quote continued">Second one</mark> <a class="cited-by" href="quote/x.html">quote: Abu Test</a>:')


def test_the_text_before_start_is_left_out_whole_paragraphs_and_all():
    html = marked_paragraphs(TEXT, [], start=TEXT.index("with"))
    assert html == ["with a break.", "Second one: “a quote<br>\nthat runs on.”", "Third."]
