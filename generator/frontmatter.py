"""Splitting a content file into its TOML front matter and its body.

Every failure is a Problem naming the file and the line, so that a typo in
one file is one clear line in the terminal.
"""

from __future__ import annotations

import errno
import os
import re
import stat
import tomllib
from dataclasses import dataclass
from pathlib import Path

from generator.problems import Problem

FENCE = "+++"
TOML_POSITION = re.compile(r"\s*\(at (?:line (\d+), column \d+|end of document)\)$")
# tomllib's words for a string that is never closed: at the end of its line,
# or, for a multi-line or literal string, at the end of the document.
UNCLOSED = re.compile(r"Illegal character '\\n'|Unterminated string|Expected \"'")
# A content file larger than this is refused, not read: the longest article
# is a few hundred KB, and a link to /dev/zero or a runaway export would
# otherwise take the build's memory.
MAX_FILE_SIZE = 20 * 1024 * 1024
# Characters a content file may not hold: control characters other than tab
# and newline (a vertical tab or form feed pasted from a word processor, an
# escape, NUL; a carriage return left once CRLF is read as one line end), and
# U+FFFE and U+FFFF. XML cannot carry any of them, so the feed would break,
# and HTML shows them as errors.
CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ufffe\uffff]")


@dataclass(frozen=True)
class Document:
    path: Path
    meta: dict
    meta_text: str  # the front matter as written, to find a field's line
    body: str = ""
    body_line: int = 0  # the file line where the body starts
    meta_line: int = 2  # the file line where the front matter starts

    def line_of(self, field: str) -> int:
        """The file line where `field` is set, or the file's first line."""
        pattern = re.compile(rf"^\s*{re.escape(field)}\s*=")
        # Lines end at "\n" only, as the file's lines do for an editor and
        # for TOML: splitlines() would also end one at U+2028 or U+0085 in a value.
        for number, line in enumerate(self.meta_text.split("\n"), start=self.meta_line):
            if pattern.match(line):
                return number
        return 1


def read_text(path: Path) -> str | Problem:
    try:
        data = path.read_bytes()
    except OSError as error:
        return Problem(path, 0, f"cannot read the file: {error.strerror}")
    return decode(path, data)


def decode(path: Path, data: bytes) -> str | Problem:
    """The text of a file's bytes, or a Problem naming the line of the first byte that is not UTF-8."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        return Problem(path, line, f"not UTF-8 text (byte 0x{data[error.start]:02x}): save the file as UTF-8")
    return text.replace("\r\n", "\n")


def parse(path: Path, text: str) -> Document | Problem:
    lines = text.split("\n")
    if lines[0].rstrip() != FENCE:
        return Problem(path, 1, f"missing front matter: the file must start with a '{FENCE}' line")
    for index in range(1, len(lines)):
        if lines[index].rstrip() == FENCE:
            break
    else:
        return Problem(path, 1, f"front matter opened on line 1 is never closed with a '{FENCE}' line")
    meta = parse_toml(path, "\n".join(lines[1:index]), first_line=2, what="front matter")
    if isinstance(meta, Problem):
        return meta
    return Document(path, meta, "\n".join(lines[1:index]), "\n".join(lines[index + 1 :]), index + 2)


def parse_toml(path: Path, text: str, first_line: int, what: str) -> dict | Problem:
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        message = str(error)
        unclosed = _unclosed_string(text) if UNCLOSED.match(message) else None
        if unclosed is not None:
            line = first_line + unclosed - 1
            return Problem(path, line, f"malformed {what}: the string that starts on line {line} has no closing quote")
        position = TOML_POSITION.search(message)
        # tomllib counts lines from the start of `text`; "end of document"
        # is the line after it (the closing fence of front matter).
        offset = int(position.group(1)) - 1 if position and position.group(1) else text.count("\n") + 1
        return Problem(path, first_line + offset, f"malformed {what}: {TOML_POSITION.sub('', message)}")


def _unclosed_string(text: str) -> int | None:
    """The line (1-based) where a TOML string starts that is never closed,
    if one is: tomllib says only where it noticed, often the document's end."""
    at, quote, start = 0, "", 0
    while at < len(text):
        c = text[at]
        if not quote:
            if c == "#":  # a comment, to the end of its line
                at = text.find("\n", at)
                if at < 0:
                    break
            elif c in "\"'":
                quote, start = c * 3 if text.startswith(c * 3, at) else c, at
                at += len(quote) - 1
            at += 1
        elif c == "\\" and quote[0] == '"':
            at += 2  # an escape: the quote after it does not close the string
        elif text.startswith(quote, at):
            at, quote = at + len(quote), ""
        elif c == "\n" and len(quote) == 1:
            break  # a one-line string reaches the end of its line
        else:
            at += 1
    return text.count("\n", 0, start) + 1 if quote else None


def read(path: Path) -> Document | Problem:
    text = read_text(path)
    return text if isinstance(text, Problem) else parse(path, text)


def read_content(path: Path) -> Document | Problem:
    """A file of a content folder, read as `read_content_text` reads it, with
    no control character in its fields either (TOML can write one as an
    escape, "\\u001b")."""
    text = read_content_text(path)
    if isinstance(text, Problem):
        return text
    doc = parse(path, text)
    if isinstance(doc, Problem):
        return doc
    return control_in_fields(doc) or doc


def read_content_text(path: Path) -> str | Problem:
    """The text of a file of a content folder, which must be a regular file
    (not a symbolic link, a FIFO or a device) of at most MAX_FILE_SIZE bytes,
    in UTF-8, without control characters."""
    try:
        # Not through a link; and without waiting for a writer if it is a FIFO.
        descriptor = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOFOLLOW", 0))
    except OSError as error:
        if error.errno == errno.ELOOP:
            return Problem(path, 0, LINK_REFUSED)
        return Problem(path, 0, f"cannot read the file: {error.strerror}")
    with os.fdopen(descriptor, "rb") as file:
        mode = os.fstat(descriptor).st_mode
        if not stat.S_ISREG(mode):
            return Problem(path, 0, f"not a regular file ({_file_kind(mode)}): only regular files are read")
        data = file.read(MAX_FILE_SIZE + 1)
    if len(data) > MAX_FILE_SIZE:
        return Problem(path, 0, f"larger than {MAX_FILE_SIZE // 2**20} MB: a content file may be at most that")
    text = decode(path, data)
    if isinstance(text, Problem):
        return text
    control = CONTROL.search(text)
    if control:
        line = text.count("\n", 0, control.start()) + 1
        return Problem(path, line, f"{_character(control.group())} in the text: delete it "
                       "(text may hold only printable characters, tabs and line breaks)")
    return text


LINK_REFUSED = "a symbolic link: no content file is read through a link; put the file itself here"


def control_in_fields(doc: Document) -> Problem | None:
    """The first field of `doc` whose value holds a control character,
    in a table's fields too ([image], [[accounts]])."""
    for name, text in _strings(doc.meta):
        control = CONTROL.search(text)
        if control:
            return Problem(doc.path, doc.line_of(name), f"field '{name}' holds {_character(control.group())}: delete it")
    return None


def _strings(fields: dict):
    """Every string in `fields`, each with the name of the field that holds it."""
    for key, value in fields.items():
        for item in value if isinstance(value, list) else [value]:
            if isinstance(item, str):
                yield key, item
            elif isinstance(item, dict):
                yield from _strings(item)


def _character(c: str) -> str:
    name = CONTROL_NAMES.get(c)
    return f"the control character U+{ord(c):04X}" + (f" ({name})" if name else "")


CONTROL_NAMES = {"\x00": "NUL", "\x0b": "vertical tab", "\x0c": "form feed", "\r": "carriage return",
                 "\x1b": "escape", "\x7f": "delete", "\x85": "next line"}


def _file_kind(mode: int) -> str:
    for test, kind in ((stat.S_ISDIR, "a folder"), (stat.S_ISFIFO, "a FIFO"), (stat.S_ISSOCK, "a socket"),
                       (stat.S_ISCHR, "a device"), (stat.S_ISBLK, "a device")):
        if test(mode):
            return kind
    return "not a file"
