"""What a build promises about its output under stress: it is replaced in
one step, a killed or stopped build leaves nothing behind, two builds never
write one output, a mount point works, a full disk is one line."""

from __future__ import annotations

import json
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from build_benchmark import generate
from conftest import edit, mounted, timeline, tree, unprivileged, write

from generator.build import MARKER, build


def beside(output: Path) -> list[str]:
    """The hidden files and folders beside `output`: what builds leave there
    besides the cache they keep for the next build."""
    return sorted(p.name for p in output.parent.iterdir() if p.name.startswith(".") and p.name != f".{output.name}.cache")


def start_build(content: Path, output: Path) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "generator", "build", str(content), "-o", str(output)],
                            cwd=content.parent, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def wait_for(condition, what: str, seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, f"never saw {what}"
        time.sleep(0.002)


@pytest.fixture
def archive(tmp_path: Path) -> Path:
    """A synthetic site of 1,000 entries, which takes about a second to build:
    long enough to be caught in the middle. Returns its content folder."""
    content = tmp_path / "archive" / "content"
    generate(content, 1000)
    return content


# -- 5. One step, no debris ------------------------------------------------------------------


READER = textwrap.dedent("""
    import os, sys
    path, stop = sys.argv[1], sys.argv[2]
    print("reading", flush=True)
    missing = 0
    while not os.path.exists(stop):
        for _ in range(1000):
            try:
                os.stat(path)
            except FileNotFoundError:
                missing += 1
    print(missing)
""")


def test_a_reader_of_the_output_never_finds_it_missing_while_builds_replace_it(site, tmp_path):
    # A web server serving the output, as near as a test gets: a process on
    # the other core that looks at the output's page as fast as it can.
    output, stop = tmp_path / "output", tmp_path / "stop"
    assert build(site, output).problems == []
    reader = subprocess.Popen([sys.executable, "-c", READER, str(output / "index.html"), str(stop)], stdout=subprocess.PIPE, text=True)
    assert reader.stdout.readline() == "reading\n"
    for number in range(20):
        edit(site / "site.toml", f"timeline{number or ''}\"", f"timeline{number + 1}\"")
        assert build(site, output).problems == []
    stop.touch()
    assert reader.communicate(timeout=30)[0].strip() == "0"


def test_a_build_removes_the_folders_that_killed_builds_left_beside_the_output(site, tmp_path):
    output = tmp_path / "output"
    for name in (".output.new-abcd1234", ".output.old-k2_x9q0z"):
        write(tmp_path / name / "index.html", "a page of a build that was killed")
    notes = write(tmp_path / ".output.new-notes" / "mine.txt", "not a build's")
    assert build(site, output).problems == []
    assert beside(output) == [".output.new-notes"] and notes.exists()


def test_what_a_build_killed_outright_leaves_the_next_build_removes(archive):
    output = archive.parent / "output"
    running = start_build(archive, output)
    wait_for(lambda: any(".output.new-" in name for name in beside(output)), "the build's temporary folder")
    running.kill()  # SIGKILL: nothing of the build's own runs
    running.wait(timeout=30)
    assert ".output.new-" in [name[:12] for name in beside(output)]
    result = timeline("build", str(archive), "-o", str(output), cwd=archive.parent)
    assert result.returncode == 0 and result.stderr == ""
    assert beside(output) == [] and (output / MARKER).exists()


@pytest.mark.parametrize("stop", [signal.SIGTERM, signal.SIGHUP, signal.SIGINT])
def test_a_build_stopped_by_a_signal_leaves_the_output_as_it_was_and_nothing_beside_it(archive, stop):
    output = archive.parent / "output"
    assert timeline("build", str(archive), "-o", str(output), cwd=archive.parent).returncode == 0
    before = tree(output)
    write(archive / "site.toml", 'title = "Another title"\n')
    running = start_build(archive, output)
    wait_for(lambda: any(".output.new-" in name for name in beside(output)), "the build's temporary folder")
    running.send_signal(stop)
    assert running.wait(timeout=30) == 130
    assert "interrupted; the output was left as it was" in running.stderr.read()
    assert beside(output) == [] and tree(output) == before


# -- 13. One build at a time ----------------------------------------------------------------------


def test_a_second_build_into_the_same_output_is_refused_while_the_first_writes(archive, site):
    output = archive.parent / "output"
    first = start_build(archive, output)
    wait_for(lambda: (archive.parent / ".output.lock").exists(), "the first build's lock")
    second = timeline("build", str(site), "-o", str(output), cwd=site.parent)
    assert second.returncode == 1
    assert second.stderr.splitlines()[0] == (f"archive/output: another build (process {first.pid}) is writing this folder: "
                                             "build again when it has finished")
    assert first.wait(timeout=60) == 0, first.stderr.read()
    assert "Synthetic archive" in (output / "index.html").read_text()
    assert beside(output) == []
    assert timeline("build", str(site), "-o", str(output), cwd=site.parent).returncode == 0


# -- 6. An output folder that is a mount point ----------------------------------------------------


def test_an_output_folder_that_is_a_mount_point_is_built_and_rebuilt(site, tmp_path):
    with mounted(tmp_path / "volume") as output:
        assert build(site, output).problems == []
        assert (output / "events" / "siege.html").exists() and (output / MARKER).exists()
        first = (output / "index.html").stat().st_ino
        (site / "events" / "siege.md").unlink()
        edit(site / "site.toml", "Test timeline", "Rebuilt timeline")
        assert build(site, output).problems == []
        assert not (output / "events" / "siege.html").exists()
        assert "Rebuilt timeline" in (output / "index.html").read_text()
        assert (output / "index.html").stat().st_ino != first
        assert sorted(p.name for p in output.iterdir() if p.name.startswith(".")) == [MARKER]
        full = build(tmp_path / "nowhere", output)  # a failed build changes nothing in it either
        assert full.problems and "Rebuilt timeline" in (output / "index.html").read_text()


# -- 11. Failures said once -------------------------------------------------------------------------


def test_a_full_disk_is_one_line_naming_the_output(tmp_path):
    with mounted(tmp_path / "disk", size="300k") as disk:
        result = timeline("build", str(Path(__file__).parent.parent / "content"), "-o", "disk/output", cwd=tmp_path)
        assert result.returncode == 1
        [problem, summary] = result.stderr.splitlines()
        assert problem.startswith("disk/output: cannot write the output: No space left on device (")
        assert summary == "timeline: 1 problem; disk/output/ was left as it was"
        assert list(disk.iterdir()) == []


def test_an_old_output_that_cannot_be_removed_is_a_warning_and_is_removed_later(site):
    output = site.parent / "output"
    assert unprivileged("build", cwd=site.parent).returncode == 0
    (output / "events").chmod(0o555)  # its pages cannot be removed: the build replaces it all the same
    try:
        result = unprivileged("build", "--no-cache", cwd=site.parent)  # nothing changed: only a clean build replaces it
        assert result.returncode == 0, result.stderr
        [warning] = result.stderr.splitlines()
        [left] = [name for name in beside(output)]
        assert warning.startswith(f"{left}: warning: could not remove this old output (Permission denied)")
    finally:
        (site.parent / left / "events").chmod(0o755)
    assert unprivileged("build", cwd=site.parent).stderr == ""
    assert beside(output) == []


# -- 7. Escaping ---------------------------------------------------------------------------


def test_timeline_json_escapes_titles_as_it_escapes_texts(site, tmp_path):
    edit(site / "events" / "withdrawal.md", "Rebels withdraw", "<img src=x onerror=alert(1)> & Rebels withdraw")
    edit(site / "site.toml", 'title = "Test timeline"', 'title = "<b>Test</b> timeline"\ndescription = "<i>d</i>"')
    assert build(site, tmp_path / "output").problems == []
    data = json.loads((tmp_path / "output" / "timeline.json").read_text())
    assert data["title"]["text"] == {"headline": "&lt;b&gt;Test&lt;/b&gt; timeline", "text": "&lt;i&gt;d&lt;/i&gt;"}
    [slide] = [e for e in data["events"] if e["unique_id"] == "withdrawal"]
    assert slide["text"]["headline"] == "&lt;img src=x onerror=alert(1)&gt; &amp; Rebels withdraw from the old town"
