"""Drafts written from what extraction proposes: a happening the article does
not date is written as known only to have happened by the day of the report,
never as happening on it, and the drafts build. The proposals are written
here by hand, so these tests hold whatever extraction finds in an article."""

from datetime import date

from conftest import timeline

from generator import combine
from generator.cli import describe
from generator.content import load
from generator.dating import FoundDate
from generator.drafts import Article, write
from generator.extract import Extraction, FoundEvent

TEXT = "Rebels withdraw\n\nMines were found in the old town. By Friday the troops had left.\n"
PUBLISHED = date(2016, 12, 12)
ARTICLE = Article("example-times", TEXT, PUBLISHED, "Rebels withdraw", "The Example Times", None)


def event(id: str, passage: str, found: FoundDate) -> FoundEvent:
    start = TEXT.index(passage)
    return FoundEvent(id=id, title=passage.rstrip("."), kind="bombing", date=found, places=(), start=start,
                      end=start + len(passage), passage=passage, quotes=(), certainty="reported", according_to=None)


UNDATED = event("2016-12-12-mines-were-found", "Mines were found in the old town.",
                FoundDate("2016-12-12", None, "day", "publication", "ON_OR_BEFORE"))
BY_FRIDAY = event("2016-12-09-troops-had-left", "By Friday the troops had left.",
                  FoundDate("2016-12-09", "Friday", "day", "words", "ON_OR_BEFORE"))
EXTRACTION = Extraction("example-times", PUBLISHED, (UNDATED, BY_FRIDAY), ())


def timeline_of(extraction: Extraction) -> combine.Timeline:
    return combine.combine([combine.Article("example-times.txt", ARTICLE.id, ARTICLE.outlet, TEXT)], [extraction])


def test_an_undated_happening_is_drafted_by_the_day_of_the_report_and_the_drafts_build(tmp_path):
    written = write(timeline_of(EXTRACTION), [ARTICLE], tmp_path / "site")
    assert written.problems == [] and written.warnings == []
    undated = (tmp_path / "site" / "events" / f"{UNDATED.id}.md").read_text(encoding="utf-8")
    assert 'date = "by 2016-12-12"' in undated
    assert undated.endswith("+++\nThe article does not date this; it had happened by the day of the report (2016-12-12).\n")
    by_friday = (tmp_path / "site" / "events" / f"{BY_FRIDAY.id}.md").read_text(encoding="utf-8")
    assert 'date = "by Friday"' in by_friday
    assert by_friday.endswith("+++\nDated by the article's words “Friday”. It had happened by then.\n")
    checked = timeline("check", "site", "--drafts", cwd=tmp_path)
    assert checked.returncode == 0, checked.stderr
    content, _ = load(tmp_path / "site", drafts=True)
    assert [(e.id, e.when.value, e.when.mod) for e in content.events] == [
        (BY_FRIDAY.id, "2016-12-09", "ON_OR_BEFORE"), (UNDATED.id, "2016-12-12", "ON_OR_BEFORE")]


def test_the_text_listing_says_by_the_day_of_the_report():
    listed = describe([ARTICLE], timeline_of(EXTRACTION)).splitlines()
    assert "by 2016-12-12 (the day of the report)  Mines were found in the old town" in listed
    assert "by 2016-12-09 (Friday)  By Friday the troops had left" in listed


def test_an_article_with_no_event_still_gives_a_folder_that_builds(tmp_path):
    written = write(timeline_of(Extraction("example-times", PUBLISHED, (), ())), [ARTICLE], tmp_path / "site")
    assert written.problems == []
    checked = timeline("check", "site", "--drafts", cwd=tmp_path)
    assert checked.returncode == 0, checked.stderr


PRESENT = event("2016-12-12-mines-were-found", "Mines were found in the old town.",
                FoundDate("2016-12-12", None, "day", "present"))
FROM_BEFORE = event("2016-12-09-troops-had-left", "By Friday the troops had left.",
                    FoundDate("2016-12-09", "Friday", "day", "previous sentence"))


def test_a_draft_dated_by_default_says_how_and_never_that_the_editor_gave_the_date(tmp_path):
    written = write(timeline_of(Extraction("example-times", PUBLISHED, (PRESENT, FROM_BEFORE), ())), [ARTICLE], tmp_path / "site")
    assert written.problems == []
    present = (tmp_path / "site" / "events" / f"{PRESENT.id}.md").read_text(encoding="utf-8")
    assert 'date = "2016-12-12"\ndated = "report"\n' in present
    before = (tmp_path / "site" / "events" / f"{FROM_BEFORE.id}.md").read_text(encoding="utf-8")
    assert 'date = "Friday"\ndated = "previous sentence"\n' in before
    built = timeline("build", "site", "--drafts", "-o", "out", cwd=tmp_path)
    assert built.returncode == 0, built.stderr
    present_page = (tmp_path / "out" / "events" / f"{PRESENT.id}.html").read_text(encoding="utf-8")
    assert "editor" not in present_page
    assert '<span class="dated inferred">the day of the report</span>' in present_page
    before_page = (tmp_path / "out" / "events" / f"{FROM_BEFORE.id}.html").read_text(encoding="utf-8")
    assert '<span class="dated inferred">inferred from the previous sentence, “Friday”</span>' in before_page
    assert "The date is inferred from the sentence before it, which says “Friday”" in before_page


def test_how_a_date_is_known_is_one_of_the_known_ways(tmp_path):
    write(timeline_of(Extraction("example-times", PUBLISHED, (PRESENT,), ())), [ARTICLE], tmp_path / "site")
    path = tmp_path / "site" / "events" / f"{PRESENT.id}.md"
    path.write_text(path.read_text(encoding="utf-8").replace('dated = "report"', 'dated = "guess"'), encoding="utf-8")
    checked = timeline("check", "site", "--drafts", cwd=tmp_path)
    assert checked.returncode == 1
    assert f"events/{PRESENT.id}.md:3: dated must say how the date is known, one of 'article', 'previous sentence', " \
           "'story', 'report', 'editor', not 'guess'" in checked.stderr
