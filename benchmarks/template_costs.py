"""What each template of the theme costs to render, for a large archive.

Generates the synthetic archive of build_benchmark.py (default 10,000
entries), loads and plans it as a build does, then renders every page in
this one process without writing anything, several times, and reports the
CPU time of each template's pages (the least of the runs), in total and per
page. Entries' bodies are rendered from Markdown once before the runs, as a
build does before its pages.

This is the templates' share of a build, apart from loading and the disk:
set against the floor of build_benchmark.py, it says how much room a theme
leaves for the rest.

    python benchmarks/template_costs.py [--entries 10000] [--runs 3] [--content DIR]
"""

from __future__ import annotations

import argparse
import tempfile
import time
from collections import Counter, defaultdict
from pathlib import Path

from build_benchmark import generate

from generator import content as loader
from generator.plan import plan_site
from generator.render import environment, render_bodies, render_page


def template_costs(content_dir: Path, runs: int) -> tuple[dict[str, float], Counter]:
    loaded, problems = loader.load(content_dir)
    if problems:
        raise SystemExit(f"the content has problems, first: {problems[0]}")
    plan = plan_site(loaded)
    env = environment(content_dir, loaded.site.theme)
    render_bodies(plan)
    pages = Counter(page.template for page in plan.pages)
    least: dict[str, float] = defaultdict(lambda: float("inf"))
    for _ in range(runs):
        spent: dict[str, float] = defaultdict(float)
        for page in plan.pages:
            started = time.process_time()
            render_page(env, plan, page)
            spent[page.template] += time.process_time() - started
        for template, seconds in spent.items():
            least[template] = min(least[template], seconds)
    return dict(least), pages


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--entries", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--content", type=Path, help="measure this content folder instead of a synthetic one")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        content_dir = args.content
        if content_dir is None:
            content_dir = Path(scratch) / "content"
            generate(content_dir, args.entries)
        costs, pages = template_costs(content_dir, args.runs)
    total = sum(costs.values())
    runs = "one run" if args.runs == 1 else f"least of {args.runs} runs"
    print(f"rendering {pages.total()} pages in one process, no writing, {runs}: {total:.2f} s of CPU")
    for template, seconds in sorted(costs.items(), key=lambda item: -item[1]):
        print(f"  {template:18} {seconds:6.2f} s  {pages[template]:6} pages  {seconds / pages[template] * 1e6:8.0f} µs a page")


if __name__ == "__main__":
    main()
