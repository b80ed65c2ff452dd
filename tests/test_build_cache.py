"""Builds that do only what changed: after any kind of edit the output is
byte for byte what a full build writes, and a cache that cannot be trusted
is never used."""

from __future__ import annotations

import pickle
from dataclasses import replace
from pathlib import Path

import pytest
from conftest import edit, timeline, tree, write
from test_preview import EDITS

from generator import buildcache


def build(content: Path, output: Path, *options: str):
    result = timeline("build", str(content), "-o", str(output), *options, cwd=content.parent)
    assert result.returncode == 0, result.stderr
    return result


def full_build(content: Path, output: Path) -> dict[str, bytes]:
    build(content, output, "--no-cache")
    return tree(output)


@pytest.fixture
def built(site: Path) -> Path:
    """The site, a page per year of its timeline, built once with the cache: returns its output."""
    edit(site / "site.toml", 'language = "en"', 'language = "en"\nindex_page_size = 1')
    build(site, site.parent / "output")
    return site.parent / "output"


# Edits after which the pages are changed in place; after a change to the
# templates or the site's settings the build writes a new output folder.
IN_PLACE = set(EDITS) - {"a template of the site's own", "the site's title", "the site's base_url"}


@pytest.mark.parametrize("change", list(EDITS))
def test_a_build_after_each_kind_of_edit_equals_a_full_build(site, built, change):
    folder = built.stat().st_ino
    EDITS[change](site)
    result = build(site, built)
    assert result.stderr == ""
    assert tree(built) == full_build(site, site.parent / "full")
    assert (built.stat().st_ino == folder) == (change in IN_PLACE)


def test_edits_one_after_another_each_equal_a_full_build(site, built):
    for change in ("an entry's title", "a new entry", "an entry's place", "a removed entry"):
        EDITS[change](site)
        build(site, built)
        assert tree(built) == full_build(site, site.parent / "full"), change


def test_a_build_after_no_change_writes_nothing(site, built):
    before = {p: p.stat() for p in built.rglob("*")}
    result = build(site, built)
    assert result.stdout.startswith("built 2 entries, 1 quote, 1 source into output/ (")
    after = {p: p.stat() for p in built.rglob("*")}
    assert before.keys() == after.keys()
    assert all((a.st_ino, a.st_mtime_ns) == (before[p].st_ino, before[p].st_mtime_ns) for p, a in after.items())


def test_the_cache_is_beside_the_output_and_ignored_by_git(site, built):
    cache = site.parent / ".output.cache"
    assert sorted(p.name for p in cache.iterdir()) == [".gitignore", "fingerprint.pickle", "state.pickle"]
    assert (cache / ".gitignore").read_text().splitlines()[-1] == "*"
    assert not any(p.name.endswith(".pickle") for p in site.rglob("*"))


def test_no_cache_builds_everything_and_removes_the_cache(site, built):
    folder = built.stat().st_ino
    build(site, built, "--no-cache")
    assert not (site.parent / ".output.cache").exists()
    assert built.stat().st_ino != folder


def rewrite_fingerprint(output: Path, change) -> None:
    path = buildcache.folder(output) / buildcache.FINGERPRINT
    path.write_bytes(pickle.dumps(change(pickle.loads(path.read_bytes()))))


@pytest.mark.parametrize("spoil, why", [
    (lambda o: (buildcache.folder(o) / buildcache.FINGERPRINT).write_bytes(b"\x80\x05not a pickle"), "it cannot be read"),
    (lambda o: (buildcache.folder(o) / buildcache.STATE).write_bytes(b""), "it cannot be read"),
    (lambda o: rewrite_fingerprint(o, lambda f: replace(f, key=(f.key[0], "other code", *f.key[2:]))),
     "it was made by another version of timeline"),
    (lambda o: rewrite_fingerprint(o, lambda f: replace(f, key=(*f.key[:3], "/elsewhere/content", f.key[4]))),
     "it was made for another content folder or without the same --drafts"),
])
def test_a_cache_that_cannot_be_trusted_is_ignored_with_one_line(site, built, spoil, why):
    spoil(built)
    EDITS["an entry's title"](site)  # so that the build needs the state, not the fingerprint alone
    result = build(site, built)
    assert result.stderr == f".output.cache: warning: the build cache was ignored ({why}); building everything\n"
    assert tree(built) == full_build(site, site.parent / "full")


def test_a_cache_made_for_another_theme_is_ignored_with_one_line(site, built):
    write(site.parent / "themes" / "plain" / "templates" / "event.html",
          '{% extends "base.html" %}{% block main %}<h1>{{ event.title }}</h1>{% endblock %}')
    edit(site / "site.toml", 'language = "en"', 'language = "en"\ntheme = "plain"')
    result = build(site, built)
    assert result.stderr == ".output.cache: warning: the build cache was made for the theme 'default'; building everything\n"
    assert tree(built) == full_build(site, site.parent / "full")


def test_an_output_changed_by_hand_is_built_again_in_full(site, built):
    (built / "index.html").write_text("edited by hand")
    build(site, built)
    assert tree(built) == full_build(site, site.parent / "full")


def test_a_failed_build_leaves_the_output_and_the_cache_serves_the_next(site, built):
    EDITS["an entry's title"](site)
    build(site, built)
    before = tree(built)
    edit(site / "events" / "siege.md", 'date = "last March"', 'date = "earlier"')
    failed = timeline("build", str(site), "-o", str(built), cwd=site.parent)
    assert failed.returncode == 1 and "siege.md" in failed.stderr
    assert tree(built) == before
    edit(site / "events" / "siege.md", 'date = "earlier"', 'date = "2015-06-02"')
    build(site, built)
    assert tree(built) == full_build(site, site.parent / "full")


def test_a_template_error_in_an_edit_leaves_the_output_as_it_was(site, built):
    write(site / "templates" / "event.html", '{% extends "base.html" %}{% block main %}{{ event.nothing.here }}{% endblock %}')
    before = tree(built)
    failed = timeline("build", str(site), "-o", str(built), cwd=site.parent)
    assert failed.returncode == 1 and "event.html" in failed.stderr
    assert tree(built) == before


def test_a_build_stopped_while_writing_in_place_is_followed_by_a_full_one(site, built):
    # Writing in place begins by removing the fingerprint: what a stopped build leaves.
    EDITS["an entry's title"](site)
    (buildcache.folder(built) / buildcache.FINGERPRINT).unlink()
    (built / "events" / "withdrawal.html").write_text("half of a build")
    folder = built.stat().st_ino
    build(site, built)
    assert built.stat().st_ino != folder
    assert tree(built) == full_build(site, site.parent / "full")
