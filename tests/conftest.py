"""Small sites written by the tests themselves, and a way to run the real CLI."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from contextlib import contextmanager
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))  # tests build synthetic archives with its generator

SOURCE = """+++
title = "Rebels withdraw"
outlet = "The Example Times"
published = 2016-12-12
+++
The rebels withdrew on Monday from the old town.

“We are leaving,” said Abu Test. “There is nothing left
to defend here.”
"""

QUOTE = """+++
speaker = "Abu Test"
channel = "interview"
source = "example-times"
+++
There is nothing left to defend here.
"""

EVENT = """+++
date = "Monday"
title = "Rebels withdraw from the old town"
kind = "capture"
certainty = "reported"
places = ["Old Town"]
sources = ["example-times"]
quotes = ["nothing-left"]
passage = "The rebels withdrew on Monday from the old town."
+++
They left *before dawn*.
"""

OLDER_EVENT = """+++
date = "last March"
title = "The siege begins"
kind = "bombing"
certainty = "claimed"
according_to = "the army"
sources = ["example-times"]
+++
"""


# The compiled rules the commands keep (generator/patterncache.py) go to a
# folder of the test run's own, not to the user's cache: chosen here, before
# any test module is imported (some load the rules as they are).
PATTERN_CACHE = Path(tempfile.mkdtemp(prefix="timeline-tests-patterns-"))
os.environ["TIMELINE_CACHE_DIR"] = str(PATTERN_CACHE)


@pytest.fixture(scope="session", autouse=True)
def pattern_cache():
    yield PATTERN_CACHE
    shutil.rmtree(PATTERN_CACHE, ignore_errors=True)


@pytest.fixture
def site(tmp_path: Path) -> Path:
    """A two-entry site: returns its content folder (tmp/content)."""
    return write_site(tmp_path / "content")


def write_site(content: Path) -> Path:
    write(content / "site.toml", 'title = "Test timeline"\nlanguage = "en"\n')
    write(content / "sources" / "example-times.md", SOURCE)
    write(content / "quotes" / "nothing-left.md", QUOTE)
    write(content / "events" / "withdrawal.md", EVENT)
    write(content / "events" / "siege.md", OLDER_EVENT)
    return content


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def timeline(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    """The real command, as a user runs it."""
    return subprocess.run(
        [sys.executable, "-m", "generator", *args], cwd=cwd, capture_output=True, text=True, timeout=120
    )


def unprivileged(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    """The real command, without the power to read or write what permissions
    forbid: as root (as CI runs), with that capability dropped."""
    prefix = []
    if os.geteuid() == 0:
        if not Path("/usr/bin/setpriv").exists():
            pytest.skip("needs setpriv (util-linux) to drop root's power over permissions")
        prefix = ["/usr/bin/setpriv", "--bounding-set=-dac_override,-dac_read_search", "--"]
    return subprocess.run([*prefix, sys.executable, "-m", "generator", *args], cwd=cwd,
                          capture_output=True, text=True, timeout=120)


@contextmanager
def mounted(folder: Path, size: str = "64m"):
    """A file system of its own (tmpfs) at `folder`, as a container's volume
    is; skips the test where this process may not mount."""
    folder.mkdir(parents=True, exist_ok=True)
    result = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(folder)], capture_output=True)
    if result.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {result.stderr.decode().strip()}")
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], check=True)


def edit(path: Path, old: str, new: str) -> None:
    """Make an editor's change: replace the first `old` in the file, which must be there."""
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} is not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run"]


@pytest.fixture
def split_site(site: Path, tmp_path: Path) -> Path:
    """The two-entry site built as a timeline split into periods, with a
    base_url and a source that has an address: returns its output."""
    from generator.build import build

    write(site / "site.toml", 'title = "Test timeline"\nindex_page_size = 1\nbase_url = "https://example.org/t/"\n')
    edit(site / "sources" / "example-times.md", 'outlet = "The Example Times"', 'outlet = "The Example Times"\nurl = "https://example.org/a"')
    output = tmp_path / "output"
    assert build(site, output).problems == []
    return output


# Entries the article does not date: known only to have happened by a date.
ON_OR_BEFORE_EVENTS = {
    "mines": """+++
date = "by 2016-12-12"
title = "Mines were laid in the old town"
kind = "bombing"
certainty = "unconfirmed"
sources = ["example-times"]
+++
""",
    "talks": """+++
date = "by Monday"
title = "Talks broke down"
kind = "political-reaction"
certainty = "reported"
sources = ["example-times"]
+++
""",
    "blockade": """+++
date = "by 2016-11"
title = "The blockade closed the last road"
kind = "bombing"
certainty = "reported"
sources = ["example-times"]
+++
""",
}


@pytest.fixture
def on_or_before_site(tmp_path: Path) -> Path:
    """The two-entry site with three entries known only to have happened by
    a date (two by the day of the report, one by a month), built beside the
    other sites a test may build: returns its output."""
    from generator.build import build

    content = write_site(tmp_path / "on-or-before" / "content")
    for name, text in ON_OR_BEFORE_EVENTS.items():
        write(content / "events" / f"{name}.md", text)
    output = content.parent / "output"
    assert build(content, output).problems == []
    return output


# One happening told by three outlets, whose tolls differ; the third's
# passage proposed by a draft that extends the entry.
MANY_SOURCES = {
    "sources/planet.md": """+++
title = "Army takes the harbour"
outlet = "The Daily Planet"
published = 2019-03-12
url = "https://planet.example/harbour"
+++
Government troops captured the harbour district on Monday. At least 40 civilians were killed, doctors said.
""",
    "sources/courier.md": """+++
title = "Harbour falls"
outlet = "Northern Courier"
published = 2019-03-13
+++
Government forces took the harbour district on Monday; 65 civilians died, according to the city's doctors.
""",
    "sources/radio.md": """+++
title = "Eastport"
outlet = "Radio Eastport"
published = 2019-03-12
+++
Soldiers captured the harbour district on Monday.
""",
    "events/harbour.md": """+++
date = "Monday"
title = "Government troops capture the harbour district"
kind = "capture"
certainty = "confirmed"
sources = ["planet", "courier"]
passage = "Government troops captured the harbour district on Monday. At least 40 civilians were killed, doctors said."
accounts_differ = "The numbers differ: The Daily Planet: 40 civilians; Northern Courier: 65 civilians."
merged_because = "Northern Courier tells the same happening: the dates agree."

[[accounts]]
source = "courier"
passage = "Government forces took the harbour district on Monday; 65 civilians died"
date = "Monday"
certainty = "claimed"
according_to = "the city's doctors"
+++
""",
    "events/harbour-from-radio.md": """+++
extends = "harbour"
sources = ["radio"]
passage = "Soldiers captured the harbour district on Monday."
date = "Monday"
draft = true
+++
""",
}


@pytest.fixture
def many_sources_site(tmp_path: Path) -> Path:
    """An entry three outlets tell, one by a draft extending it, built with
    drafts: returns its output."""
    from generator.build import build

    content = tmp_path / "many" / "content"
    write(content / "site.toml", 'title = "Eastport"\nlanguage = "en"\n')
    for name, text in MANY_SOURCES.items():
        write(content / name, text)
    output = content.parent / "output"
    assert build(content, output, drafts=True).problems == []
    return output


# An entry with a picture and three links: a video, a post, and a page no
# provider knows. The picture is made by the tests (see `picture`).
MEDIA_TABLES = """
[image]
file = "media/old-town.jpg"
alt = "Rows of grey roofs under an orange evening sky"
caption = "The old town on the evening of the withdrawal."
credit = "Test picture"

[[embeds]]
url = "https://www.youtube.com/watch?v=Ab3_x-9Yz0Q"
title = "The last convoy leaves the old town"
description = "Video, two minutes, filmed from a rooftop."
credit = "Abu Test"

[[embeds]]
url = "https://mastodon.example/@reporter/109876543210"
title = "A reporter's post from the old town"

[[embeds]]
url = "https://example.org/statement"
title = "The army's statement"
"""


def picture(path: Path, size: tuple[int, int] = (2000, 1200), orientation: int | None = None, alpha: bool = False) -> Path:
    """A picture made here: two gradients and a flat channel, so that every
    resized width looks different; with an EXIF orientation, or
    transparency (saved as PNG), when asked; with an sRGB profile and a
    camera's make, for the build to leave out."""
    from PIL import Image, ImageCms

    gradient, ring = Image.linear_gradient("L").resize(size), Image.radial_gradient("L").resize(size)
    bands = (gradient, ring, Image.new("L", size, 90)) + ((ring,) if alpha else ())
    image = Image.merge("RGBA" if alpha else "RGB", bands)
    exif = Image.Exif()
    exif[0x010F] = "Test camera"
    if orientation:
        exif[0x0112] = orientation
    path.parent.mkdir(parents=True, exist_ok=True)
    profile = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    image.save(path, "PNG" if alpha else "JPEG", exif=exif, icc_profile=profile)
    return path


def write_media_site(content: Path) -> Path:
    """The two-entry site, its first entry with a picture and three links."""
    write_site(content)
    picture(content / "media" / "old-town.jpg")
    edit(content / "events" / "withdrawal.md", "+++\nThey left", MEDIA_TABLES + "+++\nThey left")
    return content


@pytest.fixture
def media_site(tmp_path: Path) -> Path:
    """The site of `write_media_site`, built: returns its output."""
    from generator.build import build

    content = write_media_site(tmp_path / "media" / "content")
    output = content.parent / "output"
    assert build(content, output).problems == []
    return output


@pytest.fixture(scope="session")
def aleppo_site(tmp_path_factory) -> Path:
    """The default site, built once for the tests that only read it."""
    out = tmp_path_factory.mktemp("aleppo") / "output"
    result = timeline("build", str(ROOT / "content"), "-o", str(out), cwd=ROOT)
    assert result.returncode == 0, result.stderr
    return out


@pytest.fixture(scope="session")
def browser():
    """Debian's chromium (Playwright cannot download its own browsers here)."""
    if not CHROMIUM.exists():
        pytest.skip("needs Debian's chromium (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()
