"""The command line as a user meets it: one clear line per mistake, never a traceback."""

import pytest
from conftest import edit, timeline, tree


def test_build_reports_what_it_built(site):
    result = timeline("build", cwd=site.parent)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("built 2 entries, 1 quote, 1 source into output/")
    assert (site.parent / "output" / "index.html").is_file()


@pytest.mark.parametrize(
    "file, old, new, expected",
    [
        ("events/siege.md", 'title = "The siege begins"', "title = The siege", "content/events/siege.md:3: malformed front matter"),
        ("events/siege.md", 'kind = "bombing"\n', "", "content/events/siege.md:1: missing required field 'kind'"),
        ("events/withdrawal.md", '"nothing-left"', '"no-such-quote"', "content/events/withdrawal.md:8: unknown quote 'no-such-quote'"),
        ("events/siege.md", '"last March"', '"earlier"', "content/events/siege.md:2: date 'earlier' does not say when"),
        ("events/siege.md", '"last March"', '"by nonsense"', "content/events/siege.md:2: cannot read date 'by nonsense'"),
        ("quotes/nothing-left.md", "defend", "attack", "content/quotes/nothing-left.md:6: the quote is not in source 'example-times'"),
    ],
)
def test_a_content_mistake_is_one_line_and_a_failing_exit(site, file, old, new, expected):
    assert timeline("build", cwd=site.parent).returncode == 0
    before = tree(site.parent / "output")
    edit(site / file, old, new)
    for command in ("build", "check"):
        result = timeline(command, cwd=site.parent)
        assert result.returncode == 1
        assert "Traceback" not in result.stderr
        lines = result.stderr.splitlines()
        assert lines[0].startswith(expected), lines
        if command == "build":
            assert lines[1:] == ["timeline: 1 problem; output/ was left as it was"]
        else:
            assert lines[1:] == ["timeline: 1 problem found; nothing was written"]
    assert tree(site.parent / "output") == before


def test_a_duplicate_id_and_a_non_utf8_file_are_reported_together(site):
    (site / "events" / "dup").mkdir()
    (site / "events" / "dup" / "siege.md").write_text((site / "events" / "siege.md").read_text())
    (site / "quotes" / "latin.md").write_bytes(b"+++\nspeaker = \"Jos\xe9\"\n+++\n")
    result = timeline("check", cwd=site.parent)
    assert result.returncode == 1
    lines = result.stderr.splitlines()
    assert len(lines) == 3 and lines[-1] == "timeline: 2 problems found; nothing was written"
    assert any("duplicate id 'siege'" in line for line in lines)
    assert any(line.startswith("content/quotes/latin.md:2: not UTF-8 text") for line in lines)


def test_a_missing_content_folder_is_one_line(tmp_path):
    result = timeline("build", "nowhere", cwd=tmp_path)
    assert result.returncode == 1
    assert result.stderr == "nowhere: no such content folder (run from your site's folder or name it)\n"


@pytest.mark.parametrize("command", ["build", "check"])
def test_each_command_explains_itself(command, tmp_path):
    result = timeline(command, "--help", cwd=tmp_path)
    assert result.returncode == 0
    assert "CONTENT_DIR" in result.stdout


def test_build_and_check_say_how_many_drafts_they_left_out_and_pages_built_with_drafts_say_so(site):
    edit(site / "events" / "siege.md", 'certainty = "claimed"', 'certainty = "claimed"\ndraft = true')
    edit(site / "quotes" / "nothing-left.md", 'source = "example-times"', 'source = "example-times"\ndraft = true')
    edit(site / "events" / "withdrawal.md", 'certainty = "reported"', 'certainty = "reported"\ndraft = true')
    built = timeline("build", cwd=site.parent)
    assert built.returncode == 0, built.stderr
    assert built.stdout.startswith("built 0 entries, 0 quotes, 1 source into output/")
    assert built.stdout.rstrip().endswith("; 3 drafts left out (use --drafts)")
    assert "draft" not in (site.parent / "output" / "index.html").read_text().casefold()
    checked = timeline("check", cwd=site.parent)
    assert checked.stdout.splitlines()[-1].startswith("checked 0 entries") and checked.stdout.rstrip().endswith("3 drafts left out (use --drafts)")
    with_drafts = timeline("build", "--drafts", "-o", "preview", cwd=site.parent)
    assert with_drafts.returncode == 0 and "left out" not in with_drafts.stdout
    index = (site.parent / "preview" / "index.html").read_text()
    assert '<p class="draft-banner"><strong>Draft</strong> Built with --drafts: 3 drafts are shown, each marked Draft.' in index
    assert index.count('<span class="draft-badge">Draft</span>') == 2
    assert '<span class="draft-badge">Draft</span>' in (site.parent / "preview" / "quote" / "nothing-left.html").read_text()
