"""What a reader sees of the Aleppo site, at a desktop's and a phone's width,
in light and dark colours: checked in Debian's chromium on the built pages."""

import pytest
from conftest import CHROMIUM

pytestmark = pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian's chromium (apt-get install chromium)")

SCREENS = {"desktop": {"width": 1366, "height": 900}, "phone": {"width": 390, "height": 844}}
VIEWS = [(screen, scheme) for screen in SCREENS for scheme in ("light", "dark")]


@pytest.fixture(params=VIEWS, ids=[f"{screen}-{scheme}" for screen, scheme in VIEWS])
def view(request, browser):
    screen, scheme = request.param
    context = browser.new_context(viewport=SCREENS[screen], color_scheme=scheme)
    page = context.new_page()
    page.screen = screen
    yield page
    context.close()


def test_every_inferred_date_says_so_in_its_label(view, aleppo_site):
    view.goto(aleppo_site.joinpath("index.html").as_uri())
    for entry in ("2016-12-12-us-leaders-slow-to-comment", "2016-12-12-sana-claims-opposition-shelling"):
        label = view.locator(f"#event-{entry} .entry-date .dated")
        label.scroll_into_view_if_needed()
        assert label.is_visible()
    assert view.locator("#event-2016-12-12-us-leaders-slow-to-comment .dated").inner_text() == "the day of the report"
    assert view.locator("#event-2016-12-12-sana-claims-opposition-shelling .dated").inner_text() == (
        "the article gives no date: by the day of the report")
    labels = view.locator("ol.timeline .entry-date .dated").all_text_contents()
    assert len(labels) == 19 and sum(label.startswith("the article says") for label in labels) == 9
