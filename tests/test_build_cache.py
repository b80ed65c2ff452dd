"""Builds that do only what changed: after any kind of edit the output is
byte for byte what a full build writes, and a cache that cannot be trusted
is never used."""

from __future__ import annotations

import pickle
import subprocess
import sys
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
    assert sorted(p.name for p in cache.iterdir()) == [".gitignore", "fingerprint.pickle", "state"]
    assert (cache / ".gitignore").read_text().splitlines()[-1] == "*"
    assert not any(p.name.endswith(".pickle") for p in site.rglob("*"))


def test_no_cache_builds_everything_and_removes_the_cache(site, built):
    folder = built.stat().st_ino
    build(site, built, "--no-cache")
    assert not (site.parent / ".output.cache").exists()
    assert built.stat().st_ino != folder


def first_part(output: Path) -> Path:
    return sorted((buildcache.folder(output) / buildcache.STATE).iterdir())[0]


def flip_a_bit(data: bytes) -> bytes:
    middle = len(data) // 2
    return data[:middle] + bytes([data[middle] ^ 1]) + data[middle + 1:]


def rewrite_fingerprint(output: Path, change) -> None:
    path = buildcache.folder(output) / buildcache.FINGERPRINT
    path.write_bytes(pickle.dumps(change(pickle.loads(path.read_bytes()))))


@pytest.mark.parametrize("spoil, why", [
    (lambda o: (buildcache.folder(o) / buildcache.FINGERPRINT).write_bytes(b"\x80\x05not a pickle"), "it cannot be read"),
    (lambda o: first_part(o).write_bytes(b""), "it cannot be read"),
    (lambda o: first_part(o).unlink(), "it cannot be read"),
    (lambda o: first_part(o).write_bytes(flip_a_bit(first_part(o).read_bytes())), "it cannot be read"),
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


# The build, killed (as by SIGKILL or a power cut) once half of the first
# new part of its state is written: what it leaves is a partial file.
KILLED_WHILE_KEEPING = """
import os, sys
from generator import buildcache, cli

def killed(output, parts):
    folder = buildcache.folder(output) / buildcache.STATE
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f".{buildcache.part_name(parts[0])}.partial").write_bytes(parts[0][:len(parts[0]) // 2])
    os._exit(137)

buildcache.write_parts = killed
sys.exit(cli.main(sys.argv[1:]))
"""


def test_a_build_killed_while_keeping_its_state_is_followed_by_a_full_one(site, built):
    EDITS["an entry's title"](site)
    killed = subprocess.run([sys.executable, "-c", KILLED_WHILE_KEEPING, "build", str(site), "-o", str(built)],
                            cwd=site.parent, capture_output=True, text=True, timeout=120)
    assert killed.returncode == 137
    assert any(p.name.endswith(".partial") for p in (buildcache.folder(built) / buildcache.STATE).iterdir())
    folder = built.stat().st_ino
    result = build(site, built)
    assert result.stderr == ""
    assert built.stat().st_ino != folder  # a full build: the state the killed one began was not trusted
    assert tree(built) == full_build(site, site.parent / "full")


def test_a_build_after_a_killed_one_keeps_a_whole_state_again(site, built):
    EDITS["an entry's title"](site)
    subprocess.run([sys.executable, "-c", KILLED_WHILE_KEEPING, "build", str(site), "-o", str(built)],
                   cwd=site.parent, capture_output=True, timeout=120)
    build(site, built)
    parts = buildcache.folder(built) / buildcache.STATE
    assert not any(p.name.startswith(".") for p in parts.iterdir())  # what the killed build left is removed
    EDITS["an entry's place"](site)
    folder = built.stat().st_ino
    build(site, built)
    assert built.stat().st_ino == folder  # in place, from the state kept
    assert tree(built) == full_build(site, site.parent / "full")


def state_index(output: Path) -> dict:
    """The index of the state's parts, and its own name under "index"."""
    name = pickle.loads((buildcache.folder(output) / buildcache.FINGERPRINT).read_bytes()).state
    return pickle.loads(buildcache.read_part(output, name)) | {"index": name}


def test_a_build_after_one_edited_entry_rewrites_only_that_file_s_part_of_the_state(site, built):
    before = state_index(built)
    EDITS["an entry's title"](site)
    build(site, built)
    after = state_index(built)
    assert len(set(after["files"].items()) - set(before["files"].items())) == 1
    assert after["files"].keys() == before["files"].keys()
    assert after["known"] == before["known"]  # the pages read what they read before: no new reads to number
    assert (after["worlds"], after["listings"], after["dates"]) == (before["worlds"], before["listings"], before["dates"])
    names = {p.name for p in (buildcache.folder(built) / buildcache.STATE).iterdir()}
    assert names == {after["index"], after["worlds"], after["listings"], after["dates"], *after["files"].values(),
                     *after["known"], *after["reads"].values()}  # the parts of the state before are removed
