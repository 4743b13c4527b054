"""serve: build, serve ``_site/`` on localhost, rebuild when sources change (watchfiles), and
reload the open pages (server-sent events, no dependency).

A rebuild with invalid content keeps serving the last good site, prints the problems and shows
them over every open page until the content is valid again. Only the preview server adds the
small reload script (``etalase/live.js``, served from ``/__etalase/``); the built files never
contain it."""

from __future__ import annotations

import functools
import http.server
import json
import threading
from pathlib import Path

import click

from etalase.config import SiteConfig
from etalase.diagnostics import format_report
from etalase.fragments import Fragments
from etalase.i18n import t

LIVE = "/__etalase/"
LIVE_JS = Path(__file__).with_name("live.js")


class LiveState:
    """The last build's outcome: a version that grows with every build, and its problems."""

    def __init__(self) -> None:
        self.version = 0
        self.problems: list[str] = []
        self.changed = threading.Condition()

    def publish(self, problems: list[str]) -> None:
        with self.changed:
            self.version += 1
            self.problems = problems
            self.changed.notify_all()

    def event(self) -> bytes:
        data = json.dumps({"version": self.version, "problems": self.problems, "title": t("ui.cli.rebuild_failed")})
        return f"data: {data}\n\n".encode()


class _Handler(http.server.SimpleHTTPRequestHandler):
    """Static files from the output folder, with the site's own 404 page."""

    def __init__(self, *args, directory: str, prefix: str, live: LiveState | None = None, **kwargs) -> None:
        self.prefix = prefix
        self.live = live
        super().__init__(*args, directory=directory, **kwargs)

    def do_GET(self) -> None:
        path = self.path.split("?", 1)[0]
        if self.live is not None and path == LIVE + "events":
            return self._events()
        if self.live is not None and path == LIVE + "live.js":
            return self._send(LIVE_JS.read_bytes(), "text/javascript; charset=utf-8")
        if self.live is not None:
            file = Path(self.translate_path(self.path))
            if file.is_dir() and path.endswith("/"):
                file = file / "index.html"
            if file.suffix == ".html" and file.is_file():
                tag = f'<script src="{LIVE}live.js" defer></script>'.encode()
                body = file.read_bytes().replace(b"</body>", tag + b"</body>", 1)
                return self._send(body, "text/html; charset=utf-8")
        return super().do_GET()

    def _send(self, body: bytes, ctype: str) -> None:
        self.send_response(200)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        self.wfile.write(body)

    def _events(self) -> None:
        """One server-sent event now (the state this page should show) and one per build."""
        live = self.live
        assert live is not None
        self.send_response(200)
        self.send_header("Content-Type", "text/event-stream")
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
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


def _rebuild(
    cfg: SiteConfig, live: LiveState | None = None, changes: set | None = None, fragments: Fragments | None = None
) -> bool:
    from etalase.pipeline import build

    if changes:
        names = sorted(_shown(cfg, path) for _kind, path in changes)
        click.echo(t("ui.cli.changed", files=", ".join(names[:5]) + (" …" if len(names) > 5 else "")))
    report = build(cfg, fragments=fragments)
    if not report.ok:
        click.echo(t("ui.cli.rebuild_failed"), err=True)
        click.echo(format_report(report.diagnostics, "text", None), err=True)
        if live is not None:
            live.publish([d.format_text() for d in report.diagnostics if d.severity != "warning"][:50])
        return False
    written = report.written.written if report.written else 0
    click.echo(t("ui.cli.rebuilt", seconds=f"{report.seconds:.2f}", written=written))
    if live is not None:
        live.publish([])
    return True


def _shown(cfg: SiteConfig, path: str) -> str:
    try:
        return Path(path).resolve().relative_to(cfg.root.resolve()).as_posix()
    except ValueError:
        return path


def run(cfg: SiteConfig, host: str, port: int, watch: bool = True) -> None:
    from urllib.parse import urlsplit

    live = LiveState() if watch else None
    fragments = Fragments()  # product cards and printed items kept from build to build
    _rebuild(cfg, live, fragments=fragments)
    cfg.output_dir.mkdir(parents=True, exist_ok=True)
    prefix = urlsplit(cfg.base_url).path or "/"
    handler = functools.partial(_Handler, directory=str(cfg.output_dir), prefix=prefix, live=live)
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
                _rebuild(cfg, live, changes, fragments)
    except KeyboardInterrupt:
        pass
    finally:
        server.shutdown()
