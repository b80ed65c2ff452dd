"""Building: what a build writes, and what it must never do."""

import os

from conftest import edit, timeline, tree, write
from sitecheck import broken_links, external_requests, read_page

from generator.build import MARKER, build, check


def test_a_build_writes_the_timeline_the_pages_and_the_css(site, tmp_path):
    result = build(site, tmp_path / "output")
    assert result.problems == []
    files = tree(tmp_path / "output")
    for expected in ("index.html", "quotes.html", "sources.html", "sources/example-times.html",
                     "events/siege.html", "events/withdrawal.html", "static/style.css", MARKER):
        assert expected in files
    assert broken_links(tmp_path / "output") == []
    assert external_requests(tmp_path / "output") == []


def test_the_same_content_builds_byte_identical_output(site, tmp_path):
    build(site, tmp_path / "one")
    os.utime(site / "events" / "siege.md")
    build(site, tmp_path / "two")
    assert tree(tmp_path / "one") == tree(tmp_path / "two")


def test_a_failed_build_leaves_the_previous_output_as_it_was(site, tmp_path):
    output = tmp_path / "output"
    build(site, output)
    before = tree(output)
    edit(site / "events" / "siege.md", '"last March"', '"earlier"')
    assert build(site, output).problems
    assert tree(output) == before
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == [".output.cache"]  # no temporary folder


def test_a_build_never_writes_into_the_content_folder(site, tmp_path):
    before = tree(site)
    build(site, tmp_path / "output")
    assert tree(site) == before
    assert build(site, site / "output").problems
    assert build(site, site).problems
    assert tree(site) == before


def test_a_folder_the_build_did_not_write_is_never_replaced(site, tmp_path):
    mine = write(tmp_path / "notes" / "draft.txt", "an editor's notes")
    [problem] = build(site, tmp_path / "notes").problems
    assert "refusing to replace it" in problem.message
    assert mine.read_text() == "an editor's notes"


def test_a_rebuild_replaces_files_that_are_gone_from_the_content(site, tmp_path):
    output = tmp_path / "output"
    build(site, output)
    (site / "events" / "siege.md").unlink()
    build(site, output)
    assert not (output / "events" / "siege.html").exists()


def test_a_rebuild_writes_only_the_files_that_changed(site, tmp_path):
    output = tmp_path / "output"
    build(site, output)
    first = _files(output)
    build(site, output)
    assert _files(output) == first  # the same files, not copies: none written again
    edit(site / "events" / "siege.md", "The siege begins", "The siege of the old town begins")
    build(site, output)
    after = _files(output)
    rewritten = {page for page in after if after[page][0] != first[page][0]}
    changed = {page for page in after if after[page][1] != first[page][1]}
    assert "events/siege.html" in changed
    assert {"sources.html", "static/style.css", MARKER}.isdisjoint(changed)
    assert rewritten == changed


def test_a_rebuild_never_follows_a_link_the_previous_output_holds(site, tmp_path):
    output = tmp_path / "output"
    build(site, output)
    elsewhere = write(tmp_path / "elsewhere.html", (output / "about.html").read_text(encoding="utf-8"))
    (output / "about.html").unlink()
    (output / "about.html").symlink_to(elsewhere)
    build(site, output)
    assert not (output / "about.html").is_symlink()
    assert (output / "about.html").read_bytes() == elsewhere.read_bytes()
    assert os.stat(output / "about.html").st_ino != os.stat(elsewhere).st_ino


def _files(folder):
    """Each file's inode and bytes."""
    return {p.relative_to(folder).as_posix(): (p.stat().st_ino, p.read_bytes()) for p in folder.rglob("*") if p.is_file()}


def test_content_cannot_inject_html_or_script(site, tmp_path):
    path = site / "events" / "withdrawal.md"
    text = path.read_text()
    text = text.replace('title = "Rebels withdraw from the old town"', 'title = "<script>alert(1)</script>"')
    text = text.replace("They left *before dawn*.", 'They left <img src=x onerror=alert(2)> [link](javascript:alert(3)) ![i](http://example.com/x.png)')
    path.write_text(text)
    build(site, tmp_path / "output")
    page_path = tmp_path / "output" / "events" / "withdrawal.html"
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page_path.read_text()
    tags = read_page(page_path).tags
    assert [t for t, _ in tags if t in ("script", "img")] == []
    assert not [a for t, a in tags if t == "a" and a.get("href", "").startswith("javascript:")]
    assert external_requests(tmp_path / "output") == []


def test_a_long_timeline_is_split_into_a_page_a_year(site, tmp_path):
    write(site / "site.toml", 'title = "T"\nindex_page_size = 1\n')
    build(site, tmp_path / "output")
    output = tmp_path / "output"
    assert (output / "timeline" / "2016-03.html").exists() and (output / "timeline" / "2016-12.html").exists()
    contents = read_page(output / "index.html")
    assert "timeline/2016-03.html" in contents.links and "timeline/2016-12.html" in contents.links
    assert broken_links(output) == []


def test_a_site_can_override_one_template_of_its_theme(site, tmp_path):
    write(site / "templates" / "quotes.html", '{% extends "base.html" %}{% block main %}<h1>Our quotes</h1>{% endblock %}')
    build(site, tmp_path / "output")
    assert "<h1>Our quotes</h1>" in (tmp_path / "output" / "quotes.html").read_text()
    assert "<h1>Test timeline</h1>" in (tmp_path / "output" / "index.html").read_text()


def test_a_template_of_the_site_can_show_certainty_with_the_themes_macro(site, tmp_path):
    write(site / "templates" / "quotes.html",
          '{% extends "base.html" %}{% from "_macros.html" import certainty %}'
          '{% block main %}{% for event in periods[0].events %}{{ certainty(event) }}{% endfor %}{% endblock %}')
    assert build(site, tmp_path / "output").problems == []
    assert '<span class="certainty">' in (tmp_path / "output" / "quotes.html").read_text()


def test_a_site_can_use_a_theme_of_its_own_beside_the_content(site, tmp_path):
    write(site.parent / "themes" / "plain" / "templates" / "base.html", "<!doctype html><title>plain</title>{% block main %}{% endblock %}")
    write(site.parent / "themes" / "plain" / "static" / "style.css", "body { color: black; }")
    write(site / "site.toml", 'title = "T"\ntheme = "plain"\n')
    build(site, tmp_path / "output")
    assert (tmp_path / "output" / "index.html").read_text().startswith("<!doctype html><title>plain</title>")
    assert (tmp_path / "output" / "static" / "style.css").read_text() == "body { color: black; }"


def test_a_template_mistake_names_the_template_and_line(site, tmp_path):
    write(site / "templates" / "quotes.html", '{% extends "base.html" %}\n{% block main %}\n{{ no_such_thing }}\n{% endblock %}')
    [problem] = check(site).problems
    assert problem.path.name == "quotes.html" and problem.line == 3
    assert "no_such_thing" in problem.message


def test_check_writes_nothing(site, tmp_path):
    before = tree(tmp_path)
    result = timeline("check", str(site), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "checked 2 entries, 1 quote, 1 source: no problems" in result.stdout
    assert tree(tmp_path) == before
