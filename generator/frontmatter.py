"""Splitting a content file into its TOML front matter and its body.

Every failure is a Problem naming the file and the line, so that a typo in
one file is one clear line in the terminal.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from pathlib import Path

from generator.problems import Problem

FENCE = "+++"
TOML_POSITION = re.compile(r"\s*\(at (?:line (\d+), column \d+|end of document)\)$")


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
        for number, line in enumerate(self.meta_text.splitlines(), start=self.meta_line):
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
        position = TOML_POSITION.search(message)
        # tomllib counts lines from the start of `text`; "end of document"
        # is the line after it (the closing fence of front matter).
        offset = int(position.group(1)) - 1 if position and position.group(1) else text.count("\n") + 1
        return Problem(path, first_line + offset, f"malformed {what}: {TOML_POSITION.sub('', message)}")


def read(path: Path) -> Document | Problem:
    text = read_text(path)
    return text if isinstance(text, Problem) else parse(path, text)
