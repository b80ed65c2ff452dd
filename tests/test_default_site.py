"""The default site, the Aleppo timeline, built as a user builds it and read back."""

import re
from datetime import date
from pathlib import Path

import pytest
from conftest import ROOT
from sitecheck import broken_links, external_requests, read_page

SEED = ROOT.parent / "shared" / "seed" / "aleppo-daily-beast-2016-12-12.txt"
SOURCE = ROOT / "content" / "sources" / "aleppo-daily-beast-2016-12-12.md"


def entries(output: Path) -> list[dict]:
    """Each <article> of the timeline with the datetime of its <time>."""
    tags = read_page(output / "index.html").tags
    found = []
    for tag, attrs in tags:
        if tag == "article":
            found.append({"id": attrs["id"], "links": []})
        elif found and tag == "time" and "datetime" not in found[-1]:
            found[-1]["datetime"] = attrs["datetime"]
        elif found and tag == "a":
            found[-1]["links"].append(attrs["href"])
    return found


def start_of(datetime: str) -> date:
    if "-W" in datetime:
        year, week = datetime.split("-W")
        return date.fromisocalendar(int(year), int(week), 1)
    parts = [int(p) for p in datetime.split("-")] + [1, 1]
    return date(*parts[:3])


def test_the_timeline_lists_every_entry_in_chronological_order(aleppo_site):
    found = entries(aleppo_site)
    assert len(found) == len(list((ROOT / "content" / "events").glob("*.md"))) == 19
    starts = [start_of(e["datetime"]) for e in found]
    assert starts == sorted(starts)
    assert starts[0] == date(2009, 1, 1) and starts[-1] == date(2016, 12, 12)


def test_the_timeline_is_an_ordered_list_of_articles(aleppo_site):
    tags = [t for t, _ in read_page(aleppo_site / "index.html").tags]
    assert tags.index("ol") < tags.index("article")
    assert tags.count("article") == 19


def test_each_date_label_says_how_the_date_is_known(aleppo_site):
    labels = dict(re.findall(r'<article [^>]*id="event-([^"]+)".*?<p class="entry-date">(.*?)</p>', (aleppo_site / "index.html").read_text(), re.S))
    assert labels["2016-03-isis-loses-palmyra"] == (
        '<span class="when same-as-heading"><time datetime="2016-03">March 2016</time></span> '
        '<span class="dated given">the article says “last March”</span>')
    assert '<span class="dated given">the article says “over the weekend”</span>' in labels["2016-w49-we-kerry-a-little-grace"]
    assert '<span class="dated inferred">the day of the report</span>' in labels["2016-12-12-us-leaders-slow-to-comment"]
    assert ('<span class="dated on-or-before">the article gives no date: by the day of the report</span>'
            in labels["2016-12-12-sana-claims-opposition-shelling"])
    # Of the entries of the day of the report, only three are dated by the article.
    of_the_day = [label for entry, label in labels.items() if entry.startswith("2016-12-12")]
    assert sum("the article says" in label for label in of_the_day) == 3 and len(of_the_day) == 12


def test_claims_and_unconfirmed_reports_say_whose_they_are(aleppo_site):
    page = (aleppo_site / "index.html").read_text()
    assert "Claimed by SANA, the official Syrian news agency" in page
    assert "Unconfirmed: reports from opposition media" in page


def test_every_entry_with_quotes_links_to_them_and_every_quote_to_its_marked_passage(aleppo_site):
    quotes_page = read_page(aleppo_site / "quotes.html")
    source_page = read_page(aleppo_site / "sources" / "aleppo-daily-beast-2016-12-12.html")
    quote_ids = sorted(p.stem for p in (ROOT / "content" / "quotes").glob("*.md"))
    for quote_id in quote_ids:
        assert f"quote-{quote_id}" in quotes_page.ids
        assert f"quote-{quote_id}" in source_page.ids
        assert f"sources/aleppo-daily-beast-2016-12-12.html#quote-{quote_id}" in quotes_page.links
    marks = {a["id"] for t, a in source_page.tags if t == "mark" and "id" in a}
    assert {f"quote-{q}" for q in quote_ids} <= marks
    linked = {link[len("quote/"):-len(".html")] for e in entries(aleppo_site) for link in e["links"] if link.startswith("quote/")}
    assert linked == set(quote_ids)
    for quote_id in quote_ids:  # each on a page of its own too, linking to its passage
        alone = read_page(aleppo_site / "quote" / f"{quote_id}.html")
        assert f"quote-{quote_id}" in alone.ids
        assert f"../sources/aleppo-daily-beast-2016-12-12.html#quote-{quote_id}" in alone.links


def test_every_internal_link_and_fragment_resolves(aleppo_site):
    assert broken_links(aleppo_site) == []


def test_no_page_requests_another_host(aleppo_site):
    assert external_requests(aleppo_site) == []


def test_the_source_keeps_every_character_of_the_article_but_the_bookmark():
    if not SEED.is_file():
        pytest.skip(f"the seed article is not at {SEED}")
    body = SOURCE.read_text(encoding="utf-8").split("+++\n", 2)[2]
    assert body == SEED.read_text(encoding="utf-8").replace("[bookmark: _GoBack]", "")


def test_the_source_page_marks_what_is_cited_links_each_mark_back_and_hides_bookkeeping(aleppo_site):
    html = (aleppo_site / "sources" / "aleppo-daily-beast-2016-12-12.html").read_text(encoding="utf-8")
    text = html.split('<div class="source-text">', 1)[1].split("</div>", 1)[0]
    assert "Last Rebels in Aleppo Say Assad Forces Are Burning People Alive" not in text  # the headline, once, in <h1>
    assert "not recorded" not in html
    marks = re.findall(r'<mark id="([a-z]+)-([a-z0-9-]+)"', text)
    backlinks = re.findall(r'<a class="cited-by" href="\.\./(quote|events)/([a-z0-9-]+)\.html">', text)
    assert sorted(backlinks) == sorted(("quote" if kind == "quote" else "events", name) for kind, name in marks)
    assert len(marks) == 13 + 15  # every quote, and every entry's passage


def test_the_timeline_says_once_what_every_entry_would_repeat(aleppo_site):
    html = (aleppo_site / "index.html").read_text(encoding="utf-8")
    assert "Source:" not in html
    assert html.count('<p class="page-source">Every entry from <a href="sources/aleppo-daily-beast-2016-12-12.html">'
                      "The Daily Beast, Monday 12 December 2016</a>.</p>") == 1
    assert html.count("“To everyone who can hear me.") == 1  # one quote, backing two neighbouring entries
    assert "Also backed by <a href=\"quote/al-shamy-genocide.html\">the quote above</a> from Lina al-Shamy" in html
    assert 'class="timeline"' in html  # a short timeline lays out every day: no jump while scrolling


def test_each_entry_page_leads_to_the_entries_before_and_after_it(aleppo_site):
    ids = [e["id"][len("event-"):] for e in entries(aleppo_site)]
    for n, entry in enumerate(ids):
        links = read_page(aleppo_site / "events" / f"{entry}.html").links
        assert (f"../events/{ids[n - 1]}.html" in links) == (n > 0)
        assert (n + 1 == len(ids)) or f"../events/{ids[n + 1]}.html" in links


def test_the_page_for_a_missing_address_offers_the_latest_entries(aleppo_site):
    page = read_page(aleppo_site / "404.html")
    assert "events/2016-12-12-sana-claims-opposition-shelling.html" in page.links  # the last in the timeline
    assert "quotes.html" in page.links and "sources.html" in page.links
