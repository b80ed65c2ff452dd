"""Save-to-repaint time of `timeline serve`, with the real server and a real browser.

For the Aleppo site and for a synthetic archive of N entries (default 10,000,
made as in build_benchmark.py), it starts `timeline serve` on a free port,
opens one entry's page in Debian's chromium, then saves a new title for that
entry several times and measures, for each save, the time from the write to
the first paint of the reloaded page that shows the new title (the browser's
own paint timing, on the same clock as the write). Targets: median under
0.3 s for the Aleppo site; under 1 s for the archive.

    python benchmarks/serve_benchmark.py [--saves 9] [--entries 10000]
"""

from __future__ import annotations

import argparse
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from build_benchmark import generate
from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run"]

# When the page was first painted, in ms since the epoch.
PAINTED = """() => {
  const paint = performance.getEntriesByName('first-contentful-paint')[0];
  return performance.timeOrigin + (paint ? paint.startTime : performance.now());
}"""


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start(content: Path, port: int) -> subprocess.Popen:
    server = subprocess.Popen(
        [sys.executable, "-m", "generator", "serve", str(content), "--port", str(port)],
        cwd=ROOT, stdout=subprocess.PIPE, text=True,
    )
    for line in server.stdout:
        if "serving the preview" in line:
            return server
    raise SystemExit(f"the preview did not start (exit {server.wait()})")


def save_to_repaint(browser, content: Path, entry: Path, saves: int) -> list[float]:
    port = free_port()
    server = start(content, port)
    try:
        page = browser.new_page()
        sent = []
        page.on("websocket", lambda ws: ws.on("framesent", lambda frame: sent.append(frame)))
        page.goto(f"http://127.0.0.1:{port}/events/{entry.stem}.html")
        while not any('"info"' in str(frame) for frame in sent):
            page.wait_for_timeout(10)
        original = entry.read_text(encoding="utf-8")
        times = []
        for number in range(saves):
            title = f"Saved title number {number}"
            text = re.sub(r'^title = ".*"$', f'title = "{title}"', original, count=1, flags=re.MULTILINE)
            started = time.time()
            entry.write_text(text, encoding="utf-8")
            page.wait_for_function(
                "t => { const h = document.querySelector('h1'); return h && h.textContent.includes(t); }",
                arg=title, polling="raf", timeout=30_000,
            )
            painted = page.evaluate(PAINTED)
            times.append(painted / 1000 - started)
            time.sleep(0.5)
        page.close()
        return times
    finally:
        server.send_signal(signal.SIGINT)
        server.wait(timeout=30)


def report(name: str, times: list[float], target: float) -> None:
    median = statistics.median(times)
    print(f"{name}: save-to-repaint median {median * 1000:.0f} ms over {len(times)} saves "
          f"(min {min(times) * 1000:.0f}, max {max(times) * 1000:.0f}); target < {target * 1000:.0f} ms: "
          f"{'met' if median < target else 'NOT met'}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--saves", type=int, default=9)
    parser.add_argument("--entries", type=int, default=10_000)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="serve-benchmark-"))
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
            aleppo = work / "aleppo" / "content"
            shutil.copytree(ROOT / "content", aleppo)
            entry = aleppo / "events" / "2016-12-12-regime-captures-eastern-aleppo.md"
            report("Aleppo site", save_to_repaint(browser, aleppo, entry, args.saves), 0.3)
            archive = work / "archive" / "content"
            generate(archive, args.entries)
            entries = sorted((archive / "events").rglob("*.md"))
            name = f"{args.entries:,} entries"
            report(name, save_to_repaint(browser, archive, entries[len(entries) // 2], args.saves), 1.0)
            browser.close()
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
