"""Many articles, one timeline: `timeline extract A B C …` reads saved web
pages, plain texts and source files, makes one entry per happening across
them, keeps every source's passage, says where their accounts differ, and
adds a later article to the entries it tells without editing them.

The pages are written here, in the shapes news sites use (navigation, a
byline, asides, a footer, Open Graph and <meta> tags), about a made-up city."""

import json
import re
from pathlib import Path

from conftest import timeline, tree, write

PLANET = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Army takes the harbour district of Eastport | The Daily Planet</title>
<meta property="og:site_name" content="The Daily Planet">
<meta property="og:title" content="Army takes the harbour district of Eastport">
<meta name="author" content="Lois Lane">
<meta property="article:published_time" content="2019-03-12T09:00:00Z">
<link rel="canonical" href="https://planet.example/world/eastport-harbour">
</head><body>
<header><nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></nav></header>
<main><article>
<h1>Army takes the harbour district of Eastport</h1>
<p class="byline">By Lois Lane</p>
<p>Government troops captured the harbour district of Eastport on Monday after a week of heavy fighting, the defence ministry said.</p>
<p>At least 40 civilians were killed in the shelling of the harbour district on Sunday, according to local doctors.</p>
<p>The rebel commander Omar Haddad said his fighters had withdrawn from the harbour to the old town.</p>
</article>
<aside><h2>Most read</h2><ul><li><a href="/a">Storm hits the coast</a></li><li><a href="/b">Results of the vote</a></li></ul></aside>
</main>
<footer><p>Copyright 2019 The Daily Planet. All rights reserved.</p></footer>
</body></html>
"""

COURIER = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Eastport harbour falls to government forces - Northern Courier</title>
<meta property="og:site_name" content="Northern Courier">
<meta name="author" content="Clark Kent">
<meta name="date" content="2019-03-12">
<link rel="canonical" href="https://courier.example/2019/03/12/eastport">
</head><body>
<div id="menu"><a href="/">Front page</a> | <a href="/news">News</a></div>
<article>
<h1>Eastport harbour falls to government forces</h1>
<p>Government forces captured the harbour district of Eastport on Monday, ending a week of fighting in the port city.</p>
<p>Doctors in the city said at least 65 civilians were killed in the shelling of the harbour district on Sunday.</p>
<p>The United Nations called on Tuesday for a ceasefire in Eastport.</p>
</article>
<div class="share">Share this article</div>
<footer>Northern Courier, 1 Main Street</footer>
</body></html>
"""

HERALD = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Rebels leave Eastport harbour</title>
<meta property="og:site_name" content="The Evening Herald">
<meta property="article:published_time" content="2019-03-13">
<link rel="canonical" href="https://herald.example/eastport-rebels-leave">
</head><body>
<nav><ul><li>News</li><li>Opinion</li></ul></nav>
<article>
<h1>Rebels leave Eastport harbour</h1>
<p>Government troops captured the harbour district of Eastport on Monday, the army said, after rebels withdrew to the old town.</p>
<p>The rebel commander Omar Haddad said his fighters had withdrawn from the harbour district to the old town to protect civilians.</p>
<p>Aid agencies could not confirm reports that 40 civilians were killed in the shelling of the harbour district on Sunday.</p>
</article>
<footer>The Evening Herald</footer>
</body></html>
"""

WIRE = """Eastport harbour captured

Government troops captured the harbour district of Eastport on Monday, officials said.

The United Nations called for a ceasefire in Eastport on Tuesday.
"""

RADIO = """Fighting in Eastport

Government forces captured the harbour district of Eastport on Monday after days of shelling.

At least 40 civilians were killed in the shelling of the harbour district on Sunday, doctors said.
"""

LATER = """Eastport a week on

Government soldiers captured the harbour district of Eastport on Monday 11 March, residents recalled.
"""


# Radio Eastport dates the capture only by the sentence before it.
INFERRED = """Fighting in Eastport

On Monday the army entered Eastport from the north. Government soldiers captured the harbour district of Eastport after a short fight.
"""


def pages(folder: Path) -> list[str]:
    return [str(write(folder / name, text)) for name, text in (("planet.html", PLANET), ("courier.html", COURIER), ("herald.html", HERALD))]


def body(source_file: Path) -> str:
    return source_file.read_text(encoding="utf-8").split("+++\n", 2)[2]


def test_a_saved_web_page_gives_its_main_text_and_metadata_and_no_menus(tmp_path):
    [planet, *_] = pages(tmp_path)
    result = timeline("extract", planet, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    [source] = json.loads(result.stdout)["sources"]
    assert source == {"file": planet, "id": "planet", "title": "Army takes the harbour district of Eastport", "outlet": "The Daily Planet",
                      "published": "2019-03-12", "url": "https://planet.example/world/eastport-harbour", "author": "Lois Lane"}
    written = timeline("extract", planet, "--write", "site", cwd=tmp_path)
    assert written.returncode == 0, written.stderr
    text = body(tmp_path / "site" / "sources" / "planet.md")
    assert text.startswith("Government troops captured") and "Most read" not in text and "Copyright" not in text and "Home" not in text
    source_file = (tmp_path / "site" / "sources" / "planet.md").read_text(encoding="utf-8")
    assert 'outlet = "The Daily Planet"' in source_file and 'author = "Lois Lane"' in source_file and 'url = "https://planet.example/' in source_file


def test_the_evidence_offsets_index_the_text_the_source_file_holds(tmp_path):
    files = pages(tmp_path)
    data = json.loads(timeline("extract", *files, cwd=tmp_path).stdout)
    timeline("extract", *files, "--write", "site", cwd=tmp_path)
    texts = {s["id"]: body(tmp_path / "site" / "sources" / f"{s['id']}.md") for s in data["sources"]}
    evidence = [e for event in data["events"] for e in event["evidence"]]
    assert {e["file"] for e in evidence} == set(files)
    for e in evidence:
        assert texts[e["source"]][e["start"] : e["end"]] == e["passage"]
        assert set(e) >= {"file", "source", "start", "end", "date", "certainty", "according_to"}


def test_text_input_is_described_by_the_command_line(tmp_path):
    article = write(tmp_path / "wire.txt", WIRE)
    result = timeline("extract", str(article), "--published", "2019-03-12", "--outlet", "Test Wire", "--title", "Harbour captured",
                      "--url", "https://wire.example/1", "--author", "A. Reporter", "--write", "site", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    source = (tmp_path / "site" / "sources" / "wire.md").read_text(encoding="utf-8")
    assert source.startswith('+++\ntitle = "Harbour captured"\noutlet = "Test Wire"\npublished = 2019-03-12\n'
                             'url = "https://wire.example/1"\nauthor = "A. Reporter"\n+++\n')


def test_writing_a_text_without_its_outlet_is_one_line_and_writes_nothing(tmp_path):
    article = write(tmp_path / "wire.txt", WIRE)
    result = timeline("extract", str(article), "--published", "2019-03-12", "--write", "site", cwd=tmp_path)
    assert result.returncode == 1
    assert result.stderr == "wire.txt: --write needs the outlet that published it: give --outlet NAME\n"
    assert not (tmp_path / "site").exists()


def test_a_page_with_no_article_text_is_one_line(tmp_path):
    page = write(tmp_path / "empty.html", "<!DOCTYPE html><html><head><title>Nothing</title></head><body></body></html>\n")
    result = timeline("extract", str(page), cwd=tmp_path)
    assert result.returncode == 1
    assert result.stderr.startswith("empty.html: a web page with no article text in it") and len(result.stderr.splitlines()) == 1


def test_one_entry_per_happening_cites_every_article_that_tells_it(tmp_path):
    files = pages(tmp_path)
    data = json.loads(timeline("extract", *files, cwd=tmp_path).stdout)
    capture = next(e for e in data["events"] if e["kind"] == "capture")
    assert [e["source"] for e in capture["evidence"]] == ["planet", "courier", "herald"]
    assert {e["date"]["value"] for e in capture["evidence"]} == {"2019-03-11"}
    assert len(capture["merged_because"]) == 2 and "Eastport" in capture["merged_because"][0]
    # The ceasefire call is told by one article only: it stays an entry of its own.
    assert [e["sources"] for e in data["events"] if e["kind"] == "political-reaction"] == [["courier"]]


def test_different_tolls_and_certainties_are_kept_and_said(tmp_path):
    data = json.loads(timeline("extract", *pages(tmp_path), cwd=tmp_path).stdout)
    killed = next(e for e in data["events"] if "civilians were killed" in e["passage"])
    assert len(killed["evidence"]) == 3
    differ = " ".join(killed["accounts_differ"])
    assert "The Daily Planet: 40 civilians" in differ and "Northern Courier: 65 civilians" in differ
    assert "The Evening Herald: could not confirm it" in differ


def test_confirmed_takes_two_independent_outlets_in_their_own_voice(tmp_path):
    one = "Government forces captured the harbour district of Eastport on Monday."
    again = "Government forces captured the harbour district of Eastport on Monday after shelling."
    other = "Government troops captured the harbour district of Eastport on Monday."
    quoting = "Government forces captured the harbour district of Eastport on Monday, Test Wire reported."
    assert certainty_of(tmp_path, (one, "Test Wire")) == "reported"
    # Two articles of one outlet are one outlet.
    assert certainty_of(tmp_path, (one, "Test Wire"), (again, "Test Wire")) == "reported"
    assert certainty_of(tmp_path, (one, "Test Wire"), (other, "Radio Eastport")) == "confirmed"
    # An outlet that gives it on the other's word is not independent of it.
    assert certainty_of(tmp_path, (one, "Test Wire"), (quoting, "Radio Eastport")) != "confirmed"


def certainty_of(tmp_path: Path, *articles: tuple[str, str]) -> str:
    """The certainty of the one entry that articles (text, outlet), read at once as source files, make."""
    folder = tmp_path / str(len(list(tmp_path.iterdir())))
    files = [str(write(folder / f"article-{n}.md", f'+++\ntitle = "T"\noutlet = "{outlet}"\npublished = 2019-03-12\n+++\nNews\n\n{text}\n'))
             for n, (text, outlet) in enumerate(articles)]
    result = timeline("extract", *files, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    [entry] = json.loads(result.stdout)["events"]
    assert len(entry["sources"]) == len(articles)
    return entry["certainty"]


def test_three_pages_and_two_texts_build_one_site_with_every_passage_and_a_differ_mark(tmp_path):
    files = pages(tmp_path)
    wire, radio = write(tmp_path / "wire.txt", WIRE), write(tmp_path / "radio.txt", RADIO)
    first = timeline("extract", *files, str(wire), "--published", "2019-03-12", "--outlet", "Test Wire", "--write", "site", cwd=tmp_path)
    assert first.returncode == 0, first.stderr
    second = timeline("extract", str(radio), "--published", "2019-03-12", "--outlet", "Radio Eastport", "--write", "site", cwd=tmp_path)
    assert second.returncode == 0, second.stderr
    assert "adds Radio Eastport's passage to entry" in second.stdout
    built = timeline("build", "site", "--drafts", "-o", "out", cwd=tmp_path)
    assert built.returncode == 0, built.stderr
    capture = next((tmp_path / "out" / "events").glob("*captured-the-harbour*.html")).read_text(encoding="utf-8")
    for outlet in ("The Daily Planet", "Northern Courier", "The Evening Herald", "Test Wire", "Radio Eastport"):
        assert f">{outlet}</a>" in capture
    assert "Government forces captured the harbour district of Eastport on Monday after days of shelling." in capture
    index = (tmp_path / "out" / "index.html").read_text(encoding="utf-8")
    assert re.search(r'<span class="differ-mark">Accounts differ</span>', index)
    assert "5 sources" in index
    killed = next((tmp_path / "out" / "events").glob("*civilians-were-killed*.html")).read_text(encoding="utf-8")
    assert "The numbers differ: The Daily Planet: 40 civilians; Northern Courier: 65 civilians." in killed
    radio_page = (tmp_path / "out" / "sources" / "radio.html").read_text(encoding="utf-8")
    assert radio_page.count('<a href="../events/') == 2 and radio_page.count('<mark id="passage-') == 2


def test_a_new_article_is_proposed_as_additions_and_no_edited_file_is_touched(tmp_path):
    first = timeline("extract", *pages(tmp_path), "--write", "site", cwd=tmp_path)
    assert first.returncode == 0, first.stderr
    entry = next((tmp_path / "site" / "events").glob("*captured-the-harbour*.md"))
    entry.write_text(entry.read_text(encoding="utf-8").replace("draft = true\n", "") + "Checked by the desk.\n", encoding="utf-8")
    before = tree(tmp_path / "site")
    later = write(tmp_path / "later.txt", LATER)
    result = timeline("extract", str(later), "--published", "2019-03-18", "--outlet", "Eastport Radio", "--write", "site", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    after = tree(tmp_path / "site")
    assert {path: text for path, text in after.items() if path in before} == before
    [added] = [path for path in after if path.startswith("events/") and path not in before]
    assert added == f"events/{entry.stem}-from-later.md"
    assert f"proposed site/{added}: adds Eastport Radio's passage to entry '{entry.stem}' (the dates agree" in result.stdout
    extension = after[added].decode("utf-8")
    assert f'extends = "{entry.stem}"' in extension and 'date = "Monday 11 March"' in extension
    # Built with drafts, the entry shows the new passage; published alone, it does not yet.
    assert timeline("build", "site", "--drafts", "-o", "preview", cwd=tmp_path).returncode == 0
    page = (tmp_path / "preview" / "events" / f"{entry.stem}.html").read_text(encoding="utf-8")
    assert "Government soldiers captured the harbour district of Eastport on Monday 11 March" in page and "Eastport Radio" in page
    assert "Eastport Radio tells the same happening: the dates agree" in page
    assert timeline("build", "site", "-o", "public", cwd=tmp_path).returncode == 0
    assert "Eastport Radio" not in (tmp_path / "public" / "events" / f"{entry.stem}.html").read_text(encoding="utf-8")
    again = timeline("extract", str(later), "--published", "2019-03-18", "--outlet", "Eastport Radio", "--write", "site", cwd=tmp_path)
    assert again.returncode == 0 and tree(tmp_path / "site") == after and "proposed" not in again.stdout


def test_an_account_dated_from_the_sentence_before_says_so_on_the_entry_page(tmp_path):
    wire, radio = write(tmp_path / "wire.txt", WIRE), write(tmp_path / "radio.txt", INFERRED)
    assert timeline("extract", str(wire), "--published", "2019-03-12", "--outlet", "Test Wire", "--write", "site", cwd=tmp_path).returncode == 0
    added = timeline("extract", str(radio), "--published", "2019-03-12", "--outlet", "Radio Eastport", "--write", "site", cwd=tmp_path)
    assert added.returncode == 0, added.stderr
    [extension] = (tmp_path / "site" / "events").glob("*-from-radio.md")
    assert 'date = "Monday"\ndated = "previous sentence"\n' in extension.read_text(encoding="utf-8")
    assert timeline("build", "site", "--drafts", "-o", "out", cwd=tmp_path).returncode == 0
    page = (tmp_path / "out" / "events" / extension.name.replace("-from-radio.md", ".html")).read_text(encoding="utf-8")
    assert ('Radio Eastport</a>, Tuesday 12 March 2019: <span class="when">11 Mar 2019</span> '
            '<span class="dated inferred">inferred from the previous sentence, “Monday”</span>') in page
