"""Screenshots of the default site at desktop and phone width, shown in the
README, made by the suite's own browser so they always show the current theme."""

from conftest import ROOT

SHOTS = ROOT / "docs" / "screenshots"
SIZES = {"desktop": {"width": 1366, "height": 900}, "phone": {"width": 390, "height": 844}}


def test_screenshots_of_the_timeline_at_desktop_and_phone_width(browser, aleppo_site):
    SHOTS.mkdir(parents=True, exist_ok=True)
    for name, viewport in SIZES.items():
        context = browser.new_context(viewport=viewport, device_scale_factor=1, color_scheme="light")
        page = context.new_page()
        page.goto(aleppo_site.joinpath("index.html").as_uri())
        picture = page.screenshot()
        context.close()
        assert picture.startswith(b"\x89PNG") and len(picture) > 10_000
        target = SHOTS / f"{name}.png"
        if not target.is_file() or target.read_bytes() != picture:  # no churn when nothing changed
            target.write_bytes(picture)
