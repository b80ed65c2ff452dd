"""How long `timeline dates` and `timeline extract` take on a short text,
start-up included: what a call per file costs.

    python benchmarks/startup_benchmark.py [--runs 11]

Each command runs as a user runs it (a fresh process of the installed
`timeline`), on a three-sentence text; the figure is the median wall time
of the runs, beside the bare interpreter's (`python -c pass`), whose
start-up no command can beat. Target: 0.15 s for each command.

As installed, Python keeps the modules compiled to bytecode (pip compiles
them on install; an editable install, on the first run). The commands run
so here, with the bytecode in a folder of this run's own
(PYTHONPYCACHEPREFIX) after a first run of each, even where
PYTHONDONTWRITEBYTECODE is set: without bytecode, every call compiles
every module's source again, about 0.15 s more.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

TEXT = (
    "Rebels said on Monday they had left the eastern districts over the weekend. "
    "Talks will resume on Friday, the minister told reporters in Geneva. "
    "“We are ready,” said Jane Doe, a spokeswoman.\n"
)


def median_wall(command: list[str], runs: int, env: dict[str, str]) -> tuple[float, list[float]]:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
        times.append(time.perf_counter() - started)
    return statistics.median(times), times


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=11)
    args = parser.parse_args()
    timeline = str(Path(sys.executable).with_name("timeline"))
    with tempfile.TemporaryDirectory() as folder:
        text = Path(folder) / "short.txt"
        text.write_text(TEXT, encoding="utf-8")
        commands = {
            "python -c pass": [sys.executable, "-c", "pass"],
            "timeline --version": [timeline, "--version"],
            "timeline dates": [timeline, "dates", str(text), "--dct", "2016-12-12"],
            "timeline extract": [timeline, "extract", str(text), "--published", "2016-12-12"],
        }
        env = {name: value for name, value in os.environ.items() if name != "PYTHONDONTWRITEBYTECODE"}
        env["PYTHONPYCACHEPREFIX"] = str(Path(folder) / "bytecode")
        env["TIMELINE_CACHE_DIR"] = str(Path(folder) / "cache")  # the compiled rules (generator/patterncache.py)
        for command in commands.values():
            median_wall(command, 1, env)  # a first run writes the bytecode, and any cache
        for name, command in commands.items():
            median, times = median_wall(command, args.runs, env)
            print(f"{name:20} median {median:.3f} s over {args.runs} runs (min {min(times):.3f}, max {max(times):.3f})", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
