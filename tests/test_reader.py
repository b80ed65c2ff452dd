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


PAGES = ["index.html", "about.html", "quotes.html", "sources/aleppo-daily-beast-2016-12-12.html",
         "events/2016-12-12-neighbourhoods-under-regime-control.html", "places/bustan-al-qasr.html", "browse.html", "404.html"]


def test_no_page_scrolls_sideways(view, aleppo_site):
    for path in PAGES:
        view.goto(aleppo_site.joinpath(path).as_uri())
        assert view.evaluate("document.documentElement.scrollWidth") <= view.viewport_size["width"], path


def test_the_first_screen_of_a_phone_shows_the_first_entry(view, aleppo_site):
    view.goto(aleppo_site.joinpath("index.html").as_uri())
    title = view.locator("ol.timeline .entry-title").first.bounding_box()
    assert title["y"] + title["height"] <= view.viewport_size["height"]
    assert not view.locator(".filters form").is_visible()  # behind one control
    view.locator(".filters summary").click()
    assert view.locator(".filters form").is_visible()
    options = view.locator("select[name=certainty] option").all_text_contents()
    assert options == ["Any certainty", "Reported (16)", "Claimed (2)", "Unconfirmed (1)"]  # none with no entry


def boxes(page, selector: str) -> list[dict]:
    return page.locator(selector).evaluate_all("es => es.map(e => { const r = e.getBoundingClientRect(); "
                                               "return {x: r.x, y: r.y, width: r.width, height: r.height}; })")


def overlap(a: dict, b: dict) -> bool:
    return (a["x"] < b["x"] + b["width"] and b["x"] < a["x"] + a["width"]
            and a["y"] < b["y"] + b["height"] and b["y"] < a["y"] + a["height"])


def test_the_overview_fills_the_column_with_labels_apart_and_marks_to_tap(view, aleppo_site):
    view.goto(aleppo_site.joinpath("index.html").as_uri())
    column = view.locator("main").evaluate("m => m.clientWidth")
    overview = view.locator(".ov").bounding_box()
    assert overview["width"] >= column - 2
    labels = boxes(view, ".ov-label")
    assert len(labels) == 7 and all(label["width"] > 0 for label in labels)
    assert not any(overlap(a, b) for n, a in enumerate(labels) for b in labels[n + 1:])
    assert all(float(s) >= 12 for s in view.locator(".ov-label").evaluate_all("ls => ls.map(l => getComputedStyle(l).fontSize.slice(0, -2))"))
    marks = boxes(view, ".ov-mark")
    assert len(marks) == 19 and all(m["width"] >= 24 and m["height"] >= 24 for m in marks)
    assert not any(overlap(a, b) for n, a in enumerate(marks) for b in marks[n + 1:])
    # Every mark stands over a label: its column's.
    for column_marks, label in zip(view.locator(".ov-col").evaluate_all("cs => cs.map(c => c.querySelectorAll('a').length)"), labels):
        assert column_marks >= 1 and label["height"] > 0


def test_the_focused_marks_entry_is_shown_in_words_without_hover(view, aleppo_site):
    view.goto(aleppo_site.joinpath("index.html").as_uri())
    view.locator(".site-header nav a").last.focus()
    for _ in range(20):
        view.keyboard.press("Tab")
        if view.evaluate("document.activeElement.classList.contains('ov-mark')"):
            break
    tip = view.locator(".ov-mark:focus .ov-tip")
    box = tip.bounding_box()
    assert tip.is_visible() and box["width"] > 200 and box["height"] > 16
    assert tip.inner_text().startswith("2009, the article says “in 2009”: Obama quotes the Quran")
    assert box["x"] >= 0 and box["x"] + box["width"] <= view.viewport_size["width"]


def test_no_badge_or_place_name_breaks_across_lines(view, aleppo_site):
    view.goto(aleppo_site.joinpath("index.html").as_uri())
    view.evaluate("document.querySelectorAll('.day').forEach(d => d.style.contentVisibility = 'visible')")
    lines = "es => es.map(e => e.getClientRects().length)"
    assert set(view.locator(".entry-meta .certainty").evaluate_all(lines)) == {1}
    assert set(view.locator(".entry-meta .places a").evaluate_all(lines)) == {1}


def test_each_quote_shows_its_speaker_and_marks_where_a_link_lands(view, aleppo_site):
    quote_ids = [p.stem for p in (aleppo_site / "quote").glob("*.html")]
    assert len(quote_ids) == 13
    for quote_id in quote_ids:
        for target in (f"quotes.html#quote-{quote_id}", f"quote/{quote_id}.html"):
            view.goto(aleppo_site.joinpath(target.split("#")[0]).as_uri() + target[len(target.split("#")[0]):])
            figure = view.locator(f"#quote-{quote_id}")
            speaker = figure.locator(".quote-speaker").bounding_box()
            assert 0 <= speaker["y"] and speaker["y"] + speaker["height"] <= view.viewport_size["height"], target
            words = figure.locator("blockquote").inner_text()
            assert words.startswith("“") and words.endswith("”"), target
            assert "Quoted by The Daily Beast, Monday 12 December 2016" in figure.locator(".quote-links").inner_text()
    view.goto(aleppo_site.joinpath("quote", "al-hamdo-doomsday.html").as_uri())
    assert view.locator("blockquote").inner_text() == "“Doomsday is held in Aleppo”"  # not “… Aleppo,”
    assert view.locator(".quote-by").inner_text() == "Abdulkafi Al-Hamdo, WhatsApp feed of the Aleppo Siege Media Center · on or before 12 Dec 2016"


def test_the_page_does_not_change_height_while_it_is_scrolled(view, aleppo_site):
    view.goto(aleppo_site.joinpath("index.html").as_uri())
    height = view.evaluate("document.documentElement.scrollHeight")
    for fraction in (0.25, 0.5, 0.75, 1):
        view.evaluate(f"window.scrollTo(0, {fraction} * document.documentElement.scrollHeight)")
        view.wait_for_timeout(50)
        assert view.evaluate("document.documentElement.scrollHeight") == height


def test_a_long_archive_overview_scrolls_inside_itself_not_the_page(browser, tmp_path):
    from build_benchmark import generate
    from conftest import write

    from generator.build import build

    generate(tmp_path / "content", 300)
    write(tmp_path / "content" / "site.toml", 'title = "Archive"\nindex_page_size = 10\n')
    assert build(tmp_path / "content", tmp_path / "output").problems == []
    context = browser.new_context(viewport=SCREENS["phone"])
    page = context.new_page()
    page.goto((tmp_path / "output" / "index.html").as_uri())
    assert page.locator(".ov-mark").count() > 30
    assert all(m["width"] >= 24 and m["height"] >= 24 for m in boxes(page, ".ov-mark"))  # a bar's link, however short the bar
    assert page.evaluate("document.documentElement.scrollWidth") == 390
    labels = boxes(page, ".ov-label")
    assert not any(overlap(a, b) for n, a in enumerate(labels) for b in labels[n + 1:])
    context.close()


def test_an_entry_several_sources_tell_shows_them_and_where_they_differ(view, many_sources_site):
    view.goto(many_sources_site.joinpath("index.html").as_uri())
    mark = view.locator(".ov-mark.differ")
    box = mark.bounding_box()
    assert box["width"] >= 24 and box["height"] >= 24
    assert mark.evaluate("m => getComputedStyle(m).boxShadow") != "none"  # the red ring
    assert mark.locator(".ov-tip").text_content().endswith("(Confirmed; accounts differ)")
    assert "ringed in red: the sources’ accounts differ" in view.locator(".ov-key").inner_text()
    meta = view.locator("#event-harbour .entry-meta")
    assert meta.locator(".source-count").inner_text() == "3 sources"
    assert meta.locator(".differ-mark").inner_text() == "Accounts differ"
    lines = "es => es.map(e => e.getClientRects().length)"
    assert set(meta.locator(".certainty, .source-count, .differ-mark").evaluate_all(lines)) == {1}
    view.goto(many_sources_site.joinpath("events", "harbour.html").as_uri())
    accounts = view.locator("figure.account figcaption").all_inner_texts()
    assert [a.split(",")[0].removeprefix("DRAFT ").removeprefix("Draft ") for a in accounts] == [
        "The Daily Planet", "Northern Courier", "Radio Eastport"]
    assert "the article says “Monday”" in accounts[1] and "Proposed by the draft" in accounts[2]
    assert view.locator(".accounts-differ").inner_text().startswith("Accounts differ")
    assert "1 draft is shown" in view.locator(".draft-banner").inner_text()  # the draft that adds Radio Eastport
    view.goto(many_sources_site.joinpath("sources", "courier.html").as_uri())
    assert view.locator("#passage-harbour + .cited-by").get_attribute("href") == "../events/harbour.html"
    view.goto(many_sources_site.joinpath("about.html").as_uri())
    assert "The Daily Planet, 2019-03-12, and 2 other sources with their own words on the entry’s page" in view.locator(".method").inner_text()
    for path in ("index.html", "events/harbour.html", "sources/courier.html", "about.html"):
        view.goto(many_sources_site.joinpath(path).as_uri())
        assert view.evaluate("document.documentElement.scrollWidth") <= view.viewport_size["width"], path


def test_an_entrys_picture_keeps_its_box_and_its_cards_fit_the_screen(view, media_site):
    view.goto(media_site.joinpath("events", "withdrawal.html").as_uri())
    image = view.locator(".entry-image img")
    box = image.bounding_box()  # before the picture loads (it is lazy): the box its width and height keep
    assert box["width"] > 0 and abs(box["height"] - box["width"] * 1200 / 2000) < 1.5
    assert image.get_attribute("alt") == "Rows of grey roofs under an orange evening sky"
    assert view.get_by_role("button", name="Play the video here").is_visible()
    for card in view.locator(".embed-card").all():
        card_box = card.bounding_box()
        assert card_box["x"] >= 0 and card_box["x"] + card_box["width"] <= view.viewport_size["width"]
    for path in ("events/withdrawal.html", "index.html"):
        view.goto(media_site.joinpath(path).as_uri())
        assert view.evaluate("document.documentElement.scrollWidth") <= view.viewport_size["width"], path
