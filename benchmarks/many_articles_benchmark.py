"""How long `timeline extract` takes to turn 100 articles of about 5,000
characters into one folder of merged drafts, on one core, and how much
memory it holds.

    python benchmarks/many_articles_benchmark.py ../shared/semeval2015-trial [--runs 3] [--articles 100]

The articles are real news prose: the trial corpus's 30 Wikinews articles,
turned back into prose as benchmarks/timeline_score.py does, joined in turn
until each holds about 5,000 characters, each written as a content source
file of one of five outlets, dated by its first article. The command runs as
a user runs it (a process of its own, `--write` into a new folder), pinned
to one core with `taskset -c 0` where there is one, so the workers it forks
share that core. Printed: the median wall time of the runs, the CPU time
(all processes), and the largest resident memory of any of its processes.
Target (issue 17): at most 10 s and 500 MB.
"""

from __future__ import annotations

import argparse
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from timeline_score import read_trial_article  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
OUTLETS = ("The Daily Planet", "Northern Courier", "The Evening Herald", "Test Wire", "Radio Eastport")
LENGTH = 5000


def articles(corpus: Path, count: int) -> list[tuple[str, str]]:
    """`count` source files (name, text) of about LENGTH characters each."""
    trial = [read_trial_article(p) for p in sorted((corpus / "articles").glob("*.tml"))]
    made, turn = [], 0
    for n in range(count):
        parts, first = [], trial[turn % len(trial)]
        while sum(len(p) for p in parts) < LENGTH:
            parts.append(trial[turn % len(trial)].text)
            turn += 1
        text = "\n".join(parts)
        front = f'+++\ntitle = "Article {n}"\noutlet = "{OUTLETS[n % len(OUTLETS)]}"\npublished = {first.dct.isoformat()}\n+++\n'
        made.append((f"article-{n:03d}.md", front + text))
    return made


def run_once(folder: Path, files: list[Path]) -> tuple[float, float]:
    """(wall seconds, CPU seconds) of one `timeline extract … --write`."""
    site = folder / "site"
    shutil.rmtree(site, ignore_errors=True)
    pin = ["taskset", "-c", "0"] if shutil.which("taskset") else []
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    result = subprocess.run([*pin, sys.executable, "-m", "generator", "extract", *map(str, files), "--write", str(site)],
                            cwd=ROOT, capture_output=True, text=True)
    wall = time.perf_counter() - started
    if result.returncode != 0:
        raise SystemExit(f"many_articles_benchmark: extract failed:\n{result.stderr}")
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("corpus", type=Path, help="the trial corpus (e.g. ../shared/semeval2015-trial)")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--articles", type=int, default=100)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        files = []
        for name, text in articles(args.corpus, args.articles):
            (folder / name).write_text(text, encoding="utf-8")
            files.append(folder / name)
        chars = sum(len(f.read_text(encoding="utf-8")) for f in files)
        timings = [run_once(folder, files) for _ in range(args.runs)]
        entries = list((folder / "site" / "events").glob("*.md"))
        merged = sum("[[accounts]]" in e.read_text(encoding="utf-8") for e in entries)
    # ru_maxrss is in kilobytes on Linux: the largest of the processes waited for.
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    walls, cpus = [w for w, _ in timings], [c for _, c in timings]
    print(f"{len(files)} articles, {chars / len(files):.0f} characters each on average -> {len(entries)} entries, {merged} citing several sources")
    print(f"wall time on one core: median {statistics.median(walls):.2f} s of {args.runs} ({', '.join(f'{w:.2f}' for w in walls)}); target <= 10 s")
    print(f"CPU time, all processes: median {statistics.median(cpus):.2f} s")
    print(f"largest resident memory of a process: {peak:.0f} MB; target <= 500 MB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
