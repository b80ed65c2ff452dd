"""`timeline serve`, started for real on a free port, watched by a real browser."""

from __future__ import annotations

import asyncio
import http.client
import json
import os
import signal
import socket
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from conftest import edit, timeline, write

PAGE_TIMEOUT_MS = 10_000


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Preview:
    """A running `timeline serve`, with its terminal output in files."""

    def __init__(self, content: Path, *args: str, env: dict | None = None) -> None:
        self.content = content
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}/"
        folder = content.parent
        self.out, self.err = folder / "serve.out", folder / "serve.err"
        with open(self.out, "w") as out, open(self.err, "w") as err:
            self.process = subprocess.Popen(
                [sys.executable, "-m", "generator", "serve", str(content), "--port", str(self.port), *args],
                cwd=folder, stdout=out, stderr=err, env=env,
            )
        deadline = time.monotonic() + 30
        while "serving the preview" not in self.out.read_text():
            assert self.process.poll() is None, self.err.read_text()
            assert time.monotonic() < deadline, "the preview did not start"
            time.sleep(0.05)

    def get(self, path: str, headers: dict | None = None) -> tuple[int, str]:
        """A raw request, with the path sent exactly as given."""
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=10)
        connection.request("GET", path, headers=headers or {})
        response = connection.getresponse()
        return response.status, response.read().decode("utf-8", "replace")

    def stop(self) -> int:
        self.process.send_signal(signal.SIGINT)
        return self.process.wait(timeout=20)


@pytest.fixture
def preview(site: Path):
    running = Preview(site)
    yield running
    if running.process.poll() is None:
        running.stop()


def open_live(browser, url: str):
    """A page at `url` once its livereload socket has said hello: a save
    before that would have no page to tell."""
    page = browser.new_page()
    sent = []
    page.on("websocket", lambda socket: socket.on("framesent", lambda frame: sent.append(frame)))
    page.goto(url)
    deadline = time.monotonic() + 10
    while not any('"info"' in str(frame) for frame in sent):
        assert time.monotonic() < deadline, "the page did not connect to the preview"
        page.wait_for_timeout(20)
    return page


def heading_becomes(page, text: str) -> None:
    page.wait_for_function("t => document.querySelector('h1') && document.querySelector('h1').textContent.includes(t)",
                           arg=text, timeout=PAGE_TIMEOUT_MS)


def test_a_saved_title_appears_in_the_open_timeline_without_a_manual_reload(preview, browser):
    page = open_live(browser, preview.url)
    entry = page.locator("#event-withdrawal")
    assert "Rebels withdraw from the old town" in entry.inner_text()
    edit(preview.content / "events" / "withdrawal.md", "Rebels withdraw from the old town", "Rebels leave the old town")
    page.wait_for_function("() => document.querySelector('#event-withdrawal').textContent.includes('Rebels leave')",
                           timeout=PAGE_TIMEOUT_MS)


def test_saves_by_rename_and_two_saves_in_one_second_both_show(preview, browser):
    page = open_live(browser, preview.url + "events/withdrawal.html")
    entry = preview.content / "events" / "withdrawal.md"
    renamed = entry.with_name("withdrawal.md.new")
    renamed.write_text(entry.read_text().replace("Rebels withdraw", "By rename: rebels withdraw"), encoding="utf-8")
    os.replace(renamed, entry)
    heading_becomes(page, "By rename: rebels withdraw")
    edit(entry, "By rename:", "First save:")
    time.sleep(0.3)
    edit(entry, "First save:", "Second save:")
    heading_becomes(page, "Second save: rebels withdraw")


def test_a_content_mistake_shows_its_file_and_line_then_the_site_returns(preview, browser):
    page = open_live(browser, preview.url + "events/withdrawal.html")
    entry = preview.content / "events" / "withdrawal.md"
    edit(entry, 'kind = "capture"', 'kind = "capture')
    heading_becomes(page, "The preview cannot be built")
    assert "events/withdrawal.md:4:" in page.inner_text("main")
    edit(entry, 'kind = "capture', 'kind = "capture"')
    heading_becomes(page, "Rebels withdraw from the old town")
    assert preview.process.poll() is None
    errors = preview.err.read_text()
    assert errors.count("withdrawal.md:4:") == 1 and "Traceback" not in errors


async def hello_from(preview: Preview, path: str) -> dict | None:
    """What the preview tells a page at `path` whose livereload socket says
    hello now: a reload, or nothing within a second."""
    from tornado.websocket import websocket_connect

    socket = await websocket_connect(f"ws://127.0.0.1:{preview.port}/livereload")
    await socket.write_message(json.dumps({"command": "hello", "protocols": ["http://livereload.com/protocols/official-7"]}))
    await socket.read_message()
    await socket.write_message(json.dumps({"command": "info", "url": preview.url + path.lstrip("/"), "plugins": {}}))
    try:
        return json.loads(await asyncio.wait_for(socket.read_message(), 1))
    except asyncio.TimeoutError:
        return None
    finally:
        socket.close()


def run(coroutine):
    """Run `coroutine` on a loop of its own: Playwright's runs in this thread."""
    with ThreadPoolExecutor(1) as pool:
        return pool.submit(asyncio.run, coroutine).result()


def test_a_page_whose_socket_connects_after_a_rebuild_it_missed_reloads_at_once(preview):
    assert preview.get("/events/withdrawal.html")[0] == 200
    edit(preview.content / "events" / "withdrawal.md", "Rebels withdraw", "Rebels leave")
    deadline = time.monotonic() + 10
    while "Rebels leave" not in preview.get("/index.html")[1]:
        assert time.monotonic() < deadline, "the preview did not rebuild"
        time.sleep(0.05)
    assert run(hello_from(preview, "/events/withdrawal.html"))["command"] == "reload"
    assert preview.get("/events/withdrawal.html")[0] == 200
    assert run(hello_from(preview, "/events/withdrawal.html")) is None


def test_an_unknown_quote_id_shows_on_the_error_page(preview):
    edit(preview.content / "events" / "withdrawal.md", 'quotes = ["nothing-left"]', 'quotes = ["nothing-lft"]')
    deadline = time.monotonic() + 10
    while (status := preview.get("/index.html"))[0] != 500:
        assert time.monotonic() < deadline, "the error page did not come"
        time.sleep(0.05)
    assert "unknown quote &#x27;nothing-lft&#x27;" in status[1] or "unknown quote 'nothing-lft'" in status[1]


@pytest.mark.parametrize("path", [
    "/../../../../../../../../etc/passwd",
    "/%2e%2e/%2e%2e/%2e%2e/%2e%2e/%2e%2e/%2e%2e/etc/passwd",
    "/static/..%2f..%2f..%2f..%2f..%2f..%2f..%2fetc%2fpasswd",
    "/static/%2e%2e%2f%2e%2e%2f%2e%2e%2f%2e%2e%2f%2e%2e%2f%2e%2e%2fetc/passwd",
])
def test_a_request_cannot_leave_the_preview_folder(preview, path):
    status, body = preview.get(path)
    assert status in (403, 404)
    assert "root:" not in body


def test_the_livereload_script_is_in_preview_pages_only(preview, tmp_path):
    status, body = preview.get("/")
    assert status == 200 and "livereload.js" in body
    assert timeline("build", str(preview.content), "-o", str(tmp_path / "out"), cwd=tmp_path).returncode == 0
    built = [p.read_text() for p in (tmp_path / "out").rglob("*.html")]
    assert built and not any("livereload" in text for text in built)


def test_the_preview_is_not_written_into_output(preview):
    assert not (preview.content.parent / "output").exists()


def test_ctrl_c_stops_the_preview_cleanly(preview):
    assert preview.stop() == 0
    assert "Traceback" not in preview.err.read_text()


def listening_addresses(port: int) -> set[str]:
    """The local addresses with a socket listening on `port`, from the kernel's table."""
    found = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        if not os.path.exists(table):
            continue
        for line in Path(table).read_text().splitlines()[1:]:
            local, state = line.split()[1], line.split()[3]
            address, hex_port = local.split(":")
            if state == "0A" and int(hex_port, 16) == port:  # 0A: LISTEN
                found.add(address)
    return found


def test_the_preview_listens_on_this_machine_only_unless_told(preview):
    if not os.path.exists("/proc/net/tcp"):
        pytest.skip("needs Linux's /proc/net/tcp")
    assert f"http://127.0.0.1:{preview.port}/" in preview.out.read_text()
    assert listening_addresses(preview.port) == {"0100007F"}  # 127.0.0.1, as the kernel writes it


def test_a_busy_port_is_one_clear_line_naming_the_port(site):
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        result = timeline("serve", str(site), "--port", str(port), cwd=site.parent)
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and str(port) in lines[0] and "--port" in lines[0]


def test_serve_refuses_a_missing_content_folder(tmp_path):
    result = timeline("serve", str(tmp_path / "nowhere"), cwd=tmp_path)
    assert result.returncode == 1 and "no such content folder" in result.stderr


def test_drafts_are_previewed_only_when_asked(site):
    write(site / "events" / "draft-entry.md", (site / "events" / "siege.md").read_text().replace(
        'title = "The siege begins"', 'title = "A draft entry"\ndraft = true'))
    for args, shown in (((), False), (("--drafts",), True)):
        running = Preview(site, *args)
        try:
            assert ("A draft entry" in running.get("/index.html")[1]) is shown
        finally:
            running.stop()


# -- Hardening: what a page of another site, or a stray request, cannot do ----------------------


@pytest.mark.parametrize("host, status", [
    ("127.0.0.1:{port}", 200),
    ("localhost:{port}", 200),
    ("evil.example:{port}", 400),  # a name a hostile site's DNS points at 127.0.0.1 (DNS rebinding)
    ("127.0.0.1.evil.example", 400),
])
def test_the_preview_answers_only_to_the_address_it_serves(preview, host, status):
    assert preview.get("/", headers={"Host": host.format(port=preview.port)})[0] == status
    assert preview.get("/livereload.js", headers={"Host": host.format(port=preview.port)})[0] == status


@pytest.mark.parametrize("origin, status", [("http://127.0.0.1:{port}", 101), ("http://evil.example", 403), ("null", 403)])
def test_the_reload_socket_opens_only_for_a_page_of_the_preview(preview, origin, status):
    connection = http.client.HTTPConnection("127.0.0.1", preview.port, timeout=10)
    connection.request("GET", "/livereload", headers={
        "Upgrade": "websocket", "Connection": "Upgrade", "Sec-WebSocket-Version": "13",
        "Sec-WebSocket-Key": "dGhlIHNhbXBsZSBub25jZQ==", "Origin": origin.format(port=preview.port)})
    assert connection.getresponse().status == status


@pytest.mark.parametrize("path", ["/..%00/..%00/etc/passwd", "/index.html%00", "/%00"])
def test_a_nul_in_a_request_is_a_bad_request_not_a_server_error(preview, path):
    status, body = preview.get(path)
    assert status == 400 and "root:" not in body
    assert preview.get("/")[0] == 200


@pytest.mark.parametrize("stop", [signal.SIGTERM, signal.SIGHUP])
def test_a_preview_stopped_by_a_signal_removes_its_folder(site, tmp_path, stop):
    temporary = tmp_path / "tmp"
    temporary.mkdir()
    running = Preview(site, env={**os.environ, "TMPDIR": str(temporary)})
    assert [p.name[:17] for p in temporary.iterdir()] == ["timeline-preview-"]
    running.process.send_signal(stop)
    assert running.process.wait(timeout=20) == 0
    assert list(temporary.iterdir()) == []


def test_requests_for_pages_that_do_not_exist_are_not_remembered(site, tmp_path):
    import threading

    from tornado.ioloop import IOLoop

    from generator.preview import Preview as Builds
    from generator.serve import PreviewServer, application

    folder = tmp_path / "preview"
    folder.mkdir()
    server, port, started = PreviewServer(Builds(site, folder)), free_port(), threading.Event()
    loops = []

    def serve() -> None:
        asyncio.set_event_loop(asyncio.new_event_loop())
        application(server, folder, port).listen(port, address="127.0.0.1")
        server.start()
        loops.append(IOLoop.current())
        started.set()
        loops[0].start()

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    assert started.wait(30)
    try:
        for number in range(100):
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
            connection.request("GET", f"/no-such-page-{number}.html")
            assert connection.getresponse().status == 404
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        connection.request("GET", "/events/siege.html")
        assert connection.getresponse().status == 200
        assert set(server.served) == {"events/siege.html"}
    finally:
        loops[0].add_callback(loops[0].stop)
        thread.join(10)


def test_serving_every_address_answers_to_any_ip_and_this_machines_name_only(site):
    running = Preview(site, "--host", "0.0.0.0")
    try:
        for host, status in ((f"127.0.0.1:{running.port}", 200), (f"{socket.gethostname()}:{running.port}", 200),
                             (f"[::1]:{running.port}", 200), (f"evil.example:{running.port}", 400)):
            assert running.get("/", headers={"Host": host})[0] == status, host
    finally:
        running.stop()
