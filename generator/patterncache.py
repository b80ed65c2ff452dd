"""The rules' regular expressions, compiled once and kept on disk between
runs (issue 18): compiling them was a third of `timeline extract` on a
short text, the date rules' scan alone 17 ms.

Python compiles a pattern in two steps, both written in Python: it parses
the pattern, then turns the parse into the engine's code, a list of
numbers. The engine takes that code as it is (`_sre.compile`, the call
`re.compile` ends with), so the code is what is kept, looked up by the
pattern's source and flags, in a file named for the rules' content and
the exact Python build (which the file names again inside). What is kept
is a shortcut and nothing more: a file that is missing, unreadable,
corrupt (a CRC-32 checks it) or of another Python is ignored, as is any
error of the engine's own calls, and the pattern is then compiled by
`re.compile`; a folder that cannot be written is not written. A pattern is
kept only once the code made for it has compiled to a pattern equal to
`re.compile`'s (same source, flags and code).

The folder: $TIMELINE_CACHE_DIR, or timeline/ in $XDG_CACHE_HOME (by
default ~/.cache); never the content, the output or the tool's own folder.
"""

from __future__ import annotations

import marshal
import os
import re
import sys
import zlib
from functools import cache
from pathlib import Path

RULES = Path(__file__).parent / "rules"
KEEP = 8  # files kept for other rules or other Pythons; the oldest beyond them go
CHECK = 4  # bytes of the CRC-32 before the kept code (hashlib would load OpenSSL: 4 MB more for every run)


def folder() -> Path | None:
    """Where the patterns are kept; None (nothing kept) for a user without a
    home folder, whose cache has no place."""
    if chosen := os.environ.get("TIMELINE_CACHE_DIR"):
        return Path(chosen)
    if cache := os.environ.get("XDG_CACHE_HOME"):
        return Path(cache) / "timeline"
    try:
        return Path.home() / ".cache" / "timeline"
    except (RuntimeError, KeyError):
        return None


class PatternCache:
    def __init__(self, where: Path | None) -> None:
        self.where = where
        self._kept: dict[tuple[str, int], tuple] | None = None  # read at the first pattern asked for
        self._compiled: dict[tuple[str, int], re.Pattern[str]] = {}  # asked for in this process and not kept

    def compile(self, pattern: str, flags: int = 0) -> re.Pattern[str]:
        key = (pattern, int(flags))
        code = self._read().get(key)
        if code is not None:
            try:
                return _engine_compile(pattern, code)
            except Exception:  # not this engine's code after all: compiled as ever
                pass
        compiled = re.compile(pattern, flags)
        self._compiled[key] = compiled
        return compiled

    def save(self) -> None:
        """Keep the patterns compiled since the file was read, if any; a
        failure of any kind leaves the folder as it was."""
        if not self._compiled or self.where is None:
            return
        kept = dict(self._read())
        try:
            self.where.mkdir(parents=True, exist_ok=True)
            for key, compiled in self._compiled.items():
                code = _code(*key)
                if _engine_compile(key[0], code) == compiled:
                    kept[key] = code
            import tempfile  # (only here: with the random numbers it imports, 1.4 MB)

            data = marshal.dumps((_python(), kept))
            handle, temporary = tempfile.mkstemp(dir=self.where, prefix=".patterns-")
            try:
                with os.fdopen(handle, "wb") as out:
                    out.write(zlib.crc32(data).to_bytes(CHECK, "big") + data)
                os.replace(temporary, self._file())
            except BaseException:
                os.unlink(temporary)
                raise
            self._compiled.clear()
            self._forget_old()
        except Exception:
            return

    def _read(self) -> dict[tuple[str, int], tuple]:
        if self._kept is None:
            self._kept = {}
            if self.where is None:
                return self._kept
            try:
                raw = self._file().read_bytes()
                check, data = raw[:CHECK], raw[CHECK:]
                if zlib.crc32(data).to_bytes(CHECK, "big") == check:
                    python, kept = marshal.loads(data)
                    if python == _python() and isinstance(kept, dict):
                        self._kept = kept
            except Exception:
                pass
        return self._kept

    def _file(self) -> Path:
        return self.where / f"patterns-{_fingerprint()}.marshal"

    def _forget_old(self) -> None:
        files = sorted(self.where.glob("patterns-*.marshal"), key=lambda f: f.stat().st_mtime, reverse=True)
        for old in files[KEEP + 1:]:
            old.unlink(missing_ok=True)


@cache
def _fingerprint() -> str:
    made = zlib.crc32(_python().encode())
    for rules in sorted(RULES.glob("*.toml")):
        made = zlib.crc32(rules.name.encode() + b"\0" + rules.read_bytes() + b"\0", made)
    return f"{made:08x}"


def _python() -> str:
    """This Python build and its engine's version, whose code is kept."""
    import _sre

    return f"{sys.implementation.cache_tag} {sys.version} {_sre.MAGIC} {_sre.CODESIZE}"


def _code(pattern: str, flags: int) -> tuple:
    """What re._compiler.compile hands the engine for a pattern, but the
    source itself."""
    from re import _compiler, _parser

    parsed = _parser.parse(pattern, flags)
    state = parsed.state
    groups = [None] * state.groups
    for name, number in state.groupdict.items():
        groups[number] = name
    program = [int(number) for number in _compiler._code(parsed, flags)]  # (its opcodes are ints of a class marshal does not know)
    return (flags | state.flags, program, state.groups - 1, dict(state.groupdict), tuple(groups))


def _engine_compile(pattern: str, code: tuple) -> re.Pattern[str]:
    import _sre

    flags, program, groups, groupindex, indexgroup = code
    return _sre.compile(pattern, flags, list(program), groups, dict(groupindex), tuple(indexgroup))


_cache: PatternCache | None = None


def compile(pattern: str, flags: int = 0) -> re.Pattern[str]:  # noqa: A001 (re.compile's name, as it stands in for it)
    return _shared().compile(pattern, flags)


def save() -> None:
    if _cache is not None:
        _cache.save()


def _shared() -> PatternCache:
    global _cache
    if _cache is None:
        _cache = PatternCache(folder())
    return _cache
