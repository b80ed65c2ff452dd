"""The live preview: build into a folder of its own, serve it with
livereload, and rebuild and reload the browser when a watched file is saved.

livereload gives the browser side: its handlers inject the reload script
into served pages (never into `timeline build` output) and keep the socket
that tells a page to reload. Its Server and watcher are not used: the
watcher polls every 0.8 s and skips a save that comes within a second or
more of the previous reload, so a quick second save would not show. Instead
a scan of the watched folders' file stats (a rename changes the inode, so
saves by rename count) runs on the server's loop as often as it is cheap,
and the browser is told to reload as soon as the pages are written. A page
whose socket connects only after a rebuild it missed is told at once.

A page of another site must not read the preview: a request is answered only
when its Host names the address served (not a name that a hostile site's
DNS points here, DNS rebinding), and the reload socket only from a page of
the preview itself (its Origin).
"""

from __future__ import annotations

import errno
import gc
import html
import ipaddress
import json
import logging
import os
import shutil
import socket
import sys
import tempfile
import time
import webbrowser
from pathlib import Path
from urllib.parse import unquote, urlsplit

from livereload.handlers import LiveReloadHandler, LiveReloadJSHandler, StaticFileHandler
from livereload.server import LiveScriptInjector
from tornado import web
from tornado.ioloop import IOLoop
from tornado.websocket import WebSocketClosedError

from generator.preview import Outcome, Preview
from generator.problems import Problem, count, display_path

# Editors' own files: swap files, backups, lock files.
IGNORED_PREFIXES = (".", "#")
IGNORED_SUFFIXES = ("~", ".swp", ".swx", ".tmp")


class Stats:
    """The files under some folders, each with what a save changes."""

    def __init__(self, folders: list[Path]) -> None:
        self.folders = folders
        self.files = self._scan()

    def _scan(self) -> dict[str, tuple]:
        found: dict[str, tuple] = {}
        for folder in self.folders:
            for root, dirs, files in os.walk(folder):
                dirs[:] = [d for d in dirs if not d.startswith(IGNORED_PREFIXES)]
                for name in files:
                    if not name.startswith(IGNORED_PREFIXES) and not name.endswith(IGNORED_SUFFIXES):
                        path = os.path.join(root, name)
                        found[path] = _stat(path)
        return found

    def changes(self) -> set[Path]:
        """The files added, removed or changed since the last call."""
        now = self._scan()
        changed = {Path(p) for p in now.keys() ^ self.files.keys()}
        changed |= {Path(p) for p, stat in now.items() if self.files.get(p, stat) != stat}
        self.files = now
        return changed

    def settle(self, changed: set[Path]) -> None:
        """Wait until the files just changed stay as they are for a moment: an
        editor's save can be several writes (truncate, then write)."""
        for _ in range(10):
            before = [_stat(str(p)) for p in changed]
            time.sleep(0.02)
            if [_stat(str(p)) for p in changed] == before:
                break
        self.files.update((str(p), _stat(str(p))) for p in changed)
        for path, stat in list(self.files.items()):
            if stat is None:
                del self.files[path]


def _stat(path: str) -> tuple | None:
    try:
        s = os.stat(path)
    except OSError:  # gone between listing and stat
        return None
    return (s.st_mtime_ns, s.st_size, s.st_ino)


class PreviewServer:
    """Watches, rebuilds and tells the open pages to reload; keeps what the
    request handlers need: the problems to show and what each page was served at."""

    def __init__(self, preview: Preview) -> None:
        self.preview = preview
        self.problems: list[Problem] = []
        self.stats = Stats([])
        self.interval = 0.05
        self.version = 0  # counts the changes the browser was told of
        self.served: dict[str, int] = {}  # page path -> the version it was last served at

    def start(self) -> None:
        """The first build, then watching; a save during the build is seen."""
        self.stats = Stats(self.preview.watched())
        self._report(self.preview.rebuild(), initial=True)
        self._watch_theme()
        self._schedule()

    def _watch_theme(self) -> None:
        watched = self.preview.watched()
        if watched != self.stats.folders:  # the site names another theme
            self.stats = Stats(watched)

    def _schedule(self) -> None:
        IOLoop.current().call_later(self.interval, self._poll)

    def _poll(self) -> None:
        try:
            started = time.perf_counter()
            changed = self.stats.changes()
            # Scanning costs more for a large archive: poll it less often, so
            # the preview never takes more than a quarter of a core while idle.
            self.interval = max(0.05, 3 * (time.perf_counter() - started))
            if changed:
                self.stats.settle(changed)
                self._rebuild(changed)
        except Exception as error:  # a fault of ours must not stop the watching; say it
            print(f"timeline: the preview could not rebuild ({type(error).__name__}: {error}); "
                  "it goes on watching", file=sys.stderr, flush=True)
        finally:
            self._schedule()

    def _rebuild(self, changed: set[Path]) -> None:
        had_problems = bool(self.problems)
        outcome = self.preview.rebuild(changed, defer_data=True)
        self._report(outcome, names=changed)
        if outcome.written or had_problems or outcome.problems:
            self.version += 1
            for page in list(LiveReloadHandler.waiters):
                reload(page)
        if self.preview.owed:
            # After the browser has fetched the reloaded page, not before it.
            IOLoop.current().call_later(0.5, self._settle)
        self._watch_theme()

    def _settle(self) -> None:
        if self.preview.owed and not self.problems:
            outcome = self.preview.settle()
            if outcome.problems:
                self._report(outcome)

    def _report(self, outcome: Outcome, initial: bool = False, names: set[Path] = frozenset()) -> None:
        if outcome.problems:
            if outcome.problems != self.problems:
                for problem in outcome.problems:
                    print(problem, file=sys.stderr, flush=True)
                print(f"timeline: {count(len(outcome.problems), 'problem')}; the preview shows an error page until fixed", file=sys.stderr, flush=True)
            self.problems = outcome.problems
            return
        self.problems = []
        saved = ", ".join(sorted(str(display_path(p)) for p in names)[:3])
        what = "built" if initial else f"{saved}: rebuilt"
        print(f"{what} {count(outcome.rendered, 'page')} in {outcome.seconds:.2f} s", flush=True)

    def error_page(self) -> str:
        items = "\n".join(f"<li><code>{html.escape(str(p))}</code></li>" for p in self.problems)
        return ERROR_PAGE.format(count=count(len(self.problems), "problem"), items=items)


ERROR_PAGE = """<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Preview: {count} in the content</title>
<style>body{{font:1.1rem/1.5 system-ui,sans-serif;max-width:50rem;margin:2rem auto;padding:0 1rem;color:#1a1a1a;background:#fff}}
h1{{color:#8a1c1c}}code{{white-space:pre-wrap}}</style>
</head>
<body>
<main>
<h1>The preview cannot be built: {count}</h1>
<ul>
{items}
</ul>
<p>Fix the file and save it: this page returns to the timeline by itself.</p>
</main>
</body>
</html>
"""


RELOAD = {"command": "reload", "path": "*", "liveCSS": False, "liveImg": False}


def reload(page: LiveReloadHandler) -> None:
    try:
        page.write_message(RELOAD)
    except WebSocketClosedError:
        LiveReloadHandler.waiters.discard(page)


def _page_path(path: str) -> str:
    path = unquote(path).lstrip("/")
    return path + "index.html" if path == "" or path.endswith("/") else path


LOOPBACK = {"127.0.0.1", "localhost", "::1"}
ANY_ADDRESS = {"0.0.0.0", "::", ""}


def host_names(host: str) -> set[str] | None:
    """The names a request's Host may give for a preview listening on
    `host`; None when any address of this machine will do (0.0.0.0), as
    long as it is an address or this machine's name."""
    if host in ANY_ADDRESS:
        return None
    return LOOPBACK if host in LOOPBACK else {host.lower()}


def allowed_host(header: str | None, names: set[str] | None) -> bool:
    hostname = urlsplit(f"//{header or ''}").hostname or ""
    if names is not None:
        return hostname in names
    try:
        ipaddress.ip_address(hostname)
        return True
    except ValueError:
        return hostname in LOOPBACK | {socket.gethostname().lower(), socket.getfqdn().lower()}


def application(server: PreviewServer, folder: Path, port: int, host: str = "127.0.0.1") -> web.Application:
    names = host_names(host)

    class SameHost:
        """Refuses a request whose Host names another site (DNS rebinding)."""

        def prepare(self) -> None:
            if not allowed_host(self.request.host, names):
                raise web.HTTPError(400, reason="Host not served here")

    class PreviewHandler(SameHost, StaticFileHandler):
        """The preview folder's files, or the error page while the content
        has problems. Tornado keeps every request inside the folder: a path
        that resolves outside it, encoded or not, gets 403; one that holds a
        NUL, which no file name can, 400."""

        async def get(self, path: str, include_body: bool = True) -> None:
            if "\x00" in path:
                raise web.HTTPError(400)
            page = _page_path(path)
            if page in server.preview.reads:  # only the site's pages: a request for any path would be kept
                server.served[page] = server.version
            if server.problems and (path == "" or path.endswith((".html", "/"))):
                self.set_status(500)
                self.set_header("Content-Type", "text/html; charset=utf-8")
                self.set_header("Cache-Control", "no-store")
                self.finish(server.error_page())
                return
            await super().get(path, include_body)

        def set_extra_headers(self, path: str) -> None:
            self.set_header("Cache-Control", "no-store")

        def write_error(self, status_code: int, **kwargs) -> None:
            page = Path(self.root, "404.html")
            if status_code == 404 and page.is_file():  # the theme's own, when it has one
                self.set_header("Content-Type", "text/html; charset=utf-8")
                self.finish(page.read_bytes())
            else:
                super().write_error(status_code, **kwargs)

    class ReloadSocket(SameHost, LiveReloadHandler):
        """livereload's socket, which also reloads a page at once when it
        connects late: served before a change whose reload it missed.
        Only a page of the preview may open it (livereload lets any)."""

        def check_origin(self, origin: str) -> bool:
            return urlsplit(origin).netloc.lower() == self.request.host.lower()

        def on_message(self, message: str) -> None:
            super().on_message(message)
            hello = json.loads(message)
            if hello.get("command") == "info" and "url" in hello:
                served = server.served.get(_page_path(urlsplit(hello["url"]).path))
                if served is not None and served < server.version:
                    reload(self)

    class InjectScript(LiveScriptInjector):
        script = f'<script src="/livereload.js?port={port}"></script>'.encode()

    class ReloadScript(SameHost, LiveReloadJSHandler):
        pass

    return web.Application([
        (r"/livereload", ReloadSocket),
        (r"/livereload.js", ReloadScript),
        (r"/(.*)", PreviewHandler, {"path": str(folder), "default_filename": "index.html"}),
    ], transforms=[InjectScript])


def serve(content_dir: Path, host: str, port: int, open_browser: bool, drafts: bool) -> int:
    folder = Path(tempfile.mkdtemp(prefix="timeline-preview-"))
    try:
        url = f"http://{host if ':' not in host else f'[{host}]'}:{port}/"
        server = PreviewServer(Preview(content_dir, folder, drafts))
        try:
            application(server, folder, port, host).listen(port, address=host)
        except OSError as error:
            if error.errno == errno.EADDRINUSE:
                print(f"timeline: port {port} is in use on {host}: stop what uses it or choose another with --port", file=sys.stderr)
            else:
                print(f"timeline: cannot serve on {host}:{port}: {error.strerror or error}", file=sys.stderr)
            return 1
        # Tornado would log every 404 and refused path to the terminal, where
        # the editor wants to see only the content's problems.
        logging.getLogger("tornado").setLevel(logging.CRITICAL)
        server.start()
        # The first build's objects live as long as the preview: spare the
        # collector from walking them again after every save.
        gc.freeze()
        where = "" if host in ("127.0.0.1", "localhost", "::1") else " (reachable from other machines)"
        print(f"serving the preview of {display_path(content_dir)}/ at {url}{where}; Ctrl-C stops", flush=True)
        if open_browser:
            webbrowser.open(url)
        IOLoop.current().start()
    except KeyboardInterrupt:
        print("\ntimeline: preview stopped", file=sys.stderr)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    return 0
