"""Whether a change to extraction kept its output byte for byte.

    python benchmarks/extract_identity.py record FILE [TML_DIR ...]
    python benchmarks/extract_identity.py check FILE [TML_DIR ...]

`record` writes, for every article, the SHA-256 of what `timeline extract
--format json` and `timeline dates --format json` print for it; `check`
prints every article whose output differs from the recorded one and exits
1 if any does. The articles: the seed (its content source and its plain
text), every .tml file of the folders given (default: the shared TimeBank
and the SemEval-2015 trial), each as plain text read against its creation
time, and all of TimeBank in one text (what a long text does).
The commands run in this process, through `generator.cli.main`, from the
repository's folder (so the gazetteer is content/places.toml).
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import json
import os
import sys
import tempfile
from collections.abc import Iterator
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.extract_seed import timebank_article
from benchmarks.timeline_score import read_trial_article
from generator import cli

SHARED = Path("/work/shared")
FOLDERS = [SHARED / "timebank", SHARED / "semeval2015-trial" / "articles"]


def articles(folders: list[Path], scratch: Path) -> Iterator[tuple[str, Path, date | None]]:
    """(name, file, date to read it against; None for a content source)."""
    yield "seed source", ROOT / "content" / "sources" / "aleppo-daily-beast-2016-12-12.md", None
    yield "seed text", SHARED / "seed" / "aleppo-daily-beast-2016-12-12.txt", date(2016, 12, 12)
    whole = []
    for folder in folders:
        for path in sorted(folder.glob("*.tml")):
            text, dct = _read(path)
            plain = scratch / f"{path.stem}.txt"
            plain.write_text(text, encoding="utf-8")
            if folder == FOLDERS[0]:
                whole.append(text)
            yield f"{folder.name}/{path.name}", plain, dct
    if whole:
        joined = scratch / "timebank-in-one.txt"
        joined.write_text("\n\n".join(whole), encoding="utf-8")
        yield "timebank in one text", joined, date(1998, 3, 1)


def _read(path: Path) -> tuple[str, date]:
    """A TimeBank article, or a SemEval trial one (its tokens joined as the scorer joins them)."""
    if "<s id=" in path.read_text(encoding="utf-8"):
        trial = read_trial_article(path)
        return trial.text, trial.dct
    return timebank_article(path)


def output(argv: list[str]) -> bytes:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        status = cli.main(argv)
    return f"{status}\n{out.getvalue()}{err.getvalue()}".encode()


def digests(folders: list[Path]) -> dict[str, str]:
    found = {}
    with tempfile.TemporaryDirectory() as scratch:
        # The output names each file: the scratch folder's name, new in every run, is left out.
        def digest(argv: list[str]) -> str:
            return hashlib.sha256(output(argv).replace(scratch.encode(), b"SCRATCH")).hexdigest()

        for name, path, dct in articles(folders, Path(scratch)):
            when = ["--published", dct.isoformat()] if dct else []
            found[f"extract {name}"] = digest(["extract", str(path), "--format", "json", *when])
            when = ["--dct", dct.isoformat()] if dct else []
            found[f"dates {name}"] = digest(["dates", str(path), "--format", "json", *when])
    return found


def main(argv: list[str]) -> int:
    if len(argv) < 3 or argv[1] not in ("record", "check"):
        print(__doc__, file=sys.stderr)
        return 2
    record = Path(argv[2]).resolve()
    folders = [Path(a).resolve() for a in argv[3:]] or FOLDERS
    os.chdir(ROOT)
    found = digests(folders)
    if argv[1] == "record":
        record.write_text(json.dumps(found, indent=1, sort_keys=True) + "\n")
        print(f"recorded {len(found)} outputs in {record}")
        return 0
    recorded = json.loads(record.read_text())
    differ = sorted(name for name in recorded.keys() | found.keys() if recorded.get(name) != found.get(name))
    for name in differ:
        print(f"differs: {name}")
    print(f"{len(found) - len(differ)} of {len(found)} outputs identical")
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
