"""How the published site of a large archive holds up for its readers.

Generates the synthetic archive of build_benchmark.py (default 10,000
entries), builds it once, and reports the heaviest page of each kind
(target: no HTML page over 500 KB), then opens the heaviest timeline page in
Debian's chromium and times the filters: each change of a filter, from the
change event to the end of the script's work and the style and layout it
forces, median and worst of several changes (target: under 100 ms). The
archive's months are light, so it also times the filters on the fullest page
a timeline can have before it is split: index_page_size (300) entries.

    python benchmarks/site_benchmark.py [--entries 10000] [--changes 20]
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

from build_benchmark import generate

CHROMIUM = "/usr/bin/chromium"
FULL_PAGE = 300  # the default index_page_size: the most entries one timeline page holds
# One change of a filter as a reader makes it, timed in the page: the change
# event runs the script synchronously, then reading offsetHeight forces the
# style and layout the browser must do before it can paint the result.
TIME_CHANGE = """([name, value]) => {
  const select = document.querySelector(`form.filters select[name=${name}]`);
  const started = performance.now();
  select.value = value;
  select.dispatchEvent(new Event("change", {bubbles: true}));
  document.body.offsetHeight;
  return performance.now() - started;
}"""


def heaviest(output: Path) -> dict[str, tuple[int, str]]:
    by_kind: dict[str, tuple[int, str]] = defaultdict(lambda: (0, ""))
    for path in output.rglob("*"):
        if path.is_file() and path.suffix in (".html", ".xml", ".json"):
            relative = path.relative_to(output).as_posix()
            kind = relative.split("/")[0] if "/" in relative else relative
            by_kind[kind] = max(by_kind[kind], (path.stat().st_size, relative))
    return dict(sorted(by_kind.items(), key=lambda item: -item[1][0]))


def time_filters(page_path: Path, changes: int) -> list[float]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
        page = browser.new_page()
        page.goto(page_path.as_uri())
        options = page.evaluate("""() => Object.fromEntries([...document.querySelectorAll('form.filters select')]
            .map(s => [s.name, [...s.options].map(o => o.value)]))""")
        steps = []
        for n in range(changes):
            name = ["kind", "certainty", "place", "order"][n % 4]
            values = options[name]
            steps.append((name, values[(n // 4) % len(values)] if n % 2 == 0 else ""))
        times = [page.evaluate(TIME_CHANGE, step) for step in steps]
        browser.close()
    return times


def build(content: Path, output: Path) -> None:
    result = subprocess.run([sys.executable, "-m", "generator", "build", str(content), "-o", str(output)],
                            check=False, capture_output=True, text=True)
    if result.returncode:
        raise SystemExit(f"build failed:\n{result.stderr}")


def report_filters(page: Path, output: Path, changes: int) -> None:
    entries = page.read_text(encoding="utf-8").count("<article ")
    times = time_filters(page, changes)
    print(f"filters on {output.name}/{page.relative_to(output)} ({entries} entries, {page.stat().st_size / 1000:.0f} KB): "
          f"median {statistics.median(times):.1f} ms, max {max(times):.1f} ms over {len(times)} changes; target < 100 ms")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--entries", type=int, default=10_000)
    parser.add_argument("--changes", type=int, default=20)
    args = parser.parse_args()

    work = Path(tempfile.mkdtemp(prefix="timeline-site-bench-"))
    try:
        generate(work / "content", args.entries)
        output = work / "output"
        build(work / "content", output)
        print(f"entries: {args.entries}, files: {sum(1 for p in output.rglob('*') if p.is_file())}")
        print("heaviest file of each kind:")
        for size, path in heaviest(output).values():
            print(f"  {size / 1000:8.1f} KB  {path}")
        html = [(p.stat().st_size, p) for p in output.rglob("*.html")]
        biggest = max(html)
        print(f"heaviest HTML page: {biggest[0] / 1000:.1f} KB ({biggest[1].relative_to(output)}); target < 500 KB")
        timeline_pages = [(p.stat().st_size, p) for p in (output / "timeline").glob("*.html")] or [(0, output / "index.html")]
        _, page = max(timeline_pages)
        report_filters(page, output, args.changes)
        generate(work / "full-page", FULL_PAGE)
        build(work / "full-page", work / "full-page-output")
        report_filters(work / "full-page-output" / "index.html", work / "full-page-output", args.changes)
    finally:
        shutil.rmtree(work)


if __name__ == "__main__":
    main()
