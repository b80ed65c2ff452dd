"""How long a build takes to publish entries' pictures.

Generates a content folder of N entries (default 20), each with a picture of
its own: a 12-megapixel JPEG of noise over gradients, about 5 MB, which
encodes as a photograph does. Times, with the real `timeline build`, medians
of several runs:

- a full build with no cache (`--no-cache`): every picture resized into its
  three widths;
- a build after an edit of the site's settings, which rebuilds every page:
  the pictures the output holds as the last build left them are linked from
  it, not resized again;
- a build after no change.

    python benchmarks/media_benchmark.py [--entries 20] [--runs 3] [--keep DIR]
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from PIL import Image

SOURCE = """+++
title = "A day of pictures"
outlet = "The Benchmark"
published = 2016-12-12
+++
Something happened on Monday.
"""

EVENT = """+++
date = "2016-12-{day:02d}"
title = "Entry {n}"
kind = "capture"
certainty = "reported"
sources = ["bench"]

[image]
file = "media/picture-{n}.jpg"
alt = "Picture {n}"
caption = "The caption of picture {n}."
+++
"""


def photograph(path: Path, seed: int, size: tuple[int, int] = (4000, 3000)) -> None:
    noise = Image.effect_noise(size, 30 + seed % 20)
    gradient, ring = Image.linear_gradient("L").resize(size), Image.radial_gradient("L").resize(size)
    Image.merge("RGB", (Image.blend(gradient, noise, 0.5), ring, noise)).save(path, quality=90)


def generate(content: Path, entries: int) -> None:
    (content / "sources").mkdir(parents=True)
    (content / "events").mkdir()
    (content / "media").mkdir()
    (content / "site.toml").write_text('title = "Pictures"\n', encoding="utf-8")
    (content / "sources" / "bench.md").write_text(SOURCE, encoding="utf-8")
    for n in range(entries):
        photograph(content / "media" / f"picture-{n}.jpg", n)
        (content / "events" / f"entry-{n}.md").write_text(EVENT.format(n=n, day=n % 28 + 1), encoding="utf-8")


def timed(*args: str) -> float:
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "generator", "build", *args], check=True, capture_output=True)
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--entries", type=int, default=20)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--keep", type=Path, help="generate the content here and keep it")
    options = parser.parse_args()
    folder = options.keep or Path(tempfile.mkdtemp(prefix="media-benchmark-"))
    content, output = folder / "content", folder / "output"
    try:
        if not content.exists():
            generate(content, options.entries)
        full = [timed(str(content), "-o", str(output), "--no-cache") for _ in range(options.runs)]
        timed(str(content), "-o", str(output))  # the cache's first build
        settings = []
        for run in range(options.runs):
            (content / "site.toml").write_text(f'title = "Pictures"\ndescription = "Run {run}"\n', encoding="utf-8")
            settings.append(timed(str(content), "-o", str(output)))
        unchanged = [timed(str(content), "-o", str(output)) for _ in range(options.runs)]
        print(f"{options.entries} entries, each with a 12-megapixel picture; medians of {options.runs}:")
        print(f"  full build, --no-cache:          {statistics.median(full):.2f} s")
        print(f"  build after a settings edit:     {statistics.median(settings):.2f} s (every page again, pictures linked)")
        print(f"  build after no change:           {statistics.median(unchanged):.2f} s")
    finally:
        if options.keep is None:
            shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
