"""The published site's pages beyond the timeline itself: its day headings and
overview, the pages per kind, place and person, the feed, the TimelineJS
data, the sitemap, and what they weigh."""

import json
import re
import xml.etree.ElementTree as ET
from datetime import datetime
from pathlib import Path

from build_benchmark import generate
from conftest import edit, timeline, write
from sitecheck import broken_links, read_page

from generator.build import build
from generator.plan import slugs

ATOM = "{http://www.w3.org/2005/Atom}"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


def texts(path: Path, tag: str, cls: str) -> list[str]:
    """The text of each element <tag class="cls"> of a page, tags inside it dropped."""
    from html.parser import HTMLParser

    found: list[str] = []

    class Reader(HTMLParser):
        depth = 0

        def handle_starttag(self, t, attrs):
            if self.depth:
                self.depth += t == tag
            elif t == tag and (not cls or cls in (dict(attrs).get("class") or "").split()):
                self.depth = 1
                found.append("")

        def handle_endtag(self, t):
            if self.depth and t == tag:
                self.depth -= 1

        def handle_data(self, data):
            if self.depth:
                found[-1] += data

    Reader().feed(path.read_text(encoding="utf-8"))
    return [" ".join(t.split()) for t in found]


def test_the_timeline_has_one_heading_per_day_or_coarser_date_in_order(aleppo_site):
    assert texts(aleppo_site / "index.html", "h2", "day-heading") == [
        "2009", "March 2016", "November 2016", "Week of 5–11 Dec 2016", "Weekend of 10–11 Dec 2016",
        "Sunday 11 December 2016", "Monday 12 December 2016", "On or before Monday 12 December 2016",
    ]


def test_the_overview_has_a_mark_linking_to_every_entry_and_collapses_the_empty_years(aleppo_site):
    page = read_page(aleppo_site / "index.html")
    articles = {a["id"] for t, a in page.tags if t == "article"}
    marks = [a["href"] for t, a in page.tags if t == "a" and a.get("href", "").startswith("#event-")]
    assert sorted(m[1:] for m in marks) == sorted(articles)
    columns = [a["class"] for t, a in page.tags if t == "li" and "ov-col" in a.get("class", "")]
    assert len(columns) == 7 and [c for c in columns if "broken" in c] == ["ov-col step-5 broken", "ov-col step-4 broken"]


def test_each_entry_links_to_its_kind_and_places_and_each_quote_to_its_speaker(aleppo_site):
    entry = read_page(aleppo_site / "events" / "2016-03-isis-loses-palmyra.html")
    assert "../kinds/capture.html" in entry.links and "../places/palmyra.html" in entry.links
    palmyra = texts(aleppo_site / "places" / "palmyra.html", "ol", "entry-list")[0]
    assert "ISIS loses Palmyra" in palmyra and "ISIS retakes Palmyra" in palmyra
    assert "../people/john-kerry-u-s-secretary-of-state.html" in read_page(
        aleppo_site / "events" / "2016-w49-we-kerry-a-little-grace.html").links
    kerry = read_page(aleppo_site / "people" / "john-kerry-u-s-secretary-of-state.html")
    assert "quote-kerry-a-little-grace" in kerry.ids
    assert "../sources/aleppo-daily-beast-2016-12-12.html#quote-kerry-a-little-grace" in kerry.links


def test_slugs_are_plain_stable_and_never_shared():
    assert slugs(["Bustan al-Qasr", "Dayr az-Zawr", "Ḥalab", "Al Qasr", "al-Qasr", "حلب"]) == {
        "Al Qasr": "al-qasr", "al-Qasr": "al-qasr-2", "Bustan al-Qasr": "bustan-al-qasr",
        "Dayr az-Zawr": "dayr-az-zawr", "Ḥalab": "halab", "حلب": "حلب",
    }
    numbered = slugs(["Homs", "homs", "Homs 2"])
    assert len(set(numbered.values())) == 3


def test_the_about_page_says_where_each_entry_comes_from_and_how_it_was_dated(aleppo_site):
    rows = texts(aleppo_site / "about.html", "tr", "")
    kerry = next(r for r in rows if "a little grace" in r)
    assert "The Daily Beast, 2016-12-12" in kerry and "“over the weekend”" in kerry and "weekend" in kerry
    assert "embed.html" in (aleppo_site / "about.html").read_text()


def test_the_feed_is_atom_with_every_required_element(aleppo_site):
    feed = ET.parse(aleppo_site / "feed.xml").getroot()
    assert feed.tag == f"{ATOM}feed"
    for name in ("id", "title", "updated", "author"):
        assert feed.find(f"{ATOM}{name}") is not None
    entries = feed.findall(f"{ATOM}entry")
    assert len(entries) == 19
    ids = [e.findtext(f"{ATOM}id") for e in entries]
    assert len(set(ids)) == 19 and all(i.startswith("urn:uuid:") for i in ids)
    for entry in entries:
        datetime.fromisoformat(entry.findtext(f"{ATOM}updated"))
        href = entry.find(f"{ATOM}link").get("href")
        assert (aleppo_site / href).is_file()  # relative, as the site has no base_url
    sana = next(e for e in entries if "SANA" in e.findtext(f"{ATOM}title"))
    assert "Claimed by SANA, the official Syrian news agency" in sana.findtext(f"{ATOM}content")


def test_timeline_json_is_timelinejs3_data_at_each_dates_precision(aleppo_site):
    data = json.loads((aleppo_site / "timeline.json").read_text())
    assert data["title"]["text"]["headline"] == "The fall of eastern Aleppo"
    slides = {s["unique_id"]: s for s in data["events"]}
    assert len(slides) == 19
    assert slides["2009-obama-cairo-speech"]["start_date"] == {"year": 2009}
    assert slides["2016-03-isis-loses-palmyra"]["start_date"] == {"year": 2016, "month": 3}
    kerry = slides["2016-w49-we-kerry-a-little-grace"]
    assert (kerry["start_date"], kerry["end_date"]) == ({"year": 2016, "month": 12, "day": 10}, {"year": 2016, "month": 12, "day": 11})
    assert kerry["group"] == "Political reaction" and kerry["text"]["headline"].startswith("Kerry invites")


def test_without_a_base_url_there_is_no_sitemap_and_the_404_page_links_from_the_root(aleppo_site):
    assert not (aleppo_site / "sitemap.xml").exists()
    assert "index.html" in read_page(aleppo_site / "404.html").links


def test_with_a_base_url_the_sitemap_feed_and_404_page_use_absolute_addresses(site, tmp_path):
    edit(site / "site.toml", 'title = "Test timeline"', 'title = "Test timeline"\nbase_url = "https://example.org/war/"')
    output = tmp_path / "output"
    assert build(site, output).problems == []
    locs = [u.findtext(f"{SITEMAP}loc") for u in ET.parse(output / "sitemap.xml").getroot()]
    assert "https://example.org/war/index.html" in locs and "https://example.org/war/events/siege.html" in locs
    assert all((output / loc.removeprefix("https://example.org/war/")).is_file() for loc in locs)
    feed = ET.parse(output / "feed.xml").getroot()
    assert feed.find(f"{ATOM}link[@rel='self']").get("href") == "https://example.org/war/feed.xml"
    assert "https://example.org/war/index.html" in read_page(output / "404.html").links


def test_a_source_with_an_address_links_each_passage_on_the_original_page(site, tmp_path):
    edit(site / "sources" / "example-times.md", 'outlet = "The Example Times"', 'outlet = "The Example Times"\nurl = "https://example.org/news/withdraw"')
    assert build(site, tmp_path / "output").problems == []
    links = read_page(tmp_path / "output" / "sources" / "example-times.html").links
    assert "https://example.org/news/withdraw#:~:text=There%20is%20nothing%20left%20to%20defend%20here." in links
    assert "https://example.org/news/withdraw#:~:text=The%20rebels%20withdrew%20on,from%20the%20old%20town." in links


def test_the_aleppo_timeline_with_its_css_and_script_weighs_under_60_kb(aleppo_site):
    weight = sum((aleppo_site / p).stat().st_size for p in ("index.html", "static/style.css", "static/timeline.js"))
    assert weight < 60_000, weight


def test_a_long_archive_links_every_period_from_a_small_overview(tmp_path):
    generate(tmp_path / "content", 800)
    write(tmp_path / "content" / "site.toml", 'title = "Archive"\nindex_page_size = 25\n')
    output = tmp_path / "output"
    assert build(tmp_path / "content", output).problems == []
    periods = sorted(p.relative_to(output).as_posix() for p in (output / "timeline").glob("*.html"))
    assert len(periods) > 30 and any("-" in p for p in periods)
    overview = (output / "index.html").read_text(encoding="utf-8").split('<ol class="ov bars', 1)[1].split("</ol>")[0]
    assert sorted(re.findall(r'<a class="ov-mark [^"]*" href="(timeline/[^"]+)"', overview)) == periods
    assert (output / "index.html").stat().st_size < 60_000
    assert max(p.stat().st_size for p in output.rglob("*.html")) < 500_000
    assert broken_links(output) == []


def test_the_embedded_timeline_opens_entries_in_the_top_window_and_marks_in_place(aleppo_site):
    page = read_page(aleppo_site / "embed.html")
    anchors = [a for t, a in page.tags if t == "a"]
    assert all(a.get("target") == "_top" for a in anchors if not a["href"].startswith("#"))
    assert {a["href"][1:] for a in anchors if a["href"].startswith("#")} == {i for i in page.ids if i.startswith("event-")}
    assert len([i for i in page.ids if i.startswith("event-")]) == 19
    assert not [t for t, _ in page.tags if t == "script"]


def test_a_site_with_no_entries_yet_builds_every_page(tmp_path):
    write(tmp_path / "content" / "site.toml", 'title = "Starting out"\n')
    (tmp_path / "content" / "sources").mkdir()
    (tmp_path / "content" / "events").mkdir()
    output = tmp_path / "output"
    assert build(tmp_path / "content", output).problems == []
    assert "No entries yet." in (output / "index.html").read_text()
    assert ET.parse(output / "feed.xml").getroot().findtext(f"{ATOM}updated") == "1970-01-01T00:00:00Z"
    assert broken_links(output) == []


def test_the_embed_snippet_copies_as_valid_html_whatever_the_title(site, tmp_path):
    from html.parser import HTMLParser

    edit(site / "site.toml", 'title = "Test timeline"', 'title = "The \\"siege\\" & after"')
    assert timeline("build", str(site), "-o", str(tmp_path / "out"), cwd=tmp_path).returncode == 0
    shown = texts(tmp_path / "out" / "about.html", "pre", "")[0]  # what a reader copies

    class Iframe(HTMLParser):
        def handle_starttag(self, tag, attrs):
            self.attrs = dict(attrs)

    parser = Iframe()
    parser.feed(shown)
    assert parser.attrs["title"] == 'The "siege" & after'


def test_an_entry_known_only_by_the_day_of_the_report_says_so_where_it_is_dated(on_or_before_site):
    index = on_or_before_site / "index.html"
    assert texts(index, "h2", "day-heading") == [
        "March 2016", "On or before November 2016", "Monday 12 December 2016", "On or before Monday 12 December 2016"]
    # Under its heading an entry's label says how its date is known; the date itself is for screen readers.
    assert texts(index, "p", "entry-date")[-2:] == [
        "on or before 12 Dec 2016 the article gives no date: by the day of the report",
        "on or before 12 Dec 2016 the article says “by Monday”"]
    assert 'class="when same-as-heading">on or before <time datetime="2016-12-12">' in index.read_text()
    mines = on_or_before_site / "events" / "mines.html"
    assert texts(mines, "p", "entry-date") == ["on or before 12 Dec 2016 the article gives no date: by the day of the report"]
    assert 'class="when">on or before' in mines.read_text()
    assert texts(mines, "section", "dating") == ["How this entry is dated The article does not say when this happened; "
                                                 "it had happened by Monday 12 December 2016, the day the report was "
                                                 "published, and perhaps long before."]
    talks = texts(on_or_before_site / "events" / "talks.html", "section", "dating")[0]
    assert "The article says “by Monday”, read against" in talks and "only that it had happened by then." in talks
    assert texts(on_or_before_site / "kinds" / "bombing.html", "li", "certainty-unconfirmed") == [
        "on or before 12 Dec 2016 Mines were laid in the old town Unconfirmed"]


def test_an_entry_known_only_by_another_date_says_on_or_before_that_date(on_or_before_site):
    blockade = on_or_before_site / "events" / "blockade.html"
    assert texts(blockade, "p", "entry-date") == ["on or before November 2016 dated by the editor"]
    assert texts(blockade, "section", "dating") == [
        "How this entry is dated The editor dated this from the article: on or before November 2016, dated to the month. "
        "It does not say when this happened, only that it had happened by then."]


def test_the_overview_draws_an_entry_known_only_by_a_date_as_a_triangle_in_that_dates_column(on_or_before_site):
    html = (on_or_before_site / "index.html").read_text(encoding="utf-8")
    columns = [re.findall(r'<a class="ov-mark ([a-z-]+) [a-z]+" href="#event-([a-z]+)"', column)
               for column in html.split('<li class="ov-col')[1:]]
    # Where the day's own entries are, not in a column of their own after them.
    assert columns == [[("circle", "siege")], [("on-or-before", "blockade")],
                       [("circle", "withdrawal"), ("on-or-before", "mines"), ("on-or-before", "talks")]]
    caption = texts(on_or_before_site / "index.html", "figcaption", "")[0]
    assert caption.endswith("dated on or before hollow: a claim or unconfirmed")


def test_the_data_the_about_page_and_the_feed_say_on_or_before(on_or_before_site):
    slides = {s["unique_id"]: s for s in json.loads((on_or_before_site / "timeline.json").read_text())["events"]}
    assert slides["mines"]["display_date"] == "on or before 12 Dec 2016"
    assert slides["mines"]["start_date"] == {"year": 2016, "month": 12, "day": 12}
    assert slides["blockade"]["display_date"] == "on or before November 2016"
    entries = ET.parse(on_or_before_site / "feed.xml").getroot().findall(f"{ATOM}entry")
    mines = next(e for e in entries if e.findtext(f"{ATOM}title").startswith("Mines"))
    assert mines.findtext(f"{ATOM}content").startswith(
        "<p>on or before 12 Dec 2016, the article gives no date: by the day of the report · Unconfirmed</p>")
    about = texts(on_or_before_site / "about.html", "dd", "")
    assert any("“on or before 12 Dec 2016” is the day the article was published" in d
               and "a triangle pointing back" in d for d in about)
    row = next(r for r in texts(on_or_before_site / "about.html", "tr", "") if "Mines" in r)
    assert "the article gives no date: by the day of the report" in row and "on or before 12 Dec 2016" in row
