"""Every page the site writes is valid HTML, by the Nu HTML Checker (npm's
vnu-jar, on the machine's Java), all pages in one call; every link resolves;
no page asks another host for anything.

The checker is fetched once from the npm registry into a cache folder
outside the project (~/.cache/timeline-tests), pinned to one version.
"""

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from sitecheck import broken_links, external_requests

VNU_VERSION = "26.9.27"


@pytest.fixture(scope="session")
def vnu_jar() -> Path:
    cache = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "timeline-tests" / f"vnu-jar-{VNU_VERSION}"
    jar = cache / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
    if not shutil.which("java"):
        pytest.skip("needs Java 17 or later for the Nu HTML Checker (apt-get install openjdk-17-jre-headless)")
    if not jar.is_file():
        if not shutil.which("npm"):
            pytest.skip("needs npm to fetch the Nu HTML Checker (apt-get install npm)")
        # --ignore-scripts: the package's install script only offers to download a Java, which we have.
        subprocess.run(["npm", "install", "--prefix", str(cache), "--no-save", "--no-audit", "--no-fund",
                        "--ignore-scripts", f"vnu-jar@{VNU_VERSION}"], check=True, capture_output=True, timeout=300)
    return jar


def nu_errors(jar: Path, pages: list[Path]) -> list[str]:
    result = subprocess.run(["java", "-jar", str(jar), "--format", "json", "--errors-only", *map(str, pages)],
                            check=False, capture_output=True, text=True, timeout=300)
    messages = json.loads(result.stderr)["messages"]
    return [f"{m['url'].rsplit('/', 2)[-1]}:{m.get('lastLine')}: {m['message']}" for m in messages]


def test_every_page_is_valid_html(vnu_jar, aleppo_site, split_site, on_or_before_site, many_sources_site, media_site):
    pages = sorted(aleppo_site.rglob("*.html")) + sorted(split_site.rglob("*.html")) + sorted(on_or_before_site.rglob("*.html"))
    pages += sorted(many_sources_site.rglob("*.html")) + sorted(media_site.rglob("*.html"))
    assert len(pages) > 60
    assert nu_errors(vnu_jar, pages) == []


def test_the_checker_does_report_invalid_html(vnu_jar, tmp_path):
    broken = tmp_path / "broken.html"
    broken.write_text("<!doctype html><html lang=en><title>x</title><p><div></span>")
    assert nu_errors(vnu_jar, [broken])


def test_every_internal_link_and_fragment_of_every_page_resolves(aleppo_site, split_site, on_or_before_site, many_sources_site, media_site):
    assert broken_links(aleppo_site) == [] and broken_links(split_site) == [] and broken_links(on_or_before_site) == []
    assert broken_links(many_sources_site) == [] and broken_links(media_site) == []


def test_no_page_requests_another_host(aleppo_site, split_site, media_site):
    assert external_requests(aleppo_site) == [] and external_requests(media_site) == []
    assert external_requests(split_site, own="https://example.org/t/") == []
