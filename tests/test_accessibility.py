"""Every kind of page the site has, scanned by axe-core in Debian's chromium, in
light and dark colours: zero violations. Accessibility is correctness."""

from pathlib import Path

import pytest

ALEPPO_PAGES = [
    "index.html", "events/2016-12-12-sana-claims-opposition-shelling.html", "quotes.html",
    "sources/aleppo-daily-beast-2016-12-12.html", "sources.html", "kinds/capture.html", "places/palmyra.html",
    "people/abdulkafi-al-hamdo.html", "browse.html", "about.html", "embed.html", "404.html",
]


@pytest.fixture(scope="module")
def axe():
    from axe_playwright_python.sync_playwright import Axe

    return Axe()


def violations(browser, axe, pages: list[Path]) -> list[str]:
    found = []
    for scheme in ("light", "dark"):
        context = browser.new_context(color_scheme=scheme)
        page = context.new_page()
        for path in pages:
            page.goto(path.as_uri())
            for v in axe.run(page).response["violations"]:
                found.append(f"{scheme} {path.name}: {v['id']} {[n['target'] for n in v['nodes']]}")
        context.close()
    return found


def test_every_page_of_the_aleppo_site_has_no_axe_violations(browser, axe, aleppo_site):
    assert violations(browser, axe, [aleppo_site / p for p in ALEPPO_PAGES]) == []


def test_the_pages_of_a_split_timeline_have_no_axe_violations(browser, axe, split_site):
    pages = [split_site / "index.html", split_site / "timeline" / "2016-12.html", split_site / "sources" / "example-times.html"]
    assert violations(browser, axe, pages) == []


def test_the_filters_in_use_have_no_axe_violations(browser, axe, aleppo_site):
    context = browser.new_context()
    page = context.new_page()
    page.goto(aleppo_site.joinpath("index.html").as_uri() + "?certainty=claimed&order=newest")
    assert page.locator("ol.timeline article:visible").count() == 2
    assert axe.run(page).response["violations"] == []
    context.close()


def test_the_pages_of_entries_known_only_by_a_date_have_no_axe_violations(browser, axe, on_or_before_site):
    pages = ["index.html", "events/mines.html", "events/talks.html", "kinds/bombing.html", "about.html", "embed.html"]
    assert violations(browser, axe, [on_or_before_site / p for p in pages]) == []


def test_the_pages_of_an_entry_several_sources_tell_have_no_axe_violations(browser, axe, many_sources_site):
    pages = ["index.html", "events/harbour.html", "sources/planet.html", "sources/radio.html", "about.html"]
    assert violations(browser, axe, [many_sources_site / p for p in pages]) == []


def test_pages_built_with_drafts_have_no_axe_violations(browser, axe, site, tmp_path):
    from generator.build import build

    for path in (site / "events" / "siege.md", site / "quotes" / "nothing-left.md"):
        path.write_text(path.read_text(encoding="utf-8").replace("+++\n", "+++\ndraft = true\n", 1), encoding="utf-8")
    output = tmp_path / "drafts"
    assert build(site, output, drafts=True).problems == []
    pages = [output / "index.html", output / "events" / "siege.html", output / "quote" / "nothing-left.html"]
    assert violations(browser, axe, pages) == []


def test_the_pages_of_an_entry_with_a_picture_and_cards_have_no_axe_violations(browser, axe, media_site):
    assert violations(browser, axe, [media_site / "index.html", media_site / "events" / "withdrawal.html"]) == []
