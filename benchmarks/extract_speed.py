"""How fast `timeline extract` and `timeline dates` read one long text, at
several sizes, so that the curve is visible: MB/s should not fall as the
text grows.

    python benchmarks/extract_speed.py [--sizes 0.1 1 5] [--runs 3] [--kept-patterns]

Each text is the shared TimeBank articles, the trial articles and the seed
one after another (repeated as often as the size needs), cut at the
paragraph that reaches the size. Each run is a fresh process, so its
figures are its own: CPU seconds of the extraction (or of finding the
dates) alone, one core, and the process's peak memory. Medians of the runs.
Each process compiles the rules' patterns, as the first run of a version
does; with --kept-patterns they come compiled from a cache of the
benchmark's own (generator/patterncache.py), filled by an untimed run
first, as for every run of `timeline` after the first.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

SHARED = Path("/work/shared")

CHILD = """
import json, resource, sys, time
from datetime import date
from pathlib import Path
sys.path.insert(0, {root!r})
from generator import dates, extract, places
text = Path(sys.argv[1]).read_text(encoding="utf-8")
gazetteer, _ = places.load(Path({root!r}) / "content")
started = time.process_time()
if sys.argv[2] == "extract":
    extract.extract(text, "x", date(1998, 3, 1), None, gazetteer)
else:
    dates.find(text, date(1998, 3, 1))
cpu = time.process_time() - started
print(json.dumps({{"cpu": cpu, "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}}))
from generator import patterncache
patterncache.save()
"""


def corpus() -> list[str]:
    from benchmarks.extract_seed import timebank_article
    from benchmarks.timeline_score import read_trial_article

    texts = [timebank_article(p)[0] for p in sorted((SHARED / "timebank").glob("*.tml"))]
    texts += [read_trial_article(p).text for p in sorted((SHARED / "semeval2015-trial" / "articles").glob("*.tml"))]
    texts.append((SHARED / "seed" / "aleppo-daily-beast-2016-12-12.txt").read_text(encoding="utf-8"))
    return texts


def text_of(size_mb: float, texts: list[str]) -> str:
    wanted, parts, total, i = size_mb * 1e6, [], 0, 0
    while total < wanted:
        piece = texts[i % len(texts)]
        parts.append(piece)
        total += len(piece.encode("utf-8")) + 2
        i += 1
    return "\n\n".join(parts)


def run(path: Path, command: str, patterns: Path) -> dict:
    env = {**os.environ, "TIMELINE_CACHE_DIR": str(patterns)}
    done = subprocess.run([sys.executable, "-c", CHILD.format(root=str(ROOT)), str(path), command],
                          capture_output=True, text=True, check=True, env=env)
    return json.loads(done.stdout)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=float, nargs="+", default=[0.1, 1, 5], help="text sizes in MB")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--commands", nargs="+", default=["extract", "dates"], choices=["extract", "dates"])
    parser.add_argument("--kept-patterns", action="store_true", help="the rules' patterns compiled by an untimed run before")
    args = parser.parse_args()
    texts = corpus()
    with tempfile.TemporaryDirectory() as folder:
        for size in args.sizes:
            path = Path(folder) / f"{size}.txt"
            path.write_text(text_of(size, texts), encoding="utf-8")
            mb = path.stat().st_size / 1e6
            for command in args.commands:
                patterns = Path(folder) / f"patterns-{size}-{command}"
                patterns.mkdir()
                if args.kept_patterns:
                    run(path, command, patterns)
                # (Else each run finds an empty folder of its own.)
                runs = [run(path, command, patterns if args.kept_patterns else Path(tempfile.mkdtemp(dir=patterns))) for _ in range(args.runs)]
                cpu = statistics.median(r["cpu"] for r in runs)
                peak = statistics.median(r["peak_mb"] for r in runs)
                each = ", ".join(f"{r['cpu']:.2f}" for r in runs)
                print(f"{command:8} {mb:5.2f} MB: {cpu:7.2f} s CPU, {mb / cpu:5.2f} MB/s, peak {peak:4.0f} MB "
                      f"(median of {args.runs}; runs {each} s)", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
