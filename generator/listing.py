"""Which files a content folder holds: the *.md files under sources/,
quotes/ and events/, or a problem for each folder that is missing or cannot
be read and for each symbolic link where a file or folder would be read.
(Each file is then read by frontmatter.read_content, which reads only
regular files.)
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from generator.frontmatter import LINK_REFUSED
from generator.problems import Problem

# The folders a content folder reads, and whether it must have each: an
# entry needs a source, and a site whose events/ went missing must not be
# published as an empty timeline. (Empty folders are fine: a new site.)
FOLDERS = {"sources": True, "quotes": False, "events": True}


def markdown_files(folder: Path, required: bool) -> tuple[list[Path], list[Problem]]:
    """The *.md files under `folder`, in the order of their paths' parts,
    and a problem for each folder that cannot be read and for each symbolic
    link where a file or folder would be read. (An archive has thousands of
    files: sorting strings is much quicker than sorting Paths.)"""
    try:
        mode = os.lstat(folder).st_mode
    except FileNotFoundError:
        if not required:
            return [], []
        return [], [Problem(folder, 0, f"no such folder: a content folder needs {folder.name}/ (it may be empty); see README")]
    except OSError as error:
        return [], [Problem(folder, 0, f"cannot read the folder: {error.strerror}")]
    if stat.S_ISLNK(mode):
        return [], [Problem(folder, 0, f"{LINK_REFUSED} (it points to {os.readlink(folder)!r})")]
    if not stat.S_ISDIR(mode):
        return [], [Problem(folder, 0, "not a folder")]
    found: list[tuple[str, ...]] = []
    problems: list[Problem] = []
    folders = [()]
    while folders:
        parts = folders.pop()
        here = folder.joinpath(*parts)
        try:
            with os.scandir(here) as entries:
                for entry in entries:
                    is_md = entry.name.endswith(".md")
                    if entry.is_symlink():
                        if is_md or os.path.isdir(entry.path):
                            problems.append(Problem(Path(entry.path), 0, f"{LINK_REFUSED} (it points to {os.readlink(entry.path)!r})"))
                    elif entry.is_dir(follow_symlinks=False):
                        folders.append((*parts, entry.name))
                    elif is_md:
                        found.append((*parts, entry.name))
        except OSError as error:
            problems.append(Problem(here, 0, f"cannot read the folder: {error.strerror}"))
    return [folder.joinpath(*parts) for parts in sorted(found)], problems
