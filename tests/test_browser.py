"""The built Aleppo site in a real browser: Debian's chromium, driven by Playwright
(the browser and the built site are fixtures in conftest.py)."""

import shutil

import pytest
from conftest import CHROMIUM

pytestmark = pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian's chromium (apt-get install chromium)")


def test_from_an_entry_to_its_quote_to_its_marked_passage_one_click_each(browser, aleppo_site):
    page = browser.new_page()
    requests = []
    page.on("request", lambda r: requests.append(r.url))
    page.goto(aleppo_site.joinpath("index.html").as_uri())
    entry = page.locator("#event-2016-w49-we-kerry-a-little-grace")
    entry.get_by_role("link", name="“a little grace”", exact=True).click()
    assert page.url.endswith("quote/kerry-a-little-grace.html")
    quote = page.locator("#quote-kerry-a-little-grace")
    assert quote.is_visible() and "“a little grace”" in quote.inner_text()
    quote.get_by_role("link", name="in the article").click()
    assert page.url.endswith("sources/aleppo-daily-beast-2016-12-12.html#quote-kerry-a-little-grace")
    mark = page.locator("mark:target")
    assert mark.inner_text() == "a little grace"
    assert mark.evaluate("m => { const r = m.getBoundingClientRect(); return r.top >= 0 && r.bottom <= innerHeight; }")
    assert all(url.startswith("file://") for url in requests), requests
    page.close()


def test_a_quote_running_over_paragraphs_is_marked_from_its_first_words(browser, aleppo_site):
    page = browser.new_page()
    page.goto(aleppo_site.joinpath("sources", "aleppo-daily-beast-2016-12-12.html").as_uri() + "#quote-al-shamy-genocide")
    target = page.locator("mark:target")
    assert target.inner_text().startswith("To everyone who can hear me.")
    assert page.locator("mark.quote.continued").first.inner_text().startswith("According to activists")
    page.close()


def test_the_timeline_reads_in_order_without_javascript(browser, aleppo_site):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(aleppo_site.joinpath("index.html").as_uri())
    dates = page.locator("ol.timeline article time").evaluate_all("ts => ts.map(t => t.getAttribute('datetime'))")
    assert len(dates) == 19
    assert dates[0] == "2009" and dates[-1] == "2016-12-12"
    assert page.locator("ol.timeline").get_by_text("Claimed by SANA, the official Syrian news agency").is_visible()
    context.close()


def open_filters(page):
    """The filters sit behind one control, closed until a reader opens it."""
    page.locator("details.filters summary").click()


def visible_entries(page) -> list[str]:
    return page.locator("ol.timeline article:visible").evaluate_all("as => as.map(a => a.id.slice(6))")


def test_each_filter_narrows_the_timeline_and_the_overview(browser, aleppo_site):
    page = browser.new_page()
    page.goto(aleppo_site.joinpath("index.html").as_uri())
    open_filters(page)
    form = page.get_by_role("form", name="Filter the timeline")
    form.get_by_label("Kind").select_option("capture")
    captures = visible_entries(page)
    assert captures == ["2016-03-isis-loses-palmyra", "2016-w49-isis-retakes-palmyra",
                        "2016-12-12-regime-captures-eastern-aleppo", "2016-12-12-neighbourhoods-under-regime-control"]
    assert page.get_by_role("status").inner_text() == "Showing 4 of 19 entries."
    assert page.locator(".overview a:visible").count() == 4
    form.get_by_label("Place").select_option(label="Palmyra")
    assert visible_entries(page) == ["2016-03-isis-loses-palmyra", "2016-w49-isis-retakes-palmyra"]
    assert [" ".join(t.split()) for t in page.locator("li.day:visible h2").all_text_contents()] == ["March 2016", "Week of 5–11 Dec 2016"]
    form.get_by_label("Kind").select_option("")
    form.get_by_label("Place").select_option("")
    form.get_by_label("Certainty").select_option("claimed")
    assert visible_entries(page) == ["2016-12-12-sana-claims-opposition-shelling",
                                     "2016-12-12-activists-report-180-field-executions"]
    # textContent, not innerText: a day off screen is not rendered (content-visibility: auto).
    assert [" ".join(t.split()) for t in page.locator("ol.timeline article:visible .certainty").all_text_contents()] == [
        "Claimed by SANA, the official Syrian news agency", "Claimed by activists, as cited by Lina al-Shamy"]
    page.close()


def test_newest_first_reverses_days_and_the_entries_within_them(browser, aleppo_site):
    page = browser.new_page()
    page.goto(aleppo_site.joinpath("index.html").as_uri())
    open_filters(page)
    oldest_first = visible_entries(page)
    page.get_by_label("Order").select_option("newest")
    assert visible_entries(page) == oldest_first[::-1]
    page.get_by_label("Order").select_option("")
    assert visible_entries(page) == oldest_first
    page.close()


def test_a_filtered_view_is_kept_in_the_address_and_survives_a_reload_and_a_share(browser, aleppo_site):
    page = browser.new_page()
    page.goto(aleppo_site.joinpath("index.html").as_uri())
    open_filters(page)
    page.get_by_label("Kind").select_option("capture")
    page.get_by_label("Order").select_option("newest")
    assert page.url.endswith("index.html?kind=capture&order=newest")
    page.reload()
    assert page.locator("details.filters").evaluate("d => d.open")  # a filtered view shows its filters
    assert page.get_by_label("Kind").input_value() == "capture"
    assert visible_entries(page)[0] == "2016-12-12-neighbourhoods-under-regime-control"
    shared = browser.new_page()
    shared.goto(page.url)
    assert visible_entries(shared) == visible_entries(page)
    shared.close()
    page.close()


def test_without_javascript_there_are_no_dead_controls(browser, aleppo_site):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(aleppo_site.joinpath("index.html").as_uri() + "?kind=capture")
    assert not page.locator(".filters").is_visible()
    assert len(visible_entries(page)) == 19
    page.locator(".overview a").first.click()
    assert page.url.endswith("#event-2009-obama-cairo-speech")
    context.close()


def test_every_control_is_reached_by_keyboard_and_shows_its_focus(browser, aleppo_site):
    page = browser.new_page()
    page.goto(aleppo_site.joinpath("index.html").as_uri())
    page.locator("details.filters").evaluate("d => d.open = true")
    page.keyboard.press("Tab")
    skip = page.locator(":focus")
    assert skip.inner_text() == "Skip to content" and skip.is_visible()
    reached = set()
    for _ in range(40):
        page.keyboard.press("Tab")
        focused = page.locator(":focus")
        reached.add(focused.evaluate("e => e.getAttribute('name') || e.tagName"))
        assert focused.evaluate("e => getComputedStyle(e).outlineStyle !== 'none' || e.closest('svg') !== null")
    assert {"kind", "place", "certainty", "order"} <= reached


def test_print_leaves_out_the_controls_and_keeps_every_entry(browser, aleppo_site):
    page = browser.new_page()
    page.goto(aleppo_site.joinpath("index.html").as_uri())
    page.emulate_media(media="print")
    assert not page.locator(".filters").is_visible() and not page.locator(".overview").is_visible()
    assert page.locator("ol.timeline article:visible").count() == 19
    assert page.locator(".day-heading").first.evaluate("h => getComputedStyle(h).position") == "static"
    page.close()


def test_a_reader_who_asks_for_less_motion_gets_none(browser, aleppo_site):
    target = aleppo_site.joinpath("sources", "aleppo-daily-beast-2016-12-12.html").as_uri() + "#quote-kerry-a-little-grace"
    animation = "m => getComputedStyle(m).animationName"
    for motion, expected in (("no-preference", "landed"), ("reduce", "none")):
        context = browser.new_context(reduced_motion=motion)
        page = context.new_page()
        page.goto(target)
        assert page.locator("mark:target").evaluate(animation) == expected
        context.close()


def test_dark_mode_follows_the_readers_setting(browser, aleppo_site):
    colours = {}
    for scheme in ("light", "dark"):
        context = browser.new_context(color_scheme=scheme)
        page = context.new_page()
        page.goto(aleppo_site.joinpath("index.html").as_uri())
        colours[scheme] = page.evaluate("getComputedStyle(document.body).backgroundColor")
        context.close()
    assert colours["light"] != colours["dark"]


def test_the_embed_snippet_shows_the_timeline_in_another_page_and_opens_entries_in_it(browser, aleppo_site, tmp_path):
    site = tmp_path / "site"
    shutil.copytree(aleppo_site, site)
    page = browser.new_page()
    page.goto((site / "about.html").as_uri())
    snippet = page.locator("#embed ~ pre code").inner_text()  # what a reader copies
    (site / "host.html").write_text(f"<!doctype html><title>A newsroom's page</title><h1>Our story</h1>{snippet}", encoding="utf-8")
    page.goto((site / "host.html").as_uri())
    frame = page.frame_locator("iframe")
    first = frame.locator(".embed-list a").first
    title = first.inner_text()
    first.click()
    page.wait_for_url("**/events/*.html")
    assert page.locator("h1").inner_text() == title
    page.close()


def test_an_entry_known_only_by_a_date_has_a_mark_of_its_own_shape_and_a_legend(browser, on_or_before_site):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(on_or_before_site.joinpath("index.html").as_uri())
    mines, withdrawal = (page.locator(f'.overview a[href="#event-{entry}"]') for entry in ("mines", "withdrawal"))
    assert mines.get_attribute("class") == "ov-mark on-or-before unconfirmed"
    assert mines.text_content() == (
        "on or before 12 Dec 2016, the article gives no date: by the day of the report: Mines were laid in the old town (Unconfirmed)")
    # A triangle pointing back, not a dot of another colour: it is told apart in grey too.
    shape = "m => getComputedStyle(m, '::before').clipPath"
    assert mines.evaluate(shape).startswith("path(") and withdrawal.evaluate(shape) == "none"
    triangle, dot = mines.bounding_box(), withdrawal.bounding_box()
    assert abs(triangle["x"] - dot["x"]) < 1  # in the day's own column
    assert triangle["y"] + triangle["height"] <= dot["y"]  # stacked above the day's own entries
    legend = page.locator(".overview figcaption .ov-key")
    assert legend.is_visible() and "on or before" in legend.inner_text()
    assert page.locator("#event-mines .dated").inner_text() == "the article gives no date: by the day of the report"
    mines.click()
    assert page.url.endswith("#event-mines")
    context.close()
