"""The built Aleppo site in a real browser: Debian's chromium, driven by Playwright."""

from pathlib import Path

import pytest
from conftest import ROOT, timeline

CHROMIUM = Path("/usr/bin/chromium")
pytestmark = pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian's chromium (apt-get install chromium)")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run"]


@pytest.fixture(scope="module")
def output(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("browser") / "output"
    assert timeline("build", str(ROOT / "content"), "-o", str(out), cwd=ROOT).returncode == 0
    return out


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield browser
        browser.close()


def test_from_an_entry_to_its_quote_to_its_marked_passage_one_click_each(browser, output):
    page = browser.new_page()
    requests = []
    page.on("request", lambda r: requests.append(r.url))
    page.goto(output.joinpath("index.html").as_uri())
    entry = page.locator("#event-2016-w49-we-kerry-a-little-grace")
    entry.get_by_role("link", name="“a little grace”", exact=True).click()
    assert page.url.endswith("quotes.html#quote-kerry-a-little-grace")
    quote = page.locator("#quote-kerry-a-little-grace")
    assert quote.is_visible() and "a little grace" in quote.inner_text()
    quote.get_by_role("link", name="In the article").click()
    assert page.url.endswith("sources/aleppo-daily-beast-2016-12-12.html#quote-kerry-a-little-grace")
    mark = page.locator("mark:target")
    assert mark.inner_text() == "a little grace"
    assert mark.evaluate("m => { const r = m.getBoundingClientRect(); return r.top >= 0 && r.bottom <= innerHeight; }")
    assert all(url.startswith("file://") for url in requests), requests
    page.close()


def test_a_quote_running_over_paragraphs_is_marked_from_its_first_words(browser, output):
    page = browser.new_page()
    page.goto(output.joinpath("sources", "aleppo-daily-beast-2016-12-12.html").as_uri() + "#quote-al-shamy-genocide")
    target = page.locator("mark:target")
    assert target.inner_text().startswith("To everyone who can hear me.")
    assert page.locator("mark.quote.continued").first.inner_text().startswith("According to activists")
    page.close()


def test_the_timeline_reads_in_order_without_javascript(browser, output):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(output.joinpath("index.html").as_uri())
    dates = page.locator("ol.timeline article time").evaluate_all("ts => ts.map(t => t.getAttribute('datetime'))")
    assert len(dates) == 19
    assert dates[0] == "2009" and dates[-1] == "2016-12-12"
    assert page.locator("ol.timeline").get_by_text("Claimed by SANA, the official Syrian news agency").is_visible()
    context.close()
