"""serve: build, serve ``_site/`` on localhost, rebuild when sources change (watchfiles), and
reload the open pages (server-sent events, no dependency).

A rebuild with invalid content keeps serving the last good site, prints the problems and shows
them over every open page until the content is valid again. Only the preview server adds the
small reload script (``etalase/live.js``, served from ``/__etalase/``); the built files never
contain it."""

from __future__ import annotations

import collections
import functools
import http.server
import json
import threading
import time
import urllib.parse
from collections.abc import Callable
from pathlib import Path

import click

from etalase import preview
from etalase import urls as U
from etalase.config import SiteConfig
from etalase.diagnostics import format_report
from etalase.fragments import Fragments
from etalase.i18n import t

LIVE = "/__etalase/"
LIVE_JS = Path(__file__).with_name("live.js")


class LiveState:
    """The last build's outcome: a version that grows with every build, and its problems.

    An event of the fast path (``etalase.preview``) names the ``pages`` it rendered: only tabs
    open on one of them reload. The full rebuild that follows reloads every tab except those
    whose page it made exactly as the fast path showed it (``keep``)."""

    def __init__(self) -> None:
        self.version = 0
        self.problems: list[str] = []
        self.pages: list[str] | None = None
        self.keep: list[str] = []
        self.changed = threading.Condition()
        self.open: collections.Counter[str] = collections.Counter()  # page path -> tabs on it

    def opened(self, page: str, delta: int) -> None:
        with self.changed:
            self.open[page] += delta
            if self.open[page] <= 0:
                del self.open[page]

    def open_pages(self) -> set[str]:
        with self.changed:
            return set(self.open)

    def publish(self, problems: list[str], pages: list[str] | None = None, keep: list[str] | None = None) -> None:
        with self.changed:
            self.version += 1
            self.problems, self.pages, self.keep = problems, pages, keep or []
            self.changed.notify_all()

    def event(self) -> bytes:
        data = json.dumps(
            {
                "version": self.version,
                "problems": self.problems,
                "title": t("ui.cli.rebuild_failed"),
                "pages": self.pages,  # a fast preview: the pages it rendered (None: a full build)
                "keep": self.keep,
            }
        )
        return f"data: {data}\n\n".encode()


class _Handler(http.server.SimpleHTTPRequestHandler):
    """Static files from the output folder, with the site's own 404 page."""

    def __init__(
        self,
        *args,
        directory: str,
        prefix: str,
        live: LiveState | None = None,
        fast_page: Callable[[str], bytes | None] | None = None,
        **kwargs,
    ) -> None:
        self.prefix = prefix
        self.live = live
        self.fast_page = fast_page  # output file -> a page of the fast path, until it is written
        super().__init__(*args, directory=directory, **kwargs)

    def do_GET(self) -> None:
        path, _, query = self.path.partition("?")
        if self.live is not None and path == LIVE + "events":
            return self._events(urllib.parse.parse_qs(query).get("halaman", [""])[0])
        if self.live is not None and path == LIVE + "live.js":
            return self._send(LIVE_JS.read_bytes(), "text/javascript; charset=utf-8")
        if self.live is not None:
            file = Path(self.translate_path(self.path))
            if file.is_dir() and path.endswith("/"):
                file = file / "index.html"
            if file.suffix == ".html":
                body = None
                if self.fast_page is not None and file.is_relative_to(self.directory):
                    body = self.fast_page(file.relative_to(self.directory).as_posix())
                if body is None and file.is_file():
                    body = file.read_bytes()
                if body is not None:
                    tag = f'<script src="{LIVE}live.js" defer></script>'.encode()
                    return self._send(body.replace(b"</body>", tag + b"</body>", 1), "text/html; charset=utf-8")
        return super().do_GET()

    def _send(self, body: bytes, ctype: str) -> None:
        self.send_response(200)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        self.wfile.write(body)

    def _events(self, page: str) -> None:
        """One server-sent event now (the state this page should show) and one per build; while
        the stream is open, ``page`` (the tab's path) counts as open for the fast path."""
        live = self.live
        assert live is not None
        self.send_response(200)
        self.send_header("Content-Type", "text/event-stream")
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        if page:
            live.opened(page, 1)
        try:
            seen = -1
            while True:
                with live.changed:
                    if seen == live.version:
                        live.changed.wait(timeout=15)
                    message = live.event() if seen != live.version else b": tetap terhubung\n\n"
                    seen = live.version
                self.wfile.write(message)
                self.wfile.flush()
        except (BrokenPipeError, ConnectionResetError, OSError):
            return
        finally:
            if page:
                live.opened(page, -1)

    def translate_path(self, path: str) -> str:
        # serve the site under its base path, as it will be published
        if self.prefix != "/" and path.startswith(self.prefix):
            path = "/" + path[len(self.prefix) :]
        return super().translate_path(path)

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        page = Path(self.directory) / "404.html"
        if code == 404 and page.is_file():
            body = page.read_bytes()
            self.send_response(404)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            if self.command != "HEAD":
                self.wfile.write(body)
            return
        super().send_error(code, message, explain)

    def log_message(self, format: str, *args) -> None:
        pass


class Session:
    """The preview's builds: a full build for every change, preceded, when the change is one
    the fast path can show (``etalase.preview``), by the changed products' pages, served from
    memory (``overlay``) until the full build has written them."""

    def __init__(self, cfg: SiteConfig, live: LiveState | None, prefix: str) -> None:
        self.cfg, self.live, self.prefix = cfg, live, prefix
        self.fragments = Fragments()  # product cards and printed items kept from build to build
        self.snapshot: preview.Snapshot | None = None  # the last build, when it was good
        self.overlay: dict[str, bytes] = {}  # the fast path's pages, until the full build writes them

    def fast_page(self, rel: str) -> bytes | None:
        return self.overlay.get(rel)

    def change(self, changes: set) -> None:
        names = sorted(_shown(self.cfg, path) for _kind, path in changes)
        click.echo(t("ui.cli.changed", files=", ".join(names[:5]) + (" …" if len(names) > 5 else "")))
        if self.snapshot is not None and self.live is not None:
            self.fast({Path(path) for _kind, path in changes})
        self.build()

    def fast(self, paths: set[Path]) -> None:
        """The edited products' pages first (milliseconds), then the other pages open in a tab
        (the rest of the site planned: a third of a second at 10,000 products), each shown as soon as it is made."""
        assert self.snapshot is not None and self.live is not None
        started = time.perf_counter()
        change = preview.edit(self.snapshot, paths)
        if change is None:
            return
        pages = preview.edited_pages(self.snapshot, change)
        self._show(pages, started)
        shown = {rel for page in self.live.open_pages() if (rel := self._output_of(page)) and rel not in pages}
        if shown:
            self._show(preview.shown_pages(self.snapshot, change, shown), started)

    def _show(self, pages: dict[str, str], started: float) -> None:
        if not pages:
            return
        assert self.live is not None
        self.overlay = {**self.overlay, **{rel: html.encode("utf-8") for rel, html in pages.items()}}
        self.live.publish([], pages=[u for rel in pages for u in self._addresses(rel)])
        seconds = f"{time.perf_counter() - started:.2f}"
        click.echo(t("ui.cli.previewed", pages=", ".join(U.url_of(rel) for rel in pages), seconds=seconds))

    def build(self, force: bool = False) -> None:
        from etalase.pipeline import build

        self.snapshot = None
        report = build(self.cfg, force=force, fragments=self.fragments)
        shown, self.overlay = self.overlay, {}
        if not report.ok:
            click.echo(t("ui.cli.rebuild_failed"), err=True)
            click.echo(format_report(report.diagnostics, "text", None), err=True)
            if self.live is not None:
                self.live.publish([d.format_text() for d in report.diagnostics if d.severity != "warning"][:50])
            return
        if report.site is not None and report.env is not None:
            self.snapshot = preview.Snapshot(self.cfg, report.site, report.env, report.checked, self.fragments)
        written = report.written.written if report.written else 0
        click.echo(t("ui.cli.rebuilt", seconds=f"{report.seconds:.2f}", written=written))
        if self.live is not None:
            # tabs that show a fast-path page the full build made the same need no second reload
            same = [rel for rel, body in shown.items() if _read(self.cfg.output_dir / rel) == body]
            self.live.publish([], keep=[u for rel in same for u in self._addresses(rel)])

    def _output_of(self, page: str) -> str | None:
        """The output file a tab at path ``page`` shows (None outside the site)."""
        if not page.startswith(self.prefix):
            return None
        return U.output_file(page[len(self.prefix) :])

    def _addresses(self, rel: str) -> list[str]:
        """The paths a browser shows for the output file ``rel``."""
        page = U.url_of(rel)
        return [self.prefix + page, self.prefix + rel] if page != rel else [self.prefix + rel]


def _read(path: Path) -> bytes | None:
    try:
        return path.read_bytes()
    except OSError:
        return None


def _shown(cfg: SiteConfig, path: str) -> str:
    try:
        return Path(path).resolve().relative_to(cfg.root.resolve()).as_posix()
    except ValueError:
        return path


def run(cfg: SiteConfig, host: str, port: int, watch: bool = True) -> None:
    from urllib.parse import urlsplit

    live = LiveState() if watch else None
    prefix = urlsplit(cfg.base_url).path or "/"
    session = Session(cfg, live, prefix)
    # a full build even when _site/ is up to date: the fast path starts from its model
    session.build(force=watch)
    cfg.output_dir.mkdir(parents=True, exist_ok=True)
    handler = functools.partial(
        _Handler, directory=str(cfg.output_dir), prefix=prefix, live=live, fast_page=session.fast_page
    )
    server = http.server.ThreadingHTTPServer((host, port), handler)
    server.daemon_threads = True  # open event streams must not keep the preview from stopping
    url = f"http://{host}:{server.server_address[1]}{prefix}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        if not watch:
            click.echo(t("ui.cli.serving", url=url))
            thread.join()
            return
        from watchfiles import watch as watch_changes

        roots = [
            p
            for p in (
                cfg.content_dir,
                cfg.templates_dir,
                cfg.assets_dir,
                cfg.data_dir,
                cfg.schema_dir,
                cfg.root / "site_config.yaml",
            )
            if p.exists()
        ]
        announced = False
        # yield_on_timeout: the first (empty) yield means the watcher is running, so no edit made
        # after the address is printed can be missed
        for changes in watch_changes(*roots, debounce=300, yield_on_timeout=True, rust_timeout=500):
            if not announced:
                click.echo(t("ui.cli.serving", url=url))
                announced = True
            if changes:
                session.change(changes)
    except KeyboardInterrupt:
        pass
    finally:
        server.shutdown()
