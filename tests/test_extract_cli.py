"""`timeline extract` as a user runs it: output, --write into a folder that
then builds, files never replaced, and one clear line for bad input."""

import json

from conftest import ROOT, edit, timeline, tree, write

SEED = ROOT / "content" / "sources" / "aleppo-daily-beast-2016-12-12.md"
ARTICLE = """Rebels withdraw from the old town

Government troops on Monday captured the Old Town, which rebels had taken last March.

“We are leaving,” said Abu Test, a commander. “There is nothing left to defend here.”
"""


def test_the_seed_article_reads_as_a_dated_list_with_attributed_quotes(tmp_path):
    result = timeline("extract", str(SEED), "--format", "text", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].startswith("aleppo-daily-beast-2016-12-12 (2016-12-12):")
    assert any(line.startswith("2016-03 (last March)") for line in lines)
    assert any("(Abdulkafi Al-Hamdo, interview with The Daily Beast)" in line for line in lines)


def test_json_has_the_sources_events_and_quotes(tmp_path):
    article = write(tmp_path / "article.txt", ARTICLE)
    result = timeline("extract", str(article), "--published", "2016-12-12", "--outlet", "Test Wire", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["sources"] == [{"file": str(article), "id": "article", "title": "Rebels withdraw from the old town",
                                "outlet": "Test Wire", "published": "2016-12-12", "url": None, "author": None}]
    monday = next(e for e in data["events"] if e["date"]["text"] == "Monday")
    assert monday["date"] | {"basis": None} == {"value": "2016-12-12", "text": "Monday", "precision": "day", "basis": None, "mod": None}
    assert ARTICLE[monday["start"] : monday["end"]] == monday["passage"]
    assert [(q["text"], q["speaker"]) for q in data["quotes"]] == [
        ("We are leaving,", "Abu Test"),
        ("There is nothing left to defend here.", "Abu Test"),
    ]


def test_plain_text_without_a_published_date_warns_and_leaves_relative_dates_unresolved(tmp_path):
    article = write(tmp_path / "article.txt", ARTICLE)
    result = timeline("extract", str(article), cwd=tmp_path)
    assert result.returncode == 0
    assert result.stderr == "article.txt: warning: no published date; relative dates are left unresolved (give --published YYYY-MM-DD)\n"
    data = json.loads(result.stdout)
    assert data["sources"][0]["published"] is None
    assert {e["date"]["value"] for e in data["events"] if e["date"]["text"] == "Monday"} == {None}


def test_an_empty_text_gives_an_empty_result(tmp_path):
    article = write(tmp_path / "empty.txt", "")
    result = timeline("extract", str(article), "--published", "2016-12-12", cwd=tmp_path)
    assert result.returncode == 0
    data = json.loads(result.stdout)
    assert (data["sources"][0]["id"], data["events"], data["quotes"]) == ("empty", [], [])


def test_binary_and_non_utf8_input_is_one_clear_line(tmp_path):
    (tmp_path / "image.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    (tmp_path / "latin.txt").write_bytes(b"Caf\xe9 owners said\n")
    for name, expected in [("image.png", "image.png: not a text file"), ("latin.txt", "latin.txt:1: not UTF-8 text")]:
        result = timeline("extract", name, "--published", "2016-12-12", cwd=tmp_path)
        assert result.returncode == 1
        assert result.stdout == ""
        assert len(result.stderr.splitlines()) == 1 and result.stderr.startswith(expected), result.stderr


def test_a_missing_file_and_a_bad_date_are_one_line(tmp_path):
    result = timeline("extract", "nowhere.txt", cwd=tmp_path)
    assert result.returncode == 1 and result.stderr.startswith("nowhere.txt: cannot read the file")
    result = timeline("extract", "nowhere.txt", "--published", "12/12/2016", cwd=tmp_path)
    assert result.returncode == 2 and "not a date: '12/12/2016'" in result.stderr and "Traceback" not in result.stderr


def test_write_into_a_new_folder_gives_a_site_that_builds_with_drafts(tmp_path):
    result = timeline("extract", str(SEED), "--write", "drafts", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "wrote drafts/site.toml" in result.stdout
    assert "wrote drafts/sources/aleppo-daily-beast-2016-12-12.md" in result.stdout
    assert (tmp_path / "drafts" / "sources" / SEED.name).read_bytes() == SEED.read_bytes()
    built = timeline("build", "drafts", "--drafts", "-o", "out", cwd=tmp_path)
    assert built.returncode == 0, built.stderr
    assert (tmp_path / "out" / "index.html").is_file()
    # Drafts are only published when asked.
    assert "built 0 entries, 0 quotes" in timeline("build", "drafts", "-o", "out", cwd=tmp_path).stdout


def test_drafts_are_in_the_content_models_format(tmp_path):
    article = write(tmp_path / "article.txt", ARTICLE)
    timeline("extract", str(article), "--published", "2016-12-12", "--outlet", "Test Wire", "--write", "site", cwd=tmp_path)
    quotes = sorted((tmp_path / "site" / "quotes").glob("*.md"))
    assert [q.read_text(encoding="utf-8").splitlines()[-1] for q in quotes] == [
        "There is nothing left to defend here.",
        "We are leaving,",
    ]
    events = {p.name: p.read_text(encoding="utf-8") for p in (tmp_path / "site" / "events").glob("*.md")}
    march = next(text for text in events.values() if 'date = "last March"' in text)
    assert 'kind = "capture"' in march and "draft = true" in march and 'sources = ["article"]' in march
    source = (tmp_path / "site" / "sources" / "article.md").read_text(encoding="utf-8")
    assert source.startswith('+++\ntitle = "Rebels withdraw from the old town"\n') and source.endswith(ARTICLE)
    assert timeline("check", "site", "--drafts", cwd=tmp_path).returncode == 0


def test_a_draft_dated_by_the_sentence_before_says_so(tmp_path):
    article = write(tmp_path / "article.txt", "As for the rebels, they’ve had a remarkably good week. The rebels retook the Old Town.\n")
    listed = timeline("extract", str(article), "--published", "2016-12-12", "--format", "text", cwd=tmp_path).stdout
    assert "2016-W49 (a remarkably good week, in the sentence before)" in listed
    timeline("extract", str(article), "--published", "2016-12-12", "--outlet", "Test Wire", "--write", "site", cwd=tmp_path)
    (event,) = [p.read_text(encoding="utf-8") for p in (tmp_path / "site" / "events").glob("*.md")]
    assert 'date = "2016-W49"\ndated = "previous sentence"\n' in event
    assert "the sentence before sets the time: “a remarkably good week”" in event


def test_write_never_replaces_a_file_and_reports_what_it_skipped(tmp_path):
    article = write(tmp_path / "article.txt", ARTICLE)
    first = timeline("extract", str(article), "--published", "2016-12-12", "--outlet", "Test Wire", "--write", "site", cwd=tmp_path)
    assert first.returncode == 0, first.stderr
    quote = next((tmp_path / "site" / "quotes").glob("*leaving*.md"))
    edit(quote, 'speaker = "Abu Test"', 'speaker = "Abu Test, commander of the town brigade"')
    before = tree(tmp_path / "site")
    again = timeline("extract", str(article), "--published", "2016-12-12", "--outlet", "Test Wire", "--write", "site", cwd=tmp_path)
    assert again.returncode == 0
    assert tree(tmp_path / "site") == before
    assert f"skipped site/quotes/{quote.name}: it exists (left as it was)" in again.stdout
    assert again.stdout.splitlines()[-1] == f"0 files written, {len(before)} skipped"


def test_write_needs_a_published_date(tmp_path):
    article = write(tmp_path / "article.txt", ARTICLE)
    result = timeline("extract", str(article), "--write", "site", cwd=tmp_path)
    assert result.returncode == 1
    assert result.stderr == "article.txt: --write needs the article's date: give --published YYYY-MM-DD\n"
    assert not (tmp_path / "site").exists()


def test_a_source_with_broken_front_matter_is_one_line(tmp_path):
    write(tmp_path / "sources" / "broken.md", '+++\ntitle = "Rebels withdraw"\noutlet = The Example Times\n+++\nText.\n')
    result = timeline("extract", "sources/broken.md", cwd=tmp_path)
    assert result.returncode == 1
    assert result.stderr.startswith("sources/broken.md:3: malformed front matter") and len(result.stderr.splitlines()) == 1


def test_the_gazetteer_of_the_folder_written_to_names_the_places(tmp_path):
    article = write(tmp_path / "article.txt", "Troops on Monday captured Bostan al-Kasr.\n")
    write(tmp_path / "site" / "places.toml", '"Bustan al-Qasr" = ["Bostan al-Kasr"]\n')
    timeline("extract", str(article), "--published", "2016-12-12", "--outlet", "Test Wire", "--write", "site", cwd=tmp_path)
    (event,) = (tmp_path / "site" / "events").glob("*.md")
    assert 'places = ["Bustan al-Qasr"]' in event.read_text(encoding="utf-8")


def test_a_malformed_gazetteer_is_one_line_naming_its_line(tmp_path):
    article = write(tmp_path / "article.txt", "Troops on Monday captured the town.\n")
    write(tmp_path / "content" / "places.toml", '"Bustan al-Qasr" = ["Bostan al-Kasr"]\n"al-Kallasa" = "al-Kalaseh"\n')
    result = timeline("extract", str(article), "--published", "2016-12-12", cwd=tmp_path)
    assert result.returncode == 1
    assert result.stderr == "content/places.toml:2: place 'al-Kallasa' must be a list of other spellings, e.g. [\"Bostan al-Kasr\"]\n"


def test_a_time_and_a_quarter_become_valid_ids_and_dates_an_entry_can_hold(tmp_path):
    article = write(tmp_path / "article.txt", (
        "Gunmen kidnapped a driver at 10 p.m. on Monday.\n\n"
        "Acme Corp. said its profit fell in the fourth quarter.\n"
    ))
    result = timeline("extract", str(article), "--published", "2016-12-12", "--outlet", "Test Wire", "--write", "site", cwd=tmp_path)
    assert result.returncode == 0 and result.stderr == ""
    events = {p.name: p.read_text(encoding="utf-8") for p in (tmp_path / "site" / "events").glob("*.md")}
    assert sorted(name[:16] for name in events) == ["2016-12-12t22-00", "2016-q4-acme-cor"]
    quarter = next(text for name, text in events.items() if name.startswith("2016-q4"))
    assert 'date = "2016"' in quarter and "An entry cannot hold 2016-Q4; it is dated to the year 2016." in quarter
    assert timeline("build", "site", "--drafts", "-o", "out", cwd=tmp_path).returncode == 0


def test_a_source_files_own_published_date_counts(tmp_path):
    result = timeline("extract", str(SEED), "--published", "2020-01-01", cwd=tmp_path)
    assert result.returncode == 0
    assert result.stderr.endswith("warning: its front matter says published = 2016-12-12; --published is ignored\n")
    assert json.loads(result.stdout)["sources"][0]["published"] == "2016-12-12"


def test_writing_beside_a_different_text_of_the_same_source_warns(tmp_path):
    article = write(tmp_path / "article.txt", ARTICLE)
    write(tmp_path / "site" / "sources" / "article.md", '+++\ntitle = "T"\noutlet = "O"\npublished = 2016-12-12\n+++\nAnother text.\n')
    result = timeline("extract", str(article), "--published", "2016-12-12", "--outlet", "Test Wire", "--write", "site", cwd=tmp_path)
    assert result.returncode == 0
    assert "site/sources/article.md: kept, but its text differs from the article read" in result.stderr
    assert "skipped site/sources/article.md: it exists (left as it was)" in result.stdout


def test_a_folder_that_cannot_be_written_is_one_line_per_file_and_a_failing_exit(tmp_path):
    article = write(tmp_path / "article.txt", ARTICLE)
    write(tmp_path / "site" / "quotes", "a file where the quotes folder should be\n")
    result = timeline("extract", str(article), "--published", "2016-12-12", "--outlet", "Test Wire", "--write", "site", cwd=tmp_path)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert all(line.startswith("site/quotes/") and "cannot write the file" in line for line in result.stderr.splitlines())


def test_two_articles_quoting_the_same_opening_words_keep_their_own_quotes(tmp_path):
    first = write(tmp_path / "first.txt", "Talks\n\nTroops captured the Old Town on Monday. “We are leaving the town today,” said Abu Test.\n")
    second = write(tmp_path / "second.txt", "More talks\n\nTroops captured the harbour on Monday. “We are leaving the harbour now,” said Abu Test.\n")
    for article in (first, second):
        result = timeline("extract", str(article), "--published", "2016-12-12", "--outlet", "Test Wire", "--write", "site", cwd=tmp_path)
        assert result.returncode == 0, result.stderr
    quotes = {path: text for path, text in tree(tmp_path / "site").items() if path.startswith("quotes/")}
    assert len(quotes) == 2 and sum(b"source = \"second\"" in text for text in quotes.values()) == 1
    checked = timeline("check", "site", "--drafts", cwd=tmp_path)
    assert checked.returncode == 0, checked.stderr


def test_an_entry_citing_a_quote_from_a_source_it_does_not_list_is_refused(tmp_path):
    timeline("extract", str(write(tmp_path / "first.txt", ARTICLE)), "--published", "2016-12-12", "--outlet", "Test Wire", "--write", "site", cwd=tmp_path)
    write(tmp_path / "site" / "sources" / "other.md", '+++\ntitle = "Other"\noutlet = "X"\npublished = 2016-12-12\n+++\nText.\n')
    entry = next((tmp_path / "site" / "events").glob("*.md"))
    quote_id = next((tmp_path / "site" / "quotes").glob("*.md")).stem
    text = entry.read_text()
    entry.write_text(text.replace('sources = ["first"]', 'sources = ["other"]').replace("quotes = []", f'quotes = ["{quote_id}"]'))
    checked = timeline("check", "site", "--drafts", cwd=tmp_path)
    assert checked.returncode == 1
    assert f"quote '{quote_id}' is from source 'first', which this entry does not list in sources" in checked.stderr


def test_a_quote_id_made_unique_with_a_long_source_id_stays_a_valid_id(tmp_path):
    long_name = "a-very-long-article-name-" * 4
    first = write(tmp_path / "first.txt", "Talks\n\nTroops captured the Old Town on Monday. “We are leaving the town today,” said Abu Test.\n")
    second = write(tmp_path / f"{long_name}.txt", "More talks\n\nTroops captured the harbour on Monday. “We are leaving the harbour now,” said Abu Test.\n")
    for article in (first, second):
        result = timeline("extract", str(article), "--published", "2016-12-12", "--outlet", "Test Wire", "--write", "site", cwd=tmp_path)
        assert result.returncode == 0, result.stderr
    checked = timeline("check", "site", "--drafts", cwd=tmp_path)
    assert checked.returncode == 0, checked.stderr
