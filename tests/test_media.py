"""Media in entries: a picture, published in a few widths, and links to
videos and posts shown as cards that load nothing from another host until
the reader asks; what an editor writes, what a mistake says, what the build
writes, and what the TimelineJS data carries."""

import json
import os
import re

import pytest
from conftest import edit, picture, timeline, tree, write_media_site
from PIL import Image
from sitecheck import broken_links, external_requests, read_page

from generator import media
from generator.build import build
from generator.content import load
from generator.preview import Preview

EVENT = "events/withdrawal.md"


def problems_of(content_dir):
    loaded, problems = load(content_dir)
    assert loaded is None or not problems
    return [f"{p.path.name}:{p.line}: {p.message}" for p in problems]


@pytest.fixture
def content(tmp_path):
    return write_media_site(tmp_path / "content")


def test_an_entry_gives_its_picture_with_alt_text_caption_and_credit_and_its_links(content):
    loaded, problems = load(content)
    assert problems == []
    entry = loaded.events[1]
    image = entry.image
    assert (image.file, image.width, image.height, image.output) == ("media/old-town.jpg", 2000, 1200, "jpg")
    assert image.alt == "Rows of grey roofs under an orange evening sky"
    assert (image.caption, image.credit, image.line) == ("The old town on the evening of the withdrawal.", "Test picture", 12)
    video, post, page = entry.embeds
    assert (video.provider, video.kind, video.player) == ("YouTube", "video", "https://www.youtube-nocookie.com/embed/Ab3_x-9Yz0Q?autoplay=1")
    assert (video.title, video.description, video.credit) == ("The last convoy leaves the old town", "Video, two minutes, filmed from a rooftop.", "Abu Test")
    assert (post.provider, post.kind, post.player) == ("Mastodon", "post", "https://mastodon.example/@reporter/109876543210/embed")
    assert (page.provider, page.kind, page.player) == (None, "link", None)


def test_a_picture_taken_sideways_is_measured_upright(content):
    picture(content / "media" / "old-town.jpg", size=(2000, 1200), orientation=6)
    image = load(content)[0].events[1].image
    assert (image.width, image.height) == (1200, 2000)


@pytest.mark.parametrize("provider", media.PROVIDERS, ids=lambda p: p.name)
def test_each_providers_examples_give_its_player(provider):
    assert provider.examples
    for url, player in provider.examples:
        card = media.embed(url, "A title")
        assert (card.provider, card.player) == (provider.name, player)


@pytest.mark.parametrize("old, new, expected", [
    ('alt = "Rows of grey roofs under an orange evening sky"\n', "",
     "withdrawal.md:11: image: the image has no alt text: add alt = \"…\", saying what it shows, for readers who cannot see it"),
    ('alt = "Rows of grey roofs under an orange evening sky"', 'alt = "  "', "withdrawal.md:13: image: field 'alt' must be a string"),
    ('caption =', "captoin =", "withdrawal.md:14: image: unknown field 'captoin': did you mean 'caption'? (known: file, alt, caption, credit)"),
    ('file = "media/old-town.jpg"', 'file = "media/missing.jpg"', "withdrawal.md:12: cannot read the image 'media/missing.jpg': No such file or directory"),
    ('file = "media/old-town.jpg"', 'file = "../old-town.jpg"',
     "withdrawal.md:12: image file '../old-town.jpg' must be a path under media/ in the content folder, such as media/rubble.jpg"),
    ('file = "media/old-town.jpg"', 'file = "media/notes.txt"', "withdrawal.md:12: image file 'media/notes.txt' must be a JPEG, PNG, WebP or GIF (.jpg, .jpeg, .png, .webp, .gif)"),
    ('url = "https://example.org/statement"', 'url = "javascript:alert(1)"',
     "withdrawal.md:28: embed 3: url must be a web address starting with https:// or http://, not 'javascript:alert(1)'"),
    ('title = "A reporter\'s post from the old town"\n', "", "withdrawal.md:23: embed 2: missing required field 'title'"),
])
def test_a_mistake_in_an_entrys_media_names_its_file_and_line(content, old, new, expected):
    edit(content / EVENT, old, new)
    assert problems_of(content) == [expected]


def test_a_file_that_is_no_picture_names_the_entry_and_line(content):
    (content / "media" / "old-town.jpg").write_text("not a picture", encoding="utf-8")
    assert problems_of(content) == ["withdrawal.md:12: cannot read the image 'media/old-town.jpg': it is not a JPEG, PNG, WebP or GIF image"]


def test_a_picture_is_never_read_through_a_symbolic_link(content, tmp_path):
    elsewhere = picture(tmp_path / "elsewhere.jpg")
    (content / "media" / "old-town.jpg").unlink()
    (content / "media" / "old-town.jpg").symlink_to(elsewhere)
    assert problems_of(content) == ["withdrawal.md:12: image file 'media/old-town.jpg' is a symbolic link: put the file itself there"]


def test_a_picture_is_never_read_through_a_linked_folder(content, tmp_path):
    (content / "media").rename(tmp_path / "elsewhere")
    (content / "media").symlink_to(tmp_path / "elsewhere")
    assert problems_of(content) == ["withdrawal.md:12: media/ is a symbolic link: no image is read through a link"]


def test_a_build_with_a_missing_picture_says_so_in_one_line_and_leaves_the_output_as_it_was(content, tmp_path):
    output = tmp_path / "output"
    assert build(content, output).problems == []
    before = tree(output)
    (content / "media" / "old-town.jpg").unlink()
    result = timeline("build", str(content), "-o", str(output), cwd=tmp_path)
    assert result.returncode == 1
    assert result.stderr.splitlines()[0] == "content/events/withdrawal.md:12: cannot read the image 'media/old-town.jpg': No such file or directory"
    assert "Traceback" not in result.stderr
    assert tree(output) == before


def test_a_picture_that_breaks_off_is_found_when_resized_and_the_output_is_left_as_it_was(content, tmp_path):
    output = tmp_path / "output"
    assert build(content, output).problems == []
    before = tree(output)
    whole = (content / "media" / "old-town.jpg").read_bytes()
    (content / "media" / "old-town.jpg").write_bytes(whole[: len(whole) // 2])
    result = timeline("build", str(content), "-o", str(output), cwd=tmp_path)
    assert result.returncode == 1
    assert result.stderr.splitlines()[0].startswith("content/events/withdrawal.md:12: cannot resize the image 'media/old-town.jpg': ")
    assert tree(output) == before
    assert timeline("check", str(content), cwd=tmp_path).returncode == 1


def test_a_picture_is_published_in_three_widths_without_its_metadata(media_site):
    files = sorted((media_site / "media").iterdir())
    digest = files[0].name.rsplit("-", 1)[1].split(".")[0]
    assert [f.name for f in files] == [f"old-town-{w}-{digest}.jpg" for w in (1440, 480, 960)]
    for width in (480, 960, 1440):
        with Image.open(media_site / "media" / f"old-town-{width}-{digest}.jpg") as image:
            assert image.size == (width, round(1200 * width / 2000))
            assert not image.getexif() and "icc_profile" not in image.info and "exif" not in image.info


def test_a_small_picture_is_never_enlarged_and_a_transparent_one_stays_png(content, tmp_path):
    picture(content / "media" / "old-town.jpg", size=(300, 200))
    picture(content / "media" / "logo.png", size=(700, 700), alpha=True)
    edit(content / "events" / "siege.md", 'sources = ["example-times"]\n', 'sources = ["example-times"]\n[image]\nfile = "media/logo.png"\nalt = "A round mark"\n')
    output = tmp_path / "output"
    assert build(content, output).problems == []
    names = sorted(f.name.rsplit("-", 1)[0] + f.suffix for f in (output / "media").iterdir())
    assert names == ["logo-480.png", "logo-700.png", "old-town-300.jpg"]
    with Image.open(next((output / "media").glob("logo-700-*.png"))) as logo:
        assert logo.mode == "RGBA" and logo.size == (700, 700)


def test_the_entry_page_shows_the_picture_in_a_figure_with_srcset_size_and_lazy_loading(media_site):
    page = read_page(media_site / "events" / "withdrawal.html")
    img = next(attrs for tag, attrs in page.tags if tag == "img")
    renditions = sorted((media_site / "media").iterdir(), key=lambda f: int(f.name.split("-")[2]))
    assert img["srcset"] == ", ".join(f"../media/{f.name} {f.name.split('-')[2]}w" for f in renditions)
    assert img["src"] == f"../media/{renditions[1].name}"
    assert (img["width"], img["height"], img["loading"]) == ("1440", "864", "lazy")
    assert img["alt"] == "Rows of grey roofs under an orange evening sky"
    html = (media_site / "events" / "withdrawal.html").read_text(encoding="utf-8")
    assert "<figcaption>The old town on the evening of the withdrawal. <span class=\"credit\">Test picture</span></figcaption>" in html


def test_cards_link_to_the_original_and_no_page_requests_another_host(media_site):
    page = read_page(media_site / "events" / "withdrawal.html")
    assert {"https://www.youtube.com/watch?v=Ab3_x-9Yz0Q", "https://mastodon.example/@reporter/109876543210",
            "https://example.org/statement"} <= set(page.links)
    assert not [tag for tag, _ in page.tags if tag == "iframe"]
    assert external_requests(media_site) == []
    index = read_page(media_site / "index.html")
    assert "static/embeds.js" in index.fetches and "../static/embeds.js" in page.fetches


def test_the_same_content_builds_the_same_pictures_byte_for_byte(content, tmp_path):
    assert build(content, tmp_path / "one", cache=False).problems == []
    assert build(content, tmp_path / "two", cache=False).problems == []
    assert tree(tmp_path / "one") == tree(tmp_path / "two")


def _remove_picture(content):
    text = (content / EVENT).read_text(encoding="utf-8")
    (content / EVENT).write_text(text[:text.index("[image]")] + text[text.index("[[embeds]]"):], encoding="utf-8")


def _picture_for_the_siege(content):
    picture(content / "media" / "siege.jpg", size=(800, 600))
    edit(content / "events" / "siege.md", 'sources = ["example-times"]\n', 'sources = ["example-times"]\n[image]\nfile = "media/siege.jpg"\nalt = "A wall"\n')


MEDIA_EDITS = {
    "a new picture in the same file": lambda c: picture(c / "media" / "old-town.jpg", size=(1600, 900)),
    "the picture removed from its entry": _remove_picture,
    "a picture added to another entry": _picture_for_the_siege,
    "a caption edited": lambda c: edit(c / EVENT, "The old town on the evening", "The old town in the evening"),
    "a card's title edited": lambda c: edit(c / EVENT, "The last convoy leaves", "The last convoy has left"),
}


@pytest.mark.parametrize("change", list(MEDIA_EDITS))
def test_a_build_with_the_cache_writes_what_a_clean_build_writes_after_a_change_of_media(content, tmp_path, change):
    output = tmp_path / "output"
    assert build(content, output).problems == []
    MEDIA_EDITS[change](content)
    assert build(content, output).problems == []
    assert build(content, tmp_path / "clean", cache=False).problems == []
    assert tree(output) == tree(tmp_path / "clean")


@pytest.mark.parametrize("change", list(MEDIA_EDITS))
def test_the_preview_after_a_change_of_media_shows_what_a_full_build_writes(content, tmp_path, change):
    preview = Preview(content, tmp_path / "preview")
    assert preview.rebuild().problems == []
    before = tree(content)
    MEDIA_EDITS[change](content)
    after = tree(content)
    assert preview.rebuild({content / name for name in before.keys() | after.keys() if before.get(name) != after.get(name)}).problems == []
    assert build(content, tmp_path / "clean", cache=False).problems == []
    built = tree(tmp_path / "clean")
    del built[".timeline-output"]
    assert tree(tmp_path / "preview") == built


def test_the_timelinejs_data_carries_the_picture_and_a_link(content, tmp_path):
    edit(content / "site.toml", 'title = "Test timeline"', 'title = "Test timeline"\nbase_url = "https://example.org/t/"')
    edit(content / "events" / "siege.md", 'sources = ["example-times"]\n',
         'sources = ["example-times"]\n[[embeds]]\nurl = "https://vimeo.com/123456789"\ntitle = "The siege, filmed"\ncredit = "A <b>witness</b>"\n')
    output = tmp_path / "output"
    assert build(content, output).problems == []
    siege, withdrawal = json.loads((output / "timeline.json").read_text(encoding="utf-8"))["events"]
    assert siege["media"] == {"url": "https://vimeo.com/123456789", "caption": "The siege, filmed", "credit": "A &lt;b&gt;witness&lt;/b&gt;"}
    shown = withdrawal["media"]
    assert shown["url"].startswith("https://example.org/t/media/old-town-1440-") and shown["url"].endswith(".jpg")
    assert shown["thumbnail"].startswith("https://example.org/t/media/old-town-480-")
    assert (shown["alt"], shown["caption"], shown["credit"]) == (
        "Rows of grey roofs under an orange evening sky", "The old town on the evening of the withdrawal.", "Test picture")


def test_a_file_name_with_spaces_and_commas_is_escaped_in_srcset(content, tmp_path):
    os.rename(content / "media" / "old-town.jpg", content / "media" / "old town, evening.jpg")
    edit(content / EVENT, 'file = "media/old-town.jpg"', 'file = "media/old town, evening.jpg"')
    output = tmp_path / "output"
    assert build(content, output).problems == []
    img = next(attrs for tag, attrs in read_page(output / "events" / "withdrawal.html").tags if tag == "img")
    assert [part.split()[1] for part in img["srcset"].split(", ")] == ["480w", "960w", "1440w"]
    assert "%20" in img["src"] and "%2C" in img["src"]
    assert broken_links(output) == []


def test_a_card_loads_nothing_from_another_host_until_the_reader_presses_its_button(browser, media_site):
    context = browser.new_context(viewport={"width": 390, "height": 844})
    requests = []
    context.on("request", lambda r: requests.append(r.url))
    context.route(re.compile(r"^https?://"), lambda route: route.abort())  # recorded, never sent
    page = context.new_page()
    page.goto(media_site.joinpath("events", "withdrawal.html").as_uri())
    image = page.locator(".entry-image img")
    image.scroll_into_view_if_needed()
    page.wait_for_function("document.querySelector('.entry-image img').naturalWidth > 0")
    page.mouse.wheel(0, 5000)
    assert image.evaluate("i => i.currentSrc").rsplit("/", 1)[1].startswith("old-town-")
    assert [url for url in requests if not url.startswith("file://")] == []
    with page.expect_request("https://www.youtube-nocookie.com/**"):
        page.get_by_role("button", name="Play the video here").click()
    frame = page.locator("iframe.embed-frame")
    assert frame.get_attribute("src") == "https://www.youtube-nocookie.com/embed/Ab3_x-9Yz0Q?autoplay=1"
    assert frame.get_attribute("title") == "The last convoy leaves the old town"
    assert [url for url in requests if not url.startswith("file://")] == ["https://www.youtube-nocookie.com/embed/Ab3_x-9Yz0Q?autoplay=1"]
    assert page.get_by_role("button", name="Show the post here").is_visible()  # the other card still waits
    context.close()


def test_without_javascript_a_card_is_a_plain_link_to_the_original(browser, media_site):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(media_site.joinpath("events", "withdrawal.html").as_uri())
    assert page.get_by_role("button").count() == 0
    link = page.get_by_role("link", name="The last convoy leaves the old town")
    assert link.get_attribute("href") == "https://www.youtube.com/watch?v=Ab3_x-9Yz0Q"
    assert page.locator(".embed-card .embed-kind").all_inner_texts() == [
        "Video on YouTube", "Post on Mastodon (mastodon.example)", "Link to example.org"]
    context.close()


def test_a_full_build_reuses_the_pictures_it_left_but_never_one_changed_by_hand(content, tmp_path):
    output = tmp_path / "output"
    assert build(content, output).problems == []
    published = sorted((output / "media").iterdir())
    published[0].write_bytes(b"changed by hand")
    edit(content / "site.toml", 'title = "Test timeline"', 'title = "Test timeline"\ndescription = "Every page changes"')
    assert build(content, output).problems == []  # the settings changed: a full build
    assert build(content, tmp_path / "clean", cache=False).problems == []
    assert tree(output) == tree(tmp_path / "clean")
