"""The rules' patterns kept compiled between runs: what comes back from
the cache is the pattern `re.compile` makes, and a cache that is corrupt,
stale or cannot be written changes nothing but the time."""

import marshal
import os
import re
import zlib

from conftest import timeline, unprivileged, write

from generator import dates, patterncache
from generator.patterncache import PatternCache

PATTERNS = [
    (r"(?P<day>\d\d?)\s+(?P<month>May|June)\b", 0),
    (r"\b(?:said|told)\b", re.IGNORECASE),
    (r"^(?P<turn>[A-Z]+):", re.MULTILINE),
    (dates.load_rules()._scan_source, re.IGNORECASE),  # the date rules' scan, the largest
]
ARTICLE = """Rebels withdraw from the old town

Government troops on Monday captured the Old Town, which rebels had taken last March.

“We are leaving,” said Abu Test, a commander. “There is nothing left to defend here.”
"""


def kept_files(folder):
    return sorted(folder.glob("patterns-*.marshal"))


def kept_file(folder):
    """A cache of PATTERNS saved in `folder`: its one file."""
    cache = PatternCache(folder)
    for p, f in PATTERNS:
        cache.compile(p, f)
    cache.save()
    [kept] = kept_files(folder)
    return kept


def compiled_as_ever(folder) -> bool:
    """Whether a cache read from `folder` compiles each of PATTERNS as re.compile does, none from the file."""
    read = PatternCache(folder)
    return [read.compile(p, f) for p, f in PATTERNS] == [re.compile(p, f) for p, f in PATTERNS] and len(read._compiled) == len(PATTERNS)


def test_a_kept_pattern_is_the_pattern_re_compile_makes(tmp_path):
    first = PatternCache(tmp_path)
    assert [first.compile(p, f) for p, f in PATTERNS] == [re.compile(p, f) for p, f in PATTERNS]
    first.save()
    assert len(kept_files(tmp_path)) == 1
    again = PatternCache(tmp_path)
    assert [again.compile(p, f) for p, f in PATTERNS] == [re.compile(p, f) for p, f in PATTERNS]
    assert again._compiled == {}  # all of them from the file


def test_a_corrupt_cache_is_ignored(tmp_path):
    kept = kept_file(tmp_path)
    whole = kept.read_bytes()
    for damaged in (b"", b"not a cache", whole[: len(whole) // 2], whole[:-1] + bytes([whole[-1] ^ 1])):
        kept.write_bytes(damaged)
        assert compiled_as_ever(tmp_path)


def test_a_cache_of_another_python_is_ignored(tmp_path):
    kept = kept_file(tmp_path)
    _, patterns = marshal.loads(kept.read_bytes()[4:])
    data = marshal.dumps(("cpython-399 another build", patterns))
    kept.write_bytes(zlib.crc32(data).to_bytes(4, "big") + data)
    assert compiled_as_ever(tmp_path)


def test_code_the_engine_refuses_is_compiled_again(tmp_path):
    cache = PatternCache(tmp_path)
    cache._kept = {(p, f): (f, [0, 1, 2], 0, {}, ()) for p, f in PATTERNS}  # as from another engine, under our own name
    assert [cache.compile(p, f) for p, f in PATTERNS] == [re.compile(p, f) for p, f in PATTERNS]


def test_a_folder_that_cannot_be_written_is_left_alone(tmp_path):
    blocked = write(tmp_path / "a file", "not a folder")
    cache = PatternCache(blocked / "timeline")
    assert cache.compile(*PATTERNS[0]) == re.compile(*PATTERNS[0])
    cache.save()
    assert blocked.read_text() == "not a folder"


def test_extract_prints_the_same_with_a_cache_missing_kept_corrupt_or_read_only(tmp_path):
    article = write(tmp_path / "article.txt", ARTICLE)
    folder = tmp_path / "cache"
    command = ("extract", str(article), "--published", "2016-12-12")

    def run(runner=timeline):
        os.environ["TIMELINE_CACHE_DIR"] = str(folder)
        try:
            result = runner(*command, cwd=tmp_path)
        finally:
            os.environ["TIMELINE_CACHE_DIR"] = previous
        assert result.returncode == 0 and result.stderr == "", result.stderr
        return result.stdout

    previous = os.environ["TIMELINE_CACHE_DIR"]
    missing = run()
    [kept] = kept_files(folder)
    assert run() == missing  # from the cache
    kept.write_bytes(kept.read_bytes()[:1000])
    assert run() == missing  # corrupt: compiled again, and kept again
    assert kept.stat().st_size > 1000
    kept.unlink()
    folder.chmod(0o555)
    try:
        assert run(unprivileged) == missing
        assert kept_files(folder) == []
    finally:
        folder.chmod(0o755)


def test_without_a_home_folder_nothing_is_kept_and_patterns_compile_as_ever(monkeypatch):
    monkeypatch.delenv("TIMELINE_CACHE_DIR", raising=False)
    monkeypatch.delenv("XDG_CACHE_HOME", raising=False)

    def no_home():
        raise RuntimeError("Could not determine home directory.")

    monkeypatch.setattr(patterncache.Path, "home", staticmethod(no_home))
    assert patterncache.folder() is None
    cache = PatternCache(patterncache.folder())
    for p, f in PATTERNS:
        assert cache.compile(p, f) == re.compile(p, f)
    cache.save()
